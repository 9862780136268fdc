// Contraction of 16-bit float products into the additions that take them, as nvcc compiles device code
// (-fmad=true, its default): ptxas fuses a mul.f16 (mul.bf16, and their x2 forms) into the add or sub that
// uses it, one rounding instead of two. Read off an H100 (sm_90, CUDA 13.0): `a * b + c`, `c + a * b`,
// `__hadd(__hmul(a, b), c)`, `a * b - c`, `c - a * b`, `z += a * b`, `(a * b) * d + c` and, of
// `a * b + c * d`, the left product, fuse; `__hmul_rn` and `__hadd_rn` never do.
//
// Here the type says it: __hmul, __hmul2 and operator* on __half, __half2, __nv_bfloat16 and
// __nv_bfloat162 return a product<T>, which is the rounded product (a T, so every other use sees the
// plain value) and keeps the operands, and the additions below that take one compute __hfma instead.
// The translator makes the same choice on the same expressions (frontend/half.py, `contract`). Neither
// fuses a product kept in a variable (`__half t = a * b; ... t + c`, which the GPU fuses when nothing
// else uses t), one passed through a cast or copy (`__half(a * b) + c`, which the GPU fuses: a copy is
// no instruction), nor one negated before the addition; those differ from the GPU in the last bit.
#pragma once

namespace cuemu {

template <class T>
struct product : T {
    T lhs, rhs;
    product(const T &rounded, const T &a, const T &b) : T(rounded), lhs(a), rhs(b) {}
};

}  // namespace cuemu

// The fused forms of the additions and subtractions named ADD and SUB, and of the operators, on T.
#define CUEMU_CONTRACTIONS(T, ADD, SUB, FMA, NEG)                                                             \
    inline T ADD(const cuemu::product<T> &p, const T &c) { return FMA(p.lhs, p.rhs, c); }                     \
    inline T ADD(const T &c, const cuemu::product<T> &p) { return FMA(p.lhs, p.rhs, c); }                     \
    inline T ADD(const cuemu::product<T> &p, const cuemu::product<T> &q) { return FMA(p.lhs, p.rhs, q); }     \
    inline T SUB(const cuemu::product<T> &p, const T &c) { return FMA(p.lhs, p.rhs, NEG(c)); }                \
    inline T SUB(const T &c, const cuemu::product<T> &p) { return FMA(NEG(p.lhs), p.rhs, c); }                \
    inline T SUB(const cuemu::product<T> &p, const cuemu::product<T> &q) { return FMA(p.lhs, p.rhs, NEG(q)); } \
    inline T operator+(const cuemu::product<T> &p, const T &c) { return ADD(p, c); }                          \
    inline T operator+(const T &c, const cuemu::product<T> &p) { return ADD(c, p); }                          \
    inline T operator+(const cuemu::product<T> &p, const cuemu::product<T> &q) { return ADD(p, q); }          \
    inline T operator-(const cuemu::product<T> &p, const T &c) { return SUB(p, c); }                          \
    inline T operator-(const T &c, const cuemu::product<T> &p) { return SUB(c, p); }                          \
    inline T operator-(const cuemu::product<T> &p, const cuemu::product<T> &q) { return SUB(p, q); }          \
    inline T &operator+=(T &z, const cuemu::product<T> &p) { return z = FMA(p.lhs, p.rhs, z); }               \
    inline T &operator-=(T &z, const cuemu::product<T> &p) { return z = FMA(NEG(p.lhs), p.rhs, z); }
