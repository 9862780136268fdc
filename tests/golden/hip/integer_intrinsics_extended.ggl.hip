// The integer intrinsics integer_intrinsics.cu leaves out: halving adds (__hadd, __rhadd, __uhadd,
// __urhadd), __byte_perm and the funnel shifts, plus __mul24/__umulhi/__brev/__sad/__clzll/__popcll/
// __ffsll once more on values that overflow the naive formulas. Every result is an exact integer.
#include <cstdio>
#include <cstdlib>
#include <climits>
#include <hip/hip_runtime.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        hipError_t err_ = (call);                                           \
        if (err_ != hipSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    hipGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define NVALUES 8
#define NRESULTS 17

__global__ void more_intrinsics(const int *a, const int *b, const unsigned int *s, unsigned int *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    int x = a[i], y = b[i];
    unsigned int ux = (unsigned int)x, uy = (unsigned int)y, sel = s[i];
    unsigned long long wide = ((unsigned long long)ux << 32) | uy;
    unsigned int *o = out + i * NRESULTS;
    o[0] = (unsigned int)__hadd(x, y);
    o[1] = (unsigned int)__rhadd(x, y);
    o[2] = __uhadd(ux, uy);
    o[3] = __urhadd(ux, uy);
    o[4] = __byte_perm(ux, uy, sel);
    o[5] = __byte_perm(ux, uy, 0x3210u) ^ __byte_perm(ux, uy, 0x7654u);
    o[6] = __funnelshift_l(ux, uy, sel);
    o[7] = __funnelshift_r(ux, uy, sel);
    o[8] = __funnelshift_l(ux, uy, 32u + 4u);     // the shift counts modulo 32
    o[9] = (unsigned int)__mul24(x, y);
    o[10] = __umul24(ux, uy);
    o[11] = __umulhi(ux, uy);
    o[12] = (unsigned int)__mulhi(x, y);
    o[13] = __brev(ux) ^ __sad(x, y, 7u) ^ __usad(ux, uy, sel);
    o[14] = (unsigned int)__clzll((long long)wide);
    o[15] = (unsigned int)__popcll(wide);
    o[16] = (unsigned int)__ffsll((long long)(wide << (sel & 63u)));
}

static unsigned int host_byte_perm(unsigned int x, unsigned int y, unsigned int s)
{
    unsigned long long bytes = ((unsigned long long)y << 32) | x;
    unsigned int r = 0;
    for (int k = 0; k < 4; ++k) {
        r |= (unsigned int)((bytes >> (8 * ((s >> (4 * k)) & 7u))) & 0xffu) << (8 * k);
    }
    return r;
}

static unsigned int host_brev(unsigned int v)
{
    unsigned int r = 0;
    for (int k = 0; k < 32; ++k) {
        r |= ((v >> k) & 1u) << (31 - k);
    }
    return r;
}

static long long sext24(int v)
{
    long long low = (unsigned int)v & 0xffffffu;
    return low >= 0x800000 ? low - 0x1000000 : low;
}

static void host_expect(int x, int y, unsigned int sel, unsigned int *e)
{
    unsigned int ux = (unsigned int)x, uy = (unsigned int)y;
    unsigned long long wide = ((unsigned long long)ux << 32) | uy;
    unsigned long long hilo = ((unsigned long long)uy << 32) | ux;
    e[0] = (unsigned int)(int)(((long long)x + y) >> 1);
    e[1] = (unsigned int)(int)(((long long)x + y + 1) >> 1);
    e[2] = (unsigned int)(((unsigned long long)ux + uy) >> 1);
    e[3] = (unsigned int)(((unsigned long long)ux + uy + 1) >> 1);
    e[4] = host_byte_perm(ux, uy, sel);
    e[5] = ux ^ uy;
    e[6] = (unsigned int)((hilo << (sel & 31u)) >> 32);
    e[7] = (unsigned int)(hilo >> (sel & 31u));
    e[8] = (unsigned int)((hilo << 4) >> 32);
    e[9] = (unsigned int)(unsigned long long)(sext24(x) * sext24(y));
    e[10] = (ux & 0xffffffu) * (uy & 0xffffffu);
    e[11] = (unsigned int)(((unsigned long long)ux * uy) >> 32);
    e[12] = (unsigned int)(((long long)x * y) >> 32);
    e[13] = host_brev(ux) ^ (7u + (unsigned int)(x > y ? (long long)x - y : (long long)y - x))
            ^ (sel + (ux > uy ? ux - uy : uy - ux));
    e[14] = wide == 0 ? 64u : (unsigned int)__builtin_clzll(wide);
    e[15] = (unsigned int)__builtin_popcountll(wide);
    unsigned long long shifted = wide << (sel & 63u);
    e[16] = shifted == 0 ? 0u : (unsigned int)__builtin_ctzll(shifted) + 1u;
}

int main()
{
    const int a[NVALUES] = {0, 1, -1, INT_MIN, INT_MAX, 0x00800000, 0x12345678, -8388609};
    const int b[NVALUES] = {0, -1, -1, INT_MIN, INT_MAX, 0x00800000, -77777, 0x00ffffff};
    const unsigned int s[NVALUES] = {0x3210u, 0x7654u, 0x0123u, 0x4567u, 0x1f2eu, 31u, 0xfedcba98u, 17u};
    unsigned int got[NVALUES * NRESULTS];
    int *d_a, *d_b;
    unsigned int *d_s, *d_out;
    CHECK(hipMalloc((void **)&d_a, sizeof(a)));
    CHECK(hipMalloc((void **)&d_b, sizeof(b)));
    CHECK(hipMalloc((void **)&d_s, sizeof(s)));
    CHECK(hipMalloc((void **)&d_out, sizeof(got)));
    CHECK(hipMemcpy(d_a, a, sizeof(a), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_b, b, sizeof(b), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_s, s, sizeof(s), hipMemcpyHostToDevice));
    hipLaunchKernelGGL(more_intrinsics, dim3(2), dim3(4), 0, 0, d_a, d_b, d_s, d_out, NVALUES);
    CHECK(hipGetLastError());
    CHECK(hipDeviceSynchronize());
    CHECK(hipMemcpy(got, d_out, sizeof(got), hipMemcpyDeviceToHost));

    const char *names[NRESULTS] = {"hadd", "rhadd", "uhadd", "urhadd", "byte_perm", "perm_id", "fshl",
                                   "fshr", "fshl_36", "mul24", "umul24", "umulhi", "mulhi", "mixed",
                                   "clzll", "popcll", "ffsll"};
    int bad = 0;
    for (int i = 0; i < NVALUES; ++i) {
        unsigned int want[NRESULTS];
        host_expect(a[i], b[i], s[i], want);
        printf("x = %d, y = %d, s = 0x%x\n", a[i], b[i], s[i]);
        for (int r = 0; r < NRESULTS; ++r) {
            unsigned int g = got[i * NRESULTS + r];
            printf("  %-9s %u%s\n", names[r], g, g == want[r] ? "" : "  <-- wrong");
            bad += g != want[r];
        }
    }
    printf("wrong results = %d\n", bad);
    CHECK(hipFree(d_a));
    CHECK(hipFree(d_b));
    CHECK(hipFree(d_s));
    CHECK(hipFree(d_out));
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
