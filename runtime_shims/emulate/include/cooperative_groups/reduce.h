// cooperative_groups::reduce over a tile, and the operators it takes.
//
// The reduction is a butterfly of shfl_xor steps (offsets size/2, ..., 1), so every thread of the
// tile ends with the same value. Integer results are exact; floating-point results follow that order.
#pragma once

#include "../cooperative_groups.h"

namespace cooperative_groups {

template <class T>
struct plus {
    T operator()(const T &a, const T &b) const { return a + b; }
};
template <class T>
struct less {
    T operator()(const T &a, const T &b) const { return b < a ? b : a; }
};
template <class T>
struct greater {
    T operator()(const T &a, const T &b) const { return a < b ? b : a; }
};
template <class T>
struct bit_and {
    T operator()(const T &a, const T &b) const { return a & b; }
};
template <class T>
struct bit_or {
    T operator()(const T &a, const T &b) const { return a | b; }
};
template <class T>
struct bit_xor {
    T operator()(const T &a, const T &b) const { return a ^ b; }
};

template <class Tile, class T, class Op>
T reduce(const Tile &tile, T value, Op op)
{
    for (unsigned offset = static_cast<unsigned>(tile.size()) / 2; offset > 0; offset /= 2) {
        value = op(value, tile.shfl_xor(value, offset));
    }
    return value;
}

}  // namespace cooperative_groups
