/* cutrans host runtime for the CPU target: the CUDA runtime API with the cpurt prefix.
 * Device memory is ordinary host memory, kernels are plain function calls, streams run in order. */
#ifndef CPURT_H
#define CPURT_H

#define CUTRANS_RT_NAME(x) cpurt##x
#if __has_include("cutrans_rt.h")
#include "cutrans_rt.h"
#else
#include "../common/cutrans_rt.h"
#endif

#endif /* CPURT_H */
