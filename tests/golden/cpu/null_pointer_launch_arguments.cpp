// Regression sample: a kernel launched with a null pointer constant, `0` or `NULL`, for a pointer parameter
// (HeCBench idivide's throughput_test<int><<<g, b>>>(3, 5, 7, 0, 0)). The emulation, CI's reference, copied
// the launch's arguments as their own types, so the literal became an int that no longer converts to a
// pointer, and the reference did not build. Covered: 0 and NULL for pointers, 0 for numbers, and 0 for a
// parameter whose template argument it deduces (as int, as in CUDA).
#include <cstddef>
#include <cstdio>
#include "cpurt.h"
#include "null_pointer_launch_arguments.launch.h"

/* cutrans: kernel 'scale' moved to null_pointer_launch_arguments.kernels.c */








/* cutrans: kernel 'fill' moved to null_pointer_launch_arguments.kernels.c */






int main()
{
    const int n = 64;
    float h[n], got[n];
    int filled[n];
    for (int i = 0; i < n; ++i) h[i] = 0.5f * i;
    float *in, *out;
    int *f;
    cpurtMalloc((void **)&in, sizeof h);
    cpurtMalloc((void **)&out, sizeof got);
    cpurtMalloc((void **)&f, sizeof filled);
    cpurtMemcpy(in, h, sizeof h, cpurtMemcpyHostToDevice);
    cutrans_launch_scale(2, 32, 0, 0, in, out, 0, n, 3.0f);
    cutrans_launch_scale(2, 32, 0, 0, in, NULL, NULL, n, 0);
    cutrans_launch_fill_int(2, 32, 0, 0, 0, f, n);
    cpurtMemcpy(got, out, sizeof got, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(filled, f, sizeof filled, cpurtMemcpyDeviceToHost);
    int bad = 0;
    for (int i = 0; i < n; ++i) bad += got[i] != 1.5f * i || filled[i] != i;
    printf("%.1f %.1f %d %d\n", got[1], got[n - 1], filled[1], filled[n - 1]);
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
