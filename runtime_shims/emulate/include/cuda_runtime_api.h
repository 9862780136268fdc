// CUDA emulation on the CPU: forwards to cuda_runtime.h, which holds the whole emulation.
#pragma once
#include "cuda_runtime.h"
