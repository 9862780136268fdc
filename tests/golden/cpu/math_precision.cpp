// The math library with CUDA's precision: the standard functions, the fast intrinsics (__expf,
// __logf, __sinf, __fdividef: computed at full precision by the translation, which is within CUDA's
// bound for the intrinsic), exact operations (fmaf, sqrtf, rounding, copysign, ldexp, frexp) and
// the double versions. Results are printed with 9 (float) and 17 (double) significant digits.
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include "cpurt.h"
#include "math_precision.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        cpurtError_t err_ = (call);                                           \
        if (err_ != cpurtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cpurtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define N 12
#define NF 24
#define ND 14

/* cutrans: kernel 'float_math' moved to math_precision.kernels.c */



































/* cutrans: kernel 'double_math' moved to math_precision.kernels.c */
























int main()
{
    const float xs[N] = {0.0f, -0.0f, 1.0f, -1.5f, 2.5f, 0.5f, -2.5f, 3.14159265f, 1e-3f, -7.75f, 10.25f, 0.333333343f};
    const float ys[N] = {1.0f, -2.0f, 0.5f, 3.0f, -1.25f, 2.0f, 1.5f, -0.75f, 4.0f, -3.5f, 0.1f, 2.75f};
    double xd[N], yd[N];
    for (int i = 0; i < N; ++i) {
        xd[i] = (double)xs[i] * 1.0000001;
        yd[i] = (double)ys[i];
    }
    float *d_x, *d_y, *d_of;
    double *d_xd, *d_yd, *d_od;
    int *d_e;
    CHECK(cpurtMalloc((void **)&d_x, sizeof(xs)));
    CHECK(cpurtMalloc((void **)&d_y, sizeof(ys)));
    CHECK(cpurtMalloc((void **)&d_of, N * NF * sizeof(float)));
    CHECK(cpurtMalloc((void **)&d_e, N * sizeof(int)));
    CHECK(cpurtMalloc((void **)&d_xd, sizeof(xd)));
    CHECK(cpurtMalloc((void **)&d_yd, sizeof(yd)));
    CHECK(cpurtMalloc((void **)&d_od, N * ND * sizeof(double)));
    CHECK(cpurtMemcpy(d_x, xs, sizeof(xs), cpurtMemcpyHostToDevice));
    CHECK(cpurtMemcpy(d_y, ys, sizeof(ys), cpurtMemcpyHostToDevice));
    CHECK(cpurtMemcpy(d_xd, xd, sizeof(xd), cpurtMemcpyHostToDevice));
    CHECK(cpurtMemcpy(d_yd, yd, sizeof(yd), cpurtMemcpyHostToDevice));
    cutrans_launch_float_math(2, 8, 0, 0, d_x, d_y, d_of, d_e, N);
    cutrans_launch_double_math(2, 8, 0, 0, d_xd, d_yd, d_od, N);
    CHECK(cpurtGetLastError());
    CHECK(cpurtDeviceSynchronize());
    float of[N * NF];
    double od[N * ND];
    int ex[N];
    CHECK(cpurtMemcpy(of, d_of, sizeof(of), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(od, d_od, sizeof(od), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(ex, d_e, sizeof(ex), cpurtMemcpyDeviceToHost));

    /* self-check against the host's libm: within CUDA's documented bounds (a few ulp) for the
     * approximate functions, exactly for the exact ones */
    int bad = 0;
    for (int i = 0; i < N; ++i) {
        float a = xs[i], b = ys[i];
        const float *o = of + i * NF;
        printf("x = %.9g, y = %.9g\n", a, b);
        for (int k = 0; k < NF; ++k) {
            printf("  f%-2d %.9g\n", k, o[k]);
        }
        printf("  frexp exponent %d\n", ex[i]);
        bad += o[7] != fmaf(a, b, -a * b) || o[5] != sqrtf(fabsf(b)) || o[13] != fminf(a, b);
        bad += o[14] != fmaxf(a, b) || o[15] != copysignf(a, b) || o[16] != truncf(a * 3.0f);
        bad += o[17] != roundf(a * 2.0f) || o[18] != rintf(a * 2.0f) || o[19] != ldexpf(a, (int)b);
        int e;
        bad += o[20] != frexpf(a * 1000.0f, &e) || ex[i] != e;
        bad += fabsf(o[0] - sinf(a)) > 1e-6f || fabsf(o[8] - expf(b)) > 1e-5f * expf(b);
        const double *d = od + i * ND;
        for (int k = 0; k < ND; ++k) {
            printf("  d%-2d %.17g\n", k, d[k]);
        }
        bad += d[7] != fma(xd[i], yd[i], -xd[i] * yd[i]) || d[5] != sqrt(fabs(yd[i]));
        bad += fabs(d[0] - sin(xd[i])) > 1e-15;
    }
    printf("wrong results = %d\n", bad);
    CHECK(cpurtFree(d_x));
    CHECK(cpurtFree(d_y));
    CHECK(cpurtFree(d_of));
    CHECK(cpurtFree(d_e));
    CHECK(cpurtFree(d_xd));
    CHECK(cpurtFree(d_yd));
    CHECK(cpurtFree(d_od));
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
