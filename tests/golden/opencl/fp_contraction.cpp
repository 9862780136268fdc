// Floating-point contraction. The emulation (the reference without a GPU) and every translation compute
// x * x - y as a rounded product and a rounded difference, as nvcc -fmad=false does, and agree bit for bit:
// a translation must not contract on its own (a regression). nvcc's default, -fmad=true, contracts it
// into one fused multiply-add, which keeps the product's rounding error: on an H100, 2730 of these 4096
// residuals are non-zero and this program prints FAIL. cutrans does not yet contract as nvcc does
// (docs/verify.md, "Against real CUDA").
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "fp_contraction.launch.h"

/* cutrans: kernel 'residuals' moved to fp_contraction.cl */







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
    oclrtMalloc((void**)&dx, n * sizeof(float));
    oclrtMalloc((void**)&dy, n * sizeof(float));
    oclrtMalloc((void**)&dr, n * sizeof(float));
    oclrtMemcpy(dx, hx, n * sizeof(float), oclrtMemcpyHostToDevice);
    oclrtMemcpy(dy, hy, n * sizeof(float), oclrtMemcpyHostToDevice);
    cutrans_launch_residuals((n + 255) / 256, 256, 0, 0, dx, dy, dr, n);
    oclrtMemcpy(hr, dr, n * sizeof(float), oclrtMemcpyDeviceToHost);

    int nonzero = 0;
    for (int i = 0; i < n; ++i) nonzero += hr[i] != 0.0f;
    printf("non-zero residuals: %d of %d\n", nonzero, n);
    printf("%s\n", nonzero == 0 ? "PASS" : "FAIL");
    oclrtFree(dx);
    oclrtFree(dy);
    oclrtFree(dr);
    free(hx);
    free(hy);
    free(hr);
    return nonzero == 0 ? 0 : 1;
}
