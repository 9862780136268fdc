// hipCUB for HIP output run on the CPU emulation: the emulation's CUB (cub::BlockReduce and its operators) under
// hipCUB's namespace, whose names and template parameters are CUB's. The emulation combines values in CUB's
// 32-lane order, which is not rocPRIM's on a 64-lane wavefront: floating-point results may differ from an AMD
// GPU's in the last bits (verify compares printed numbers with a tolerance).
#pragma once
#include <hip/hip_runtime.h>
#include <cub/cub.cuh>

namespace hipcub = cub;
