// Warp matrix functions (CUDA's <mma.h>, namespace nvcuda::wmma) for the CPU emulation. These are the
// semantics cutrans defines for them; the translator's targets implement the same independently.
//
// Fragments. CUDA leaves unspecified which elements of a tile each thread of the warp holds, so here
// every thread holds the whole tile: matrix_a is m x k, matrix_b is k x n, an accumulator is m x n, each
// stored row-major in x (element (r, c) is x[r * cols + c]), and num_elements is rows * cols.
// element_type is as in CUDA: float for precision::tf32, otherwise T (signed char / unsigned char for
// s8 / u8 inputs, int accumulators, double, __half, __nv_bfloat16 and float for half fragments).
// Shapes (m x n x k): tf32 16x16x8 (float accumulator); __half 16x16x16, 32x8x16, 8x32x16 (float or
// __half accumulator); __nv_bfloat16 the same shapes (float accumulator); signed char and unsigned char the same shapes (int accumulator); double 8x8x4.
// Any other fragment fails to compile with a static_assert naming this list.
//
// load_matrix_sync(a, p, ldm) for matrix_a / matrix_b, with (r, c) an element of the fragment's tile:
//   row_major: x[r * cols + c] = p[r * ldm + c]      col_major: x[r * cols + c] = p[r + c * ldm]
// (matrix_a: r = i, c = kk; matrix_b: r = kk, c = j). Accumulators load and store with a layout_t:
// mem_row_major is p[i * ldm + j], mem_col_major p[i + j * ldm]. store_matrix_sync writes every element,
// so the 32 threads of a warp write the same values to the same places (benign). fill_fragment sets
// every element. Nothing rounds on load, store or fill: a tf32 fragment holds the floats as given.
//
// mma_sync(d, a, b, c[, satf]): for each (i, j) in row-major order, acc = c(i, j); for kk = 0 .. k-1
// ascending, acc = acc (+) a(i, kk) (x) b(kk, j) with, per input precision:
//   tf32: in float, acc = acc + t(a) * t(b), t clearing the low 13 mantissa bits (NaN unchanged). The
//         product is the float product rounded once, kept in a volatile so that no -ffp-contract setting
//         can fuse it into the addition (two 11-bit significands multiply exactly in float except where
//         the product overflows or underflows, the only place where a fused multiply-add would differ).
//   __half: in float, acc = acc + float(a) * float(b); the product of two halves is always exact in
//         float, so fusing cannot change it. A __half c is widened to float; a __half d receives acc
//         rounded to nearest even, once.
//   __nv_bfloat16: in float, acc = acc + float(a) * float(b), as for __half: a bfloat16 converts to float
//         exactly, and the product of two 8-bit significands fits float's 24 bits, so the float product is
//         the exact one except where it overflows or falls below float's normal range (bfloat16 has
//         float's exponents). There a fused multiply-add would differ, so the product is kept from
//         fusing as tf32's is.
//   s8 / u8: the 8-bit values multiplied as int and summed exactly, then reduced modulo 2^32 into the
//         int d: the same as 32-bit two's-complement accumulation with wrap-around.
//   double: acc = fma(a, b, acc).
// Then d(i, j) = acc. d may be c. a and b have the same element type; d and c may differ only for
// __half inputs (each float or __half). satf (saturate to finite): an integer result is clamped to the
// int range instead of wrapping; a floating result of +/-infinity becomes +/-the largest finite value
// of d's type, and NaN becomes +0 (applied to d's value, after any rounding to __half).
//
// __float_to_tf32(x) rounds to nearest with ties away from zero to 10 explicit mantissa bits (PTX's
// cvt.rna.tf32.f32), returning a float whose low 13 bits are zero; a finite value that rounds past the
// largest finite float becomes infinity; NaN and infinity pass through unchanged; subnormals round like
// any other value (no flush to zero).
//
// Warp synchronisation, as CUDA documents it: load_matrix_sync, store_matrix_sync and mma_sync first wait
// until every lane of the warp has arrived (a __syncwarp() over the warp's live lanes), fill_fragment and
// __float_to_tf32 do not. This matters because each thread computes the whole tile on its own and the
// emulation runs the lanes one after another: without it, in `load C; mma; store C` the first lane would
// store before the second one loaded. Called outside a kernel (plain host code), they meet no one.
// Like every device function of the emulation they are plain inline functions.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include "cuda_runtime.h"
#include "cuda_fp16.h"
#include "cuda_bf16.h"

namespace nvcuda {
namespace wmma {

struct matrix_a {};
struct matrix_b {};
struct accumulator {};
struct row_major {};
struct col_major {};

enum layout_t { mem_row_major, mem_col_major };

namespace precision {
struct tf32 {};
}  // namespace precision

namespace experimental {
namespace precision {
struct u4 {};
struct s4 {};
struct b1 {};
}  // namespace precision
}  // namespace experimental

namespace detail {

constexpr bool is_shape(int m, int n, int k, int sm, int sn, int sk) { return m == sm && n == sn && k == sk; }
constexpr bool half_shape(int m, int n, int k)
{
    return is_shape(m, n, k, 16, 16, 16) || is_shape(m, n, k, 32, 8, 16) || is_shape(m, n, k, 8, 32, 16);
}
constexpr bool tf32_shape(int m, int n, int k) { return is_shape(m, n, k, 16, 16, 8); }
constexpr bool double_shape(int m, int n, int k) { return is_shape(m, n, k, 8, 8, 4); }

// What a matrix_a / matrix_b fragment of input type T stores, and its shapes.
template <class T> struct operand {
    typedef T element;
    static constexpr bool shape(int, int, int) { return false; }
};
template <> struct operand<precision::tf32> {
    typedef float element;
    static constexpr bool shape(int m, int n, int k) { return tf32_shape(m, n, k); }
};
template <> struct operand<__half> {
    typedef __half element;
    static constexpr bool shape(int m, int n, int k) { return half_shape(m, n, k); }
};
template <> struct operand<__nv_bfloat16> {
    typedef __nv_bfloat16 element;
    static constexpr bool shape(int m, int n, int k) { return half_shape(m, n, k); }
};
template <> struct operand<signed char> {
    typedef signed char element;
    static constexpr bool shape(int m, int n, int k) { return half_shape(m, n, k); }
};
template <> struct operand<unsigned char> {
    typedef unsigned char element;
    static constexpr bool shape(int m, int n, int k) { return half_shape(m, n, k); }
};
template <> struct operand<double> {
    typedef double element;
    static constexpr bool shape(int m, int n, int k) { return double_shape(m, n, k); }
};

// The shapes of an accumulator of type T.
template <class T> constexpr bool result_shape(int, int, int) { return false; }
template <> constexpr bool result_shape<float>(int m, int n, int k)
{
    return tf32_shape(m, n, k) || half_shape(m, n, k);
}
template <> constexpr bool result_shape<__half>(int m, int n, int k) { return half_shape(m, n, k); }
template <> constexpr bool result_shape<int>(int m, int n, int k) { return half_shape(m, n, k); }
template <> constexpr bool result_shape<double>(int m, int n, int k) { return double_shape(m, n, k); }

// The tile of one fragment: its rows, its columns, its element type, and whether CUDA has it.
template <class Use, int m, int n, int k, class T> struct tile {
    static constexpr int rows = 1, cols = 1;
    static constexpr bool exists = false;
    typedef T element;
};
template <int m, int n, int k, class T> struct tile<matrix_a, m, n, k, T> {
    static constexpr int rows = m, cols = k;
    static constexpr bool exists = operand<T>::shape(m, n, k);
    typedef typename operand<T>::element element;
};
template <int m, int n, int k, class T> struct tile<matrix_b, m, n, k, T> {
    static constexpr int rows = k, cols = n;
    static constexpr bool exists = operand<T>::shape(m, n, k);
    typedef typename operand<T>::element element;
};
template <int m, int n, int k, class T> struct tile<accumulator, m, n, k, T> {
    static constexpr int rows = m, cols = n;
    static constexpr bool exists = result_shape<T>(m, n, k);
    typedef T element;
};

template <class Use, class Layout> constexpr bool layout_fits()
{
    return std::is_same<Use, accumulator>::value
               ? std::is_void<Layout>::value
               : std::is_same<Layout, row_major>::value || std::is_same<Layout, col_major>::value;
}

// Which accumulator types (of c and of d) an input type multiplies into.
template <class In, class Acc> struct accumulates : std::false_type {};
template <> struct accumulates<precision::tf32, float> : std::true_type {};
template <> struct accumulates<__half, float> : std::true_type {};
template <> struct accumulates<__half, __half> : std::true_type {};
template <> struct accumulates<__nv_bfloat16, float> : std::true_type {};
template <> struct accumulates<signed char, int> : std::true_type {};
template <> struct accumulates<unsigned char, int> : std::true_type {};
template <> struct accumulates<double, double> : std::true_type {};

inline std::uint32_t bits_of(float v)
{
    std::uint32_t u;
    std::memcpy(&u, &v, sizeof u);
    return u;
}

inline float float_of(std::uint32_t u)
{
    float v;
    std::memcpy(&v, &u, sizeof v);
    return v;
}

// A float as the tensor core reads a tf32 operand: the low 13 mantissa bits dropped, whatever the value. A NaN
// whose payload sits only in those bits becomes an infinity, as an H100 computes it (docs/tensor_cores.md).
inline float truncate_tf32(float v) { return float_of(bits_of(v) & 0xffffe000u); }

// A float product rounded on its own, which the addition after it cannot fuse into an fma. GCC narrows
// (float)((double)x * y) to a float multiply and then contracts it under -ffp-contract=fast (which the
// emulation's device code gets, as nvcc's -fmad=true): a volatile is a value no optimization can see into.
inline float unfused_product(float x, float y)
{
    volatile float product = x * y;
    return product;
}

// One multiply-accumulate step per input element type (float elements are tf32 operands).
inline float mac(float acc, float a, float b) { return acc + unfused_product(truncate_tf32(a), truncate_tf32(b)); }
inline float mac(float acc, __half a, __half b) { return acc + static_cast<float>(a) * static_cast<float>(b); }
inline float mac(float acc, __nv_bfloat16 a, __nv_bfloat16 b)
{
    return acc + unfused_product(__bfloat162float(a), __bfloat162float(b));
}
inline long long mac(long long acc, signed char a, signed char b) { return acc + int(a) * int(b); }
inline long long mac(long long acc, unsigned char a, unsigned char b) { return acc + int(a) * int(b); }
inline double mac(double acc, double a, double b) { return std::fma(a, b, acc); }

// The running sum an input element type accumulates in.
template <class In> struct sum_of { typedef float type; };
template <> struct sum_of<signed char> { typedef long long type; };
template <> struct sum_of<unsigned char> { typedef long long type; };
template <> struct sum_of<double> { typedef double type; };

template <class F> F finite(F v, bool satf)
{
    if (!satf || std::isfinite(v)) {
        return v;
    }
    return v != v ? F(0) : (v > 0 ? std::numeric_limits<F>::max() : std::numeric_limits<F>::lowest());
}

inline void put(float &d, float acc, bool satf) { d = finite(acc, satf); }
inline void put(double &d, double acc, bool satf) { d = finite(acc, satf); }
inline void put(__half &d, float acc, bool satf)
{
    const __half h = __float2half_rn(acc);
    const float v = static_cast<float>(h);
    d = !satf || std::isfinite(v) ? h : __ushort_as_half(v != v ? 0x0000 : (v > 0 ? 0x7bff : 0xfbff));
}
inline void put(int &d, long long acc, bool satf)
{
    if (satf) {
        acc = acc > INT32_MAX ? INT32_MAX : (acc < INT32_MIN ? INT32_MIN : acc);
    }
    d = static_cast<int>(static_cast<std::uint32_t>(acc));  // modulo 2^32 (GCC and C++20 define it so)
}

// The rendezvous at the start of each *_sync function.
inline void meet_warp()
{
    if (::cuemu::scheduler.in_kernel()) {
        __syncwarp();
    }
}

inline std::size_t offset(bool row_major_order, int r, int c, unsigned ldm)
{
    return row_major_order ? std::size_t(r) * ldm + std::size_t(c) : std::size_t(r) + std::size_t(c) * ldm;
}

}  // namespace detail

template <class Use, int m, int n, int k, class T, class Layout = void>
class fragment {
    typedef detail::tile<Use, m, n, k, T> tile_;
    static_assert(tile_::exists,
                  "nvcuda::wmma (CPU emulation): no such fragment. matrix_a/matrix_b: precision::tf32 16x16x8; "
                  "__half, __nv_bfloat16, signed char, unsigned char 16x16x16, 32x8x16, 8x32x16; double 8x8x4. "
                  "accumulator: float for the tf32, __half and __nv_bfloat16 shapes, __half for the __half shapes, int for the 8-bit shapes, "
                  "double 8x8x4");
    static_assert(detail::layout_fits<Use, Layout>(),
                  "nvcuda::wmma (CPU emulation): a matrix_a or matrix_b fragment takes row_major or col_major, "
                  "an accumulator no layout");

public:
    typedef typename tile_::element element_type;
    typedef element_type storage_element_type;
    enum { num_elements = tile_::rows * tile_::cols };
    element_type x[num_elements];
};

template <class Use, int m, int n, int k, class T, class Layout>
inline void fill_fragment(fragment<Use, m, n, k, T, Layout> &a,
                          const typename fragment<Use, m, n, k, T, Layout>::element_type &value)
{
    for (int i = 0; i < fragment<Use, m, n, k, T, Layout>::num_elements; ++i) {
        a.x[i] = value;
    }
}

template <class Use, int m, int n, int k, class T, class Layout>
inline void load_matrix_sync(fragment<Use, m, n, k, T, Layout> &a,
                             const typename fragment<Use, m, n, k, T, Layout>::storage_element_type *p, unsigned ldm)
{
    static_assert(!std::is_same<Use, accumulator>::value,
                  "nvcuda::wmma: load_matrix_sync of an accumulator takes a layout_t (mem_row_major or mem_col_major)");
    typedef detail::tile<Use, m, n, k, T> tile;
    const bool rows = std::is_same<Layout, row_major>::value;
    detail::meet_warp();
    for (int r = 0; r < tile::rows; ++r) {
        for (int c = 0; c < tile::cols; ++c) {
            a.x[r * tile::cols + c] = p[detail::offset(rows, r, c, ldm)];
        }
    }
}

template <class Use, int m, int n, int k, class T, class Layout>
inline void load_matrix_sync(fragment<Use, m, n, k, T, Layout> &a,
                             const typename fragment<Use, m, n, k, T, Layout>::storage_element_type *p, unsigned ldm,
                             layout_t layout)
{
    static_assert(std::is_same<Use, accumulator>::value,
                  "nvcuda::wmma: load_matrix_sync takes a layout_t for accumulators only (matrix_a and matrix_b "
                  "fragments carry their layout in their type)");
    detail::meet_warp();
    for (int r = 0; r < m; ++r) {
        for (int c = 0; c < n; ++c) {
            a.x[r * n + c] = p[detail::offset(layout == mem_row_major, r, c, ldm)];
        }
    }
}

template <int m, int n, int k, class T>
inline void store_matrix_sync(typename fragment<accumulator, m, n, k, T>::storage_element_type *p,
                              const fragment<accumulator, m, n, k, T> &a, unsigned ldm, layout_t layout)
{
    detail::meet_warp();
    for (int r = 0; r < m; ++r) {
        for (int c = 0; c < n; ++c) {
            p[detail::offset(layout == mem_row_major, r, c, ldm)] = a.x[r * n + c];
        }
    }
}

template <int m, int n, int k, class Td, class Ta, class La, class Tb, class Lb, class Tc>
inline void mma_sync(fragment<accumulator, m, n, k, Td> &d, const fragment<matrix_a, m, n, k, Ta, La> &a,
                     const fragment<matrix_b, m, n, k, Tb, Lb> &b, const fragment<accumulator, m, n, k, Tc> &c,
                     bool satf = false)
{
    static_assert(std::is_same<Ta, Tb>::value,
                  "nvcuda::wmma: mma_sync needs matrix_a and matrix_b of one element type");
    static_assert(detail::accumulates<Ta, Td>::value && detail::accumulates<Ta, Tc>::value,
                  "nvcuda::wmma: mma_sync accumulates tf32 into float, __half into float or __half, __nv_bfloat16 "
                  "into float, signed char "
                  "and unsigned char into int, double into double");
    typedef typename detail::sum_of<typename detail::operand<Ta>::element>::type sum;
    detail::meet_warp();
    for (int i = 0; i < m; ++i) {
        for (int j = 0; j < n; ++j) {
            sum acc = static_cast<sum>(c.x[i * n + j]);
            for (int kk = 0; kk < k; ++kk) {
                acc = detail::mac(acc, a.x[i * k + kk], b.x[kk * n + j]);
            }
            detail::put(d.x[i * n + j], acc, satf);
        }
    }
}

inline float __float_to_tf32(float in)
{
    const std::uint32_t u = detail::bits_of(in);
    if ((u & 0x7f800000u) == 0x7f800000u) {
        return detail::truncate_tf32(in);  // infinity kept; a NaN truncated (an infinity if its payload goes)
    }
    // Adding half of the kept quantum to the magnitude rounds ties away from zero; a carry out of the
    // mantissa moves to the next binade, and past the largest finite value reaches infinity.
    return detail::float_of((u + 0x1000u) & 0xffffe000u);
}

}  // namespace wmma
}  // namespace nvcuda
