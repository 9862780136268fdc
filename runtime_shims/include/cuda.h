/* Stand-in for CUDA's cuda.h (parsing only): forwards to the runtime stand-in. */
#ifndef CUTRANS_STANDIN_CUDA_H
#define CUTRANS_STANDIN_CUDA_H
#define __cuda_cuda_h__ /* CUDA's own guard, which code such as helper_cuda.h tests */
#include "cuda_runtime.h"
#endif
