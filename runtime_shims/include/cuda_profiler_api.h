/* Stand-in for CUDA's cuda_profiler_api.h (parsing only): cudaProfilerStart/Stop are declared with the
 * rest of the runtime API. */
#ifndef CUTRANS_STANDIN_CUDA_PROFILER_API_H
#define CUTRANS_STANDIN_CUDA_PROFILER_API_H
#include "cuda_runtime.h"
#endif
