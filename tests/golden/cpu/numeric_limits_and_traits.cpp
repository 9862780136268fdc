// Compile-time constants that device code reads through classes: std::numeric_limits<T>::infinity(), max(),
// lowest(), epsilon(), min(), denorm_min() and quiet_NaN(); a type trait's `value`
// (std::is_same<T, half>::value, as HeCBench logprob writes) and a struct's static constexpr members.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <type_traits>
#include "cpurt.h"
#include "numeric_limits_and_traits.launch.h"
#include "cutrans_fp16.h"

struct Tile {
    static constexpr int kWidth = 4;
    static constexpr float kScale = 0.5f;
};

/* cutrans: kernel 'limits' moved to numeric_limits_and_traits.kernels.c */
















int main()
{
    const int n = 16;
    float in[n], out[4 * n];
    int iout[n];
    double dout[n];
    for (int i = 0; i < n; ++i) {
        in[i] = i % 5 == 1 ? INFINITY : (float)(i - 4);
    }
    float *din, *dout_f;
    int *di;
    double *dd;
    cpurtMalloc((void **)&din, sizeof in);
    cpurtMalloc((void **)&dout_f, sizeof out);
    cpurtMalloc((void **)&di, sizeof iout);
    cpurtMalloc((void **)&dd, sizeof dout);
    cpurtMemcpy(din, in, sizeof in, cpurtMemcpyHostToDevice);
    cutrans_launch_limits_float(1, 32, 0, 0, din, dout_f, di, dd, n);
    cpurtMemcpy(out, dout_f, sizeof out, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(iout, di, sizeof iout, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(dout, dd, sizeof dout, cpurtMemcpyDeviceToHost);
    int failures = 0;
    for (int i = 0; i < n; ++i) {
        float x = in[i];
        float want[4] = {std::isinf(x) ? -INFINITY : fminf(x, 3.4028235e38f),
                         x < 0 ? -3.4028235e38f : 1.1920929e-07f * x, x * 0.5f + 4.0f, 2.0f};
        for (int k = 0; k < 4; ++k) {
            if (k == 2 && x == 0) {
                failures += !std::isnan(out[4 * i + k]);
            } else if (memcmp(&out[4 * i + k], &want[k], sizeof(float)) != 0) {
                printf("FAIL out[%d]: %a, expected %a\n", 4 * i + k, out[4 * i + k], want[k]);
                ++failures;
            }
        }
        int want_i = x > 3 ? 2147483647 : -2147483647 - 1 + i;
        double want_d = 4.9406564584124654e-324 * (i + 1) + 2.2250738585072014e-308;
        failures += iout[i] != want_i || dout[i] != want_d;
        printf("%2d: %g %g %g %g %d %a\n", i, out[4 * i], out[4 * i + 1], out[4 * i + 2], out[4 * i + 3], iout[i],
               dout[i]);
    }
    cpurtFree(din);
    cpurtFree(dout_f);
    cpurtFree(di);
    cpurtFree(dd);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
