// Regression: the CPU target compiled the program's own host code with OpenMP turned on, which defines
// _OPENMP. HeCBench's shared headers test that macro to declare host fallbacks for their -omp builds (here,
// hausdorff's own float2), so the host program no longer built; the host's `#pragma omp`s were on too, where
// nvcc's host compiler ignores them. The host code is now compiled as nvcc compiles it, without OpenMP.
#include <cmath>
#include <cstdio>
#include <hip/hip_runtime.h>

#if defined(_OPENMP)
typedef struct { float x, y; } float2;            // conflicts with CUDA's float2
static const char *host_build = "OpenMP";
#else
static const char *host_build = "nvcc-like";
#endif

#define N 500

__global__ void lengths(const float2 *p, float *len, int n)
{
    const int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        len[i] = sqrtf(p[i].x * p[i].x + p[i].y * p[i].y);
    }
}

int main()
{
    static float2 points[N];
    static float len[N];
    for (int i = 0; i < N; ++i) {
        points[i] = make_float2((float)(i % 17) - 8.0f, (float)(i % 11) * 0.5f);
    }
    float2 *d_points;
    float *d_len;
    hipMalloc(&d_points, sizeof points);
    hipMalloc(&d_len, sizeof len);
    hipMemcpy(d_points, points, sizeof points, hipMemcpyHostToDevice);
    hipLaunchKernelGGL(lengths, dim3((N + 127) / 128), dim3(128), 0, 0, d_points, d_len, N);
    hipMemcpy(len, d_len, sizeof len, hipMemcpyDeviceToHost);
    int bad = 0;
    double sum = 0.0;
    for (int i = 0; i < N; ++i) {
        bad += len[i] != sqrtf(points[i].x * points[i].x + points[i].y * points[i].y);
        sum += len[i];
    }
    printf("host code built as %s\nsum = %.3f\nmismatches = %d\n%s\n", host_build, sum, bad, bad ? "FAIL" : "PASS");
    hipFree(d_points);
    hipFree(d_len);
    return bad ? 1 : 0;
}
