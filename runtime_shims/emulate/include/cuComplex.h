// <cuComplex.h> for the CPU emulation of CUDA: the functions as CUDA computes them
// (runtime_shims/common/cutrans_cucomplex.h), __host__ __device__ as CUDA declares them.
#pragma once
#include <cuda_runtime.h>
#define CUTRANS_CX_FN __host__ __device__ static __inline__
#define CUTRANS_CX_HAVE_VECTORS
#include "../../common/cutrans_cucomplex.h"
