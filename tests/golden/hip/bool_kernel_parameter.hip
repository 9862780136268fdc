// Regression sample: a bool kernel parameter. OpenCL C forbids bool kernel arguments, so the OpenCL
// translation takes it as uchar (the host's bool is one byte holding 0 or 1).
#include <cstdio>
#include <hip/hip_runtime.h>

__global__ void scale_or_negate(float *v, bool negate, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        v[i] = negate ? -v[i] : v[i] * 2.0f;
    }
}

int main()
{
    const int n = 100;
    float h[n];
    for (int i = 0; i < n; ++i) {
        h[i] = 0.25f * (float)(i - 50);
    }
    float *d;
    hipMalloc((void **)&d, sizeof h);
    hipMemcpy(d, h, sizeof h, hipMemcpyHostToDevice);
    scale_or_negate<<<4, 32>>>(d, false, n);
    scale_or_negate<<<4, 32>>>(d, true, n);
    float out[n];
    hipMemcpy(out, d, sizeof out, hipMemcpyDeviceToHost);
    int errors = 0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        errors += out[i] != -2.0f * h[i];
        sum += out[i];
    }
    printf("out[3] = %g, out[97] = %g, sum = %g\n", out[3], out[97], sum);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    hipFree(d);
    return 0;
}
