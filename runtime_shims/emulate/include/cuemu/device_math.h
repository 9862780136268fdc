// CUDA's device math beyond what <math.h> already provides, and its integer and conversion intrinsics.
// The fast intrinsics (__expf, __sinf, ...) are computed with the accurate functions: the reference
// shows the intended value, and comparisons against it carry the tolerance of the fast path.
#pragma once

#include <math.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <chrono>
#include <algorithm>
#include <cstdlib>
#include <functional>
#include <limits>
#include <type_traits>

// ---- min / max with CUDA's mixed-type promotions (int with unsigned is unsigned, float with double is
// double); std::min/std::max remain the better match when both arguments have one type.
template <class A, class B, class = std::enable_if_t<std::is_arithmetic_v<A> && std::is_arithmetic_v<B>>>
std::common_type_t<A, B> min(A a, B b)
{
    using C = std::common_type_t<A, B>;
    return static_cast<C>(b) < static_cast<C>(a) ? static_cast<C>(b) : static_cast<C>(a);
}

template <class A, class B, class = std::enable_if_t<std::is_arithmetic_v<A> && std::is_arithmetic_v<B>>>
std::common_type_t<A, B> max(A a, B b)
{
    using C = std::common_type_t<A, B>;
    return static_cast<C>(a) < static_cast<C>(b) ? static_cast<C>(b) : static_cast<C>(a);
}

// ---- float functions CUDA has and glibc lacks
inline float rsqrtf(float x) { return 1.0f / sqrtf(x); }
inline double rsqrt(double x) { return 1.0 / sqrt(x); }
inline float rcbrtf(float x) { return 1.0f / cbrtf(x); }
inline double rcbrt(double x) { return 1.0 / cbrt(x); }
inline float sinpif(float x) { return sinf(static_cast<float>(M_PI) * x); }
inline float cospif(float x) { return cosf(static_cast<float>(M_PI) * x); }
inline double sinpi(double x) { return sin(M_PI * x); }
inline double cospi(double x) { return cos(M_PI * x); }
inline void sincospif(float x, float *s, float *c) { *s = sinpif(x); *c = cospif(x); }
inline float fdividef(float a, float b) { return a / b; }
inline float normcdff(float x) { return 0.5f * erfcf(-x * static_cast<float>(M_SQRT1_2)); }
inline double normcdf(double x) { return 0.5 * erfc(-x * M_SQRT1_2); }
inline float rhypotf(float x, float y) { return 1.0f / hypotf(x, y); }
inline float norm3df(float a, float b, float c) { return sqrtf(a * a + b * b + c * c); }
inline float rnorm3df(float a, float b, float c) { return 1.0f / norm3df(a, b, c); }
inline float norm4df(float a, float b, float c, float d) { return sqrtf(a * a + b * b + c * c + d * d); }
inline float rnorm4df(float a, float b, float c, float d) { return 1.0f / norm4df(a, b, c, d); }

// erfinv by Newton steps on erf, started from Winitzki's closed-form approximation (a = 0.147).
inline double erfinv(double y)
{
    if (y <= -1.0 || y >= 1.0) {
        return y == 1.0 ? INFINITY : (y == -1.0 ? -INFINITY : NAN);
    }
    const double a = 0.147;
    const double l = log((1.0 - y) * (1.0 + y));
    const double t = 2.0 / (M_PI * a) + 0.5 * l;
    double x = copysign(sqrt(sqrt(t * t - l / a) - t), y);
    for (int step = 0; step < 60; ++step) {
        const double delta = (erf(x) - y) / (2.0 / sqrt(M_PI) * exp(-x * x));
        x -= delta;
        if (fabs(delta) <= 1e-17 * fabs(x)) {
            break;
        }
    }
    return x;
}
inline float erfinvf(float y) { return static_cast<float>(erfinv(y)); }
inline double erfcinv(double y) { return erfinv(1.0 - y); }
inline float erfcinvf(float y) { return static_cast<float>(erfcinv(y)); }
inline double normcdfinv(double p) { return -M_SQRT2 * erfcinv(2.0 * p); }
inline float normcdfinvf(float p) { return static_cast<float>(normcdfinv(p)); }

// ---- fast intrinsics and explicitly rounded operations (round-to-nearest only)
inline float __expf(float x) { return expf(x); }
inline float __exp10f(float x) { return exp10f(x); }
inline float __logf(float x) { return logf(x); }
inline float __log2f(float x) { return log2f(x); }
inline float __log10f(float x) { return log10f(x); }
inline float __sinf(float x) { return sinf(x); }
inline float __cosf(float x) { return cosf(x); }
inline float __tanf(float x) { return tanf(x); }
inline float __powf(float x, float y) { return powf(x, y); }
inline void __sincosf(float x, float *s, float *c) { *s = sinf(x); *c = cosf(x); }
inline float __fdividef(float a, float b) { return a / b; }
inline float __saturatef(float x) { return x >= 1.0f ? 1.0f : (x > 0.0f ? x : 0.0f); }
inline float saturate(float x) { return __saturatef(x); }
inline float __fadd_rn(float a, float b) { return a + b; }
inline float __fsub_rn(float a, float b) { return a - b; }
inline float __fmul_rn(float a, float b) { return a * b; }
inline float __fdiv_rn(float a, float b) { return a / b; }
inline float __frcp_rn(float a) { return 1.0f / a; }
inline float __fsqrt_rn(float a) { return sqrtf(a); }
inline float __frsqrt_rn(float a) { return 1.0f / sqrtf(a); }
inline float __fmaf_rn(float a, float b, float c) { return fmaf(a, b, c); }
inline double __dadd_rn(double a, double b) { return a + b; }
inline double __dmul_rn(double a, double b) { return a * b; }
inline double __ddiv_rn(double a, double b) { return a / b; }
inline double __drcp_rn(double a) { return 1.0 / a; }
inline double __dsqrt_rn(double a) { return sqrt(a); }
inline double __fma_rn(double a, double b, double c) { return fma(a, b, c); }

// ---- float <-> integer conversions with a rounding suffix: rn (nearest even), rz, ru, rd
#define CUEMU_CONVERSIONS(from, to, type)                                                        \
    inline type __##from##2##to##_rn(from##_t_ x) { return static_cast<type>(nearbyint(x)); }   \
    inline type __##from##2##to##_rz(from##_t_ x) { return static_cast<type>(trunc(x)); }       \
    inline type __##from##2##to##_ru(from##_t_ x) { return static_cast<type>(ceil(x)); }        \
    inline type __##from##2##to##_rd(from##_t_ x) { return static_cast<type>(floor(x)); }
using float_t_ = float;
using double_t_ = double;
CUEMU_CONVERSIONS(float, int, int)
CUEMU_CONVERSIONS(float, uint, unsigned)
CUEMU_CONVERSIONS(float, ll, long long)
CUEMU_CONVERSIONS(float, ull, unsigned long long)
CUEMU_CONVERSIONS(double, int, int)
CUEMU_CONVERSIONS(double, uint, unsigned)
CUEMU_CONVERSIONS(double, ll, long long)
CUEMU_CONVERSIONS(double, ull, unsigned long long)
#undef CUEMU_CONVERSIONS

inline float __int2float_rn(int x) { return static_cast<float>(x); }
inline float __uint2float_rn(unsigned x) { return static_cast<float>(x); }
inline double __int2double_rn(int x) { return static_cast<double>(x); }
inline float __double2float_rn(double x) { return static_cast<float>(x); }

// ---- bit reinterpretation
template <class To, class From>
To cuemu_bit_cast(From from)
{
    static_assert(sizeof(To) == sizeof(From), "size mismatch");
    To to;
    std::memcpy(&to, &from, sizeof(To));
    return to;
}
inline float __int_as_float(int x) { return cuemu_bit_cast<float>(x); }
inline float __uint_as_float(unsigned x) { return cuemu_bit_cast<float>(x); }
inline int __float_as_int(float x) { return cuemu_bit_cast<int>(x); }
inline unsigned __float_as_uint(float x) { return cuemu_bit_cast<unsigned>(x); }
inline double __longlong_as_double(long long x) { return cuemu_bit_cast<double>(x); }
inline long long __double_as_longlong(double x) { return cuemu_bit_cast<long long>(x); }
inline int __double2hiint(double x) { return static_cast<int>(__double_as_longlong(x) >> 32); }
inline int __double2loint(double x) { return static_cast<int>(__double_as_longlong(x)); }
inline double __hiloint2double(int hi, int lo)
{
    return __longlong_as_double(static_cast<long long>((static_cast<unsigned long long>(static_cast<unsigned>(hi)) << 32) |
                                                       static_cast<unsigned>(lo)));
}

// ---- integer intrinsics
inline int __popc(unsigned x) { return __builtin_popcount(x); }
inline int __popcll(unsigned long long x) { return __builtin_popcountll(x); }
inline int __clz(int x) { return x == 0 ? 32 : __builtin_clz(static_cast<unsigned>(x)); }
inline int __clzll(long long x) { return x == 0 ? 64 : __builtin_clzll(static_cast<unsigned long long>(x)); }
inline int __ffs(int x) { return __builtin_ffs(x); }
inline int __ffsll(long long x) { return __builtin_ffsll(x); }
inline unsigned __brev(unsigned x)
{
    unsigned r = 0;
    for (int bit = 0; bit < 32; ++bit) {
        r |= ((x >> bit) & 1u) << (31 - bit);
    }
    return r;
}
inline unsigned long long __brevll(unsigned long long x)
{
    return (static_cast<unsigned long long>(__brev(static_cast<unsigned>(x))) << 32) | __brev(static_cast<unsigned>(x >> 32));
}
inline int __mul24(int a, int b) { return ((a << 8) >> 8) * ((b << 8) >> 8); }
inline unsigned __umul24(unsigned a, unsigned b) { return (a & 0xffffffu) * (b & 0xffffffu); }
inline int __mulhi(int a, int b) { return static_cast<int>((static_cast<long long>(a) * b) >> 32); }
inline unsigned __umulhi(unsigned a, unsigned b) { return static_cast<unsigned>((1ull * a * b) >> 32); }
inline long long __mul64hi(long long a, long long b) { return static_cast<long long>((static_cast<__int128>(a) * b) >> 64); }
inline unsigned long long __umul64hi(unsigned long long a, unsigned long long b)
{
    return static_cast<unsigned long long>((static_cast<unsigned __int128>(a) * b) >> 64);
}
inline int __hadd(int a, int b) { return static_cast<int>((static_cast<long long>(a) + b) >> 1); }
inline int __rhadd(int a, int b) { return static_cast<int>((static_cast<long long>(a) + b + 1) >> 1); }
inline unsigned __uhadd(unsigned a, unsigned b) { return static_cast<unsigned>((1ull * a + b) >> 1); }
inline unsigned __urhadd(unsigned a, unsigned b) { return static_cast<unsigned>((1ull * a + b + 1) >> 1); }
inline unsigned __sad(int a, int b, unsigned c) { return c + static_cast<unsigned>(a > b ? 1ll * a - b : 1ll * b - a); }
inline unsigned __usad(unsigned a, unsigned b, unsigned c) { return c + (a > b ? a - b : b - a); }
// __dp4a, __dp2a_lo/_hi: byte (halfword x byte) dot products added to c; the sum wraps at 32 bits
template <class Lane, class Word>
inline unsigned cuemu_lane(Word w, int i) { return static_cast<unsigned>(static_cast<Lane>(static_cast<unsigned>(w) >> (8 * sizeof(Lane) * i))); }
template <class Byte, class Word>
inline Word cuemu_dp4a(Word a, Word b, Word c)
{
    unsigned s = static_cast<unsigned>(c);
    for (int i = 0; i < 4; ++i) {
        s += static_cast<unsigned>(static_cast<Byte>(cuemu_lane<Byte>(a, i)) * static_cast<Byte>(cuemu_lane<Byte>(b, i)));
    }
    return static_cast<Word>(s);
}
template <class Half, class Byte, class Word>
inline Word cuemu_dp2a(Word a, Word b, Word c, int hi)
{
    unsigned s = static_cast<unsigned>(c);
    for (int i = 0; i < 2; ++i) {
        s += static_cast<unsigned>(static_cast<Half>(cuemu_lane<Half>(a, i)) * static_cast<Byte>(cuemu_lane<Byte>(b, i + 2 * hi)));
    }
    return static_cast<Word>(s);
}
inline int __dp4a(int a, int b, int c) { return cuemu_dp4a<signed char>(a, b, c); }
inline unsigned __dp4a(unsigned a, unsigned b, unsigned c) { return cuemu_dp4a<unsigned char>(a, b, c); }
inline int __dp2a_lo(int a, int b, int c) { return cuemu_dp2a<short, signed char>(a, b, c, 0); }
inline unsigned __dp2a_lo(unsigned a, unsigned b, unsigned c) { return cuemu_dp2a<unsigned short, unsigned char>(a, b, c, 0); }
inline int __dp2a_hi(int a, int b, int c) { return cuemu_dp2a<short, signed char>(a, b, c, 1); }
inline unsigned __dp2a_hi(unsigned a, unsigned b, unsigned c) { return cuemu_dp2a<unsigned short, unsigned char>(a, b, c, 1); }

inline unsigned __byte_perm(unsigned x, unsigned y, unsigned s)
{
    const unsigned long long bytes = (static_cast<unsigned long long>(y) << 32) | x;
    unsigned r = 0;
    for (int i = 0; i < 4; ++i) {
        r |= static_cast<unsigned>((bytes >> (8 * ((s >> (4 * i)) & 7u))) & 0xffu) << (8 * i);
    }
    return r;
}
inline unsigned __funnelshift_l(unsigned lo, unsigned hi, unsigned shift)
{
    const unsigned long long both = (static_cast<unsigned long long>(hi) << 32) | lo;
    return static_cast<unsigned>((both << (shift & 31u)) >> 32);
}
inline unsigned __funnelshift_r(unsigned lo, unsigned hi, unsigned shift)
{
    const unsigned long long both = (static_cast<unsigned long long>(hi) << 32) | lo;
    return static_cast<unsigned>(both >> (shift & 31u));
}

// ---- SIMD video intrinsics (CUDA 13 crt/device_functions.h; PTX vadd2/vset4/vavrg2...): a word holds
// two 16-bit or four 8-bit lanes, lane 0 in the low bits. Each lane is read as the lane type L, the
// operation is done exactly in int, and the result is packed back (or, for __vsad*, summed). Written from
// CUDA's documentation, apart from the translator's table (translator/ir/simd_video.py), so that a
// mistake in either shows as a mismatch.
namespace cuemu_simd {
template <class L>
constexpr int kLanes = 4 / static_cast<int>(sizeof(L));
template <class L>
inline int lane(unsigned word, int k)
{
    const unsigned bits = (word >> (8 * sizeof(L) * k)) & ((1u << (8 * sizeof(L))) - 1u);
    L value;
    std::memcpy(&value, &bits, sizeof(L));          // little-endian: the low bytes of `bits`
    return static_cast<int>(value);
}
template <class L>
inline int clamp(int v)
{
    return std::max<int>(std::numeric_limits<L>::min(), std::min<int>(std::numeric_limits<L>::max(), v));
}
template <class L, class F>
inline unsigned map(unsigned a, unsigned b, F f)          // f(x, y) -> the lane's value, any int
{
    unsigned r = 0;
    for (int k = 0; k < kLanes<L>; ++k) {
        const unsigned field = static_cast<unsigned>(f(lane<L>(a, k), lane<L>(b, k))) & ((1u << (8 * sizeof(L))) - 1u);
        r |= field << (8 * sizeof(L) * k);
    }
    return r;
}
template <class L, class P>
inline unsigned compare(unsigned a, unsigned b, P p, int yes)   // yes: -1 for __vcmp* (all ones), 1 for __vset*
{
    return map<L>(a, b, [&](int x, int y) { return p(x, y) ? yes : 0; });
}
template <class L>
inline unsigned sad(unsigned a, unsigned b)
{
    unsigned total = 0;
    for (int k = 0; k < kLanes<L>; ++k) {
        total += static_cast<unsigned>(std::abs(lane<L>(a, k) - lane<L>(b, k)));
    }
    return total;
}
inline int avg_rounded(int x, int y)        // half away from zero, as std::lround of the exact mean
{
    return static_cast<int>(std::lround((x + y) / 2.0));
}
}  // namespace cuemu_simd

#define CUEMU_SIMD_FAMILY(N, S8, U8)                                                                               \
    inline unsigned __vabs##N(unsigned a) { return cuemu_simd::map<S8>(a, 0, [](int x, int) { return std::abs(x); }); } \
    inline unsigned __vabsss##N(unsigned a)                                                                        \
    {                                                                                                              \
        return cuemu_simd::map<S8>(a, 0, [](int x, int) { return cuemu_simd::clamp<S8>(std::abs(x)); });          \
    }                                                                                                              \
    inline unsigned __vneg##N(unsigned a) { return cuemu_simd::map<S8>(a, 0, [](int x, int) { return -x; }); }      \
    inline unsigned __vnegss##N(unsigned a)                                                                        \
    {                                                                                                              \
        return cuemu_simd::map<S8>(a, 0, [](int x, int) { return cuemu_simd::clamp<S8>(-x); });                   \
    }                                                                                                              \
    inline unsigned __vadd##N(unsigned a, unsigned b) { return cuemu_simd::map<U8>(a, b, std::plus<int>()); }      \
    inline unsigned __vsub##N(unsigned a, unsigned b) { return cuemu_simd::map<U8>(a, b, std::minus<int>()); }     \
    inline unsigned __vaddss##N(unsigned a, unsigned b)                                                            \
    {                                                                                                              \
        return cuemu_simd::map<S8>(a, b, [](int x, int y) { return cuemu_simd::clamp<S8>(x + y); });              \
    }                                                                                                              \
    inline unsigned __vaddus##N(unsigned a, unsigned b)                                                            \
    {                                                                                                              \
        return cuemu_simd::map<U8>(a, b, [](int x, int y) { return cuemu_simd::clamp<U8>(x + y); });              \
    }                                                                                                              \
    inline unsigned __vsubss##N(unsigned a, unsigned b)                                                            \
    {                                                                                                              \
        return cuemu_simd::map<S8>(a, b, [](int x, int y) { return cuemu_simd::clamp<S8>(x - y); });              \
    }                                                                                                              \
    inline unsigned __vsubus##N(unsigned a, unsigned b)                                                            \
    {                                                                                                              \
        return cuemu_simd::map<U8>(a, b, [](int x, int y) { return cuemu_simd::clamp<U8>(x - y); });              \
    }                                                                                                              \
    inline unsigned __vhaddu##N(unsigned a, unsigned b)                                                            \
    {                                                                                                              \
        return cuemu_simd::map<U8>(a, b, [](int x, int y) { return (x + y) >> 1; });                               \
    }                                                                                                              \
    inline unsigned __vavgs##N(unsigned a, unsigned b) { return cuemu_simd::map<S8>(a, b, cuemu_simd::avg_rounded); } \
    inline unsigned __vavgu##N(unsigned a, unsigned b) { return cuemu_simd::map<U8>(a, b, cuemu_simd::avg_rounded); } \
    inline unsigned __vabsdiffs##N(unsigned a, unsigned b)                                                         \
    {                                                                                                              \
        return cuemu_simd::map<S8>(a, b, [](int x, int y) { return std::abs(x - y); });                           \
    }                                                                                                              \
    inline unsigned __vabsdiffu##N(unsigned a, unsigned b)                                                         \
    {                                                                                                              \
        return cuemu_simd::map<U8>(a, b, [](int x, int y) { return std::abs(x - y); });                           \
    }                                                                                                              \
    inline unsigned __vsads##N(unsigned a, unsigned b) { return cuemu_simd::sad<S8>(a, b); }                       \
    inline unsigned __vsadu##N(unsigned a, unsigned b) { return cuemu_simd::sad<U8>(a, b); }                       \
    inline unsigned __vmins##N(unsigned a, unsigned b) { return cuemu_simd::map<S8>(a, b, [](int x, int y) { return std::min(x, y); }); } \
    inline unsigned __vminu##N(unsigned a, unsigned b) { return cuemu_simd::map<U8>(a, b, [](int x, int y) { return std::min(x, y); }); } \
    inline unsigned __vmaxs##N(unsigned a, unsigned b) { return cuemu_simd::map<S8>(a, b, [](int x, int y) { return std::max(x, y); }); } \
    inline unsigned __vmaxu##N(unsigned a, unsigned b) { return cuemu_simd::map<U8>(a, b, [](int x, int y) { return std::max(x, y); }); }

// __vcmp<P><s|u>N / __vset<P><s|u>N for one predicate: all-ones lanes or 1 per lane where it holds.
#define CUEMU_SIMD_COMPARE(N, S8, U8, P, FN)                                                                       \
    inline unsigned __vcmp##P##s##N(unsigned a, unsigned b) { return cuemu_simd::compare<S8>(a, b, FN(), -1); }     \
    inline unsigned __vcmp##P##u##N(unsigned a, unsigned b) { return cuemu_simd::compare<U8>(a, b, FN(), -1); }     \
    inline unsigned __vset##P##s##N(unsigned a, unsigned b) { return cuemu_simd::compare<S8>(a, b, FN(), 1); }      \
    inline unsigned __vset##P##u##N(unsigned a, unsigned b) { return cuemu_simd::compare<U8>(a, b, FN(), 1); }
#define CUEMU_SIMD_EQUALITY(N, U8)                                                                                 \
    inline unsigned __vcmpeq##N(unsigned a, unsigned b) { return cuemu_simd::compare<U8>(a, b, std::equal_to<int>(), -1); } \
    inline unsigned __vcmpne##N(unsigned a, unsigned b) { return cuemu_simd::compare<U8>(a, b, std::not_equal_to<int>(), -1); } \
    inline unsigned __vseteq##N(unsigned a, unsigned b) { return cuemu_simd::compare<U8>(a, b, std::equal_to<int>(), 1); } \
    inline unsigned __vsetne##N(unsigned a, unsigned b) { return cuemu_simd::compare<U8>(a, b, std::not_equal_to<int>(), 1); }
#define CUEMU_SIMD_ALL(N, S8, U8)                                                                                  \
    CUEMU_SIMD_FAMILY(N, S8, U8)                                                                                   \
    CUEMU_SIMD_EQUALITY(N, U8)                                                                                     \
    CUEMU_SIMD_COMPARE(N, S8, U8, ge, std::greater_equal<int>)                                                     \
    CUEMU_SIMD_COMPARE(N, S8, U8, gt, std::greater<int>)                                                           \
    CUEMU_SIMD_COMPARE(N, S8, U8, le, std::less_equal<int>)                                                        \
    CUEMU_SIMD_COMPARE(N, S8, U8, lt, std::less<int>)
CUEMU_SIMD_ALL(2, std::int16_t, std::uint16_t)
CUEMU_SIMD_ALL(4, std::int8_t, std::uint8_t)
#undef CUEMU_SIMD_ALL
#undef CUEMU_SIMD_COMPARE
#undef CUEMU_SIMD_EQUALITY
#undef CUEMU_SIMD_FAMILY

// ---- DPX intrinsics (CUDA 12, crt/device_functions.h: __vimax3_s32, __viaddmin_s16x2_relu, __vibmax_u32,
// 36 names): exact min/max of a whole int or unsigned (s32, u32), or of each 16-bit lane of an unsigned
// int (s16x2, u16x2: lane 0 in the low bits, read as short or unsigned short). The families: a 2-way
// min/max with ReLU (max(., 0)); a 3-way min/max, with or without ReLU; max(a + b, c) and min(a + b, c),
// where the sum wraps to the lane's width before the comparison, with or without ReLU; and a 2-way
// min/max that also reports, per lane, whether a was the one taken (a >= b for max, a <= b for min:
// ties count as a). Each lane is widened to long long, so the arithmetic is exact and free of overflow;
// reading a lane and wrapping a sum both take the lane's low bytes through memcpy, which keeps the
// signed cases defined without relying on the implementation's narrowing conversions. Written from
// CUDA's documentation, apart from the translator, and checked against the Python model in
// tests/unit/test_dpx.py by samples/dpx_intrinsics.cu.
namespace cuemu_dpx {
template <class L>
constexpr int kLanes = 4 / static_cast<int>(sizeof(L));
template <class L>
constexpr unsigned long long kMask = (1ull << (8 * sizeof(L))) - 1u;
template <class L>
inline long long as_lane(unsigned long long bits)     // the low sizeof(L) bytes, read as an L
{
    L value;
    bits &= kMask<L>;
    std::memcpy(&value, &bits, sizeof(L));           // little-endian, as cuemu_simd::lane
    return static_cast<long long>(value);
}
template <class L>
inline long long lane(unsigned word, int k) { return as_lane<L>(word >> (8 * sizeof(L) * k)); }
template <class L>
inline long long wrap(long long v) { return as_lane<L>(static_cast<unsigned long long>(v)); }
template <class L>
inline unsigned place(long long v, int k)             // v's low bits as lane k of a word
{
    return static_cast<unsigned>((static_cast<unsigned long long>(v) & kMask<L>) << (8 * sizeof(L) * k));
}
template <class W>
inline unsigned bits_of(W w) { return static_cast<unsigned>(w); }     // int -> unsigned is modular
template <class W>
inline W word_of(unsigned bits)                                        // and back, without narrowing
{
    W w;
    std::memcpy(&w, &bits, sizeof w);
    return w;
}
// f(x, y, z) -> the lane's value, any long long within the lane's range
template <class L, class W, class F>
inline W map3(W a, W b, W c, F f)
{
    unsigned r = 0;
    for (int k = 0; k < kLanes<L>; ++k) {
        r |= place<L>(f(lane<L>(bits_of(a), k), lane<L>(bits_of(b), k), lane<L>(bits_of(c), k)), k);
    }
    return word_of<W>(r);
}
// keep(x, y): whether lane x of a is the answer (else y of b); that is also the lane's predicate, written
// to *pred_lo for lane 0 and *pred_hi for lane 1 (a 32-bit word has only lane 0)
template <class L, class W, class Keep>
inline W choose(W a, W b, bool *pred_hi, bool *pred_lo, Keep keep)
{
    unsigned r = 0;
    for (int k = 0; k < kLanes<L>; ++k) {
        const long long x = lane<L>(bits_of(a), k), y = lane<L>(bits_of(b), k);
        const bool kept = keep(x, y);
        *(k == 0 ? pred_lo : pred_hi) = kept;
        r |= place<L>(kept ? x : y, k);
    }
    return word_of<W>(r);
}
inline long long relu(long long v) { return std::max(v, 0ll); }
struct max2_relu { long long operator()(long long x, long long y, long long) const { return relu(std::max(x, y)); } };
struct min2_relu { long long operator()(long long x, long long y, long long) const { return relu(std::min(x, y)); } };
// the lane operations of CUEMU_DPX_FORMS take the lane type L; only the fused adds need it (to wrap)
template <class L>
struct max3 { long long operator()(long long x, long long y, long long z) const { return std::max(std::max(x, y), z); } };
template <class L>
struct min3 { long long operator()(long long x, long long y, long long z) const { return std::min(std::min(x, y), z); } };
template <class L>
struct add_max { long long operator()(long long x, long long y, long long z) const { return std::max(wrap<L>(x + y), z); } };
template <class L>
struct add_min { long long operator()(long long x, long long y, long long z) const { return std::min(wrap<L>(x + y), z); } };
template <class Op>
struct with_relu : Op {
    long long operator()(long long x, long long y, long long z) const { return relu(Op::operator()(x, y, z)); }
};
struct keep_max { bool operator()(long long x, long long y) const { return x >= y; } };
struct keep_min { bool operator()(long long x, long long y) const { return x <= y; } };
}  // namespace cuemu_dpx

// __<STEM>_s32 / _u32 / _s16x2 / _u16x2 (a, b, c), and the _relu forms, which CUDA has for s32 and s16x2 only
#define CUEMU_DPX_FORMS(STEM, OP)                                                                                  \
    inline int __##STEM##_s32(int a, int b, int c) { return cuemu_dpx::map3<std::int32_t>(a, b, c, OP<std::int32_t>()); } \
    inline unsigned __##STEM##_u32(unsigned a, unsigned b, unsigned c)                                             \
    {                                                                                                              \
        return cuemu_dpx::map3<std::uint32_t>(a, b, c, OP<std::uint32_t>());                                       \
    }                                                                                                              \
    inline unsigned __##STEM##_s16x2(unsigned a, unsigned b, unsigned c)                                           \
    {                                                                                                              \
        return cuemu_dpx::map3<std::int16_t>(a, b, c, OP<std::int16_t>());                                        \
    }                                                                                                              \
    inline unsigned __##STEM##_u16x2(unsigned a, unsigned b, unsigned c)                                           \
    {                                                                                                              \
        return cuemu_dpx::map3<std::uint16_t>(a, b, c, OP<std::uint16_t>());                                       \
    }                                                                                                              \
    inline int __##STEM##_s32_relu(int a, int b, int c)                                                            \
    {                                                                                                              \
        return cuemu_dpx::map3<std::int32_t>(a, b, c, cuemu_dpx::with_relu<OP<std::int32_t>>());                  \
    }                                                                                                              \
    inline unsigned __##STEM##_s16x2_relu(unsigned a, unsigned b, unsigned c)                                      \
    {                                                                                                              \
        return cuemu_dpx::map3<std::int16_t>(a, b, c, cuemu_dpx::with_relu<OP<std::int16_t>>());                  \
    }
CUEMU_DPX_FORMS(vimax3, cuemu_dpx::max3)
CUEMU_DPX_FORMS(vimin3, cuemu_dpx::min3)
CUEMU_DPX_FORMS(viaddmax, cuemu_dpx::add_max)
CUEMU_DPX_FORMS(viaddmin, cuemu_dpx::add_min)
#undef CUEMU_DPX_FORMS

// the 2-way forms with ReLU: the third lane of map3 is unused
inline int __vimax_s32_relu(int a, int b) { return cuemu_dpx::map3<std::int32_t>(a, b, 0, cuemu_dpx::max2_relu()); }
inline int __vimin_s32_relu(int a, int b) { return cuemu_dpx::map3<std::int32_t>(a, b, 0, cuemu_dpx::min2_relu()); }
inline unsigned __vimax_s16x2_relu(unsigned a, unsigned b)
{
    return cuemu_dpx::map3<std::int16_t>(a, b, 0u, cuemu_dpx::max2_relu());
}
inline unsigned __vimin_s16x2_relu(unsigned a, unsigned b)
{
    return cuemu_dpx::map3<std::int16_t>(a, b, 0u, cuemu_dpx::min2_relu());
}

// __vibmax_* / __vibmin_*: the min or max, and through bool pointers whether a's lane was taken
#define CUEMU_DPX_PICK(STEM, KEEP)                                                                                 \
    inline int __##STEM##_s32(int a, int b, bool *pred)                                                            \
    {                                                                                                              \
        return cuemu_dpx::choose<std::int32_t>(a, b, nullptr, pred, KEEP());                                       \
    }                                                                                                              \
    inline unsigned __##STEM##_u32(unsigned a, unsigned b, bool *pred)                                             \
    {                                                                                                              \
        return cuemu_dpx::choose<std::uint32_t>(a, b, nullptr, pred, KEEP());                                      \
    }                                                                                                              \
    inline unsigned __##STEM##_s16x2(unsigned a, unsigned b, bool *pred_hi, bool *pred_lo)                         \
    {                                                                                                              \
        return cuemu_dpx::choose<std::int16_t>(a, b, pred_hi, pred_lo, KEEP());                                    \
    }                                                                                                              \
    inline unsigned __##STEM##_u16x2(unsigned a, unsigned b, bool *pred_hi, bool *pred_lo)                         \
    {                                                                                                              \
        return cuemu_dpx::choose<std::uint16_t>(a, b, pred_hi, pred_lo, KEEP());                                   \
    }
CUEMU_DPX_PICK(vibmax, cuemu_dpx::keep_max)
CUEMU_DPX_PICK(vibmin, cuemu_dpx::keep_min)
#undef CUEMU_DPX_PICK

// ---- loads and clocks
template <class T>
T __ldg(const T *p) { return *p; }
template <class T>
T __ldcg(const T *p) { return *p; }
template <class T>
T __ldca(const T *p) { return *p; }
template <class T>
T __ldcs(const T *p) { return *p; }
inline long long clock64()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
