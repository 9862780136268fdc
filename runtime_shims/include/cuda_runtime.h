/* Stand-in for CUDA's cuda_runtime.h (parsing only): device side, then the host runtime API. */
#ifndef CUTRANS_STANDIN_CUDA_RUNTIME_H
#define CUTRANS_STANDIN_CUDA_RUNTIME_H
#define __CUDA_RUNTIME_H__ /* CUDA's own guard, which code such as helper_cuda.h tests */
#include "__cutrans_device.h"
#include "cuda_runtime_api.h"
#endif
