// Block-level tree reduction in shared memory: one partial sum per block,
// the partial sums are added on the host. Integer data, so the sum is exact.
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include "cpurt.h"
#include "block_reduction.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        cpurtError_t err_ = (call);                                           \
        if (err_ != cpurtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cpurtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define BLOCK_SIZE 256

/* cutrans: kernel 'block_sum' moved to block_reduction.kernels.c */

















int main()
{
    const int n = 65000;
    const int grid = (n + BLOCK_SIZE - 1) / BLOCK_SIZE;
    int *h_in = (int *)malloc(n * sizeof(int));
    int *h_partial = (int *)malloc(grid * sizeof(int));
    unsigned state = 7u;
    long long want = 0;
    for (int i = 0; i < n; ++i) {
        state = state * 1103515245u + 12345u;
        h_in[i] = (int)((state >> 16) % 201u) - 100;
        want += h_in[i];
    }

    int *d_in, *d_partial;
    CHECK(cpurtMalloc((void **)&d_in, n * sizeof(int)));
    CHECK(cpurtMalloc((void **)&d_partial, grid * sizeof(int)));
    CHECK(cpurtMemcpy(d_in, h_in, n * sizeof(int), cpurtMemcpyHostToDevice));
    CHECK(cpurtMemset(d_partial, 0, grid * sizeof(int)));

    cutrans_launch_block_sum(grid, BLOCK_SIZE, 0, 0, d_in, d_partial, n);
    CHECK(cpurtGetLastError());
    CHECK(cpurtDeviceSynchronize());
    CHECK(cpurtMemcpy(h_partial, d_partial, grid * sizeof(int), cpurtMemcpyDeviceToHost));

    long long got = 0;
    int bad_blocks = 0;
    for (int b = 0; b < grid; ++b) {
        long long block_want = 0;
        for (int i = b * BLOCK_SIZE; i < n && i < (b + 1) * BLOCK_SIZE; ++i) {
            block_want += h_in[i];
        }
        if (block_want != h_partial[b]) {
            ++bad_blocks;
        }
        got += h_partial[b];
    }
    printf("n = %d, blocks = %d\n", n, grid);
    printf("partial[0] = %d\n", h_partial[0]);
    printf("partial[%d] = %d\n", grid - 1, h_partial[grid - 1]);
    printf("sum = %lld, expected = %lld\n", got, want);
    printf("bad blocks = %d\n", bad_blocks);

    CHECK(cpurtFree(d_in));
    CHECK(cpurtFree(d_partial));
    free(h_in);
    free(h_partial);
    int ok = got == want && bad_blocks == 0;
    printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
