// Stand-in <hip/hip_fp16.h>: the emulation's half precision (CUDA's cuda_fp16.h API).
#pragma once
#include "hip_runtime.h"
#include "cuda_fp16.h"
// The emulation's __half operators are __host__ __device__ already (runtime_shims/hip/cutrans_hip_fp16.h adds none).
#define CUTRANS_HIP_HOST_HALF_OPERATORS 1
