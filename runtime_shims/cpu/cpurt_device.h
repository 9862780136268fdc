/* cutrans CPU target: what generated kernel code (C with OpenMP) needs. Included by <stem>.kernels.c
 * and by the generated launch header. */
#ifndef CUTRANS_CPURT_DEVICE_H
#define CUTRANS_CPURT_DEVICE_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1            /* exp10f and exp10 */
#endif
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct cutrans_uint3 { unsigned int x, y, z; } cutrans_uint3;
typedef cutrans_uint3 cutrans_dim3;

/* CUDA's launch limits; returns CUDA's cudaErrorInvalidConfiguration (9) when one is broken. */
static inline int cutrans_check_launch(cutrans_dim3 grid, cutrans_dim3 block)
{
    unsigned long long threads = (unsigned long long)block.x * block.y * block.z;
    if (threads == 0 || threads > 1024 || block.z > 64 || grid.x == 0 || grid.y == 0 || grid.z == 0
        || grid.y > 65535 || grid.z > 65535)
        return 9;
    return 0;
}

/* A barrier guarded by a condition that cutrans could not prove uniform: `yes` of the block's
 * `threads` threads found the condition true. CUDA requires all threads of a block to reach each
 * __syncthreads() (undefined behaviour otherwise), so when they disagree the program stops here
 * rather than compute a wrong result (translator/backends/cpu_uniform_check.py). */
static inline void cutrans_check_uniform(unsigned int yes, unsigned int threads, const char *kernel,
                                         const char *file, int line)
{
    if (yes != 0 && yes != threads) {
        fprintf(stderr, "%s:%d: error: in kernel '%s', %u of %u threads of a block took a branch that "
                "contains __syncthreads() and the others did not (divergent barrier: undefined behaviour "
                "in CUDA)\n", file, line, kernel, yes, threads);
        fflush(stderr);
        _Exit(70);
    }
}

#define CUTRANS_MINMAX(T, NAME) \
    static inline T cutrans_min_##NAME(T a, T b) { return a < b ? a : b; } \
    static inline T cutrans_max_##NAME(T a, T b) { return a > b ? a : b; }
CUTRANS_MINMAX(int, i32)
CUTRANS_MINMAX(unsigned int, u32)
CUTRANS_MINMAX(long long, i64)
CUTRANS_MINMAX(unsigned long long, u64)
#undef CUTRANS_MINMAX

/* ---- CUDA integer intrinsics, bit for bit (CUDA defines __clz(0) = 32 and __ffs(0) = 0; GCC's
 * __builtin_clz(0) is undefined, so the zero case is spelled out). */
static inline int cutrans_clz_i32(int x) { return x == 0 ? 32 : __builtin_clz((unsigned int)x); }
static inline int cutrans_clz_i64(long long x) { return x == 0 ? 64 : __builtin_clzll((unsigned long long)x); }

static inline unsigned long long cutrans_brev_u64(unsigned long long x)
{
    x = ((x >> 1) & 0x5555555555555555ull) | ((x & 0x5555555555555555ull) << 1);
    x = ((x >> 2) & 0x3333333333333333ull) | ((x & 0x3333333333333333ull) << 2);
    x = ((x >> 4) & 0x0f0f0f0f0f0f0f0full) | ((x & 0x0f0f0f0f0f0f0f0full) << 4);
    return __builtin_bswap64(x);
}
static inline unsigned int cutrans_brev_u32(unsigned int x) { return (unsigned int)(cutrans_brev_u64(x) >> 32); }

/* __mul24: the low 32 bits of the product of the sign-extended low 24 bits of each operand. */
static inline int cutrans_sext24(int x) { return (int)(((unsigned int)x & 0xffffffu) ^ 0x800000u) - 0x800000; }
static inline int cutrans_mul24_i32(int a, int b)
{
    return (int)((unsigned int)cutrans_sext24(a) * (unsigned int)cutrans_sext24(b));
}

/* __mulhi family: the high half of the full product. */
static inline int cutrans_mulhi_i32(int a, int b) { return (int)(((long long)a * b) >> 32); }
static inline unsigned int cutrans_mulhi_u32(unsigned int a, unsigned int b)
{
    return (unsigned int)(((unsigned long long)a * b) >> 32);
}
static inline long long cutrans_mulhi_i64(long long a, long long b) { return (long long)(((__int128)a * b) >> 64); }
static inline unsigned long long cutrans_mulhi_u64(unsigned long long a, unsigned long long b)
{
    return (unsigned long long)(((unsigned __int128)a * b) >> 64);
}

/* __sad / __usad: |a - b| + c, the difference taken without overflow, the sum modulo 2^32. */
static inline unsigned int cutrans_sad_i32(int a, int b, unsigned int c)
{
    return c + (a > b ? (unsigned int)a - (unsigned int)b : (unsigned int)b - (unsigned int)a);
}
static inline unsigned int cutrans_sad_u32(unsigned int a, unsigned int b, unsigned int c)
{
    return c + (a > b ? a - b : b - a);
}

/* CUDA __float_as_uint and friends: the same bits read as the other type. */
static inline unsigned int cutrans_float_as_uint(float x) { unsigned int r; memcpy(&r, &x, sizeof r); return r; }
static inline int cutrans_float_as_int(float x) { int r; memcpy(&r, &x, sizeof r); return r; }
static inline float cutrans_uint_as_float(unsigned int x) { float r; memcpy(&r, &x, sizeof r); return r; }
static inline float cutrans_int_as_float(int x) { float r; memcpy(&r, &x, sizeof r); return r; }
static inline unsigned long long cutrans_double_as_ulong(double x) { unsigned long long r; memcpy(&r, &x, sizeof r); return r; }
static inline double cutrans_ulong_as_double(unsigned long long x) { double r; memcpy(&r, &x, sizeof r); return r; }
#ifdef __FLT16_MAX__ /* _Float16, the CPU target's __half (GCC 12+, clang 15+) */
static inline unsigned short cutrans_fp16_bits(_Float16 x) { unsigned short r; memcpy(&r, &x, sizeof r); return r; }
static inline _Float16 cutrans_fp16_from_bits(unsigned short x) { _Float16 r; memcpy(&r, &x, sizeof r); return r; }
#endif

#include "cpurt_tiles.h"      /* the per-warp tensor-core helpers' tile routines */

/* CUDA __dp4a and __dp2a_lo/_hi: sums of byte (and halfword x byte) products added to c, wrapping at 32
 * bits as the instruction does. Signed lanes are sign-extended without relying on implementation-defined
 * conversions; the sum runs in unsigned arithmetic, which wraps by definition. */
static inline int cutrans_dp_lane(unsigned int word, unsigned int shift, unsigned int bits, int is_signed)
{
    unsigned int mask = (1u << bits) - 1u, lane = (word >> shift) & mask, sign = 1u << (bits - 1u);
    return is_signed ? (int)(lane ^ sign) - (int)sign : (int)lane;
}

static inline unsigned int cutrans_dp4a(unsigned int a, unsigned int b, unsigned int c, int is_signed)
{
    for (unsigned int i = 0u; i < 32u; i += 8u) {
        c += (unsigned int)(cutrans_dp_lane(a, i, 8u, is_signed) * cutrans_dp_lane(b, i, 8u, is_signed));
    }
    return c;
}

static inline unsigned int cutrans_dp2a(unsigned int a, unsigned int b, unsigned int c, int hi, int is_signed)
{
    for (unsigned int i = 0u; i < 2u; ++i) {
        c += (unsigned int)(cutrans_dp_lane(a, 16u * i, 16u, is_signed)
                            * cutrans_dp_lane(b, 8u * (i + 2u * (unsigned int)hi), 8u, is_signed));
    }
    return c;
}

static inline int cutrans_dp4a_i32(int a, int b, int c)
{
    return (int)cutrans_dp4a((unsigned int)a, (unsigned int)b, (unsigned int)c, 1);
}

static inline unsigned int cutrans_dp4a_u32(unsigned int a, unsigned int b, unsigned int c)
{
    return cutrans_dp4a(a, b, c, 0);
}

static inline int cutrans_dp2a_i32(int a, int b, int c, int hi)
{
    return (int)cutrans_dp2a((unsigned int)a, (unsigned int)b, (unsigned int)c, hi, 1);
}

static inline unsigned int cutrans_dp2a_u32(unsigned int a, unsigned int b, unsigned int c, int hi)
{
    return cutrans_dp2a(a, b, c, hi, 0);
}

/* CUDA __byte_perm: byte i of the result is byte ((s >> 4i) & 7) of the 64-bit value y:x. */
static inline unsigned int cutrans_byte_perm_u32(unsigned int x, unsigned int y, unsigned int s)
{
    unsigned long long bytes = (unsigned long long)y << 32 | x;
    unsigned int r = 0u;
    for (unsigned int i = 0u; i < 4u; ++i) {
        r |= (unsigned int)((bytes >> (8u * ((s >> (4u * i)) & 7u))) & 0xffu) << (8u * i);
    }
    return r;
}

/* ---- CUDA atomics: return the old value. CUDA's atomic functions promise atomicity only, no
 * ordering (relaxed); __threadfence and the end of a kernel order memory, and they are fences or
 * the end of an OpenMP region here, so __ATOMIC_RELAXED is the exact translation. Operations GCC
 * has no builtin for are compare-and-swap loops; __atomic_compare_exchange compares the bytes,
 * so a float loop also ends when the old value is a NaN or a negative zero. */
#define CUTRANS_ATOMIC_ORDER __ATOMIC_RELAXED
#define CUTRANS_ATOMIC_FETCH(T, NAME, OP) \
    static inline T cutrans_atomic_##OP##_##NAME(T *p, T v) { return __atomic_fetch_##OP(p, v, CUTRANS_ATOMIC_ORDER); }
#define CUTRANS_ATOMIC_LOOP(T, NAME, OP, UPDATE) \
    static inline T cutrans_atomic_##OP##_##NAME(T *p, T v) \
    { \
        T x, next; \
        __atomic_load(p, &x, CUTRANS_ATOMIC_ORDER); \
        do { \
            next = (UPDATE); \
        } while (!__atomic_compare_exchange(p, &x, &next, 1, CUTRANS_ATOMIC_ORDER, CUTRANS_ATOMIC_ORDER)); \
        return x; \
    }
#define CUTRANS_ATOMIC_COMMON(T, NAME) \
    static inline T cutrans_atomic_xchg_##NAME(T *p, T v) \
    { \
        T old; \
        __atomic_exchange(p, &v, &old, CUTRANS_ATOMIC_ORDER); \
        return old; \
    } \
    static inline T cutrans_atomic_cas_##NAME(T *p, T compare, T v) \
    { \
        __atomic_compare_exchange(p, &compare, &v, 0, CUTRANS_ATOMIC_ORDER, CUTRANS_ATOMIC_ORDER); \
        return compare; \
    }
#define CUTRANS_ATOMIC_INT(T, NAME) \
    CUTRANS_ATOMIC_COMMON(T, NAME) \
    CUTRANS_ATOMIC_FETCH(T, NAME, add) CUTRANS_ATOMIC_FETCH(T, NAME, sub) CUTRANS_ATOMIC_FETCH(T, NAME, and) \
    CUTRANS_ATOMIC_FETCH(T, NAME, or) CUTRANS_ATOMIC_FETCH(T, NAME, xor) \
    CUTRANS_ATOMIC_LOOP(T, NAME, min, v < x ? v : x) CUTRANS_ATOMIC_LOOP(T, NAME, max, v > x ? v : x)
CUTRANS_ATOMIC_INT(int, i32)
CUTRANS_ATOMIC_INT(unsigned int, u32)
CUTRANS_ATOMIC_INT(long long, i64)
CUTRANS_ATOMIC_INT(unsigned long long, u64)
CUTRANS_ATOMIC_COMMON(float, f32)
CUTRANS_ATOMIC_COMMON(double, f64)
CUTRANS_ATOMIC_LOOP(float, f32, add, x + v)
CUTRANS_ATOMIC_LOOP(double, f64, add, x + v)
CUTRANS_ATOMIC_LOOP(unsigned int, u32, inc, x >= v ? 0u : x + 1u)
CUTRANS_ATOMIC_LOOP(unsigned int, u32, dec, (x == 0u || x > v) ? v : x - 1u)
#undef CUTRANS_ATOMIC_INT
#undef CUTRANS_ATOMIC_COMMON
#undef CUTRANS_ATOMIC_LOOP
#undef CUTRANS_ATOMIC_FETCH

#endif
