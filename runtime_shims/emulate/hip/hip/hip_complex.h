// Stand-in <hip/hip_complex.h>: the emulation's cuComplex (hipCmulf and the rest are #defined onto CUDA's names
// in the generated cuemu_hip_names.h, from translator/mappings/cucomplex.toml).
#pragma once
#include "hip_runtime.h"
#include "cuComplex.h"
