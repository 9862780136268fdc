// CUDA's built-in vector types (char1 ... double4), their make_* functions, and dim3.
#pragma once

#include <cstddef>

#define CUEMU_VEC_ALIGN(T, n) (sizeof(T) * (n) > 16 ? 16 : sizeof(T) * (n))

#define CUEMU_VEC1(T, N)                                                          \
    struct N { T x; };                                                            \
    inline constexpr N make_##N(T x) { return N{x}; }
#define CUEMU_VEC2(T, N)                                                          \
    struct alignas(CUEMU_VEC_ALIGN(T, 2)) N { T x, y; };                          \
    inline constexpr N make_##N(T x, T y) { return N{x, y}; }
#define CUEMU_VEC3(T, N)                                                          \
    struct N { T x, y, z; };                                                      \
    inline constexpr N make_##N(T x, T y, T z) { return N{x, y, z}; }
#define CUEMU_VEC4(T, N)                                                          \
    struct alignas(CUEMU_VEC_ALIGN(T, 4)) N { T x, y, z, w; };                    \
    inline constexpr N make_##N(T x, T y, T z, T w) { return N{x, y, z, w}; }
#define CUEMU_VEC_FAMILY(T, base)                                                 \
    CUEMU_VEC1(T, base##1) CUEMU_VEC2(T, base##2) CUEMU_VEC3(T, base##3) CUEMU_VEC4(T, base##4)

CUEMU_VEC_FAMILY(signed char, char)
CUEMU_VEC_FAMILY(unsigned char, uchar)
CUEMU_VEC_FAMILY(short, short)
CUEMU_VEC_FAMILY(unsigned short, ushort)
CUEMU_VEC_FAMILY(int, int)
CUEMU_VEC_FAMILY(unsigned int, uint)
CUEMU_VEC_FAMILY(long, long)
CUEMU_VEC_FAMILY(unsigned long, ulong)
CUEMU_VEC_FAMILY(long long, longlong)
CUEMU_VEC_FAMILY(unsigned long long, ulonglong)
CUEMU_VEC_FAMILY(float, float)
CUEMU_VEC_FAMILY(double, double)

struct dim3 {
    unsigned int x, y, z;
    constexpr dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1) : x(vx), y(vy), z(vz) {}
    constexpr dim3(uint3 v) : x(v.x), y(v.y), z(v.z) {}
    constexpr operator uint3() const { return uint3{x, y, z}; }
};
