// Regression sample: a header of the program's own that holds device code (cuda-samples' scalarProd
// keeps its kernel in scalarProd_kernel.cuh, which includes <cooperative_groups.h>). The OpenCL and CPU
// targets move its device code out of a host copy of it; the HIP output converts it too, under its own
// name, with the same edits as the file (the header map, the warp-size rewrite on wave64), so hipcc
// does not meet CUDA's <cooperative_groups.h> and the kernels keep CUDA's 32-lane warps.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>
#include "header_with_device_code.cuh"

int main()
{
    const int n = 1000, warps = (n + 31) / 32;
    float *h = (float *)malloc(n * sizeof(float)), *partial = (float *)malloc(warps * sizeof(float));
    int *hi = (int *)malloc(n * sizeof(int)), *maxima = (int *)malloc(warps * sizeof(int));
    for (int i = 0; i < n; i++) {
        h[i] = (float)(i % 17) / 4.0f - 2.0f;
        hi[i] = (i * 7919) % 1009 - 500;
    }
    float *d_in, *d_partial;
    int *d_ints, *d_max;
    hipMalloc(&d_in, n * sizeof(float));
    hipMalloc(&d_partial, warps * sizeof(float));
    hipMalloc(&d_ints, n * sizeof(int));
    hipMalloc(&d_max, warps * sizeof(int));
    hipMemcpy(d_in, h, n * sizeof(float), hipMemcpyHostToDevice);
    hipMemcpy(d_ints, hi, n * sizeof(int), hipMemcpyHostToDevice);
    warp_sums<<<(n + 127) / 128, 128>>>(d_in, d_partial, n);
    warp_max<<<(n + 127) / 128, 128>>>(d_ints, d_max, n);
    hipMemcpy(partial, d_partial, warps * sizeof(float), hipMemcpyDeviceToHost);
    hipMemcpy(maxima, d_max, warps * sizeof(int), hipMemcpyDeviceToHost);
    double sum = 0;
    long mx = 0;
    for (int w = 0; w < warps; w++) {
        sum += partial[w] * (w % 3 + 1);
        mx += maxima[w] * (w % 5 + 1);
    }
    printf("per-warp sums %.4f, per-warp maxima %ld\n", sum, mx);
    printf("first warps: %.4f %.4f %d %d\n", partial[0], partial[1], maxima[0], maxima[1]);
    int ok = hipGetLastError() == hipSuccess;
    printf("%s\n", ok ? "PASS" : "FAIL");
    hipFree(d_in); hipFree(d_partial); hipFree(d_ints); hipFree(d_max);
    free(h); free(partial); free(hi); free(maxima);
    return ok ? 0 : 1;
}
