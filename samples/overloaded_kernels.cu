// Kernels overloaded on their parameter types, launched directly and from a host function template whose
// instances pick the overload (HeCBench f16atomic's f16AtomicOnGlobalMem(__half *) and (__nv_bfloat16 *),
// launched from atomicCost<T>). OpenCL C and C have no overloading: the second kernel is renamed there
// (scale_int_int), and the launch glue gives both one host name, whose C++ overloads each launch resolves as
// CUDA's does. Before, the int launch called the float kernel's glue and did not build.
#include <cstdio>

__global__ void scale(float *x, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        x[i] = x[i] * 2.0f + 1.0f;
    }
}

__global__ void scale(int *x, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        x[i] = x[i] * 3 + 1;
    }
}

template <typename T>
T run(int n, T start)
{
    T *d, h[64];
    for (int i = 0; i < n; ++i) {
        h[i] = start + (T)i;
    }
    cudaMalloc(&d, sizeof(h));
    cudaMemcpy(d, h, sizeof(h), cudaMemcpyHostToDevice);
    scale<<<1, 64>>>(d, n);          // which overload depends on T
    cudaMemcpy(h, d, sizeof(h), cudaMemcpyDeviceToHost);
    cudaFree(d);
    T sum = 0;
    for (int i = 0; i < n; ++i) {
        sum += h[i];
    }
    return sum;
}

int main()
{
    const int n = 40;
    const float f = run(n, 0.25f);
    const int i = run(n, -7);
    float *d_f;
    cudaMalloc(&d_f, sizeof(float));
    cudaMemset(d_f, 0, sizeof(float));
    scale<<<1, 32>>>(d_f, 1);         // a direct launch of the float overload
    float one;
    cudaMemcpy(&one, d_f, sizeof(float), cudaMemcpyDeviceToHost);
    // float: sum of 2 (0.25 + i) + 1 = 2 * (10 + 780) + 40; int: sum of 3 (i - 7) + 1 = 3 * (780 - 280) + 40
    printf("float %.2f, int %d, direct %.1f\n", f, i, one);
    const int bad = f != 1620.0f || i != 1540 || one != 1.0f;
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad;
}
