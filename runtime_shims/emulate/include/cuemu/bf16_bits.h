// Bit-exact bfloat16 for the emulated cuda_bf16.h. A bfloat16 is the upper half of a binary32: sign,
// 8 exponent bits (bias 127), 7 fraction bits, so the same exponent range as float and subnormals
// down to 2^-133. Every rounding here is a single one from the exact value, in one of four modes; NaN
// results are the canonical 0x7fff that NVIDIA GPUs produce, except that a double NaN keeps its sign and
// top payload bits (an H100 converts so).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace cuemu {
namespace bf16_bits {

enum Mode { rn, rz, rd, ru };

constexpr std::uint16_t k_nan = 0x7fff;
constexpr std::uint16_t k_inf = 0x7f80;
constexpr std::uint16_t k_max = 0x7f7f;   // (2 - 2^-7) * 2^127
constexpr std::uint16_t k_one = 0x3f80;
constexpr int k_min_exp = -126;           // smallest normal exponent
constexpr int k_quantum_exp = -133;       // the subnormal spacing

inline std::uint32_t float_bits(float f)
{
    std::uint32_t u;
    std::memcpy(&u, &f, 4);
    return u;
}

inline float bits_float(std::uint32_t u)
{
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}

inline bool is_nan(std::uint16_t h) { return (h & 0x7fffu) > k_inf; }
inline bool is_inf(std::uint16_t h) { return (h & 0x7fffu) == k_inf; }

// Exact: a bfloat16 is a float whose low 16 bits are zero.
inline float to_float(std::uint16_t h) { return bits_float(static_cast<std::uint32_t>(h) << 16); }

// Whether the kept count `n` must step away from zero, given what was dropped.
inline bool step_away(Mode mode, bool negative, bool above_half, bool exactly_half, bool inexact, unsigned n)
{
    switch (mode) {
    case rn: return above_half || (exactly_half && (n & 1u));
    case rz: return false;
    case rd: return inexact && negative;
    default: return inexact && !negative;
    }
}

inline std::uint16_t overflow(Mode mode, bool negative)
{
    const bool to_inf = mode == rn || (mode == ru && !negative) || (mode == rd && negative);
    return static_cast<std::uint16_t>((negative ? 0x8000u : 0u) | (to_inf ? k_inf : k_max));
}

inline int bit_length(std::uint64_t m) { return m ? 64 - __builtin_clzll(m) : 0; }

// The value (-1)^negative * m * 2^e rounded once to a bfloat16.
inline std::uint16_t round(bool negative, std::uint64_t m, int e, Mode mode)
{
    const unsigned sign = negative ? 0x8000u : 0u;
    if (m == 0) {
        return static_cast<std::uint16_t>(sign);
    }
    const int top = e + bit_length(m) - 1;                       // floor(log2 |value|)
    if (top > 127) {
        return overflow(mode, negative);
    }
    const int unit = top < k_min_exp ? k_quantum_exp : top - 7;  // the spacing of bfloat16s there
    const int drop = unit - e;                                   // low bits of m below that spacing
    unsigned n;
    if (drop <= 0) {
        n = static_cast<unsigned>(m << -drop);
    } else {
        const bool all_dropped = drop >= 64;
        n = all_dropped ? 0u : static_cast<unsigned>(m >> drop);
        const std::uint64_t rest = all_dropped ? m : m & ((std::uint64_t{1} << drop) - 1);
        const bool half_known = drop <= 64;
        const std::uint64_t half = half_known ? std::uint64_t{1} << (drop - 1) : 0;
        const bool above = half_known ? rest > half : false;
        const bool exact_half = half_known && rest == half;
        n += step_away(mode, negative, above, exact_half, rest != 0, n) ? 1u : 0u;
    }
    // Normals store the exponent (top + 127) and the count without its leading bit 2^7; writing it as
    // ((top + 126) << 7) + n lets a count that rounded up to 2^8 carry into the exponent (or infinity).
    const unsigned bits = top < k_min_exp ? n : (static_cast<unsigned>(top + 126) << 7) + n;
    if (bits >= k_inf) {
        return overflow(mode, negative);
    }
    return static_cast<std::uint16_t>(sign | bits);
}

inline std::uint16_t from_double(double d, Mode mode = rn)
{
    std::uint64_t u;
    std::memcpy(&u, &d, 8);
    const bool negative = (u >> 63) != 0;
    const int exp = static_cast<int>((u >> 52) & 0x7ff);
    const std::uint64_t frac = u & 0xfffffffffffffull;
    if (exp == 0x7ff) {   // a NaN keeps its sign and top payload bits, made quiet (an H100's cvt.rn.bf16.f64)
        return frac ? static_cast<std::uint16_t>((negative ? 0x8000u : 0u) | 0x7fc0u | ((frac >> 45) & 0x3fu))
                    : static_cast<std::uint16_t>((negative ? 0x8000u : 0u) | k_inf);
    }
    return exp == 0 ? round(negative, frac, -1074, mode) : round(negative, frac | (1ull << 52), exp - 1075, mode);
}

// float -> bfloat16 drops the low 16 bits of the float and rounds on them.
inline std::uint16_t from_float(float f, Mode mode = rn)
{
    const std::uint32_t u = float_bits(f);
    if ((u & 0x7fffffffu) > 0x7f800000u) {
        return k_nan;
    }
    const auto kept = static_cast<std::uint16_t>(u >> 16);
    const std::uint32_t low = u & 0xffffu;
    const bool negative = (u >> 31) != 0;
    const bool away = step_away(mode, negative, low > 0x8000u, low == 0x8000u, low != 0, kept);
    return static_cast<std::uint16_t>(kept + (away ? 1u : 0u));   // a carry moves into the exponent, as it should
}

inline std::uint16_t from_integer(long long v, Mode mode = rn)
{
    const bool negative = v < 0;
    const unsigned long long mag = negative ? 0ull - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
    return round(negative, mag, 0, mode);
}

inline std::uint16_t from_unsigned(unsigned long long v, Mode mode = rn) { return round(false, v, 0, mode); }

// The double next to d in the direction of `up` (d finite and nonzero, or zero).
inline double step(double d, bool up)
{
    return std::nextafter(d, up ? INFINITY : -INFINITY);
}

// a * b + c rounded once. The product of two bfloat16s has at most 16 significant bits and lies within
// double's range, so it is exact in double; the sum is then rounded to odd in double (an inexact sum
// takes the neighbour whose last bit is 1), which keeps the information a later rounding needs: double
// has 53 >= 8 + 2 bits, so rounding that to bfloat16 gives the correctly rounded a * b + c.
inline std::uint16_t fma(std::uint16_t a, std::uint16_t b, std::uint16_t c, Mode mode = rn)
{
    const double p = static_cast<double>(to_float(a)) * static_cast<double>(to_float(b));
    const double q = static_cast<double>(to_float(c));
    double s = p + q;
    if (std::isfinite(s) && s != 0) {
        const double back = s - p;
        const double err = (p - (s - back)) + (q - back);        // exact: s + err == p + q
        std::uint64_t bits;
        std::memcpy(&bits, &s, 8);
        if (err != 0 && (bits & 1u) == 0) {
            s = step(s, err > 0);
        }
    }
    return std::isnan(s) ? k_nan : from_double(s, mode);   // arithmetic's NaN is canonical, a conversion's not
}

}  // namespace bf16_bits
}  // namespace cuemu
