// A helper header of the program's own that includes <cuda_runtime.h> and holds host code only (HeCBench rmsnorm's
// common.h: random inputs, and a check that copies a device result back with cudaMemcpy). It includes a CUDA
// header, so it is CUDA code: cutrans writes a host copy of it for each target, with the include and the runtime
// names rewritten (the OpenCL and CPU builds have no cuda_runtime.h to compile it as it is).
#pragma once
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

static inline float *filled(size_t n, unsigned seed)
{
    float *v = (float *)malloc(n * sizeof(float));
    for (size_t i = 0; i < n; ++i) {
        seed = seed * 1664525u + 1013904223u;
        v[i] = (float)(seed >> 8) / 16777216.0f * 2.0f - 1.0f;
    }
    return v;
}

// copies `n` results back from the device and counts those further than `tolerance` from `want`
static inline int mismatches(const float *device_result, const float *want, size_t n, float tolerance)
{
    float *got = (float *)malloc(n * sizeof(float));
    hipError_t err = hipMemcpy(got, device_result, n * sizeof(float), hipMemcpyDeviceToHost);
    if (err != hipSuccess) {
        printf("cudaMemcpy failed: %s\n", hipGetErrorString(err));
        exit(1);
    }
    int bad = 0;
    for (size_t i = 0; i < n; ++i) {
        bad += fabsf(got[i] - want[i]) > tolerance;
    }
    free(got);
    return bad;
}
