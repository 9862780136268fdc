// cuComplex in device code: products, quotients (CUDA's scaled division), magnitudes (CUDA's scaled
// hypotenuse), fused multiply-adds, conjugates, float and double, conversions between them; host code uses
// the same functions. OpenCL and CPU device code get each function from its definition, as CUDA computes it.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include "cutrans_cucomplex.h"
#include "cpurt.h"
#include "cucomplex_arithmetic.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        cpurtError_t err_ = (call);                                           \
        if (err_ != cpurtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cpurtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

/* cutrans: kernel 'complex_ops' moved to cucomplex_arithmetic.kernels.c */









/* cutrans: kernel 'complex_double' moved to cucomplex_arithmetic.kernels.c */








int main() {
    const int n = 500;
    cuFloatComplex* h_a = (cuFloatComplex*)malloc(n * sizeof(cuFloatComplex));
    cuFloatComplex* h_b = (cuFloatComplex*)malloc(n * sizeof(cuFloatComplex));
    for (int i = 0; i < n; ++i) {
        h_a[i] = make_cuFloatComplex(0.01f * i - 2.0f, 1.5f - 0.003f * i);
        // tiny and huge divisors too: the scaled division and magnitude keep them in range
        float scale = i % 50 == 0 ? 1e-30f : i % 50 == 1 ? 1e30f : 1.0f;
        h_b[i] = make_cuFloatComplex(scale * (0.5f + 0.002f * i), scale * (0.25f * (i % 7) - 0.75f));
    }
    cuFloatComplex *d_a, *d_b, *d_out;
    cuDoubleComplex* d_wide;
    float* d_mag;
    CHECK(cpurtMalloc(&d_a, n * sizeof(cuFloatComplex)));
    CHECK(cpurtMalloc(&d_b, n * sizeof(cuFloatComplex)));
    CHECK(cpurtMalloc(&d_out, n * sizeof(cuFloatComplex)));
    CHECK(cpurtMalloc(&d_wide, n * sizeof(cuDoubleComplex)));
    CHECK(cpurtMalloc(&d_mag, n * sizeof(float)));
    CHECK(cpurtMemcpy(d_a, h_a, n * sizeof(cuFloatComplex), cpurtMemcpyHostToDevice));
    CHECK(cpurtMemcpy(d_b, h_b, n * sizeof(cuFloatComplex), cpurtMemcpyHostToDevice));
    cutrans_launch_complex_ops((n + 127) / 128, 128, 0, 0, d_a, d_b, d_out, d_mag, n);
    cutrans_launch_complex_double((n + 127) / 128, 128, 0, 0, d_a, d_b, d_wide, n);
    CHECK(cpurtGetLastError());
    cuFloatComplex* out = (cuFloatComplex*)malloc(n * sizeof(cuFloatComplex));
    cuDoubleComplex* wide = (cuDoubleComplex*)malloc(n * sizeof(cuDoubleComplex));
    float* mag = (float*)malloc(n * sizeof(float));
    CHECK(cpurtMemcpy(out, d_out, n * sizeof(cuFloatComplex), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(wide, d_wide, n * sizeof(cuDoubleComplex), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(mag, d_mag, n * sizeof(float), cpurtMemcpyDeviceToHost));

    // the host computes the same with the same functions, to a relative tolerance (it may round differently
    // where the device fuses a multiply-add)
    int errors = 0;
    double total = 0.0;
    for (int i = 0; i < n; ++i) {
        cuFloatComplex p = cuCmulf(h_a[i], cuConjf(h_b[i]));
        cuFloatComplex q = cuCdivf(h_a[i], h_b[i]);
        cuFloatComplex want = cuCfmaf(p, make_cuComplex(0.5f, -0.25f), cuCsubf(q, cuCaddf(h_a[i], h_b[i])));
        float want_mag = cuCabsf(p) + cuCabsf(q) * 0.5f;
        float diff = cuCabsf(cuCsubf(out[i], want));
        if (!(diff <= 1e-4f * (1.0f + cuCabsf(want)))) ++errors;
        if (!(fabsf(mag[i] - want_mag) <= 1e-4f * (1.0f + fabsf(want_mag)))) ++errors;
        cuDoubleComplex x = cuComplexFloatToDouble(h_a[i]), y = cuComplexFloatToDouble(h_b[i]);
        cuDoubleComplex r = cuCdiv(cuCmul(x, y), cuCadd(y, make_cuDoubleComplex(1.0, 0.0)));
        cuDoubleComplex w = cuCfma(r, cuConj(x), make_cuDoubleComplex(cuCabs(r), -cuCreal(y)));
        if (!(cuCabs(cuCsub(wide[i], w)) <= 1e-9 * (1.0 + cuCabs(w)))) ++errors;
        total += cuCrealf(out[i]) + cuCimagf(out[i]) + mag[i];
    }
    printf("out[3] = (%.5f, %.5f), |p|[3] = %.5f\n", cuCrealf(out[3]), cuCimagf(out[3]), mag[3]);
    printf("out[50] = (%.5g, %.5g), out[51] = (%.5g, %.5g)\n", cuCrealf(out[50]), cuCimagf(out[50]),
           cuCrealf(out[51]), cuCimagf(out[51]));
    printf("wide[7] = (%.9f, %.9f)\n", cuCreal(wide[7]), cuCimag(wide[7]));
    printf("total = %.6g\n", total);
    printf("errors = %d\n", errors);
    CHECK(cpurtFree(d_a));
    CHECK(cpurtFree(d_b));
    CHECK(cpurtFree(d_out));
    CHECK(cpurtFree(d_wide));
    CHECK(cpurtFree(d_mag));
    free(h_a);
    free(h_b);
    free(out);
    free(wide);
    free(mag);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    return errors == 0 ? 0 : 1;
}
