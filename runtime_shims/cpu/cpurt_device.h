/* cutrans CPU target: what generated kernel code (C with OpenMP) needs. Included by <stem>.kernels.c
 * and by the generated launch header. */
#ifndef CUTRANS_CPURT_DEVICE_H
#define CUTRANS_CPURT_DEVICE_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1            /* exp10f and exp10 */
#endif
#include <math.h>
#include <stddef.h>
#include <stdlib.h>

typedef struct cutrans_uint3 { unsigned int x, y, z; } cutrans_uint3;
typedef cutrans_uint3 cutrans_dim3;

/* The 3-D index of linear thread t in a block of shape b (x fastest, as in CUDA). */
static inline cutrans_uint3 cutrans_thread_index(unsigned int t, cutrans_dim3 b)
{
    cutrans_uint3 r = { t % b.x, (t / b.x) % b.y, t / (b.x * b.y) };
    return r;
}

/* CUDA's launch limits; returns CUDA's cudaErrorInvalidConfiguration (9) when one is broken. */
static inline int cutrans_check_launch(cutrans_dim3 grid, cutrans_dim3 block)
{
    unsigned long long threads = (unsigned long long)block.x * block.y * block.z;
    if (threads == 0 || threads > 1024 || block.z > 64 || grid.x == 0 || grid.y == 0 || grid.z == 0
        || grid.y > 65535 || grid.z > 65535)
        return 9;
    return 0;
}

#define CUTRANS_MINMAX(T, NAME) \
    static inline T cutrans_min_##NAME(T a, T b) { return a < b ? a : b; } \
    static inline T cutrans_max_##NAME(T a, T b) { return a > b ? a : b; }
CUTRANS_MINMAX(int, i32)
CUTRANS_MINMAX(unsigned int, u32)
CUTRANS_MINMAX(long long, i64)
CUTRANS_MINMAX(unsigned long long, u64)
#undef CUTRANS_MINMAX

#endif
