// Half precision for the CPU emulation: __half and __half2 stored as IEEE binary16 bits.
//
// Conversions are bit-exact (cuemu/half_bits.h). Each arithmetic operation computes in float and rounds
// once to half: float holds 24 bits, at least 2 * 11 + 2, so +, -, *, / and sqrt of halves round
// exactly as a direct binary16 operation would. Fused multiply-add is computed exactly in integers and
// rounded once. NaN results are the canonical NaN 0x7fff, as on NVIDIA GPUs.
#pragma once

#include <limits>

#include "cuda_runtime.h"
#include "cuemu/contraction.h"
#include "cuemu/half_bits.h"

struct __half_raw {
    unsigned short x;
};

struct __half2_raw {
    unsigned short x;
    unsigned short y;
};

struct alignas(2) __half {
    unsigned short __x;

    __half() = default;
    constexpr __half(__half_raw raw) : __x(raw.x) {}
    __half(float f) : __x(cuemu::half_bits::from_float(f)) {}
    __half(double d) : __x(cuemu::half_bits::from_double(d)) {}
    __half(int i) : __x(cuemu::half_bits::from_integer(i)) {}
    __half(unsigned int i) : __x(cuemu::half_bits::from_unsigned(i)) {}
    __half(long long i) : __x(cuemu::half_bits::from_integer(i)) {}
    __half(unsigned long long i) : __x(cuemu::half_bits::from_unsigned(i)) {}
    __half(short i) : __x(cuemu::half_bits::from_integer(i)) {}
    __half(unsigned short i) : __x(cuemu::half_bits::from_unsigned(i)) {}
    operator float() const { return cuemu::half_bits::to_float(__x); }
    operator __half_raw() const { return __half_raw{__x}; }
    __half &operator=(float f) { __x = cuemu::half_bits::from_float(f); return *this; }
    __half &operator=(double d) { __x = cuemu::half_bits::from_double(d); return *this; }
    // CUDA 12.2's integer assignments (h = rand() % 5): the constructor's rounding
    __half &operator=(int i) { return *this = __half(i); }
    __half &operator=(unsigned int i) { return *this = __half(i); }
    __half &operator=(long long i) { return *this = __half(i); }
    __half &operator=(unsigned long long i) { return *this = __half(i); }
    __half &operator=(short i) { return *this = __half(i); }
    __half &operator=(unsigned short i) { return *this = __half(i); }
};

struct alignas(4) __half2 {
    __half x;
    __half y;

    __half2() = default;
    constexpr __half2(__half a, __half b) : x(a), y(b) {}
    __half2(__half2_raw raw) : x(__half_raw{raw.x}), y(__half_raw{raw.y}) {}
    operator __half2_raw() const { return __half2_raw{x.__x, y.__x}; }
};

typedef __half half;
typedef __half2 half2;

namespace cuemu {
namespace half_ops {

inline __half make(std::uint16_t bits) { return __half(__half_raw{bits}); }
inline float f(__half h) { return half_bits::to_float(h.__x); }
inline __half round(float v, half_bits::Mode mode = half_bits::rn) { return make(half_bits::from_float(v, mode)); }

inline __half2 lanewise(__half2 a, __half2 b, __half (*op)(__half, __half)) { return __half2(op(a.x, b.x), op(a.y, b.y)); }

}  // namespace half_ops
}  // namespace cuemu

// ---- conversions
inline __half __float2half(float f) { return cuemu::half_ops::round(f); }
inline __half __float2half_rn(float f) { return cuemu::half_ops::round(f); }
inline __half __float2half_rz(float f) { return cuemu::half_ops::round(f, cuemu::half_bits::rz); }
inline __half __float2half_rd(float f) { return cuemu::half_ops::round(f, cuemu::half_bits::rd); }
inline __half __float2half_ru(float f) { return cuemu::half_ops::round(f, cuemu::half_bits::ru); }
inline __half __double2half(double d) { return cuemu::half_ops::make(cuemu::half_bits::from_double(d)); }
inline float __half2float(__half h) { return cuemu::half_ops::f(h); }
inline __half __int2half_rn(int i) { return cuemu::half_ops::make(cuemu::half_bits::from_integer(i)); }
inline __half __int2half_rz(int i) { return cuemu::half_ops::make(cuemu::half_bits::from_integer(i, cuemu::half_bits::rz)); }
inline __half __int2half_rd(int i) { return cuemu::half_ops::make(cuemu::half_bits::from_integer(i, cuemu::half_bits::rd)); }
inline __half __int2half_ru(int i) { return cuemu::half_ops::make(cuemu::half_bits::from_integer(i, cuemu::half_bits::ru)); }
inline __half __uint2half_rn(unsigned i) { return cuemu::half_ops::make(cuemu::half_bits::from_unsigned(i)); }
inline __half __ll2half_rn(long long i) { return cuemu::half_ops::make(cuemu::half_bits::from_integer(i)); }
inline __half __short2half_rn(short i) { return cuemu::half_ops::make(cuemu::half_bits::from_integer(i)); }

namespace cuemu {
namespace half_ops {

// Half to integer as cvt does it: NaN gives 0, out-of-range values saturate.
template <class I>
I to_integer(__half h, float (*rounding)(float))
{
    const float v = f(h);
    if (v != v) {
        return 0;
    }
    const float r = rounding(v);
    if (r <= static_cast<float>(std::numeric_limits<I>::min())) {
        return std::numeric_limits<I>::min();
    }
    if (r >= static_cast<float>(std::numeric_limits<I>::max())) {
        return std::numeric_limits<I>::max();
    }
    return static_cast<I>(r);
}

inline float nearest_even(float v) { return std::nearbyint(v); }
inline float toward_zero(float v) { return std::trunc(v); }
inline float down(float v) { return std::floor(v); }
inline float up(float v) { return std::ceil(v); }

}  // namespace half_ops
}  // namespace cuemu

#define CUEMU_HALF_TO_INT(suffix, rounding)                                                                          \
    inline int __half2int_##suffix(__half h) { return cuemu::half_ops::to_integer<int>(h, rounding); }              \
    inline unsigned __half2uint_##suffix(__half h) { return cuemu::half_ops::to_integer<unsigned>(h, rounding); }   \
    inline short __half2short_##suffix(__half h) { return cuemu::half_ops::to_integer<short>(h, rounding); }        \
    inline long long __half2ll_##suffix(__half h) { return cuemu::half_ops::to_integer<long long>(h, rounding); }
CUEMU_HALF_TO_INT(rn, cuemu::half_ops::nearest_even)
CUEMU_HALF_TO_INT(rz, cuemu::half_ops::toward_zero)
CUEMU_HALF_TO_INT(rd, cuemu::half_ops::down)
CUEMU_HALF_TO_INT(ru, cuemu::half_ops::up)
#undef CUEMU_HALF_TO_INT

inline short __half_as_short(__half h) { return static_cast<short>(h.__x); }
inline unsigned short __half_as_ushort(__half h) { return h.__x; }
inline __half __short_as_half(short s) { return cuemu::half_ops::make(static_cast<std::uint16_t>(s)); }
inline __half __ushort_as_half(unsigned short s) { return cuemu::half_ops::make(s); }

// ---- arithmetic and comparisons on __half
inline __half __hadd(__half a, __half b) { return cuemu::half_ops::round(__half2float(a) + __half2float(b)); }
inline __half __hsub(__half a, __half b) { return cuemu::half_ops::round(__half2float(a) - __half2float(b)); }
inline __half __hmul_rn(__half a, __half b) { return cuemu::half_ops::round(__half2float(a) * __half2float(b)); }
inline cuemu::product<__half> __hmul(__half a, __half b) { return {__hmul_rn(a, b), a, b}; }   // cuemu/contraction.h
inline __half __hdiv(__half a, __half b) { return cuemu::half_ops::round(__half2float(a) / __half2float(b)); }
inline __half __hadd_rn(__half a, __half b) { return __hadd(a, b); }
inline __half __hsub_rn(__half a, __half b) { return __hsub(a, b); }
inline __half __hfma(__half a, __half b, __half c) { return cuemu::half_ops::make(cuemu::half_bits::fma(a.__x, b.__x, c.__x)); }
inline __half __hneg(__half a) { return cuemu::half_ops::make(static_cast<std::uint16_t>(a.__x ^ 0x8000u)); }
inline __half __habs(__half a) { return cuemu::half_ops::make(static_cast<std::uint16_t>(a.__x & 0x7fffu)); }
inline __half __hadd_sat(__half a, __half b) { return cuemu::half_ops::round(std::fmin(std::fmax(__half2float(a) + __half2float(b), 0.f), 1.f)); }

inline bool __hisnan(__half a) { return cuemu::half_bits::is_nan(a.__x); }
inline int __hisinf(__half a) { return cuemu::half_bits::is_inf(a.__x) ? ((a.__x & 0x8000) ? -1 : 1) : 0; }
inline bool __heq(__half a, __half b) { return __half2float(a) == __half2float(b); }
inline bool __hne(__half a, __half b) { return !__hisnan(a) && !__hisnan(b) && __half2float(a) != __half2float(b); }
inline bool __hlt(__half a, __half b) { return __half2float(a) < __half2float(b); }
inline bool __hle(__half a, __half b) { return __half2float(a) <= __half2float(b); }
inline bool __hgt(__half a, __half b) { return __half2float(a) > __half2float(b); }
inline bool __hge(__half a, __half b) { return __half2float(a) >= __half2float(b); }
inline bool __hequ(__half a, __half b) { return !(__half2float(a) != __half2float(b)) || __hisnan(a) || __hisnan(b); }
inline bool __hneu(__half a, __half b) { return __half2float(a) != __half2float(b); }
inline bool __hltu(__half a, __half b) { return !(__half2float(a) >= __half2float(b)); }
inline bool __hleu(__half a, __half b) { return !(__half2float(a) > __half2float(b)); }
inline bool __hgtu(__half a, __half b) { return !(__half2float(a) <= __half2float(b)); }
inline bool __hgeu(__half a, __half b) { return !(__half2float(a) < __half2float(b)); }
// max/min return the other operand when one is NaN, and the canonical NaN when both are.
inline __half __hmax(__half a, __half b)
{
    if (__hisnan(a) && __hisnan(b)) {
        return cuemu::half_ops::make(cuemu::half_bits::k_nan);
    }
    if (__heq(a, b)) {                  // +0 and -0: max.f16 gives +0
        return cuemu::half_ops::make((unsigned short)(__half_as_ushort(a) & __half_as_ushort(b)));
    }
    return __hisnan(a) ? b : __hisnan(b) ? a : (__hlt(a, b) ? b : a);
}
inline __half __hmin(__half a, __half b)
{
    if (__hisnan(a) && __hisnan(b)) {
        return cuemu::half_ops::make(cuemu::half_bits::k_nan);
    }
    if (__heq(a, b)) {                  // +0 and -0: min.f16 gives -0
        return cuemu::half_ops::make((unsigned short)(__half_as_ushort(a) | __half_as_ushort(b)));
    }
    return __hisnan(a) ? b : __hisnan(b) ? a : (__hlt(b, a) ? b : a);
}

// ---- math: the float function, rounded once (sqrt is then correctly rounded; the others are as close
// as the float function).
#define CUEMU_HALF_MATH(name, expr)                                                                  \
    inline __half name(__half h) { const float x = __half2float(h); return cuemu::half_ops::round(expr); }
CUEMU_HALF_MATH(hsqrt, std::sqrt(x))
CUEMU_HALF_MATH(hrsqrt, 1.0f / std::sqrt(x))
CUEMU_HALF_MATH(hrcp, 1.0f / x)
CUEMU_HALF_MATH(hexp, std::exp(x))
CUEMU_HALF_MATH(hexp2, std::exp2(x))
CUEMU_HALF_MATH(hexp10, std::pow(10.0f, x))
CUEMU_HALF_MATH(hlog, std::log(x))
CUEMU_HALF_MATH(hlog2, std::log2(x))
CUEMU_HALF_MATH(hlog10, std::log10(x))
CUEMU_HALF_MATH(hsin, std::sin(x))
CUEMU_HALF_MATH(hcos, std::cos(x))
CUEMU_HALF_MATH(htanh, std::tanh(x))
CUEMU_HALF_MATH(hfloor, std::floor(x))
CUEMU_HALF_MATH(hceil, std::ceil(x))
CUEMU_HALF_MATH(htrunc, std::trunc(x))
CUEMU_HALF_MATH(hrint, std::nearbyint(x))
#undef CUEMU_HALF_MATH

// ---- operators on __half
inline __half operator+(const __half &a, const __half &b) { return __hadd(a, b); }
inline __half operator-(const __half &a, const __half &b) { return __hsub(a, b); }
inline cuemu::product<__half> operator*(const __half &a, const __half &b) { return __hmul(a, b); }
inline __half operator/(const __half &a, const __half &b) { return __hdiv(a, b); }
inline __half operator-(const __half &a) { return __hneg(a); }
inline __half operator+(const __half &a) { return a; }
inline __half &operator+=(__half &a, const __half &b) { return a = __hadd(a, b); }
inline __half &operator-=(__half &a, const __half &b) { return a = __hsub(a, b); }
inline __half &operator*=(__half &a, const __half &b) { return a = __hmul(a, b); }
inline __half &operator/=(__half &a, const __half &b) { return a = __hdiv(a, b); }
inline __half &operator++(__half &a) { return a = __hadd(a, __half(1.0f)); }
inline __half &operator--(__half &a) { return a = __hsub(a, __half(1.0f)); }
inline __half operator++(__half &a, int) { const __half old = a; ++a; return old; }
inline __half operator--(__half &a, int) { const __half old = a; --a; return old; }
CUEMU_CONTRACTIONS(__half, __hadd, __hsub, __hfma, __hneg)
inline bool operator==(const __half &a, const __half &b) { return __heq(a, b); }
inline bool operator!=(const __half &a, const __half &b) { return __hneu(a, b); }
inline bool operator<(const __half &a, const __half &b) { return __hlt(a, b); }
inline bool operator<=(const __half &a, const __half &b) { return __hle(a, b); }
inline bool operator>(const __half &a, const __half &b) { return __hgt(a, b); }
inline bool operator>=(const __half &a, const __half &b) { return __hge(a, b); }

// ---- __half2
inline __half2 make_half2(__half a, __half b) { return __half2(a, b); }
inline __half2 __halves2half2(__half a, __half b) { return __half2(a, b); }
inline __half2 __half2half2(__half a) { return __half2(a, a); }
inline __half2 __float2half2_rn(float f) { return __half2half2(__float2half_rn(f)); }
inline __half2 __floats2half2_rn(float a, float b) { return __half2(__float2half_rn(a), __float2half_rn(b)); }
inline __half2 __float22half2_rn(float2 v) { return __floats2half2_rn(v.x, v.y); }
inline float2 __half22float2(__half2 h) { return make_float2(__half2float(h.x), __half2float(h.y)); }
inline __half __low2half(__half2 h) { return h.x; }
inline __half __high2half(__half2 h) { return h.y; }
inline float __low2float(__half2 h) { return __half2float(h.x); }
inline float __high2float(__half2 h) { return __half2float(h.y); }
inline __half2 __lows2half2(__half2 a, __half2 b) { return __half2(a.x, b.x); }
inline __half2 __highs2half2(__half2 a, __half2 b) { return __half2(a.y, b.y); }
inline __half2 __low2half2(__half2 a) { return __half2(a.x, a.x); }
inline __half2 __high2half2(__half2 a) { return __half2(a.y, a.y); }
inline __half2 __lowhigh2highlow(__half2 a) { return __half2(a.y, a.x); }

inline __half2 __hadd2(__half2 a, __half2 b) { return cuemu::half_ops::lanewise(a, b, __hadd); }
inline __half2 __hsub2(__half2 a, __half2 b) { return cuemu::half_ops::lanewise(a, b, __hsub); }
inline __half2 __hmul2_rn(__half2 a, __half2 b) { return cuemu::half_ops::lanewise(a, b, __hmul_rn); }
inline __half2 __hadd2_rn(__half2 a, __half2 b) { return cuemu::half_ops::lanewise(a, b, __hadd); }
inline __half2 __hsub2_rn(__half2 a, __half2 b) { return cuemu::half_ops::lanewise(a, b, __hsub); }
inline cuemu::product<__half2> __hmul2(__half2 a, __half2 b) { return {__hmul2_rn(a, b), a, b}; }
inline __half2 __h2div(__half2 a, __half2 b) { return cuemu::half_ops::lanewise(a, b, __hdiv); }
inline __half2 __hmax2(__half2 a, __half2 b) { return cuemu::half_ops::lanewise(a, b, __hmax); }
inline __half2 __hmin2(__half2 a, __half2 b) { return cuemu::half_ops::lanewise(a, b, __hmin); }
inline __half2 __hfma2(__half2 a, __half2 b, __half2 c) { return __half2(__hfma(a.x, b.x, c.x), __hfma(a.y, b.y, c.y)); }
inline __half2 __hneg2(__half2 a) { return __half2(__hneg(a.x), __hneg(a.y)); }
inline __half2 __habs2(__half2 a) { return __half2(__habs(a.x), __habs(a.y)); }
// comparisons: __h<op>2 gives 1.0 or 0.0 in each lane, __hb<op>2 whether both lanes compare true; the
// unordered forms (<op>u) are true where a lane holds a NaN, as the scalar ones are.
#define CUEMU_HALF2_COMPARE(op)                                                                      \
    inline __half2 __h##op##2(__half2 a, __half2 b)                                                  \
    {                                                                                                \
        return __half2(__half(__h##op(a.x, b.x) ? 1.0f : 0.0f), __half(__h##op(a.y, b.y) ? 1.0f : 0.0f)); \
    }                                                                                                \
    inline bool __hb##op##2(__half2 a, __half2 b) { return __h##op(a.x, b.x) && __h##op(a.y, b.y); }
CUEMU_HALF2_COMPARE(eq)
CUEMU_HALF2_COMPARE(ne)
CUEMU_HALF2_COMPARE(lt)
CUEMU_HALF2_COMPARE(le)
CUEMU_HALF2_COMPARE(gt)
CUEMU_HALF2_COMPARE(ge)
CUEMU_HALF2_COMPARE(equ)
CUEMU_HALF2_COMPARE(neu)
CUEMU_HALF2_COMPARE(ltu)
CUEMU_HALF2_COMPARE(leu)
CUEMU_HALF2_COMPARE(gtu)
CUEMU_HALF2_COMPARE(geu)
#undef CUEMU_HALF2_COMPARE
inline __half2 __hisnan2(__half2 a) { return __half2(__half(__hisnan(a.x) ? 1.0f : 0.0f), __half(__hisnan(a.y) ? 1.0f : 0.0f)); }
#define CUEMU_HALF2_MATH(name) \
    inline __half2 h2##name(__half2 a) { return __half2(h##name(a.x), h##name(a.y)); }
CUEMU_HALF2_MATH(sqrt)
CUEMU_HALF2_MATH(floor)
CUEMU_HALF2_MATH(ceil)
CUEMU_HALF2_MATH(trunc)
CUEMU_HALF2_MATH(rint)
#undef CUEMU_HALF2_MATH

inline __half2 operator+(const __half2 &a, const __half2 &b) { return __hadd2(a, b); }
inline __half2 operator-(const __half2 &a, const __half2 &b) { return __hsub2(a, b); }
inline cuemu::product<__half2> operator*(const __half2 &a, const __half2 &b) { return __hmul2(a, b); }
inline __half2 operator/(const __half2 &a, const __half2 &b) { return __h2div(a, b); }
inline __half2 operator-(const __half2 &a) { return __hneg2(a); }
inline __half2 &operator+=(__half2 &a, const __half2 &b) { return a = __hadd2(a, b); }
inline __half2 &operator-=(__half2 &a, const __half2 &b) { return a = __hsub2(a, b); }
inline __half2 &operator*=(__half2 &a, const __half2 &b) { return a = __hmul2(a, b); }
inline __half2 &operator/=(__half2 &a, const __half2 &b) { return a = __h2div(a, b); }
inline __half2 operator+(const __half2 &a) { return a; }
inline __half2 &operator++(__half2 &a) { return a = __hadd2(a, __half2half2(__half(1.0f))); }
inline __half2 &operator--(__half2 &a) { return a = __hsub2(a, __half2half2(__half(1.0f))); }
CUEMU_CONTRACTIONS(__half2, __hadd2, __hsub2, __hfma2, __hneg2)
inline bool operator==(const __half2 &a, const __half2 &b) { return __hbeq2(a, b); }
inline bool operator!=(const __half2 &a, const __half2 &b) { return __hbneu2(a, b); }
inline bool operator<(const __half2 &a, const __half2 &b) { return __hblt2(a, b); }
inline bool operator<=(const __half2 &a, const __half2 &b) { return __hble2(a, b); }
inline bool operator>(const __half2 &a, const __half2 &b) { return __hbgt2(a, b); }
inline bool operator>=(const __half2 &a, const __half2 &b) { return __hbge2(a, b); }

// atomicAdd, __ldg and the warp shuffles are templates in the emulation and take __half and __half2 as they are.

#define CUDART_INF_FP16 __ushort_as_half((unsigned short)0x7C00U)
#define CUDART_NAN_FP16 __ushort_as_half((unsigned short)0x7FFFU)
#define CUDART_MIN_DENORM_FP16 __ushort_as_half((unsigned short)0x0001U)
#define CUDART_MAX_NORMAL_FP16 __ushort_as_half((unsigned short)0x7BFFU)
#define CUDART_ONE_FP16 __ushort_as_half((unsigned short)0x3C00U)
#define CUDART_ZERO_FP16 __ushort_as_half((unsigned short)0x0000U)
