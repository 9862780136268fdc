// Stand-in <hip/hip_cooperative_groups.h>: the emulation's cooperative groups.
#pragma once
#include "hip_runtime.h"
#include "cooperative_groups.h"
// The emulation cuts tiles from tiles already (runtime_shims/hip/cutrans_hip_cg.h adds nothing).
#define CUTRANS_HIP_TILE_OF_TILE 1
// ... and has CUDA's block_tile_memory and this_thread_block(scratch).
#define CUTRANS_HIP_HAS_BLOCK_TILE_MEMORY 1
