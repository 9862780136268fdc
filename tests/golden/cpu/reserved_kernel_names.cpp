#include "cpurt.h"
#include "reserved_kernel_names.launch.h"
// Kernels whose CUDA names OpenCL C reserves: `kernel` is a keyword there (HeCBench easyWave names its kernels so)
// and `dot` and `max` are built-in functions, which OpenCL C cannot overload. The OpenCL program renames them
// (`kernel_`, `dot_`, `max_`); the host code keeps launching them, and naming them as a handle
// (cudaFuncSetAttribute), by their CUDA names. HIP declares `max` for device code, so the HIP output calls the
// kernel `cutrans_max`, at its definition and at its launch, in either launch syntax.
#include <cstdio>

/* cutrans: kernel 'kernel' moved to reserved_kernel_names.kernels.c */







/* cutrans: kernel 'dot' moved to reserved_kernel_names.kernels.c */

















/* cutrans: kernel 'max' moved to reserved_kernel_names.kernels.c */







int main()
{
    const int n = 200;
    float x[n], y[n], d;
    int v[n], m = -1000;
    for (int i = 0; i < n; ++i) {
        x[i] = 0.25f * (i % 9) - 1.0f;
        y[i] = 0.5f * (i % 4);
        v[i] = (i * 37) % 101 - 50;
    }
    float *d_x, *d_y, *d_dot;
    int *d_v, *d_m;
    cpurtMalloc(&d_x, sizeof(x));
    cpurtMalloc(&d_y, sizeof(y));
    cpurtMalloc(&d_dot, sizeof(float));
    cpurtMalloc(&d_v, sizeof(v));
    cpurtMalloc(&d_m, sizeof(int));
    cpurtMemcpy(d_x, x, sizeof(x), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_y, y, sizeof(y), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_v, v, sizeof(v), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_m, &m, sizeof(int), cpurtMemcpyHostToDevice);
    int bad = cpurtFuncSetAttribute(kernel, cpurtFuncAttributeMaxDynamicSharedMemorySize, 0) != cpurtSuccess;
    cutrans_launch_kernel((n + 63) / 64, 64, 0, 0, d_x, n);
    cutrans_launch_dot(1, 64, 0, 0, d_x, d_y, d_dot, n);
    cutrans_launch_max((n + 127) / 128, 128, 0, 0, d_v, d_m, n);
    cpurtMemcpy(x, d_x, sizeof(x), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(&d, d_dot, sizeof(float), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(&m, d_m, sizeof(int), cpurtMemcpyDeviceToHost);
    float want = 0.0f;
    int want_max = -1000;
    for (int i = 0; i < n; ++i) {
        bad += x[i] != 2.0f * (0.25f * (i % 9) - 1.0f) + 1.0f;
        want += x[i] * y[i];
        want_max = v[i] > want_max ? v[i] : want_max;
    }
    bad += d < want - 1e-3f || d > want + 1e-3f;
    bad += m != want_max;
    printf("dot %.4f (%.4f), max %d (%d)\n", d, want, m, want_max);
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
