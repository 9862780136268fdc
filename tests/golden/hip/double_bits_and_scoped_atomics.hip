// The bits of a double (__double_as_longlong, __longlong_as_double, __double2hiint, __double2loint,
// __hiloint2double) and atomics with their scope in the name (atomicCAS_system, atomicAdd_block,
// atomicInc_system), as the classic double atomicMax built on a 64-bit compare-and-swap uses them (HeCBench
// atomicCAS, atomicSystemWide). Before, a program using any of them did not parse (P002).
#include <cstdio>
#include <cstring>
#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"

__device__ double atomic_max_double(double *address, double value)
{
    unsigned long long *bits = (unsigned long long *)address;
    unsigned long long seen = *bits, before;
    do {
        before = seen;
        if (__longlong_as_double((long long)before) >= value) {
            break;
        }
        seen = atomicCAS_system(bits, before, (unsigned long long)__double_as_longlong(value));
    } while (seen != before);
    return __longlong_as_double((long long)seen);
}

// the largest x, each x split into its high and low words and put together again, and three counters
__global__ void split_and_count(const double *x, int n, double *largest, int *hi, int *lo, double *joined,
                                int *counts)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        atomic_max_double(largest, x[i]);
        hi[i] = __double2hiint(x[i]);
        lo[i] = __double2loint(x[i]);
        joined[i] = __hiloint2double(hi[i], lo[i]);
        atomicAdd_block(&counts[0], 1);
        atomicAdd_system(&counts[1], 2);
        atomicInc_system((unsigned int *)&counts[2], 99u);
    }
}

int main()
{
    const int n = 300;
    double x[n], joined[n], largest = -1e300;
    int hi[n], lo[n], counts[3] = {0, 0, 0};
    for (int i = 0; i < n; ++i) {
        x[i] = (i * 7919 % 1000) * 0.37 - 100.0;
    }
    x[7] = -0.0;
    x[8] = 1e-310;      // subnormal
    double *dx, *dlargest, *djoined;
    int *dhi, *dlo, *dcounts;
    hipMalloc((void **)&dx, sizeof x);
    hipMalloc((void **)&dlargest, sizeof largest);
    hipMalloc((void **)&djoined, sizeof joined);
    hipMalloc((void **)&dhi, sizeof hi);
    hipMalloc((void **)&dlo, sizeof lo);
    hipMalloc((void **)&dcounts, sizeof counts);
    hipMemcpy(dx, x, sizeof x, hipMemcpyHostToDevice);
    hipMemcpy(dlargest, &largest, sizeof largest, hipMemcpyHostToDevice);
    hipMemcpy(dcounts, counts, sizeof counts, hipMemcpyHostToDevice);
    split_and_count<<<3, 128>>>(dx, n, dlargest, dhi, dlo, djoined, dcounts);
    hipMemcpy(&largest, dlargest, sizeof largest, hipMemcpyDeviceToHost);
    hipMemcpy(joined, djoined, sizeof joined, hipMemcpyDeviceToHost);
    hipMemcpy(hi, dhi, sizeof hi, hipMemcpyDeviceToHost);
    hipMemcpy(lo, dlo, sizeof lo, hipMemcpyDeviceToHost);
    hipMemcpy(counts, dcounts, sizeof counts, hipMemcpyDeviceToHost);

    int failures = 0;
    double want_largest = x[0];
    for (int i = 0; i < n; ++i) {
        unsigned long long bits;
        memcpy(&bits, &x[i], sizeof bits);
        want_largest = x[i] > want_largest ? x[i] : want_largest;
        if (hi[i] != (int)(bits >> 32) || lo[i] != (int)(unsigned int)bits || memcmp(&joined[i], &x[i], 8) != 0) {
            printf("FAIL element %d: %08x %08x\n", i, (unsigned)hi[i], (unsigned)lo[i]);
            ++failures;
        }
    }
    // atomicInc wraps to 0 past 99: 300 increments leave 300 mod 100
    if (largest != want_largest || counts[0] != n || counts[1] != 2 * n || counts[2] != n % 100) {
        printf("FAIL largest %.17g counts %d %d %d\n", largest, counts[0], counts[1], counts[2]);
        ++failures;
    }
    printf("largest %.17g, x[7] %08x %08x, x[8] %08x %08x, counts %d %d %d\n", largest, (unsigned)hi[7],
           (unsigned)lo[7], (unsigned)hi[8], (unsigned)lo[8], counts[0], counts[1], counts[2]);
    hipFree(dx);
    hipFree(dlargest);
    hipFree(djoined);
    hipFree(dhi);
    hipFree(dlo);
    hipFree(dcounts);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
