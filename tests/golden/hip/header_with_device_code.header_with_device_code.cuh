#include "cutrans_hip_compat.h"
// The device half of samples/header_with_device_code.cu: a kernel, a __device__ function and a
// cooperative-groups warp reduction written for 32-lane warps, in a header of the program's own.
#pragma once
#include "cutrans_hip_cg.h"

namespace cg = cooperative_groups;

__device__ inline float squared(float x)
{
    return x * x;
}

// One partial sum per 32-thread warp: lane 0 of each warp writes it.
__global__ void warp_sums(const float *in, float *partial, int n)
{
    cg::thread_block block = cg::this_thread_block();
    cg::thread_block_tile<32> warp = cg::tiled_partition<32>(block);
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    float v = i < n ? squared(in[i]) : 0.0f;
    for (int offset = 16; offset > 0; offset /= 2) v += warp.shfl_down(v, offset);
    if (warp.thread_rank() == 0) partial[i / 32] = v;
}

// A raw warp intrinsic with CUDA's full 32-lane mask.
__global__ void warp_max(const int *in, int *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int v = i < n ? in[i] : -2147483647;
    for (int offset = 16; offset > 0; offset /= 2) v = max(v, cutrans_warp32_shfl_xor_sync(0xffffffff, v, offset));
    if (threadIdx.x % 32 == 0) out[i / 32] = v;
}
