// Memory from cudaMalloc, cudaMallocManaged and cudaMallocHost is aligned to at least 256 bytes, as CUDA
// guarantees, and programs check it (cuda-samples cudaTensorCoreGemm asserts 128-byte alignment before its
// vectorized loads). The emulation and the CPU runtime returned malloc's 16- and 64-byte alignment.
#include <cstdint>
#include <cstdio>
#include "oclrt.h"
#include "allocation_alignment.launch.h"

/* cutrans: kernel 'stamp' moved to allocation_alignment.cl */







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
        oclrtMalloc((void **)&device, sizes[s] * sizeof(float4));
        oclrtMallocManaged((void **)&managed, sizes[s] * sizeof(float4));
        oclrtMallocHost((void **)&host, sizes[s] * sizeof(float4));
        bad += misaligned(device) + misaligned(managed) + misaligned(host);
        cutrans_launch_stamp((sizes[s] + 63) / 64, 64, 0, 0, device, sizes[s]);
        oclrtMemcpy(host, device, sizes[s] * sizeof(float4), oclrtMemcpyDeviceToHost);
        printf("%d: last (%g, %g, %g, %g)\n", sizes[s], host[sizes[s] - 1].x, host[sizes[s] - 1].y,
               host[sizes[s] - 1].z, host[sizes[s] - 1].w);
        oclrtFree(device);
        oclrtFree(managed);
        if (s < 4) {
            oclrtFreeHost(host);
        } else {
            last = host;
        }
    }
    printf("misaligned allocations: %d\n", bad);
    oclrtFreeHost(last);
    printf("%s\n", bad ? "FAIL" : "PASS");
    return 0;
}
