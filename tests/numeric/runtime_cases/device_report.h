/* A program's own helper header, written against CUDA's names and guards the way cuda-samples' helper_cuda.h
 * is: the translator leaves such a header (included with <...> from the program's include path) as it is,
 * so the runtimes must answer CUDA's spellings. */
#ifndef DEVICE_REPORT_H
#define DEVICE_REPORT_H
#include <stdio.h>

#ifdef __DRIVER_TYPES_H__
#define REPORT_CHECK(call) report_check((call), #call)
inline int report_check(cudaError_t result, const char* what) {
    if (result != cudaSuccess) {
        printf("%s failed: %s (%s)\n", what, cudaGetErrorName(result), cudaGetErrorString(result));
        return 1;
    }
    return 0;
}
#endif

#ifdef __CUDA_RUNTIME_H__
/* The device to run on: 0 when it is usable, -1 otherwise. */
inline int report_pick_device(void) {
    int count = 0, mode = -1, major = 0, minor = 0;
    int failed = REPORT_CHECK(cudaGetDeviceCount(&count));
    failed += REPORT_CHECK(cudaDeviceGetAttribute(&mode, cudaDevAttrComputeMode, 0));
    failed += REPORT_CHECK(cudaDeviceGetAttribute(&major, cudaDevAttrComputeCapabilityMajor, 0));
    failed += REPORT_CHECK(cudaDeviceGetAttribute(&minor, cudaDevAttrComputeCapabilityMinor, 0));
    cudaDeviceProp prop;
    failed += REPORT_CHECK(cudaGetDeviceProperties(&prop, 0));
    if (failed || count < 1 || mode == cudaComputeModeProhibited || major != prop.major || minor != prop.minor) {
        return -1;
    }
    return REPORT_CHECK(cudaSetDevice(0)) ? -1 : 0;
}
#endif

#endif
