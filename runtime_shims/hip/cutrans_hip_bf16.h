/* cutrans: <cuda_bf16.h> for HIP. The HIP translation keeps CUDA's names (__nv_bfloat16, __nv_bfloat162,
 * nv_bfloat16, nv_bfloat162 and the functions); this header defines the types as HIP's __hip_bfloat16 and
 * __hip_bfloat162, whose functions ROCm's <hip/hip_bf16.h> names as CUDA does.
 *
 * ROCm 6.2 and later ship that header; Debian's HIP 5.2 has only the unrelated class hip_bfloat16
 * (<hip/hip_bfloat16.h>). So <hip/hip_bf16.h> is included where HIP is 6.2 or newer, or where
 * CUTRANS_HIP_NATIVE_BF16 is defined, or where HIP's names are CUDA's (the CPU run of HIP output,
 * whose stand-in <hip/hip_bf16.h> is the emulation's cuda_bf16.h); everywhere else this header defines
 * the types and CUDA's API itself, __host__ __device__, in portable integer and float arithmetic.
 *
 * Its values are CUDA's. float -> bfloat16 rounds to nearest even on the 16 dropped bits (NaN gives the
 * canonical 0x7fff); doubles and 64-bit integers are rounded once from the exact value. +, -, *, / and
 * sqrt compute in float and round once to bfloat16: float carries 24 >= 2 * 8 + 2 significand bits, so
 * that is the correctly rounded bfloat16 result (a result near a bfloat16 tie is at least ~2^-17 of its
 * size away from it, so a float division or square root within a few ulps rounds the same way too).
 * __hfma rounds a * b + c once: the product is exact in double and the sum is rounded to odd there. */
#ifndef CUTRANS_HIP_BF16_H
#define CUTRANS_HIP_BF16_H

#include <hip/hip_runtime.h>
#include "cutrans_hip_fp16.h"   /* CUDA's cuda_bf16.h brings in cuda_fp16.h */

/* cutrans_hip_compat.h, included first, routes some of CUDA's names through function-like macros
 * (__hmax(a, b) -> cutrans_hmax(...), the warp functions): they must not rewrite the declarations below,
 * nor those of <hip/hip_bf16.h>, so they are set aside until the end of this header. */
#pragma push_macro("__hmax")
#undef __hmax
#pragma push_macro("__hmin")
#undef __hmin
#pragma push_macro("__hmax2")
#undef __hmax2
#pragma push_macro("__hmin2")
#undef __hmin2
#pragma push_macro("__shfl_sync")
#undef __shfl_sync
#pragma push_macro("__shfl_up_sync")
#undef __shfl_up_sync
#pragma push_macro("__shfl_down_sync")
#undef __shfl_down_sync
#pragma push_macro("__shfl_xor_sync")
#undef __shfl_xor_sync
#pragma push_macro("__activemask")
#undef __activemask
#pragma push_macro("__syncwarp")
#undef __syncwarp
#pragma push_macro("__ballot_sync")
#undef __ballot_sync
#pragma push_macro("__any_sync")
#undef __any_sync
#pragma push_macro("__all_sync")
#undef __all_sync


#if defined(CUTRANS_HIP_NATIVE_BF16) || defined(CUTRANS_HIP_NAMES_ARE_CUDA) || \
    (HIP_VERSION_MAJOR > 6 || (HIP_VERSION_MAJOR == 6 && HIP_VERSION_MINOR >= 2))
#include <hip/hip_bf16.h>
#else

#define CUTRANS_BF16_HD __host__ __device__ inline

/* ---- bits */
CUTRANS_BF16_HD float cutrans_hip_bf16_value(unsigned short h)
{
    unsigned int u = (unsigned int)h << 16;
    float f;
    __builtin_memcpy(&f, &u, 4);
    return f;
}

CUTRANS_BF16_HD bool cutrans_hip_bf16_is_nan(unsigned short h) { return (h & 0x7fffu) > 0x7f80u; }

/* float -> bfloat16; mode 0 nearest even, 1 toward zero, 2 down, 3 up */
CUTRANS_BF16_HD unsigned short cutrans_hip_bf16_from_float(float f, int mode)
{
    unsigned int u;
    __builtin_memcpy(&u, &f, 4);
    if ((u & 0x7fffffffu) > 0x7f800000u) {
        return 0x7fffu;
    }
    const unsigned int kept = u >> 16, dropped = u & 0xffffu;
    const bool negative = (u >> 31) != 0;
    bool up = false;
    if (mode == 0) {
        up = dropped > 0x8000u || (dropped == 0x8000u && (kept & 1u));
    } else if (mode == 2) {
        up = dropped != 0 && negative;
    } else if (mode == 3) {
        up = dropped != 0 && !negative;
    }
    return (unsigned short)(kept + (up ? 1u : 0u));
}

/* A double rounded to odd at float precision keeps what a later rounding to bfloat16 needs (float has
 * 24 >= 8 + 2 bits), so this double -> bfloat16 is a single correct rounding. */
CUTRANS_BF16_HD unsigned short cutrans_hip_bf16_from_double(double d)
{
    unsigned long long b;
    __builtin_memcpy(&b, &d, 8);
    if ((b & 0x7fffffffffffffffull) > 0x7ff0000000000000ull) {
        return 0x7fffu;
    }
    float f = (float)d;                                   /* to nearest */
    const double back = (double)f;
    unsigned int u;
    __builtin_memcpy(&u, &f, 4);
    if (back != d && (u & 0x7fffffffu) < 0x7f800000u) {  /* inexact and finite: take the odd neighbour */
        if ((u & 1u) == 0) {
            const bool toward_larger_magnitude = (d > back) == (d > 0);
            u = toward_larger_magnitude ? u + 1u : u - 1u;
        }
    } else if (back != d) {                               /* rounded to infinity: the largest float, odd */
        u = (u & 0x80000000u) | 0x7f7fffffu;
    }
    __builtin_memcpy(&f, &u, 4);
    return cutrans_hip_bf16_from_float(f, 0);
}

/* A 64-bit magnitude as a double rounded to odd (low bits folded into a sticky bit). */
CUTRANS_BF16_HD double cutrans_hip_bf16_odd_double(unsigned long long m)
{
    double scale = 1.0;
    while (m >> 53) {
        m = (m >> 1) | (m & 1u);
        scale *= 2.0;
    }
    return (double)m * scale;
}

struct __hip_bfloat16_raw {
    unsigned short x;
};

struct __hip_bfloat162_raw {
    unsigned short x;
    unsigned short y;
};

struct __attribute__((aligned(2))) __hip_bfloat16 {
    unsigned short __x;

    __hip_bfloat16() = default;
    CUTRANS_BF16_HD constexpr __hip_bfloat16(const __hip_bfloat16_raw &r) : __x(r.x) {}
    CUTRANS_BF16_HD __hip_bfloat16(float f) : __x(cutrans_hip_bf16_from_float(f, 0)) {}
    CUTRANS_BF16_HD __hip_bfloat16(double d) : __x(cutrans_hip_bf16_from_double(d)) {}
    CUTRANS_BF16_HD __hip_bfloat16(short i) : __x(cutrans_hip_bf16_from_double(i)) {}
    CUTRANS_BF16_HD __hip_bfloat16(unsigned short i) : __x(cutrans_hip_bf16_from_double(i)) {}
    CUTRANS_BF16_HD __hip_bfloat16(int i) : __x(cutrans_hip_bf16_from_double(i)) {}
    CUTRANS_BF16_HD __hip_bfloat16(unsigned int i) : __x(cutrans_hip_bf16_from_double(i)) {}
    CUTRANS_BF16_HD __hip_bfloat16(long long i)
        : __x(cutrans_hip_bf16_from_double(i < 0 ? -cutrans_hip_bf16_odd_double(0ull - (unsigned long long)i)
                                                 : cutrans_hip_bf16_odd_double((unsigned long long)i))) {}
    CUTRANS_BF16_HD __hip_bfloat16(unsigned long long i) : __x(cutrans_hip_bf16_from_double(cutrans_hip_bf16_odd_double(i))) {}
    CUTRANS_BF16_HD __hip_bfloat16(long i) : __hip_bfloat16((long long)i) {}
    CUTRANS_BF16_HD __hip_bfloat16(unsigned long i) : __hip_bfloat16((unsigned long long)i) {}
    CUTRANS_BF16_HD operator float() const { return cutrans_hip_bf16_value(__x); }
    CUTRANS_BF16_HD operator __hip_bfloat16_raw() const { return __hip_bfloat16_raw{__x}; }
    CUTRANS_BF16_HD __hip_bfloat16 &operator=(const __hip_bfloat16_raw &r) { __x = r.x; return *this; }
    CUTRANS_BF16_HD __hip_bfloat16 &operator=(float f) { __x = cutrans_hip_bf16_from_float(f, 0); return *this; }
    CUTRANS_BF16_HD __hip_bfloat16 &operator=(double d) { __x = cutrans_hip_bf16_from_double(d); return *this; }
    /* integers, as CUDA's (so `h = 0;` is not ambiguous between float and double) */
    CUTRANS_BF16_HD __hip_bfloat16 &operator=(short i) { return *this = __hip_bfloat16(i); }
    CUTRANS_BF16_HD __hip_bfloat16 &operator=(unsigned short i) { return *this = __hip_bfloat16(i); }
    CUTRANS_BF16_HD __hip_bfloat16 &operator=(int i) { return *this = __hip_bfloat16(i); }
    CUTRANS_BF16_HD __hip_bfloat16 &operator=(unsigned int i) { return *this = __hip_bfloat16(i); }
    CUTRANS_BF16_HD __hip_bfloat16 &operator=(long long i) { return *this = __hip_bfloat16(i); }
    CUTRANS_BF16_HD __hip_bfloat16 &operator=(unsigned long long i) { return *this = __hip_bfloat16(i); }
};

struct __attribute__((aligned(4))) __hip_bfloat162 {
    __hip_bfloat16 x;
    __hip_bfloat16 y;

    __hip_bfloat162() = default;
    CUTRANS_BF16_HD constexpr __hip_bfloat162(const __hip_bfloat16 &a, const __hip_bfloat16 &b) : x(a), y(b) {}
    CUTRANS_BF16_HD __hip_bfloat162(const __hip_bfloat162_raw &r) : x(__hip_bfloat16_raw{r.x}), y(__hip_bfloat16_raw{r.y}) {}
    CUTRANS_BF16_HD operator __hip_bfloat162_raw() const { return __hip_bfloat162_raw{x.__x, y.__x}; }
};

CUTRANS_BF16_HD __hip_bfloat16 cutrans_hip_bf16(unsigned short bits) { return __hip_bfloat16(__hip_bfloat16_raw{bits}); }

/* ---- conversions */
CUTRANS_BF16_HD __hip_bfloat16 __float2bfloat16(float f) { return cutrans_hip_bf16(cutrans_hip_bf16_from_float(f, 0)); }
CUTRANS_BF16_HD __hip_bfloat16 __float2bfloat16_rn(float f) { return cutrans_hip_bf16(cutrans_hip_bf16_from_float(f, 0)); }
CUTRANS_BF16_HD __hip_bfloat16 __float2bfloat16_rz(float f) { return cutrans_hip_bf16(cutrans_hip_bf16_from_float(f, 1)); }
CUTRANS_BF16_HD __hip_bfloat16 __float2bfloat16_rd(float f) { return cutrans_hip_bf16(cutrans_hip_bf16_from_float(f, 2)); }
CUTRANS_BF16_HD __hip_bfloat16 __float2bfloat16_ru(float f) { return cutrans_hip_bf16(cutrans_hip_bf16_from_float(f, 3)); }
CUTRANS_BF16_HD __hip_bfloat16 __double2bfloat16(double d) { return cutrans_hip_bf16(cutrans_hip_bf16_from_double(d)); }
CUTRANS_BF16_HD float __bfloat162float(__hip_bfloat16 h) { return cutrans_hip_bf16_value(h.__x); }
CUTRANS_BF16_HD __hip_bfloat16 __int2bfloat16_rn(int i) { return __hip_bfloat16(i); }
CUTRANS_BF16_HD __hip_bfloat16 __uint2bfloat16_rn(unsigned int i) { return __hip_bfloat16(i); }
CUTRANS_BF16_HD __hip_bfloat16 __short2bfloat16_rn(short i) { return __hip_bfloat16(i); }
CUTRANS_BF16_HD __hip_bfloat16 __ushort2bfloat16_rn(unsigned short i) { return __hip_bfloat16(i); }
CUTRANS_BF16_HD __hip_bfloat16 __ll2bfloat16_rn(long long i) { return __hip_bfloat16(i); }
CUTRANS_BF16_HD __hip_bfloat16 __ull2bfloat16_rn(unsigned long long i) { return __hip_bfloat16(i); }

/* bfloat16 -> integer toward zero, saturating; NaN gives 0 (2^63 for the 64-bit types), as CUDA's. */
#define CUTRANS_HIP_BF16_TO_INTEGER(name, type, lowest, highest, nan)                                  \
    CUTRANS_BF16_HD type name(__hip_bfloat16 h)                                                        \
    {                                                                                                  \
        if (cutrans_hip_bf16_is_nan(h.__x)) {                                                          \
            return (type)(nan);                                                                        \
        }                                                                                              \
        const float f = truncf(cutrans_hip_bf16_value(h.__x));                                         \
        return f <= (float)(lowest) ? (type)(lowest) : f >= (float)(highest) ? (type)(highest) : (type)f; \
    }
CUTRANS_HIP_BF16_TO_INTEGER(__bfloat162char_rz, signed char, -128, 127, 0)
CUTRANS_HIP_BF16_TO_INTEGER(__bfloat162uchar_rz, unsigned char, 0, 255, 0)
CUTRANS_HIP_BF16_TO_INTEGER(__bfloat162short_rz, short, -32768, 32767, 0)
CUTRANS_HIP_BF16_TO_INTEGER(__bfloat162ushort_rz, unsigned short, 0, 65535, 0)
CUTRANS_HIP_BF16_TO_INTEGER(__bfloat162int_rz, int, -2147483647 - 1, 2147483647, 0)
CUTRANS_HIP_BF16_TO_INTEGER(__bfloat162uint_rz, unsigned int, 0u, 4294967295u, 0)
CUTRANS_HIP_BF16_TO_INTEGER(__bfloat162ll_rz, long long, -9223372036854775807ll - 1, 9223372036854775807ll, 1ull << 63)
CUTRANS_HIP_BF16_TO_INTEGER(__bfloat162ull_rz, unsigned long long, 0ull, 18446744073709551615ull, 1ull << 63)
#undef CUTRANS_HIP_BF16_TO_INTEGER

CUTRANS_BF16_HD unsigned short __bfloat16_as_ushort(__hip_bfloat16 h) { return h.__x; }
CUTRANS_BF16_HD short __bfloat16_as_short(__hip_bfloat16 h) { return (short)h.__x; }
CUTRANS_BF16_HD __hip_bfloat16 __ushort_as_bfloat16(unsigned short u) { return cutrans_hip_bf16(u); }
CUTRANS_BF16_HD __hip_bfloat16 __short_as_bfloat16(short s) { return cutrans_hip_bf16((unsigned short)s); }

/* ---- arithmetic */
CUTRANS_BF16_HD __hip_bfloat16 __hadd(__hip_bfloat16 a, __hip_bfloat16 b) { return __float2bfloat16((float)a + (float)b); }
CUTRANS_BF16_HD __hip_bfloat16 __hsub(__hip_bfloat16 a, __hip_bfloat16 b) { return __float2bfloat16((float)a - (float)b); }
CUTRANS_BF16_HD __hip_bfloat16 __hmul(__hip_bfloat16 a, __hip_bfloat16 b) { return __float2bfloat16((float)a * (float)b); }
CUTRANS_BF16_HD __hip_bfloat16 __hdiv(__hip_bfloat16 a, __hip_bfloat16 b) { return __float2bfloat16((float)a / (float)b); }
CUTRANS_BF16_HD __hip_bfloat16 __hadd_rn(__hip_bfloat16 a, __hip_bfloat16 b) { return __hadd(a, b); }
CUTRANS_BF16_HD __hip_bfloat16 __hsub_rn(__hip_bfloat16 a, __hip_bfloat16 b) { return __hsub(a, b); }
CUTRANS_BF16_HD __hip_bfloat16 __hmul_rn(__hip_bfloat16 a, __hip_bfloat16 b) { return __hmul(a, b); }
/* Negation and absolute value change the sign bit; a NaN becomes the canonical NaN. */
CUTRANS_BF16_HD __hip_bfloat16 __hneg(__hip_bfloat16 a)
{
    return cutrans_hip_bf16(cutrans_hip_bf16_is_nan(a.__x) ? 0x7fffu : (unsigned short)(a.__x ^ 0x8000u));
}
CUTRANS_BF16_HD __hip_bfloat16 __habs(__hip_bfloat16 a)
{
    return cutrans_hip_bf16(cutrans_hip_bf16_is_nan(a.__x) ? 0x7fffu : (unsigned short)(a.__x & 0x7fffu));
}
/* a * b + c rounded once: the product is exact in double, the sum is made round-to-odd from the exact
 * error of the addition (an inexact sum with an even last bit moves one step toward the true value). */
CUTRANS_BF16_HD __hip_bfloat16 __hfma(__hip_bfloat16 a, __hip_bfloat16 b, __hip_bfloat16 c)
{
    const double p = (double)(float)a * (double)(float)b, q = (double)(float)c;
    double s = p + q;
    unsigned long long bits;
    __builtin_memcpy(&bits, &s, 8);
    if ((bits & 0x7fffffffffffffffull) != 0 && (bits & 0x7ff0000000000000ull) != 0x7ff0000000000000ull) {
        const double qq = s - p, pp = s - qq, error = (p - pp) + (q - qq);
        if (error != 0.0 && (bits & 1u) == 0) {
            bits = ((error > 0.0) == (s > 0.0)) ? bits + 1u : bits - 1u;
            __builtin_memcpy(&s, &bits, 8);
        }
    }
    return __double2bfloat16(s);
}

/* ---- comparisons: the ordered ones are false and the unordered ones (<op>u) true where a NaN takes part */
CUTRANS_BF16_HD bool __hisnan(__hip_bfloat16 a) { return cutrans_hip_bf16_is_nan(a.__x); }
CUTRANS_BF16_HD int __hisinf(__hip_bfloat16 a) { return (a.__x & 0x7fffu) == 0x7f80u ? ((a.__x & 0x8000u) ? -1 : 1) : 0; }
CUTRANS_BF16_HD bool __heq(__hip_bfloat16 a, __hip_bfloat16 b) { return (float)a == (float)b; }
CUTRANS_BF16_HD bool __hne(__hip_bfloat16 a, __hip_bfloat16 b) { return (float)a < (float)b || (float)a > (float)b; }
CUTRANS_BF16_HD bool __hlt(__hip_bfloat16 a, __hip_bfloat16 b) { return (float)a < (float)b; }
CUTRANS_BF16_HD bool __hle(__hip_bfloat16 a, __hip_bfloat16 b) { return (float)a <= (float)b; }
CUTRANS_BF16_HD bool __hgt(__hip_bfloat16 a, __hip_bfloat16 b) { return (float)a > (float)b; }
CUTRANS_BF16_HD bool __hge(__hip_bfloat16 a, __hip_bfloat16 b) { return (float)a >= (float)b; }
CUTRANS_BF16_HD bool __hequ(__hip_bfloat16 a, __hip_bfloat16 b) { return !__hne(a, b); }
CUTRANS_BF16_HD bool __hneu(__hip_bfloat16 a, __hip_bfloat16 b) { return !__heq(a, b); }
CUTRANS_BF16_HD bool __hltu(__hip_bfloat16 a, __hip_bfloat16 b) { return !__hge(a, b); }
CUTRANS_BF16_HD bool __hleu(__hip_bfloat16 a, __hip_bfloat16 b) { return !__hgt(a, b); }
CUTRANS_BF16_HD bool __hgtu(__hip_bfloat16 a, __hip_bfloat16 b) { return !__hle(a, b); }
CUTRANS_BF16_HD bool __hgeu(__hip_bfloat16 a, __hip_bfloat16 b) { return !__hlt(a, b); }

/* max/min: one NaN operand gives the other, two the canonical NaN; max(-0, +0) is +0 and min is -0. */
CUTRANS_BF16_HD __hip_bfloat16 __hmax(__hip_bfloat16 a, __hip_bfloat16 b)
{
    if (__hisnan(a) || __hisnan(b)) {
        return __hisnan(a) ? (__hisnan(b) ? cutrans_hip_bf16(0x7fffu) : b) : a;
    }
    return __hgt(a, b) ? a : __hlt(a, b) ? b : cutrans_hip_bf16((unsigned short)(a.__x & b.__x));
}
CUTRANS_BF16_HD __hip_bfloat16 __hmin(__hip_bfloat16 a, __hip_bfloat16 b)
{
    if (__hisnan(a) || __hisnan(b)) {
        return __hisnan(a) ? (__hisnan(b) ? cutrans_hip_bf16(0x7fffu) : b) : a;
    }
    return __hlt(a, b) ? a : __hgt(a, b) ? b : cutrans_hip_bf16((unsigned short)(a.__x | b.__x));
}
CUTRANS_BF16_HD __hip_bfloat16 __hmax_nan(__hip_bfloat16 a, __hip_bfloat16 b)
{
    return (__hisnan(a) || __hisnan(b)) ? cutrans_hip_bf16(0x7fffu) : __hmax(a, b);
}
CUTRANS_BF16_HD __hip_bfloat16 __hmin_nan(__hip_bfloat16 a, __hip_bfloat16 b)
{
    return (__hisnan(a) || __hisnan(b)) ? cutrans_hip_bf16(0x7fffu) : __hmin(a, b);
}

/* ---- math: the float function rounded once (sqrt correctly rounded; floor, ceil, trunc, rint exact) */
CUTRANS_BF16_HD __hip_bfloat16 hsqrt(__hip_bfloat16 h) { return __float2bfloat16(sqrtf((float)h)); }
CUTRANS_BF16_HD __hip_bfloat16 hfloor(__hip_bfloat16 h) { return __float2bfloat16(floorf((float)h)); }
CUTRANS_BF16_HD __hip_bfloat16 hceil(__hip_bfloat16 h) { return __float2bfloat16(ceilf((float)h)); }
CUTRANS_BF16_HD __hip_bfloat16 htrunc(__hip_bfloat16 h) { return __float2bfloat16(truncf((float)h)); }
CUTRANS_BF16_HD __hip_bfloat16 hrint(__hip_bfloat16 h) { return __float2bfloat16(rintf((float)h)); }

/* ---- operators (CUDA declares them __host__ __device__); != is the unordered __hneu */
CUTRANS_BF16_HD __hip_bfloat16 operator+(const __hip_bfloat16 &a, const __hip_bfloat16 &b) { return __hadd(a, b); }
CUTRANS_BF16_HD __hip_bfloat16 operator-(const __hip_bfloat16 &a, const __hip_bfloat16 &b) { return __hsub(a, b); }
CUTRANS_BF16_HD __hip_bfloat16 operator*(const __hip_bfloat16 &a, const __hip_bfloat16 &b) { return __hmul(a, b); }
CUTRANS_BF16_HD __hip_bfloat16 operator/(const __hip_bfloat16 &a, const __hip_bfloat16 &b) { return __hdiv(a, b); }
CUTRANS_BF16_HD __hip_bfloat16 operator-(const __hip_bfloat16 &a) { return __hneg(a); }
CUTRANS_BF16_HD __hip_bfloat16 operator+(const __hip_bfloat16 &a) { return a; }
CUTRANS_BF16_HD __hip_bfloat16 &operator+=(__hip_bfloat16 &a, const __hip_bfloat16 &b) { return a = __hadd(a, b); }
CUTRANS_BF16_HD __hip_bfloat16 &operator-=(__hip_bfloat16 &a, const __hip_bfloat16 &b) { return a = __hsub(a, b); }
CUTRANS_BF16_HD __hip_bfloat16 &operator*=(__hip_bfloat16 &a, const __hip_bfloat16 &b) { return a = __hmul(a, b); }
CUTRANS_BF16_HD __hip_bfloat16 &operator/=(__hip_bfloat16 &a, const __hip_bfloat16 &b) { return a = __hdiv(a, b); }
CUTRANS_BF16_HD __hip_bfloat16 &operator++(__hip_bfloat16 &a) { return a = __hadd(a, cutrans_hip_bf16(0x3f80u)); }
CUTRANS_BF16_HD __hip_bfloat16 &operator--(__hip_bfloat16 &a) { return a = __hsub(a, cutrans_hip_bf16(0x3f80u)); }
CUTRANS_BF16_HD __hip_bfloat16 operator++(__hip_bfloat16 &a, int) { const __hip_bfloat16 old = a; ++a; return old; }
CUTRANS_BF16_HD __hip_bfloat16 operator--(__hip_bfloat16 &a, int) { const __hip_bfloat16 old = a; --a; return old; }
CUTRANS_BF16_HD bool operator==(const __hip_bfloat16 &a, const __hip_bfloat16 &b) { return __heq(a, b); }
CUTRANS_BF16_HD bool operator!=(const __hip_bfloat16 &a, const __hip_bfloat16 &b) { return __hneu(a, b); }
CUTRANS_BF16_HD bool operator<(const __hip_bfloat16 &a, const __hip_bfloat16 &b) { return __hlt(a, b); }
CUTRANS_BF16_HD bool operator<=(const __hip_bfloat16 &a, const __hip_bfloat16 &b) { return __hle(a, b); }
CUTRANS_BF16_HD bool operator>(const __hip_bfloat16 &a, const __hip_bfloat16 &b) { return __hgt(a, b); }
CUTRANS_BF16_HD bool operator>=(const __hip_bfloat16 &a, const __hip_bfloat16 &b) { return __hge(a, b); }

/* ---- __hip_bfloat162: x is the low lane, y the high one */
CUTRANS_BF16_HD __hip_bfloat162 make_bfloat162(__hip_bfloat16 a, __hip_bfloat16 b) { return __hip_bfloat162(a, b); }
CUTRANS_BF16_HD __hip_bfloat162 __halves2bfloat162(__hip_bfloat16 a, __hip_bfloat16 b) { return __hip_bfloat162(a, b); }
CUTRANS_BF16_HD __hip_bfloat162 __bfloat162bfloat162(__hip_bfloat16 a) { return __hip_bfloat162(a, a); }
CUTRANS_BF16_HD __hip_bfloat162 __float2bfloat162_rn(float f) { return __bfloat162bfloat162(__float2bfloat16_rn(f)); }
CUTRANS_BF16_HD __hip_bfloat162 __floats2bfloat162_rn(float a, float b) { return __hip_bfloat162(__float2bfloat16_rn(a), __float2bfloat16_rn(b)); }
CUTRANS_BF16_HD __hip_bfloat162 __float22bfloat162_rn(float2 v) { return __floats2bfloat162_rn(v.x, v.y); }
CUTRANS_BF16_HD float2 __bfloat1622float2(__hip_bfloat162 h) { return make_float2((float)h.x, (float)h.y); }
CUTRANS_BF16_HD __hip_bfloat16 __low2bfloat16(__hip_bfloat162 h) { return h.x; }
CUTRANS_BF16_HD __hip_bfloat16 __high2bfloat16(__hip_bfloat162 h) { return h.y; }
CUTRANS_BF16_HD float __low2float(__hip_bfloat162 h) { return (float)h.x; }
CUTRANS_BF16_HD float __high2float(__hip_bfloat162 h) { return (float)h.y; }
CUTRANS_BF16_HD __hip_bfloat162 __lows2bfloat162(__hip_bfloat162 a, __hip_bfloat162 b) { return __hip_bfloat162(a.x, b.x); }
CUTRANS_BF16_HD __hip_bfloat162 __highs2bfloat162(__hip_bfloat162 a, __hip_bfloat162 b) { return __hip_bfloat162(a.y, b.y); }
CUTRANS_BF16_HD __hip_bfloat162 __low2bfloat162(__hip_bfloat162 a) { return __hip_bfloat162(a.x, a.x); }
CUTRANS_BF16_HD __hip_bfloat162 __high2bfloat162(__hip_bfloat162 a) { return __hip_bfloat162(a.y, a.y); }
CUTRANS_BF16_HD __hip_bfloat162 __lowhigh2highlow(__hip_bfloat162 a) { return __hip_bfloat162(a.y, a.x); }

#define CUTRANS_HIP_BF162_LANES(name, scalar)                                                          \
    CUTRANS_BF16_HD __hip_bfloat162 name(__hip_bfloat162 a, __hip_bfloat162 b)                         \
    {                                                                                                  \
        return __hip_bfloat162(scalar(a.x, b.x), scalar(a.y, b.y));                                    \
    }
CUTRANS_HIP_BF162_LANES(__hadd2, __hadd)
CUTRANS_HIP_BF162_LANES(__hsub2, __hsub)
CUTRANS_HIP_BF162_LANES(__hmul2, __hmul)
CUTRANS_HIP_BF162_LANES(__hadd2_rn, __hadd_rn)
CUTRANS_HIP_BF162_LANES(__hsub2_rn, __hsub_rn)
CUTRANS_HIP_BF162_LANES(__hmul2_rn, __hmul_rn)
CUTRANS_HIP_BF162_LANES(__h2div, __hdiv)
CUTRANS_HIP_BF162_LANES(__hmax2, __hmax)
CUTRANS_HIP_BF162_LANES(__hmin2, __hmin)
#undef CUTRANS_HIP_BF162_LANES
CUTRANS_BF16_HD __hip_bfloat162 __hfma2(__hip_bfloat162 a, __hip_bfloat162 b, __hip_bfloat162 c)
{
    return __hip_bfloat162(__hfma(a.x, b.x, c.x), __hfma(a.y, b.y, c.y));
}
CUTRANS_BF16_HD __hip_bfloat162 __hneg2(__hip_bfloat162 a) { return __hip_bfloat162(__hneg(a.x), __hneg(a.y)); }
CUTRANS_BF16_HD __hip_bfloat162 __habs2(__hip_bfloat162 a) { return __hip_bfloat162(__habs(a.x), __habs(a.y)); }
CUTRANS_BF16_HD __hip_bfloat16 cutrans_hip_bf16_flag(bool b) { return cutrans_hip_bf16(b ? 0x3f80u : 0u); }
CUTRANS_BF16_HD __hip_bfloat162 __hisnan2(__hip_bfloat162 a)
{
    return __hip_bfloat162(cutrans_hip_bf16_flag(__hisnan(a.x)), cutrans_hip_bf16_flag(__hisnan(a.y)));
}
/* __h<op>2: 1.0 or 0.0 per lane; __hb<op>2: both lanes true. */
#define CUTRANS_HIP_BF162_COMPARE(op)                                                                  \
    CUTRANS_BF16_HD __hip_bfloat162 __h##op##2(__hip_bfloat162 a, __hip_bfloat162 b)                   \
    {                                                                                                  \
        return __hip_bfloat162(cutrans_hip_bf16_flag(__h##op(a.x, b.x)), cutrans_hip_bf16_flag(__h##op(a.y, b.y))); \
    }                                                                                                  \
    CUTRANS_BF16_HD bool __hb##op##2(__hip_bfloat162 a, __hip_bfloat162 b) { return __h##op(a.x, b.x) && __h##op(a.y, b.y); }
CUTRANS_HIP_BF162_COMPARE(eq)
CUTRANS_HIP_BF162_COMPARE(ne)
CUTRANS_HIP_BF162_COMPARE(lt)
CUTRANS_HIP_BF162_COMPARE(le)
CUTRANS_HIP_BF162_COMPARE(gt)
CUTRANS_HIP_BF162_COMPARE(ge)
CUTRANS_HIP_BF162_COMPARE(equ)
CUTRANS_HIP_BF162_COMPARE(neu)
CUTRANS_HIP_BF162_COMPARE(ltu)
CUTRANS_HIP_BF162_COMPARE(leu)
CUTRANS_HIP_BF162_COMPARE(gtu)
CUTRANS_HIP_BF162_COMPARE(geu)
#undef CUTRANS_HIP_BF162_COMPARE
#define CUTRANS_HIP_BF162_MATH(name) \
    CUTRANS_BF16_HD __hip_bfloat162 h2##name(__hip_bfloat162 a) { return __hip_bfloat162(h##name(a.x), h##name(a.y)); }
CUTRANS_HIP_BF162_MATH(sqrt)
CUTRANS_HIP_BF162_MATH(floor)
CUTRANS_HIP_BF162_MATH(ceil)
CUTRANS_HIP_BF162_MATH(trunc)
CUTRANS_HIP_BF162_MATH(rint)
#undef CUTRANS_HIP_BF162_MATH

CUTRANS_BF16_HD __hip_bfloat162 operator+(const __hip_bfloat162 &a, const __hip_bfloat162 &b) { return __hadd2(a, b); }
CUTRANS_BF16_HD __hip_bfloat162 operator-(const __hip_bfloat162 &a, const __hip_bfloat162 &b) { return __hsub2(a, b); }
CUTRANS_BF16_HD __hip_bfloat162 operator*(const __hip_bfloat162 &a, const __hip_bfloat162 &b) { return __hmul2(a, b); }
CUTRANS_BF16_HD __hip_bfloat162 operator/(const __hip_bfloat162 &a, const __hip_bfloat162 &b) { return __h2div(a, b); }
CUTRANS_BF16_HD __hip_bfloat162 operator-(const __hip_bfloat162 &a) { return __hneg2(a); }
CUTRANS_BF16_HD __hip_bfloat162 operator+(const __hip_bfloat162 &a) { return a; }
CUTRANS_BF16_HD __hip_bfloat162 &operator+=(__hip_bfloat162 &a, const __hip_bfloat162 &b) { return a = __hadd2(a, b); }
CUTRANS_BF16_HD __hip_bfloat162 &operator-=(__hip_bfloat162 &a, const __hip_bfloat162 &b) { return a = __hsub2(a, b); }
CUTRANS_BF16_HD __hip_bfloat162 &operator*=(__hip_bfloat162 &a, const __hip_bfloat162 &b) { return a = __hmul2(a, b); }
CUTRANS_BF16_HD __hip_bfloat162 &operator/=(__hip_bfloat162 &a, const __hip_bfloat162 &b) { return a = __h2div(a, b); }
CUTRANS_BF16_HD __hip_bfloat162 &operator++(__hip_bfloat162 &a) { return a = __hadd2(a, __bfloat162bfloat162(cutrans_hip_bf16(0x3f80u))); }
CUTRANS_BF16_HD __hip_bfloat162 &operator--(__hip_bfloat162 &a) { return a = __hsub2(a, __bfloat162bfloat162(cutrans_hip_bf16(0x3f80u))); }
CUTRANS_BF16_HD __hip_bfloat162 operator++(__hip_bfloat162 &a, int) { const __hip_bfloat162 old = a; ++a; return old; }
CUTRANS_BF16_HD __hip_bfloat162 operator--(__hip_bfloat162 &a, int) { const __hip_bfloat162 old = a; --a; return old; }
CUTRANS_BF16_HD bool operator==(const __hip_bfloat162 &a, const __hip_bfloat162 &b) { return __hbeq2(a, b); }
CUTRANS_BF16_HD bool operator!=(const __hip_bfloat162 &a, const __hip_bfloat162 &b) { return __hbneu2(a, b); }
CUTRANS_BF16_HD bool operator<(const __hip_bfloat162 &a, const __hip_bfloat162 &b) { return __hblt2(a, b); }
CUTRANS_BF16_HD bool operator<=(const __hip_bfloat162 &a, const __hip_bfloat162 &b) { return __hble2(a, b); }
CUTRANS_BF16_HD bool operator>(const __hip_bfloat162 &a, const __hip_bfloat162 &b) { return __hbgt2(a, b); }
CUTRANS_BF16_HD bool operator>=(const __hip_bfloat162 &a, const __hip_bfloat162 &b) { return __hbge2(a, b); }

#define HIPRT_INF_BF16 __ushort_as_bfloat16((unsigned short)0x7F80U)
#define HIPRT_NAN_BF16 __ushort_as_bfloat16((unsigned short)0x7FFFU)
#define HIPRT_MIN_DENORM_BF16 __ushort_as_bfloat16((unsigned short)0x0001U)
#define HIPRT_MAX_NORMAL_BF16 __ushort_as_bfloat16((unsigned short)0x7F7FU)
#define HIPRT_NEG_ZERO_BF16 __ushort_as_bfloat16((unsigned short)0x8000U)
#define HIPRT_ZERO_BF16 __ushort_as_bfloat16((unsigned short)0x0000U)
#define HIPRT_ONE_BF16 __ushort_as_bfloat16((unsigned short)0x3F80U)

#undef CUTRANS_BF16_HD
#endif /* own definitions */

#ifndef __CUDA_BF16_H__     /* CUDA's names, which the translation keeps (the CPU run of HIP output has them) */
typedef __hip_bfloat16 __nv_bfloat16;
typedef __hip_bfloat162 __nv_bfloat162;
typedef __hip_bfloat16 nv_bfloat16;
typedef __hip_bfloat162 nv_bfloat162;
#endif

/* atomicAdd on bfloat16 and pairs of them (cutrans_hip_atomic16.h) */
template <> struct cutrans_float16_atomic<__nv_bfloat16> {
    static constexpr int lanes = 1;
    typedef __nv_bfloat16 element;
};
template <> struct cutrans_float16_atomic<__nv_bfloat162> {
    static constexpr int lanes = 2;
    typedef __nv_bfloat16 element;
};

#pragma pop_macro("__hmax")
#pragma pop_macro("__hmin")
#pragma pop_macro("__hmax2")
#pragma pop_macro("__hmin2")
#pragma pop_macro("__shfl_sync")
#pragma pop_macro("__shfl_up_sync")
#pragma pop_macro("__shfl_down_sync")
#pragma pop_macro("__shfl_xor_sync")
#pragma pop_macro("__activemask")
#pragma pop_macro("__syncwarp")
#pragma pop_macro("__ballot_sync")
#pragma pop_macro("__any_sync")
#pragma pop_macro("__all_sync")

#ifdef __hmax
/* cutrans_hip_compat.h's __hmax... macros call cutrans_hmax... (written for __half): a bfloat16 goes on to
 * its own function, named in parentheses so that the macro does not apply. */
__host__ __device__ static inline __nv_bfloat16 cutrans_hmax(__nv_bfloat16 a, __nv_bfloat16 b) { return (__hmax)(a, b); }
__host__ __device__ static inline __nv_bfloat16 cutrans_hmin(__nv_bfloat16 a, __nv_bfloat16 b) { return (__hmin)(a, b); }
__host__ __device__ static inline __nv_bfloat162 cutrans_hmax2(__nv_bfloat162 a, __nv_bfloat162 b) { return (__hmax2)(a, b); }
__host__ __device__ static inline __nv_bfloat162 cutrans_hmin2(__nv_bfloat162 a, __nv_bfloat162 b) { return (__hmin2)(a, b); }
#endif
#endif /* CUTRANS_HIP_BF16_H */
