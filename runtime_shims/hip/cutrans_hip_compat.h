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

/* CUDA's 32-lane warp on any wavefront. HIP numbers the lanes of a wavefront by linear thread id, so
 * the CUDA warp of a thread is the 32-lane half of its wavefront that holds it (the whole wavefront on
 * wave32). The cutrans converter renames warp intrinsics in code written for 32-lane warps to these,
 * so that lane = tid % 32, 32-bit masks and ballots, and shuffle loops from 16 keep CUDA's meaning on
 * 64-lane wavefronts: masks and ballots are relative to the CUDA warp, shuffles stay inside it. */
__device__ static inline unsigned cutrans_warp32_shift(void) {
    return __lane_id() & ~31u;
}

#ifdef CUEMU_WARP_SIZE
/* The CPU emulation that `cutrans verify` runs HIP output on (runtime_shims/emulate): its lanes meet at
 * each warp operation, so it must be told which lanes take part (the mask, moved to the caller's half of
 * the wavefront); it has CUDA's *_sync forms with 64-bit masks. On a GPU the lanes that reach the call
 * are the ones that take part, and HIP's forms without a mask are used. */
#define CUTRANS_WARP32_MASK(mask) ((cutrans_lanemask_t)(mask) << cutrans_warp32_shift())
#define CUTRANS_WARP32_SHUFFLE(op, mask, ...) op##_sync(CUTRANS_WARP32_MASK(mask), __VA_ARGS__)
#define CUTRANS_WARP32_BALLOT(mask, predicate) __ballot_sync(CUTRANS_WARP32_MASK(mask), (predicate))
#define CUTRANS_WARP32_ACTIVE() __activemask()
#else
#define CUTRANS_WARP32_SHUFFLE(op, mask, ...) ((void)(mask), op(__VA_ARGS__))
#define CUTRANS_WARP32_BALLOT(mask, predicate) __ballot(predicate)
#define CUTRANS_WARP32_ACTIVE() __ballot(1)
#endif

__device__ static inline unsigned cutrans_warp32_activemask(void) {
    return (unsigned)(CUTRANS_WARP32_ACTIVE() >> cutrans_warp32_shift());
}

__device__ static inline unsigned cutrans_warp32_ballot_sync(unsigned mask, int predicate) {
    return (unsigned)(CUTRANS_WARP32_BALLOT(mask, predicate) >> cutrans_warp32_shift()) & mask;
}

__device__ static inline int cutrans_warp32_any_sync(unsigned mask, int predicate) {
    return cutrans_warp32_ballot_sync(mask, predicate) != 0;
}

__device__ static inline int cutrans_warp32_all_sync(unsigned mask, int predicate) {
    unsigned live = mask & cutrans_warp32_activemask();
    return (cutrans_warp32_ballot_sync(mask, predicate) & live) == live;
}

template <class T>
__device__ static inline T cutrans_warp32_shfl_sync(unsigned mask, T var, int src_lane, int width = 32) {
    return CUTRANS_WARP32_SHUFFLE(__shfl, mask, var, src_lane, width);
}

template <class T>
__device__ static inline T cutrans_warp32_shfl_up_sync(unsigned mask, T var, unsigned int delta, int width = 32) {
    return CUTRANS_WARP32_SHUFFLE(__shfl_up, mask, var, delta, width);
}

template <class T>
__device__ static inline T cutrans_warp32_shfl_down_sync(unsigned mask, T var, unsigned int delta, int width = 32) {
    return CUTRANS_WARP32_SHUFFLE(__shfl_down, mask, var, delta, width);
}

template <class T>
__device__ static inline T cutrans_warp32_shfl_xor_sync(unsigned mask, T var, int lane_mask, int width = 32) {
    return CUTRANS_WARP32_SHUFFLE(__shfl_xor, mask, var, lane_mask, width);
}

/* Cooperative-groups tile members that HIP 5's thread_block_tile lacks; the converter rewrites t.ballot(p)
 * to cutrans_tile_ballot(t, p), and t.meta_group_rank() to cutrans_tile_meta_group_rank(t, P), where P is
 * the size of the group t was cut from (0: the thread block), which a HIP tile does not keep. A tile of
 * 1-32 threads is an aligned run of lanes of the wavefront (lanes are numbered by linear thread id, and
 * tiles are cut in that order), so its ballot is the wavefront's, shifted to the tile's first lane. */
template <class Tile>
__device__ static inline unsigned cutrans_tile_ballot(const Tile &tile, int predicate) {
    const unsigned size = (unsigned)tile.size();
    const unsigned first = __lane_id() & ~(size - 1u);
    const unsigned own = size >= 32u ? 0xffffffffu : (1u << size) - 1u;
#ifdef CUEMU_WARP_SIZE
    const cutrans_lanemask_t bits = __ballot_sync((cutrans_lanemask_t)own << first, predicate);
#else
    const cutrans_lanemask_t bits = __ballot(predicate);
#endif
    return (unsigned)(bits >> first) & own;
}

template <class Tile>
__device__ static inline int cutrans_tile_any(const Tile &tile, int predicate) {
    return cutrans_tile_ballot(tile, predicate) != 0u;
}

template <class Tile>
__device__ static inline int cutrans_tile_all(const Tile &tile, int predicate) {
    const unsigned size = (unsigned)tile.size();
    return cutrans_tile_ballot(tile, predicate) == (size >= 32u ? 0xffffffffu : (1u << size) - 1u);
}

__device__ static inline unsigned cutrans_block_thread_rank(void) {
    return threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z);
}

template <class Tile>
__device__ static inline unsigned cutrans_tile_meta_group_rank(const Tile &tile, unsigned parent) {
    const unsigned rank = cutrans_block_thread_rank();
    return (parent ? rank % parent : rank) / (unsigned)tile.size();
}

template <class Tile>
__device__ static inline unsigned cutrans_tile_meta_group_size(const Tile &tile, unsigned parent) {
    const unsigned size = (unsigned)tile.size();
    const unsigned whole = parent ? parent : blockDim.x * blockDim.y * blockDim.z;
    return (whole + size - 1u) / size;
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

/* __hmax/__hmin on __half and __hmax2/__hmin2 on __half2: HIP 5.x's hip_fp16.h has none of them. The larger/smaller value as CUDA defines it
 * (a NaN operand yields the other one), computed in float, where it is exact. Routed to these
 * definitions on every HIP release, like the warp functions above. */
#include <hip/hip_fp16.h>

__device__ static inline __half cutrans_hmax(__half a, __half b) {
    return __float2half(fmaxf(__half2float(a), __half2float(b)));
}

__device__ static inline __half cutrans_hmin(__half a, __half b) {
    return __float2half(fminf(__half2float(a), __half2float(b)));
}

__device__ static inline __half2 cutrans_hmax2(__half2 a, __half2 b) {
    return __halves2half2(cutrans_hmax(__low2half(a), __low2half(b)), cutrans_hmax(__high2half(a), __high2half(b)));
}

__device__ static inline __half2 cutrans_hmin2(__half2 a, __half2 b) {
    return __halves2half2(cutrans_hmin(__low2half(a), __low2half(b)), cutrans_hmin(__high2half(a), __high2half(b)));
}

#define __hmax(a, b) cutrans_hmax((a), (b))
#define __hmin(a, b) cutrans_hmin((a), (b))
#define __hmax2(a, b) cutrans_hmax2((a), (b))
#define __hmin2(a, b) cutrans_hmin2((a), (b))

#endif
