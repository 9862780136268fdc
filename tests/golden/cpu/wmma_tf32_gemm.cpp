// Tensor cores, tf32: C = alpha * A x B + beta * C with nvcuda::wmma fragments of 16x16x8.
// A is row-major and B column-major; each warp of a 64-thread block computes two 16x16 tiles of C
// (an array of accumulator fragments), so a block covers 32 x 32 elements. The inputs are rounded to
// tf32 in the fragments with __float_to_tf32 (an element-wise loop over x[i], as CUDA's guide writes
// it), and the epilogue alpha * acc + beta * c is another element-wise loop. The host checks the
// result against a double-precision product of the tf32-rounded inputs within a bound for float sums.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include "cpurt.h"
#include "wmma_tf32_gemm.launch.h"
namespace nvcuda { namespace wmma {} }  /* cutrans: <mma.h> is device-only */
#include "cutrans_fp16.h"
#include "cutrans_bf16.h"

using namespace nvcuda;

#define TILE 16
#define TILE_K 8
#define TILES_PER_WARP 2

/* cutrans: kernel 'wmma_gemm_tf32' moved to wmma_tf32_gemm.kernels.c */





































// __float_to_tf32 on its own, over values that include ties, carries into the next binade, the largest
// finite values, infinities and NaNs (the host checks every bit).
/* cutrans: kernel 'round_to_tf32' moved to wmma_tf32_gemm.kernels.c */







// tf32 rounding on the host (round to nearest, ties away from zero, 10 mantissa bits), as an H100 does it:
// an infinity stays, and a NaN loses its low 13 bits like any other value's (0x7fc00001 becomes 0x7fc00000)
static float to_tf32(float x)
{
    unsigned int bits;
    memcpy(&bits, &x, sizeof bits);
    if ((bits & 0x7f800000u) != 0x7f800000u) {
        bits = (bits + 0x1000u) & 0xffffe000u;
    } else {
        bits &= 0xffffe000u;
    }
    memcpy(&x, &bits, sizeof bits);
    return x;
}

int main()
{
    const int m = 64, n = 64, k = 48;
    const float alpha = 1.5f, beta = -0.5f;
    float *h_a = (float *)malloc(m * k * sizeof(float));
    float *h_b = (float *)malloc(k * n * sizeof(float));   // column-major: b[col * k + row]
    float *h_c = (float *)malloc(m * n * sizeof(float));
    for (int i = 0; i < m * k; ++i) {
        h_a[i] = (float)((i * 7919) % 2003 - 1001) / 997.0f;
    }
    for (int i = 0; i < k * n; ++i) {
        h_b[i] = (float)((i * 104729) % 1999 - 999) / 1013.0f;
    }
    for (int i = 0; i < m * n; ++i) {
        h_c[i] = (float)(i % 17) / 4.0f - 2.0f;
    }
    float *d_a, *d_b, *d_c;
    cpurtMalloc((void **)&d_a, m * k * sizeof(float));
    cpurtMalloc((void **)&d_b, k * n * sizeof(float));
    cpurtMalloc((void **)&d_c, m * n * sizeof(float));
    cpurtMemcpy(d_a, h_a, m * k * sizeof(float), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_b, h_b, k * n * sizeof(float), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_c, h_c, m * n * sizeof(float), cpurtMemcpyHostToDevice);
    dim3 grid(n / (TILE * TILES_PER_WARP), m / (TILE * 2));
    cutrans_launch_wmma_gemm_tf32(grid, 64, 0, 0, d_a, d_b, d_c, m, n, k, alpha, beta);
    float *got = (float *)malloc(m * n * sizeof(float));
    cpurtMemcpy(got, d_c, m * n * sizeof(float), cpurtMemcpyDeviceToHost);

    int bad = 0;
    double checksum = 0.0, worst = 0.0;
    for (int i = 0; i < m; ++i) {
        for (int j = 0; j < n; ++j) {
            double exact = 0.0, magnitude = 0.0;
            for (int p = 0; p < k; ++p) {
                double term = (double)to_tf32(h_a[i * k + p]) * (double)to_tf32(h_b[j * k + p]);
                exact += term;
                magnitude += fabs(term);
            }
            double want = alpha * exact + beta * h_c[i * n + j];
            double bound = (k + 2) * 6.0e-8 * (fabs(alpha) * magnitude + fabs(beta * h_c[i * n + j])) + 1e-6;
            double err = fabs(got[i * n + j] - want);
            if (err > bound) {
                ++bad;
            }
            worst = err / bound > worst ? err / bound : worst;
            checksum += got[i * n + j];
        }
    }
    const unsigned int special[] = {0x3f800000u, 0x3f801000u, 0xbf801000u, 0x3f800fffu, 0x3f801001u, 0x3fffffffu,
                                    0x7f7ff000u, 0x7f7fefffu, 0x7f800000u, 0xff800000u, 0x7fc00001u, 0x00001000u,
                                    0x80000000u, 0x00000fffu};
    const int count = (int)(sizeof special / sizeof special[0]);
    float h_in[count], h_out[count];
    memcpy(h_in, special, sizeof special);
    float *d_in, *d_out;
    cpurtMalloc((void **)&d_in, sizeof h_in);
    cpurtMalloc((void **)&d_out, sizeof h_out);
    cpurtMemcpy(d_in, h_in, sizeof h_in, cpurtMemcpyHostToDevice);
    cutrans_launch_round_to_tf32(1, 32, 0, 0, d_in, d_out, count);
    cpurtMemcpy(h_out, d_out, sizeof h_out, cpurtMemcpyDeviceToHost);
    for (int i = 0; i < count; ++i) {
        float want = to_tf32(h_in[i]);
        unsigned int got_bits, want_bits;
        memcpy(&got_bits, &h_out[i], sizeof got_bits);
        memcpy(&want_bits, &want, sizeof want_bits);
        if (got_bits != want_bits) {
            ++bad;
        }
        printf("tf32(%u) = %u\n", special[i], got_bits);
    }
    cpurtFree(d_in);
    cpurtFree(d_out);
    printf("checksum = %.3f, c[0] = %.4f, c[last] = %.4f\n", checksum, got[0], got[m * n - 1]);
    printf("worst error / bound = %s\n", worst <= 1.0 ? "<= 1" : "> 1");
    printf("%s\n", bad ? "FAIL" : "PASS");
    cpurtFree(d_a);
    cpurtFree(d_b);
    cpurtFree(d_c);
    free(h_a);
    free(h_b);
    free(h_c);
    free(got);
    return bad ? 1 : 0;
}
