// Regression: CUDA names inside code the preprocessor skips (an optional cuBLAS path, an #if 0 block with
// CUDA graphs) once stopped the OpenCL and CPU translations with M001 errors, for code that is never
// compiled. Like a compiler, cutrans translates the active configuration; HIP's --all-branches rewrites skipped code too.
#include <cstdio>
#include <hip/hip_runtime.h>
#ifdef USE_CUBLAS
#include <hipblas/hipblas.h>
#endif

__global__ void scale(float *x, float a, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) x[i] *= a;
}

int main()
{
    const int n = 300;
    float host[n];
    for (int i = 0; i < n; ++i) host[i] = 0.25f * (float)(i % 11);
    float *d;
    hipMalloc(&d, sizeof host);
    hipMemcpy(d, host, sizeof host, hipMemcpyHostToDevice);
#ifdef USE_CUBLAS
    hipblasHandle_t handle;
    hipblasCreate(&handle);
    const float a = 3.0f;
    hipblasSscal(handle, n, &a, d, 1);
    cublasGetStatusName(HIPBLAS_STATUS_SUCCESS);   // no HIP, OpenCL or CPU equivalent: fine while skipped
    hipblasDestroy(handle);
#else
    scale<<<(n + 127) / 128, 128>>>(d, 3.0f, n);
#endif
#if 0
    hipGraph_t graph;
    hipGraphCreate(&graph, 0);
#endif
    hipMemcpy(host, d, sizeof host, hipMemcpyDeviceToHost);
    int bad = 0;
    for (int i = 0; i < n; ++i) bad += host[i] != 0.75f * (float)(i % 11);
    printf("x[10] = %.2f, x[299] = %.2f\n", host[10], host[299]);
    hipFree(d);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad != 0;
}
