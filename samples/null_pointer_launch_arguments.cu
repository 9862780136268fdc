// Regression sample: a kernel launched with a null pointer constant, `0` or `NULL`, for a pointer parameter
// (HeCBench idivide's throughput_test<int><<<g, b>>>(3, 5, 7, 0, 0)). The emulation, CI's reference, copied
// the launch's arguments as their own types, so the literal became an int that no longer converts to a
// pointer, and the reference did not build. Covered: 0 and NULL for pointers, 0 for numbers, and 0 for a
// parameter whose template argument it deduces (as int, as in CUDA).
#include <cstddef>
#include <cstdio>
#include <cuda_runtime.h>

__global__ void scale(const float *in, float *out, float *skipped, int n, float k)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        if (out != 0) out[i] = in[i] * k;
        if (skipped != NULL) skipped[i] = -1.0f;
    }
}

template <class T>
__global__ void fill(T value, T *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = value + (T)i;
}

int main()
{
    const int n = 64;
    float h[n], got[n];
    int filled[n];
    for (int i = 0; i < n; ++i) h[i] = 0.5f * i;
    float *in, *out;
    int *f;
    cudaMalloc((void **)&in, sizeof h);
    cudaMalloc((void **)&out, sizeof got);
    cudaMalloc((void **)&f, sizeof filled);
    cudaMemcpy(in, h, sizeof h, cudaMemcpyHostToDevice);
    scale<<<2, 32>>>(in, out, 0, n, 3.0f);
    scale<<<2, 32>>>(in, NULL, NULL, n, 0);
    fill<<<2, 32>>>(0, f, n);
    cudaMemcpy(got, out, sizeof got, cudaMemcpyDeviceToHost);
    cudaMemcpy(filled, f, sizeof filled, cudaMemcpyDeviceToHost);
    int bad = 0;
    for (int i = 0; i < n; ++i) bad += got[i] != 1.5f * i || filled[i] != i;
    printf("%.1f %.1f %d %d\n", got[1], got[n - 1], filled[1], filled[n - 1]);
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
