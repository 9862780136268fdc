/* cutrans: <cooperative_groups.h> for HIP, with tiles cut from tiles on HIP before ROCm 6.
 *
 * CUDA lets tiled_partition<N>(t) cut a tile from a larger tile t (a 16-thread half of a 32-thread warp);
 * HIP 5's <hip/hip_cooperative_groups.h> (Debian's HIP 5.2) defines the tiled_partition<N> it dispatches to
 * for a thread block parent only, so such code does not compile there ("implicit instantiation of
 * undefined template tiled_partition_internal"). Its tiles are defined by the thread's rank in the block
 * and their size alone (thread_rank() = block rank & (N - 1), shuffles of width N), so a tile cut from a
 * tile is the same group as one cut from the block: the specialization below makes it so. The tile keeps
 * no parent; the members that would need one (meta_group_rank/size) are rewritten by cutrans to
 * cutrans_hip_compat.h's twins, which are told the parent's size.
 *
 * Tiles of several warps (CUDA 11.1+: tiled_partition<N> with N = 64 ... 512 from the block, handed the
 * block's block_tile_memory) have no HIP equivalent: HIP's tiles stop at the wavefront, and on wave64 a
 * tile of 64 threads would be one wavefront, whose reductions combine in another order than CUDA's two
 * warps. Where a program makes such a tile, cutrans renames tiled_partition<...> and thread_block_tile<...>
 * to the cutrans_ twins below, which give tiles up to 32 threads to HIP and make the larger ones
 * cutrans_multi_warp_tile<N>: N consecutive threads of the block that exchange through shared memory at
 * block barriers, and whose cg::reduce is CUDA's two stages (each 32-thread warp's butterfly, then a
 * butterfly over the tile's warps), the order the CUDA emulation that verify uses as its reference
 * follows, on wave64 and wave32 alike.
 * Shipped next to HIP output by cutrans in place of <cooperative_groups.h>. */
#ifndef CUTRANS_HIP_CG_H
#define CUTRANS_HIP_CG_H

#include <hip/hip_runtime.h>
#include <hip/hip_cooperative_groups.h>

#if !defined(CUTRANS_HIP_TILE_OF_TILE) && (!defined(HIP_VERSION_MAJOR) || HIP_VERSION_MAJOR < 6)
namespace cooperative_groups {
namespace impl {

template <unsigned int size, unsigned int parentSize, class GrandParent>
struct tiled_partition_internal<size, thread_block_tile<parentSize, GrandParent>>
    : public thread_block_tile<size, thread_block_tile<parentSize, GrandParent>> {
    static_assert(parentSize % size == 0, "a tile is cut from a larger tile whose size it divides");
    __CG_QUALIFIER__ tiled_partition_internal(const thread_block_tile<parentSize, GrandParent>& g)
        : thread_block_tile<size, thread_block_tile<parentSize, GrandParent>>(g) {}
};

}  // namespace impl
}  // namespace cooperative_groups
#endif

namespace cooperative_groups {

#if !defined(CUTRANS_HIP_HAS_BLOCK_TILE_MEMORY)
/* CUDA's scratch for tiles of several warps; the tiles below keep their own. */
template <unsigned int MaxBlockSize = 1024>
struct block_tile_memory {
};

template <unsigned int MaxBlockSize>
__device__ static inline thread_block this_thread_block(block_tile_memory<MaxBlockSize>&)
{
    return this_thread_block();
}
#endif

namespace cutrans_detail {

__device__ static inline unsigned int block_rank()
{
    return threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z);
}

__device__ static inline unsigned int block_threads()
{
    return blockDim.x * blockDim.y * blockDim.z;
}

/* One slot per thread of the block (1024 at most) for values of type T; raw storage, so that a type with
 * constructors can be exchanged too. */
template <class T>
__device__ static inline T* thread_slots()
{
    __shared__ __attribute__((aligned(16))) unsigned char raw[1024 * sizeof(T)];
    return reinterpret_cast<T*>(raw);
}

/* Stores the caller's value in its slot once every thread is done with the slots, and returns them when
 * every thread has stored. Every thread of the block must call it, as CUDA's tile collectives require. */
template <class T>
__device__ static inline const T* publish(T value)
{
    T* slots = thread_slots<T>();
    __syncthreads();
    slots[block_rank()] = value;
    __syncthreads();
    return slots;
}

}  // namespace cutrans_detail

/* A tile of N consecutive threads of the block, N a power of two from 64 to 512: CUDA's members of such
 * tiles. sync() is the block's barrier, which every thread of the block must reach. */
template <unsigned int N>
class cutrans_multi_warp_tile {
    static_assert(N > 32u && N <= 512u && (N & (N - 1u)) == 0u,
                  "a tile of several warps has 64, 128, 256 or 512 threads");

public:
    __device__ static constexpr unsigned int size() { return N; }
    __device__ static constexpr unsigned int num_threads() { return N; }
    __device__ unsigned int thread_rank() const { return cutrans_detail::block_rank() % N; }
    __device__ unsigned int meta_group_rank() const { return cutrans_detail::block_rank() / N; }
    __device__ unsigned int meta_group_size() const { return (cutrans_detail::block_threads() + N - 1u) / N; }
    __device__ void sync() const { __syncthreads(); }

    template <class T>
    __device__ T shfl(T value, unsigned int source) const
    {
        const T* slots = cutrans_detail::publish(value);
        return slots[cutrans_detail::block_rank() - thread_rank() + source % N];
    }
    __device__ int any(int predicate) const { return count(predicate) != 0u; }
    __device__ int all(int predicate) const { return count(predicate) == N; }

private:
    __device__ unsigned int count(int predicate) const
    {
        const int* slots = cutrans_detail::publish(predicate != 0 ? 1 : 0);
        const unsigned int first = cutrans_detail::block_rank() - thread_rank();
        unsigned int n = 0u;
        for (unsigned int i = 0u; i < N; ++i) {
            n += (unsigned int)slots[first + i];
        }
        return n;
    }
};

/* cg::reduce over a tile of several warps: each 32-thread warp's butterfly of xor shuffles (16 ... 1), then
 * lane 0's result of each of the tile's W warps and a butterfly over them (W/2 ... 1), of which the tile's
 * warp k keeps the value at k. A warp that the block does not have keeps its own value at each step. */
template <unsigned int N, class T, class Op>
__device__ T reduce(const cutrans_multi_warp_tile<N>&, T value, Op op)
{
    constexpr unsigned int W = N / 32u;
    for (int offset = 16; offset > 0; offset /= 2) {
        value = op(value, __shfl_xor(value, offset, 32));
    }
    const unsigned int rank = cutrans_detail::block_rank();
    T* slots = cutrans_detail::thread_slots<T>();
    __syncthreads();
    if (rank % 32u == 0u) {
        slots[rank / 32u] = value;
    }
    __syncthreads();
    const unsigned int first = rank / 32u - rank / 32u % W;
    const unsigned int warps = (cutrans_detail::block_threads() + 31u) / 32u;
    T v[W];
    for (unsigned int j = 0u; j < W; ++j) {
        v[j] = first + j < warps ? slots[first + j] : value;
    }
    for (unsigned int offset = W / 2u; offset > 0u; offset /= 2u) {
        T next[W];
        for (unsigned int j = 0u; j < W; ++j) {
            next[j] = first + (j ^ offset) < warps ? op(v[j], v[j ^ offset]) : v[j];
        }
        for (unsigned int j = 0u; j < W; ++j) {
            v[j] = next[j];
        }
    }
    return v[rank / 32u % W];
}

namespace cutrans_detail {

template <unsigned int N, class Parent, bool = (N > 32u)>
struct partition {
    using type = decltype(tiled_partition<N>(*(const Parent*)nullptr));
    __device__ static type make(const Parent& parent) { return tiled_partition<N>(parent); }
};

/* A tile of 32 threads or fewer cut from a tile of several warps is the same group as one cut from the
 * block: both number their threads by the thread's rank in the block. */
template <unsigned int N, unsigned int M>
struct partition<N, cutrans_multi_warp_tile<M>, false> : partition<N, thread_block, false> {
    __device__ static typename partition<N, thread_block, false>::type make(const cutrans_multi_warp_tile<M>&)
    {
        return tiled_partition<N>(this_thread_block());
    }
};

template <unsigned int N, class Parent>
struct partition<N, Parent, true> {
    using type = cutrans_multi_warp_tile<N>;
    __device__ static type make(const Parent&) { return type(); }
};

template <unsigned int N, bool = (N > 32u)>
struct tile_type {
    using type = thread_block_tile<N>;
};

template <unsigned int N>
struct tile_type<N, true> {
    using type = cutrans_multi_warp_tile<N>;
};

}  // namespace cutrans_detail

/* tiled_partition<N>(parent) and thread_block_tile<N> where a program makes tiles of several warps. */
template <unsigned int N, class Parent>
__device__ static inline typename cutrans_detail::partition<N, Parent>::type cutrans_tiled_partition(
    const Parent& parent)
{
    return cutrans_detail::partition<N, Parent>::make(parent);
}

template <unsigned int N>
using cutrans_thread_block_tile = typename cutrans_detail::tile_type<N>::type;

}  // namespace cooperative_groups

/* cutrans_hip_compat.h's twins of the members HIP 5's tiles lack, for a tile of several warps. */
template <unsigned int N>
__device__ static inline int cutrans_tile_any(const cooperative_groups::cutrans_multi_warp_tile<N>& tile, int p)
{
    return tile.any(p);
}

template <unsigned int N>
__device__ static inline int cutrans_tile_all(const cooperative_groups::cutrans_multi_warp_tile<N>& tile, int p)
{
    return tile.all(p);
}

template <unsigned int N>
__device__ static inline unsigned cutrans_tile_meta_group_rank(const cooperative_groups::cutrans_multi_warp_tile<N>&
                                                                   tile, unsigned)
{
    return tile.meta_group_rank();
}

template <unsigned int N>
__device__ static inline unsigned cutrans_tile_meta_group_size(const cooperative_groups::cutrans_multi_warp_tile<N>&
                                                                   tile, unsigned)
{
    return tile.meta_group_size();
}

#endif /* CUTRANS_HIP_CG_H */
