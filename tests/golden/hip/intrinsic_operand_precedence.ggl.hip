// Regression sample: intrinsics whose translation is an operator, not a call. __fdividef(a, b)
// becomes a division and rsqrtf a reciprocal on some targets; compound operands must keep their
// grouping (a translation once printed `x * y / 1.f + z` for __fdividef(x * y, 1.f + z)).
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"

__global__ void combine(const float* a, const float* b, float* out, int* iout, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        float x = a[i], y = b[i];
        float q = __fdividef(x * y, 1.0f + y * y);
        float r = rsqrtf(x * x + 1.0f);
        float s = __saturatef(x - y) * 2.0f;
        float t = __expf(0.5f * x - y) / (1.0f + __expf(0.5f * x - y));
        out[i] = q + r + s + t;
        iout[i] = min(i + 1, n - i) * max(i - 3, 2 - i);
    }
}

int main()
{
    const int n = 513;
    float *ha = (float*)malloc(n * sizeof(float)), *hb = (float*)malloc(n * sizeof(float));
    float *ho = (float*)malloc(n * sizeof(float));
    int* hi = (int*)malloc(n * sizeof(int));
    for (int i = 0; i < n; ++i) {
        ha[i] = (float)(i % 17) * 0.25f - 2.0f;
        hb[i] = (float)(i % 11) * 0.125f - 0.5f;
    }
    float *da, *db, *dout;
    int* di;
    hipMalloc((void**)&da, n * sizeof(float));
    hipMalloc((void**)&db, n * sizeof(float));
    hipMalloc((void**)&dout, n * sizeof(float));
    hipMalloc((void**)&di, n * sizeof(int));
    hipMemcpy(da, ha, n * sizeof(float), hipMemcpyHostToDevice);
    hipMemcpy(db, hb, n * sizeof(float), hipMemcpyHostToDevice);
    hipLaunchKernelGGL(combine, dim3((n + 127) / 128), dim3(128), 0, 0, da, db, dout, di, n);
    hipMemcpy(ho, dout, n * sizeof(float), hipMemcpyDeviceToHost);
    hipMemcpy(hi, di, n * sizeof(int), hipMemcpyDeviceToHost);

    int errors = 0;
    double sum = 0.0;
    long long isum = 0;
    for (int i = 0; i < n; ++i) {
        float x = ha[i], y = hb[i];
        float sat = x - y < 0.0f ? 0.0f : (x - y > 1.0f ? 1.0f : x - y);
        float e = expf(0.5f * x - y);
        double want = x * y / (1.0f + y * y) + 1.0f / sqrtf(x * x + 1.0f) + sat * 2.0f + e / (1.0f + e);
        double diff = ho[i] - want;
        if (diff > 1e-4 || diff < -1e-4) ++errors;
        int lo = i + 1 < n - i ? i + 1 : n - i, hi2 = i - 3 > 2 - i ? i - 3 : 2 - i;
        if (hi[i] != lo * hi2) ++errors;
        sum += ho[i];
        isum += hi[i];
    }
    printf("out[0] = %.5f\nout[100] = %.5f\nout[512] = %.5f\n", ho[0], ho[100], ho[512]);
    printf("sum = %.3f\nisum = %lld\nerrors = %d\n%s\n", sum, isum, errors, errors == 0 ? "PASS" : "FAIL");
    hipFree(da);
    hipFree(db);
    hipFree(dout);
    hipFree(di);
    free(ha);
    free(hb);
    free(ho);
    free(hi);
    return errors == 0 ? 0 : 1;
}
