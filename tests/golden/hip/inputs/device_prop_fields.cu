// A cudaDeviceProp field that HIP names differently (mapping kind "member"): `sharedMemPerMultiprocessor` is
// `maxSharedMemoryPerMultiProcessor` in every HIP release. A variable with the field's name is the program's
// own and stays as written. (Fields only HIP 6 has are tested in tests/unit/test_mappings.py: HIP 5's hipcc,
// which compiles this input, lacks them.)
#include <cstdio>
#include <cuda_runtime.h>

__global__ void touch(int *p) { p[threadIdx.x] = threadIdx.x; }

int main() {
    cudaDeviceProp prop;
    cudaGetDeviceProperties(&prop, 0);
    const cudaDeviceProp *view = &prop;
    size_t sharedMemPerMultiprocessor = 0;
    sharedMemPerMultiprocessor += prop.sharedMemPerMultiprocessor;  // CHECK-HIP: sharedMemPerMultiprocessor += prop.maxSharedMemoryPerMultiProcessor
    sharedMemPerMultiprocessor += view->sharedMemPerMultiprocessor;  // CHECK-HIP: view->maxSharedMemoryPerMultiProcessor
    int *d;
    cudaMalloc((void **)&d, 32 * sizeof(int));
    touch<<<1, 32>>>(d);
    printf("%zu\n", sharedMemPerMultiprocessor);
    return 0;
}
