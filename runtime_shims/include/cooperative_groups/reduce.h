/* Stand-in for CUDA's <cooperative_groups/reduce.h>: declarations only (see ../cooperative_groups.h). `reduce` has
 * a body so that a call with a lambda (a type without linkage) parses, and the translator can say what it takes. */
#ifndef CUTRANS_STANDIN_COOPERATIVE_GROUPS_REDUCE_H
#define CUTRANS_STANDIN_COOPERATIVE_GROUPS_REDUCE_H

#include "../cooperative_groups.h"

namespace cooperative_groups {

template <class T> struct plus { __device__ T operator()(const T &a, const T &b) const; };
template <class T> struct less { __device__ T operator()(const T &a, const T &b) const; };
template <class T> struct greater { __device__ T operator()(const T &a, const T &b) const; };
template <class T> struct bit_and { __device__ T operator()(const T &a, const T &b) const; };
template <class T> struct bit_or { __device__ T operator()(const T &a, const T &b) const; };
template <class T> struct bit_xor { __device__ T operator()(const T &a, const T &b) const; };

template <class Tile, class T, class Op>
__device__ T reduce(const Tile &tile, T value, Op op) { __builtin_unreachable(); }

}  // namespace cooperative_groups

#endif
