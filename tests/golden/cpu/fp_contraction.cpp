// Regression sample: floating-point contraction. x * x - y is computed as a rounded product and a
// rounded difference in the reference run; a fused multiply-add keeps the product's rounding error
// and gives a different, non-zero result where y == x * x. A translation must not contract.
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
        volatile float square = hx[i] * hx[i];      // rounded, as the kernel must round it
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

    int nonzero = 0;
    for (int i = 0; i < n; ++i) nonzero += hr[i] != 0.0f;
    printf("non-zero residuals: %d of %d\n", nonzero, n);
    printf("%s\n", nonzero == 0 ? "PASS" : "FAIL");
    cpurtFree(dx);
    cpurtFree(dy);
    cpurtFree(dr);
    free(hx);
    free(hy);
    free(hr);
    return nonzero == 0 ? 0 : 1;
}
