// __syncthreads() inside loops whose start, bound or condition comes from data: a kernel argument
// array (each block's segment of the input), shared memory written by one thread (a round count, a
// flag), and a do-while. Every thread of a block sees the same values, so the barriers are legal
// CUDA, but a static analysis cannot prove it: the CPU target checks it at run time instead.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "barrier_in_data_dependent_loop.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define THREADS 64
#define SEGMENTS 6

/* cutrans: kernel 'segment_rounds' moved to barrier_in_data_dependent_loop.cl */





























































static void reference(const int *data, const int *seg_start, int *want)
{
    for (int b = 0; b < SEGMENTS; ++b) {
        int tile[THREADS], next[THREADS];
        int total = 0, rounds = 0;
        int end = seg_start[b + 1];
        for (int base = seg_start[b]; base < end; base += THREADS) {
            for (int t = 0; t < THREADS; ++t) {
                total += base + t < end ? data[base + t] : 0;
            }
            rounds = (total & 3) + 1;
        }
        if (end <= seg_start[b]) {
            rounds = 2;
        }
        for (int t = 0; t < THREADS; ++t) {
            tile[t] = t + b;
        }
        for (int r = 0; r < rounds; ++r) {
            for (int t = 0; t < THREADS; ++t) {
                next[t] = tile[(t + 1) % THREADS] * 3 + r;
            }
            for (int t = 0; t < THREADS; ++t) {
                tile[t] = next[t];
            }
        }
        while (total > 0) {
            for (int t = 0; t < THREADS; ++t) {
                next[t] = (tile[THREADS - 1 - t] + total) % 1000;
            }
            for (int t = 0; t < THREADS; ++t) {
                tile[t] = next[t];
            }
            total /= 4;
        }
        int steps = rounds > 1 ? rounds : 1;
        for (int t = 0; t < THREADS; ++t) {
            want[b * THREADS + t] = tile[t] * 10 + steps;
        }
    }
}

int main()
{
    const int seg_start[SEGMENTS + 1] = {0, 5, 5, 200, 264, 265, 400};
    const int n = seg_start[SEGMENTS];
    int *data = (int *)malloc(n * sizeof(int));
    for (int i = 0; i < n; ++i) {
        data[i] = (i * 37) % 11;
    }
    int got[SEGMENTS * THREADS], want[SEGMENTS * THREADS];
    int *d_data, *d_start, *d_out;
    CHECK(oclrtMalloc((void **)&d_data, n * sizeof(int)));
    CHECK(oclrtMalloc((void **)&d_start, sizeof(seg_start)));
    CHECK(oclrtMalloc((void **)&d_out, sizeof(got)));
    CHECK(oclrtMemcpy(d_data, data, n * sizeof(int), oclrtMemcpyHostToDevice));
    CHECK(oclrtMemcpy(d_start, seg_start, sizeof(seg_start), oclrtMemcpyHostToDevice));
    cutrans_launch_segment_rounds(SEGMENTS, THREADS, 0, 0, d_data, d_start, d_out);
    CHECK(oclrtGetLastError());
    CHECK(oclrtDeviceSynchronize());
    CHECK(oclrtMemcpy(got, d_out, sizeof(got), oclrtMemcpyDeviceToHost));

    reference(data, seg_start, want);
    int bad = 0;
    for (int i = 0; i < SEGMENTS * THREADS; ++i) {
        bad += got[i] != want[i];
    }
    for (int b = 0; b < SEGMENTS; ++b) {
        printf("segment %d: out[0] = %d, out[%d] = %d\n", b, got[b * THREADS], THREADS - 1,
               got[b * THREADS + THREADS - 1]);
    }
    printf("mismatches = %d\n", bad);
    CHECK(oclrtFree(d_data));
    CHECK(oclrtFree(d_start));
    CHECK(oclrtFree(d_out));
    free(data);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
