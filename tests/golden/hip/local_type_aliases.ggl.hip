// Regression sample: `typedef` and `using` aliases declared inside device code (cuda-samples'
// cudaTensorCoreGemm copies tiles through `typedef int4 copy_t;`). An alias is a name only: the code
// uses the type it names. Covered: an alias of a vector type used to copy 16 bytes at a time, a
// `using` alias of a scalar in a device function, and an alias of a pointer type.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

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
    hipMalloc(&d_src, n * sizeof(float));
    hipMalloc(&d_dst, n * sizeof(float));
    hipMalloc(&d_mixed, n4 * sizeof(float));
    hipMemcpy(d_src, h, n * sizeof(float), hipMemcpyHostToDevice);
    hipLaunchKernelGGL(copy_and_blend, dim3((n4 + 127) / 128), dim3(128), 0, 0, d_src, d_dst, d_mixed, n4);
    hipMemcpy(back, d_dst, n * sizeof(float), hipMemcpyDeviceToHost);
    int same = 0;
    for (int i = 0; i < n; i++) same += back[i] == h[i];
    hipMemcpy(back, d_mixed, n4 * sizeof(float), hipMemcpyDeviceToHost);
    double sum = 0;
    for (int i = 0; i < n4; i++) sum += back[i] * (i % 5 + 1);
    printf("copied %d of %d, blended sum %.4f\n", same, n, sum);
    printf("%s\n", same == n ? "PASS" : "FAIL");
    hipFree(d_src); hipFree(d_dst); hipFree(d_mixed);
    free(h); free(back);
    return same == n ? 0 : 1;
}
