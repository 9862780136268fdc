// Regression sample: floating-point contraction. x * x - y is computed as a rounded product and a
// rounded difference in the reference run; a fused multiply-add keeps the product's rounding error
// and gives a different, non-zero result where y == x * x. A translation must not contract.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

__global__ void residuals(const float* x, const float* y, float* r, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        r[i] = x[i] * x[i] - y[i];
    }
}

int main()
{
    const int n = 4096;
    float *hx = (float*)malloc(n * sizeof(float)), *hy = (float*)malloc(n * sizeof(float));
    float* hr = (float*)malloc(n * sizeof(float));
    for (int i = 0; i < n; ++i) {
        hx[i] = 1.0f + (float)i / 3.0f;
        volatile float square = hx[i] * hx[i];      // rounded, as the kernel must round it
        hy[i] = square;
    }
    float *dx, *dy, *dr;
    hipMalloc((void**)&dx, n * sizeof(float));
    hipMalloc((void**)&dy, n * sizeof(float));
    hipMalloc((void**)&dr, n * sizeof(float));
    hipMemcpy(dx, hx, n * sizeof(float), hipMemcpyHostToDevice);
    hipMemcpy(dy, hy, n * sizeof(float), hipMemcpyHostToDevice);
    hipLaunchKernelGGL(residuals, dim3((n + 255) / 256), dim3(256), 0, 0, dx, dy, dr, n);
    hipMemcpy(hr, dr, n * sizeof(float), hipMemcpyDeviceToHost);

    int nonzero = 0;
    for (int i = 0; i < n; ++i) nonzero += hr[i] != 0.0f;
    printf("non-zero residuals: %d of %d\n", nonzero, n);
    printf("%s\n", nonzero == 0 ? "PASS" : "FAIL");
    hipFree(dx);
    hipFree(dy);
    hipFree(dr);
    free(hx);
    free(hy);
    free(hr);
    return nonzero == 0 ? 0 : 1;
}
