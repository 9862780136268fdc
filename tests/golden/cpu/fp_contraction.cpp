// Floating-point contraction. nvcc contracts x * x - y into one fused multiply-add by default (-fmad=true),
// which keeps the product's rounding error: where y is the rounded square of x, the residual is that
// error, not zero. On an H100, 2730 of these 4096 residuals are non-zero, each equal to fmaf(x, x, -y).
// The emulation and every translation must compute the same (translator/passes/contract_fma.py); with
// --fmad=false all of them, nvcc included, round the product first and every residual is zero.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "fp_contraction.launch.h"

/* cutrans: kernel 'residuals' moved to fp_contraction.kernels.c */







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
    cpurtMalloc((void**)&dx, n * sizeof(float));
    cpurtMalloc((void**)&dy, n * sizeof(float));
    cpurtMalloc((void**)&dr, n * sizeof(float));
    cpurtMemcpy(dx, hx, n * sizeof(float), cpurtMemcpyHostToDevice);
    cpurtMemcpy(dy, hy, n * sizeof(float), cpurtMemcpyHostToDevice);
    cutrans_launch_residuals((n + 255) / 256, 256, 0, 0, dx, dy, dr, n);
    cpurtMemcpy(hr, dr, n * sizeof(float), cpurtMemcpyDeviceToHost);

    int nonzero = 0, bad = 0;
    for (int i = 0; i < n; ++i) {
        nonzero += hr[i] != 0.0f;
        bad += hr[i] != fmaf(hx[i], hx[i], -hy[i]);       // the fused result, bit for bit
    }
    printf("non-zero residuals: %d of %d, %d differ from fmaf(x, x, -y)\n", nonzero, n, bad);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    cpurtFree(dx);
    cpurtFree(dy);
    cpurtFree(dr);
    free(hx);
    free(hy);
    free(hr);
    return bad == 0 ? 0 : 1;
}
