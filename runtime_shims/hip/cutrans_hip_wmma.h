/* cutrans: CUDA's warp matrix functions (<mma.h>, namespace nvcuda::wmma) in plain HIP C++.
 *
 * By default this implementation does not use AMD's matrix cores: each thread computes its part of every
 * operation alone, with ordinary arithmetic and without exchanging data with other lanes, so the results are
 * exact (the semantics below, bit for bit) on 32- and 64-lane wavefronts alike. It is what the cutrans HIP
 * backend writes in place of `#include <mma.h>`; the code that uses nvcuda::wmma stays as it was.
 *
 * Matrix-core mode (CUTRANS_WMMA_MATRIX_CORES=1, which cutrans_hip_wmma_mfma.h sets; `cutrans convert --to hip
 * --tensor-core intrinsics`) runs mma_sync on the matrix cores of CDNA GPUs (gfx908, gfx90a, gfx940, gfx941)
 * through the 16-block MFMA builtins: __half with v_mfma_f32_4x4x4f16, tf32 with v_mfma_f32_4x4x1f32 on the
 * truncated operands, signed char with v_mfma_i32_4x4x4i8. Each group of four lanes computes one 4 x 4 block
 * of D from its own registers, so a CUDA warp (half of a 64-lane wavefront) never needs the other half: the
 * two warps of a wavefront may diverge. These instructions have the throughput of the 16x16 ones (AMD's matrix
 * instruction calculator: 1024 FLOPs/CU/cycle for f16 on CDNA2). An m x n accumulator with m * n = 256 then
 * holds the tile in 16 blocks of 4 x 4: value t of lane l is row 4 * (B / (n / 4)) + t % 4, column
 * 4 * (B % (n / 4)) + l % 4 of the tile, where B = 8 * (t / 4) + l / 4 is its block (what the instruction
 * leaves in each lane's registers). A and B fragments keep the whole tile in every thread, as by default.
 * unsigned char (no unsigned MFMA), satf on 8-bit sums, and double keep the default arithmetic. The matrix
 * cores add floating sums in their own order and rounding, so results may differ from the semantics below
 * in the last bits: cutrans counts this mode as an unsafe rewrite (translator/unsafe.py).
 *
 * The semantics are cutrans's portable ones (docs/tensor_cores.md; the same as the OpenCL and CPU
 * targets' lowering in translator/passes/lower_matrix_ops.py and the reference emulation
 * runtime_shims/emulate/include/mma.h):
 *  - lane = the thread's linear id in its block, (threadIdx.z * blockDim.y + threadIdx.y) * blockDim.x +
 *    threadIdx.x, mod 32: its lane in CUDA's 32-thread warp (HIP numbers a wavefront's lanes the same way).
 *  - matrix_a (m x k) and matrix_b (k x n) fragments hold the whole tile in every thread, row-major:
 *    element (r, c) is x[r * cols + c], num_elements = rows * cols.
 *  - an accumulator (m x n) holds the elements e = lane + 32 * t, t < m * n / 32, of the tile in row-major
 *    order (i = e / n, j = e % n): the 32 threads of a warp hold each element once.
 *  - mma_sync: d(i,j) = c(i,j) + a(i,0)*b(0,j) + a(i,1)*b(1,j) + ..., k ascending, one rounding per step,
 *    never contracted into an FMA. tf32: each input with its low 13 mantissa bits cleared (a NaN kept as
 *    it is), float products and sums. __half: float products (exact) and float sums; a __half c is
 *    widened, a __half d gets the float sum rounded to nearest even once. __nv_bfloat16: the same into a
 *    float d; the inputs convert to float exactly and their product is exact in float unless it overflows
 *    or falls below float's normal range, so it is kept from fusing as tf32's is. signed/unsigned char: int
 *    products summed modulo 2^32. double: one fma per step. satf = true saturates as the emulation does.
 *  - load_matrix_sync, store_matrix_sync and mma_sync start with a rendezvous of the warp's lanes (CUDA's
 *    *_sync), so memory one lane wrote before the call is seen by the others; nothing rounds on load,
 *    store or fill_fragment.
 *  - __float_to_tf32 rounds to nearest, ties away from zero, to 10 mantissa bits (PTX cvt.rna.tf32.f32).
 * Fragments (m x n x k): tf32 16x16x8 (float accumulator); __half 16x16x16, 32x8x16, 8x32x16 (float or
 * __half accumulator); __nv_bfloat16 the same shapes (float accumulator); signed char, unsigned char the
 * same shapes (int accumulator); double 8x8x4. In matrix-core mode __nv_bfloat16 keeps the default
 * arithmetic (no bf16 MFMA is used yet). Any
 * other fragment fails to compile with a static_assert that lists these. */
#ifndef CUTRANS_HIP_WMMA_H
#define CUTRANS_HIP_WMMA_H

#include <hip/hip_runtime.h>
#include "cutrans_hip_fp16.h"
#include "cutrans_hip_bf16.h"   /* as CUDA's mma.h brings cuda_bf16.h */

#include <stddef.h>
#include <type_traits>

#ifndef CUTRANS_WMMA_MATRIX_CORES
#define CUTRANS_WMMA_MATRIX_CORES 0
#endif
#if CUTRANS_WMMA_MATRIX_CORES
#if defined(CUEMU_WARP_SIZE)
// The CPU emulation that `cutrans verify` runs HIP output on provides the builtins (cuemu/mfma.h).
#if CUEMU_WARP_SIZE != 64
#error "cutrans_hip_wmma.h: matrix-core mode is for CDNA's 64-lane wavefronts (build the emulation for gfx90a)"
#endif
#elif defined(__HIP_DEVICE_COMPILE__) && !(defined(__gfx908__) || defined(__gfx90a__) || defined(__gfx940__) || \
                                            defined(__gfx941__) || defined(__gfx942__))
#error "cutrans_hip_wmma.h: matrix-core mode needs a CDNA GPU (gfx908, gfx90a, gfx940-gfx942); translate without --tensor-core intrinsics for other archs"
#endif
#endif

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

namespace detail {

constexpr int warp = 32;

constexpr bool shape_is(int m, int n, int k, int sm, int sn, int sk) { return m == sm && n == sn && k == sk; }
constexpr bool half_shape(int m, int n, int k)
{
    return shape_is(m, n, k, 16, 16, 16) || shape_is(m, n, k, 32, 8, 16) || shape_is(m, n, k, 8, 32, 16);
}

// Per input type of matrix_a / matrix_b: what a fragment stores, what the running sum of mma_sync is kept in
// (long long for bytes: exact, reduced modulo 2^32 at the end), whether (m, n, k) exists, and which
// accumulator types it multiplies into.
template <class T> struct input {
    typedef T element;
    typedef T sum;
    static constexpr bool shape(int, int, int) { return false; }
    template <class Acc> static constexpr bool into() { return false; }
};
template <> struct input<precision::tf32> {
    typedef float element;
    typedef float sum;
    static constexpr bool shape(int m, int n, int k) { return shape_is(m, n, k, 16, 16, 8); }
    template <class Acc> static constexpr bool into() { return std::is_same<Acc, float>::value; }
};
template <> struct input<__half> {
    typedef __half element;
    typedef float sum;
    static constexpr bool shape(int m, int n, int k) { return half_shape(m, n, k); }
    template <class Acc> static constexpr bool into()
    {
        return std::is_same<Acc, float>::value || std::is_same<Acc, __half>::value;
    }
};
template <> struct input<__nv_bfloat16> {
    typedef __nv_bfloat16 element;
    typedef float sum;
    static constexpr bool shape(int m, int n, int k) { return half_shape(m, n, k); }
    template <class Acc> static constexpr bool into() { return std::is_same<Acc, float>::value; }
};
template <class T> struct byte_input {
    typedef T element;
    typedef long long sum;
    static constexpr bool shape(int m, int n, int k) { return half_shape(m, n, k); }
    template <class Acc> static constexpr bool into() { return std::is_same<Acc, int>::value; }
};
template <> struct input<signed char> : byte_input<signed char> {};
template <> struct input<unsigned char> : byte_input<unsigned char> {};
template <> struct input<double> {
    typedef double element;
    typedef double sum;
    static constexpr bool shape(int m, int n, int k) { return shape_is(m, n, k, 8, 8, 4); }
    template <class Acc> static constexpr bool into() { return std::is_same<Acc, double>::value; }
};

// An accumulator of type T exists for (m, n, k) when some input type has that shape and multiplies into T.
template <class T> constexpr bool accumulator_shape(int m, int n, int k)
{
    return (input<precision::tf32>::shape(m, n, k) && input<precision::tf32>::into<T>()) ||
           (input<__half>::shape(m, n, k) && input<__half>::into<T>()) ||
           (input<__nv_bfloat16>::shape(m, n, k) && input<__nv_bfloat16>::into<T>()) ||
           (input<signed char>::shape(m, n, k) && input<signed char>::into<T>()) ||
           (input<double>::shape(m, n, k) && input<double>::into<T>());
}

// The tile one fragment holds: rows x cols, how many elements each thread keeps, their type, and which
// layout parameter it takes (row_major or col_major for an operand, none for an accumulator).
template <class Use, int m, int n, int k, class T> struct tile {
    static constexpr int rows = 1, cols = 1, per_thread = 1;
    static constexpr bool exists = false;
    typedef T element;
    template <class Layout> static constexpr bool takes() { return false; }
};
template <int rows_, int cols_, class T> struct operand_tile {
    static constexpr int rows = rows_, cols = cols_, per_thread = rows_ * cols_;
    typedef typename input<T>::element element;
    template <class Layout> static constexpr bool takes()
    {
        return std::is_same<Layout, row_major>::value || std::is_same<Layout, col_major>::value;
    }
};
template <int m, int n, int k, class T> struct tile<matrix_a, m, n, k, T> : operand_tile<m, k, T> {
    static constexpr bool exists = input<T>::shape(m, n, k);
};
template <int m, int n, int k, class T> struct tile<matrix_b, m, n, k, T> : operand_tile<k, n, T> {
    static constexpr bool exists = input<T>::shape(m, n, k);
};
template <int m, int n, int k, class T> struct tile<accumulator, m, n, k, T> {
    static constexpr int rows = m, cols = n, per_thread = m * n / warp;
    static constexpr bool exists = accumulator_shape<T>(m, n, k);
    typedef T element;
    template <class Layout> static constexpr bool takes() { return std::is_void<Layout>::value; }
};

__device__ inline unsigned lane()
{
    return ((threadIdx.z * blockDim.y + threadIdx.y) * blockDim.x + threadIdx.x) % warp;
}

// The rendezvous of a *_sync function: the lanes of the caller's CUDA warp (a 32-lane half of a 64-lane
// wavefront) meet, and what each wrote before is visible to the others after.
__device__ inline void meet_warp()
{
#ifdef CUEMU_WARP_SIZE
    // the CPU emulation that `cutrans verify` runs HIP output on: its lanes run one after another
    __syncwarp(0xffffffffull << (__lane_id() & ~31u));
#else
    __builtin_amdgcn_fence(__ATOMIC_RELEASE, "wavefront");
    __builtin_amdgcn_wave_barrier();
    __builtin_amdgcn_fence(__ATOMIC_ACQUIRE, "wavefront");
#endif
}

// The element of an m x n accumulator tile (row * n + column) that value t of `lane` holds.
template <int m, int n> __device__ inline unsigned accumulator_element(unsigned lane, int t)
{
#if CUTRANS_WMMA_MATRIX_CORES
    if (m * n == 256) {   // 16 blocks of 4 x 4, as the 16-block matrix instructions leave them
        const unsigned block = 8 * (t / 4) + lane / 4, blocks_per_row = n / 4;
        return (4 * (block / blocks_per_row) + t % 4) * n + 4 * (block % blocks_per_row) + lane % 4;
    }
#endif
    return lane + warp * t;
}

__device__ inline size_t offset(bool row_major_order, unsigned r, unsigned c, unsigned ldm)
{
    return row_major_order ? size_t(r) * ldm + c : r + size_t(c) * ldm;
}

__device__ inline unsigned bits_of(float v)
{
    unsigned u;
    __builtin_memcpy(&u, &v, sizeof u);
    return u;
}

__device__ inline float float_of(unsigned u)
{
    float v;
    __builtin_memcpy(&v, &u, sizeof v);
    return v;
}

// A tf32 operand as the multiply reads it: the low 13 mantissa bits cleared, a NaN too (as an H100 does).
__device__ inline float tf32_operand(float v) { return float_of(bits_of(v) & 0xffffe000u); }

// acc + x * y, the product rounded to float on its own: for operands whose product is exact in float except
// where it underflows or overflows (tf32, bfloat16), the one place where a fused multiply-add would differ.
__device__ inline float unfused_step(float acc, float x, float y)
{
#ifdef __clang__
#pragma clang fp contract(off)
#endif
    float product = x * y;
#if defined(__HIP_DEVICE_COMPILE__)
    // The pragma is overruled by an explicit -ffp-contract=fast: an empty asm makes the product a value the
    // addition cannot fuse.
    __asm__("" : "+v"(product));
#else
    // Elsewhere (the CPU emulation `cutrans verify` runs HIP output on is built by GCC, which has no such
    // pragma and contracts device code as nvcc's -fmad=true does) a volatile is what no optimization sees into.
    volatile float kept = product;
    product = kept;
#endif
    return acc + product;
}

// One step acc + a * b per input element type (float elements are tf32 operands), in input<T>::sum.
__device__ inline float step(float acc, float a, float b) { return unfused_step(acc, tf32_operand(a), tf32_operand(b)); }
__device__ inline float step(float acc, __nv_bfloat16 a, __nv_bfloat16 b)
{
    return unfused_step(acc, __bfloat162float(a), __bfloat162float(b));   // both conversions exact
}
__device__ inline float step(float acc, __half a, __half b)
{
#ifdef __clang__
#pragma clang fp contract(off)
#endif
    const float product = __half2float(a) * __half2float(b);  // exact: fusing it could not change the sum
    return acc + product;
}
__device__ inline long long step(long long acc, signed char a, signed char b) { return acc + int(a) * int(b); }
__device__ inline long long step(long long acc, unsigned char a, unsigned char b) { return acc + int(a) * int(b); }
__device__ inline double step(double acc, double a, double b) { return fma(a, b, acc); }

__device__ inline float widen(__half v) { return __half2float(v); }
template <class T> __device__ inline T widen(T v) { return v; }

// d = the sum; with satf, a floating infinity becomes the largest finite value of its sign, NaN +0, and an
// integer sum is clamped to int's range instead of wrapping.
template <class F> __device__ inline F saturated(F v, F largest)
{
    return v != v ? F(0) : (v > largest ? largest : (v < -largest ? -largest : v));
}
__device__ inline void put(float &d, float sum, bool satf) { d = satf ? saturated(sum, __FLT_MAX__) : sum; }
__device__ inline void put(double &d, double sum, bool satf) { d = satf ? saturated(sum, __DBL_MAX__) : sum; }
__device__ inline void put(__half &d, float sum, bool satf)
{
    d = __float2half(sum);
    if (satf) {
        d = __float2half(saturated(__half2float(d), 65504.0f));
    }
}
__device__ inline void put(int &d, long long sum, bool satf)
{
    if (satf) {
        sum = sum > 2147483647ll ? 2147483647ll : (sum < -2147483648ll ? -2147483648ll : sum);
    }
    d = int(unsigned(sum & 0xffffffffll));
}

#if CUTRANS_WMMA_MATRIX_CORES
#if defined(CUEMU_WARP_SIZE)
typedef ::cuemu::mfma_f16x4 f16x4;
typedef ::cuemu::mfma_f32x4 f32x4;
typedef ::cuemu::mfma_i32x4 i32x4;
#else
typedef _Float16 f16x4 __attribute__((ext_vector_type(4)));
typedef float f32x4 __attribute__((ext_vector_type(4)));
typedef int i32x4 __attribute__((ext_vector_type(4)));
#endif

// The block of a 256-element tile that `lane` computes in block group g (0 or 1): its first row and column.
template <int n> struct core_block {
    unsigned row, col;
    __device__ core_block(unsigned lane, int g)
        : row(4 * ((8 * g + lane / 4) / (n / 4))), col(4 * ((8 * g + lane / 4) % (n / 4))) {}
};

// mma_sync on the matrix cores, or false where this input type, shape or satf keeps the default arithmetic.
// Lane r of a group of four gives row r of the block's A, column r of B and of C, and gets column r of D
// (register q = row q); the k steps run in order, each adding to the block's running sums.
template <int m, int n, int k, class T, class Tc, class Td>
__device__ inline bool core_mma(Td *, const T *, const T *, const Tc *, unsigned, bool)
{
    return false;
}

// One k step of a block's float sums: four __half k values (v_mfma_f32_4x4x4f16), or one tf32 value
// (v_mfma_f32_4x4x1f32 on the truncated operands). `a`: this lane's row of A at the step's first k; `b`: its
// column of B there (rows n apart).
template <class T> struct core_step;
template <> struct core_step<__half> {
    static constexpr int k = 4;
    __device__ static f32x4 run(const __half *a, const __half *b, int n, f32x4 sum)
    {
        f16x4 av, bv;
        for (int q = 0; q < 4; ++q) {
            av[q] = __half2float(a[q]);   // exact: the value is a half
            bv[q] = __half2float(b[q * n]);
        }
        return __builtin_amdgcn_mfma_f32_4x4x4f16(av, bv, sum, 0, 0, 0);
    }
};
template <> struct core_step<float> {
    static constexpr int k = 1;
    __device__ static f32x4 run(const float *a, const float *b, int, f32x4 sum)
    {
        return __builtin_amdgcn_mfma_f32_4x4x1f32(tf32_operand(*a), tf32_operand(*b), sum, 0, 0, 0);
    }
};

template <int m, int n, int k, class T, class Tc, class Td>
__device__ inline bool core_float_mma(Td *d, const T *a, const T *b, const Tc *c, unsigned lane, bool satf)
{
    if (m * n != 256) {
        return false;
    }
    const unsigned r = lane % 4;
    for (int g = 0; g < 2; ++g) {
        const core_block<n> at(lane, g);
        f32x4 sum;
        for (int q = 0; q < 4; ++q) {
            sum[q] = widen(c[4 * g + q]);
        }
        for (int kk = 0; kk < k; kk += core_step<T>::k) {
            sum = core_step<T>::run(a + (at.row + r) * k + kk, b + kk * n + at.col + r, n, sum);
        }
        for (int q = 0; q < 4; ++q) {
            put(d[4 * g + q], sum[q], satf);
        }
    }
    return true;
}

template <int m, int n, int k, class Tc, class Td>
__device__ inline bool core_mma(Td *d, const __half *a, const __half *b, const Tc *c, unsigned lane, bool satf)
{
    return core_float_mma<m, n, k>(d, a, b, c, lane, satf);
}

template <int m, int n, int k, class Tc, class Td>
__device__ inline bool core_mma(Td *d, const float *a, const float *b, const Tc *c, unsigned lane, bool satf)
{
    return core_float_mma<m, n, k>(d, a, b, c, lane, satf);
}

__device__ inline int packed_bytes(signed char b0, signed char b1, signed char b2, signed char b3)
{
    return int((unsigned char)b0 | unsigned((unsigned char)b1) << 8 | unsigned((unsigned char)b2) << 16 |
               unsigned((unsigned char)b3) << 24);
}

template <int m, int n, int k>
__device__ inline bool core_mma(int *d, const signed char *a, const signed char *b, const int *c, unsigned lane,
                                bool satf)
{
    if (m * n != 256 || satf) {   // the instruction wraps; satf clamps the exact sum
        return false;
    }
    const unsigned r = lane % 4;
    for (int g = 0; g < 2; ++g) {
        const core_block<n> at(lane, g);
        i32x4 sum;
        for (int q = 0; q < 4; ++q) {
            sum[q] = c[4 * g + q];
        }
        for (int kk = 0; kk < k; kk += 4) {
            const signed char *row = a + (at.row + r) * k + kk;
            const signed char *col = b + kk * n + at.col + r;
            sum = __builtin_amdgcn_mfma_i32_4x4x4i8(packed_bytes(row[0], row[1], row[2], row[3]),
                                                    packed_bytes(col[0], col[n], col[2 * n], col[3 * n]), sum, 0,
                                                    0, 0);
        }
        for (int q = 0; q < 4; ++q) {
            d[4 * g + q] = sum[q];
        }
    }
    return true;
}
#endif  // CUTRANS_WMMA_MATRIX_CORES

}  // namespace detail

template <class Use, int m, int n, int k, class T, class Layout = void>
class fragment {
    typedef detail::tile<Use, m, n, k, T> tile_;
    static_assert(tile_::exists,
                  "cutrans_hip_wmma.h has no such fragment; it has (m x n x k) tf32 16x16x8 -> float, __half "
                  "16x16x16 / 32x8x16 / 8x32x16 -> float or __half, __nv_bfloat16 in those shapes -> float, signed and "
                  "unsigned char in those shapes -> int, "
                  "double 8x8x4 -> double");
    static_assert(tile_::template takes<Layout>(),
                  "cutrans_hip_wmma.h: matrix_a and matrix_b fragments are declared with wmma::row_major or "
                  "wmma::col_major, accumulators without a layout");

public:
    typedef typename tile_::element element_type;
    typedef element_type storage_element_type;
    enum { num_elements = tile_::per_thread };
    element_type x[num_elements];
};

template <class Use, int m, int n, int k, class T, class Layout>
__device__ inline void fill_fragment(fragment<Use, m, n, k, T, Layout> &a,
                                     const typename fragment<Use, m, n, k, T, Layout>::element_type &value)
{
    for (int t = 0; t < fragment<Use, m, n, k, T, Layout>::num_elements; ++t) {
        a.x[t] = value;
    }
}

template <class Use, int m, int n, int k, class T, class Layout>
__device__ inline void load_matrix_sync(fragment<Use, m, n, k, T, Layout> &a,
                                        const typename fragment<Use, m, n, k, T, Layout>::storage_element_type *p,
                                        unsigned ldm)
{
    static_assert(!std::is_same<Use, accumulator>::value,
                  "cutrans_hip_wmma.h: loading an accumulator needs wmma::mem_row_major or wmma::mem_col_major");
    typedef detail::tile<Use, m, n, k, T> tile;
    detail::meet_warp();
    for (int r = 0; r < tile::rows; ++r) {
        for (int c = 0; c < tile::cols; ++c) {
            a.x[r * tile::cols + c] = p[detail::offset(std::is_same<Layout, row_major>::value, r, c, ldm)];
        }
    }
}

template <class Use, int m, int n, int k, class T, class Layout>
__device__ inline void load_matrix_sync(fragment<Use, m, n, k, T, Layout> &a,
                                        const typename fragment<Use, m, n, k, T, Layout>::storage_element_type *p,
                                        unsigned ldm, layout_t layout)
{
    static_assert(std::is_same<Use, accumulator>::value,
                  "cutrans_hip_wmma.h: a matrix_a or matrix_b fragment has its layout in its type; only an "
                  "accumulator is loaded with a layout_t");
    detail::meet_warp();
    const unsigned lane = detail::lane();
    for (int t = 0; t < fragment<Use, m, n, k, T, Layout>::num_elements; ++t) {
        const unsigned e = detail::accumulator_element<m, n>(lane, t);
        a.x[t] = p[detail::offset(layout == mem_row_major, e / n, e % n, ldm)];
    }
}

template <int m, int n, int k, class T>
__device__ inline void store_matrix_sync(typename fragment<accumulator, m, n, k, T>::storage_element_type *p,
                                         const fragment<accumulator, m, n, k, T> &a, unsigned ldm, layout_t layout)
{
    detail::meet_warp();
    const unsigned lane = detail::lane();
    for (int t = 0; t < fragment<accumulator, m, n, k, T>::num_elements; ++t) {
        const unsigned e = detail::accumulator_element<m, n>(lane, t);
        p[detail::offset(layout == mem_row_major, e / n, e % n, ldm)] = a.x[t];
    }
}

template <int m, int n, int k, class Td, class Ta, class La, class Tb, class Lb, class Tc>
__device__ inline void mma_sync(fragment<accumulator, m, n, k, Td> &d, const fragment<matrix_a, m, n, k, Ta, La> &a,
                                const fragment<matrix_b, m, n, k, Tb, Lb> &b,
                                const fragment<accumulator, m, n, k, Tc> &c, bool satf = false)
{
    static_assert(std::is_same<Ta, Tb>::value, "cutrans_hip_wmma.h: mma_sync multiplies A and B of one type");
    static_assert(detail::input<Ta>::template into<Td>() && detail::input<Ta>::template into<Tc>(),
                  "cutrans_hip_wmma.h: mma_sync's C and D are float for tf32, float or __half for __half, float for "
                  "__nv_bfloat16, int for "
                  "signed and unsigned char, double for double");
    typedef typename detail::input<Ta>::sum sum_t;
    detail::meet_warp();
    const unsigned lane = detail::lane();
#if CUTRANS_WMMA_MATRIX_CORES
    if (detail::core_mma<m, n, k>(d.x, a.x, b.x, c.x, lane, satf)) {
        return;
    }
#endif
    for (int t = 0; t < fragment<accumulator, m, n, k, Td>::num_elements; ++t) {
        const unsigned e = detail::accumulator_element<m, n>(lane, t), i = e / n, j = e % n;
        sum_t sum = static_cast<sum_t>(detail::widen(c.x[t]));
        for (int kk = 0; kk < k; ++kk) {
            sum = detail::step(sum, a.x[i * k + kk], b.x[kk * n + j]);
        }
        detail::put(d.x[t], sum, satf);
    }
}

// Round to nearest, ties away from zero, keeping 10 mantissa bits: adding half of the dropped part's unit
// to the magnitude's bits carries into the kept ones exactly when the dropped part is at least half (into
// the next binade, and past the largest finite value to infinity); an infinity is kept and a NaN truncated.
__device__ inline float __float_to_tf32(float in)
{
    const unsigned u = detail::bits_of(in);
    if ((u & 0x7f800000u) == 0x7f800000u) {
        return detail::tf32_operand(in);
    }
    return detail::float_of((u + 0x1000u) & 0xffffe000u);
}

}  // namespace wmma
}  // namespace nvcuda

#endif  // CUTRANS_HIP_WMMA_H
