// Warp shuffles: a block sum through __shfl_down_sync and a shared array of per-warp partial
// sums (ints and floats, several blocks), an __shfl_xor_sync butterfly, an __shfl_up_sync
// inclusive scan, and shuffles with a width, for int, unsigned, float, double and long long.
// The lane tests run with 80 threads per block: two full warps and a warp of 16 lanes. That last warp's
// shuffles name only its 16 lanes in their mask and read only lanes that exist, so CUDA defines every
// result (a shuffle from a lane that does not exist is undefined: an H100 returns 0 there).
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "warp_shuffle_reduction.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        cpurtError_t err_ = (call);                                           \
        if (err_ != cpurtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cpurtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define FULL_MASK 0xffffffffu
#define SUM_BLOCK 256
#define LANE_BLOCK 80

// Every warp reduces its values, lane 0 of each stores the warp's sum, and then every warp
// reduces the partial sums again (each warp does the same work, so the whole block reaches
// every shuffle) before thread 0 writes the block's sum.
/* cutrans: kernel 'block_sum_int' moved to warp_shuffle_reduction.kernels.c */






















// The same for floats, with the butterfly: every lane ends with its warp's sum.
/* cutrans: kernel 'block_sum_float' moved to warp_shuffle_reduction.kernels.c */






















/* cutrans: kernel 'lane_ops' moved to warp_shuffle_reduction.kernels.c */











































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
    CHECK(cpurtMalloc((void **)&d_i, n * sizeof(int)));
    CHECK(cpurtMalloc((void **)&d_f, n * sizeof(float)));
    CHECK(cpurtMalloc((void **)&d_isum, grid * sizeof(int)));
    CHECK(cpurtMalloc((void **)&d_fsum, grid * sizeof(float)));
    CHECK(cpurtMemcpy(d_i, h_i, n * sizeof(int), cpurtMemcpyHostToDevice));
    CHECK(cpurtMemcpy(d_f, h_f, n * sizeof(float), cpurtMemcpyHostToDevice));
    cutrans_launch_block_sum_int(grid, SUM_BLOCK, 0, 0, d_i, d_isum, n);
    CHECK(cpurtGetLastError());
    cutrans_launch_block_sum_float(grid, SUM_BLOCK, 0, 0, d_f, d_fsum, n);
    CHECK(cpurtGetLastError());
    int h_isum[grid];
    float h_fsum[grid];
    CHECK(cpurtMemcpy(h_isum, d_isum, grid * sizeof(int), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(h_fsum, d_fsum, grid * sizeof(float), cpurtMemcpyDeviceToHost));
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
    CHECK(cpurtMalloc((void **)&d_ints, 4 * threads * sizeof(int)));
    CHECK(cpurtMalloc((void **)&d_scan, 2 * threads * sizeof(float)));
    CHECK(cpurtMalloc((void **)&d_dbl, threads * sizeof(double)));
    CHECK(cpurtMalloc((void **)&d_wide, threads * sizeof(long long)));
    CHECK(cpurtMalloc((void **)&d_uns, threads * sizeof(unsigned)));
    cutrans_launch_lane_ops(blocks, LANE_BLOCK, 0, 0, d_ints, d_scan, d_dbl, d_wide, d_uns);
    CHECK(cpurtGetLastError());
    CHECK(cpurtDeviceSynchronize());
    int *ints = (int *)malloc(4 * threads * sizeof(int));
    float *scan = (float *)malloc(2 * threads * sizeof(float));
    double *dbl = (double *)malloc(threads * sizeof(double));
    long long *wide = (long long *)malloc(threads * sizeof(long long));
    unsigned *uns = (unsigned *)malloc(threads * sizeof(unsigned));
    CHECK(cpurtMemcpy(ints, d_ints, 4 * threads * sizeof(int), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(scan, d_scan, 2 * threads * sizeof(float), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(dbl, d_dbl, threads * sizeof(double), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(wide, d_wide, threads * sizeof(long long), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(uns, d_uns, threads * sizeof(unsigned), cpurtMemcpyDeviceToHost));

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
