// Warp operations inside __device__ functions: a warp sum called from a block sum (two levels of
// calls), a call inside a larger expression, a void function that shuffles through a pointer, and
// warp-aggregated atomics (ballot, a leader lane, a shuffle of the leader's result). Without
// sub-groups the translation inlines these functions into their kernels. Written for 32-lane warps.
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "warp_op_in_device_function.launch.h"

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
#define BLOCK 128
#define GRID 4
#define N (GRID * BLOCK)

/* cutrans: device function 'warp_sum' moved to warp_op_in_device_function.kernels.c */







// Every warp sums its values; lane 0 of each warp stores the partial sum, and warp sums of the
// partial sums (every warp does the same work) give the block's sum in every thread's lane 0.
/* cutrans: device function 'block_sum' moved to warp_op_in_device_function.kernels.c */











/* cutrans: kernel 'block_sums' moved to warp_op_in_device_function.kernels.c */









// Rotate each warp's values by `by` lanes, in place.
/* cutrans: device function 'rotate' moved to warp_op_in_device_function.kernels.c */





/* cutrans: kernel 'rotate_and_scale' moved to warp_op_in_device_function.kernels.c */








// Increment counters[slot] for every thread with one atomic per group of lanes that share a slot.
/* cutrans: device function 'aggregated_increment' moved to warp_op_in_device_function.kernels.c */



















/* cutrans: kernel 'aggregated_counts' moved to warp_op_in_device_function.kernels.c */






int main()
{
    float h_f[N];
    int h_i[N];
    for (int i = 0; i < N; ++i) {
        h_f[i] = (float)((i * 29) % 83) / 4.0f;
        h_i[i] = (i * 41) % 59 - 20;
    }
    float *d_f, *d_sum;
    int *d_i, *d_out, *d_counters, *d_tickets;
    const int slots = 5;
    CHECK(cpurtMalloc((void **)&d_f, N * sizeof(float)));
    CHECK(cpurtMalloc((void **)&d_sum, GRID * sizeof(float)));
    CHECK(cpurtMalloc((void **)&d_i, N * sizeof(int)));
    CHECK(cpurtMalloc((void **)&d_out, N * sizeof(int)));
    CHECK(cpurtMalloc((void **)&d_counters, slots * sizeof(int)));
    CHECK(cpurtMalloc((void **)&d_tickets, N * sizeof(int)));
    CHECK(cpurtMemcpy(d_f, h_f, N * sizeof(float), cpurtMemcpyHostToDevice));
    CHECK(cpurtMemcpy(d_i, h_i, N * sizeof(int), cpurtMemcpyHostToDevice));
    CHECK(cpurtMemset(d_counters, 0, slots * sizeof(int)));
    cutrans_launch_block_sums(GRID, BLOCK, 0, 0, d_f, d_sum);
    cutrans_launch_rotate_and_scale(GRID, BLOCK, 0, 0, d_i, d_out);
    cutrans_launch_aggregated_counts(GRID, BLOCK, 0, 0, d_counters, slots, d_tickets);
    CHECK(cpurtGetLastError());
    float h_sum[GRID];
    int h_out[N], h_counters[slots], h_tickets[N];
    CHECK(cpurtMemcpy(h_sum, d_sum, GRID * sizeof(float), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(h_out, d_out, N * sizeof(int), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(h_counters, d_counters, slots * sizeof(int), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(h_tickets, d_tickets, N * sizeof(int), cpurtMemcpyDeviceToHost));
    int bad = 0;
    for (int b = 0; b < GRID; ++b) {
        double want = 0.0;
        for (int t = 0; t < BLOCK; ++t) {
            want += h_f[b * BLOCK + t];
        }
        printf("block %d sum %.4f\n", b, h_sum[b]);
        bad += h_sum[b] < want - 1e-2 || h_sum[b] > want + 1e-2;
    }
    long long checksum = 0;
    for (int i = 0; i < N; ++i) {
        checksum += h_out[i] * (long long)(i % 11 + 1);
    }
    printf("rotate checksum %lld, out[0..3] %d %d %d %d\n", checksum, h_out[0], h_out[1], h_out[2], h_out[3]);
    int counted = 0, tickets = 0;
    for (int s = 0; s < slots; ++s) {
        printf("counter %d: %d\n", s, h_counters[s]);
        counted += h_counters[s];
    }
    for (int i = 0; i < N; ++i) {
        tickets += h_tickets[i];
    }
    bad += counted != N || tickets != N;
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad ? 1 : 0;
}
