/* cutrans: CUDA warp-synchronous intrinsics for every HIP release.
 *
 * HIP 5.x has no __shfl_*_sync, __ballot_sync, __any_sync, __all_sync, __activemask, __syncwarp or __reduce_*_sync;
 * recent HIP has them but insists on a 64-bit mask (a 32-bit literal such as 0xffffffff fails a
 * static_assert). CUDA code passes 32-bit masks. These macros route every call to one inline
 * implementation here that takes the mask as 64 bits and works on 32- and 64-lane wavefronts.
 * Shuffles read from the source lane whatever the mask says, which is exact whenever the lanes named
 * by the mask are active (what CUDA requires of a correct program). Included by cutrans only when the
 * translated file uses one of these names, or a runtime call that takes a kernel. CUDA's SIMD video
 * intrinsics (__vaddss4...) and DPX intrinsics (__vimax3_s32...), which HIP lacks, are at the end, generated
 * from translator/ir/simd_video.py and translator/ir/dpx.py. */
#ifndef CUTRANS_HIP_COMPAT_H
#define CUTRANS_HIP_COMPAT_H

#include <hip/hip_runtime.h>

typedef unsigned long long cutrans_lanemask_t;

/* rsqrtf and rsqrt on the host, where CUDA has them and HIP declares them for the device only. Templates,
 * so that a HIP release with its own host versions wins overload resolution. */
template <class = void> __host__ inline float rsqrtf(float x) { return 1.0f / sqrtf(x); }
template <class = void> __host__ inline double rsqrt(double x) { return 1.0 / sqrt(x); }

/* CUDA's __dp4a and __dp2a_lo/_hi: sums of byte (halfword x byte) products added to c, wrapping at 32 bits.
 * HIP has them only as amd_mixed_dot, which saturates or not by argument and needs the dot instructions of
 * some targets; these are exact everywhere. */
__device__ static inline int cutrans_dp_lane(unsigned int word, unsigned int shift, unsigned int bits, bool is_signed) {
    unsigned int mask = (1u << bits) - 1u, lane = (word >> shift) & mask, sign = 1u << (bits - 1u);
    return is_signed ? (int)(lane ^ sign) - (int)sign : (int)lane;
}
__device__ static inline unsigned int cutrans_dp(unsigned int a, unsigned int b, unsigned int c, bool is_signed,
                                                 int pairs, int hi) {
    unsigned int half_bits = pairs == 4 ? 8u : 16u;
    for (int i = 0; i < pairs; ++i) {
        c += (unsigned int)(cutrans_dp_lane(a, half_bits * i, half_bits, is_signed) *
                            cutrans_dp_lane(b, 8u * (i + 2 * hi), 8u, is_signed));
    }
    return c;
}
__device__ static inline int cutrans_dp4a(int a, int b, int c) { return (int)cutrans_dp(a, b, c, true, 4, 0); }
__device__ static inline unsigned int cutrans_dp4a(unsigned int a, unsigned int b, unsigned int c) {
    return cutrans_dp(a, b, c, false, 4, 0);
}
__device__ static inline int cutrans_dp2a_lo(int a, int b, int c) { return (int)cutrans_dp(a, b, c, true, 2, 0); }
__device__ static inline unsigned int cutrans_dp2a_lo(unsigned int a, unsigned int b, unsigned int c) {
    return cutrans_dp(a, b, c, false, 2, 0);
}
__device__ static inline int cutrans_dp2a_hi(int a, int b, int c) { return (int)cutrans_dp(a, b, c, true, 2, 1); }
__device__ static inline unsigned int cutrans_dp2a_hi(unsigned int a, unsigned int b, unsigned int c) {
    return cutrans_dp(a, b, c, false, 2, 1);
}
#define __dp4a(a, b, c) cutrans_dp4a((a), (b), (c))
#define __dp2a_lo(a, b, c) cutrans_dp2a_lo((a), (b), (c))
#define __dp2a_hi(a, b, c) cutrans_dp2a_hi((a), (b), (c))

/* Block-scoped atomics (and the system-scoped atomicInc/atomicDec), which HIP 5 lacks: the device-scoped
 * operation, which is at least as strong. */
#define atomicAdd_block atomicAdd
#define atomicSub_block atomicSub
#define atomicExch_block atomicExch
#define atomicMin_block atomicMin
#define atomicMax_block atomicMax
#define atomicAnd_block atomicAnd
#define atomicOr_block atomicOr
#define atomicXor_block atomicXor
#define atomicInc_block atomicInc
#define atomicDec_block atomicDec
#define atomicCAS_block atomicCAS
#define atomicInc_system atomicInc
#define atomicDec_system atomicDec

/* Runtime calls that name a kernel. CUDA's runtime has templates that take the kernel itself; HIP (5.x, and 6.x
 * for these two) takes it as `const void*` only, which a function pointer does not convert to. A template
 * over the function type is more specialized than any `T` template a later HIP release may add, and the plain
 * `const void*` functions still win for a pointer that already has that type. */
template <class F>
__host__ inline hipError_t hipFuncSetAttribute(F* kernel, hipFuncAttribute attribute, int value) {
    return hipFuncSetAttribute(reinterpret_cast<const void*>(kernel), attribute, value);
}
template <class F>
__host__ inline hipError_t hipFuncSetCacheConfig(F* kernel, hipFuncCache_t config) {
    return hipFuncSetCacheConfig(reinterpret_cast<const void*>(kernel), config);
}

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

/* The word a shuffle moves. HIP's __shfl* take the built-in types (int, unsigned, float, double, long long...);
 * CUDA's cuda_fp16.h and cuda_bf16.h add __half, __half2, __nv_bfloat16 and __nv_bfloat162, which HIP 5 lacks
 * (a __half is ambiguous between HIP's overloads, and a conversion through float would quiet a signaling NaN).
 * CUDA moves their 2 or 4 bytes unchanged, so here such a value (any class of at most 4 bytes) travels as the
 * bits of an unsigned int; the built-in types go to HIP's overloads as they are. */
template <class T, bool Bits = __is_class(T) && sizeof(T) <= sizeof(unsigned int)>
struct cutrans_shfl_word {
    __device__ static T pack(T value) { return value; }
    __device__ static T unpack(T word) { return word; }
};

template <class T>
struct cutrans_shfl_word<T, true> {
    __device__ static unsigned int pack(T value) {
        unsigned int word = 0u;
        __builtin_memcpy(&word, &value, sizeof(T));
        return word;
    }
    __device__ static T unpack(unsigned int word) {
        T value;
        __builtin_memcpy(&value, &word, sizeof(T));
        return value;
    }
};

/* shuffle(var, args...) on var's word, back in var's type T */
#define CUTRANS_SHFL_WORD(shuffle, var, ...) \
    cutrans_shfl_word<T>::unpack(shuffle(cutrans_shfl_word<T>::pack(var), __VA_ARGS__))

template <class T>
__device__ static inline T cutrans_shfl_sync(cutrans_lanemask_t mask, T var, int src_lane, int width = warpSize) {
    (void)mask;
    return CUTRANS_SHFL_WORD(__shfl, var, src_lane, width);
}

template <class T>
__device__ static inline T cutrans_shfl_up_sync(cutrans_lanemask_t mask, T var, unsigned int delta,
                                                int width = warpSize) {
    (void)mask;
    return CUTRANS_SHFL_WORD(__shfl_up, var, delta, width);
}

template <class T>
__device__ static inline T cutrans_shfl_down_sync(cutrans_lanemask_t mask, T var, unsigned int delta,
                                                  int width = warpSize) {
    (void)mask;
    return CUTRANS_SHFL_WORD(__shfl_down, var, delta, width);
}

template <class T>
__device__ static inline T cutrans_shfl_xor_sync(cutrans_lanemask_t mask, T var, int lane_mask,
                                                 int width = warpSize) {
    (void)mask;
    return CUTRANS_SHFL_WORD(__shfl_xor, var, lane_mask, width);
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
    return cutrans_shfl_word<T>::unpack(
        CUTRANS_WARP32_SHUFFLE(__shfl, mask, cutrans_shfl_word<T>::pack(var), src_lane, width));
}

template <class T>
__device__ static inline T cutrans_warp32_shfl_up_sync(unsigned mask, T var, unsigned int delta, int width = 32) {
    return cutrans_shfl_word<T>::unpack(
        CUTRANS_WARP32_SHUFFLE(__shfl_up, mask, cutrans_shfl_word<T>::pack(var), delta, width));
}

template <class T>
__device__ static inline T cutrans_warp32_shfl_down_sync(unsigned mask, T var, unsigned int delta, int width = 32) {
    return cutrans_shfl_word<T>::unpack(
        CUTRANS_WARP32_SHUFFLE(__shfl_down, mask, cutrans_shfl_word<T>::pack(var), delta, width));
}

template <class T>
__device__ static inline T cutrans_warp32_shfl_xor_sync(unsigned mask, T var, int lane_mask, int width = 32) {
    return cutrans_shfl_word<T>::unpack(
        CUTRANS_WARP32_SHUFFLE(__shfl_xor, mask, cutrans_shfl_word<T>::pack(var), lane_mask, width));
}

/* CUDA's sm_80 warp reductions __reduce_{add,min,max}_sync (int and unsigned) and __reduce_{and,or,xor}_sync
 * (unsigned), which HIP 5 lacks (ROCm 6 declares them only under HIP_ENABLE_WARP_SYNC_BUILTINS). The
 * result is the reduction of the values of the lanes in the mask: add wraps modulo 2^32, int min/max compare
 * signed. CUDA requires each lane the mask names to call it, so on a GPU the caller reads the lanes the mask
 * names that are active, one at a time: every active lane takes part in each read (the loop runs over the
 * wavefront's active lanes, the same in all of them), whatever its own mask, so groups of lanes with
 * different masks may call it together. cutrans_warp32_reduce_*_sync take CUDA's 32-bit mask relative to
 * the caller's CUDA warp (the 32-lane half of a 64-lane wavefront). */
struct cutrans_reduce_op_add {
    template <class T> __device__ T operator()(T a, T b) const { return (T)((unsigned)a + (unsigned)b); }
};
struct cutrans_reduce_op_min {
    template <class T> __device__ T operator()(T a, T b) const { return b < a ? b : a; }
};
struct cutrans_reduce_op_max {
    template <class T> __device__ T operator()(T a, T b) const { return b > a ? b : a; }
};
struct cutrans_reduce_op_and {
    template <class T> __device__ T operator()(T a, T b) const { return a & b; }
};
struct cutrans_reduce_op_or {
    template <class T> __device__ T operator()(T a, T b) const { return a | b; }
};
struct cutrans_reduce_op_xor {
    template <class T> __device__ T operator()(T a, T b) const { return a ^ b; }
};

template <class T, class Op>
__device__ static inline T cutrans_reduce_lanes(cutrans_lanemask_t mask, T value, Op op) {
    const unsigned self = __lane_id();
    T acc = value;                          /* the caller is in its mask, as CUDA requires */
    for (cutrans_lanemask_t rest = __ballot(1); rest != 0; rest &= rest - 1) {
        const unsigned lane = (unsigned)__builtin_ctzll(rest);
        const T other = __shfl(value, (int)lane, warpSize);
        if (lane != self && ((mask >> lane) & 1ull) != 0) {
            acc = op(acc, other);
        }
    }
    return acc;
}

#ifdef CUEMU_WARP_SIZE
/* the CPU emulation has CUDA's forms, with 64-bit masks (see CUTRANS_WARP32_MASK above) */
#define CUTRANS_REDUCE(op, mask, value) __reduce_##op##_sync((mask), (value))
#else
#define CUTRANS_REDUCE(op, mask, value) cutrans_reduce_lanes((mask), (value), cutrans_reduce_op_##op())
#endif

/* cutrans_reduce_<op>_sync(64-bit mask, T) and its twin cutrans_warp32_reduce_<op>_sync(32-bit mask, T) */
#define CUTRANS_DEFINE_REDUCE(op, T)                                                                \
    __device__ static inline T cutrans_reduce_##op##_sync(cutrans_lanemask_t mask, T value) {       \
        return CUTRANS_REDUCE(op, mask, value);                                                     \
    }                                                                                               \
    __device__ static inline T cutrans_warp32_reduce_##op##_sync(unsigned mask, T value) {          \
        return cutrans_reduce_##op##_sync((cutrans_lanemask_t)mask << cutrans_warp32_shift(), value); \
    }
CUTRANS_DEFINE_REDUCE(add, int)
CUTRANS_DEFINE_REDUCE(add, unsigned)
CUTRANS_DEFINE_REDUCE(min, int)
CUTRANS_DEFINE_REDUCE(min, unsigned)
CUTRANS_DEFINE_REDUCE(max, int)
CUTRANS_DEFINE_REDUCE(max, unsigned)
CUTRANS_DEFINE_REDUCE(and, unsigned)
CUTRANS_DEFINE_REDUCE(or, unsigned)
CUTRANS_DEFINE_REDUCE(xor, unsigned)
#undef CUTRANS_DEFINE_REDUCE
#undef CUTRANS_REDUCE

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
#define __reduce_add_sync(mask, value) cutrans_reduce_add_sync((cutrans_lanemask_t)(mask), (value))
#define __reduce_min_sync(mask, value) cutrans_reduce_min_sync((cutrans_lanemask_t)(mask), (value))
#define __reduce_max_sync(mask, value) cutrans_reduce_max_sync((cutrans_lanemask_t)(mask), (value))
#define __reduce_and_sync(mask, value) cutrans_reduce_and_sync((cutrans_lanemask_t)(mask), (value))
#define __reduce_or_sync(mask, value) cutrans_reduce_or_sync((cutrans_lanemask_t)(mask), (value))
#define __reduce_xor_sync(mask, value) cutrans_reduce_xor_sync((cutrans_lanemask_t)(mask), (value))

/* __hmax/__hmin on __half and __hmax2/__hmin2 on __half2: HIP 5.x's hip_fp16.h has none of them. The larger/smaller value as CUDA defines it
 * (a NaN operand yields the other one; max(+0, -0) is +0 and min(+0, -0) is -0, which fmaxf/fminf leave
 * open, so equal operands merge their bits), computed in float, where it is exact. Routed to these
 * definitions on every HIP release, like the warp functions above; cutrans_hip_bf16.h adds the
 * __nv_bfloat16 overloads. */
#include <hip/hip_fp16.h>

__device__ static inline __half cutrans_hmax(__half a, __half b) {
    float x = __half2float(a), y = __half2float(b);
    return x == y ? __ushort_as_half((unsigned short)(__half_as_ushort(a) & __half_as_ushort(b))) : __float2half(fmaxf(x, y));
}

__device__ static inline __half cutrans_hmin(__half a, __half b) {
    float x = __half2float(a), y = __half2float(b);
    return x == y ? __ushort_as_half((unsigned short)(__half_as_ushort(a) | __half_as_ushort(b))) : __float2half(fminf(x, y));
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

/* ---- begin generated: CUDA SIMD video and DPX intrinsics -- do not edit; edit translator/ir/simd_video.py or translator/ir/dpx.py and rerun python -m translator.backends.simd_video --write */

/* CUDA __vabs2 on signed halfwords x: x < 0 ? -x : x (wrapping). */
__device__ static inline unsigned int cutrans_vabs2(unsigned int a)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = x < 0 ? -x : x;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vabs2(a) cutrans_vabs2((a))

/* CUDA __vabs4 on signed bytes x: x < 0 ? -x : x (wrapping). */
__device__ static inline unsigned int cutrans_vabs4(unsigned int a)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = x < 0 ? -x : x;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vabs4(a) cutrans_vabs4((a))

/* CUDA __vabsss2 on signed halfwords x: x < 0 ? -x : x, saturated. */
__device__ static inline unsigned int cutrans_vabsss2(unsigned int a)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = x < 0 ? -x : x;
        v = v < -32768 ? -32768 : v > 32767 ? 32767 : v;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vabsss2(a) cutrans_vabsss2((a))

/* CUDA __vabsss4 on signed bytes x: x < 0 ? -x : x, saturated. */
__device__ static inline unsigned int cutrans_vabsss4(unsigned int a)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = x < 0 ? -x : x;
        v = v < -128 ? -128 : v > 127 ? 127 : v;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vabsss4(a) cutrans_vabsss4((a))

/* CUDA __vneg2 on signed halfwords x: -x (wrapping). */
__device__ static inline unsigned int cutrans_vneg2(unsigned int a)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = -x;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vneg2(a) cutrans_vneg2((a))

/* CUDA __vneg4 on signed bytes x: -x (wrapping). */
__device__ static inline unsigned int cutrans_vneg4(unsigned int a)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = -x;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vneg4(a) cutrans_vneg4((a))

/* CUDA __vnegss2 on signed halfwords x: -x, saturated. */
__device__ static inline unsigned int cutrans_vnegss2(unsigned int a)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = -x;
        v = v < -32768 ? -32768 : v > 32767 ? 32767 : v;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vnegss2(a) cutrans_vnegss2((a))

/* CUDA __vnegss4 on signed bytes x: -x, saturated. */
__device__ static inline unsigned int cutrans_vnegss4(unsigned int a)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = -x;
        v = v < -128 ? -128 : v > 127 ? 127 : v;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vnegss4(a) cutrans_vnegss4((a))

/* CUDA __vadd2 on unsigned halfwords x, y: x + y (wrapping). */
__device__ static inline unsigned int cutrans_vadd2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x + y;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vadd2(a, b) cutrans_vadd2((a), (b))

/* CUDA __vadd4 on unsigned bytes x, y: x + y (wrapping). */
__device__ static inline unsigned int cutrans_vadd4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x + y;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vadd4(a, b) cutrans_vadd4((a), (b))

/* CUDA __vaddss2 on signed halfwords x, y: x + y, saturated. */
__device__ static inline unsigned int cutrans_vaddss2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int y = (int)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = x + y;
        v = v < -32768 ? -32768 : v > 32767 ? 32767 : v;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vaddss2(a, b) cutrans_vaddss2((a), (b))

/* CUDA __vaddss4 on signed bytes x, y: x + y, saturated. */
__device__ static inline unsigned int cutrans_vaddss4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int y = (int)(((b >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = x + y;
        v = v < -128 ? -128 : v > 127 ? 127 : v;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vaddss4(a, b) cutrans_vaddss4((a), (b))

/* CUDA __vaddus2 on unsigned halfwords x, y: x + y, saturated. */
__device__ static inline unsigned int cutrans_vaddus2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x + y;
        v = v < 0 ? 0 : v > 65535 ? 65535 : v;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vaddus2(a, b) cutrans_vaddus2((a), (b))

/* CUDA __vaddus4 on unsigned bytes x, y: x + y, saturated. */
__device__ static inline unsigned int cutrans_vaddus4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x + y;
        v = v < 0 ? 0 : v > 255 ? 255 : v;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vaddus4(a, b) cutrans_vaddus4((a), (b))

/* CUDA __vsub2 on unsigned halfwords x, y: x - y (wrapping). */
__device__ static inline unsigned int cutrans_vsub2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x - y;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vsub2(a, b) cutrans_vsub2((a), (b))

/* CUDA __vsub4 on unsigned bytes x, y: x - y (wrapping). */
__device__ static inline unsigned int cutrans_vsub4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x - y;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vsub4(a, b) cutrans_vsub4((a), (b))

/* CUDA __vsubss2 on signed halfwords x, y: x - y, saturated. */
__device__ static inline unsigned int cutrans_vsubss2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int y = (int)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = x - y;
        v = v < -32768 ? -32768 : v > 32767 ? 32767 : v;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vsubss2(a, b) cutrans_vsubss2((a), (b))

/* CUDA __vsubss4 on signed bytes x, y: x - y, saturated. */
__device__ static inline unsigned int cutrans_vsubss4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int y = (int)(((b >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = x - y;
        v = v < -128 ? -128 : v > 127 ? 127 : v;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vsubss4(a, b) cutrans_vsubss4((a), (b))

/* CUDA __vsubus2 on unsigned halfwords x, y: x - y, saturated. */
__device__ static inline unsigned int cutrans_vsubus2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x - y;
        v = v < 0 ? 0 : v > 65535 ? 65535 : v;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vsubus2(a, b) cutrans_vsubus2((a), (b))

/* CUDA __vsubus4 on unsigned bytes x, y: x - y, saturated. */
__device__ static inline unsigned int cutrans_vsubus4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x - y;
        v = v < 0 ? 0 : v > 255 ? 255 : v;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vsubus4(a, b) cutrans_vsubus4((a), (b))

/* CUDA __vhaddu2 on unsigned halfwords x, y: (x + y) / 2 (wrapping). */
__device__ static inline unsigned int cutrans_vhaddu2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = (x + y) / 2;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vhaddu2(a, b) cutrans_vhaddu2((a), (b))

/* CUDA __vhaddu4 on unsigned bytes x, y: (x + y) / 2 (wrapping). */
__device__ static inline unsigned int cutrans_vhaddu4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = (x + y) / 2;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vhaddu4(a, b) cutrans_vhaddu4((a), (b))

/* CUDA __vavgs2 on signed halfwords x, y: (x + y + (x + y < 0 ? -1 : 1)) / 2 (wrapping). */
__device__ static inline unsigned int cutrans_vavgs2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int y = (int)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = (x + y + (x + y < 0 ? -1 : 1)) / 2;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vavgs2(a, b) cutrans_vavgs2((a), (b))

/* CUDA __vavgs4 on signed bytes x, y: (x + y + (x + y < 0 ? -1 : 1)) / 2 (wrapping). */
__device__ static inline unsigned int cutrans_vavgs4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int y = (int)(((b >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = (x + y + (x + y < 0 ? -1 : 1)) / 2;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vavgs4(a, b) cutrans_vavgs4((a), (b))

/* CUDA __vavgu2 on unsigned halfwords x, y: (x + y + (x + y < 0 ? -1 : 1)) / 2 (wrapping). */
__device__ static inline unsigned int cutrans_vavgu2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = (x + y + (x + y < 0 ? -1 : 1)) / 2;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vavgu2(a, b) cutrans_vavgu2((a), (b))

/* CUDA __vavgu4 on unsigned bytes x, y: (x + y + (x + y < 0 ? -1 : 1)) / 2 (wrapping). */
__device__ static inline unsigned int cutrans_vavgu4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = (x + y + (x + y < 0 ? -1 : 1)) / 2;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vavgu4(a, b) cutrans_vavgu4((a), (b))

/* CUDA __vabsdiffs2 on signed halfwords x, y: x < y ? y - x : x - y (wrapping). */
__device__ static inline unsigned int cutrans_vabsdiffs2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int y = (int)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = x < y ? y - x : x - y;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vabsdiffs2(a, b) cutrans_vabsdiffs2((a), (b))

/* CUDA __vabsdiffs4 on signed bytes x, y: x < y ? y - x : x - y (wrapping). */
__device__ static inline unsigned int cutrans_vabsdiffs4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int y = (int)(((b >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = x < y ? y - x : x - y;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vabsdiffs4(a, b) cutrans_vabsdiffs4((a), (b))

/* CUDA __vabsdiffu2 on unsigned halfwords x, y: x < y ? y - x : x - y (wrapping). */
__device__ static inline unsigned int cutrans_vabsdiffu2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x < y ? y - x : x - y;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vabsdiffu2(a, b) cutrans_vabsdiffu2((a), (b))

/* CUDA __vabsdiffu4 on unsigned bytes x, y: x < y ? y - x : x - y (wrapping). */
__device__ static inline unsigned int cutrans_vabsdiffu4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x < y ? y - x : x - y;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vabsdiffu4(a, b) cutrans_vabsdiffu4((a), (b))

/* CUDA __vsads2 on signed halfwords x, y: x < y ? y - x : x - y, summed over the lanes. */
__device__ static inline unsigned int cutrans_vsads2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int y = (int)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = x < y ? y - x : x - y;
        r += (unsigned int)v;
    }
    return r;
}
#define __vsads2(a, b) cutrans_vsads2((a), (b))

/* CUDA __vsads4 on signed bytes x, y: x < y ? y - x : x - y, summed over the lanes. */
__device__ static inline unsigned int cutrans_vsads4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int y = (int)(((b >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = x < y ? y - x : x - y;
        r += (unsigned int)v;
    }
    return r;
}
#define __vsads4(a, b) cutrans_vsads4((a), (b))

/* CUDA __vsadu2 on unsigned halfwords x, y: x < y ? y - x : x - y, summed over the lanes. */
__device__ static inline unsigned int cutrans_vsadu2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x < y ? y - x : x - y;
        r += (unsigned int)v;
    }
    return r;
}
#define __vsadu2(a, b) cutrans_vsadu2((a), (b))

/* CUDA __vsadu4 on unsigned bytes x, y: x < y ? y - x : x - y, summed over the lanes. */
__device__ static inline unsigned int cutrans_vsadu4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x < y ? y - x : x - y;
        r += (unsigned int)v;
    }
    return r;
}
#define __vsadu4(a, b) cutrans_vsadu4((a), (b))

/* CUDA __vmins2 on signed halfwords x, y: x < y ? x : y (wrapping). */
__device__ static inline unsigned int cutrans_vmins2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int y = (int)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = x < y ? x : y;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vmins2(a, b) cutrans_vmins2((a), (b))

/* CUDA __vmins4 on signed bytes x, y: x < y ? x : y (wrapping). */
__device__ static inline unsigned int cutrans_vmins4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int y = (int)(((b >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = x < y ? x : y;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vmins4(a, b) cutrans_vmins4((a), (b))

/* CUDA __vminu2 on unsigned halfwords x, y: x < y ? x : y (wrapping). */
__device__ static inline unsigned int cutrans_vminu2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x < y ? x : y;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vminu2(a, b) cutrans_vminu2((a), (b))

/* CUDA __vminu4 on unsigned bytes x, y: x < y ? x : y (wrapping). */
__device__ static inline unsigned int cutrans_vminu4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x < y ? x : y;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vminu4(a, b) cutrans_vminu4((a), (b))

/* CUDA __vmaxs2 on signed halfwords x, y: x > y ? x : y (wrapping). */
__device__ static inline unsigned int cutrans_vmaxs2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int y = (int)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = x > y ? x : y;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vmaxs2(a, b) cutrans_vmaxs2((a), (b))

/* CUDA __vmaxs4 on signed bytes x, y: x > y ? x : y (wrapping). */
__device__ static inline unsigned int cutrans_vmaxs4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int y = (int)(((b >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = x > y ? x : y;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vmaxs4(a, b) cutrans_vmaxs4((a), (b))

/* CUDA __vmaxu2 on unsigned halfwords x, y: x > y ? x : y (wrapping). */
__device__ static inline unsigned int cutrans_vmaxu2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x > y ? x : y;
        r |= ((unsigned int)v & 0xffffu) << i;
    }
    return r;
}
#define __vmaxu2(a, b) cutrans_vmaxu2((a), (b))

/* CUDA __vmaxu4 on unsigned bytes x, y: x > y ? x : y (wrapping). */
__device__ static inline unsigned int cutrans_vmaxu4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x > y ? x : y;
        r |= ((unsigned int)v & 0xffu) << i;
    }
    return r;
}
#define __vmaxu4(a, b) cutrans_vmaxu4((a), (b))

/* CUDA __vcmpeq2 on unsigned halfwords x, y: x == y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmpeq2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x == y;
        r |= (v ? 0xffffu : 0u) << i;
    }
    return r;
}
#define __vcmpeq2(a, b) cutrans_vcmpeq2((a), (b))

/* CUDA __vcmpeq4 on unsigned bytes x, y: x == y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmpeq4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x == y;
        r |= (v ? 0xffu : 0u) << i;
    }
    return r;
}
#define __vcmpeq4(a, b) cutrans_vcmpeq4((a), (b))

/* CUDA __vcmpne2 on unsigned halfwords x, y: x != y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmpne2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x != y;
        r |= (v ? 0xffffu : 0u) << i;
    }
    return r;
}
#define __vcmpne2(a, b) cutrans_vcmpne2((a), (b))

/* CUDA __vcmpne4 on unsigned bytes x, y: x != y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmpne4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x != y;
        r |= (v ? 0xffu : 0u) << i;
    }
    return r;
}
#define __vcmpne4(a, b) cutrans_vcmpne4((a), (b))

/* CUDA __vseteq2 on unsigned halfwords x, y: x == y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vseteq2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x == y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vseteq2(a, b) cutrans_vseteq2((a), (b))

/* CUDA __vseteq4 on unsigned bytes x, y: x == y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vseteq4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x == y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vseteq4(a, b) cutrans_vseteq4((a), (b))

/* CUDA __vsetne2 on unsigned halfwords x, y: x != y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetne2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x != y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetne2(a, b) cutrans_vsetne2((a), (b))

/* CUDA __vsetne4 on unsigned bytes x, y: x != y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetne4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x != y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetne4(a, b) cutrans_vsetne4((a), (b))

/* CUDA __vcmpges2 on signed halfwords x, y: x >= y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmpges2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int y = (int)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = x >= y;
        r |= (v ? 0xffffu : 0u) << i;
    }
    return r;
}
#define __vcmpges2(a, b) cutrans_vcmpges2((a), (b))

/* CUDA __vcmpges4 on signed bytes x, y: x >= y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmpges4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int y = (int)(((b >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = x >= y;
        r |= (v ? 0xffu : 0u) << i;
    }
    return r;
}
#define __vcmpges4(a, b) cutrans_vcmpges4((a), (b))

/* CUDA __vcmpgeu2 on unsigned halfwords x, y: x >= y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmpgeu2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x >= y;
        r |= (v ? 0xffffu : 0u) << i;
    }
    return r;
}
#define __vcmpgeu2(a, b) cutrans_vcmpgeu2((a), (b))

/* CUDA __vcmpgeu4 on unsigned bytes x, y: x >= y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmpgeu4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x >= y;
        r |= (v ? 0xffu : 0u) << i;
    }
    return r;
}
#define __vcmpgeu4(a, b) cutrans_vcmpgeu4((a), (b))

/* CUDA __vcmpgts2 on signed halfwords x, y: x > y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmpgts2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int y = (int)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = x > y;
        r |= (v ? 0xffffu : 0u) << i;
    }
    return r;
}
#define __vcmpgts2(a, b) cutrans_vcmpgts2((a), (b))

/* CUDA __vcmpgts4 on signed bytes x, y: x > y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmpgts4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int y = (int)(((b >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = x > y;
        r |= (v ? 0xffu : 0u) << i;
    }
    return r;
}
#define __vcmpgts4(a, b) cutrans_vcmpgts4((a), (b))

/* CUDA __vcmpgtu2 on unsigned halfwords x, y: x > y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmpgtu2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x > y;
        r |= (v ? 0xffffu : 0u) << i;
    }
    return r;
}
#define __vcmpgtu2(a, b) cutrans_vcmpgtu2((a), (b))

/* CUDA __vcmpgtu4 on unsigned bytes x, y: x > y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmpgtu4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x > y;
        r |= (v ? 0xffu : 0u) << i;
    }
    return r;
}
#define __vcmpgtu4(a, b) cutrans_vcmpgtu4((a), (b))

/* CUDA __vcmples2 on signed halfwords x, y: x <= y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmples2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int y = (int)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = x <= y;
        r |= (v ? 0xffffu : 0u) << i;
    }
    return r;
}
#define __vcmples2(a, b) cutrans_vcmples2((a), (b))

/* CUDA __vcmples4 on signed bytes x, y: x <= y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmples4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int y = (int)(((b >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = x <= y;
        r |= (v ? 0xffu : 0u) << i;
    }
    return r;
}
#define __vcmples4(a, b) cutrans_vcmples4((a), (b))

/* CUDA __vcmpleu2 on unsigned halfwords x, y: x <= y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmpleu2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x <= y;
        r |= (v ? 0xffffu : 0u) << i;
    }
    return r;
}
#define __vcmpleu2(a, b) cutrans_vcmpleu2((a), (b))

/* CUDA __vcmpleu4 on unsigned bytes x, y: x <= y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmpleu4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x <= y;
        r |= (v ? 0xffu : 0u) << i;
    }
    return r;
}
#define __vcmpleu4(a, b) cutrans_vcmpleu4((a), (b))

/* CUDA __vcmplts2 on signed halfwords x, y: x < y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmplts2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int y = (int)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = x < y;
        r |= (v ? 0xffffu : 0u) << i;
    }
    return r;
}
#define __vcmplts2(a, b) cutrans_vcmplts2((a), (b))

/* CUDA __vcmplts4 on signed bytes x, y: x < y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmplts4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int y = (int)(((b >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = x < y;
        r |= (v ? 0xffu : 0u) << i;
    }
    return r;
}
#define __vcmplts4(a, b) cutrans_vcmplts4((a), (b))

/* CUDA __vcmpltu2 on unsigned halfwords x, y: x < y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmpltu2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x < y;
        r |= (v ? 0xffffu : 0u) << i;
    }
    return r;
}
#define __vcmpltu2(a, b) cutrans_vcmpltu2((a), (b))

/* CUDA __vcmpltu4 on unsigned bytes x, y: x < y ? all ones : 0. */
__device__ static inline unsigned int cutrans_vcmpltu4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x < y;
        r |= (v ? 0xffu : 0u) << i;
    }
    return r;
}
#define __vcmpltu4(a, b) cutrans_vcmpltu4((a), (b))

/* CUDA __vsetges2 on signed halfwords x, y: x >= y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetges2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int y = (int)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = x >= y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetges2(a, b) cutrans_vsetges2((a), (b))

/* CUDA __vsetges4 on signed bytes x, y: x >= y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetges4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int y = (int)(((b >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = x >= y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetges4(a, b) cutrans_vsetges4((a), (b))

/* CUDA __vsetgeu2 on unsigned halfwords x, y: x >= y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetgeu2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x >= y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetgeu2(a, b) cutrans_vsetgeu2((a), (b))

/* CUDA __vsetgeu4 on unsigned bytes x, y: x >= y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetgeu4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x >= y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetgeu4(a, b) cutrans_vsetgeu4((a), (b))

/* CUDA __vsetgts2 on signed halfwords x, y: x > y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetgts2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int y = (int)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = x > y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetgts2(a, b) cutrans_vsetgts2((a), (b))

/* CUDA __vsetgts4 on signed bytes x, y: x > y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetgts4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int y = (int)(((b >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = x > y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetgts4(a, b) cutrans_vsetgts4((a), (b))

/* CUDA __vsetgtu2 on unsigned halfwords x, y: x > y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetgtu2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x > y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetgtu2(a, b) cutrans_vsetgtu2((a), (b))

/* CUDA __vsetgtu4 on unsigned bytes x, y: x > y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetgtu4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x > y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetgtu4(a, b) cutrans_vsetgtu4((a), (b))

/* CUDA __vsetles2 on signed halfwords x, y: x <= y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetles2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int y = (int)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = x <= y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetles2(a, b) cutrans_vsetles2((a), (b))

/* CUDA __vsetles4 on signed bytes x, y: x <= y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetles4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int y = (int)(((b >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = x <= y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetles4(a, b) cutrans_vsetles4((a), (b))

/* CUDA __vsetleu2 on unsigned halfwords x, y: x <= y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetleu2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x <= y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetleu2(a, b) cutrans_vsetleu2((a), (b))

/* CUDA __vsetleu4 on unsigned bytes x, y: x <= y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetleu4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x <= y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetleu4(a, b) cutrans_vsetleu4((a), (b))

/* CUDA __vsetlts2 on signed halfwords x, y: x < y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetlts2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int y = (int)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000;
        int v = x < y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetlts2(a, b) cutrans_vsetlts2((a), (b))

/* CUDA __vsetlts4 on signed bytes x, y: x < y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetlts4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)(((a >> i) & 0xffu) ^ 0x80u) - 0x80;
        int y = (int)(((b >> i) & 0xffu) ^ 0x80u) - 0x80;
        int v = x < y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetlts4(a, b) cutrans_vsetlts4((a), (b))

/* CUDA __vsetltu2 on unsigned halfwords x, y: x < y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetltu2(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        int x = (int)((a >> i) & 0xffffu);
        int y = (int)((b >> i) & 0xffffu);
        int v = x < y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetltu2(a, b) cutrans_vsetltu2((a), (b))

/* CUDA __vsetltu4 on unsigned bytes x, y: x < y ? 1 : 0. */
__device__ static inline unsigned int cutrans_vsetltu4(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        int x = (int)((a >> i) & 0xffu);
        int y = (int)((b >> i) & 0xffu);
        int v = x < y;
        r |= (v ? 1u : 0u) << i;
    }
    return r;
}
#define __vsetltu4(a, b) cutrans_vsetltu4((a), (b))

/* CUDA __vimax_s32_relu on signed words: x > y ? x : y, then ReLU. */
__device__ static inline int cutrans_vimax_s32_relu(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)(((a >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long y = (long)(((b >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long v = x > y ? x : y;
        v = v > 0 ? v : 0;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return (int)((long)(r ^ 0x80000000u) - 0x80000000L);
}
#define __vimax_s32_relu(a, b) cutrans_vimax_s32_relu((a), (b))

/* CUDA __vimax_s16x2_relu on signed halfwords: x > y ? x : y, then ReLU. */
__device__ static inline unsigned int cutrans_vimax_s16x2_relu(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long y = (long)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long v = x > y ? x : y;
        v = v > 0 ? v : 0;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __vimax_s16x2_relu(a, b) cutrans_vimax_s16x2_relu((a), (b))

/* CUDA __vimin_s32_relu on signed words: x < y ? x : y, then ReLU. */
__device__ static inline int cutrans_vimin_s32_relu(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)(((a >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long y = (long)(((b >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long v = x < y ? x : y;
        v = v > 0 ? v : 0;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return (int)((long)(r ^ 0x80000000u) - 0x80000000L);
}
#define __vimin_s32_relu(a, b) cutrans_vimin_s32_relu((a), (b))

/* CUDA __vimin_s16x2_relu on signed halfwords: x < y ? x : y, then ReLU. */
__device__ static inline unsigned int cutrans_vimin_s16x2_relu(unsigned int a, unsigned int b)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long y = (long)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long v = x < y ? x : y;
        v = v > 0 ? v : 0;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __vimin_s16x2_relu(a, b) cutrans_vimin_s16x2_relu((a), (b))

/* CUDA __vimax3_s32 on signed words: x > y ? x : y, then s > z ? s : z. */
__device__ static inline int cutrans_vimax3_s32(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)(((a >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long y = (long)(((b >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long z = (long)(((c >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long s = x > y ? x : y;
        long v = s > z ? s : z;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return (int)((long)(r ^ 0x80000000u) - 0x80000000L);
}
#define __vimax3_s32(a, b, c) cutrans_vimax3_s32((a), (b), (c))

/* CUDA __vimax3_u32 on unsigned words: x > y ? x : y, then s > z ? s : z. */
__device__ static inline unsigned int cutrans_vimax3_u32(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)((a >> i) & 0xffffffffu);
        long y = (long)((b >> i) & 0xffffffffu);
        long z = (long)((c >> i) & 0xffffffffu);
        long s = x > y ? x : y;
        long v = s > z ? s : z;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return r;
}
#define __vimax3_u32(a, b, c) cutrans_vimax3_u32((a), (b), (c))

/* CUDA __vimax3_s16x2 on signed halfwords: x > y ? x : y, then s > z ? s : z. */
__device__ static inline unsigned int cutrans_vimax3_s16x2(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long y = (long)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long z = (long)(((c >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long s = x > y ? x : y;
        long v = s > z ? s : z;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __vimax3_s16x2(a, b, c) cutrans_vimax3_s16x2((a), (b), (c))

/* CUDA __vimax3_u16x2 on unsigned halfwords: x > y ? x : y, then s > z ? s : z. */
__device__ static inline unsigned int cutrans_vimax3_u16x2(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)((a >> i) & 0xffffu);
        long y = (long)((b >> i) & 0xffffu);
        long z = (long)((c >> i) & 0xffffu);
        long s = x > y ? x : y;
        long v = s > z ? s : z;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __vimax3_u16x2(a, b, c) cutrans_vimax3_u16x2((a), (b), (c))

/* CUDA __vimax3_s32_relu on signed words: x > y ? x : y, then s > z ? s : z, then ReLU. */
__device__ static inline int cutrans_vimax3_s32_relu(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)(((a >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long y = (long)(((b >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long z = (long)(((c >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long s = x > y ? x : y;
        long v = s > z ? s : z;
        v = v > 0 ? v : 0;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return (int)((long)(r ^ 0x80000000u) - 0x80000000L);
}
#define __vimax3_s32_relu(a, b, c) cutrans_vimax3_s32_relu((a), (b), (c))

/* CUDA __vimax3_s16x2_relu on signed halfwords: x > y ? x : y, then s > z ? s : z, then ReLU. */
__device__ static inline unsigned int cutrans_vimax3_s16x2_relu(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long y = (long)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long z = (long)(((c >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long s = x > y ? x : y;
        long v = s > z ? s : z;
        v = v > 0 ? v : 0;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __vimax3_s16x2_relu(a, b, c) cutrans_vimax3_s16x2_relu((a), (b), (c))

/* CUDA __vimin3_s32 on signed words: x < y ? x : y, then s < z ? s : z. */
__device__ static inline int cutrans_vimin3_s32(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)(((a >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long y = (long)(((b >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long z = (long)(((c >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long s = x < y ? x : y;
        long v = s < z ? s : z;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return (int)((long)(r ^ 0x80000000u) - 0x80000000L);
}
#define __vimin3_s32(a, b, c) cutrans_vimin3_s32((a), (b), (c))

/* CUDA __vimin3_u32 on unsigned words: x < y ? x : y, then s < z ? s : z. */
__device__ static inline unsigned int cutrans_vimin3_u32(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)((a >> i) & 0xffffffffu);
        long y = (long)((b >> i) & 0xffffffffu);
        long z = (long)((c >> i) & 0xffffffffu);
        long s = x < y ? x : y;
        long v = s < z ? s : z;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return r;
}
#define __vimin3_u32(a, b, c) cutrans_vimin3_u32((a), (b), (c))

/* CUDA __vimin3_s16x2 on signed halfwords: x < y ? x : y, then s < z ? s : z. */
__device__ static inline unsigned int cutrans_vimin3_s16x2(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long y = (long)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long z = (long)(((c >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long s = x < y ? x : y;
        long v = s < z ? s : z;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __vimin3_s16x2(a, b, c) cutrans_vimin3_s16x2((a), (b), (c))

/* CUDA __vimin3_u16x2 on unsigned halfwords: x < y ? x : y, then s < z ? s : z. */
__device__ static inline unsigned int cutrans_vimin3_u16x2(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)((a >> i) & 0xffffu);
        long y = (long)((b >> i) & 0xffffu);
        long z = (long)((c >> i) & 0xffffu);
        long s = x < y ? x : y;
        long v = s < z ? s : z;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __vimin3_u16x2(a, b, c) cutrans_vimin3_u16x2((a), (b), (c))

/* CUDA __vimin3_s32_relu on signed words: x < y ? x : y, then s < z ? s : z, then ReLU. */
__device__ static inline int cutrans_vimin3_s32_relu(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)(((a >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long y = (long)(((b >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long z = (long)(((c >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long s = x < y ? x : y;
        long v = s < z ? s : z;
        v = v > 0 ? v : 0;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return (int)((long)(r ^ 0x80000000u) - 0x80000000L);
}
#define __vimin3_s32_relu(a, b, c) cutrans_vimin3_s32_relu((a), (b), (c))

/* CUDA __vimin3_s16x2_relu on signed halfwords: x < y ? x : y, then s < z ? s : z, then ReLU. */
__device__ static inline unsigned int cutrans_vimin3_s16x2_relu(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long y = (long)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long z = (long)(((c >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long s = x < y ? x : y;
        long v = s < z ? s : z;
        v = v > 0 ? v : 0;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __vimin3_s16x2_relu(a, b, c) cutrans_vimin3_s16x2_relu((a), (b), (c))

/* CUDA __viaddmax_s32 on signed words: x + y wrapped, then s > z ? s : z. */
__device__ static inline int cutrans_viaddmax_s32(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)(((a >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long y = (long)(((b >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long z = (long)(((c >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long s = (long)(((unsigned long)(x + y) & 0xffffffffUL) ^ 0x80000000UL) - 0x80000000L;
        long v = s > z ? s : z;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return (int)((long)(r ^ 0x80000000u) - 0x80000000L);
}
#define __viaddmax_s32(a, b, c) cutrans_viaddmax_s32((a), (b), (c))

/* CUDA __viaddmax_u32 on unsigned words: x + y wrapped, then s > z ? s : z. */
__device__ static inline unsigned int cutrans_viaddmax_u32(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)((a >> i) & 0xffffffffu);
        long y = (long)((b >> i) & 0xffffffffu);
        long z = (long)((c >> i) & 0xffffffffu);
        long s = (long)((unsigned long)(x + y) & 0xffffffffUL);
        long v = s > z ? s : z;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return r;
}
#define __viaddmax_u32(a, b, c) cutrans_viaddmax_u32((a), (b), (c))

/* CUDA __viaddmax_s16x2 on signed halfwords: x + y wrapped, then s > z ? s : z. */
__device__ static inline unsigned int cutrans_viaddmax_s16x2(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long y = (long)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long z = (long)(((c >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long s = (long)(((unsigned long)(x + y) & 0xffffUL) ^ 0x8000UL) - 0x8000L;
        long v = s > z ? s : z;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __viaddmax_s16x2(a, b, c) cutrans_viaddmax_s16x2((a), (b), (c))

/* CUDA __viaddmax_u16x2 on unsigned halfwords: x + y wrapped, then s > z ? s : z. */
__device__ static inline unsigned int cutrans_viaddmax_u16x2(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)((a >> i) & 0xffffu);
        long y = (long)((b >> i) & 0xffffu);
        long z = (long)((c >> i) & 0xffffu);
        long s = (long)((unsigned long)(x + y) & 0xffffUL);
        long v = s > z ? s : z;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __viaddmax_u16x2(a, b, c) cutrans_viaddmax_u16x2((a), (b), (c))

/* CUDA __viaddmax_s32_relu on signed words: x + y wrapped, then s > z ? s : z, then ReLU. */
__device__ static inline int cutrans_viaddmax_s32_relu(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)(((a >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long y = (long)(((b >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long z = (long)(((c >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long s = (long)(((unsigned long)(x + y) & 0xffffffffUL) ^ 0x80000000UL) - 0x80000000L;
        long v = s > z ? s : z;
        v = v > 0 ? v : 0;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return (int)((long)(r ^ 0x80000000u) - 0x80000000L);
}
#define __viaddmax_s32_relu(a, b, c) cutrans_viaddmax_s32_relu((a), (b), (c))

/* CUDA __viaddmax_s16x2_relu on signed halfwords: x + y wrapped, then s > z ? s : z, then ReLU. */
__device__ static inline unsigned int cutrans_viaddmax_s16x2_relu(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long y = (long)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long z = (long)(((c >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long s = (long)(((unsigned long)(x + y) & 0xffffUL) ^ 0x8000UL) - 0x8000L;
        long v = s > z ? s : z;
        v = v > 0 ? v : 0;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __viaddmax_s16x2_relu(a, b, c) cutrans_viaddmax_s16x2_relu((a), (b), (c))

/* CUDA __viaddmin_s32 on signed words: x + y wrapped, then s < z ? s : z. */
__device__ static inline int cutrans_viaddmin_s32(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)(((a >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long y = (long)(((b >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long z = (long)(((c >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long s = (long)(((unsigned long)(x + y) & 0xffffffffUL) ^ 0x80000000UL) - 0x80000000L;
        long v = s < z ? s : z;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return (int)((long)(r ^ 0x80000000u) - 0x80000000L);
}
#define __viaddmin_s32(a, b, c) cutrans_viaddmin_s32((a), (b), (c))

/* CUDA __viaddmin_u32 on unsigned words: x + y wrapped, then s < z ? s : z. */
__device__ static inline unsigned int cutrans_viaddmin_u32(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)((a >> i) & 0xffffffffu);
        long y = (long)((b >> i) & 0xffffffffu);
        long z = (long)((c >> i) & 0xffffffffu);
        long s = (long)((unsigned long)(x + y) & 0xffffffffUL);
        long v = s < z ? s : z;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return r;
}
#define __viaddmin_u32(a, b, c) cutrans_viaddmin_u32((a), (b), (c))

/* CUDA __viaddmin_s16x2 on signed halfwords: x + y wrapped, then s < z ? s : z. */
__device__ static inline unsigned int cutrans_viaddmin_s16x2(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long y = (long)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long z = (long)(((c >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long s = (long)(((unsigned long)(x + y) & 0xffffUL) ^ 0x8000UL) - 0x8000L;
        long v = s < z ? s : z;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __viaddmin_s16x2(a, b, c) cutrans_viaddmin_s16x2((a), (b), (c))

/* CUDA __viaddmin_u16x2 on unsigned halfwords: x + y wrapped, then s < z ? s : z. */
__device__ static inline unsigned int cutrans_viaddmin_u16x2(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)((a >> i) & 0xffffu);
        long y = (long)((b >> i) & 0xffffu);
        long z = (long)((c >> i) & 0xffffu);
        long s = (long)((unsigned long)(x + y) & 0xffffUL);
        long v = s < z ? s : z;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __viaddmin_u16x2(a, b, c) cutrans_viaddmin_u16x2((a), (b), (c))

/* CUDA __viaddmin_s32_relu on signed words: x + y wrapped, then s < z ? s : z, then ReLU. */
__device__ static inline int cutrans_viaddmin_s32_relu(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)(((a >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long y = (long)(((b >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long z = (long)(((c >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long s = (long)(((unsigned long)(x + y) & 0xffffffffUL) ^ 0x80000000UL) - 0x80000000L;
        long v = s < z ? s : z;
        v = v > 0 ? v : 0;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return (int)((long)(r ^ 0x80000000u) - 0x80000000L);
}
#define __viaddmin_s32_relu(a, b, c) cutrans_viaddmin_s32_relu((a), (b), (c))

/* CUDA __viaddmin_s16x2_relu on signed halfwords: x + y wrapped, then s < z ? s : z, then ReLU. */
__device__ static inline unsigned int cutrans_viaddmin_s16x2_relu(unsigned int a, unsigned int b, unsigned int c)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long y = (long)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long z = (long)(((c >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long s = (long)(((unsigned long)(x + y) & 0xffffUL) ^ 0x8000UL) - 0x8000L;
        long v = s < z ? s : z;
        v = v > 0 ? v : 0;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __viaddmin_s16x2_relu(a, b, c) cutrans_viaddmin_s16x2_relu((a), (b), (c))

/* CUDA __vibmax_s32 on signed words: x >= y ? x : y; *pred = x >= y. */
__device__ static inline int cutrans_vibmax_s32(unsigned int a, unsigned int b, bool *pred)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)(((a >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long y = (long)(((b >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long v = x >= y ? x : y;
        *pred = x >= y;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return (int)((long)(r ^ 0x80000000u) - 0x80000000L);
}
#define __vibmax_s32(a, b, c) cutrans_vibmax_s32((a), (b), (c))

/* CUDA __vibmax_u32 on unsigned words: x >= y ? x : y; *pred = x >= y. */
__device__ static inline unsigned int cutrans_vibmax_u32(unsigned int a, unsigned int b, bool *pred)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)((a >> i) & 0xffffffffu);
        long y = (long)((b >> i) & 0xffffffffu);
        long v = x >= y ? x : y;
        *pred = x >= y;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return r;
}
#define __vibmax_u32(a, b, c) cutrans_vibmax_u32((a), (b), (c))

/* CUDA __vibmax_s16x2 on signed halfwords: x >= y ? x : y; *pred_hi/lo = x >= y. */
__device__ static inline unsigned int cutrans_vibmax_s16x2(unsigned int a, unsigned int b, bool *pred_hi, bool *pred_lo)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long y = (long)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long v = x >= y ? x : y;
        *(i == 0u ? pred_lo : pred_hi) = x >= y;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __vibmax_s16x2(a, b, c, d) cutrans_vibmax_s16x2((a), (b), (c), (d))

/* CUDA __vibmax_u16x2 on unsigned halfwords: x >= y ? x : y; *pred_hi/lo = x >= y. */
__device__ static inline unsigned int cutrans_vibmax_u16x2(unsigned int a, unsigned int b, bool *pred_hi, bool *pred_lo)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)((a >> i) & 0xffffu);
        long y = (long)((b >> i) & 0xffffu);
        long v = x >= y ? x : y;
        *(i == 0u ? pred_lo : pred_hi) = x >= y;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __vibmax_u16x2(a, b, c, d) cutrans_vibmax_u16x2((a), (b), (c), (d))

/* CUDA __vibmin_s32 on signed words: x <= y ? x : y; *pred = x <= y. */
__device__ static inline int cutrans_vibmin_s32(unsigned int a, unsigned int b, bool *pred)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)(((a >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long y = (long)(((b >> i) & 0xffffffffu) ^ 0x80000000u) - 0x80000000L;
        long v = x <= y ? x : y;
        *pred = x <= y;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return (int)((long)(r ^ 0x80000000u) - 0x80000000L);
}
#define __vibmin_s32(a, b, c) cutrans_vibmin_s32((a), (b), (c))

/* CUDA __vibmin_u32 on unsigned words: x <= y ? x : y; *pred = x <= y. */
__device__ static inline unsigned int cutrans_vibmin_u32(unsigned int a, unsigned int b, bool *pred)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 32u) {
        long x = (long)((a >> i) & 0xffffffffu);
        long y = (long)((b >> i) & 0xffffffffu);
        long v = x <= y ? x : y;
        *pred = x <= y;
        r |= (unsigned int)((unsigned long)v & 0xffffffffUL) << i;
    }
    return r;
}
#define __vibmin_u32(a, b, c) cutrans_vibmin_u32((a), (b), (c))

/* CUDA __vibmin_s16x2 on signed halfwords: x <= y ? x : y; *pred_hi/lo = x <= y. */
__device__ static inline unsigned int cutrans_vibmin_s16x2(unsigned int a, unsigned int b, bool *pred_hi, bool *pred_lo)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)(((a >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long y = (long)(((b >> i) & 0xffffu) ^ 0x8000u) - 0x8000L;
        long v = x <= y ? x : y;
        *(i == 0u ? pred_lo : pred_hi) = x <= y;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __vibmin_s16x2(a, b, c, d) cutrans_vibmin_s16x2((a), (b), (c), (d))

/* CUDA __vibmin_u16x2 on unsigned halfwords: x <= y ? x : y; *pred_hi/lo = x <= y. */
__device__ static inline unsigned int cutrans_vibmin_u16x2(unsigned int a, unsigned int b, bool *pred_hi, bool *pred_lo)
{
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 32u; i += 16u) {
        long x = (long)((a >> i) & 0xffffu);
        long y = (long)((b >> i) & 0xffffu);
        long v = x <= y ? x : y;
        *(i == 0u ? pred_lo : pred_hi) = x <= y;
        r |= (unsigned int)((unsigned long)v & 0xffffUL) << i;
    }
    return r;
}
#define __vibmin_u16x2(a, b, c, d) cutrans_vibmin_u16x2((a), (b), (c), (d))
/* ---- end generated: CUDA SIMD video and DPX intrinsics */

#endif
