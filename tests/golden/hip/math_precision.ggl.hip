// The math library with CUDA's precision: the standard functions, the fast intrinsics (__expf,
// __logf, __sinf, __fdividef: computed at full precision by the translation, which is within CUDA's
// bound for the intrinsic), exact operations (fmaf, sqrtf, rounding, copysign, ldexp, frexp) and
// the double versions. Results are printed with 9 (float) and 17 (double) significant digits.
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        hipError_t err_ = (call);                                           \
        if (err_ != hipSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    hipGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define N 12
#define NF 24
#define ND 14

__global__ void float_math(const float *x, const float *y, float *out, int *exps, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    float a = x[i], b = y[i];
    float *o = out + i * NF;
    o[0] = sinf(a);
    o[1] = cosf(a);
    o[2] = expf(a * 0.25f);
    o[3] = logf(fabsf(a) + 0.5f);
    o[4] = powf(fabsf(a) + 0.25f, b);
    o[5] = sqrtf(fabsf(b));
    o[6] = rsqrtf(fabsf(a) + 1.0f);
    o[7] = fmaf(a, b, -a * b);                   // the rounding error of a * b, exactly
    o[8] = __expf(b);
    o[9] = __logf(fabsf(b) + 1.0f);
    o[10] = __sinf(b);
    o[11] = __fdividef(a, b + 4.0f);
    o[12] = __saturatef(b * 0.5f);
    o[13] = fminf(a, b);
    o[14] = fmaxf(a, b);
    o[15] = copysignf(a, b);
    o[16] = truncf(a * 3.0f);
    o[17] = roundf(a * 2.0f);                     // halves round away from zero
    o[18] = rintf(a * 2.0f);                      // halves round to even
    o[19] = ldexpf(a, (int)b);
    int e;
    o[20] = frexpf(a * 1000.0f, &e);
    exps[i] = e;
    o[21] = tanf(a * 0.5f);
    o[22] = atan2f(a, b);
    o[23] = cbrtf(a) + log2f(fabsf(b) + 2.0f) + exp2f(b * 0.5f);
}

__global__ void double_math(const double *x, const double *y, double *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    double a = x[i], b = y[i];
    double *o = out + i * ND;
    o[0] = sin(a);
    o[1] = cos(a);
    o[2] = exp(a * 0.25);
    o[3] = log(fabs(a) + 0.5);
    o[4] = pow(fabs(a) + 0.25, b);
    o[5] = sqrt(fabs(b));
    o[6] = rsqrt(fabs(a) + 1.0);
    o[7] = fma(a, b, -a * b);
    o[8] = fmin(a, b) + fmax(a, b);
    o[9] = copysign(a, b);
    o[10] = trunc(a * 3.0) + round(a * 2.0) * 10.0 + rint(a * 2.0) * 100.0;
    o[11] = ldexp(a, (int)b);
    int e;
    o[12] = frexp(a * 1000.0, &e) + e;
    o[13] = tan(a * 0.5) + atan2(a, b);
}

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
    CHECK(hipMalloc((void **)&d_x, sizeof(xs)));
    CHECK(hipMalloc((void **)&d_y, sizeof(ys)));
    CHECK(hipMalloc((void **)&d_of, N * NF * sizeof(float)));
    CHECK(hipMalloc((void **)&d_e, N * sizeof(int)));
    CHECK(hipMalloc((void **)&d_xd, sizeof(xd)));
    CHECK(hipMalloc((void **)&d_yd, sizeof(yd)));
    CHECK(hipMalloc((void **)&d_od, N * ND * sizeof(double)));
    CHECK(hipMemcpy(d_x, xs, sizeof(xs), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_y, ys, sizeof(ys), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_xd, xd, sizeof(xd), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_yd, yd, sizeof(yd), hipMemcpyHostToDevice));
    hipLaunchKernelGGL(float_math, dim3(2), dim3(8), 0, 0, d_x, d_y, d_of, d_e, N);
    hipLaunchKernelGGL(double_math, dim3(2), dim3(8), 0, 0, d_xd, d_yd, d_od, N);
    CHECK(hipGetLastError());
    CHECK(hipDeviceSynchronize());
    float of[N * NF];
    double od[N * ND];
    int ex[N];
    CHECK(hipMemcpy(of, d_of, sizeof(of), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(od, d_od, sizeof(od), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(ex, d_e, sizeof(ex), hipMemcpyDeviceToHost));

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
    CHECK(hipFree(d_x));
    CHECK(hipFree(d_y));
    CHECK(hipFree(d_of));
    CHECK(hipFree(d_e));
    CHECK(hipFree(d_xd));
    CHECK(hipFree(d_yd));
    CHECK(hipFree(d_od));
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
