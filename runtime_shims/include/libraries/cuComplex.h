/* Stand-in for CUDA's <cuComplex.h>: the functions with their bodies (runtime_shims/common/cutrans_cucomplex.h),
 * so that libclang parses programs that use them without a CUDA toolkit and the translator lowers each call
 * into OpenCL and CPU device code as a device function. */
#ifndef CUTRANS_STANDIN_CUCOMPLEX_H
#define CUTRANS_STANDIN_CUCOMPLEX_H
#include <cuda_runtime.h>
#define CUTRANS_CX_FN __host__ __device__ static __inline__
#define CUTRANS_CX_HAVE_VECTORS
#include "../../common/cutrans_cucomplex.h"
#endif
