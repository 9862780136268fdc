// Stand-in <hip/hip_runtime.h> for running translated HIP code on the CPU emulation (cuemu).
//
// The HIP runtime API is the CUDA one under other names, so this header includes the emulation and
// maps the names: cuemu_hip_names.h (#define hipX cudaX, one line per record of translator/mappings)
// is written next to each build by translator/verify/hip_on_cpu.py. What has no CUDA counterpart is
// defined here: hipLaunchKernelGGL, HIP_KERNEL_NAME, HIP_SYMBOL and the AMDGCN wave barrier.
// Build with -DCUEMU_WARP_SIZE=64 for a CDNA wavefront, 32 for RDNA.
#pragma once

#include "cuda_runtime.h"
#include "cuda_profiler_api.h"   // HIP declares hipProfilerStart/Stop in hip_runtime_api.h
#include "cuemu/mfma.h"          // the CDNA matrix-instruction builtins cutrans_hip_wmma.h can use
#include "cuemu_hip_names.h"
// HIP's names are CUDA's here: cutrans_hip_cuda_names.h (CUDA's names onto HIP's) must define nothing.
#define CUTRANS_HIP_NAMES_ARE_CUDA 1

#ifndef __HIP_PLATFORM_AMD__
#define __HIP_PLATFORM_AMD__ 1
#endif
#define __HIP__ 1
#define __HIPCC__ 1
#define HIP_VERSION_MAJOR 5
#define HIP_VERSION_MINOR 2
#define HIP_VERSION (HIP_VERSION_MAJOR * 10000000 + HIP_VERSION_MINOR * 100000)

#define HIP_KERNEL_NAME(...) __VA_ARGS__
#define HIP_SYMBOL(symbol) symbol
#define hipLaunchKernelGGL(kernel, grid, block, shmem, stream, ...)                                           \
    ::cuemu::launch(#kernel, [&](auto &&...cuemu_hip_args_) { (kernel)(cuemu_hip_args_...); },               \
                    ::cuemu::config(dim3(grid), dim3(block), static_cast<std::size_t>(shmem), (stream)),     \
                    ##__VA_ARGS__)

namespace cuemu {

// A wavefront executes in lockstep, so its barrier only orders the lanes: here, every running lane
// meets the others.
inline void wave_barrier() { __syncwarp(scheduler.live_lanes()); }

}  // namespace cuemu

#define __builtin_amdgcn_wave_barrier() ::cuemu::wave_barrier()

// HIP's lane index helpers.
inline unsigned __lane_id() { return (threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z)) % warpSize; }
