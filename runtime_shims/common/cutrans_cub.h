/* CUB on the OpenCL and CPU targets, host side: a translated program's #include <cub/cub.cuh> (or
 * <cub/block/block_reduce.cuh>, <cub/block/block_scan.cuh>, <cub/warp/warp_reduce.cuh>) becomes oclrt_cub.h /
 * cpurt_cub.h, which include this file. The device code's cub::BlockReduce, cub::BlockScan and cub::WarpReduce are
 * lowered by the translator (translator/frontend/cub_block.py, cub_scan.py, cub_warp.py); the host code may still name a collective, in a file-scope
 * typedef, so the names are declared here, and nothing is defined. Any other CUB name is refused when the
 * program is translated (M001). */
#pragma once

namespace cub {
enum BlockReduceAlgorithm { BLOCK_REDUCE_RAKING_COMMUTATIVE_ONLY, BLOCK_REDUCE_RAKING, BLOCK_REDUCE_WARP_REDUCTIONS };
template <typename T, int BLOCK_DIM_X, BlockReduceAlgorithm ALGORITHM = BLOCK_REDUCE_WARP_REDUCTIONS,
          int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1, int LEGACY_PTX_ARCH = 0>
class BlockReduce;
template <typename T, int LOGICAL_WARP_THREADS = 32, int LEGACY_PTX_ARCH = 0>
class WarpReduce;
enum BlockScanAlgorithm { BLOCK_SCAN_RAKING, BLOCK_SCAN_RAKING_MEMOIZE, BLOCK_SCAN_WARP_SCANS };
template <typename T, int BLOCK_DIM_X, BlockScanAlgorithm ALGORITHM = BLOCK_SCAN_RAKING, int BLOCK_DIM_Y = 1,
          int BLOCK_DIM_Z = 1, int LEGACY_PTX_ARCH = 0>
class BlockScan;
struct Sum;
struct Max;
struct Min;
}  // namespace cub
