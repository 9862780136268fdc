// hipBLAS for HIP output run on the CPU emulation: the emulation's cuBLAS, under the hipBLAS names that
// cuemu_hip_names.h (generated from translator/mappings) spells as cuBLAS's.
#pragma once
#include <hip/hip_runtime.h>
#include <cublas_v2.h>
