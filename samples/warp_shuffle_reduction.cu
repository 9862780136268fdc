// Warp shuffles: a block sum through __shfl_down_sync and a shared array of per-warp partial
// sums (ints and floats, several blocks), an __shfl_xor_sync butterfly, an __shfl_up_sync
// inclusive scan, and shuffles with a width, for int, unsigned, float, double and long long.
// The lane tests run with 80 threads per block: two full warps and a warp of 16 lanes. That last warp's
// shuffles name only its 16 lanes in their mask and read only lanes that exist, so CUDA defines every
// result (a shuffle from a lane that does not exist is undefined: an H100 returns 0 there).
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
#define SUM_BLOCK 256
#define LANE_BLOCK 80

// Every warp reduces its values, lane 0 of each stores the warp's sum, and then every warp
// reduces the partial sums again (each warp does the same work, so the whole block reaches
// every shuffle) before thread 0 writes the block's sum.
__global__ void block_sum_int(const int *in, int *out, int n)
{
    __shared__ int warp_sums[32];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int lane = threadIdx.x % 32;
    int v = i < n ? in[i] : 0;
    for (int offset = 16; offset > 0; offset /= 2) {
        v += __shfl_down_sync(FULL_MASK, v, offset);
    }
    if (lane == 0) {
        warp_sums[threadIdx.x / 32] = v;
    }
    __syncthreads();
    int warps = (blockDim.x + 31) / 32;
    v = lane < warps ? warp_sums[lane] : 0;
    for (int offset = 16; offset > 0; offset /= 2) {
        v += __shfl_down_sync(FULL_MASK, v, offset);
    }
    if (threadIdx.x == 0) {
        out[blockIdx.x] = v;
    }
}

// The same for floats, with the butterfly: every lane ends with its warp's sum.
__global__ void block_sum_float(const float *in, float *out, int n)
{
    __shared__ float warp_sums[32];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int lane = threadIdx.x % 32;
    float v = i < n ? in[i] : 0.0f;
    for (int mask = 16; mask > 0; mask /= 2) {
        v += __shfl_xor_sync(FULL_MASK, v, mask);
    }
    if (lane == 0) {
        warp_sums[threadIdx.x / 32] = v;
    }
    __syncthreads();
    int warps = (blockDim.x + 31) / 32;
    v = lane < warps ? warp_sums[lane] : 0.0f;
    for (int offset = 16; offset > 0; offset /= 2) {
        v += __shfl_down_sync(FULL_MASK, v, offset);
    }
    if (threadIdx.x == 0) {
        out[blockIdx.x] = v;
    }
}

__global__ void lane_ops(int *ints, float *scan, double *dbl, long long *wide, unsigned *uns)
{
    int t = threadIdx.x;
    int lane = t % 32;
    int base = t + 100 * blockIdx.x;
    int k = blockIdx.x * blockDim.x + t;
    int first = t - lane;                       // the warp's lanes: 32, or 16 in the block's last warp
    int live = (int)blockDim.x - first < 32 ? (int)blockDim.x - first : 32;
    unsigned mask = live == 32 ? FULL_MASK : (1u << live) - 1u;

    int butterfly = base;                       // every lane ends with its warp's sum
    for (int m = 16; m >= 1; m /= 2) {
        int other = __shfl_xor_sync(mask, butterfly, m);
        if (m < live) {                         // a 16-lane warp discards what lane ^ 16 returns
            butterfly += other;
        }
    }
    ints[4 * k] = butterfly;
    ints[4 * k + 1] = __shfl_xor_sync(mask, base, 5, 8);
    ints[4 * k + 2] = __shfl_down_sync(mask, base, 3, 16);
    ints[4 * k + 3] = __shfl_sync(mask, base, lane + 1, 8) - 1000 * __shfl_sync(mask, base, 5);

    float s = 0.5f * (float)(t + 1);            // inclusive scan over the warp, then within 16 lanes
    for (int d = 1; d < 32; d *= 2) {
        float y = __shfl_up_sync(mask, s, d);
        if (lane >= d) {
            s += y;
        }
    }
    float s16 = (float)t;
    for (int d = 1; d < 16; d *= 2) {
        float y = __shfl_up_sync(mask, s16, d, 16);
        if (lane % 16 >= d) {
            s16 += y;
        }
    }
    scan[2 * k] = s;
    scan[2 * k + 1] = s16;

    dbl[k] = __shfl_down_sync(mask, 0.25 * base, 1, live) + __shfl_up_sync(mask, 1.5 * base, 2, 4);
    wide[k] = __shfl_xor_sync(mask, ((long long)base << 33) + lane, 2);
    uns[k] = __shfl_sync(mask, 3u * (unsigned)base + 0x80000000u, live - 1 - lane, live);
}

int main()
{
    // block sums: 5 blocks of 256 threads over 1200 values (the last block is partly empty)
    const int n = 1200;
    const int grid = (n + SUM_BLOCK - 1) / SUM_BLOCK;
    int h_i[n];
    float h_f[n];
    long long want_i = 0;
    double want_f = 0;
    for (int i = 0; i < n; ++i) {
        h_i[i] = (i * 37) % 101 - 50;
        h_f[i] = 0.25f * (float)((i * 13) % 17 - 8);
        want_i += h_i[i];
        want_f += h_f[i];
    }
    int *d_i, *d_isum;
    float *d_f, *d_fsum;
    CHECK(cudaMalloc((void **)&d_i, n * sizeof(int)));
    CHECK(cudaMalloc((void **)&d_f, n * sizeof(float)));
    CHECK(cudaMalloc((void **)&d_isum, grid * sizeof(int)));
    CHECK(cudaMalloc((void **)&d_fsum, grid * sizeof(float)));
    CHECK(cudaMemcpy(d_i, h_i, n * sizeof(int), cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(d_f, h_f, n * sizeof(float), cudaMemcpyHostToDevice));
    block_sum_int<<<grid, SUM_BLOCK>>>(d_i, d_isum, n);
    CHECK(cudaGetLastError());
    block_sum_float<<<grid, SUM_BLOCK>>>(d_f, d_fsum, n);
    CHECK(cudaGetLastError());
    int h_isum[grid];
    float h_fsum[grid];
    CHECK(cudaMemcpy(h_isum, d_isum, grid * sizeof(int), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(h_fsum, d_fsum, grid * sizeof(float), cudaMemcpyDeviceToHost));
    long long got_i = 0;
    double got_f = 0;
    for (int b = 0; b < grid; ++b) {
        printf("block %d: int sum %d, float sum %.2f\n", b, h_isum[b], h_fsum[b]);
        got_i += h_isum[b];
        got_f += h_fsum[b];
    }
    printf("int total %lld (expected %lld), float total %.2f (expected %.2f)\n", got_i, want_i, got_f, want_f);

    // lane tests: 2 blocks of 80 threads
    const int blocks = 2, threads = blocks * LANE_BLOCK;
    int *d_ints;
    float *d_scan;
    double *d_dbl;
    long long *d_wide;
    unsigned *d_uns;
    CHECK(cudaMalloc((void **)&d_ints, 4 * threads * sizeof(int)));
    CHECK(cudaMalloc((void **)&d_scan, 2 * threads * sizeof(float)));
    CHECK(cudaMalloc((void **)&d_dbl, threads * sizeof(double)));
    CHECK(cudaMalloc((void **)&d_wide, threads * sizeof(long long)));
    CHECK(cudaMalloc((void **)&d_uns, threads * sizeof(unsigned)));
    lane_ops<<<blocks, LANE_BLOCK>>>(d_ints, d_scan, d_dbl, d_wide, d_uns);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
    int *ints = (int *)malloc(4 * threads * sizeof(int));
    float *scan = (float *)malloc(2 * threads * sizeof(float));
    double *dbl = (double *)malloc(threads * sizeof(double));
    long long *wide = (long long *)malloc(threads * sizeof(long long));
    unsigned *uns = (unsigned *)malloc(threads * sizeof(unsigned));
    CHECK(cudaMemcpy(ints, d_ints, 4 * threads * sizeof(int), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(scan, d_scan, 2 * threads * sizeof(float), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(dbl, d_dbl, threads * sizeof(double), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(wide, d_wide, threads * sizeof(long long), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(uns, d_uns, threads * sizeof(unsigned), cudaMemcpyDeviceToHost));

    // weighted checksums: a value read from a neighbouring lane changes them
    long long check[4] = {0, 0, 0, 0};
    double scan_check[2] = {0, 0}, dbl_check = 0;
    long long wide_check = 0, uns_check = 0;
    for (int k = 0; k < threads; ++k) {
        for (int j = 0; j < 4; ++j) {
            check[j] += (long long)(k + 1) * ints[4 * k + j];
        }
        scan_check[0] += (k + 1) * (double)scan[2 * k];
        scan_check[1] += (k + 1) * (double)scan[2 * k + 1];
        dbl_check += (k + 1) * dbl[k];
        wide_check += (k + 1) * (wide[k] >> 33) + (wide[k] & 0xffff);
        uns_check += (long long)(k + 1) * uns[k];
    }
    printf("checks: xor %lld, xor8 %lld, down16 %lld, idx %lld\n", check[0], check[1], check[2], check[3]);
    printf("checks: scan %.2f, scan16 %.2f, double %.3f, long long %lld, unsigned %lld\n",
           scan_check[0], scan_check[1], dbl_check, wide_check, uns_check);
    for (int t = 28; t < LANE_BLOCK; t += 3) {
        int k = LANE_BLOCK + t;               // block 1
        printf("t %2d: %6d %4d %4d %7d | %7.2f %6.1f | %8.2f %lld/%lld %u\n", t, ints[4 * k], ints[4 * k + 1],
               ints[4 * k + 2], ints[4 * k + 3], scan[2 * k], scan[2 * k + 1], dbl[k], wide[k] >> 33,
               wide[k] & 0xffff, uns[k]);
    }

    // self-check: the totals, and every warp's butterfly and scan (the 16-lane warp's too)
    int bad = got_i != want_i || got_f != want_f;
    for (int k = 0; k < threads; ++k) {
        int t = k % LANE_BLOCK, lane = t % 32, first = k - lane;
        int live = LANE_BLOCK - (t - lane) < 32 ? LANE_BLOCK - (t - lane) : 32;
        int warp_sum = 0;
        float prefix = 0.0f;
        for (int j = 0; j < live; ++j) {
            warp_sum += (first + j) % LANE_BLOCK + 100 * (k / LANE_BLOCK);
            if (j <= lane) {
                prefix += 0.5f * (float)((first + j) % LANE_BLOCK + 1);
            }
        }
        bad += ints[4 * k] != warp_sum || scan[2 * k] != prefix;
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad ? 1 : 0;
}
