// Warp intrinsics with exact lane semantics: the lanes named by a mask meet at a rendezvous (lanes
// that have exited count as absent), and the last lane to arrive computes every lane's result.
#pragma once

#include <climits>

#include "scheduler.h"

namespace cuemu {

enum WarpKind : int {
    k_shfl_idx, k_shfl_up, k_shfl_down, k_shfl_xor, k_ballot, k_any, k_all, k_syncwarp,
    k_match_any, k_match_all, k_reduce_add, k_reduce_min, k_reduce_max, k_reduce_and, k_reduce_or, k_reduce_xor,
};

// Source lane of a shuffle for `lane`, or -1 when the lane keeps its own value. `width` is a power of
// two dividing 32; lanes form segments of `width`.
inline int src_idx(int lane, int arg, int width) { return (lane & -width) + (arg & (width - 1)); }
inline int src_up(int lane, int arg, int width) { return (lane & (width - 1)) - arg < 0 ? -1 : lane - arg; }
inline int src_down(int lane, int arg, int width) { return (lane & (width - 1)) + arg >= width ? -1 : lane + arg; }
inline int src_xor(int lane, int arg, int width)
{
    const int src = lane ^ arg;
    return src > ((lane & -width) | (width - 1)) ? -1 : src;
}

template <int (*source)(int, int, int)>
void compute_shuffle(EmuThread *lanes, unsigned arrived)
{
    for (int lane = 0; lane < static_cast<int>(warp_lanes); ++lane) {
        if ((arrived >> lane) & 1u) {
            const int src = source(lane, lanes[lane].arg, lanes[lane].width);
            const bool valid = src >= 0 && src < static_cast<int>(warp_lanes) && ((arrived >> src) & 1u);
            lanes[lane].result = lanes[valid ? src : lane].value;
        }
    }
}

// Votes: result = {ballot of the participants, participant mask}.
inline void compute_vote(EmuThread *lanes, unsigned arrived)
{
    unsigned ballot = 0;
    for (unsigned lane = 0; lane < warp_lanes; ++lane) {
        if (((arrived >> lane) & 1u) && from_slot<int>(lanes[lane].value) != 0) {
            ballot |= 1u << lane;
        }
    }
    const unsigned long long packed = ballot | (static_cast<unsigned long long>(arrived) << 32);
    for (unsigned lane = 0; lane < warp_lanes; ++lane) {
        if ((arrived >> lane) & 1u) {
            lanes[lane].result = to_slot(packed);
        }
    }
}

inline void compute_nothing(EmuThread *, unsigned) {}

// match_any: each lane gets the mask of lanes holding its value.
inline void compute_match_any(EmuThread *lanes, unsigned arrived)
{
    for (unsigned lane = 0; lane < warp_lanes; ++lane) {
        if (!((arrived >> lane) & 1u)) {
            continue;
        }
        unsigned same = 0;
        for (unsigned other = 0; other < warp_lanes; ++other) {
            if (((arrived >> other) & 1u) &&
                std::memcmp(lanes[lane].value.bytes, lanes[other].value.bytes, sizeof(Slot)) == 0) {
                same |= 1u << other;
            }
        }
        lanes[lane].result = to_slot(same);
    }
}

// match_all: every lane gets {the participant mask or 0, whether all values are equal}.
inline void compute_match_all(EmuThread *lanes, unsigned arrived)
{
    compute_match_any(lanes, arrived);
    const unsigned first = static_cast<unsigned>(__builtin_ctz(arrived));
    const bool all = from_slot<unsigned>(lanes[first].result) == arrived;
    const unsigned long long packed = (all ? arrived : 0u) | (static_cast<unsigned long long>(all) << 32);
    for (unsigned lane = 0; lane < warp_lanes; ++lane) {
        if ((arrived >> lane) & 1u) {
            lanes[lane].result = to_slot(packed);
        }
    }
}

// __reduce_*_sync: operands travel as 64-bit values (sign- or zero-extended by their type).
template <long long (*op)(long long, long long)>
void compute_reduce(EmuThread *lanes, unsigned arrived)
{
    const unsigned first = static_cast<unsigned>(__builtin_ctz(arrived));
    long long acc = from_slot<long long>(lanes[first].value);
    for (unsigned lane = first + 1; lane < warp_lanes; ++lane) {
        if ((arrived >> lane) & 1u) {
            acc = op(acc, from_slot<long long>(lanes[lane].value));
        }
    }
    for (unsigned lane = 0; lane < warp_lanes; ++lane) {
        if ((arrived >> lane) & 1u) {
            lanes[lane].result = to_slot(acc);
        }
    }
}

inline long long op_add(long long a, long long b) { return a + b; }
inline long long op_min(long long a, long long b) { return a < b ? a : b; }
inline long long op_max(long long a, long long b) { return a > b ? a : b; }
inline long long op_and(long long a, long long b) { return a & b; }
inline long long op_or(long long a, long long b) { return a | b; }
inline long long op_xor(long long a, long long b) { return a ^ b; }

inline constexpr WarpOpInfo warp_ops[] = {
    {"__shfl_sync", compute_shuffle<src_idx>},
    {"__shfl_up_sync", compute_shuffle<src_up>},
    {"__shfl_down_sync", compute_shuffle<src_down>},
    {"__shfl_xor_sync", compute_shuffle<src_xor>},
    {"__ballot_sync", compute_vote},
    {"__any_sync", compute_vote},
    {"__all_sync", compute_vote},
    {"__syncwarp", compute_nothing},
    {"__match_any_sync", compute_match_any},
    {"__match_all_sync", compute_match_all},
    {"__reduce_add_sync", compute_reduce<op_add>},
    {"__reduce_min_sync", compute_reduce<op_min>},
    {"__reduce_max_sync", compute_reduce<op_max>},
    {"__reduce_and_sync", compute_reduce<op_and>},
    {"__reduce_or_sync", compute_reduce<op_or>},
    {"__reduce_xor_sync", compute_reduce<op_xor>},
};

inline const WarpOpInfo &warp_op(int kind) { return warp_ops[kind]; }

inline void check_width(int width, int kind)
{
    if (width <= 0 || width > static_cast<int>(warp_lanes) || (width & (width - 1)) != 0) {
        fatal("%s: width %d is not a power of two between 1 and 32", warp_ops[kind].name, width);
    }
}

template <class T>
T shuffle(int kind, unsigned mask, T var, int arg, int width)
{
    check_width(width, kind);
    return from_slot<T>(scheduler.warp_rendezvous(kind, mask, to_slot(var), arg, width));
}

inline unsigned long long vote(int kind, unsigned mask, int predicate)
{
    return from_slot<unsigned long long>(scheduler.warp_rendezvous(kind, mask, to_slot(predicate != 0), 0, 32));
}

template <class T>
T reduce(int kind, unsigned mask, T value)
{
    const long long wide = value;
    return static_cast<T>(from_slot<long long>(scheduler.warp_rendezvous(kind, mask, to_slot(wide), 0, 32)));
}

}  // namespace cuemu

template <class T>
T __shfl_sync(unsigned mask, T var, int src_lane, int width = warpSize)
{
    return cuemu::shuffle(cuemu::k_shfl_idx, mask, var, src_lane, width);
}

template <class T>
T __shfl_up_sync(unsigned mask, T var, unsigned delta, int width = warpSize)
{
    return cuemu::shuffle(cuemu::k_shfl_up, mask, var, static_cast<int>(delta), width);
}

template <class T>
T __shfl_down_sync(unsigned mask, T var, unsigned delta, int width = warpSize)
{
    return cuemu::shuffle(cuemu::k_shfl_down, mask, var, static_cast<int>(delta), width);
}

template <class T>
T __shfl_xor_sync(unsigned mask, T var, int lane_mask, int width = warpSize)
{
    return cuemu::shuffle(cuemu::k_shfl_xor, mask, var, lane_mask, width);
}

// The pre-Volta spellings act on all lanes that are still running.
template <class T>
T __shfl(T var, int src_lane, int width = warpSize)
{
    return __shfl_sync(cuemu::scheduler.live_lanes(), var, src_lane, width);
}

template <class T>
T __shfl_up(T var, unsigned delta, int width = warpSize)
{
    return __shfl_up_sync(cuemu::scheduler.live_lanes(), var, delta, width);
}

template <class T>
T __shfl_down(T var, unsigned delta, int width = warpSize)
{
    return __shfl_down_sync(cuemu::scheduler.live_lanes(), var, delta, width);
}

template <class T>
T __shfl_xor(T var, int lane_mask, int width = warpSize)
{
    return __shfl_xor_sync(cuemu::scheduler.live_lanes(), var, lane_mask, width);
}

inline unsigned __ballot_sync(unsigned mask, int predicate)
{
    return static_cast<unsigned>(cuemu::vote(cuemu::k_ballot, mask, predicate));
}

inline int __any_sync(unsigned mask, int predicate)
{
    return static_cast<unsigned>(cuemu::vote(cuemu::k_any, mask, predicate)) != 0;
}

inline int __all_sync(unsigned mask, int predicate)
{
    const unsigned long long packed = cuemu::vote(cuemu::k_all, mask, predicate);
    return static_cast<unsigned>(packed) == static_cast<unsigned>(packed >> 32);
}

inline unsigned __ballot(int predicate) { return __ballot_sync(cuemu::scheduler.live_lanes(), predicate); }
inline int __any(int predicate) { return __any_sync(cuemu::scheduler.live_lanes(), predicate); }
inline int __all(int predicate) { return __all_sync(cuemu::scheduler.live_lanes(), predicate); }

// Without lockstep execution "active" means: the lanes of the warp that have not exited.
inline unsigned __activemask() { return cuemu::scheduler.live_lanes(); }

inline void __syncwarp(unsigned mask = 0xffffffffu)
{
    cuemu::scheduler.warp_rendezvous(cuemu::k_syncwarp, mask & cuemu::scheduler.live_lanes(), cuemu::Slot{}, 0, 32);
}

template <class T>
unsigned __match_any_sync(unsigned mask, T value)
{
    return cuemu::from_slot<unsigned>(cuemu::scheduler.warp_rendezvous(cuemu::k_match_any, mask, cuemu::to_slot(value), 0, 32));
}

template <class T>
unsigned __match_all_sync(unsigned mask, T value, int *pred)
{
    const auto packed = cuemu::from_slot<unsigned long long>(
        cuemu::scheduler.warp_rendezvous(cuemu::k_match_all, mask, cuemu::to_slot(value), 0, 32));
    *pred = static_cast<int>(packed >> 32);
    return static_cast<unsigned>(packed);
}

inline unsigned __reduce_add_sync(unsigned mask, unsigned v) { return cuemu::reduce(cuemu::k_reduce_add, mask, v); }
inline int __reduce_add_sync(unsigned mask, int v) { return cuemu::reduce(cuemu::k_reduce_add, mask, v); }
inline unsigned __reduce_min_sync(unsigned mask, unsigned v) { return cuemu::reduce(cuemu::k_reduce_min, mask, v); }
inline int __reduce_min_sync(unsigned mask, int v) { return cuemu::reduce(cuemu::k_reduce_min, mask, v); }
inline unsigned __reduce_max_sync(unsigned mask, unsigned v) { return cuemu::reduce(cuemu::k_reduce_max, mask, v); }
inline int __reduce_max_sync(unsigned mask, int v) { return cuemu::reduce(cuemu::k_reduce_max, mask, v); }
inline unsigned __reduce_and_sync(unsigned mask, unsigned v) { return cuemu::reduce(cuemu::k_reduce_and, mask, v); }
inline unsigned __reduce_or_sync(unsigned mask, unsigned v) { return cuemu::reduce(cuemu::k_reduce_or, mask, v); }
inline unsigned __reduce_xor_sync(unsigned mask, unsigned v) { return cuemu::reduce(cuemu::k_reduce_xor, mask, v); }
