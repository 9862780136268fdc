// A program's own overloads of CUDA's atomic names for types CUDA does not cover: atomicMin and atomicMax on
// float, built on atomicCAS (HeCBench michalewicz). The program's definition is what runs, not an atomic of
// the translator's: the translation once took every call named atomicMin for CUDA's own, and found no float
// form of it. HIP declares a float atomicMin/atomicMax itself, so there the program's functions are renamed.
#include <cstdio>
#include <hip/hip_runtime.h>

__device__ float cutrans_atomicMin(float *address, float value)
{
    unsigned int *bits = (unsigned int *)address;
    unsigned int seen = *bits;
    while (value < __uint_as_float(seen)) {
        unsigned int before = seen;
        seen = atomicCAS(bits, before, __float_as_uint(value));
        if (seen == before) {
            break;
        }
    }
    return __uint_as_float(seen);
}

__device__ float cutrans_atomicMax(float *address, float value)
{
    unsigned int *bits = (unsigned int *)address;
    unsigned int seen = *bits;
    while (value > __uint_as_float(seen)) {
        unsigned int before = seen;
        seen = atomicCAS(bits, before, __float_as_uint(value));
        if (seen == before) {
            break;
        }
    }
    return __uint_as_float(seen);
}

// extremes[0] = min, extremes[1] = max of x; counts[0] = the number of negative values (CUDA's int atomicAdd),
// counts[1] = the smallest index of a value above 2 (CUDA's int atomicMin, next to the float overload)
__global__ void extremes_of(const float *x, int n, float *extremes, int *counts)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        cutrans_atomicMin(&extremes[0], x[i]);
        cutrans_atomicMax(&extremes[1], x[i]);
        if (x[i] < 0.0f) {
            atomicAdd(&counts[0], 1);
        }
        if (x[i] > 2.0f) {
            atomicMin(&counts[1], i);
        }
    }
}

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
    hipMalloc((void **)&dx, sizeof x);
    hipMalloc((void **)&de, sizeof extremes);
    hipMalloc((void **)&dc, sizeof counts);
    hipMemcpy(dx, x, sizeof x, hipMemcpyHostToDevice);
    hipMemcpy(de, extremes, sizeof extremes, hipMemcpyHostToDevice);
    hipMemcpy(dc, counts, sizeof counts, hipMemcpyHostToDevice);
    hipLaunchKernelGGL(extremes_of, dim3((n + 127) / 128), dim3(128), 0, 0, dx, n, de, dc);
    hipMemcpy(extremes, de, sizeof extremes, hipMemcpyDeviceToHost);
    hipMemcpy(counts, dc, sizeof counts, hipMemcpyDeviceToHost);

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
    hipFree(dx);
    hipFree(de);
    hipFree(dc);
    printf(ok ? "PASS\n" : "FAIL\n");
    return ok ? 0 : 1;
}
