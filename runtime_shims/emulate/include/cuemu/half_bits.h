// Bit-exact IEEE binary16 conversions for the emulated cuda_fp16.h: any value m * 2^e (m an unsigned
// 128-bit integer) is rounded once to a half, in one of the four rounding modes, with subnormals,
// overflow and the sign of zero handled as the hardware does. NaN results are the canonical 0x7fff, except
// that a double NaN converts with its sign and top payload bits (an H100 does so).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace cuemu {
namespace half_bits {

enum Mode { rn, rz, rd, ru };

constexpr std::uint16_t k_nan = 0x7fff;
constexpr std::uint16_t k_inf = 0x7c00;
constexpr std::uint16_t k_max = 0x7bff;  // 65504
constexpr int k_min_exp = -14;             // smallest normal exponent
constexpr int k_quantum_exp = -24;         // the subnormal spacing

inline int bit_length(unsigned __int128 m)
{
    const auto hi = static_cast<std::uint64_t>(m >> 64);
    const auto lo = static_cast<std::uint64_t>(m);
    return hi ? 128 - __builtin_clzll(hi) : (lo ? 64 - __builtin_clzll(lo) : 0);
}

// Whether rounding away from zero is due, given the dropped part `rem` out of `2^shift` and the kept count `n`.
inline bool round_away(Mode mode, bool negative, unsigned __int128 rem, int shift, unsigned __int128 n)
{
    if (rem == 0) {
        return false;
    }
    switch (mode) {
    case rn: {
        const unsigned __int128 half = static_cast<unsigned __int128>(1) << (shift - 1);
        return rem > half || (rem == half && (n & 1));
    }
    case rz: return false;
    case rd: return negative;
    default: return !negative;
    }
}

// Beyond the largest finite half: infinity, or 65504 when the mode rounds toward zero for this sign.
inline std::uint16_t overflow(Mode mode, bool negative)
{
    const bool to_inf = mode == rn || (mode == ru && !negative) || (mode == rd && negative);
    return static_cast<std::uint16_t>((negative ? 0x8000 : 0) | (to_inf ? k_inf : k_max));
}

inline std::uint16_t round(bool negative, unsigned __int128 m, int e, Mode mode)
{
    const std::uint16_t sign = negative ? 0x8000 : 0;
    if (m == 0) {
        return sign;
    }
    const int k = e + bit_length(m) - 1;  // floor(log2(value))
    if (k > 15) {
        return overflow(mode, negative);
    }
    const int quantum = k < k_min_exp ? k_quantum_exp : k - 10;
    const int shift = quantum - e;
    unsigned __int128 n;
    if (shift <= 0) {
        n = m << -shift;
    } else if (shift >= 127) {
        n = round_away(mode, negative, 1, 127, 0) ? 1 : 0;
    } else {
        n = m >> shift;
        n += round_away(mode, negative, m & ((static_cast<unsigned __int128>(1) << shift) - 1), shift, n);
    }
    // Subnormals encode the count itself; normals (k - 14) << 10 plus the count with its leading bit,
    // so a count that rounded up to the next power of two lands in the next binade (or infinity).
    const unsigned bits = k < k_min_exp ? static_cast<unsigned>(n) : ((k + 14) << 10) + static_cast<unsigned>(n);
    if (bits >= k_inf) {
        return overflow(mode, negative);
    }
    return static_cast<std::uint16_t>(sign | bits);
}

inline std::uint16_t from_float(float f, Mode mode = rn)
{
    std::uint32_t u;
    std::memcpy(&u, &f, 4);
    const bool negative = u >> 31;
    const std::uint32_t exp = (u >> 23) & 0xff, man = u & 0x7fffff;
    if (exp == 0xff) {
        return man ? k_nan : static_cast<std::uint16_t>((negative ? 0x8000 : 0) | k_inf);
    }
    return exp == 0 ? round(negative, man, -149, mode) : round(negative, man | 0x800000u, int(exp) - 150, mode);
}

inline std::uint16_t from_double(double d, Mode mode = rn)
{
    std::uint64_t u;
    std::memcpy(&u, &d, 8);
    const bool negative = u >> 63;
    const std::uint64_t exp = (u >> 52) & 0x7ff, man = u & 0xfffffffffffffull;
    if (exp == 0x7ff) {   // a NaN keeps its sign and top payload bits, made quiet (an H100's cvt.rn.f16.f64)
        return man ? static_cast<std::uint16_t>((negative ? 0x8000 : 0) | 0x7e00 | ((man >> 42) & 0x1ff))
                   : static_cast<std::uint16_t>((negative ? 0x8000 : 0) | k_inf);
    }
    return exp == 0 ? round(negative, man, -1074, mode)
                    : round(negative, man | (1ull << 52), int(exp) - 1075, mode);
}

inline std::uint16_t from_integer(long long v, Mode mode = rn)
{
    const bool negative = v < 0;
    const unsigned long long mag = negative ? 0ull - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
    return round(negative, mag, 0, mode);
}

inline std::uint16_t from_unsigned(unsigned long long v, Mode mode = rn) { return round(false, v, 0, mode); }

inline float to_float(std::uint16_t h)
{
    const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000u) << 16;
    const std::uint32_t exp = (h >> 10) & 0x1f, man = h & 0x3ffu;
    std::uint32_t u;
    if (exp == 0x1f) {
        u = sign | 0x7f800000u | (man << 13);
    } else if (exp != 0) {
        u = sign | ((exp + 112) << 23) | (man << 13);
    } else {
        const float mag = std::ldexp(static_cast<float>(man), k_quantum_exp);  // exact
        std::memcpy(&u, &mag, 4);
        u |= sign;
    }
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}

inline bool is_nan(std::uint16_t h) { return (h & 0x7fff) > k_inf; }
inline bool is_inf(std::uint16_t h) { return (h & 0x7fff) == k_inf; }

// A finite half as an exact signed multiple of 2^-24.
inline __int128 to_fixed(std::uint16_t h)
{
    const unsigned exp = (h >> 10) & 0x1f, man = h & 0x3ffu;
    const __int128 mag = exp == 0 ? static_cast<__int128>(man) : static_cast<__int128>(man | 0x400u) << (exp - 1);
    return (h & 0x8000) ? -mag : mag;
}

// a * b + c rounded once.
inline std::uint16_t fma(std::uint16_t a, std::uint16_t b, std::uint16_t c, Mode mode = rn)
{
    if (is_nan(a) || is_nan(b) || is_nan(c) || is_inf(a) || is_inf(b) || is_inf(c)) {
        return from_float(std::fma(to_float(a), to_float(b), to_float(c)), mode);
    }
    const __int128 product = to_fixed(a) * to_fixed(b);     // units of 2^-48
    const __int128 sum = product + (to_fixed(c) << 24);
    if (sum == 0) {
        const bool product_negative = ((a ^ b) & 0x8000) != 0;
        const bool both_negative = product == 0 && product_negative && (c & 0x8000);
        return (both_negative || (mode == rd && (product != 0 || product_negative || (c & 0x8000)))) ? 0x8000 : 0;
    }
    const bool negative = sum < 0;
    return round(negative, static_cast<unsigned __int128>(negative ? -sum : sum), -48, mode);
}

}  // namespace half_bits
}  // namespace cuemu
