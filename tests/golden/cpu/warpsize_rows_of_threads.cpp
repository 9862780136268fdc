// Kernels that number their threads as rows of warpSize (`threadIdx.y * warpSize + threadIdx.x`), launched
// with CUDA's 32 threads per row written as a literal, as HeCBench's scatterAdd does. In CUDA warpSize is
// 32; where HIP's warpSize is 64 (gfx9), keeping the word would number the threads differently, so HIP
// output must convert this code as 32-lane code. The second kernel also sums each row with a warp shuffle
// loop that starts at warpSize / 2.
#include <cstdio>
#include "cpurt.h"
#include "warpsize_rows_of_threads.launch.h"

#define ROWS 8

/* cutrans: kernel 'number_rows' moved to warpsize_rows_of_threads.kernels.c */









/* cutrans: device function 'row_sum' moved to warpsize_rows_of_threads.kernels.c */







/* cutrans: kernel 'sum_rows' moved to warpsize_rows_of_threads.kernels.c */








int main()
{
    const int blocks = 3, per_block = 32 * ROWS, n = blocks * per_block + 100;
    float in[n], out[n], sums[blocks * ROWS];
    int ids[blocks * per_block];
    for (int i = 0; i < n; ++i) {
        in[i] = (float)(i % 17) - 8.0f;
    }
    int *d_ids;
    float *d_in, *d_out, *d_sums;
    cpurtMalloc((void **)&d_ids, sizeof ids);
    cpurtMalloc((void **)&d_in, sizeof in);
    cpurtMalloc((void **)&d_out, sizeof out);
    cpurtMalloc((void **)&d_sums, sizeof sums);
    cpurtMemcpy(d_in, in, sizeof in, cpurtMemcpyHostToDevice);
    cpurtMemset(d_out, 0, sizeof out);
    dim3 threads(32, ROWS);                 // CUDA's warp, written out
    cutrans_launch_number_rows(blocks, threads, 0, 0, d_ids, d_in, d_out, n);
    cutrans_launch_sum_rows(blocks, threads, 0, 0, d_in, d_sums);
    cpurtMemcpy(ids, d_ids, sizeof ids, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(out, d_out, sizeof out, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(sums, d_sums, sizeof sums, cpurtMemcpyDeviceToHost);
    int failures = 0;
    for (int b = 0; b < blocks; ++b) {
        for (int t = 0; t < per_block; ++t) {
            int want = b * per_block + (t / 32) * 100 + t % 32;
            if (ids[b * per_block + t] != want) {
                ++failures;
            }
        }
        for (int r = 0; r < ROWS; ++r) {
            float want = 0.0f;
            for (int x = 0; x < 32; ++x) {
                want += in[b * per_block + r * 32 + x];
            }
            if (sums[b * ROWS + r] != want) {
                printf("FAIL row sum %d.%d: %g, expected %g\n", b, r, sums[b * ROWS + r], want);
                ++failures;
            }
        }
    }
    for (int i = 0; i < n; ++i) {
        failures += out[i] != 2.0f * in[i];
    }
    for (int i = 0; i < blocks * ROWS; i += 5) {
        printf("row %d: sum %g, first id %d\n", i, sums[i], ids[i * 32]);
    }
    cpurtFree(d_ids);
    cpurtFree(d_in);
    cpurtFree(d_out);
    cpurtFree(d_sums);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
