// Stand-in <hip/hip_runtime_api.h>: the whole HIP runtime stand-in lives in hip_runtime.h.
#pragma once
#include "hip_runtime.h"
