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
    operator float() const { return cutrans_half_value(__x); }
    __half &operator=(float f) { __x = cutrans_half_bits(f); return *this; }
    __half &operator=(double d) { __x = cutrans_half_bits(d); return *this; }
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

#endif
