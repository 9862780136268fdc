// Host code that names a kernel without launching it, and picks a kernel by the device's shared memory, as
// cuda-samples' cudaTensorCoreGemm does: cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize,
// bytes), cudaFuncSetCacheConfig(kernel, ...), and `prop.sharedMemPerMultiprocessor` (HIP spells that field
// maxSharedMemoryPerMultiProcessor). On OpenCL and the CPU the kernel itself moves to the device code, so the
// host's mention of it needs a stand-in; HIP takes the kernel as `const void*` only.
#include <cstdio>
#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"

#define TILE 1024       // floats per block staged in dynamic shared memory: 4 KB

// out[i] = in[i] * 2 + in[i ^ 1], through a block-wide tile in dynamic shared memory
__global__ void mix_through_tile(const float *in, float *out, int n)
{
    extern __shared__ float tile[];
    int base = blockIdx.x * TILE;
    for (int i = threadIdx.x; i < TILE; i += blockDim.x) {
        tile[i] = base + i < n ? in[base + i] : 0.0f;
    }
    __syncthreads();
    for (int i = threadIdx.x; i < TILE && base + i < n; i += blockDim.x) {
        out[base + i] = tile[i] * 2.0f + tile[i ^ 1];
    }
}

// the same result without shared memory, for a device with too little of it
__global__ void mix_directly(const float *in, float *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        float partner = (i ^ 1) < n ? in[i ^ 1] : 0.0f;
        out[i] = in[i] * 2.0f + partner;
    }
}

int main()
{
    const int n = 3000;
    static float in[n], out[n];
    for (int i = 0; i < n; ++i) {
        in[i] = 0.25f * (i % 37) - 4.0f;
    }
    float *din, *dout;
    hipMalloc((void **)&din, sizeof in);
    hipMalloc((void **)&dout, sizeof out);
    hipMemcpy(din, in, sizeof in, hipMemcpyHostToDevice);

    hipDeviceProp_t prop;
    hipGetDeviceProperties(&prop, 0);
    size_t bytes = TILE * sizeof(float);
    if (prop.maxSharedMemoryPerMultiProcessor >= bytes) {
        hipError_t set = hipFuncSetAttribute(mix_through_tile, hipFuncAttributeMaxDynamicSharedMemorySize,
                                               (int)bytes);
        hipError_t cache = hipFuncSetCacheConfig(mix_through_tile, hipFuncCachePreferShared);
        printf("attributes set: %s, %s\n", hipGetErrorString(set), hipGetErrorString(cache));
        mix_through_tile<<<(n + TILE - 1) / TILE, 256, bytes>>>(din, dout, n);
    } else {
        printf("attributes set: no error, no error\n");
        mix_directly<<<(n + 255) / 256, 256>>>(din, dout, n);
    }
    hipMemcpy(out, dout, sizeof out, hipMemcpyDeviceToHost);

    int failures = 0;
    for (int i = 0; i < n; ++i) {
        float want = in[i] * 2.0f + ((i ^ 1) < n ? in[i ^ 1] : 0.0f);
        if (out[i] != want) {
            if (failures < 5) {
                printf("FAIL out[%d] = %g, expected %g\n", i, out[i], want);
            }
            ++failures;
        }
    }
    printf("out[0] %g out[1001] %g out[2999] %g\n", out[0], out[1001], out[2999]);
    hipFree(din);
    hipFree(dout);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
