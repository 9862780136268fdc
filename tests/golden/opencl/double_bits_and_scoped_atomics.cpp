// The bits of a double (__double_as_longlong, __longlong_as_double, __double2hiint, __double2loint,
// __hiloint2double) and atomics with their scope in the name (atomicCAS_system, atomicAdd_block,
// atomicInc_system), as the classic double atomicMax built on a 64-bit compare-and-swap uses them (HeCBench
// atomicCAS, atomicSystemWide). Before, a program using any of them did not parse (P002).
#include <cstdio>
#include <cstring>
#include "oclrt.h"
#include "double_bits_and_scoped_atomics.launch.h"

/* cutrans: device function 'atomic_max_double' moved to double_bits_and_scoped_atomics.cl */













// the largest x, each x split into its high and low words and put together again, and three counters
/* cutrans: kernel 'split_and_count' moved to double_bits_and_scoped_atomics.cl */














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
    oclrtMalloc((void **)&dx, sizeof x);
    oclrtMalloc((void **)&dlargest, sizeof largest);
    oclrtMalloc((void **)&djoined, sizeof joined);
    oclrtMalloc((void **)&dhi, sizeof hi);
    oclrtMalloc((void **)&dlo, sizeof lo);
    oclrtMalloc((void **)&dcounts, sizeof counts);
    oclrtMemcpy(dx, x, sizeof x, oclrtMemcpyHostToDevice);
    oclrtMemcpy(dlargest, &largest, sizeof largest, oclrtMemcpyHostToDevice);
    oclrtMemcpy(dcounts, counts, sizeof counts, oclrtMemcpyHostToDevice);
    cutrans_launch_split_and_count(3, 128, 0, 0, dx, n, dlargest, dhi, dlo, djoined, dcounts);
    oclrtMemcpy(&largest, dlargest, sizeof largest, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(joined, djoined, sizeof joined, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(hi, dhi, sizeof hi, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(lo, dlo, sizeof lo, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(counts, dcounts, sizeof counts, oclrtMemcpyDeviceToHost);

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
    oclrtFree(dx);
    oclrtFree(dlargest);
    oclrtFree(djoined);
    oclrtFree(dhi);
    oclrtFree(dlo);
    oclrtFree(dcounts);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
