// Regression sample: the `register` storage class, which older CUDA programs put on hot variables
// (HeCBench maxFlops). C++17 removed the keyword; nvcc still accepts and ignores it, while clang
// refused it as an error (P002), and hipcc refuses it too. Every target's output drops the keyword.
#include <cstdio>
#include "cpurt.h"
#include "register_storage_class.launch.h"

/* cutrans: device function 'polynomial' moved to register_storage_class.kernels.c */









/* cutrans: kernel 'evaluate' moved to register_storage_class.kernels.c */








int main()
{
    const int n = 96;
    float h[n];
    for (int i = 0; i < n; ++i) {
        h[i] = 0.125f * (float)(i % 17) - 1.0f;
    }
    float *d_in, *d_out;
    cpurtMalloc((void **)&d_in, sizeof h);
    cpurtMalloc((void **)&d_out, sizeof h);
    cpurtMemcpy(d_in, h, sizeof h, cpurtMemcpyHostToDevice);
    cutrans_launch_evaluate(3, 32, 0, 0, d_in, d_out, n);
    float out[n];
    cpurtMemcpy(out, d_out, sizeof out, cpurtMemcpyDeviceToHost);
    int errors = 0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        float x = h[i], y = 0.5f * x, px = 1.0f, py = 1.0f;
        for (int k = 1; k <= 4; ++k) {
            px = px * x + (float)k;
            py = py * y + (float)k;
        }
        float want = px - py;
        errors += out[i] - want > 1e-4f || want - out[i] > 1e-4f;    // the device may contract to fmas
        sum += out[i];
    }
    printf("out[5] = %.5f, sum = %.4f\n", out[5], sum);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    cpurtFree(d_in);
    cpurtFree(d_out);
    return 0;
}
