// Regression sample: `break` and `continue` in loops that contain __syncthreads(), taken by the whole
// block (conditions the same for every thread), as persistent-block kernels do (cuda-samples'
// cudaTensorCoreGemm: `for (block_pos = blockIdx.x;; block_pos += gridDim.x) { if (...) break; ... }`).
// The CPU target runs such a loop at block level, so the break leaves it for every thread at once.
// Covered: a loop with no condition left by a break, a `continue` that skips rounds (the step still
// runs), and a break inside a block-level `if` after statements of its own.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "barrier_loop_with_break.launch.h"

#define TILE 64

/* cutrans: kernel 'tile_sums' moved to barrier_loop_with_break.cl */

















/* cutrans: kernel 'rounds' moved to barrier_loop_with_break.cl */


















int main()
{
    const int tiles = 37, n = tiles * TILE;
    float *h = (float *)malloc(n * sizeof(float)), *sums = (float *)malloc(tiles * sizeof(float));
    int *hi = (int *)malloc(n * sizeof(int));
    for (int i = 0; i < n; i++) {
        h[i] = (float)((i * 13) % 23) / 8.0f;
        hi[i] = (i * 31) % 50;
    }
    float *d_in, *d_sums;
    int *d_data;
    oclrtMalloc(&d_in, n * sizeof(float));
    oclrtMalloc(&d_sums, tiles * sizeof(float));
    oclrtMalloc(&d_data, n * sizeof(int));
    oclrtMemcpy(d_in, h, n * sizeof(float), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_data, hi, n * sizeof(int), oclrtMemcpyHostToDevice);
    cutrans_launch_tile_sums(5, TILE, 0, 0, d_in, d_sums, tiles);
    cutrans_launch_rounds(tiles, TILE, 0, 0, d_data, n, 12);
    oclrtMemcpy(sums, d_sums, tiles * sizeof(float), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(hi, d_data, n * sizeof(int), oclrtMemcpyDeviceToHost);
    double s = 0;
    long t = 0;
    for (int k = 0; k < tiles; k++) s += sums[k] * (k % 4 + 1);
    for (int i = 0; i < n; i++) t += (long)hi[i] * (i % 3 + 1);
    printf("tile sums %.4f, rounds %ld, first %.4f %d\n", s, t, sums[0], hi[0]);
    int ok = oclrtGetLastError() == oclrtSuccess;
    printf("%s\n", ok ? "PASS" : "FAIL");
    oclrtFree(d_in); oclrtFree(d_sums); oclrtFree(d_data);
    free(h); free(sums); free(hi);
    return ok ? 0 : 1;
}
