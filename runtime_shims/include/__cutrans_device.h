/* Stand-in for the device side of CUDA's headers, so libclang parses CUDA without a toolkit.
 * Declarations only: nothing here is ever compiled into a program. */
#ifndef CUTRANS_STANDIN_DEVICE_H
#define CUTRANS_STANDIN_DEVICE_H

#include <stddef.h>
/* printf is callable from device code, as CUDA's headers declare it (included first: it is pre-included) */
#pragma clang force_cuda_host_device begin
#include <stdio.h>
/* assert, which CUDA's headers include too (crt/common_functions.h); in device code the frontend refuses it */
#include <assert.h>
#pragma clang force_cuda_host_device end
#include <math.h>
/* the other C headers CUDA's include (crt/common_functions.h), which programs use without including them */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define __global__ __attribute__((global))
#define __device__ __attribute__((device))
#define __host__ __attribute__((host))
#define __shared__ __attribute__((shared))
#define __constant__ __attribute__((constant))
#define __managed__ __attribute__((managed))
#define __launch_bounds__(...) __attribute__((launch_bounds(__VA_ARGS__)))
#define __forceinline__ __inline__ __attribute__((always_inline))
#define __noinline__ __attribute__((noinline))
#define __restrict__ __restrict
#define __align__(n) __attribute__((aligned(n)))
#define __builtin_align__(n) __align__(n)
#define __CUDACC__ 1
#define __NVCC__ 1
#define CUDART_VERSION 12040
#define __CUDACC_VER_MAJOR__ 12
#define __CUDACC_VER_MINOR__ 4

#define CUTRANS_VEC2(T, N) struct N##2 { T x, y; }; \
    __host__ __device__ N##2 make_##N##2(T x, T y);
#define CUTRANS_VEC3(T, N) struct N##3 { T x, y, z; }; \
    __host__ __device__ N##3 make_##N##3(T x, T y, T z);
#define CUTRANS_VEC4(T, N) struct N##4 { T x, y, z, w; }; \
    __host__ __device__ N##4 make_##N##4(T x, T y, T z, T w);
#define CUTRANS_VECS(T, N) CUTRANS_VEC2(T, N) CUTRANS_VEC3(T, N) CUTRANS_VEC4(T, N)
CUTRANS_VECS(signed char, char)
CUTRANS_VECS(unsigned char, uchar)
CUTRANS_VECS(short, short)
CUTRANS_VECS(unsigned short, ushort)
CUTRANS_VECS(int, int)
CUTRANS_VECS(unsigned int, uint)
CUTRANS_VECS(long, long)
CUTRANS_VECS(unsigned long, ulong)
CUTRANS_VECS(long long, longlong)
CUTRANS_VECS(unsigned long long, ulonglong)
CUTRANS_VECS(float, float)
CUTRANS_VECS(double, double)
#undef CUTRANS_VECS
#undef CUTRANS_VEC2
#undef CUTRANS_VEC3
#undef CUTRANS_VEC4

struct dim3 {
    unsigned int x, y, z;
    __host__ __device__ constexpr dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1)
        : x(vx), y(vy), z(vz) {}
    __host__ __device__ constexpr dim3(uint3 v) : x(v.x), y(v.y), z(v.z) {}
};

extern const __device__ uint3 threadIdx;
extern const __device__ uint3 blockIdx;
extern const __device__ dim3 blockDim;
extern const __device__ dim3 gridDim;
extern const __device__ int warpSize;

/* device overloads of the C math library (clang resolves device calls only to device functions) */
#define CUTRANS_UNARY(fn) __device__ float fn##f(float); __device__ double fn(double);
#define CUTRANS_BINARY(fn) __device__ float fn##f(float, float); __device__ double fn(double, double);
CUTRANS_UNARY(sqrt) CUTRANS_UNARY(cbrt) CUTRANS_UNARY(exp) CUTRANS_UNARY(exp2) CUTRANS_UNARY(expm1)
CUTRANS_UNARY(log) CUTRANS_UNARY(log2) CUTRANS_UNARY(log10) CUTRANS_UNARY(log1p)
CUTRANS_UNARY(sin) CUTRANS_UNARY(cos) CUTRANS_UNARY(tan) CUTRANS_UNARY(asin) CUTRANS_UNARY(acos)
CUTRANS_UNARY(atan) CUTRANS_UNARY(sinh) CUTRANS_UNARY(cosh) CUTRANS_UNARY(tanh) CUTRANS_UNARY(asinh)
CUTRANS_UNARY(acosh) CUTRANS_UNARY(atanh) CUTRANS_UNARY(erf) CUTRANS_UNARY(erfc) CUTRANS_UNARY(fabs)
CUTRANS_UNARY(floor) CUTRANS_UNARY(ceil) CUTRANS_UNARY(trunc) CUTRANS_UNARY(round) CUTRANS_UNARY(rint)
CUTRANS_UNARY(lgamma) CUTRANS_UNARY(tgamma) CUTRANS_UNARY(nearbyint)
CUTRANS_BINARY(pow) CUTRANS_BINARY(fmin) CUTRANS_BINARY(fmax) CUTRANS_BINARY(fmod) CUTRANS_BINARY(atan2)
CUTRANS_BINARY(hypot) CUTRANS_BINARY(copysign) CUTRANS_BINARY(fdim) CUTRANS_BINARY(remainder)
#undef CUTRANS_UNARY
#undef CUTRANS_BINARY
__device__ void sincosf(float, float*, float*);
__device__ void sincos(double, double*, double*);
__device__ void __sincosf(float, float*, float*);
__device__ float fmaf(float, float, float);
__device__ double fma(double, double, double);
__device__ int abs(int);
__device__ float ldexpf(float, int);
__device__ double ldexp(double, int);
__device__ float frexpf(float, int*);
__device__ double frexp(double, int*);

/* fast-math intrinsics and CUDA-only math */
__device__ float __expf(float);
__device__ float __exp10f(float);
__device__ float __logf(float);
__device__ float __log2f(float);
__device__ float __log10f(float);
__device__ float __sinf(float);
__device__ float __cosf(float);
__device__ float __tanf(float);
__device__ float __powf(float, float);
__device__ float __fdividef(float, float);
__device__ float __fsqrt_rn(float);
__device__ float __fmaf_rn(float, float, float);
__device__ float __saturatef(float);
__device__ float saturate(float);
/* CUDA's math beyond C's, callable on the host too (its math_functions.h declares them __host__ __device__;
 * the translated host programs get host versions: runtime_shims/common/cutrans_rt.h, the HIP compat header) */
__host__ __device__ float rsqrtf(float);
__host__ __device__ double rsqrt(double);
__device__ float exp10f(float);      /* the host has glibc's */
__device__ double exp10(double);
__host__ __device__ int min(int, int);
__host__ __device__ unsigned int min(unsigned int, unsigned int);
__host__ __device__ long long min(long long, long long);
__host__ __device__ float min(float, float);
__host__ __device__ double min(double, double);
__host__ __device__ int max(int, int);
__host__ __device__ unsigned int max(unsigned int, unsigned int);
__host__ __device__ long long max(long long, long long);
__host__ __device__ float max(float, float);
__host__ __device__ double max(double, double);
/* the mixed forms CUDA's math_functions.hpp adds: an int with an unsigned is unsigned, a float with a
 * double is a double */
__host__ __device__ unsigned int min(int, unsigned int);
__host__ __device__ unsigned int min(unsigned int, int);
__host__ __device__ double min(float, double);
__host__ __device__ double min(double, float);
__host__ __device__ unsigned int max(int, unsigned int);
__host__ __device__ unsigned int max(unsigned int, int);
__host__ __device__ double max(float, double);
__host__ __device__ double max(double, float);

/* integer intrinsics */
__device__ int __popc(unsigned int);
__device__ int __popcll(unsigned long long);
__device__ int __clz(int);
__device__ int __clzll(long long);
__device__ int __ffs(int);
__device__ int __ffsll(long long);
__device__ unsigned int __brev(unsigned int);
__device__ int __mul24(int, int);
__device__ unsigned int __umul24(unsigned int, unsigned int);
__device__ int __mulhi(int, int);
__device__ unsigned int __umulhi(unsigned int, unsigned int);
__device__ unsigned long long __brevll(unsigned long long);
__device__ long long __mul64hi(long long, long long);
__device__ unsigned long long __umul64hi(unsigned long long, unsigned long long);
__device__ unsigned int __sad(int, int, unsigned int);
__device__ unsigned int __usad(unsigned int, unsigned int, unsigned int);
__device__ int __hadd(int, int);
__device__ int __rhadd(int, int);
__device__ unsigned int __uhadd(unsigned int, unsigned int);
__device__ unsigned int __urhadd(unsigned int, unsigned int);
__device__ unsigned int __byte_perm(unsigned int, unsigned int, unsigned int);
__device__ int __dp4a(int, int, int);
__device__ unsigned int __dp4a(unsigned int, unsigned int, unsigned int);
__device__ int __dp2a_lo(int, int, int);
__device__ unsigned int __dp2a_lo(unsigned int, unsigned int, unsigned int);
__device__ int __dp2a_hi(int, int, int);
__device__ unsigned int __dp2a_hi(unsigned int, unsigned int, unsigned int);
__device__ unsigned int __float_as_uint(float);
__device__ int __float_as_int(float);
__device__ float __uint_as_float(unsigned int);
__device__ float __int_as_float(int);
__device__ long long __double_as_longlong(double);
__device__ double __longlong_as_double(long long);
__device__ int __double2hiint(double);
__device__ int __double2loint(double);
__device__ double __hiloint2double(int, int);
__device__ unsigned int __funnelshift_l(unsigned int, unsigned int, unsigned int);
__device__ unsigned int __funnelshift_r(unsigned int, unsigned int, unsigned int);
/* CUDA's SIMD video intrinsics on 2x16- and 4x8-bit lanes of a word (translator/ir/simd_video.py) */
__device__ unsigned int __vabs2(unsigned int), __vabs4(unsigned int), __vabsss2(unsigned int),
    __vabsss4(unsigned int), __vneg2(unsigned int), __vneg4(unsigned int), __vnegss2(unsigned int),
    __vnegss4(unsigned int);
__device__ unsigned int __vadd2(unsigned int, unsigned int), __vadd4(unsigned int, unsigned int),
    __vaddss2(unsigned int, unsigned int), __vaddss4(unsigned int, unsigned int),
    __vaddus2(unsigned int, unsigned int), __vaddus4(unsigned int, unsigned int),
    __vsub2(unsigned int, unsigned int), __vsub4(unsigned int, unsigned int),
    __vsubss2(unsigned int, unsigned int), __vsubss4(unsigned int, unsigned int),
    __vsubus2(unsigned int, unsigned int), __vsubus4(unsigned int, unsigned int),
    __vhaddu2(unsigned int, unsigned int), __vhaddu4(unsigned int, unsigned int),
    __vavgs2(unsigned int, unsigned int), __vavgs4(unsigned int, unsigned int),
    __vavgu2(unsigned int, unsigned int), __vavgu4(unsigned int, unsigned int),
    __vabsdiffs2(unsigned int, unsigned int), __vabsdiffs4(unsigned int, unsigned int),
    __vabsdiffu2(unsigned int, unsigned int), __vabsdiffu4(unsigned int, unsigned int),
    __vsads2(unsigned int, unsigned int), __vsads4(unsigned int, unsigned int),
    __vsadu2(unsigned int, unsigned int), __vsadu4(unsigned int, unsigned int),
    __vmins2(unsigned int, unsigned int), __vmins4(unsigned int, unsigned int),
    __vminu2(unsigned int, unsigned int), __vminu4(unsigned int, unsigned int),
    __vmaxs2(unsigned int, unsigned int), __vmaxs4(unsigned int, unsigned int),
    __vmaxu2(unsigned int, unsigned int), __vmaxu4(unsigned int, unsigned int),
    __vcmpeq2(unsigned int, unsigned int), __vcmpeq4(unsigned int, unsigned int),
    __vcmpne2(unsigned int, unsigned int), __vcmpne4(unsigned int, unsigned int),
    __vseteq2(unsigned int, unsigned int), __vseteq4(unsigned int, unsigned int),
    __vsetne2(unsigned int, unsigned int), __vsetne4(unsigned int, unsigned int),
    __vcmpges2(unsigned int, unsigned int), __vcmpges4(unsigned int, unsigned int),
    __vcmpgeu2(unsigned int, unsigned int), __vcmpgeu4(unsigned int, unsigned int),
    __vcmpgts2(unsigned int, unsigned int), __vcmpgts4(unsigned int, unsigned int),
    __vcmpgtu2(unsigned int, unsigned int), __vcmpgtu4(unsigned int, unsigned int),
    __vcmples2(unsigned int, unsigned int), __vcmples4(unsigned int, unsigned int),
    __vcmpleu2(unsigned int, unsigned int), __vcmpleu4(unsigned int, unsigned int),
    __vcmplts2(unsigned int, unsigned int), __vcmplts4(unsigned int, unsigned int),
    __vcmpltu2(unsigned int, unsigned int), __vcmpltu4(unsigned int, unsigned int),
    __vsetges2(unsigned int, unsigned int), __vsetges4(unsigned int, unsigned int),
    __vsetgeu2(unsigned int, unsigned int), __vsetgeu4(unsigned int, unsigned int),
    __vsetgts2(unsigned int, unsigned int), __vsetgts4(unsigned int, unsigned int),
    __vsetgtu2(unsigned int, unsigned int), __vsetgtu4(unsigned int, unsigned int),
    __vsetles2(unsigned int, unsigned int), __vsetles4(unsigned int, unsigned int),
    __vsetleu2(unsigned int, unsigned int), __vsetleu4(unsigned int, unsigned int),
    __vsetlts2(unsigned int, unsigned int), __vsetlts4(unsigned int, unsigned int),
    __vsetltu2(unsigned int, unsigned int), __vsetltu4(unsigned int, unsigned int);
/* CUDA 12's DPX intrinsics on an int, an unsigned int or its two 16-bit lanes (translator/ir/dpx.py) */
__device__ int __vimax_s32_relu(int, int), __vimin_s32_relu(int, int), __vimax3_s32(int, int, int),
    __vimax3_s32_relu(int, int, int), __vimin3_s32(int, int, int), __vimin3_s32_relu(int, int, int),
    __viaddmax_s32(int, int, int), __viaddmax_s32_relu(int, int, int), __viaddmin_s32(int, int, int),
    __viaddmin_s32_relu(int, int, int), __vibmax_s32(int, int, bool *), __vibmin_s32(int, int, bool *);
__device__ unsigned int __vimax_s16x2_relu(unsigned int, unsigned int),
    __vimin_s16x2_relu(unsigned int, unsigned int), __vimax3_u32(unsigned int, unsigned int, unsigned int),
    __vimax3_s16x2(unsigned int, unsigned int, unsigned int),
    __vimax3_u16x2(unsigned int, unsigned int, unsigned int),
    __vimax3_s16x2_relu(unsigned int, unsigned int, unsigned int),
    __vimin3_u32(unsigned int, unsigned int, unsigned int),
    __vimin3_s16x2(unsigned int, unsigned int, unsigned int),
    __vimin3_u16x2(unsigned int, unsigned int, unsigned int),
    __vimin3_s16x2_relu(unsigned int, unsigned int, unsigned int),
    __viaddmax_u32(unsigned int, unsigned int, unsigned int),
    __viaddmax_s16x2(unsigned int, unsigned int, unsigned int),
    __viaddmax_u16x2(unsigned int, unsigned int, unsigned int),
    __viaddmax_s16x2_relu(unsigned int, unsigned int, unsigned int),
    __viaddmin_u32(unsigned int, unsigned int, unsigned int),
    __viaddmin_s16x2(unsigned int, unsigned int, unsigned int),
    __viaddmin_u16x2(unsigned int, unsigned int, unsigned int),
    __viaddmin_s16x2_relu(unsigned int, unsigned int, unsigned int),
    __vibmax_u32(unsigned int, unsigned int, bool *),
    __vibmax_s16x2(unsigned int, unsigned int, bool *, bool *),
    __vibmax_u16x2(unsigned int, unsigned int, bool *, bool *),
    __vibmin_u32(unsigned int, unsigned int, bool *),
    __vibmin_s16x2(unsigned int, unsigned int, bool *, bool *),
    __vibmin_u16x2(unsigned int, unsigned int, bool *, bool *);
__device__ long long abs(long long);
__device__ long long llabs(long long);
__device__ float abs(float);
__device__ double abs(double);
/* min/max overloads CUDA declares beyond the plain ones above: mixed signedness converts to unsigned */
__host__ __device__ unsigned long long min(unsigned long long, unsigned long long);
__host__ __device__ unsigned long long max(unsigned long long, unsigned long long);
__host__ __device__ unsigned int min(int, unsigned int);
__host__ __device__ unsigned int min(unsigned int, int);
__host__ __device__ unsigned int max(int, unsigned int);
__host__ __device__ unsigned int max(unsigned int, int);
__host__ __device__ unsigned long long min(long long, unsigned long long);
__host__ __device__ unsigned long long min(unsigned long long, long long);
__host__ __device__ unsigned long long max(long long, unsigned long long);
__host__ __device__ unsigned long long max(unsigned long long, long long);
/* and the `long int` ones (int64_t on LP64 Linux), which would otherwise be ambiguous between int and long long */
__host__ __device__ long min(long, long);
__host__ __device__ long max(long, long);
__host__ __device__ unsigned long min(unsigned long, unsigned long);
__host__ __device__ unsigned long max(unsigned long, unsigned long);
__host__ __device__ unsigned long min(long, unsigned long);
__host__ __device__ unsigned long min(unsigned long, long);
__host__ __device__ unsigned long max(long, unsigned long);
__host__ __device__ unsigned long max(unsigned long, long);

/* synchronisation */
__device__ void __syncthreads(void);
__device__ int __syncthreads_count(int);
__device__ int __syncthreads_and(int);
__device__ int __syncthreads_or(int);
__device__ void __syncwarp(unsigned int mask = 0xffffffffu);
__device__ void __threadfence(void);
__device__ void __threadfence_block(void);
__device__ void __threadfence_system(void);

/* warp intrinsics. __CUTRANS_SHFL stays defined: cuda_fp16.h and cuda_bf16.h declare CUDA's overloads on
   __half, __half2, __nv_bfloat16 and __nv_bfloat162 with it (the same parameters as these). The pre-Volta
   forms without a mask (__shfl, __shfl_xor...) are declared for no type: CUDA 9 deprecated them, and CUDA
   declares them only for sm_6x and older, so a call stops at parsing (P002). */
#define __CUTRANS_SHFL(T) \
    __device__ T __shfl_sync(unsigned int mask, T var, int src, int width = 32); \
    __device__ T __shfl_up_sync(unsigned int mask, T var, unsigned int delta, int width = 32); \
    __device__ T __shfl_down_sync(unsigned int mask, T var, unsigned int delta, int width = 32); \
    __device__ T __shfl_xor_sync(unsigned int mask, T var, int lane_mask, int width = 32); \
    __device__ T __cutrans_block_shfl(T var, unsigned int thread);
/* __cutrans_block_shfl is not CUDA's: it spells the IR's block-wide shuffle (the collectives of
   multi-warp cooperative-groups tiles) in the CUDA that the IR round-trip tests print and parse; the
   __cutrans_shfl*_sync templates spell the IR's shuffles of a struct there (a cooperative-groups tile
   shuffles any type, CUDA's intrinsics only numbers). */
template <class T> __device__ T __cutrans_shfl_sync(unsigned int mask, T var, int src, int width = 32);
template <class T> __device__ T __cutrans_shfl_up_sync(unsigned int mask, T var, unsigned int delta, int width = 32);
template <class T> __device__ T __cutrans_shfl_down_sync(unsigned int mask, T var, unsigned int delta, int width = 32);
template <class T> __device__ T __cutrans_shfl_xor_sync(unsigned int mask, T var, int lane_mask, int width = 32);
template <class T> __device__ T __cutrans_block_shfl(T var, unsigned int thread);
__CUTRANS_SHFL(int)
__CUTRANS_SHFL(unsigned int)
__CUTRANS_SHFL(long)            /* CUDA declares long and unsigned long too: int64_t and size_t are exact matches */
__CUTRANS_SHFL(unsigned long)
__CUTRANS_SHFL(long long)
__CUTRANS_SHFL(unsigned long long)
__CUTRANS_SHFL(float)
__CUTRANS_SHFL(double)
__device__ unsigned int __ballot_sync(unsigned int mask, int pred);
__device__ int __any_sync(unsigned int mask, int pred);
__device__ int __all_sync(unsigned int mask, int pred);
__device__ unsigned int __activemask(void);
__device__ unsigned int __lanemask_lt(void);
/* sm_80 warp reductions (crt/sm_80_rt.h) */
__device__ unsigned int __reduce_add_sync(unsigned int mask, unsigned int value);
__device__ unsigned int __reduce_min_sync(unsigned int mask, unsigned int value);
__device__ unsigned int __reduce_max_sync(unsigned int mask, unsigned int value);
/* no int __reduce_add_sync: clang's CUDA headers, which a parse against the real toolkit uses, declare the
 * unsigned one only, so an int operand converts (the sum's bits are the same either way) */
__device__ int __reduce_min_sync(unsigned int mask, int value);
__device__ int __reduce_max_sync(unsigned int mask, int value);
__device__ unsigned int __reduce_and_sync(unsigned int mask, unsigned int value);
__device__ unsigned int __reduce_or_sync(unsigned int mask, unsigned int value);
__device__ unsigned int __reduce_xor_sync(unsigned int mask, unsigned int value);

/* atomics, each also with the scope in its name (atomicAdd_block, atomicAdd_system: on one device the same
 * operation, which the frontend takes for the plain one) */
#define CUTRANS_ATOMIC(T, name) \
    __device__ T name(T* address, T val); \
    __device__ T name##_block(T* address, T val); \
    __device__ T name##_system(T* address, T val);
#define CUTRANS_ATOMIC_ARITH(T) \
    CUTRANS_ATOMIC(T, atomicAdd) CUTRANS_ATOMIC(T, atomicSub) CUTRANS_ATOMIC(T, atomicExch) \
    CUTRANS_ATOMIC(T, atomicMin) CUTRANS_ATOMIC(T, atomicMax) CUTRANS_ATOMIC(T, atomicAnd) \
    CUTRANS_ATOMIC(T, atomicOr) CUTRANS_ATOMIC(T, atomicXor) \
    __device__ T atomicCAS(T* address, T compare, T val); \
    __device__ T atomicCAS_block(T* address, T compare, T val); \
    __device__ T atomicCAS_system(T* address, T compare, T val);
CUTRANS_ATOMIC_ARITH(int)
CUTRANS_ATOMIC_ARITH(unsigned int)
CUTRANS_ATOMIC_ARITH(unsigned long long)
#undef CUTRANS_ATOMIC_ARITH
CUTRANS_ATOMIC(float, atomicAdd)
CUTRANS_ATOMIC(double, atomicAdd)
CUTRANS_ATOMIC(float, atomicExch)
CUTRANS_ATOMIC(unsigned int, atomicInc)
CUTRANS_ATOMIC(unsigned int, atomicDec)
CUTRANS_ATOMIC(long long, atomicMin)
CUTRANS_ATOMIC(long long, atomicMax)
#undef CUTRANS_ATOMIC

/* texture and surface fetches: declared so that code using them parses; the frontend refuses them (L008) */
template <class T> __device__ T tex1Dfetch(unsigned long long, int);
template <class T> __device__ T tex1D(unsigned long long, float);
template <class T> __device__ T tex2D(unsigned long long, float, float);
template <class T> __device__ T tex3D(unsigned long long, float, float, float);

/* read-only loads */
template <class T> __device__ T __ldg(const T* p);

#endif
