// __syncthreads() inside __device__ functions: a helper that loads a __shared__ tile with its halo and
// waits for the whole block, a helper that calls it (two levels), and a helper with a barrier in a
// uniform loop (a tree sum over the tile). Each thread then reads values that other threads wrote
// before the barrier, so a barrier that stops being one (the CPU target ran such a helper thread by
// thread before, reading tiles that no other thread had filled yet) shows as wrong numbers.
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include "cpurt.h"
#include "barrier_in_device_function.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        cpurtError_t err_ = (call);                                           \
        if (err_ != cpurtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cpurtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define BLOCK 64
#define GRID 4
#define N (GRID * BLOCK)
#define RADIUS 2

// Fills tile[0 .. BLOCK + 2*RADIUS) with in[first - RADIUS ...], zero outside the array, then waits.
/* cutrans: device function 'load_tile' moved to barrier_in_device_function.kernels.c */









// The weighted sum of the 2*RADIUS + 1 neighbours of this thread's element, read from the tile.
/* cutrans: device function 'stencil_at' moved to barrier_in_device_function.kernels.c */









/* cutrans: kernel 'stencil' moved to barrier_in_device_function.kernels.c */









// Tree sum of the block's values: every thread returns the block's total (a barrier in a loop).
/* cutrans: device function 'block_total' moved to barrier_in_device_function.kernels.c */














/* cutrans: kernel 'shares' moved to barrier_in_device_function.kernels.c */








int main()
{
    float h_in[N], h_out[N];
    int h_vals[N], h_shares[N];
    for (int i = 0; i < N; ++i) {
        h_in[i] = (float)((i * 37) % 101) / 8.0f - 6.0f;
        h_vals[i] = 1 + (i * 53) % 89;
    }
    float *d_in, *d_out;
    int *d_vals, *d_shares;
    CHECK(cpurtMalloc(&d_in, sizeof h_in));
    CHECK(cpurtMalloc(&d_out, sizeof h_out));
    CHECK(cpurtMalloc(&d_vals, sizeof h_vals));
    CHECK(cpurtMalloc(&d_shares, sizeof h_shares));
    CHECK(cpurtMemcpy(d_in, h_in, sizeof h_in, cpurtMemcpyHostToDevice));
    CHECK(cpurtMemcpy(d_vals, h_vals, sizeof h_vals, cpurtMemcpyHostToDevice));

    cutrans_launch_stencil(GRID, BLOCK, 0, 0, d_in, d_out, N);
    CHECK(cpurtGetLastError());
    cutrans_launch_shares(GRID, BLOCK, 0, 0, d_vals, d_shares);
    CHECK(cpurtGetLastError());
    CHECK(cpurtMemcpy(h_out, d_out, sizeof h_out, cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(h_shares, d_shares, sizeof h_shares, cpurtMemcpyDeviceToHost));

    int bad = 0;
    for (int i = 0; i < N; ++i) {         // the same sums on the host
        float sum = 0.0f;
        for (int k = -RADIUS; k <= RADIUS; ++k) {
            int g = i + k;
            sum += (1.0f + 0.25f * k) * ((g >= 0 && g < N) ? h_in[g] : 0.0f);
        }
        bad += fabsf(sum - h_out[i]) > 1e-4f;
        int first = i - i % BLOCK, total = 0, squares = 0;
        for (int j = first; j < first + BLOCK; ++j) {
            total += h_vals[j];
            squares += h_vals[j] * h_vals[j];
        }
        bad += h_shares[i] != 1000 * h_vals[i] / total + squares % 97;
    }
    for (int i = 0; i < N; i += 17) {
        printf("stencil[%d] = %.4f\n", i, h_out[i]);
    }
    for (int i = 0; i < N; i += 23) {
        printf("share[%d] = %d\n", i, h_shares[i]);
    }
    CHECK(cpurtFree(d_in));
    CHECK(cpurtFree(d_out));
    CHECK(cpurtFree(d_vals));
    CHECK(cpurtFree(d_shares));
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad ? 1 : 0;
}
