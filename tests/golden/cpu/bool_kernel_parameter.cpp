// Regression sample: a bool kernel parameter. OpenCL C forbids bool kernel arguments, so the OpenCL
// translation takes it as uchar (the host's bool is one byte holding 0 or 1).
#include <cstdio>
#include "cpurt.h"
#include "bool_kernel_parameter.launch.h"

/* cutrans: kernel 'scale_or_negate' moved to bool_kernel_parameter.kernels.c */







int main()
{
    const int n = 100;
    float h[n];
    for (int i = 0; i < n; ++i) {
        h[i] = 0.25f * (float)(i - 50);
    }
    float *d;
    cpurtMalloc((void **)&d, sizeof h);
    cpurtMemcpy(d, h, sizeof h, cpurtMemcpyHostToDevice);
    cutrans_launch_scale_or_negate(4, 32, 0, 0, d, false, n);
    cutrans_launch_scale_or_negate(4, 32, 0, 0, d, true, n);
    float out[n];
    cpurtMemcpy(out, d, sizeof out, cpurtMemcpyDeviceToHost);
    int errors = 0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        errors += out[i] != -2.0f * h[i];
        sum += out[i];
    }
    printf("out[3] = %g, out[97] = %g, sum = %g\n", out[3], out[97], sum);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    cpurtFree(d);
    return 0;
}
