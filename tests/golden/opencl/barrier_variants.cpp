// The barrier variants: __syncthreads_count/_and/_or (a barrier that also reduces a predicate over
// the block), __threadfence_block and __threadfence (fences without a barrier), and __syncwarp used
// as a plain fence in code every thread of the block reaches. Blocks of 96 threads: three warps.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "barrier_variants.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define BLOCKS 5
#define THREADS 96
#define NOUT 6

/* cutrans: kernel 'block_votes' moved to barrier_variants.cl */































int main()
{
    const int n = BLOCKS * THREADS - 17;
    int *h = (int *)malloc(n * sizeof(int));
    for (int i = 0; i < n; ++i) {
        h[i] = (i * 7919) % 1000 - 300;        // some blocks hold values above 990, none reach 1000
    }
    int got[BLOCKS * NOUT];
    int *d_v, *d_out;
    CHECK(oclrtMalloc((void **)&d_v, n * sizeof(int)));
    CHECK(oclrtMalloc((void **)&d_out, sizeof(got)));
    CHECK(oclrtMemcpy(d_v, h, n * sizeof(int), oclrtMemcpyHostToDevice));
    cutrans_launch_block_votes(BLOCKS, THREADS, 0, 0, d_v, d_out, n);
    CHECK(oclrtGetLastError());
    CHECK(oclrtDeviceSynchronize());
    CHECK(oclrtMemcpy(got, d_out, sizeof(got), oclrtMemcpyDeviceToHost));

    int bad = 0;
    for (int b = 0; b < BLOCKS; ++b) {
        int pos = 0, small = 1, big = 0;
        for (int t = 0; t < THREADS; ++t) {
            int i = b * THREADS + t;
            int x = i < n ? h[i] : 0;
            pos += x > 0;
            small = small && x < 1000;
            big = big || x > 990;
        }
        int i0 = b * THREADS;
        int last = (i0 < n ? h[i0] : 0) * 2 + pos;      // thread THREADS-1 read thread 0's value
        int want[NOUT] = {pos, small, big, last, 1, 1 + THREADS};
        int *g = got + b * NOUT;
        printf("block %d: count = %d, and = %d, or = %d, last = %d, even = %d, and+count = %d\n",
               b, g[0], g[1], g[2], g[3], g[4], g[5]);
        for (int k = 0; k < NOUT; ++k) {
            if (g[k] != want[k]) {
                printf("  result %d: want %d  <-- wrong\n", k, want[k]);
                ++bad;
            }
        }
    }
    printf("wrong results = %d\n", bad);
    CHECK(oclrtFree(d_v));
    CHECK(oclrtFree(d_out));
    free(h);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
