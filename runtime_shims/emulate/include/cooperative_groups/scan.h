// cooperative_groups::inclusive_scan / exclusive_scan over a tile (Hillis-Steele with shfl_up).
#pragma once

#include "reduce.h"

namespace cooperative_groups {

template <class Tile, class T, class Op = plus<T>>
T inclusive_scan(const Tile &tile, T value, Op op = Op())
{
    for (unsigned delta = 1; delta < tile.size(); delta *= 2) {
        const T other = tile.shfl_up(value, delta);
        if (tile.thread_rank() >= delta) {
            value = op(other, value);
        }
    }
    return value;
}

// Rank 0 gets a value-initialized T (CUDA leaves it unspecified for operators other than plus).
template <class Tile, class T, class Op = plus<T>>
T exclusive_scan(const Tile &tile, T value, Op op = Op())
{
    const T inclusive = inclusive_scan(tile, value, op);
    const T shifted = tile.shfl_up(inclusive, 1);
    return tile.thread_rank() == 0 ? T() : shifted;
}

}  // namespace cooperative_groups
