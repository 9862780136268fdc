// Floating-point contraction. nvcc contracts x * x - y into one fused multiply-add by default (-fmad=true),
// which keeps the product's rounding error: where y is the rounded square of x, the residual is that
// error, not zero. On an H100, 2730 of these 4096 residuals are non-zero, each equal to fmaf(x, x, -y).
// The emulation and every translation must compute the same (translator/passes/contract_fma.py); with
// --fmad=false all of them, nvcc included, round the product first and every residual is zero.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

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
        volatile float square = hx[i] * hx[i];      // rounded: y is the float nearest to x * x
        hy[i] = square;
    }
    float *dx, *dy, *dr;
    cudaMalloc((void**)&dx, n * sizeof(float));
    cudaMalloc((void**)&dy, n * sizeof(float));
    cudaMalloc((void**)&dr, n * sizeof(float));
    cudaMemcpy(dx, hx, n * sizeof(float), cudaMemcpyHostToDevice);
    cudaMemcpy(dy, hy, n * sizeof(float), cudaMemcpyHostToDevice);
    residuals<<<(n + 255) / 256, 256>>>(dx, dy, dr, n);
    cudaMemcpy(hr, dr, n * sizeof(float), cudaMemcpyDeviceToHost);

    int nonzero = 0, bad = 0;
    for (int i = 0; i < n; ++i) {
        nonzero += hr[i] != 0.0f;
        bad += hr[i] != fmaf(hx[i], hx[i], -hy[i]);       // the fused result, bit for bit
    }
    printf("non-zero residuals: %d of %d, %d differ from fmaf(x, x, -y)\n", nonzero, n, bad);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    cudaFree(dx);
    cudaFree(dy);
    cudaFree(dr);
    free(hx);
    free(hy);
    free(hr);
    return bad == 0 ? 0 : 1;
}
