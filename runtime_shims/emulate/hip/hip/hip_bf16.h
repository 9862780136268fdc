// Stand-in <hip/hip_bf16.h>: the emulation's bfloat16 (CUDA's cuda_bf16.h API). In this build HIP's type
// names are macros for CUDA's (__hip_bfloat16 is __nv_bfloat16, from cuemu_hip_names.h), so
// runtime_shims/hip/cutrans_hip_bf16.h includes this header instead of defining its own types.
#pragma once
#include "hip_runtime.h"
#include "cuda_bf16.h"
#define CUTRANS_HIP_NATIVE_BF16 1
