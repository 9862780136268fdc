// Cooperative groups for the CPU emulation: thread blocks, warp tiles (static and dynamic), the grid.
//
// A tile is a contiguous, aligned range of lanes of one warp, so its operations are the emulation's
// warp operations (cuemu/warp.h) with the tile's lane mask and the tile's size as the shuffle width.
// Grid-wide sync() stops the program with an error: the emulation runs blocks one after another, so
// the blocks of a grid are never co-resident, and any other answer would be silently wrong.
//
// A tile of several warps (tiled_partition<N>, N = 64 ... 512, CUDA 11.1+) is N consecutive threads of the block.
// Its threads meet through block barriers and a per-block array, so every thread of the block must reach its
// sync() and collectives (CUDA asks that only of the tile's threads): a program where some tiles skip them stops
// in the emulation's barrier check rather than computing something else.
#pragma once

#include "cuda_runtime.h"

namespace cooperative_groups {

namespace details {

inline unsigned block_rank_of_thread()
{
    return threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z);
}

inline unsigned block_threads() { return blockDim.x * blockDim.y * blockDim.z; }

inline bool valid_tile_size(unsigned n) { return n >= 1 && n <= ::cuemu::warp_lanes && (n & (n - 1)) == 0; }

// The lanes of the calling thread's tile of `n` threads within its warp.
inline cuemu_lanemask_t tile_mask(unsigned n)
{
    const unsigned lane = block_rank_of_thread() % ::cuemu::warp_lanes;
    const cuemu_lanemask_t lanes = n == ::cuemu::warp_lanes ? ::cuemu::all_lanes : ::cuemu::lane_bit(n) - 1;
    return lanes << (lane & ~(n - 1));
}

enum class kind : unsigned char { block, tile, multi_warp_tile, grid };

}  // namespace details

// The dynamic handle every group converts to.
class thread_group {
public:
    void sync(const char *file = __builtin_FILE(), int line = __builtin_LINE()) const
    {
        if (kind_ == details::kind::block || kind_ == details::kind::multi_warp_tile) {
            ::cuemu::syncthreads_count_at(file, line, 0);
        } else if (kind_ == details::kind::tile) {
            __syncwarp(details::tile_mask(size_));
        } else {
            ::cuemu::fatal("grid-wide sync() of cooperative groups is not emulated: the emulation runs the blocks of "
                           "a grid one after another, never co-resident (%s:%d)", file, line);
        }
    }
    unsigned long long thread_rank() const { return rank_; }
    unsigned long long size() const { return size_; }
    unsigned long long num_threads() const { return size_; }
    bool is_valid() const { return size_ != 0; }

protected:
    thread_group(details::kind k, unsigned long long size, unsigned long long rank) : kind_(k), size_(size), rank_(rank) {}

    details::kind kind_;
    unsigned long long size_;
    unsigned long long rank_;
};

class thread_block : public thread_group {
public:
    thread_block() : thread_group(details::kind::block, details::block_threads(), details::block_rank_of_thread()) {}
    unsigned thread_rank() const { return static_cast<unsigned>(rank_); }
    unsigned size() const { return static_cast<unsigned>(size_); }
    unsigned num_threads() const { return static_cast<unsigned>(size_); }
    dim3 group_index() const { return blockIdx; }
    dim3 thread_index() const { return threadIdx; }
    dim3 group_dim() const { return blockDim; }
    dim3 dim_threads() const { return blockDim; }
};

inline thread_block this_thread_block() { return thread_block(); }

// CUDA's scratch for multi-warp tiles; the emulation's tiles keep their own (details::publish).
template <unsigned MaxBlockSize>
struct block_tile_memory {
};

template <unsigned MaxBlockSize>
thread_block this_thread_block(block_tile_memory<MaxBlockSize> &) { return thread_block(); }

class grid_group : public thread_group {
public:
    grid_group()
        : thread_group(details::kind::grid, 1ull * gridDim.x * gridDim.y * gridDim.z * details::block_threads(),
                       block_rank() * details::block_threads() + details::block_rank_of_thread())
    {
    }
    unsigned long long block_rank() const { return blockIdx.x + 1ull * gridDim.x * (blockIdx.y + 1ull * gridDim.y * blockIdx.z); }
    unsigned long long num_blocks() const { return 1ull * gridDim.x * gridDim.y * gridDim.z; }
    dim3 group_dim() const { return gridDim; }
    dim3 dim_blocks() const { return gridDim; }
    dim3 block_index() const { return blockIdx; }
};

inline grid_group this_grid() { return grid_group(); }

namespace details {

// A tile of `n` threads cut from a parent of `parent_size` threads in which the caller has `parent_rank`.
class tile_base : public thread_group {
public:
    tile_base(unsigned n, unsigned long long parent_size, unsigned long long parent_rank)
        : thread_group(kind::tile, n, parent_rank % n), meta_rank_(parent_rank / n),
          meta_size_((parent_size + n - 1) / n)
    {
        if (!valid_tile_size(n)) {
            ::cuemu::fatal("tiled_partition: a tile of %u threads is not a power of two between 1 and %u", n,
                           ::cuemu::warp_lanes);
        }
    }
    unsigned thread_rank() const { return static_cast<unsigned>(rank_); }
    unsigned size() const { return static_cast<unsigned>(size_); }
    unsigned num_threads() const { return static_cast<unsigned>(size_); }
    unsigned meta_group_rank() const { return static_cast<unsigned>(meta_rank_); }   // unsigned int in CUDA 12-13
    unsigned meta_group_size() const { return static_cast<unsigned>(meta_size_); }

    template <class T>
    T shfl(T var, int src_rank) const { return __shfl_sync(mask(), var, src_rank, width()); }
    template <class T>
    T shfl_down(T var, unsigned delta) const { return __shfl_down_sync(mask(), var, delta, width()); }
    template <class T>
    T shfl_up(T var, unsigned delta) const { return __shfl_up_sync(mask(), var, delta, width()); }
    template <class T>
    T shfl_xor(T var, unsigned lane_mask) const { return __shfl_xor_sync(mask(), var, static_cast<int>(lane_mask), width()); }
    int any(int predicate) const { return __any_sync(mask(), predicate); }
    int all(int predicate) const { return __all_sync(mask(), predicate); }
    // Bit i stands for the thread of rank i in this tile.
    unsigned ballot(int predicate) const
    {
        const cuemu_lanemask_t votes = __ballot_sync(mask(), predicate);
        return static_cast<unsigned>(votes >> (__builtin_ctzll(mask())));
    }
    template <class T>
    unsigned match_any(T value) const
    {
        return static_cast<unsigned>(__match_any_sync(mask(), value) >> __builtin_ctzll(mask()));
    }

private:
    cuemu_lanemask_t mask() const { return tile_mask(static_cast<unsigned>(size_)); }
    int width() const { return static_cast<int>(size_); }

    unsigned long long meta_rank_;
    unsigned long long meta_size_;
};

// One slot per thread of the running block (`__shared__` storage: one copy per block), for the exchanges of
// multi-warp tiles: `publish` waits until every thread is done with the slots, stores the caller's value in its
// own and waits until every thread has stored; the caller then reads any slot.
template <class T>
T *publish(T value)
{
    static thread_local T slots[1024];
    __syncthreads();
    slots[block_rank_of_thread()] = value;
    __syncthreads();
    return slots;
}

// A tile of N consecutive threads, N a power of two from two warps to 512 threads: rank = parent rank % N.
template <unsigned N>
class multi_warp_tile_base : public thread_group {
    static_assert(N > CUEMU_WARP_SIZE && N <= 512 && (N & (N - 1)) == 0,
                  "thread_block_tile<N>: a tile of several warps has 64, 128, 256 or 512 threads");

public:
    static constexpr bool multi_warp = true;
    static constexpr unsigned warps = N / CUEMU_WARP_SIZE;

    multi_warp_tile_base(unsigned long long parent_size, unsigned long long parent_rank)
        : thread_group(kind::multi_warp_tile, N, parent_rank % N), meta_rank_(parent_rank / N),
          meta_size_((parent_size + N - 1) / N)
    {
    }
    unsigned thread_rank() const { return static_cast<unsigned>(rank_); }
    unsigned meta_group_rank() const { return static_cast<unsigned>(meta_rank_); }
    unsigned meta_group_size() const { return static_cast<unsigned>(meta_size_); }
    // The block rank of this tile's thread 0.
    unsigned first_thread() const { return block_rank_of_thread() - thread_rank(); }

    template <class T>
    T shfl(T var, unsigned src_rank) const
    {
        const T *slots = publish(var);
        return slots[first_thread() + src_rank % N];
    }
    int any(int predicate) const { return vote(predicate, false); }
    int all(int predicate) const { return vote(predicate, true); }

private:
    int vote(int predicate, bool every) const
    {
        const int *slots = publish(predicate != 0 ? 1 : 0);
        int count = 0;
        for (unsigned i = 0; i < N; ++i) {
            count += slots[first_thread() + i];
        }
        return every ? count == static_cast<int>(N) : count != 0;
    }

    unsigned long long meta_rank_;
    unsigned long long meta_size_;
};

// thread_block_tile<N>'s base: a warp's tile up to the warp's size, a multi-warp tile above it.
template <unsigned N, bool = (N > CUEMU_WARP_SIZE)>
class tile_of : public tile_base {
    static_assert(N >= 1 && (N & (N - 1)) == 0, "thread_block_tile<N>: N must be a power of two");

public:
    static constexpr bool multi_warp = false;
    tile_of(unsigned long long parent_size, unsigned long long parent_rank) : tile_base(N, parent_size, parent_rank) {}
    static constexpr unsigned num_threads() { return N; }
    static constexpr unsigned size() { return N; }
};

template <unsigned N>
class tile_of<N, true> : public multi_warp_tile_base<N> {
public:
    tile_of(unsigned long long parent_size, unsigned long long parent_rank)
        : multi_warp_tile_base<N>(parent_size, parent_rank)
    {
    }
    static constexpr unsigned num_threads() { return N; }
    static constexpr unsigned size() { return N; }
};

}  // namespace details

template <unsigned N>
class thread_block_tile : public details::tile_of<N> {
public:
    thread_block_tile(unsigned long long parent_size, unsigned long long parent_rank)
        : details::tile_of<N>(parent_size, parent_rank)
    {
    }
};

// coalesced_threads(): the calling thread alone. Which threads of a warp run together in divergent code is
// the hardware's choice, and CUDA lets each run alone (independent thread scheduling); of the groupings it
// allows, this is the one the translations compute too (translator/frontend/cooperative_groups.py), so
// code written for any grouping (aggregated atomics) computes the same numbers everywhere.
class coalesced_group : public details::tile_base {
public:
    coalesced_group() : details::tile_base(1, 1, 0) {}
};

inline coalesced_group coalesced_threads() { return coalesced_group(); }

// A tile of a size known only at run time; tiled_partition(parent, n) returns it as a thread_group.
inline thread_group tiled_partition(const thread_group &parent, unsigned n)
{
    return details::tile_base(n, parent.size(), parent.thread_rank());
}

template <unsigned N, class Parent>
thread_block_tile<N> tiled_partition(const Parent &parent)
{
    return thread_block_tile<N>(parent.size(), parent.thread_rank());
}

template <class Group>
void sync(const Group &group, const char *file = __builtin_FILE(), int line = __builtin_LINE())
{
    group.sync(file, line);
}

template <class Group>
unsigned long long thread_rank(const Group &group) { return group.thread_rank(); }

template <class Group>
unsigned long long group_size(const Group &group) { return group.size(); }

}  // namespace cooperative_groups
