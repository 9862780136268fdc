// cooperative_groups::reduce over a tile, and the operators it takes.
//
// The reduction is a butterfly of shfl_xor steps (offsets size/2, ..., 1), so every thread of the
// tile ends with the same value. Integer results are exact; floating-point results follow that order.
#pragma once

#include <type_traits>

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

namespace details {

template <class G, class = void>
struct is_multi_warp : std::false_type {};
template <class G>
struct is_multi_warp<G, std::void_t<decltype(G::multi_warp)>> : std::bool_constant<G::multi_warp> {};

template <class Tile, class T, class Op>
T warp_reduce(const Tile &tile, T value, Op op)
{
    for (unsigned offset = static_cast<unsigned>(tile.size()) / 2; offset > 0; offset /= 2) {
        value = op(value, tile.shfl_xor(value, offset));
    }
    return value;
}

// CUDA's two stages (cooperative_groups/details/reduce.h): each warp reduces its values; then W = N / warp lanes
// threads reduce the warps' results (lane 0's) with the same butterfly, and warp k of the tile takes the value
// of that stage's thread k.
template <unsigned N, class T, class Op>
T multi_warp_reduce(const multi_warp_tile_base<N> &tile, T value, Op op)
{
    constexpr unsigned W = multi_warp_tile_base<N>::warps;
    const thread_block_tile<CUEMU_WARP_SIZE> warp = tiled_partition<CUEMU_WARP_SIZE>(this_thread_block());
    const T *slots = publish(warp_reduce(warp, value, op));
    const unsigned first_warp = tile.first_thread() / CUEMU_WARP_SIZE;
    T lanes[W];
    for (unsigned k = 0; k < W; ++k) {
        lanes[k] = slots[(first_warp + k) * CUEMU_WARP_SIZE];
    }
    for (unsigned offset = W / 2; offset > 0; offset /= 2) {
        T next[W];
        for (unsigned k = 0; k < W; ++k) {
            next[k] = op(lanes[k], lanes[k ^ offset]);
        }
        for (unsigned k = 0; k < W; ++k) {
            lanes[k] = next[k];
        }
    }
    return lanes[block_rank_of_thread() / CUEMU_WARP_SIZE - first_warp];
}

}  // namespace details

template <class Tile, class T, class Op>
T reduce(const Tile &tile, T value, Op op)
{
    if constexpr (details::is_multi_warp<Tile>::value) {
        return details::multi_warp_reduce(tile, value, op);
    } else {
        return details::warp_reduce(tile, value, op);
    }
}

}  // namespace cooperative_groups
