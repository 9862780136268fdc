// Regression sample: dynamic shared memory. `extern __shared__` arrays, declared in the kernel and at
// file scope, are sized by the launch's third configuration argument; two views of the same
// memory alias each other, as in CUDA.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

extern __shared__ float tile[];

// Reverse each block's chunk of `data` in place through shared memory.
__global__ void reverse_chunks(float* data, int n)
{
    int base = blockIdx.x * blockDim.x;
    int t = threadIdx.x;
    if (base + t < n) {
        tile[t] = data[base + t];
    }
    __syncthreads();
    int count = n - base < (int)blockDim.x ? n - base : (int)blockDim.x;
    if (t < count) {
        data[base + t] = tile[count - 1 - t];
    }
}

// Sum pairs of neighbours, staging ints and reading them back through a second view.
__global__ void pair_sums(const int* in, int* out, int n)
{
    extern __shared__ int stage[];
    extern __shared__ unsigned int stage_bits[];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    stage[threadIdx.x] = i < n ? in[i] : 0;
    __syncthreads();
    unsigned int right = threadIdx.x + 1 < blockDim.x ? stage_bits[threadIdx.x + 1] : 0u;
    if (i < n) {
        out[i] = stage[threadIdx.x] + (int)right;
    }
}

int main()
{
    const int n = 1000, block = 128, grid = (n + block - 1) / block;
    float* h = (float*)malloc(n * sizeof(float));
    int* hi = (int*)malloc(n * sizeof(int));
    int* ho = (int*)malloc(n * sizeof(int));
    for (int i = 0; i < n; ++i) {
        h[i] = (float)i * 0.5f;
        hi[i] = (i * 37) % 101 - 50;
    }
    float* d;
    int *di, *dout;
    hipMalloc((void**)&d, n * sizeof(float));
    hipMalloc((void**)&di, n * sizeof(int));
    hipMalloc((void**)&dout, n * sizeof(int));
    hipMemcpy(d, h, n * sizeof(float), hipMemcpyHostToDevice);
    hipMemcpy(di, hi, n * sizeof(int), hipMemcpyHostToDevice);

    reverse_chunks<<<grid, block, block * sizeof(float)>>>(d, n);
    pair_sums<<<grid, block, block * sizeof(int), 0>>>(di, dout, n);
    hipError_t err = hipDeviceSynchronize();
    if (err != hipSuccess) {
        printf("error: %s\n", hipGetErrorString(err));
        return 1;
    }
    hipMemcpy(h, d, n * sizeof(float), hipMemcpyDeviceToHost);
    hipMemcpy(ho, dout, n * sizeof(int), hipMemcpyDeviceToHost);

    int errors = 0;
    for (int i = 0; i < n; ++i) {
        int base = i / block * block, count = n - base < block ? n - base : block;
        float want = (float)(base + count - 1 - (i - base)) * 0.5f;
        int right = (i % block + 1 < block && i + 1 < n) ? hi[i + 1] : 0;
        if (h[i] != want || ho[i] != hi[i] + right) ++errors;
    }
    printf("reversed: %.1f %.1f %.1f\n", h[0], h[block], h[n - 1]);
    printf("pair sums: %d %d %d\n", ho[0], ho[block - 1], ho[n - 1]);
    printf("errors = %d\n%s\n", errors, errors == 0 ? "PASS" : "FAIL");
    hipFree(d);
    hipFree(di);
    hipFree(dout);
    free(h);
    free(hi);
    free(ho);
    return errors == 0 ? 0 : 1;
}
