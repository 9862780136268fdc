// Regression sample: `typedef` and `using` aliases declared inside device code (cuda-samples'
// cudaTensorCoreGemm copies tiles through `typedef int4 copy_t;`). An alias is a name only: the code
// uses the type it names. Covered: an alias of a vector type used to copy 16 bytes at a time, a
// `using` alias of a scalar in a device function, and an alias of a pointer type.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

__device__ float blend(float a, float b)
{
    using real = float;
    real w = (real)0.25;
    return w * a + (1 - w) * b;
}

__global__ void copy_and_blend(const float *src, float *dst, float *mixed, int n4)
{
    typedef int4 copy_t;
    typedef const float *row_ptr;
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n4) {
        *((copy_t *)(dst) + i) = *((const copy_t *)(src) + i);
        row_ptr row = src + 4 * i;
        mixed[i] = blend(row[0], row[3]);
    }
}

int main()
{
    const int n4 = 300, n = 4 * n4;
    float *h = (float *)malloc(n * sizeof(float)), *back = (float *)malloc(n * sizeof(float));
    for (int i = 0; i < n; i++) h[i] = (float)((i * 29) % 97) / 8.0f - 6.0f;
    float *d_src, *d_dst, *d_mixed;
    cudaMalloc(&d_src, n * sizeof(float));
    cudaMalloc(&d_dst, n * sizeof(float));
    cudaMalloc(&d_mixed, n4 * sizeof(float));
    cudaMemcpy(d_src, h, n * sizeof(float), cudaMemcpyHostToDevice);
    copy_and_blend<<<(n4 + 127) / 128, 128>>>(d_src, d_dst, d_mixed, n4);
    cudaMemcpy(back, d_dst, n * sizeof(float), cudaMemcpyDeviceToHost);
    int same = 0;
    for (int i = 0; i < n; i++) same += back[i] == h[i];
    cudaMemcpy(back, d_mixed, n4 * sizeof(float), cudaMemcpyDeviceToHost);
    double sum = 0;
    for (int i = 0; i < n4; i++) sum += back[i] * (i % 5 + 1);
    printf("copied %d of %d, blended sum %.4f\n", same, n, sum);
    printf("%s\n", same == n ? "PASS" : "FAIL");
    cudaFree(d_src); cudaFree(d_dst); cudaFree(d_mixed);
    free(h); free(back);
    return same == n ? 0 : 1;
}
