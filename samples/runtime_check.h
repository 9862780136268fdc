// A helper header of the program's own, written like cuda-samples' helper_cuda.h: cutrans converts the .cu
// file that includes it and leaves the header as it is. Its CUDA runtime names then come from the target's
// names header: cutrans_cuda_names.h (OpenCL, CPU) or cutrans_hip_cuda_names.h (HIP), which also define
// CUDA's include guard that the check macro below is written under.
#pragma once
#include <cstdio>
#include <cstdlib>

#ifdef __DRIVER_TYPES_H__
#define CHECK(call) check_result((call), #call, __LINE__)
static inline void check_result(cudaError_t err, const char *what, int line) {
    if (err != cudaSuccess) {
        printf("line %d: %s failed (error %d)\n", line, what, (int)err);
        exit(1);
    }
}
#endif

// The first device, or exit: a runtime call and a runtime type in code the translator never sees.
static inline int pick_device() {
    int count = 0;
    CHECK(cudaGetDeviceCount(&count));
    if (count < 1) {
        printf("FAIL: no device\n");
        exit(1);
    }
    cudaDeviceProp prop;
    CHECK(cudaGetDeviceProperties(&prop, 0));
    CHECK(cudaSetDevice(0));
    return prop.maxThreadsPerBlock >= 256 ? 0 : -1;
}
