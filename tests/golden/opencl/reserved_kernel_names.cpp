#include "oclrt.h"
#include "reserved_kernel_names.launch.h"
// Kernels whose CUDA names OpenCL C reserves: `kernel` is a keyword there (HeCBench easyWave names its kernels so)
// and `dot` and `max` are built-in functions, which OpenCL C cannot overload. The OpenCL program renames them
// (`kernel_`, `dot_`, `max_`); the host code keeps launching them, and naming them as a handle
// (cudaFuncSetAttribute), by their CUDA names. HIP declares `max` for device code, so the HIP output calls the
// kernel `cutrans_max`, at its definition and at its launch, in either launch syntax.
#include <cstdio>

/* cutrans: kernel 'kernel' moved to reserved_kernel_names.cl */







/* cutrans: kernel 'dot' moved to reserved_kernel_names.cl */

















/* cutrans: kernel 'max' moved to reserved_kernel_names.cl */







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
    oclrtMalloc(&d_x, sizeof(x));
    oclrtMalloc(&d_y, sizeof(y));
    oclrtMalloc(&d_dot, sizeof(float));
    oclrtMalloc(&d_v, sizeof(v));
    oclrtMalloc(&d_m, sizeof(int));
    oclrtMemcpy(d_x, x, sizeof(x), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_y, y, sizeof(y), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_v, v, sizeof(v), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_m, &m, sizeof(int), oclrtMemcpyHostToDevice);
    int bad = oclrtFuncSetAttribute(kernel, oclrtFuncAttributeMaxDynamicSharedMemorySize, 0) != oclrtSuccess;
    cutrans_launch_kernel((n + 63) / 64, 64, 0, 0, d_x, n);
    cutrans_launch_dot(1, 64, 0, 0, d_x, d_y, d_dot, n);
    cutrans_launch_max((n + 127) / 128, 128, 0, 0, d_v, d_m, n);
    oclrtMemcpy(x, d_x, sizeof(x), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(&d, d_dot, sizeof(float), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(&m, d_m, sizeof(int), oclrtMemcpyDeviceToHost);
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
