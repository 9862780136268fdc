// cutrans_hip_compat.h's warp reductions as a GPU runs them (cutrans_reduce_lanes: __ballot(1) and __shfl
// over the active lanes, each lane combining those of its mask) against the emulation's __reduce_*_sync,
// on converged lanes that reduce in groups with different masks at once: the whole wavefront, groups of
// 16 lanes, odd and even lanes, lanes alike modulo 3. Blocks of 64 and 48 threads (a partial wavefront
// at wave 64, a warp of 16 lanes at wave 32). Prints the number of differences.
#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"
#include <cstdio>

#define COMPARE(op, T, value)                                                              \
    bad += cutrans_reduce_lanes(mask, (T)(value), cutrans_reduce_op_##op()) !=             \
           __reduce_##op##_sync(mask, (T)(value))

__global__ void compare(const int *a, int *bad_out)
{
    const unsigned lane = __lane_id();
    const int v = a[threadIdx.x];
    const unsigned w = (unsigned)v * 2654435761u;
    int bad = 0;
    for (int kind = 0; kind < 4; ++kind) {
        cutrans_lanemask_t mask = 0;
        for (unsigned l = 0; l < (unsigned)warpSize; ++l) {
            const bool same = kind == 0 ? true : kind == 1 ? l / 16 == lane / 16 : kind == 2 ? l % 2 == lane % 2
                                                                                             : l % 3 == lane % 3;
            mask |= (cutrans_lanemask_t)same << l;
        }
        COMPARE(add, int, v);
        COMPARE(min, int, v);
        COMPARE(max, int, v);
        COMPARE(add, unsigned, w);
        COMPARE(min, unsigned, w);
        COMPARE(max, unsigned, w);
        COMPARE(and, unsigned, w);
        COMPARE(or, unsigned, w);
        COMPARE(xor, unsigned, w);
    }
    bad_out[threadIdx.x] = bad;
}

int main()
{
    int h_a[64], h_bad[64];
    for (int i = 0; i < 64; ++i) {
        h_a[i] = i == 5 ? 2147483647 : i == 40 ? -2147483647 - 1 : (int)((i * 7919u) % 2001u) - 1000;
    }
    int *d_a, *d_bad, total = 0;
    hipMalloc((void **)&d_a, sizeof h_a);
    hipMalloc((void **)&d_bad, sizeof h_bad);
    hipMemcpy(d_a, h_a, sizeof h_a, hipMemcpyHostToDevice);
    for (int block = 64; block >= 48; block -= 16) {
        compare<<<1, block>>>(d_a, d_bad);
        hipMemcpy(h_bad, d_bad, block * sizeof(int), hipMemcpyDeviceToHost);
        for (int i = 0; i < block; ++i) {
            total += h_bad[i];
        }
    }
    printf("differences %d\n", total);
    return total != 0;
}
