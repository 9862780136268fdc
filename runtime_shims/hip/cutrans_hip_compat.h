/* cutrans: CUDA warp-synchronous intrinsics for every HIP release.
 *
 * HIP 5.x has no __shfl_*_sync, __ballot_sync, __any_sync, __all_sync, __activemask or __syncwarp;
 * recent HIP has them but insists on a 64-bit mask (a 32-bit literal such as 0xffffffff fails a
 * static_assert). CUDA code passes 32-bit masks. These macros route every call to one inline
 * implementation here that takes the mask as 64 bits and works on 32- and 64-lane wavefronts.
 * Shuffles read from the source lane whatever the mask says, which is exact whenever the lanes named
 * by the mask are active (what CUDA requires of a correct program). Included by cutrans only when the
 * translated file uses one of these names. */
#ifndef CUTRANS_HIP_COMPAT_H
#define CUTRANS_HIP_COMPAT_H

#include <hip/hip_runtime.h>

typedef unsigned long long cutrans_lanemask_t;

__device__ static inline cutrans_lanemask_t cutrans_activemask(void) {
    return __ballot(1);
}

__device__ static inline void cutrans_syncwarp(cutrans_lanemask_t mask = ~0ull) {
    (void)mask;
    __builtin_amdgcn_wave_barrier();
}

__device__ static inline cutrans_lanemask_t cutrans_ballot_sync(cutrans_lanemask_t mask, int predicate) {
    return __ballot(predicate) & mask;
}

__device__ static inline int cutrans_any_sync(cutrans_lanemask_t mask, int predicate) {
    return (__ballot(predicate) & mask) != 0;
}

__device__ static inline int cutrans_all_sync(cutrans_lanemask_t mask, int predicate) {
    cutrans_lanemask_t live = mask & __ballot(1);
    return (__ballot(predicate) & live) == live;
}

template <class T>
__device__ static inline T cutrans_shfl_sync(cutrans_lanemask_t mask, T var, int src_lane, int width = warpSize) {
    (void)mask;
    return __shfl(var, src_lane, width);
}

template <class T>
__device__ static inline T cutrans_shfl_up_sync(cutrans_lanemask_t mask, T var, unsigned int delta,
                                                int width = warpSize) {
    (void)mask;
    return __shfl_up(var, delta, width);
}

template <class T>
__device__ static inline T cutrans_shfl_down_sync(cutrans_lanemask_t mask, T var, unsigned int delta,
                                                  int width = warpSize) {
    (void)mask;
    return __shfl_down(var, delta, width);
}

template <class T>
__device__ static inline T cutrans_shfl_xor_sync(cutrans_lanemask_t mask, T var, int lane_mask,
                                                 int width = warpSize) {
    (void)mask;
    return __shfl_xor(var, lane_mask, width);
}

#define __activemask() cutrans_activemask()
#define __syncwarp(...) cutrans_syncwarp(__VA_ARGS__)
#define __ballot_sync(mask, pred) cutrans_ballot_sync((cutrans_lanemask_t)(mask), (pred))
#define __any_sync(mask, pred) cutrans_any_sync((cutrans_lanemask_t)(mask), (pred))
#define __all_sync(mask, pred) cutrans_all_sync((cutrans_lanemask_t)(mask), (pred))
#define __shfl_sync(mask, ...) cutrans_shfl_sync((cutrans_lanemask_t)(mask), __VA_ARGS__)
#define __shfl_up_sync(mask, ...) cutrans_shfl_up_sync((cutrans_lanemask_t)(mask), __VA_ARGS__)
#define __shfl_down_sync(mask, ...) cutrans_shfl_down_sync((cutrans_lanemask_t)(mask), __VA_ARGS__)
#define __shfl_xor_sync(mask, ...) cutrans_shfl_xor_sync((cutrans_lanemask_t)(mask), __VA_ARGS__)

#endif
