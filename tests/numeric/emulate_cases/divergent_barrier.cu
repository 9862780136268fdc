// Threads of one block wait at two different barriers: the emulator must stop with a message.
#include <cstdio>
#include <cuda_runtime.h>

__global__ void split(int *out)
{
    if (threadIdx.x < 16) {
        __syncthreads();
        out[threadIdx.x] = 1;
    } else {
        __syncthreads();
        out[threadIdx.x] = 2;
    }
}

int main()
{
    int *d;
    cudaMalloc((void **)&d, 64 * sizeof(int));
    split<<<1, 64>>>(d);
    cudaDeviceSynchronize();
    printf("not reached\n");
    return 0;
}
