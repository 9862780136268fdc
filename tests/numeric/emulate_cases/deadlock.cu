// Half a warp waits in a shuffle for lanes that wait at a block barrier: a deadlock to report.
#include <cstdio>
#include <cuda_runtime.h>

__global__ void stuck(int *out)
{
    int v = threadIdx.x;
    if (threadIdx.x < 16) {
        v = __shfl_sync(0xffffffffu, v, 0);
    }
    __syncthreads();
    out[threadIdx.x] = v;
}

int main()
{
    int *d;
    cudaMalloc((void **)&d, 32 * sizeof(int));
    stuck<<<1, 32>>>(d);
    printf("not reached\n");
    return 0;
}
