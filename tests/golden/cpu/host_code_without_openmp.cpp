// Regression: the CPU target compiled the program's own host code with OpenMP turned on, which defines
// _OPENMP. HeCBench's shared headers test that macro to declare host fallbacks for their -omp builds (here,
// hausdorff's own float2), so the host program no longer built; the host's `#pragma omp`s were on too, where
// nvcc's host compiler ignores them. The host code is now compiled as nvcc compiles it, without OpenMP.
#include <cmath>
#include <cstdio>
#include "cpurt.h"
#include "host_code_without_openmp.launch.h"

#if defined(_OPENMP)
typedef struct { float x, y; } float2;            // conflicts with CUDA's float2
static const char *host_build = "OpenMP";
#else
static const char *host_build = "nvcc-like";
#endif

#define N 500

/* cutrans: kernel 'lengths' moved to host_code_without_openmp.kernels.c */







int main()
{
    static float2 points[N];
    static float len[N];
    for (int i = 0; i < N; ++i) {
        points[i] = make_float2((float)(i % 17) - 8.0f, (float)(i % 11) * 0.5f);
    }
    float2 *d_points;
    float *d_len;
    cpurtMalloc(&d_points, sizeof points);
    cpurtMalloc(&d_len, sizeof len);
    cpurtMemcpy(d_points, points, sizeof points, cpurtMemcpyHostToDevice);
    cutrans_launch_lengths((N + 127) / 128, 128, 0, 0, d_points, d_len, N);
    cpurtMemcpy(len, d_len, sizeof len, cpurtMemcpyDeviceToHost);
    int bad = 0;
    double sum = 0.0;
    for (int i = 0; i < N; ++i) {
        bad += len[i] != sqrtf(points[i].x * points[i].x + points[i].y * points[i].y);
        sum += len[i];
    }
    printf("host code built as %s\nsum = %.3f\nmismatches = %d\n%s\n", host_build, sum, bad, bad ? "FAIL" : "PASS");
    cpurtFree(d_points);
    cpurtFree(d_len);
    return bad ? 1 : 0;
}
