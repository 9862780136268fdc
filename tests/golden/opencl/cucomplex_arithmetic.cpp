// cuComplex in device code: products, quotients (CUDA's scaled division), magnitudes (CUDA's scaled
// hypotenuse), fused multiply-adds, conjugates, float and double, conversions between them; host code uses
// the same functions. OpenCL and CPU device code get each function from its definition, as CUDA computes it.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include "cutrans_cucomplex.h"
#include "oclrt.h"
#include "cucomplex_arithmetic.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

/* cutrans: kernel 'complex_ops' moved to cucomplex_arithmetic.cl */









/* cutrans: kernel 'complex_double' moved to cucomplex_arithmetic.cl */








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
    CHECK(oclrtMalloc(&d_a, n * sizeof(cuFloatComplex)));
    CHECK(oclrtMalloc(&d_b, n * sizeof(cuFloatComplex)));
    CHECK(oclrtMalloc(&d_out, n * sizeof(cuFloatComplex)));
    CHECK(oclrtMalloc(&d_wide, n * sizeof(cuDoubleComplex)));
    CHECK(oclrtMalloc(&d_mag, n * sizeof(float)));
    CHECK(oclrtMemcpy(d_a, h_a, n * sizeof(cuFloatComplex), oclrtMemcpyHostToDevice));
    CHECK(oclrtMemcpy(d_b, h_b, n * sizeof(cuFloatComplex), oclrtMemcpyHostToDevice));
    cutrans_launch_complex_ops((n + 127) / 128, 128, 0, 0, d_a, d_b, d_out, d_mag, n);
    cutrans_launch_complex_double((n + 127) / 128, 128, 0, 0, d_a, d_b, d_wide, n);
    CHECK(oclrtGetLastError());
    cuFloatComplex* out = (cuFloatComplex*)malloc(n * sizeof(cuFloatComplex));
    cuDoubleComplex* wide = (cuDoubleComplex*)malloc(n * sizeof(cuDoubleComplex));
    float* mag = (float*)malloc(n * sizeof(float));
    CHECK(oclrtMemcpy(out, d_out, n * sizeof(cuFloatComplex), oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(wide, d_wide, n * sizeof(cuDoubleComplex), oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(mag, d_mag, n * sizeof(float), oclrtMemcpyDeviceToHost));

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
    CHECK(oclrtFree(d_a));
    CHECK(oclrtFree(d_b));
    CHECK(oclrtFree(d_out));
    CHECK(oclrtFree(d_wide));
    CHECK(oclrtFree(d_mag));
    free(h_a);
    free(h_b);
    free(out);
    free(wide);
    free(mag);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    return errors == 0 ? 0 : 1;
}
