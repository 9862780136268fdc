// Regression sample: a source file that is not UTF-8. This licence header is Latin-1, as in many older
// programs: Copyright © 2013 Example Corp. libclang's Python binding decoded every string as strict
// UTF-8, so the © above stopped the conversion with an internal error (U002). The bytes pass
// through unchanged. nvcc 13 refuses such bytes in string literals (whatever the locale, as an H200 run
// showed), so the host string below spells its byte as an escape (device printf strings stay ASCII: L010).
#include <cmath>
#include <cstdio>
#include <cuda_runtime.h>

// Temperatures in °C, scaled into °F.
__global__ void to_fahrenheit(const float *celsius, float *fahrenheit, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        fahrenheit[i] = celsius[i] * 1.8f + 32.0f;
    }
    if (i == 0) {
        printf("device: %.1f C -> %.1f F\n", celsius[0], fahrenheit[0]);
    }
}

int main()
{
    const int n = 64;
    float h[n];
    for (int i = 0; i < n; ++i) {
        h[i] = 0.5f * (float)(i - 20);
    }
    float *c, *f;
    cudaMalloc((void **)&c, sizeof h);
    cudaMalloc((void **)&f, sizeof h);
    cudaMemcpy(c, h, sizeof h, cudaMemcpyHostToDevice);
    to_fahrenheit<<<2, 32>>>(c, f, n);
    float out[n];
    cudaMemcpy(out, f, sizeof out, cudaMemcpyDeviceToHost);
    int errors = 0;
    for (int i = 0; i < n; ++i) {
        errors += fabsf(out[i] - (h[i] * 1.8f + 32.0f)) > 1e-4f;    // the device may contract to an fma
    }
    printf("host: %.1f\xb0" "C -> %.1f\xb0" "F\n", h[n - 1], out[n - 1]);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    cudaFree(c);
    cudaFree(f);
    return 0;
}
