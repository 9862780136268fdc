// Stand-in <hip/hip_fp16.h>: the emulation's half precision (CUDA's cuda_fp16.h API).
#pragma once
#include "hip_runtime.h"
#include "cuda_fp16.h"
