// A program's own overloads of CUDA's atomic names for types CUDA does not cover: atomicMin and atomicMax on
// float, built on atomicCAS (HeCBench michalewicz). The program's definition is what runs, not an atomic of
// the translator's: the translation once took every call named atomicMin for CUDA's own, and found no float
// form of it. HIP declares a float atomicMin/atomicMax itself, so there the program's functions are renamed.
#include <cstdio>
#include "cpurt.h"
#include "own_atomic_overload.launch.h"

/* cutrans: device function 'atomicMin' moved to own_atomic_overload.kernels.c */













/* cutrans: device function 'atomicMax' moved to own_atomic_overload.kernels.c */













// extremes[0] = min, extremes[1] = max of x; counts[0] = the number of negative values (CUDA's int atomicAdd),
// counts[1] = the smallest index of a value above 2 (CUDA's int atomicMin, next to the float overload)
/* cutrans: kernel 'extremes_of' moved to own_atomic_overload.kernels.c */














int main()
{
    const int n = 1000;
    float x[n];
    for (int i = 0; i < n; ++i) {
        x[i] = 0.01f * ((i * 37) % 613) - 3.5f;
    }
    float extremes[2] = {1e30f, -1e30f};
    int counts[2] = {0, n};
    float *dx, *de;
    int *dc;
    cpurtMalloc((void **)&dx, sizeof x);
    cpurtMalloc((void **)&de, sizeof extremes);
    cpurtMalloc((void **)&dc, sizeof counts);
    cpurtMemcpy(dx, x, sizeof x, cpurtMemcpyHostToDevice);
    cpurtMemcpy(de, extremes, sizeof extremes, cpurtMemcpyHostToDevice);
    cpurtMemcpy(dc, counts, sizeof counts, cpurtMemcpyHostToDevice);
    cutrans_launch_extremes_of((n + 127) / 128, 128, 0, 0, dx, n, de, dc);
    cpurtMemcpy(extremes, de, sizeof extremes, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(counts, dc, sizeof counts, cpurtMemcpyDeviceToHost);

    float lo = x[0], hi = x[0];
    int negative = 0, first = n;
    for (int i = 0; i < n; ++i) {
        lo = x[i] < lo ? x[i] : lo;
        hi = x[i] > hi ? x[i] : hi;
        negative += x[i] < 0.0f;
        if (x[i] > 2.0f && i < first) {
            first = i;
        }
    }
    bool ok = extremes[0] == lo && extremes[1] == hi && counts[0] == negative && counts[1] == first;
    printf("min %g max %g negative %d first above 2: %d\n", extremes[0], extremes[1], counts[0], counts[1]);
    cpurtFree(dx);
    cpurtFree(de);
    cpurtFree(dc);
    printf(ok ? "PASS\n" : "FAIL\n");
    return ok ? 0 : 1;
}
