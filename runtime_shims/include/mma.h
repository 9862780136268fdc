/* Stand-in for CUDA's <mma.h> (warp matrix functions, namespace nvcuda::wmma), so libclang parses programs
 * that use tensor cores. Declarations only: nothing here is ever compiled. The translator gives each call
 * its meaning and computes each fragment's per-thread storage itself (translator/ir/matrix.py); here only
 * the names and types matter, and num_elements is simply the whole tile.
 * Like CUDA's header, it includes cuda_fp16.h and cuda_bf16.h. */
#ifndef CUTRANS_STANDIN_MMA_H
#define CUTRANS_STANDIN_MMA_H

#include "cuda_runtime.h"
#include "cuda_fp16.h" /* as CUDA's own mma.h does */
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

template <typename T> struct __cutrans_wmma_element { typedef T type; };
template <> struct __cutrans_wmma_element<precision::tf32> { typedef float type; };

template <typename Use, int m, int n, int k> struct __cutrans_wmma_tile { enum { elements = m * n }; };
template <int m, int n, int k> struct __cutrans_wmma_tile<matrix_a, m, n, k> { enum { elements = m * k }; };
template <int m, int n, int k> struct __cutrans_wmma_tile<matrix_b, m, n, k> { enum { elements = k * n }; };

template <typename Use, int m, int n, int k, typename T, typename Layout = void>
class fragment {
public:
    typedef typename __cutrans_wmma_element<T>::type element_type;
    typedef element_type storage_element_type;
    enum { num_elements = __cutrans_wmma_tile<Use, m, n, k>::elements };
    element_type x[num_elements];
};

template <typename Use, int m, int n, int k, typename T, typename Layout>
__device__ void fill_fragment(fragment<Use, m, n, k, T, Layout> &a,
                              const typename fragment<Use, m, n, k, T, Layout>::element_type &value);

template <int m, int n, int k, typename T, typename Layout>
__device__ void load_matrix_sync(fragment<matrix_a, m, n, k, T, Layout> &a,
                                 const typename fragment<matrix_a, m, n, k, T, Layout>::storage_element_type *p,
                                 unsigned ldm);
template <int m, int n, int k, typename T, typename Layout>
__device__ void load_matrix_sync(fragment<matrix_b, m, n, k, T, Layout> &a,
                                 const typename fragment<matrix_b, m, n, k, T, Layout>::storage_element_type *p,
                                 unsigned ldm);
template <int m, int n, int k, typename T>
__device__ void load_matrix_sync(fragment<accumulator, m, n, k, T> &a,
                                 const typename fragment<accumulator, m, n, k, T>::storage_element_type *p,
                                 unsigned ldm, layout_t layout);

template <int m, int n, int k, typename T>
__device__ void store_matrix_sync(typename fragment<accumulator, m, n, k, T>::storage_element_type *p,
                                  const fragment<accumulator, m, n, k, T> &a, unsigned ldm, layout_t layout);

template <int m, int n, int k, typename Td, typename Ta, typename La, typename Tb, typename Lb, typename Tc>
__device__ void mma_sync(fragment<accumulator, m, n, k, Td> &d, const fragment<matrix_a, m, n, k, Ta, La> &a,
                         const fragment<matrix_b, m, n, k, Tb, Lb> &b, const fragment<accumulator, m, n, k, Tc> &c,
                         bool satf = false);

__device__ float __float_to_tf32(float in);

}  // namespace wmma
}  // namespace nvcuda

#endif
