// Streams and events run in order; device printf from several threads comes out in thread order
// (blocks one after another, threads of a block in order while none waits); device properties.
#include <cstdio>
#include <cuda_runtime.h>

__global__ void hello(int tag)
{
    printf("block %d thread %d tag %d\n", blockIdx.x, threadIdx.x, tag);
}

__global__ void add_one(int *data, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        data[i] += 1;
    }
}

int main()
{
    cudaDeviceProp prop;
    cudaGetDeviceProperties(&prop, 0);
    printf("warpSize %d maxThreadsPerBlock %d sm %d.%d multiProcessorCount>0 %d\n", prop.warpSize,
           prop.maxThreadsPerBlock, prop.major, prop.minor, prop.multiProcessorCount > 0);
    hello<<<2, 3>>>(7);
    cudaDeviceSynchronize();

    const int n = 1000;
    int host[n];
    for (int i = 0; i < n; ++i) {
        host[i] = i;
    }
    int *dev;
    cudaMalloc(&dev, sizeof host);
    cudaStream_t s1, s2;
    cudaEvent_t start, stop;
    cudaStreamCreate(&s1);
    cudaStreamCreateWithFlags(&s2, cudaStreamNonBlocking);
    cudaEventCreate(&start);
    cudaEventCreate(&stop);
    cudaEventRecord(start, s1);
    cudaMemcpyAsync(dev, host, sizeof host, cudaMemcpyHostToDevice, s1);
    add_one<<<(n + 127) / 128, 128, 0, s1>>>(dev, n);
    add_one<<<(n + 127) / 128, 128, 0, s2>>>(dev, n);
    cudaMemcpyAsync(host, dev, sizeof host, cudaMemcpyDeviceToHost, s2);
    cudaEventRecord(stop, s2);
    cudaStreamSynchronize(s1);
    cudaStreamSynchronize(s2);
    cudaEventSynchronize(stop);
    float ms = -1.0f;
    cudaError_t err = cudaEventElapsedTime(&ms, start, stop);
    printf("elapsed ok %d nonnegative %d\n", err == cudaSuccess, ms >= 0.0f);
    printf("host[0] %d host[999] %d\n", host[0], host[999]);
    cudaEventDestroy(start);
    cudaEventDestroy(stop);
    cudaStreamDestroy(s1);
    cudaStreamDestroy(s2);
    cudaFree(dev);
    printf("last error %s\n", cudaGetErrorName(cudaGetLastError()));
    return 0;
}
