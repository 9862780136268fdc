/* Stand-in for CUDA's device_launch_parameters.h (parsing only): forwards to the runtime stand-in. */
#ifndef CUTRANS_STANDIN_DEVICE_LAUNCH_PARAMETERS_H
#define CUTRANS_STANDIN_DEVICE_LAUNCH_PARAMETERS_H
#include "cuda_runtime.h"
#endif
