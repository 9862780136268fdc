// Regression sample: a bool kernel parameter. OpenCL C forbids bool kernel arguments, so the OpenCL
// translation takes it as uchar (the host's bool is one byte holding 0 or 1).
#include <cstdio>
#include <cuda_runtime.h>

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
    cudaMalloc((void **)&d, sizeof h);
    cudaMemcpy(d, h, sizeof h, cudaMemcpyHostToDevice);
    scale_or_negate<<<4, 32>>>(d, false, n);
    scale_or_negate<<<4, 32>>>(d, true, n);
    float out[n];
    cudaMemcpy(out, d, sizeof out, cudaMemcpyDeviceToHost);
    int errors = 0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        errors += out[i] != -2.0f * h[i];
        sum += out[i];
    }
    printf("out[3] = %g, out[97] = %g, sum = %g\n", out[3], out[97], sum);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    cudaFree(d);
    return 0;
}
