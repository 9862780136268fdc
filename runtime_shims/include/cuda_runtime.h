/* Stand-in for CUDA's cuda_runtime.h (parsing only): device side, then the host runtime API. */
#ifndef CUTRANS_STANDIN_CUDA_RUNTIME_H
#define CUTRANS_STANDIN_CUDA_RUNTIME_H
/* The guard macro of CUDA's own header: programs and helper headers test it
 * (cuda-samples' helper_cuda.h defines its error helpers only #ifdef __CUDA_RUNTIME_H__). */
#ifndef __CUDA_RUNTIME_H__
#define __CUDA_RUNTIME_H__
#endif
#include "__cutrans_device.h"
#include "cuda_runtime_api.h"
#endif
