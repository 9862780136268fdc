// bfloat16 for the CPU emulation: __nv_bfloat16 and __nv_bfloat162 stored as the 16 bits NVIDIA GPUs use.
//
// Conversions are bit-exact (cuemu/bf16_bits.h): float to bfloat16 rounds on the 16 dropped bits, and a
// double or a 64-bit integer is rounded once from its exact value (CUDA gets the same result by rounding
// to odd in float first). Each of +, -, *, / and sqrt computes in float and rounds once to bfloat16:
// float carries 24 significand bits, at least 2 * 8 + 2, so the float result rounded to bfloat16 is the
// correctly rounded bfloat16 result (the double rounding cannot go wrong), and float's exponent range is
// bfloat16's, its subnormals 16 bits finer. Fused multiply-add is rounded once (see bf16_bits::fma).
// NaN results are the canonical NaN 0x7fff, as on the GPU. As CUDA's, this header brings in cuda_fp16.h.
#pragma once

#ifndef __CUDA_BF16_H__
#define __CUDA_BF16_H__   // CUDA's own guard, which programs test
#endif
#define __CUDA_BF16_HPP__

#include <limits>

#include "cuda_fp16.h"
#include "cuemu/bf16_bits.h"

struct __nv_bfloat16_raw {
    unsigned short x;
};

struct alignas(4) __nv_bfloat162_raw {
    unsigned short x;
    unsigned short y;
};

struct alignas(2) __nv_bfloat16 {
    unsigned short __x;

    __nv_bfloat16() = default;
    constexpr __nv_bfloat16(__nv_bfloat16_raw raw) : __x(raw.x) {}
    explicit __nv_bfloat16(__half h) : __x(cuemu::bf16_bits::from_float(static_cast<float>(h))) {}
    __nv_bfloat16(float f) : __x(cuemu::bf16_bits::from_float(f)) {}
    __nv_bfloat16(double d) : __x(cuemu::bf16_bits::from_double(d)) {}
    __nv_bfloat16(short i) : __x(cuemu::bf16_bits::from_integer(i)) {}
    __nv_bfloat16(unsigned short i) : __x(cuemu::bf16_bits::from_unsigned(i)) {}
    __nv_bfloat16(int i) : __x(cuemu::bf16_bits::from_integer(i)) {}
    __nv_bfloat16(unsigned int i) : __x(cuemu::bf16_bits::from_unsigned(i)) {}
    __nv_bfloat16(long i) : __x(cuemu::bf16_bits::from_integer(i)) {}
    __nv_bfloat16(unsigned long i) : __x(cuemu::bf16_bits::from_unsigned(i)) {}
    __nv_bfloat16(long long i) : __x(cuemu::bf16_bits::from_integer(i)) {}
    __nv_bfloat16(unsigned long long i) : __x(cuemu::bf16_bits::from_unsigned(i)) {}
    operator float() const { return cuemu::bf16_bits::to_float(__x); }
    operator __nv_bfloat16_raw() const { return __nv_bfloat16_raw{__x}; }
    __nv_bfloat16 &operator=(__nv_bfloat16_raw raw) { __x = raw.x; return *this; }
    __nv_bfloat16 &operator=(float f) { __x = cuemu::bf16_bits::from_float(f); return *this; }
    __nv_bfloat16 &operator=(double d) { __x = cuemu::bf16_bits::from_double(d); return *this; }
    // CUDA assigns integers too (so `h = 0;` is not ambiguous between float and double), rounding once.
    __nv_bfloat16 &operator=(short i) { return *this = __nv_bfloat16(i); }
    __nv_bfloat16 &operator=(unsigned short i) { return *this = __nv_bfloat16(i); }
    __nv_bfloat16 &operator=(int i) { return *this = __nv_bfloat16(i); }
    __nv_bfloat16 &operator=(unsigned int i) { return *this = __nv_bfloat16(i); }
    __nv_bfloat16 &operator=(long long i) { return *this = __nv_bfloat16(i); }
    __nv_bfloat16 &operator=(unsigned long long i) { return *this = __nv_bfloat16(i); }
};

struct alignas(4) __nv_bfloat162 {
    __nv_bfloat16 x;
    __nv_bfloat16 y;

    __nv_bfloat162() = default;
    constexpr __nv_bfloat162(__nv_bfloat16 a, __nv_bfloat16 b) : x(a), y(b) {}
    __nv_bfloat162(__nv_bfloat162_raw raw) : x(__nv_bfloat16_raw{raw.x}), y(__nv_bfloat16_raw{raw.y}) {}
    operator __nv_bfloat162_raw() const { return __nv_bfloat162_raw{x.__x, y.__x}; }
};

typedef __nv_bfloat16 nv_bfloat16;
typedef __nv_bfloat162 nv_bfloat162;

namespace cuemu {
namespace bf16_ops {

inline __nv_bfloat16 make(std::uint16_t bits) { return __nv_bfloat16(__nv_bfloat16_raw{bits}); }
inline float f(__nv_bfloat16 h) { return bf16_bits::to_float(h.__x); }
inline __nv_bfloat16 round(float v, bf16_bits::Mode mode = bf16_bits::rn) { return make(bf16_bits::from_float(v, mode)); }
inline __nv_bfloat16 flag(bool b) { return make(b ? bf16_bits::k_one : 0); }

// bfloat16 to integer as the GPU's cvt does it: toward zero, out-of-range values saturate, and NaN gives
// 0, or 2^63 for the 64-bit types.
template <class I>
I to_integer(__nv_bfloat16 h)
{
    if (bf16_bits::is_nan(h.__x)) {
        return sizeof(I) == 8 ? static_cast<I>(1ull << 63) : I(0);
    }
    const float v = std::trunc(f(h));
    if (v <= static_cast<float>(std::numeric_limits<I>::min())) {
        return std::numeric_limits<I>::min();
    }
    if (v >= static_cast<float>(std::numeric_limits<I>::max())) {
        return std::numeric_limits<I>::max();
    }
    return static_cast<I>(v);
}

}  // namespace bf16_ops
}  // namespace cuemu

// ---- conversions
inline __nv_bfloat16 __float2bfloat16(float f) { return cuemu::bf16_ops::round(f); }
inline __nv_bfloat16 __float2bfloat16_rn(float f) { return cuemu::bf16_ops::round(f); }
inline __nv_bfloat16 __float2bfloat16_rz(float f) { return cuemu::bf16_ops::round(f, cuemu::bf16_bits::rz); }
inline __nv_bfloat16 __float2bfloat16_rd(float f) { return cuemu::bf16_ops::round(f, cuemu::bf16_bits::rd); }
inline __nv_bfloat16 __float2bfloat16_ru(float f) { return cuemu::bf16_ops::round(f, cuemu::bf16_bits::ru); }
inline __nv_bfloat16 __double2bfloat16(double d) { return cuemu::bf16_ops::make(cuemu::bf16_bits::from_double(d)); }
inline float __bfloat162float(__nv_bfloat16 h) { return cuemu::bf16_ops::f(h); }
inline __nv_bfloat16 __int2bfloat16_rn(int i) { return __nv_bfloat16(i); }
inline __nv_bfloat16 __uint2bfloat16_rn(unsigned i) { return __nv_bfloat16(i); }
inline __nv_bfloat16 __short2bfloat16_rn(short i) { return __nv_bfloat16(i); }
inline __nv_bfloat16 __ushort2bfloat16_rn(unsigned short i) { return __nv_bfloat16(i); }
inline __nv_bfloat16 __ll2bfloat16_rn(long long i) { return __nv_bfloat16(i); }
inline __nv_bfloat16 __ull2bfloat16_rn(unsigned long long i) { return __nv_bfloat16(i); }
inline int __bfloat162int_rz(__nv_bfloat16 h) { return cuemu::bf16_ops::to_integer<int>(h); }
inline unsigned __bfloat162uint_rz(__nv_bfloat16 h) { return cuemu::bf16_ops::to_integer<unsigned>(h); }
inline short __bfloat162short_rz(__nv_bfloat16 h) { return cuemu::bf16_ops::to_integer<short>(h); }
inline unsigned short __bfloat162ushort_rz(__nv_bfloat16 h) { return cuemu::bf16_ops::to_integer<unsigned short>(h); }
inline long long __bfloat162ll_rz(__nv_bfloat16 h) { return cuemu::bf16_ops::to_integer<long long>(h); }
inline unsigned long long __bfloat162ull_rz(__nv_bfloat16 h) { return cuemu::bf16_ops::to_integer<unsigned long long>(h); }
inline signed char __bfloat162char_rz(__nv_bfloat16 h) { return cuemu::bf16_ops::to_integer<signed char>(h); }
inline unsigned char __bfloat162uchar_rz(__nv_bfloat16 h) { return cuemu::bf16_ops::to_integer<unsigned char>(h); }

inline unsigned short __bfloat16_as_ushort(__nv_bfloat16 h) { return h.__x; }
inline short __bfloat16_as_short(__nv_bfloat16 h) { return static_cast<short>(h.__x); }
inline __nv_bfloat16 __ushort_as_bfloat16(unsigned short u) { return cuemu::bf16_ops::make(u); }
inline __nv_bfloat16 __short_as_bfloat16(short s) { return cuemu::bf16_ops::make(static_cast<std::uint16_t>(s)); }

// ---- arithmetic on __nv_bfloat16
inline __nv_bfloat16 __hadd(__nv_bfloat16 a, __nv_bfloat16 b) { return cuemu::bf16_ops::round(__bfloat162float(a) + __bfloat162float(b)); }
inline __nv_bfloat16 __hsub(__nv_bfloat16 a, __nv_bfloat16 b) { return cuemu::bf16_ops::round(__bfloat162float(a) - __bfloat162float(b)); }
inline __nv_bfloat16 __hmul_rn(__nv_bfloat16 a, __nv_bfloat16 b) { return cuemu::bf16_ops::round(__bfloat162float(a) * __bfloat162float(b)); }
inline cuemu::product<__nv_bfloat16> __hmul(__nv_bfloat16 a, __nv_bfloat16 b) { return {__hmul_rn(a, b), a, b}; }   // cuemu/contraction.h
inline __nv_bfloat16 __hdiv(__nv_bfloat16 a, __nv_bfloat16 b) { return cuemu::bf16_ops::round(__bfloat162float(a) / __bfloat162float(b)); }
inline __nv_bfloat16 __hadd_rn(__nv_bfloat16 a, __nv_bfloat16 b) { return __hadd(a, b); }
inline __nv_bfloat16 __hsub_rn(__nv_bfloat16 a, __nv_bfloat16 b) { return __hsub(a, b); }
inline __nv_bfloat16 __hfma(__nv_bfloat16 a, __nv_bfloat16 b, __nv_bfloat16 c)
{
    return cuemu::bf16_ops::make(cuemu::bf16_bits::fma(a.__x, b.__x, c.__x));
}
// Negation and absolute value change the sign bit; a NaN becomes the canonical NaN.
inline __nv_bfloat16 __hneg(__nv_bfloat16 a)
{
    return cuemu::bf16_ops::make(cuemu::bf16_bits::is_nan(a.__x) ? cuemu::bf16_bits::k_nan : static_cast<std::uint16_t>(a.__x ^ 0x8000u));
}
inline __nv_bfloat16 __habs(__nv_bfloat16 a)
{
    return cuemu::bf16_ops::make(cuemu::bf16_bits::is_nan(a.__x) ? cuemu::bf16_bits::k_nan : static_cast<std::uint16_t>(a.__x & 0x7fffu));
}

// ---- comparisons: the ordered ones are false and the unordered ones (<op>u) true where a NaN takes part
inline bool __hisnan(__nv_bfloat16 a) { return cuemu::bf16_bits::is_nan(a.__x); }
inline int __hisinf(__nv_bfloat16 a) { return cuemu::bf16_bits::is_inf(a.__x) ? ((a.__x & 0x8000u) ? -1 : 1) : 0; }
inline bool __heq(__nv_bfloat16 a, __nv_bfloat16 b) { return __bfloat162float(a) == __bfloat162float(b); }
inline bool __hne(__nv_bfloat16 a, __nv_bfloat16 b) { return !__hisnan(a) && !__hisnan(b) && __bfloat162float(a) != __bfloat162float(b); }
inline bool __hlt(__nv_bfloat16 a, __nv_bfloat16 b) { return __bfloat162float(a) < __bfloat162float(b); }
inline bool __hle(__nv_bfloat16 a, __nv_bfloat16 b) { return __bfloat162float(a) <= __bfloat162float(b); }
inline bool __hgt(__nv_bfloat16 a, __nv_bfloat16 b) { return __bfloat162float(a) > __bfloat162float(b); }
inline bool __hge(__nv_bfloat16 a, __nv_bfloat16 b) { return __bfloat162float(a) >= __bfloat162float(b); }
inline bool __hequ(__nv_bfloat16 a, __nv_bfloat16 b) { return __hisnan(a) || __hisnan(b) || __heq(a, b); }
inline bool __hneu(__nv_bfloat16 a, __nv_bfloat16 b) { return __bfloat162float(a) != __bfloat162float(b); }
inline bool __hltu(__nv_bfloat16 a, __nv_bfloat16 b) { return !__hge(a, b); }
inline bool __hleu(__nv_bfloat16 a, __nv_bfloat16 b) { return !__hgt(a, b); }
inline bool __hgtu(__nv_bfloat16 a, __nv_bfloat16 b) { return !__hle(a, b); }
inline bool __hgeu(__nv_bfloat16 a, __nv_bfloat16 b) { return !__hlt(a, b); }

// max/min: a NaN operand gives the other one, two NaNs the canonical NaN; max(+0, -0) is +0, min is -0.
inline __nv_bfloat16 __hmax(__nv_bfloat16 a, __nv_bfloat16 b)
{
    if (__hisnan(a) || __hisnan(b)) {
        return __hisnan(a) && __hisnan(b) ? cuemu::bf16_ops::make(cuemu::bf16_bits::k_nan) : (__hisnan(a) ? b : a);
    }
    if (__heq(a, b)) {
        return (a.__x & 0x8000u) ? b : a;
    }
    return __hgt(a, b) ? a : b;
}
inline __nv_bfloat16 __hmin(__nv_bfloat16 a, __nv_bfloat16 b)
{
    if (__hisnan(a) || __hisnan(b)) {
        return __hisnan(a) && __hisnan(b) ? cuemu::bf16_ops::make(cuemu::bf16_bits::k_nan) : (__hisnan(a) ? b : a);
    }
    if (__heq(a, b)) {
        return (a.__x & 0x8000u) ? a : b;
    }
    return __hlt(a, b) ? a : b;
}
// The _nan forms give the canonical NaN when either operand is one.
inline __nv_bfloat16 __hmax_nan(__nv_bfloat16 a, __nv_bfloat16 b)
{
    return (__hisnan(a) || __hisnan(b)) ? cuemu::bf16_ops::make(cuemu::bf16_bits::k_nan) : __hmax(a, b);
}
inline __nv_bfloat16 __hmin_nan(__nv_bfloat16 a, __nv_bfloat16 b)
{
    return (__hisnan(a) || __hisnan(b)) ? cuemu::bf16_ops::make(cuemu::bf16_bits::k_nan) : __hmin(a, b);
}
// The _sat forms clamp to [0, 1] (a NaN result becomes 0, as max/min give).
inline __nv_bfloat16 cuemu_bf16_saturate(__nv_bfloat16 v)
{
    return __hmin(__hmax(v, cuemu::bf16_ops::make(0)), cuemu::bf16_ops::make(cuemu::bf16_bits::k_one));
}
inline __nv_bfloat16 __hadd_sat(__nv_bfloat16 a, __nv_bfloat16 b) { return cuemu_bf16_saturate(__hadd(a, b)); }
inline __nv_bfloat16 __hsub_sat(__nv_bfloat16 a, __nv_bfloat16 b) { return cuemu_bf16_saturate(__hsub(a, b)); }
inline __nv_bfloat16 __hmul_sat(__nv_bfloat16 a, __nv_bfloat16 b) { return cuemu_bf16_saturate(__hmul_rn(a, b)); }
inline __nv_bfloat16 __hfma_sat(__nv_bfloat16 a, __nv_bfloat16 b, __nv_bfloat16 c) { return cuemu_bf16_saturate(__hfma(a, b, c)); }

// ---- math: the float function rounded once. sqrt is then correctly rounded, floor/ceil/trunc/rint exact
// (an integer-valued bfloat16 stays representable); the others are as close as the float function.
#define CUEMU_BF16_MATH(name, expr)                                                                   \
    inline __nv_bfloat16 name(__nv_bfloat16 h) { const float x = __bfloat162float(h); return cuemu::bf16_ops::round(expr); }
CUEMU_BF16_MATH(hsqrt, std::sqrt(x))
CUEMU_BF16_MATH(hrsqrt, 1.0f / std::sqrt(x))
CUEMU_BF16_MATH(hrcp, 1.0f / x)
CUEMU_BF16_MATH(hexp, std::exp(x))
CUEMU_BF16_MATH(hexp2, std::exp2(x))
CUEMU_BF16_MATH(hexp10, std::pow(10.0f, x))
CUEMU_BF16_MATH(hlog, std::log(x))
CUEMU_BF16_MATH(hlog2, std::log2(x))
CUEMU_BF16_MATH(hlog10, std::log10(x))
CUEMU_BF16_MATH(hsin, std::sin(x))
CUEMU_BF16_MATH(hcos, std::cos(x))
CUEMU_BF16_MATH(htanh, std::tanh(x))
CUEMU_BF16_MATH(hfloor, std::floor(x))
CUEMU_BF16_MATH(hceil, std::ceil(x))
CUEMU_BF16_MATH(htrunc, std::trunc(x))
CUEMU_BF16_MATH(hrint, std::nearbyint(x))
#undef CUEMU_BF16_MATH

// ---- operators on __nv_bfloat16 (CUDA declares them __host__ __device__); != is the unordered __hneu
inline __nv_bfloat16 operator+(const __nv_bfloat16 &a, const __nv_bfloat16 &b) { return __hadd(a, b); }
inline __nv_bfloat16 operator-(const __nv_bfloat16 &a, const __nv_bfloat16 &b) { return __hsub(a, b); }
inline cuemu::product<__nv_bfloat16> operator*(const __nv_bfloat16 &a, const __nv_bfloat16 &b) { return __hmul(a, b); }
inline __nv_bfloat16 operator/(const __nv_bfloat16 &a, const __nv_bfloat16 &b) { return __hdiv(a, b); }
inline __nv_bfloat16 operator-(const __nv_bfloat16 &a) { return __hneg(a); }
inline __nv_bfloat16 operator+(const __nv_bfloat16 &a) { return a; }
inline __nv_bfloat16 &operator+=(__nv_bfloat16 &a, const __nv_bfloat16 &b) { return a = __hadd(a, b); }
inline __nv_bfloat16 &operator-=(__nv_bfloat16 &a, const __nv_bfloat16 &b) { return a = __hsub(a, b); }
inline __nv_bfloat16 &operator*=(__nv_bfloat16 &a, const __nv_bfloat16 &b) { return a = __hmul(a, b); }
inline __nv_bfloat16 &operator/=(__nv_bfloat16 &a, const __nv_bfloat16 &b) { return a = __hdiv(a, b); }
inline __nv_bfloat16 &operator++(__nv_bfloat16 &a) { return a = __hadd(a, cuemu::bf16_ops::make(cuemu::bf16_bits::k_one)); }
inline __nv_bfloat16 &operator--(__nv_bfloat16 &a) { return a = __hsub(a, cuemu::bf16_ops::make(cuemu::bf16_bits::k_one)); }
inline __nv_bfloat16 operator++(__nv_bfloat16 &a, int) { const __nv_bfloat16 old = a; ++a; return old; }
inline __nv_bfloat16 operator--(__nv_bfloat16 &a, int) { const __nv_bfloat16 old = a; --a; return old; }
CUEMU_CONTRACTIONS(__nv_bfloat16, __hadd, __hsub, __hfma, __hneg)
inline bool operator==(const __nv_bfloat16 &a, const __nv_bfloat16 &b) { return __heq(a, b); }
inline bool operator!=(const __nv_bfloat16 &a, const __nv_bfloat16 &b) { return __hneu(a, b); }
inline bool operator<(const __nv_bfloat16 &a, const __nv_bfloat16 &b) { return __hlt(a, b); }
inline bool operator<=(const __nv_bfloat16 &a, const __nv_bfloat16 &b) { return __hle(a, b); }
inline bool operator>(const __nv_bfloat16 &a, const __nv_bfloat16 &b) { return __hgt(a, b); }
inline bool operator>=(const __nv_bfloat16 &a, const __nv_bfloat16 &b) { return __hge(a, b); }

// ---- __nv_bfloat162: x is the low lane, y the high one
inline __nv_bfloat162 make_bfloat162(__nv_bfloat16 a, __nv_bfloat16 b) { return __nv_bfloat162(a, b); }
inline __nv_bfloat162 __halves2bfloat162(__nv_bfloat16 a, __nv_bfloat16 b) { return __nv_bfloat162(a, b); }
inline __nv_bfloat162 __bfloat162bfloat162(__nv_bfloat16 a) { return __nv_bfloat162(a, a); }
inline __nv_bfloat162 __float2bfloat162_rn(float f) { return __bfloat162bfloat162(__float2bfloat16_rn(f)); }
inline __nv_bfloat162 __floats2bfloat162_rn(float a, float b) { return __nv_bfloat162(__float2bfloat16_rn(a), __float2bfloat16_rn(b)); }
inline __nv_bfloat162 __float22bfloat162_rn(float2 v) { return __floats2bfloat162_rn(v.x, v.y); }
inline float2 __bfloat1622float2(__nv_bfloat162 h) { return make_float2(__bfloat162float(h.x), __bfloat162float(h.y)); }
inline __nv_bfloat16 __low2bfloat16(__nv_bfloat162 h) { return h.x; }
inline __nv_bfloat16 __high2bfloat16(__nv_bfloat162 h) { return h.y; }
inline float __low2float(__nv_bfloat162 h) { return __bfloat162float(h.x); }
inline float __high2float(__nv_bfloat162 h) { return __bfloat162float(h.y); }
inline __nv_bfloat162 __lows2bfloat162(__nv_bfloat162 a, __nv_bfloat162 b) { return __nv_bfloat162(a.x, b.x); }
inline __nv_bfloat162 __highs2bfloat162(__nv_bfloat162 a, __nv_bfloat162 b) { return __nv_bfloat162(a.y, b.y); }
inline __nv_bfloat162 __low2bfloat162(__nv_bfloat162 a) { return __nv_bfloat162(a.x, a.x); }
inline __nv_bfloat162 __high2bfloat162(__nv_bfloat162 a) { return __nv_bfloat162(a.y, a.y); }
inline __nv_bfloat162 __lowhigh2highlow(__nv_bfloat162 a) { return __nv_bfloat162(a.y, a.x); }

#define CUEMU_BF162_BINARY(name, scalar) \
    inline __nv_bfloat162 name(__nv_bfloat162 a, __nv_bfloat162 b) { return __nv_bfloat162(scalar(a.x, b.x), scalar(a.y, b.y)); }
CUEMU_BF162_BINARY(__hadd2, __hadd)
CUEMU_BF162_BINARY(__hsub2, __hsub)
CUEMU_BF162_BINARY(__hadd2_rn, __hadd)
CUEMU_BF162_BINARY(__hsub2_rn, __hsub)
CUEMU_BF162_BINARY(__hmul2_rn, __hmul_rn)
CUEMU_BF162_BINARY(__h2div, __hdiv)
CUEMU_BF162_BINARY(__hmax2, __hmax)
CUEMU_BF162_BINARY(__hmin2, __hmin)
CUEMU_BF162_BINARY(__hmax2_nan, __hmax_nan)
CUEMU_BF162_BINARY(__hmin2_nan, __hmin_nan)
CUEMU_BF162_BINARY(__hadd2_sat, __hadd_sat)
CUEMU_BF162_BINARY(__hsub2_sat, __hsub_sat)
CUEMU_BF162_BINARY(__hmul2_sat, __hmul_sat)
#undef CUEMU_BF162_BINARY
inline cuemu::product<__nv_bfloat162> __hmul2(__nv_bfloat162 a, __nv_bfloat162 b) { return {__hmul2_rn(a, b), a, b}; }
inline __nv_bfloat162 __hfma2(__nv_bfloat162 a, __nv_bfloat162 b, __nv_bfloat162 c) { return __nv_bfloat162(__hfma(a.x, b.x, c.x), __hfma(a.y, b.y, c.y)); }
inline __nv_bfloat162 __hfma2_sat(__nv_bfloat162 a, __nv_bfloat162 b, __nv_bfloat162 c) { return __nv_bfloat162(__hfma_sat(a.x, b.x, c.x), __hfma_sat(a.y, b.y, c.y)); }
inline __nv_bfloat162 __hneg2(__nv_bfloat162 a) { return __nv_bfloat162(__hneg(a.x), __hneg(a.y)); }
inline __nv_bfloat162 __habs2(__nv_bfloat162 a) { return __nv_bfloat162(__habs(a.x), __habs(a.y)); }

// comparisons: __h<op>2 gives 1.0 or 0.0 per lane, __hb<op>2 whether both lanes compare true.
#define CUEMU_BF162_COMPARE(op)                                                                                   \
    inline __nv_bfloat162 __h##op##2(__nv_bfloat162 a, __nv_bfloat162 b)                                          \
    {                                                                                                             \
        return __nv_bfloat162(cuemu::bf16_ops::flag(__h##op(a.x, b.x)), cuemu::bf16_ops::flag(__h##op(a.y, b.y))); \
    }                                                                                                             \
    inline bool __hb##op##2(__nv_bfloat162 a, __nv_bfloat162 b) { return __h##op(a.x, b.x) && __h##op(a.y, b.y); }
CUEMU_BF162_COMPARE(eq)
CUEMU_BF162_COMPARE(ne)
CUEMU_BF162_COMPARE(lt)
CUEMU_BF162_COMPARE(le)
CUEMU_BF162_COMPARE(gt)
CUEMU_BF162_COMPARE(ge)
CUEMU_BF162_COMPARE(equ)
CUEMU_BF162_COMPARE(neu)
CUEMU_BF162_COMPARE(ltu)
CUEMU_BF162_COMPARE(leu)
CUEMU_BF162_COMPARE(gtu)
CUEMU_BF162_COMPARE(geu)
#undef CUEMU_BF162_COMPARE
inline __nv_bfloat162 __hisnan2(__nv_bfloat162 a) { return __nv_bfloat162(cuemu::bf16_ops::flag(__hisnan(a.x)), cuemu::bf16_ops::flag(__hisnan(a.y))); }

#define CUEMU_BF162_MATH(name) \
    inline __nv_bfloat162 h2##name(__nv_bfloat162 a) { return __nv_bfloat162(h##name(a.x), h##name(a.y)); }
CUEMU_BF162_MATH(sqrt)
CUEMU_BF162_MATH(rsqrt)
CUEMU_BF162_MATH(rcp)
CUEMU_BF162_MATH(exp)
CUEMU_BF162_MATH(exp2)
CUEMU_BF162_MATH(exp10)
CUEMU_BF162_MATH(log)
CUEMU_BF162_MATH(log2)
CUEMU_BF162_MATH(log10)
CUEMU_BF162_MATH(sin)
CUEMU_BF162_MATH(cos)
CUEMU_BF162_MATH(floor)
CUEMU_BF162_MATH(ceil)
CUEMU_BF162_MATH(trunc)
CUEMU_BF162_MATH(rint)
#undef CUEMU_BF162_MATH

inline __nv_bfloat162 operator+(const __nv_bfloat162 &a, const __nv_bfloat162 &b) { return __hadd2(a, b); }
inline __nv_bfloat162 operator-(const __nv_bfloat162 &a, const __nv_bfloat162 &b) { return __hsub2(a, b); }
inline cuemu::product<__nv_bfloat162> operator*(const __nv_bfloat162 &a, const __nv_bfloat162 &b) { return __hmul2(a, b); }
inline __nv_bfloat162 operator/(const __nv_bfloat162 &a, const __nv_bfloat162 &b) { return __h2div(a, b); }
inline __nv_bfloat162 operator-(const __nv_bfloat162 &a) { return __hneg2(a); }
inline __nv_bfloat162 operator+(const __nv_bfloat162 &a) { return a; }
inline __nv_bfloat162 &operator+=(__nv_bfloat162 &a, const __nv_bfloat162 &b) { return a = __hadd2(a, b); }
inline __nv_bfloat162 &operator-=(__nv_bfloat162 &a, const __nv_bfloat162 &b) { return a = __hsub2(a, b); }
inline __nv_bfloat162 &operator*=(__nv_bfloat162 &a, const __nv_bfloat162 &b) { return a = __hmul2(a, b); }
inline __nv_bfloat162 &operator/=(__nv_bfloat162 &a, const __nv_bfloat162 &b) { return a = __h2div(a, b); }
inline __nv_bfloat162 &operator++(__nv_bfloat162 &a) { return a = __hadd2(a, __bfloat162bfloat162(cuemu::bf16_ops::make(cuemu::bf16_bits::k_one))); }
inline __nv_bfloat162 &operator--(__nv_bfloat162 &a) { return a = __hsub2(a, __bfloat162bfloat162(cuemu::bf16_ops::make(cuemu::bf16_bits::k_one))); }
inline __nv_bfloat162 operator++(__nv_bfloat162 &a, int) { const __nv_bfloat162 old = a; ++a; return old; }
inline __nv_bfloat162 operator--(__nv_bfloat162 &a, int) { const __nv_bfloat162 old = a; --a; return old; }
CUEMU_CONTRACTIONS(__nv_bfloat162, __hadd2, __hsub2, __hfma2, __hneg2)
inline bool operator==(const __nv_bfloat162 &a, const __nv_bfloat162 &b) { return __hbeq2(a, b); }
inline bool operator!=(const __nv_bfloat162 &a, const __nv_bfloat162 &b) { return __hbneu2(a, b); }
inline bool operator<(const __nv_bfloat162 &a, const __nv_bfloat162 &b) { return __hblt2(a, b); }
inline bool operator<=(const __nv_bfloat162 &a, const __nv_bfloat162 &b) { return __hble2(a, b); }
inline bool operator>(const __nv_bfloat162 &a, const __nv_bfloat162 &b) { return __hbgt2(a, b); }
inline bool operator>=(const __nv_bfloat162 &a, const __nv_bfloat162 &b) { return __hbge2(a, b); }

// atomicAdd, __ldg and the warp shuffles are templates in the emulation and take bfloat16s as they are.

#define CUDART_INF_BF16 __ushort_as_bfloat16((unsigned short)0x7F80U)
#define CUDART_NAN_BF16 __ushort_as_bfloat16((unsigned short)0x7FFFU)
#define CUDART_MIN_DENORM_BF16 __ushort_as_bfloat16((unsigned short)0x0001U)
#define CUDART_MAX_NORMAL_BF16 __ushort_as_bfloat16((unsigned short)0x7F7FU)
#define CUDART_NEG_ZERO_BF16 __ushort_as_bfloat16((unsigned short)0x8000U)
#define CUDART_ZERO_BF16 __ushort_as_bfloat16((unsigned short)0x0000U)
#define CUDART_ONE_BF16 __ushort_as_bfloat16((unsigned short)0x3F80U)
