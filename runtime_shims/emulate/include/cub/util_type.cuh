// <cub/util_type.cuh> for the CPU emulation. CUB's utility types (KeyValuePair, Traits, ...) are not emulated: a
// program that includes this header for them does not build as a reference, and the compiler names the missing
// type. Programs that include it only beside <cub/cub.cuh> build.
#pragma once

#include "../cuda_runtime.h"

namespace cub {}
