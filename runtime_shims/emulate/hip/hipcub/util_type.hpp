// <hipcub/util_type.hpp> for HIP output run on the CPU emulation: see ../../include/cub/util_type.cuh.
#pragma once
#include <hip/hip_runtime.h>
#include <cub/util_type.cuh>

namespace hipcub = cub;
