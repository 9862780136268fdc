// Regression sample: __constant__ and __device__ variables. Polynomial coefficients live in constant
// memory (an initializer, then cudaMemcpyToSymbol), a lookup table and a counter in device memory;
// a device function reads them, and the host reads the counter back with cudaMemcpyFromSymbol.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

#define DEGREE 4

__constant__ float coeffs[DEGREE + 1] = {1.0f, -0.5f, 0.25f, -0.125f, 0.0625f};
__constant__ int bias;
__device__ float table[8] = {0.0f, 1.0f, 2.0f, 3.0f, 4.0f, 5.0f, 6.0f, 7.0f};
__device__ unsigned int evaluated;

__device__ float horner(float x)
{
    float r = 0.0f;
    for (int k = DEGREE; k >= 0; --k) {
        r = r * x + coeffs[k];
    }
    return r;
}

__global__ void evaluate(const float* xs, float* ys, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        ys[i] = horner(xs[i]) + table[i % 8] + (float)bias;
        if (i == n - 1) {
            evaluated = (unsigned int)n;
        }
    }
}

int main()
{
    const int n = 777;
    float* hx = (float*)malloc(n * sizeof(float));
    float* hy = (float*)malloc(n * sizeof(float));
    for (int i = 0; i < n; ++i) hx[i] = -1.0f + 2.0f * (float)i / (float)(n - 1);
    float *dx, *dy;
    hipMalloc((void**)&dx, n * sizeof(float));
    hipMalloc((void**)&dy, n * sizeof(float));
    hipMemcpy(dx, hx, n * sizeof(float), hipMemcpyHostToDevice);

    hipLaunchKernelGGL(evaluate, dim3((n + 127) / 128), dim3(128), 0, 0, dx, dy, n);          // with the initializers
    hipMemcpy(hy, dy, n * sizeof(float), hipMemcpyDeviceToHost);
    float first = hy[n / 3];

    const float new_coeffs[DEGREE + 1] = {2.0f, 0.0f, -1.0f, 0.0f, 0.5f};
    const int new_bias = 3;
    hipMemcpyToSymbol(coeffs, new_coeffs, sizeof(new_coeffs));
    hipMemcpyToSymbol(bias, &new_bias, sizeof(int));
    hipLaunchKernelGGL(evaluate, dim3((n + 127) / 128), dim3(128), 0, 0, dx, dy, n);
    hipMemcpy(hy, dy, n * sizeof(float), hipMemcpyDeviceToHost);
    unsigned int count = 0;
    hipMemcpyFromSymbol(&count, evaluated, sizeof(count));
    hipError_t err = hipGetLastError();

    int errors = err != hipSuccess || count != (unsigned int)n;
    for (int i = 0; i < n; ++i) {
        float x = hx[i], r = 0.0f;
        for (int k = DEGREE; k >= 0; --k) r = r * x + new_coeffs[k];
        float want = r + (float)(i % 8) + (float)new_bias;
        float diff = hy[i] - want;
        if (diff > 1e-5f || diff < -1e-5f) ++errors;
    }
    printf("before update: y[%d] = %.6f\n", n / 3, first);
    printf("after update: y[0] = %.6f, y[%d] = %.6f\n", hy[0], n - 1, hy[n - 1]);
    printf("evaluated = %u\nerrors = %d\n%s\n", count, errors, errors == 0 ? "PASS" : "FAIL");
    hipFree(dx);
    hipFree(dy);
    free(hx);
    free(hy);
    return errors == 0 ? 0 : 1;
}
