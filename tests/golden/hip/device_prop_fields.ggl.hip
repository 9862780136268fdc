// A cudaDeviceProp field that HIP names differently (mapping kind "member"): `sharedMemPerMultiprocessor` is
// `maxSharedMemoryPerMultiProcessor` in every HIP release. A variable with the field's name is the program's
// own and stays as written. (Fields only HIP 6 has are tested in tests/unit/test_mappings.py: HIP 5's hipcc,
// which compiles this input, lacks them.)
#include <cstdio>
#include <hip/hip_runtime.h>

__global__ void touch(int *p) { p[threadIdx.x] = threadIdx.x; }

int main() {
    hipDeviceProp_t prop;
    hipGetDeviceProperties(&prop, 0);
    const hipDeviceProp_t *view = &prop;
    size_t sharedMemPerMultiprocessor = 0;
    sharedMemPerMultiprocessor += prop.maxSharedMemoryPerMultiProcessor;  // CHECK-HIP: sharedMemPerMultiprocessor += prop.maxSharedMemoryPerMultiProcessor
    sharedMemPerMultiprocessor += view->maxSharedMemoryPerMultiProcessor;  // CHECK-HIP: view->maxSharedMemoryPerMultiProcessor
    int *d;
    hipMalloc((void **)&d, 32 * sizeof(int));
    hipLaunchKernelGGL(touch, dim3(1), dim3(32), 0, 0, d);
    printf("%zu\n", sharedMemPerMultiprocessor);
    return 0;
}
