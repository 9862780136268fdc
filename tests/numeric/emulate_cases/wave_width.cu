// How threads fall into warps: on the HIP target this runs at the wavefront width of the offload arch
// (64 lanes on gfx90a, 32 on gfx10xx), so the printed decomposition depends on it.
#include <cstdio>
#include <cuda_runtime.h>

__global__ void decompose(int *out)
{
    int t = threadIdx.x;
    out[t * 3] = t / warpSize;
    out[t * 3 + 1] = t % warpSize;
    out[t * 3 + 2] = __popcll(__activemask());
}

int main()
{
    int host[128 * 3];
    int *dev;
    cudaMalloc((void **)&dev, sizeof host);
    decompose<<<1, 128>>>(dev);
    cudaMemcpy(host, dev, sizeof host, cudaMemcpyDeviceToHost);
    cudaDeviceProp prop;
    cudaGetDeviceProperties(&prop, 0);
    printf("warpSize %d\n", prop.warpSize);
    printf("warps per 128-thread block %d\n", host[127 * 3] + 1);
    printf("thread 100: warp %d lane %d\n", host[300], host[301]);
    printf("active lanes %d\n", host[2]);
    cudaFree(dev);
    return 0;
}
