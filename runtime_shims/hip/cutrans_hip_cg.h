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

#endif /* CUTRANS_HIP_CG_H */
