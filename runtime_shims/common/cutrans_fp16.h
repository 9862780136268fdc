/* __half for the host side of a translated program (OpenCL and CPU targets): what a CUDA program's host
 * code uses from <cuda_fp16.h> to fill and read buffers of halves. A __half is the 16 bits of an IEEE
 * binary16 value, as on the device, so buffers keep their layout. Conversions round to nearest, ties to
 * even, from the exact value (a double is not rounded to float first). Device arithmetic on halves is
 * the translator's business (translator/frontend/half.py), not this header's. */
#ifndef CUTRANS_FP16_H
#define CUTRANS_FP16_H
#define __CUDA_FP16_H__ /* CUDA's own guard */

#include <cmath>

static inline unsigned short cutrans_half_bits(double v)
{
    unsigned short sign = std::signbit(v) ? 0x8000u : 0u;
    double a = std::fabs(v);
    if (std::isnan(v)) {
        return (unsigned short)(sign | 0x7e00u);
    }
    if (a >= 65520.0) {                       /* the tie between 65504 and 2^16 rounds to even: infinity */
        return (unsigned short)(sign | 0x7c00u);
    }
    if (a < 0x1p-14) {                        /* subnormal: a whole number of 2^-24 (1024 is the least normal) */
        return (unsigned short)(sign | (unsigned short)std::nearbyint(a * 0x1p24));
    }
    int e;
    double q = std::nearbyint(std::frexp(a, &e) * 2048.0);   /* a = q / 1024 * 2^(e - 1), q in [1024, 2048] */
    if (q == 2048.0) {
        q = 1024.0;
        e += 1;
    }
    return (unsigned short)(sign | (unsigned)(e + 14) << 10 | (unsigned)(q - 1024.0));
}

static inline float cutrans_half_value(unsigned short h)
{
    float sign = (h & 0x8000u) ? -1.0f : 1.0f;
    int exponent = (h >> 10) & 0x1f, fraction = h & 0x3ff;
    if (exponent == 31) {
        return fraction ? std::nanf("") : sign * INFINITY;
    }
    if (exponent == 0) {
        return sign * std::ldexp((float)fraction, -24);
    }
    return sign * std::ldexp((float)(fraction + 1024), exponent - 25);
}

struct __half_raw {
    unsigned short x;
};

struct __half {
    unsigned short __x;
    __half() = default;
    __half(const __half_raw &r) : __x(r.x) {}
    __half(float f) : __x(cutrans_half_bits(f)) {}
    __half(double d) : __x(cutrans_half_bits(d)) {}
    __half(int i) : __x(cutrans_half_bits(i)) {}
    __half(unsigned int i) : __x(cutrans_half_bits(i)) {}
    __half(short i) : __x(cutrans_half_bits(i)) {}
    __half(unsigned short i) : __x(cutrans_half_bits(i)) {}
    /* exact in double below 2^53; anything that large overflows a half to infinity either way */
    __half(long long i) : __x(cutrans_half_bits((double)i)) {}
    __half(unsigned long long i) : __x(cutrans_half_bits((double)i)) {}
    operator float() const { return cutrans_half_value(__x); }
    __half &operator=(float f) { __x = cutrans_half_bits(f); return *this; }
    __half &operator=(double d) { __x = cutrans_half_bits(d); return *this; }
    /* CUDA 12.2's integer assignments (h = rand() % 5): the constructor's rounding */
    __half &operator=(int i) { return *this = __half(i); }
    __half &operator=(unsigned int i) { return *this = __half(i); }
    __half &operator=(long long i) { return *this = __half(i); }
    __half &operator=(unsigned long long i) { return *this = __half(i); }
    __half &operator=(short i) { return *this = __half(i); }
    __half &operator=(unsigned short i) { return *this = __half(i); }
};
typedef __half half;

/* Arithmetic on the host as CUDA 12 defines it: in float, rounded to half once. */
static inline __half operator+(__half a, __half b) { return __half((float)a + (float)b); }
static inline __half operator-(__half a, __half b) { return __half((float)a - (float)b); }
static inline __half operator*(__half a, __half b) { return __half((float)a * (float)b); }
static inline __half operator/(__half a, __half b) { return __half((float)a / (float)b); }
static inline __half operator-(__half a) { return __half(__half_raw{(unsigned short)(a.__x ^ 0x8000u)}); }
static inline __half operator+(__half a) { return a; }
static inline __half &operator+=(__half &a, __half b) { return a = a + b; }
static inline __half &operator-=(__half &a, __half b) { return a = a - b; }
static inline __half &operator*=(__half &a, __half b) { return a = a * b; }
static inline __half &operator/=(__half &a, __half b) { return a = a / b; }
static inline __half &operator++(__half &a) { return a = a + __half(1.0f); }
static inline __half &operator--(__half &a) { return a = a - __half(1.0f); }
static inline __half operator++(__half &a, int) { __half old = a; ++a; return old; }
static inline __half operator--(__half &a, int) { __half old = a; --a; return old; }
static inline bool operator==(__half a, __half b) { return (float)a == (float)b; }
static inline bool operator!=(__half a, __half b) { return (float)a != (float)b; }
static inline bool operator<(__half a, __half b) { return (float)a < (float)b; }
static inline bool operator<=(__half a, __half b) { return (float)a <= (float)b; }
static inline bool operator>(__half a, __half b) { return (float)a > (float)b; }
static inline bool operator>=(__half a, __half b) { return (float)a >= (float)b; }

static inline __half __float2half(float f) { return __half(f); }
static inline __half __float2half_rn(float f) { return __half(f); }
static inline __half __double2half(double d) { return __half(d); }
static inline __half __int2half_rn(int i) { return __half(i); }
static inline float __half2float(__half h) { return cutrans_half_value(h.__x); }
static inline unsigned short __half_as_ushort(__half h) { return h.__x; }
static inline __half __ushort_as_half(unsigned short u) { return __half(__half_raw{u}); }
static inline short __half_as_short(__half h) { return (short)h.__x; }
static inline __half __short_as_half(short s) { return __half(__half_raw{(unsigned short)s}); }

/* __half2: two halves, 4-byte aligned as in CUDA. The host side converts and moves lanes; its arithmetic
 * rounds each lane once through float, as the device's does. */
#ifndef CUTRANS_HOST_VECTOR_float2
#define CUTRANS_HOST_VECTOR_float2
/* CUDA's float2, as the device code lays it out (the launch header defines it the same way). */
struct alignas(8) float2 { float x, y; };
static inline float2 make_float2(float x, float y) { return float2{x, y}; }
#endif

struct __half2_raw {
    unsigned short x;
    unsigned short y;
};

struct alignas(4) __half2 {
    __half x;
    __half y;
    __half2() = default;
    __half2(__half a, __half b) : x(a), y(b) {}
    __half2(const __half2_raw &r) : x(__half_raw{r.x}), y(__half_raw{r.y}) {}
};
typedef __half2 half2;

static inline __half2 make_half2(__half a, __half b) { return __half2(a, b); }
static inline __half2 __halves2half2(__half a, __half b) { return __half2(a, b); }
static inline __half2 __half2half2(__half a) { return __half2(a, a); }
static inline __half2 __float2half2_rn(float f) { return __half2(__half(f), __half(f)); }
static inline __half2 __floats2half2_rn(float a, float b) { return __half2(__half(a), __half(b)); }
static inline __half2 __float22half2_rn(float2 v) { return __half2(__half(v.x), __half(v.y)); }
static inline float2 __half22float2(__half2 h) { return float2{__half2float(h.x), __half2float(h.y)}; }
static inline __half __low2half(__half2 h) { return h.x; }
static inline __half __high2half(__half2 h) { return h.y; }
static inline float __low2float(__half2 h) { return __half2float(h.x); }
static inline float __high2float(__half2 h) { return __half2float(h.y); }
static inline __half2 operator+(__half2 a, __half2 b) { return __half2(a.x + b.x, a.y + b.y); }
static inline __half2 operator-(__half2 a, __half2 b) { return __half2(a.x - b.x, a.y - b.y); }
static inline __half2 operator*(__half2 a, __half2 b) { return __half2(a.x * b.x, a.y * b.y); }
static inline __half2 operator/(__half2 a, __half2 b) { return __half2(a.x / b.x, a.y / b.y); }

/* The arithmetic functions CUDA declares __host__ __device__ (cuda_fp16.h), which host code computing a
 * reference result calls. __hfma rounds once from double, where the product of two halves is exact. */
static inline __half __hadd(__half a, __half b) { return a + b; }
static inline __half __hsub(__half a, __half b) { return a - b; }
static inline __half __hmul(__half a, __half b) { return a * b; }
static inline __half __hdiv(__half a, __half b) { return a / b; }
static inline __half __hfma(__half a, __half b, __half c) { return __half((double)a * (double)b + (double)c); }
static inline __half2 __hadd2(__half2 a, __half2 b) { return a + b; }
static inline __half2 __hsub2(__half2 a, __half2 b) { return a - b; }
static inline __half2 __hmul2(__half2 a, __half2 b) { return a * b; }
static inline __half2 __h2div(__half2 a, __half2 b) { return a / b; }
static inline __half2 __hfma2(__half2 a, __half2 b, __half2 c) { return __half2(__hfma(a.x, b.x, c.x), __hfma(a.y, b.y, c.y)); }

#endif
