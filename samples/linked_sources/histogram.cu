// A shared-memory histogram; its `twice` differs from scale.cu's.
#include <cuda_runtime.h>
#include "ops.h"

static __device__ unsigned twice(unsigned x) { return x + x; }

__global__ void histogram(const unsigned *in, int n, unsigned *bins, int nbins) {
    extern __shared__ unsigned local[];
    for (int b = threadIdx.x; b < nbins; b += blockDim.x) local[b] = 0;
    __syncthreads();
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x)
        atomicAdd(&local[twice(in[i]) / 2 % nbins], 1u);
    __syncthreads();
    for (int b = threadIdx.x; b < nbins; b += blockDim.x) atomicAdd(&bins[b], local[b]);
}

int histogram_on_device(const unsigned *in, int n, unsigned *bins, int nbins) {
    cudaMemset(bins, 0, nbins * sizeof(unsigned));
    histogram<<<8, 64, nbins * sizeof(unsigned)>>>(in, n, bins, nbins);
    ++device_calls;
    return 1;
}
