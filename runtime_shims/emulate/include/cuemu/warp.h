// Warp intrinsics with exact lane semantics: the lanes named by a mask meet at a rendezvous (lanes
// that have exited count as absent), and the last lane to arrive computes every lane's result.
#pragma once

#include <atomic>
#include <climits>

#include "scheduler.h"

namespace cuemu {

enum WarpKind : int {
    k_shfl_idx, k_shfl_up, k_shfl_down, k_shfl_xor, k_ballot, k_any, k_all, k_syncwarp,
    k_match_any, k_match_all, k_reduce_add, k_reduce_min, k_reduce_max, k_reduce_and, k_reduce_or, k_reduce_xor,
    k_lane_groups,
};

// Source lane of a shuffle for `lane`, or -1 when the lane keeps its own value. `width` is a power of
// two dividing the warp width; lanes form segments of `width`.
inline int src_idx(int lane, int arg, int width) { return (lane & -width) + (arg & (width - 1)); }
inline int src_up(int lane, int arg, int width) { return (lane & (width - 1)) - arg < 0 ? -1 : lane - arg; }
inline int src_down(int lane, int arg, int width) { return (lane & (width - 1)) + arg >= width ? -1 : lane + arg; }
inline int src_xor(int lane, int arg, int width)
{
    const int src = lane ^ arg;
    return src > ((lane & -width) | (width - 1)) ? -1 : src;
}

// A shuffle that reads a lane outside its mask (or one that has exited) gets an undefined value in CUDA;
// the emulation gives the lane its own value and says so on stderr, once per kind of shuffle, because a
// program that does it computes what the GPU happens to leave in that lane (translations compute what
// the emulation does, so verify cannot catch it).
inline void warn_absent_source(int kind, int lane, int src, lanemask arrived);

template <int kind, int (*source)(int, int, int)>
void compute_shuffle(EmuThread *lanes, lanemask arrived)
{
    for (int lane = 0; lane < static_cast<int>(warp_lanes); ++lane) {
        if (has_lane(arrived, lane)) {
            const int src = source(lane, lanes[lane].arg, lanes[lane].width);
            const bool in_warp = src >= 0 && src < static_cast<int>(warp_lanes);
            const bool valid = in_warp && has_lane(arrived, src);
            if (in_warp && !valid) {
                warn_absent_source(kind, lane, src, arrived);
            }
            lanes[lane].result = lanes[valid ? src : lane].value;
        }
    }
}

// What a vote hands every participant: the ballot and the participant mask.
struct VoteResult {
    lanemask ballot;
    lanemask participants;
};

inline void compute_vote(EmuThread *lanes, lanemask arrived)
{
    lanemask ballot = 0;
    for (unsigned lane = 0; lane < warp_lanes; ++lane) {
        if (has_lane(arrived, lane) && from_slot<int>(lanes[lane].value) != 0) {
            ballot |= lane_bit(lane);
        }
    }
    for (unsigned lane = 0; lane < warp_lanes; ++lane) {
        if (has_lane(arrived, lane)) {
            lanes[lane].result = to_slot(VoteResult{ballot, arrived});
        }
    }
}

inline void compute_nothing(EmuThread *, lanemask) {}

// match_any: each lane gets the mask of lanes holding its value.
inline void compute_match_any(EmuThread *lanes, lanemask arrived)
{
    for (unsigned lane = 0; lane < warp_lanes; ++lane) {
        if (!has_lane(arrived, lane)) {
            continue;
        }
        lanemask same = 0;
        for (unsigned other = 0; other < warp_lanes; ++other) {
            if (has_lane(arrived, other) &&
                std::memcmp(lanes[lane].value.bytes, lanes[other].value.bytes, sizeof(Slot)) == 0) {
                same |= lane_bit(other);
            }
        }
        lanes[lane].result = to_slot(same);
    }
}

// match_all: every lane gets {the participant mask or 0, whether all values are equal} (a VoteResult
// whose `participants` field is 1 or 0).
inline void compute_match_all(EmuThread *lanes, lanemask arrived)
{
    compute_match_any(lanes, arrived);
    const bool all = from_slot<lanemask>(lanes[first_lane(arrived)].result) == arrived;
    for (unsigned lane = 0; lane < warp_lanes; ++lane) {
        if (has_lane(arrived, lane)) {
            lanes[lane].result = to_slot(VoteResult{all ? arrived : 0, all});
        }
    }
}

// __reduce_*_sync: operands travel as 64-bit values (sign- or zero-extended by their type).
template <long long (*op)(long long, long long)>
void compute_reduce(EmuThread *lanes, lanemask arrived)
{
    const unsigned first = first_lane(arrived);
    long long acc = from_slot<long long>(lanes[first].value);
    for (unsigned lane = first + 1; lane < warp_lanes; ++lane) {
        if (has_lane(arrived, lane)) {
            acc = op(acc, from_slot<long long>(lanes[lane].value));
        }
    }
    for (unsigned lane = 0; lane < warp_lanes; ++lane) {
        if (has_lane(arrived, lane)) {
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

// An operation on each group of `arg` consecutive lanes (a power of two up to the warp; four for AMD's
// 16-block matrix instructions, cuemu/mfma.h; 32 for a warp-wide PTX mma.sync, cuemu/ptx.h): every lane passes
// a LaneGroupOp, and the function runs once per group, on the group's `data` pointers in lane order. A group
// some of whose lanes are absent cannot be computed.
struct LaneGroupOp {
    void (*run)(void *const *lanes);
    void *data;
};

// The lanes of the group of `size` lanes that starts at lane `first`.
inline lanemask group_lanes(unsigned size, unsigned first)
{
    return size >= warp_lanes ? all_lanes : ((lanemask(1) << size) - 1) << first;
}

inline void compute_lane_groups(EmuThread *lanes, lanemask arrived)
{
    const unsigned size = static_cast<unsigned>(lanes[first_lane(arrived)].arg);
    for (unsigned first = 0; first < warp_lanes; first += size) {
        const lanemask group = group_lanes(size, first);
        if ((arrived & group) == 0) {
            continue;
        }
        if ((arrived & group) != group) {
            fatal("%s ran with lanes %u..%u only partly present (mask " CUEMU_MASK_FMT "): the %u lanes compute it "
                  "together", size == 4 ? "a 16-block matrix instruction" : "a warp matrix instruction", first,
                  first + size - 1, CUEMU_MASK_ARG(arrived), size);
        }
        void *data[64];
        for (unsigned i = 0; i < size; ++i) {
            data[i] = from_slot<LaneGroupOp>(lanes[first + i].value).data;
        }
        from_slot<LaneGroupOp>(lanes[first].value).run(data);
    }
}

// The rendezvous of the calling lane's group of `size` lanes for operation `run` on `data`.
inline void meet_lane_group(unsigned size, void (*run)(void *const *), void *data)
{
    const lanemask group = group_lanes(size, scheduler.current_lane() & ~(size - 1));
    scheduler.warp_rendezvous(k_lane_groups, group, to_slot(LaneGroupOp{run, data}), static_cast<int>(size),
                              static_cast<int>(warp_lanes));
}

inline constexpr WarpOpInfo warp_ops[] = {
    {"__shfl_sync", compute_shuffle<k_shfl_idx, src_idx>},
    {"__shfl_up_sync", compute_shuffle<k_shfl_up, src_up>},
    {"__shfl_down_sync", compute_shuffle<k_shfl_down, src_down>},
    {"__shfl_xor_sync", compute_shuffle<k_shfl_xor, src_xor>},
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
    {"a matrix instruction", compute_lane_groups},
};

inline const WarpOpInfo &warp_op(int kind) { return warp_ops[kind]; }

inline void warn_absent_source(int kind, int lane, int src, lanemask arrived)
{
    static std::atomic<bool> warned[k_shfl_xor + 1];
    if (warned[kind].exchange(true)) {
        return;
    }
    std::fflush(nullptr);
    std::fprintf(stderr, "cuemu: warning: %s: lane %d reads lane %d, which is not among the lanes that take part "
                 "(mask " CUEMU_MASK_FMT "); CUDA leaves that value undefined, and the emulation gives lane %d its "
                 "own value (said once)\n", warp_ops[kind].name, lane, src, CUEMU_MASK_ARG(arrived), lane);
    std::fflush(stderr);
}

inline void check_width(int width, int kind)
{
    if (width <= 0 || width > static_cast<int>(warp_lanes) || (width & (width - 1)) != 0) {
        fatal("%s: width %d is not a power of two between 1 and %u", warp_ops[kind].name, width, warp_lanes);
    }
}

template <class T>
T shuffle(int kind, lanemask mask, T var, int arg, int width)
{
    check_width(width, kind);
    return from_slot<T>(scheduler.warp_rendezvous(kind, mask, to_slot(var), arg, width));
}

inline VoteResult vote(int kind, lanemask mask, int predicate)
{
    return from_slot<VoteResult>(scheduler.warp_rendezvous(kind, mask, to_slot(predicate != 0), 0, warp_lanes));
}

template <class T>
T reduce(int kind, lanemask mask, T value)
{
    const long long wide = value;
    return static_cast<T>(from_slot<long long>(scheduler.warp_rendezvous(kind, mask, to_slot(wide), 0, warp_lanes)));
}

}  // namespace cuemu

template <class T>
T __shfl_sync(cuemu_lanemask_t mask, T var, int src_lane, int width = warpSize)
{
    return cuemu::shuffle(cuemu::k_shfl_idx, mask, var, src_lane, width);
}

template <class T>
T __shfl_up_sync(cuemu_lanemask_t mask, T var, unsigned delta, int width = warpSize)
{
    return cuemu::shuffle(cuemu::k_shfl_up, mask, var, static_cast<int>(delta), width);
}

template <class T>
T __shfl_down_sync(cuemu_lanemask_t mask, T var, unsigned delta, int width = warpSize)
{
    return cuemu::shuffle(cuemu::k_shfl_down, mask, var, static_cast<int>(delta), width);
}

template <class T>
T __shfl_xor_sync(cuemu_lanemask_t mask, T var, int lane_mask, int width = warpSize)
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

inline cuemu_lanemask_t __ballot_sync(cuemu_lanemask_t mask, int predicate)
{
    return cuemu::vote(cuemu::k_ballot, mask, predicate).ballot;
}

inline int __any_sync(cuemu_lanemask_t mask, int predicate)
{
    return cuemu::vote(cuemu::k_any, mask, predicate).ballot != 0;
}

inline int __all_sync(cuemu_lanemask_t mask, int predicate)
{
    const cuemu::VoteResult vote = cuemu::vote(cuemu::k_all, mask, predicate);
    return vote.ballot == vote.participants;
}

inline cuemu_lanemask_t __ballot(int predicate) { return __ballot_sync(cuemu::scheduler.live_lanes(), predicate); }
inline int __any(int predicate) { return __any_sync(cuemu::scheduler.live_lanes(), predicate); }
inline int __all(int predicate) { return __all_sync(cuemu::scheduler.live_lanes(), predicate); }

// Without lockstep execution "active" means: the lanes of the warp that have not exited.
inline cuemu_lanemask_t __activemask() { return cuemu::scheduler.live_lanes(); }

inline void __syncwarp(cuemu_lanemask_t mask = cuemu::all_lanes)
{
    cuemu::scheduler.warp_rendezvous(cuemu::k_syncwarp, mask & cuemu::scheduler.live_lanes(), cuemu::Slot{}, 0,
                                     cuemu::warp_lanes);
}

template <class T>
cuemu_lanemask_t __match_any_sync(cuemu_lanemask_t mask, T value)
{
    return cuemu::from_slot<cuemu_lanemask_t>(
        cuemu::scheduler.warp_rendezvous(cuemu::k_match_any, mask, cuemu::to_slot(value), 0, cuemu::warp_lanes));
}

template <class T>
cuemu_lanemask_t __match_all_sync(cuemu_lanemask_t mask, T value, int *pred)
{
    const auto result = cuemu::from_slot<cuemu::VoteResult>(
        cuemu::scheduler.warp_rendezvous(cuemu::k_match_all, mask, cuemu::to_slot(value), 0, cuemu::warp_lanes));
    *pred = static_cast<int>(result.participants);
    return result.ballot;
}

inline unsigned __reduce_add_sync(cuemu_lanemask_t mask, unsigned v) { return cuemu::reduce(cuemu::k_reduce_add, mask, v); }
inline int __reduce_add_sync(cuemu_lanemask_t mask, int v) { return cuemu::reduce(cuemu::k_reduce_add, mask, v); }
inline unsigned __reduce_min_sync(cuemu_lanemask_t mask, unsigned v) { return cuemu::reduce(cuemu::k_reduce_min, mask, v); }
inline int __reduce_min_sync(cuemu_lanemask_t mask, int v) { return cuemu::reduce(cuemu::k_reduce_min, mask, v); }
inline unsigned __reduce_max_sync(cuemu_lanemask_t mask, unsigned v) { return cuemu::reduce(cuemu::k_reduce_max, mask, v); }
inline int __reduce_max_sync(cuemu_lanemask_t mask, int v) { return cuemu::reduce(cuemu::k_reduce_max, mask, v); }
inline unsigned __reduce_and_sync(cuemu_lanemask_t mask, unsigned v) { return cuemu::reduce(cuemu::k_reduce_and, mask, v); }
inline unsigned __reduce_or_sync(cuemu_lanemask_t mask, unsigned v) { return cuemu::reduce(cuemu::k_reduce_or, mask, v); }
inline unsigned __reduce_xor_sync(cuemu_lanemask_t mask, unsigned v) { return cuemu::reduce(cuemu::k_reduce_xor, mask, v); }
