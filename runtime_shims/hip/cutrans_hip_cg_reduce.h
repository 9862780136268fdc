/* cooperative_groups::reduce and its operators for HIP releases whose <hip/hip_cooperative_groups.h> lacks
 * them (HIP before ROCm 6; Debian's HIP 5.2 among them). Shipped next to HIP output by cutrans when the CUDA
 * source includes <cooperative_groups/reduce.h>.
 *
 * The reduction is a butterfly of xor shuffles within the tile, from size/2 down to 1: every lane ends with
 * the result, and float sums are added in that fixed order, the order the CUDA emulation that verify uses
 * as its reference follows, so the two agree bit for bit. A value that is not a number (a struct of a program's
 * operator) goes through the shuffles as 32-bit words, as CUDA's cooperative groups shuffle such types. */
#ifndef CUTRANS_HIP_CG_REDUCE_H
#define CUTRANS_HIP_CG_REDUCE_H

#include <hip/hip_runtime.h>
#include <hip/hip_cooperative_groups.h>
#include <type_traits>

#if !defined(HIP_VERSION_MAJOR) || HIP_VERSION_MAJOR < 6
namespace cooperative_groups {

template <class T> struct plus { __device__ T operator()(T a, T b) const { return a + b; } };
template <class T> struct less { __device__ T operator()(T a, T b) const { return b < a ? b : a; } };
template <class T> struct greater { __device__ T operator()(T a, T b) const { return a < b ? b : a; } };
template <class T> struct bit_and { __device__ T operator()(T a, T b) const { return a & b; } };
template <class T> struct bit_or { __device__ T operator()(T a, T b) const { return a | b; } };
template <class T> struct bit_xor { __device__ T operator()(T a, T b) const { return a ^ b; } };

namespace cutrans_detail {
template <class Tile, class T>
__device__ T shfl_xor(const Tile& tile, T value, unsigned int offset)
{
    if constexpr (std::is_arithmetic<T>::value) {
        return tile.shfl_xor(value, offset);
    } else {
        static_assert(std::is_trivially_copyable<T>::value, "cg::reduce of a type that is not trivially copyable");
        int words[(sizeof(T) + 3) / 4] = {};
        __builtin_memcpy(words, &value, sizeof(T));
        for (int& w : words) {
            w = tile.shfl_xor(w, offset);
        }
        __builtin_memcpy(&value, words, sizeof(T));
        return value;
    }
}
}  // namespace cutrans_detail

template <class Tile, class T, class Op>
__device__ T reduce(const Tile& tile, T value, Op op)
{
    for (unsigned int offset = tile.size() / 2; offset > 0; offset /= 2) {
        value = op(value, cutrans_detail::shfl_xor(tile, value, offset));
    }
    return value;
}

}  // namespace cooperative_groups
#endif

#endif /* CUTRANS_HIP_CG_REDUCE_H */
