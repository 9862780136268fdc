/* __nv_bfloat16 for the host side of a translated program (OpenCL and CPU targets): what a CUDA program's
 * host code uses from <cuda_bf16.h> to fill and read buffers of bfloat16s and to compute reference
 * results with them. A __nv_bfloat16 is the upper 16 bits of an IEEE binary32 (sign, 8 exponent bits,
 * 7 fraction bits), as on the device, so buffers keep their layout.
 *
 * The values are CUDA's. float -> bfloat16 rounds to nearest even on the 16 dropped bits (a NaN becomes
 * the canonical 0x7fff); a double or a 64-bit integer is rounded once from its exact value, not through
 * float. +, -, * and / compute in float and round once to bfloat16, which is the correctly rounded result
 * because float's 24 significand bits are at least 2 * 8 + 2. __hfma rounds a * b + c once. Device
 * arithmetic on bfloat16s is the translator's business, not this header's. As CUDA's, this header
 * brings in the half-precision one. */
#ifndef CUTRANS_BF16_H
#define CUTRANS_BF16_H
#define __CUDA_BF16_H__ /* CUDA's own guard */

#include <cmath>
#include <cstring>

#include "cutrans_fp16.h"

/* ---- bits <-> values */
static inline float cutrans_bf16_value(unsigned short h)
{
    unsigned int u = (unsigned int)h << 16;
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}

static inline unsigned short cutrans_bf16_round_float(float f, int mode) /* mode: 0 nearest, 1 zero, 2 down, 3 up */
{
    unsigned int u;
    std::memcpy(&u, &f, 4);
    if ((u & 0x7fffffffu) > 0x7f800000u) {
        return 0x7fffu;
    }
    unsigned int hi = u >> 16, lo = u & 0xffffu;
    int negative = (u >> 31) != 0;
    int up = mode == 0 ? (lo > 0x8000u || (lo == 0x8000u && (hi & 1u)))
           : mode == 2 ? (lo != 0 && negative)
           : mode == 3 ? (lo != 0 && !negative) : 0;
    return (unsigned short)(hi + (up ? 1u : 0u));
}

/* A double, rounded once to nearest even: the significand is scaled to 8 bits (fewer below 2^-126) and
 * rounded there by nearbyint, which is exact arithmetic on doubles. */
static inline unsigned short cutrans_bf16_round_double(double v)
{
    if (std::isnan(v)) {
        return 0x7fffu;
    }
    unsigned short sign = std::signbit(v) ? 0x8000u : 0u;
    double a = std::fabs(v);
    if (a >= 0x1.ffp127) {                   /* from the tie between the largest finite and 2^128 on: infinity */
        return (unsigned short)(sign | 0x7f80u);
    }
    if (a < 0x1p-126) {                      /* subnormal: a whole number of 2^-133 (128 is the least normal) */
        return (unsigned short)(sign | (unsigned short)std::nearbyint(a * 0x1p133));
    }
    int e;
    double q = std::nearbyint(std::frexp(a, &e) * 256.0);    /* a = q / 128 * 2^(e - 1), q in [128, 256] */
    return (unsigned short)(sign | (unsigned)((e + 125) * 128 + (int)q));   /* q == 256 carries into the exponent */
}

/* A 64-bit magnitude as a double rounded to odd (low bits folded into a sticky bit), so that rounding
 * that double once more to bfloat16 gives the correctly rounded result. */
static inline double cutrans_bf16_odd_double(unsigned long long m)
{
    int shift = 0;
    while (m >> 53) {
        m = (m >> 1) | (m & 1u);
        ++shift;
    }
    return std::ldexp((double)m, shift);
}

static inline unsigned short cutrans_bf16_from_ll(long long v)
{
    unsigned long long m = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    double d = cutrans_bf16_odd_double(m);
    return cutrans_bf16_round_double(v < 0 ? -d : d);
}

struct __nv_bfloat16_raw {
    unsigned short x;
};

struct __nv_bfloat16 {
    unsigned short __x;
    __nv_bfloat16() = default;
    __nv_bfloat16(const __nv_bfloat16_raw &r) : __x(r.x) {}
    explicit __nv_bfloat16(__half h) : __x(cutrans_bf16_round_float((float)h, 0)) {}
    __nv_bfloat16(float f) : __x(cutrans_bf16_round_float(f, 0)) {}
    __nv_bfloat16(double d) : __x(cutrans_bf16_round_double(d)) {}
    __nv_bfloat16(short i) : __x(cutrans_bf16_round_double(i)) {}
    __nv_bfloat16(unsigned short i) : __x(cutrans_bf16_round_double(i)) {}
    __nv_bfloat16(int i) : __x(cutrans_bf16_round_double(i)) {}
    __nv_bfloat16(unsigned int i) : __x(cutrans_bf16_round_double(i)) {}
    __nv_bfloat16(long i) : __x(cutrans_bf16_from_ll(i)) {}
    __nv_bfloat16(unsigned long i) : __x(cutrans_bf16_round_double(cutrans_bf16_odd_double(i))) {}
    __nv_bfloat16(long long i) : __x(cutrans_bf16_from_ll(i)) {}
    __nv_bfloat16(unsigned long long i) : __x(cutrans_bf16_round_double(cutrans_bf16_odd_double(i))) {}
    operator float() const { return cutrans_bf16_value(__x); }
    operator __nv_bfloat16_raw() const { return __nv_bfloat16_raw{__x}; }
    __nv_bfloat16 &operator=(const __nv_bfloat16_raw &r) { __x = r.x; return *this; }
    __nv_bfloat16 &operator=(float f) { __x = cutrans_bf16_round_float(f, 0); return *this; }
    __nv_bfloat16 &operator=(double d) { __x = cutrans_bf16_round_double(d); return *this; }
    __nv_bfloat16 &operator=(short i) { return *this = __nv_bfloat16(i); }   /* integers, as CUDA's */
    __nv_bfloat16 &operator=(unsigned short i) { return *this = __nv_bfloat16(i); }
    __nv_bfloat16 &operator=(int i) { return *this = __nv_bfloat16(i); }
    __nv_bfloat16 &operator=(unsigned int i) { return *this = __nv_bfloat16(i); }
    __nv_bfloat16 &operator=(long long i) { return *this = __nv_bfloat16(i); }
    __nv_bfloat16 &operator=(unsigned long long i) { return *this = __nv_bfloat16(i); }
};
typedef __nv_bfloat16 nv_bfloat16;

static inline __nv_bfloat16 cutrans_bf16(unsigned short bits) { return __nv_bfloat16(__nv_bfloat16_raw{bits}); }

/* ---- conversions */
static inline __nv_bfloat16 __float2bfloat16(float f) { return cutrans_bf16(cutrans_bf16_round_float(f, 0)); }
static inline __nv_bfloat16 __float2bfloat16_rn(float f) { return cutrans_bf16(cutrans_bf16_round_float(f, 0)); }
static inline __nv_bfloat16 __float2bfloat16_rz(float f) { return cutrans_bf16(cutrans_bf16_round_float(f, 1)); }
static inline __nv_bfloat16 __float2bfloat16_rd(float f) { return cutrans_bf16(cutrans_bf16_round_float(f, 2)); }
static inline __nv_bfloat16 __float2bfloat16_ru(float f) { return cutrans_bf16(cutrans_bf16_round_float(f, 3)); }
static inline __nv_bfloat16 __double2bfloat16(double d) { return cutrans_bf16(cutrans_bf16_round_double(d)); }
static inline float __bfloat162float(__nv_bfloat16 h) { return cutrans_bf16_value(h.__x); }
static inline __nv_bfloat16 __int2bfloat16_rn(int i) { return __nv_bfloat16(i); }
static inline __nv_bfloat16 __uint2bfloat16_rn(unsigned int i) { return __nv_bfloat16(i); }
static inline __nv_bfloat16 __short2bfloat16_rn(short i) { return __nv_bfloat16(i); }
static inline __nv_bfloat16 __ushort2bfloat16_rn(unsigned short i) { return __nv_bfloat16(i); }
static inline __nv_bfloat16 __ll2bfloat16_rn(long long i) { return __nv_bfloat16(i); }
static inline __nv_bfloat16 __ull2bfloat16_rn(unsigned long long i) { return __nv_bfloat16(i); }

/* bfloat16 -> integer toward zero, saturating; NaN gives 0 (2^63 for the 64-bit types), as CUDA's. */
#define CUTRANS_BF16_TO_INTEGER(name, type, lowest, highest, nan)                                     \
    static inline type name(__nv_bfloat16 h)                                                          \
    {                                                                                                 \
        float f = cutrans_bf16_value(h.__x);                                                          \
        if (f != f) {                                                                                 \
            return (type)(nan);                                                                       \
        }                                                                                             \
        f = std::trunc(f);                                                                            \
        return f <= (float)(lowest) ? (type)(lowest) : f >= (float)(highest) ? (type)(highest) : (type)f; \
    }
CUTRANS_BF16_TO_INTEGER(__bfloat162char_rz, signed char, -128, 127, 0)
CUTRANS_BF16_TO_INTEGER(__bfloat162uchar_rz, unsigned char, 0, 255, 0)
CUTRANS_BF16_TO_INTEGER(__bfloat162short_rz, short, -32768, 32767, 0)
CUTRANS_BF16_TO_INTEGER(__bfloat162ushort_rz, unsigned short, 0, 65535, 0)
CUTRANS_BF16_TO_INTEGER(__bfloat162int_rz, int, -2147483647 - 1, 2147483647, 0)
CUTRANS_BF16_TO_INTEGER(__bfloat162uint_rz, unsigned int, 0u, 4294967295u, 0)
CUTRANS_BF16_TO_INTEGER(__bfloat162ll_rz, long long, -9223372036854775807ll - 1, 9223372036854775807ll, 1ull << 63)
CUTRANS_BF16_TO_INTEGER(__bfloat162ull_rz, unsigned long long, 0ull, 18446744073709551615ull, 1ull << 63)
#undef CUTRANS_BF16_TO_INTEGER

static inline unsigned short __bfloat16_as_ushort(__nv_bfloat16 h) { return h.__x; }
static inline short __bfloat16_as_short(__nv_bfloat16 h) { return (short)h.__x; }
static inline __nv_bfloat16 __ushort_as_bfloat16(unsigned short u) { return cutrans_bf16(u); }
static inline __nv_bfloat16 __short_as_bfloat16(short s) { return cutrans_bf16((unsigned short)s); }

/* ---- arithmetic and comparisons, as CUDA's host code computes them */
static inline int cutrans_bf16_nan(__nv_bfloat16 h) { return (h.__x & 0x7fffu) > 0x7f80u; }
static inline __nv_bfloat16 __hadd(__nv_bfloat16 a, __nv_bfloat16 b) { return __nv_bfloat16((float)a + (float)b); }
static inline __nv_bfloat16 __hsub(__nv_bfloat16 a, __nv_bfloat16 b) { return __nv_bfloat16((float)a - (float)b); }
static inline __nv_bfloat16 __hmul(__nv_bfloat16 a, __nv_bfloat16 b) { return __nv_bfloat16((float)a * (float)b); }
static inline __nv_bfloat16 __hdiv(__nv_bfloat16 a, __nv_bfloat16 b) { return __nv_bfloat16((float)a / (float)b); }
static inline __nv_bfloat16 __hneg(__nv_bfloat16 a) { return cutrans_bf16(cutrans_bf16_nan(a) ? 0x7fffu : (unsigned short)(a.__x ^ 0x8000u)); }
static inline __nv_bfloat16 __habs(__nv_bfloat16 a) { return cutrans_bf16(cutrans_bf16_nan(a) ? 0x7fffu : (unsigned short)(a.__x & 0x7fffu)); }

/* a * b + c: the product is exact in double; the sum is made round-to-odd there (an inexact sum moves to
 * its neighbour with an odd last bit, found from the exact error of the addition), and rounding that
 * to bfloat16 is then a single correct rounding. */
static inline __nv_bfloat16 __hfma(__nv_bfloat16 a, __nv_bfloat16 b, __nv_bfloat16 c)
{
    double x = (double)(float)a * (double)(float)b, y = (double)(float)c, s = x + y;
    if (std::isfinite(s) && s != 0.0) {
        double yy = s - x, xx = s - yy, error = (x - xx) + (y - yy);
        long long bits;
        std::memcpy(&bits, &s, 8);
        if (error != 0.0 && !(bits & 1)) {
            s = std::nextafter(s, error > 0.0 ? HUGE_VAL : -HUGE_VAL);
        }
    }
    return __double2bfloat16(s);
}

static inline bool __hisnan(__nv_bfloat16 a) { return cutrans_bf16_nan(a) != 0; }
static inline bool __heq(__nv_bfloat16 a, __nv_bfloat16 b) { return (float)a == (float)b; }
static inline bool __hne(__nv_bfloat16 a, __nv_bfloat16 b) { return (float)a < (float)b || (float)a > (float)b; }
static inline bool __hlt(__nv_bfloat16 a, __nv_bfloat16 b) { return (float)a < (float)b; }
static inline bool __hle(__nv_bfloat16 a, __nv_bfloat16 b) { return (float)a <= (float)b; }
static inline bool __hgt(__nv_bfloat16 a, __nv_bfloat16 b) { return (float)a > (float)b; }
static inline bool __hge(__nv_bfloat16 a, __nv_bfloat16 b) { return (float)a >= (float)b; }
static inline bool __hequ(__nv_bfloat16 a, __nv_bfloat16 b) { return !__hne(a, b); }
static inline bool __hneu(__nv_bfloat16 a, __nv_bfloat16 b) { return !__heq(a, b); }
static inline bool __hltu(__nv_bfloat16 a, __nv_bfloat16 b) { return !__hge(a, b); }
static inline bool __hleu(__nv_bfloat16 a, __nv_bfloat16 b) { return !__hgt(a, b); }
static inline bool __hgtu(__nv_bfloat16 a, __nv_bfloat16 b) { return !__hle(a, b); }
static inline bool __hgeu(__nv_bfloat16 a, __nv_bfloat16 b) { return !__hlt(a, b); }

/* max/min: one NaN operand gives the other, two the canonical NaN; max(-0, +0) is +0 and min is -0. */
static inline __nv_bfloat16 __hmax(__nv_bfloat16 a, __nv_bfloat16 b)
{
    if (__hisnan(a)) {
        return __hisnan(b) ? cutrans_bf16(0x7fffu) : b;
    }
    if (__hisnan(b) || (float)a > (float)b) {
        return a;
    }
    return (float)a < (float)b ? b : cutrans_bf16((unsigned short)(a.__x & b.__x));
}
static inline __nv_bfloat16 __hmin(__nv_bfloat16 a, __nv_bfloat16 b)
{
    if (__hisnan(a)) {
        return __hisnan(b) ? cutrans_bf16(0x7fffu) : b;
    }
    if (__hisnan(b) || (float)a < (float)b) {
        return a;
    }
    return (float)a > (float)b ? b : cutrans_bf16((unsigned short)(a.__x | b.__x));
}

static inline __nv_bfloat16 operator+(__nv_bfloat16 a, __nv_bfloat16 b) { return __hadd(a, b); }
static inline __nv_bfloat16 operator-(__nv_bfloat16 a, __nv_bfloat16 b) { return __hsub(a, b); }
static inline __nv_bfloat16 operator*(__nv_bfloat16 a, __nv_bfloat16 b) { return __hmul(a, b); }
static inline __nv_bfloat16 operator/(__nv_bfloat16 a, __nv_bfloat16 b) { return __hdiv(a, b); }
static inline __nv_bfloat16 operator-(__nv_bfloat16 a) { return __hneg(a); }
static inline __nv_bfloat16 operator+(__nv_bfloat16 a) { return a; }
static inline __nv_bfloat16 &operator+=(__nv_bfloat16 &a, __nv_bfloat16 b) { return a = a + b; }
static inline __nv_bfloat16 &operator-=(__nv_bfloat16 &a, __nv_bfloat16 b) { return a = a - b; }
static inline __nv_bfloat16 &operator*=(__nv_bfloat16 &a, __nv_bfloat16 b) { return a = a * b; }
static inline __nv_bfloat16 &operator/=(__nv_bfloat16 &a, __nv_bfloat16 b) { return a = a / b; }
static inline __nv_bfloat16 &operator++(__nv_bfloat16 &a) { return a = a + cutrans_bf16(0x3f80u); }
static inline __nv_bfloat16 &operator--(__nv_bfloat16 &a) { return a = a - cutrans_bf16(0x3f80u); }
static inline __nv_bfloat16 operator++(__nv_bfloat16 &a, int) { __nv_bfloat16 old = a; ++a; return old; }
static inline __nv_bfloat16 operator--(__nv_bfloat16 &a, int) { __nv_bfloat16 old = a; --a; return old; }
static inline bool operator==(__nv_bfloat16 a, __nv_bfloat16 b) { return __heq(a, b); }
static inline bool operator!=(__nv_bfloat16 a, __nv_bfloat16 b) { return __hneu(a, b); }
static inline bool operator<(__nv_bfloat16 a, __nv_bfloat16 b) { return __hlt(a, b); }
static inline bool operator<=(__nv_bfloat16 a, __nv_bfloat16 b) { return __hle(a, b); }
static inline bool operator>(__nv_bfloat16 a, __nv_bfloat16 b) { return __hgt(a, b); }
static inline bool operator>=(__nv_bfloat16 a, __nv_bfloat16 b) { return __hge(a, b); }

/* ---- __nv_bfloat162: two bfloat16s, x the low lane, 4-byte aligned as in CUDA */
struct __nv_bfloat162_raw {
    unsigned short x;
    unsigned short y;
};

struct alignas(4) __nv_bfloat162 {
    __nv_bfloat16 x;
    __nv_bfloat16 y;
    __nv_bfloat162() = default;
    __nv_bfloat162(__nv_bfloat16 a, __nv_bfloat16 b) : x(a), y(b) {}
    __nv_bfloat162(const __nv_bfloat162_raw &r) : x(__nv_bfloat16_raw{r.x}), y(__nv_bfloat16_raw{r.y}) {}
    operator __nv_bfloat162_raw() const { return __nv_bfloat162_raw{x.__x, y.__x}; }
};
typedef __nv_bfloat162 nv_bfloat162;

static inline __nv_bfloat162 make_bfloat162(__nv_bfloat16 a, __nv_bfloat16 b) { return __nv_bfloat162(a, b); }
static inline __nv_bfloat162 __halves2bfloat162(__nv_bfloat16 a, __nv_bfloat16 b) { return __nv_bfloat162(a, b); }
static inline __nv_bfloat162 __bfloat162bfloat162(__nv_bfloat16 a) { return __nv_bfloat162(a, a); }
static inline __nv_bfloat162 __float2bfloat162_rn(float f) { return __nv_bfloat162(__nv_bfloat16(f), __nv_bfloat16(f)); }
static inline __nv_bfloat162 __floats2bfloat162_rn(float a, float b) { return __nv_bfloat162(__nv_bfloat16(a), __nv_bfloat16(b)); }
static inline __nv_bfloat162 __float22bfloat162_rn(float2 v) { return __nv_bfloat162(__nv_bfloat16(v.x), __nv_bfloat16(v.y)); }
static inline float2 __bfloat1622float2(__nv_bfloat162 h) { return float2{(float)h.x, (float)h.y}; }
static inline __nv_bfloat16 __low2bfloat16(__nv_bfloat162 h) { return h.x; }
static inline __nv_bfloat16 __high2bfloat16(__nv_bfloat162 h) { return h.y; }
static inline float __low2float(__nv_bfloat162 h) { return (float)h.x; }
static inline float __high2float(__nv_bfloat162 h) { return (float)h.y; }
static inline __nv_bfloat162 __lows2bfloat162(__nv_bfloat162 a, __nv_bfloat162 b) { return __nv_bfloat162(a.x, b.x); }
static inline __nv_bfloat162 __highs2bfloat162(__nv_bfloat162 a, __nv_bfloat162 b) { return __nv_bfloat162(a.y, b.y); }
static inline __nv_bfloat162 __low2bfloat162(__nv_bfloat162 a) { return __nv_bfloat162(a.x, a.x); }
static inline __nv_bfloat162 __high2bfloat162(__nv_bfloat162 a) { return __nv_bfloat162(a.y, a.y); }
static inline __nv_bfloat162 __lowhigh2highlow(__nv_bfloat162 a) { return __nv_bfloat162(a.y, a.x); }

static inline __nv_bfloat162 __hadd2(__nv_bfloat162 a, __nv_bfloat162 b) { return __nv_bfloat162(a.x + b.x, a.y + b.y); }
static inline __nv_bfloat162 __hsub2(__nv_bfloat162 a, __nv_bfloat162 b) { return __nv_bfloat162(a.x - b.x, a.y - b.y); }
static inline __nv_bfloat162 __hmul2(__nv_bfloat162 a, __nv_bfloat162 b) { return __nv_bfloat162(a.x * b.x, a.y * b.y); }
static inline __nv_bfloat162 __h2div(__nv_bfloat162 a, __nv_bfloat162 b) { return __nv_bfloat162(a.x / b.x, a.y / b.y); }
static inline __nv_bfloat162 __hmax2(__nv_bfloat162 a, __nv_bfloat162 b) { return __nv_bfloat162(__hmax(a.x, b.x), __hmax(a.y, b.y)); }
static inline __nv_bfloat162 __hmin2(__nv_bfloat162 a, __nv_bfloat162 b) { return __nv_bfloat162(__hmin(a.x, b.x), __hmin(a.y, b.y)); }
static inline __nv_bfloat162 __hfma2(__nv_bfloat162 a, __nv_bfloat162 b, __nv_bfloat162 c) { return __nv_bfloat162(__hfma(a.x, b.x, c.x), __hfma(a.y, b.y, c.y)); }
static inline __nv_bfloat162 __hneg2(__nv_bfloat162 a) { return __nv_bfloat162(-a.x, -a.y); }
static inline __nv_bfloat162 __habs2(__nv_bfloat162 a) { return __nv_bfloat162(__habs(a.x), __habs(a.y)); }
static inline __nv_bfloat162 __hisnan2(__nv_bfloat162 a)
{
    return __nv_bfloat162(cutrans_bf16(__hisnan(a.x) ? 0x3f80u : 0u), cutrans_bf16(__hisnan(a.y) ? 0x3f80u : 0u));
}
/* __h<op>2: 1.0 or 0.0 per lane; __hb<op>2: both lanes true. */
#define CUTRANS_BF162_COMPARE(op)                                                                                  \
    static inline __nv_bfloat162 __h##op##2(__nv_bfloat162 a, __nv_bfloat162 b)                                    \
    {                                                                                                              \
        return __nv_bfloat162(cutrans_bf16(__h##op(a.x, b.x) ? 0x3f80u : 0u), cutrans_bf16(__h##op(a.y, b.y) ? 0x3f80u : 0u)); \
    }                                                                                                              \
    static inline bool __hb##op##2(__nv_bfloat162 a, __nv_bfloat162 b) { return __h##op(a.x, b.x) && __h##op(a.y, b.y); }
CUTRANS_BF162_COMPARE(eq)
CUTRANS_BF162_COMPARE(ne)
CUTRANS_BF162_COMPARE(lt)
CUTRANS_BF162_COMPARE(le)
CUTRANS_BF162_COMPARE(gt)
CUTRANS_BF162_COMPARE(ge)
CUTRANS_BF162_COMPARE(equ)
CUTRANS_BF162_COMPARE(neu)
CUTRANS_BF162_COMPARE(ltu)
CUTRANS_BF162_COMPARE(leu)
CUTRANS_BF162_COMPARE(gtu)
CUTRANS_BF162_COMPARE(geu)
#undef CUTRANS_BF162_COMPARE

static inline __nv_bfloat162 operator+(__nv_bfloat162 a, __nv_bfloat162 b) { return __hadd2(a, b); }
static inline __nv_bfloat162 operator-(__nv_bfloat162 a, __nv_bfloat162 b) { return __hsub2(a, b); }
static inline __nv_bfloat162 operator*(__nv_bfloat162 a, __nv_bfloat162 b) { return __hmul2(a, b); }
static inline __nv_bfloat162 operator/(__nv_bfloat162 a, __nv_bfloat162 b) { return __h2div(a, b); }
static inline __nv_bfloat162 operator-(__nv_bfloat162 a) { return __hneg2(a); }
static inline __nv_bfloat162 operator+(__nv_bfloat162 a) { return a; }
static inline __nv_bfloat162 &operator+=(__nv_bfloat162 &a, __nv_bfloat162 b) { return a = a + b; }
static inline __nv_bfloat162 &operator-=(__nv_bfloat162 &a, __nv_bfloat162 b) { return a = a - b; }
static inline __nv_bfloat162 &operator*=(__nv_bfloat162 &a, __nv_bfloat162 b) { return a = a * b; }
static inline __nv_bfloat162 &operator/=(__nv_bfloat162 &a, __nv_bfloat162 b) { return a = a / b; }
static inline __nv_bfloat162 &operator++(__nv_bfloat162 &a) { return a = a + __bfloat162bfloat162(cutrans_bf16(0x3f80u)); }
static inline __nv_bfloat162 &operator--(__nv_bfloat162 &a) { return a = a - __bfloat162bfloat162(cutrans_bf16(0x3f80u)); }
static inline __nv_bfloat162 operator++(__nv_bfloat162 &a, int) { __nv_bfloat162 old = a; ++a; return old; }
static inline __nv_bfloat162 operator--(__nv_bfloat162 &a, int) { __nv_bfloat162 old = a; --a; return old; }
static inline bool operator==(__nv_bfloat162 a, __nv_bfloat162 b) { return __hbeq2(a, b); }
static inline bool operator!=(__nv_bfloat162 a, __nv_bfloat162 b) { return __hbneu2(a, b); }
static inline bool operator<(__nv_bfloat162 a, __nv_bfloat162 b) { return __hblt2(a, b); }
static inline bool operator<=(__nv_bfloat162 a, __nv_bfloat162 b) { return __hble2(a, b); }
static inline bool operator>(__nv_bfloat162 a, __nv_bfloat162 b) { return __hbgt2(a, b); }
static inline bool operator>=(__nv_bfloat162 a, __nv_bfloat162 b) { return __hbge2(a, b); }

#define CUDART_INF_BF16 __ushort_as_bfloat16((unsigned short)0x7F80U)
#define CUDART_NAN_BF16 __ushort_as_bfloat16((unsigned short)0x7FFFU)
#define CUDART_MIN_DENORM_BF16 __ushort_as_bfloat16((unsigned short)0x0001U)
#define CUDART_MAX_NORMAL_BF16 __ushort_as_bfloat16((unsigned short)0x7F7FU)
#define CUDART_NEG_ZERO_BF16 __ushort_as_bfloat16((unsigned short)0x8000U)
#define CUDART_ZERO_BF16 __ushort_as_bfloat16((unsigned short)0x0000U)
#define CUDART_ONE_BF16 __ushort_as_bfloat16((unsigned short)0x3F80U)

#endif
