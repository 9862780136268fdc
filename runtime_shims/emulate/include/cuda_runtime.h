// CUDA runtime emulation for the host C++ compiler: the numerical reference of cutrans when no GPU
// is present. It compiles the unmodified CUDA source (after translator/verify/reference.py has turned
// each kernel<<<...>>> launch into a call to cuemu::launch) and runs every CUDA thread as a fiber.
#pragma once
// CUDA's own include guards: code such as cuda-samples' helper_cuda.h tests them to see the runtime API.
#define __CUDA_RUNTIME_H__
#define __CUDA_RUNTIME_API_H__
#define __DRIVER_TYPES_H__

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <math.h>

#include "cuemu/qualifiers.h"
#include "cuemu/vector_types.h"
#include "cuemu/errors.h"
#include "cuemu/scheduler.h"
#include "cuemu/sync.h"
#include "cuemu/warp.h"
#include "cuemu/atomics.h"
#include "cuemu/device_math.h"
#include "cuemu/host_api.h"
#include "cuemu/ptx.h"
