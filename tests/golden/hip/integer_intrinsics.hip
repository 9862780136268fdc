// CUDA's integer intrinsics on edge values: zero, one, minus one, the most negative int, the top bit
// alone, all bits set, and products that overflow 32 and 64 bits. Every result is an exact integer.
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
#define NRESULTS 23

__global__ void intrinsics(const int *a, const int *b, const long long *wide, unsigned long long *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    int x = a[i];
    int y = b[i];
    unsigned int ux = (unsigned int)x;
    unsigned int uy = (unsigned int)y;
    long long w = wide[i];
    unsigned long long uw = (unsigned long long)w;
    unsigned long long *o = out + (size_t)i * NRESULTS;
    o[0] = __popc(ux);
    o[1] = __popcll(uw);
    o[2] = __clz(x);
    o[3] = __clzll(w);
    o[4] = __ffs(x);
    o[5] = __ffsll(w);
    o[6] = __brev(ux);
    o[7] = __brevll(uw);
    o[8] = (unsigned int)__mul24(x, y);
    o[9] = __umul24(ux, uy);
    o[10] = (unsigned int)__mulhi(x, y);
    o[11] = __umulhi(ux, uy);
    o[12] = (unsigned long long)__mul64hi(w, (long long)y);
    o[13] = __umul64hi(uw, uw);
    o[14] = __sad(x, y, uy);
    o[15] = __usad(ux, uy, 0xfffffff0u);
    o[16] = (unsigned long long)llabs(w);
    o[17] = (unsigned int)min(x, y);
    o[18] = max(ux, uy);
    o[19] = min(uw, (unsigned long long)y);
    o[20] = (unsigned long long)max(w, (long long)x);
    o[21] = (unsigned long long)max((long)w, (long)x);                  /* int64_t is long on LP64 */
    o[22] = min((unsigned long)uw, (long)y);                            /* mixed: unsigned long */
}

/* Host versions with the documented CUDA semantics, for the self-check. */
static unsigned long long host_brev(unsigned long long v, int bits)
{
    unsigned long long r = 0;
    for (int k = 0; k < bits; ++k) {
        r |= ((v >> k) & 1ull) << (bits - 1 - k);
    }
    return r;
}

static int host_clz(unsigned long long v, int bits)
{
    int c = 0;
    for (int k = bits - 1; k >= 0 && !((v >> k) & 1ull); --k) {
        ++c;
    }
    return c;
}

static int host_ffs(unsigned long long v, int bits)
{
    for (int k = 0; k < bits; ++k) {
        if ((v >> k) & 1ull) {
            return k + 1;
        }
    }
    return 0;
}

static long long sext24(int v)
{
    long long low = (unsigned int)v & 0xffffffu;
    return low >= 0x800000 ? low - 0x1000000 : low;
}

static void host_expect(int x, int y, long long w, unsigned long long *e)
{
    unsigned int ux = (unsigned int)x, uy = (unsigned int)y;
    unsigned long long uw = (unsigned long long)w;
    e[0] = __builtin_popcount(ux);
    e[1] = __builtin_popcountll(uw);
    e[2] = host_clz(ux, 32);
    e[3] = host_clz(uw, 64);
    e[4] = host_ffs(ux, 32);
    e[5] = host_ffs(uw, 64);
    e[6] = host_brev(ux, 32);
    e[7] = host_brev(uw, 64);
    e[8] = (unsigned int)(unsigned long long)(sext24(x) * sext24(y));
    e[9] = (unsigned int)((unsigned long long)(ux & 0xffffffu) * (uy & 0xffffffu));
    e[10] = (unsigned int)(((long long)x * y) >> 32);
    e[11] = (unsigned int)(((unsigned long long)ux * uy) >> 32);
    e[12] = (unsigned long long)(long long)(((__int128)w * y) >> 64);
    e[13] = (unsigned long long)(((unsigned __int128)uw * uw) >> 64);
    e[14] = uy + (unsigned int)(x > y ? (long long)x - y : (long long)y - x);
    e[15] = 0xfffffff0u + (ux > uy ? ux - uy : uy - ux);
    e[16] = w < 0 ? 0ull - uw : uw;
    e[17] = (unsigned int)(x < y ? x : y);
    e[18] = ux > uy ? ux : uy;
    e[19] = uw < (unsigned long long)y ? uw : (unsigned long long)y;
    e[20] = (unsigned long long)(w > x ? w : x);
    e[21] = e[20];
    e[22] = uw < (unsigned long long)(long long)y ? uw : (unsigned long long)(long long)y;
}

int main()
{
    const int a[NVALUES] = {0, 1, -1, INT_MIN, INT_MAX, 0x00800000, 0x12345678, -8388609};
    const int b[NVALUES] = {0, -1, -1, INT_MIN, 3, 0x00800000, -77777, 0x00ffffff};
    const long long wide[NVALUES] = {0ll, 1ll, -1ll, LLONG_MIN + 1, LLONG_MAX, 0x100000000ll,
                                     0x123456789abcdefll, -4294967296ll};
    const char *names[NRESULTS] = {"popc", "popcll", "clz", "clzll", "ffs", "ffsll", "brev", "brevll",
                                   "mul24", "umul24", "mulhi", "umulhi", "mul64hi", "umul64hi", "sad",
                                   "usad", "llabs", "min", "max", "min_u64", "max_i64", "max_long",
                                   "min_ulong"};
    unsigned long long got[NVALUES * NRESULTS];
    int *d_a, *d_b;
    long long *d_wide;
    unsigned long long *d_out;
    CHECK(hipMalloc((void **)&d_a, sizeof(a)));
    CHECK(hipMalloc((void **)&d_b, sizeof(b)));
    CHECK(hipMalloc((void **)&d_wide, sizeof(wide)));
    CHECK(hipMalloc((void **)&d_out, sizeof(got)));
    CHECK(hipMemcpy(d_a, a, sizeof(a), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_b, b, sizeof(b), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_wide, wide, sizeof(wide), hipMemcpyHostToDevice));

    intrinsics<<<2, 4>>>(d_a, d_b, d_wide, d_out, NVALUES);
    CHECK(hipGetLastError());
    CHECK(hipDeviceSynchronize());
    CHECK(hipMemcpy(got, d_out, sizeof(got), hipMemcpyDeviceToHost));

    int bad = 0;
    for (int i = 0; i < NVALUES; ++i) {
        unsigned long long want[NRESULTS];
        host_expect(a[i], b[i], wide[i], want);
        printf("x = %d, y = %d, w = %lld\n", a[i], b[i], wide[i]);
        for (int r = 0; r < NRESULTS; ++r) {
            unsigned long long g = got[i * NRESULTS + r];
            printf("  %-8s %llu%s\n", names[r], g, g == want[r] ? "" : "  <-- wrong");
            bad += g != want[r];
        }
    }
    printf("wrong results = %d\n", bad);

    CHECK(hipFree(d_a));
    CHECK(hipFree(d_b));
    CHECK(hipFree(d_wide));
    CHECK(hipFree(d_out));
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
