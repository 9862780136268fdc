// Stand-in <hip/hip_cooperative_groups.h>: the emulation's cooperative groups.
#pragma once
#include "hip_runtime.h"
#include "cooperative_groups.h"
