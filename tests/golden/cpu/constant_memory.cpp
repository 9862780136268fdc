// Regression sample: __constant__ and __device__ variables. Polynomial coefficients live in constant
// memory (an initializer, then cudaMemcpyToSymbol), a lookup table and a counter in device memory;
// a device function reads them, and the host reads the counter back with cudaMemcpyFromSymbol.
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "constant_memory.launch.h"

#define DEGREE 4

/* cutrans: constant 'coeffs' moved to constant_memory.kernels.c */
/* cutrans: constant 'bias' moved to constant_memory.kernels.c */
/* cutrans: device variable 'table' moved to constant_memory.kernels.c */
/* cutrans: device variable 'evaluated' moved to constant_memory.kernels.c */

/* cutrans: device function 'horner' moved to constant_memory.kernels.c */








/* cutrans: kernel 'evaluate' moved to constant_memory.kernels.c */










int main()
{
    const int n = 777;
    float* hx = (float*)malloc(n * sizeof(float));
    float* hy = (float*)malloc(n * sizeof(float));
    for (int i = 0; i < n; ++i) hx[i] = -1.0f + 2.0f * (float)i / (float)(n - 1);
    float *dx, *dy;
    cpurtMalloc((void**)&dx, n * sizeof(float));
    cpurtMalloc((void**)&dy, n * sizeof(float));
    cpurtMemcpy(dx, hx, n * sizeof(float), cpurtMemcpyHostToDevice);

    cutrans_launch_evaluate((n + 127) / 128, 128, 0, 0, dx, dy, n);          // with the initializers
    cpurtMemcpy(hy, dy, n * sizeof(float), cpurtMemcpyDeviceToHost);
    float first = hy[n / 3];

    const float new_coeffs[DEGREE + 1] = {2.0f, 0.0f, -1.0f, 0.0f, 0.5f};
    const int new_bias = 3;
    cpurtMemcpyToSymbol(coeffs, new_coeffs, sizeof(new_coeffs));
    cpurtMemcpyToSymbol(bias, &new_bias, sizeof(int));
    cutrans_launch_evaluate((n + 127) / 128, 128, 0, 0, dx, dy, n);
    cpurtMemcpy(hy, dy, n * sizeof(float), cpurtMemcpyDeviceToHost);
    unsigned int count = 0;
    cpurtMemcpyFromSymbol(&count, evaluated, sizeof(count));
    cpurtError_t err = cpurtGetLastError();

    int errors = err != cpurtSuccess || count != (unsigned int)n;
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
    cpurtFree(dx);
    cpurtFree(dy);
    free(hx);
    free(hy);
    return errors == 0 ? 0 : 1;
}
