// CUDA's byte dot products, as int8 inference kernels use them: __dp4a (four byte products added to a 32-bit
// sum) and __dp2a_lo/__dp2a_hi (two halfword x byte products, from the low or the high half of b), each on
// int (signed lanes) and unsigned (unsigned lanes). The sums wrap at 32 bits, as the instruction's do.
#include <cstdint>
#include <cstdio>
#include "oclrt.h"
#include "integer_dot_products.launch.h"

// out[6 i + 0..5] = the six intrinsics on a[i], b[i], c[i]
/* cutrans: kernel 'dot_products' moved to integer_dot_products.cl */














// a row of int8 weights times int8 activations, four at a time, as a quantized matrix-vector product
/* cutrans: kernel 'int8_matvec' moved to integer_dot_products.cl */











// the lane of `word` starting at bit `shift`, `bits` wide, sign-extended or not, in 64 bits
static long long lane(uint32_t word, int shift, int bits, bool is_signed)
{
    long long v = (word >> shift) & ((1ull << bits) - 1);
    return is_signed && v >= (1ll << (bits - 1)) ? v - (1ll << bits) : v;
}

static uint32_t want_dp(uint32_t a, uint32_t b, uint32_t c, bool is_signed, int pairs, int hi)
{
    long long sum = is_signed ? (long long)(int32_t)c : (long long)c;
    int width = pairs == 4 ? 8 : 16;
    for (int i = 0; i < pairs; ++i) {
        sum += lane(a, width * i, width, is_signed) * lane(b, 8 * (i + 2 * hi), 8, is_signed);
    }
    return (uint32_t)sum;        // the low 32 bits: the wrapped sum
}

int main()
{
    const int n = 256, rows = 48, words = 20;
    static int a[n], b[n], c[n], out[6 * n], weights[rows * words], x[words], y[rows];
    uint32_t state = 12345u;
    for (int i = 0; i < n; ++i) {
        state = state * 1664525u + 1013904223u;
        a[i] = (int)state;
        state = state * 1664525u + 1013904223u;
        b[i] = (int)state;
        state = state * 1664525u + 1013904223u;
        c[i] = (int)(state >> (i % 3 == 0 ? 0 : 8));
    }
    // extremes: every lane at its most negative or largest value, and sums that wrap
    a[0] = (int)0x80808080u; b[0] = (int)0x80808080u; c[0] = 0x7fffffff;
    a[1] = 0x7f7f7f7f;       b[1] = (int)0x80808080u; c[1] = (int)0x80000000u;
    a[2] = -1;               b[2] = -1;               c[2] = -1;
    a[3] = (int)0x80007fffu; b[3] = 0x7f80ff01;       c[3] = 0;
    for (int i = 0; i < rows * words; ++i) {
        state = state * 1664525u + 1013904223u;
        weights[i] = (int)state;
    }
    for (int k = 0; k < words; ++k) {
        state = state * 1664525u + 1013904223u;
        x[k] = (int)state;
    }

    int *da, *db, *dc, *dout, *dw, *dx, *dy;
    oclrtMalloc((void **)&da, sizeof a);
    oclrtMalloc((void **)&db, sizeof b);
    oclrtMalloc((void **)&dc, sizeof c);
    oclrtMalloc((void **)&dout, sizeof out);
    oclrtMalloc((void **)&dw, sizeof weights);
    oclrtMalloc((void **)&dx, sizeof x);
    oclrtMalloc((void **)&dy, sizeof y);
    oclrtMemcpy(da, a, sizeof a, oclrtMemcpyHostToDevice);
    oclrtMemcpy(db, b, sizeof b, oclrtMemcpyHostToDevice);
    oclrtMemcpy(dc, c, sizeof c, oclrtMemcpyHostToDevice);
    oclrtMemcpy(dw, weights, sizeof weights, oclrtMemcpyHostToDevice);
    oclrtMemcpy(dx, x, sizeof x, oclrtMemcpyHostToDevice);
    cutrans_launch_dot_products((n + 63) / 64, 64, 0, 0, da, db, dc, dout, n);
    cutrans_launch_int8_matvec(1, 64, 0, 0, dw, dx, dy, rows, words);
    oclrtMemcpy(out, dout, sizeof out, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(y, dy, sizeof y, oclrtMemcpyDeviceToHost);

    int failures = 0;
    unsigned checksum = 0u;
    for (int i = 0; i < n; ++i) {
        uint32_t want[6];
        for (int s = 0; s < 2; ++s) {
            bool is_signed = s == 0;
            want[0 + s] = want_dp(a[i], b[i], c[i], is_signed, 4, 0);
            want[2 + s] = want_dp(a[i], b[i], c[i], is_signed, 2, 0);
            want[4 + s] = want_dp(a[i], b[i], c[i], is_signed, 2, 1);
        }
        for (int k = 0; k < 6; ++k) {
            checksum = checksum * 31u + (uint32_t)out[6 * i + k];
            if ((uint32_t)out[6 * i + k] != want[k]) {
                if (failures < 8) {
                    printf("FAIL out[%d][%d] = %08x, expected %08x\n", i, k, (uint32_t)out[6 * i + k], want[k]);
                }
                ++failures;
            }
        }
    }
    printf("dot_products: %08x; a[0..3]: %d %u %d %d\n", checksum, out[0], (unsigned)out[6 + 1], out[12 + 2],
           out[18 + 4]);
    for (int r = 0; r < rows; ++r) {
        uint32_t sum = 0u;
        for (int k = 0; k < words; ++k) {
            sum = want_dp(weights[r * words + k], x[k], sum, true, 4, 0);
        }
        if ((uint32_t)y[r] != sum) {
            printf("FAIL y[%d] = %d, expected %d\n", r, y[r], (int)sum);
            ++failures;
        }
    }
    printf("int8_matvec: y[0] %d y[17] %d y[47] %d\n", y[0], y[17], y[47]);
    oclrtFree(da);
    oclrtFree(db);
    oclrtFree(dc);
    oclrtFree(dout);
    oclrtFree(dw);
    oclrtFree(dx);
    oclrtFree(dy);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
