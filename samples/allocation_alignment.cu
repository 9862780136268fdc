// Memory from cudaMalloc, cudaMallocManaged and cudaMallocHost is aligned to at least 256 bytes, as CUDA
// guarantees, and programs check it (cuda-samples cudaTensorCoreGemm asserts 128-byte alignment before its
// vectorized loads). The emulation and the CPU runtime returned malloc's 16- and 64-byte alignment.
#include <cstdint>
#include <cstdio>
#include <cuda_runtime.h>

__global__ void stamp(float4 *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        out[i] = make_float4((float)i, 2.0f * i, 0.5f * i, -1.0f * i);
    }
}

static int misaligned(const void *p)
{
    return (int)((uintptr_t)p % 256 != 0);
}

int main()
{
    const int sizes[] = {1, 3, 17, 100, 1000};
    int bad = 0;
    float4 *last = nullptr;
    for (int s = 0; s < 5; ++s) {
        float4 *device = nullptr, *managed = nullptr, *host = nullptr;
        cudaMalloc((void **)&device, sizes[s] * sizeof(float4));
        cudaMallocManaged((void **)&managed, sizes[s] * sizeof(float4));
        cudaMallocHost((void **)&host, sizes[s] * sizeof(float4));
        bad += misaligned(device) + misaligned(managed) + misaligned(host);
        stamp<<<(sizes[s] + 63) / 64, 64>>>(device, sizes[s]);
        cudaMemcpy(host, device, sizes[s] * sizeof(float4), cudaMemcpyDeviceToHost);
        printf("%d: last (%g, %g, %g, %g)\n", sizes[s], host[sizes[s] - 1].x, host[sizes[s] - 1].y,
               host[sizes[s] - 1].z, host[sizes[s] - 1].w);
        cudaFree(device);
        cudaFree(managed);
        if (s < 4) {
            cudaFreeHost(host);
        } else {
            last = host;
        }
    }
    printf("misaligned allocations: %d\n", bad);
    cudaFreeHost(last);
    printf("%s\n", bad ? "FAIL" : "PASS");
    return 0;
}
