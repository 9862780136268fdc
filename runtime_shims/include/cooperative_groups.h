/* Stand-in for CUDA's <cooperative_groups.h>, so libclang parses programs that use cooperative groups.
 * Declarations only: nothing here is ever compiled. The translator gives each call its meaning
 * (translator/frontend/cooperative_groups.py); group objects have no state in the IR. */
#ifndef CUTRANS_STANDIN_COOPERATIVE_GROUPS_H
#define CUTRANS_STANDIN_COOPERATIVE_GROUPS_H

#include "cuda_runtime.h"

namespace cooperative_groups {

class thread_group {
public:
    __device__ void sync() const;
    __device__ unsigned long long thread_rank() const;
    __device__ unsigned long long size() const;
    __device__ unsigned long long num_threads() const;
    __device__ bool is_valid() const;
};

class thread_block : public thread_group {
public:
    __device__ void sync() const;
    __device__ unsigned int thread_rank() const;
    __device__ unsigned int size() const;
    __device__ unsigned int num_threads() const;
    __device__ dim3 group_index() const;
    __device__ dim3 thread_index() const;
    __device__ dim3 group_dim() const;
    __device__ dim3 dim_threads() const;
};

class grid_group : public thread_group {
public:
    __device__ void sync() const;
    __device__ unsigned long long thread_rank() const;
    __device__ unsigned long long size() const;
    __device__ unsigned long long num_threads() const;
    __device__ unsigned long long block_rank() const;
    __device__ unsigned long long num_blocks() const;
    __device__ dim3 group_dim() const;
    __device__ dim3 dim_blocks() const;
    __device__ dim3 block_index() const;
    __device__ bool is_valid() const;
};

/* The operations shared by static tiles, dynamic tiles and coalesced groups. */
class __cutrans_tile_ops : public thread_group {
public:
    __device__ void sync() const;
    __device__ unsigned int thread_rank() const;
    __device__ unsigned int size() const;
    __device__ unsigned int num_threads() const;
    __device__ unsigned int meta_group_rank() const;
    __device__ unsigned int meta_group_size() const;
    template <class T> __device__ T shfl(T var, int src_rank) const;
    template <class T> __device__ T shfl_down(T var, unsigned int delta) const;
    template <class T> __device__ T shfl_up(T var, unsigned int delta) const;
    template <class T> __device__ T shfl_xor(T var, unsigned int lane_mask) const;
    __device__ int any(int predicate) const;
    __device__ int all(int predicate) const;
    __device__ unsigned int ballot(int predicate) const;
    template <class T> __device__ unsigned int match_any(T value) const;
};

template <unsigned int N>
class thread_block_tile : public __cutrans_tile_ops {};

class coalesced_group : public __cutrans_tile_ops {};

/* The scratch multi-warp tiles (64 to 512 threads) of a block of up to MaxBlockSize threads use. */
template <unsigned int MaxBlockSize>
struct block_tile_memory {};

__device__ thread_block this_thread_block();
template <unsigned int MaxBlockSize>
__device__ thread_block this_thread_block(block_tile_memory<MaxBlockSize> &scratch);
__device__ grid_group this_grid();
__device__ coalesced_group coalesced_threads();

template <unsigned int N, class Parent>
__device__ thread_block_tile<N> tiled_partition(const Parent &parent);
__device__ thread_group tiled_partition(const thread_group &parent, unsigned int tile_size);

template <class Group> __device__ void sync(const Group &group);
template <class Group> __device__ unsigned long long thread_rank(const Group &group);
template <class Group> __device__ unsigned long long group_size(const Group &group);

}  // namespace cooperative_groups

#endif
