#include "cpurt.h"
#include "nearbyint_rounding.launch.h"
// nearbyint and nearbyintf in device code, as HeCBench zeropoint rounds a quantization zero point
// (`int32_t z = nearbyint(initial_zero_point)`). In the default rounding mode, the only one device code has,
// they round half to even as rint does (2.5 -> 2, 3.5 -> 4, -2.5 -> -2), unlike round (half away from zero).
// The stand-in headers declared no device nearbyint, so the call did not even parse.
#include <cmath>
#include <cstdio>
#include <math.h>

/* cutrans: kernel 'rounding' moved to nearbyint_rounding.kernels.c */









int main()
{
    const int n = 12;
    const double x[n] = {0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, 2.5001, 1e9 + 0.5, -7.0, 3.75, -3.25};
    float y[n];
    for (int i = 0; i < n; ++i) {
        y[i] = (float)x[i];
    }
    double *d_x, *d_away;
    float *d_y, *d_nearest_f;
    int *d_nearest;
    cpurtMalloc(&d_x, sizeof(x));
    cpurtMalloc(&d_y, sizeof(y));
    cpurtMalloc(&d_nearest, n * sizeof(int));
    cpurtMalloc(&d_nearest_f, n * sizeof(float));
    cpurtMalloc(&d_away, n * sizeof(double));
    cpurtMemcpy(d_x, x, sizeof(x), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_y, y, sizeof(y), cpurtMemcpyHostToDevice);
    cutrans_launch_rounding(1, 32, 0, 0, d_x, d_y, d_nearest, d_nearest_f, d_away, n);
    int nearest[n];
    float nearest_f[n];
    double away[n];
    cpurtMemcpy(nearest, d_nearest, sizeof(nearest), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(nearest_f, d_nearest_f, sizeof(nearest_f), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(away, d_away, sizeof(away), cpurtMemcpyDeviceToHost);
    const int want[n] = {0, 2, 2, 0, -2, -2, 2, 3, 1000000000, -7, 4, -3};
    int bad = 0;
    for (int i = 0; i < n; ++i) {
        printf("%.4f: nearbyint %d, float twice %.1f, round - nearbyint %.1f\n", x[i], nearest[i], nearest_f[i],
               away[i]);
        bad += nearest[i] != want[i];
        bad += nearest_f[i] != 2.0f * rintf(y[i]);
        bad += away[i] != round(x[i]) - rint(x[i]);
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
