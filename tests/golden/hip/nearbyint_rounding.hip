#include <hip/hip_runtime.h>
// nearbyint and nearbyintf in device code, as HeCBench zeropoint rounds a quantization zero point
// (`int32_t z = nearbyint(initial_zero_point)`). In the default rounding mode, the only one device code has,
// they round half to even as rint does (2.5 -> 2, 3.5 -> 4, -2.5 -> -2), unlike round (half away from zero).
// The stand-in headers declared no device nearbyint, so the call did not even parse.
#include <cmath>
#include <cstdio>
#include <math.h>

__global__ void rounding(const double *x, const float *y, int *nearest, float *nearest_f, double *away, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        nearest[i] = nearbyint(x[i]);
        nearest_f[i] = nearbyintf(y[i]) + rintf(y[i]);
        away[i] = round(x[i]) - nearbyint(x[i]);
    }
}

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
    hipMalloc(&d_x, sizeof(x));
    hipMalloc(&d_y, sizeof(y));
    hipMalloc(&d_nearest, n * sizeof(int));
    hipMalloc(&d_nearest_f, n * sizeof(float));
    hipMalloc(&d_away, n * sizeof(double));
    hipMemcpy(d_x, x, sizeof(x), hipMemcpyHostToDevice);
    hipMemcpy(d_y, y, sizeof(y), hipMemcpyHostToDevice);
    rounding<<<1, 32>>>(d_x, d_y, d_nearest, d_nearest_f, d_away, n);
    int nearest[n];
    float nearest_f[n];
    double away[n];
    hipMemcpy(nearest, d_nearest, sizeof(nearest), hipMemcpyDeviceToHost);
    hipMemcpy(nearest_f, d_nearest_f, sizeof(nearest_f), hipMemcpyDeviceToHost);
    hipMemcpy(away, d_away, sizeof(away), hipMemcpyDeviceToHost);
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
