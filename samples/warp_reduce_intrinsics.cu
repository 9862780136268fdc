// CUDA's sm_80 warp reductions: __reduce_add_sync, __reduce_min_sync, __reduce_max_sync on int and
// unsigned, __reduce_and_sync, __reduce_or_sync, __reduce_xor_sync on unsigned. Every lane writes what it
// gets, and main() recomputes each result from the inputs. Covered: signed min/max of negative values and
// of INT_MIN/INT_MAX, sums that wrap modulo 2^32 (int and unsigned), full warps, partial masks whose other
// lanes do not call (odd lanes; the even lanes of the lower half; the upper even lanes call nothing), and
// blocks of 48 threads, whose second warp has 16 lanes, with __activemask() and with a mask computed from
// blockDim. Written for 32-lane warps.
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        cudaError_t err_ = (call);                                           \
        if (err_ != cudaSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cudaGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define FULL_MASK 0xffffffffu
#define ODD_LANES 0xaaaaaaaau
#define LOW_EVEN_LANES 0x00005555u
#define SIGNED_OPS 3      // add, min, max on int
#define UNSIGNED_OPS 6    // add, min, max, and, or, xor on unsigned

// The nine reductions of (v, w) over `mask`, stored at io[0..2] and uo[0..5].
__device__ void reduce_all(unsigned mask, int v, unsigned w, int *io, unsigned *uo)
{
    io[0] = __reduce_add_sync(mask, v);
    io[1] = __reduce_min_sync(mask, v);
    io[2] = __reduce_max_sync(mask, v);
    uo[0] = __reduce_add_sync(mask, w);
    uo[1] = __reduce_min_sync(mask, w);
    uo[2] = __reduce_max_sync(mask, w);
    uo[3] = __reduce_and_sync(mask, w);
    uo[4] = __reduce_or_sync(mask, w);
    uo[5] = __reduce_xor_sync(mask, w);
}

// Every lane of full warps, with the full mask.
__global__ void full_warps(const int *a, const unsigned *u, int *iout, unsigned *uout)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    reduce_all(FULL_MASK, a[i], u[i], iout + SIGNED_OPS * i, uout + UNSIGNED_OPS * i);
}

// Odd lanes reduce among themselves, the even lanes 0-14 among themselves; lanes 16, 18, ... 30 call
// nothing and write -1.
__global__ void odd_even_lanes(const int *a, const unsigned *u, int *iout, unsigned *uout)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int lane = threadIdx.x % 32;
    int *io = iout + SIGNED_OPS * i;
    unsigned *uo = uout + UNSIGNED_OPS * i;
    if (lane % 2 == 1) {
        reduce_all(ODD_LANES, a[i], u[i], io, uo);
    } else if (lane < 16) {
        reduce_all(LOW_EVEN_LANES, a[i], u[i], io, uo);
    } else {
        for (int k = 0; k < SIGNED_OPS; ++k) {
            io[k] = -1;
        }
        for (int k = 0; k < UNSIGNED_OPS; ++k) {
            uo[k] = 0xffffffffu;
        }
    }
}

// Blocks whose size is not a multiple of 32: the last warp is partial. Each lane reduces twice, over
// __activemask() and over the mask of the lanes its warp has (computed from blockDim.x).
__global__ void partial_last_warp(const int *a, const unsigned *u, int *iout, unsigned *uout)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int rest = (int)blockDim.x - (int)(threadIdx.x / 32) * 32;
    unsigned lanes = rest >= 32 ? FULL_MASK : (1u << rest) - 1u;
    unsigned active = __activemask();
    reduce_all(active, a[i], u[i], iout + 2 * SIGNED_OPS * i, uout + 2 * UNSIGNED_OPS * i);
    reduce_all(lanes, a[i], u[i], iout + 2 * SIGNED_OPS * i + SIGNED_OPS, uout + 2 * UNSIGNED_OPS * i + UNSIGNED_OPS);
}

// What thread t of a block of `block` threads must get over `mask` (lanes that exist only).
static void expected(const int *a, const unsigned *u, int block, int t, unsigned mask, int *io, unsigned *uo)
{
    int base = t - t % 32;
    unsigned sum = 0, usum = 0, uand = 0xffffffffu, uor = 0, uxor = 0, umin = 0xffffffffu, umax = 0;
    int imin = INT_MAX, imax = INT_MIN;
    for (int l = 0; l < 32 && base + l < block; ++l) {
        if ((mask >> l) & 1u) {
            int v = a[base + l];
            unsigned w = u[base + l];
            sum += (unsigned)v;
            imin = v < imin ? v : imin;
            imax = v > imax ? v : imax;
            usum += w;
            umin = w < umin ? w : umin;
            umax = w > umax ? w : umax;
            uand &= w;
            uor |= w;
            uxor ^= w;
        }
    }
    io[0] = (int)sum;
    io[1] = imin;
    io[2] = imax;
    uo[0] = usum;
    uo[1] = umin;
    uo[2] = umax;
    uo[3] = uand;
    uo[4] = uor;
    uo[5] = uxor;
}

// Compares the `sets` x 9 results of thread i with the wanted ones; prints the first difference.
static int check(const char *kernel, int i, const int *igot, const int *iwant, const unsigned *ugot,
                 const unsigned *uwant, int sets)
{
    for (int k = 0; k < sets * SIGNED_OPS; ++k) {
        if (igot[k] != iwant[k]) {
            printf("%s thread %d: int result %d is %d, expected %d\n", kernel, i, k, igot[k], iwant[k]);
            return 1;
        }
    }
    for (int k = 0; k < sets * UNSIGNED_OPS; ++k) {
        if (ugot[k] != uwant[k]) {
            printf("%s thread %d: unsigned result %d is %08x, expected %08x\n", kernel, i, k, ugot[k], uwant[k]);
            return 1;
        }
    }
    return 0;
}

enum Kernel { FULL_WARPS, ODD_EVEN_LANES, PARTIAL_LAST_WARP };

// Runs kernel `which` on 3 blocks of `block` threads and checks every thread's results.
static int run(const char *name, Kernel which, int block, const int *h_a, const unsigned *h_u, int *h_iout,
               unsigned *h_uout)
{
    const int grid = 3, n = grid * block, sets = which == PARTIAL_LAST_WARP ? 2 : 1;
    int *d_a, *d_iout;
    unsigned *d_u, *d_uout;
    CHECK(cudaMalloc((void **)&d_a, n * sizeof(int)));
    CHECK(cudaMalloc((void **)&d_u, n * sizeof(unsigned)));
    CHECK(cudaMalloc((void **)&d_iout, n * sets * SIGNED_OPS * sizeof(int)));
    CHECK(cudaMalloc((void **)&d_uout, n * sets * UNSIGNED_OPS * sizeof(unsigned)));
    CHECK(cudaMemcpy(d_a, h_a, n * sizeof(int), cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(d_u, h_u, n * sizeof(unsigned), cudaMemcpyHostToDevice));
    if (which == FULL_WARPS) {
        full_warps<<<grid, block>>>(d_a, d_u, d_iout, d_uout);
    } else if (which == ODD_EVEN_LANES) {
        odd_even_lanes<<<grid, block>>>(d_a, d_u, d_iout, d_uout);
    } else {
        partial_last_warp<<<grid, block>>>(d_a, d_u, d_iout, d_uout);
    }
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpy(h_iout, d_iout, n * sets * SIGNED_OPS * sizeof(int), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(h_uout, d_uout, n * sets * UNSIGNED_OPS * sizeof(unsigned), cudaMemcpyDeviceToHost));
    CHECK(cudaFree(d_a));
    CHECK(cudaFree(d_u));
    CHECK(cudaFree(d_iout));
    CHECK(cudaFree(d_uout));
    int bad = 0, ichecksum = 0;
    unsigned uchecksum = 0;
    for (int i = 0; i < n; ++i) {
        int t = i % block, lane = t % 32;
        const int *a = h_a + (i - t);
        const unsigned *u = h_u + (i - t);
        int iwant[2 * SIGNED_OPS];
        unsigned uwant[2 * UNSIGNED_OPS];
        if (sets == 2) {                          // partial_last_warp: both masks name the lanes that exist
            expected(a, u, block, t, FULL_MASK, iwant, uwant);
            expected(a, u, block, t, FULL_MASK, iwant + SIGNED_OPS, uwant + UNSIGNED_OPS);
        } else if (which == FULL_WARPS || lane % 2 == 1 || lane < 16) {
            expected(a, u, block, t, which == FULL_WARPS ? FULL_MASK : lane % 2 ? ODD_LANES : LOW_EVEN_LANES,
                     iwant, uwant);
        } else {
            for (int k = 0; k < SIGNED_OPS; ++k) {
                iwant[k] = -1;
            }
            for (int k = 0; k < UNSIGNED_OPS; ++k) {
                uwant[k] = 0xffffffffu;
            }
        }
        bad += check(name, i, h_iout + sets * SIGNED_OPS * i, iwant, h_uout + sets * UNSIGNED_OPS * i, uwant, sets);
        for (int k = 0; k < sets * SIGNED_OPS; ++k) {
            ichecksum = (int)((unsigned)ichecksum * 31u + (unsigned)h_iout[sets * SIGNED_OPS * i + k]);
        }
        for (int k = 0; k < sets * UNSIGNED_OPS; ++k) {
            uchecksum = uchecksum * 31u + h_uout[sets * UNSIGNED_OPS * i + k];
        }
    }
    printf("%s: %d threads in blocks of %d, checksums %d %08x, %d wrong\n", name, n, block, ichecksum, uchecksum,
           bad);
    for (int w = 0; w < n / 32 && w < 3; ++w) {   // the first warps' results from their lane 1
        const int *io = h_iout + sets * SIGNED_OPS * (32 * w + 1);
        const unsigned *uo = h_uout + sets * UNSIGNED_OPS * (32 * w + 1);
        printf("  warp %d lane 1: add %d min %d max %d | add %08x min %08x max %08x and %08x or %08x xor %08x\n", w,
               io[0], io[1], io[2], uo[0], uo[1], uo[2], uo[3], uo[4], uo[5]);
    }
    return bad;
}

int main()
{
    const int most = 3 * 96;
    int h_a[most], h_iout[most * 2 * SIGNED_OPS];
    unsigned h_u[most], h_uout[most * 2 * UNSIGNED_OPS];
    for (int i = 0; i < most; ++i) {
        // negative and positive values, and INT_MAX/INT_MIN now and then: int sums wrap too
        h_a[i] = i % 101 == 5 ? INT_MAX : i % 89 == 7 ? INT_MIN : (int)((i * 7919u) % 2001u) - 1000;
        // large unsigned values: the sums wrap modulo 2^32
        h_u[i] = 0xf0000000u + (unsigned)i * 0x01234567u;
    }
    int bad = 0;
    bad += run("full_warps", FULL_WARPS, 64, h_a, h_u, h_iout, h_uout);
    bad += run("odd_even_lanes", ODD_EVEN_LANES, 96, h_a, h_u, h_iout, h_uout);
    bad += run("partial_last_warp", PARTIAL_LAST_WARP, 48, h_a, h_u, h_iout, h_uout);
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad ? 1 : 0;
}
