/* Stand-in for CUDA's cuda.h (parsing only): forwards to the runtime stand-in. */
#ifndef CUTRANS_STANDIN_CUDA_H
#define CUTRANS_STANDIN_CUDA_H
#include "cuda_runtime.h"
#endif
