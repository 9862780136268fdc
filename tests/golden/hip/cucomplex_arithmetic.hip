// cuComplex in device code: products, quotients (CUDA's scaled division), magnitudes (CUDA's scaled
// hypotenuse), fused multiply-adds, conjugates, float and double, conversions between them; host code uses
// the same functions. OpenCL and CPU device code get each function from its definition, as CUDA computes it.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <hip/hip_complex.h>
#include <hip/hip_runtime.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        hipError_t err_ = (call);                                           \
        if (err_ != hipSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    hipGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

__global__ void complex_ops(const hipFloatComplex* a, const hipFloatComplex* b, hipFloatComplex* out,
                            float* magnitude, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    hipFloatComplex p = hipCmulf(a[i], hipConjf(b[i]));
    hipFloatComplex q = hipCdivf(a[i], b[i]);
    out[i] = hipCfmaf(p, make_hipComplex(0.5f, -0.25f), hipCsubf(q, hipCaddf(a[i], b[i])));
    magnitude[i] = hipCabsf(p) + hipCabsf(q) * 0.5f;
}

__global__ void complex_double(const hipFloatComplex* a, const hipFloatComplex* b, hipDoubleComplex* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    hipDoubleComplex x = hipComplexFloatToDouble(a[i]);
    hipDoubleComplex y = hipComplexFloatToDouble(b[i]);
    hipDoubleComplex r = hipCdiv(hipCmul(x, y), hipCadd(y, make_hipDoubleComplex(1.0, 0.0)));
    out[i] = hipCfma(r, hipConj(x), make_hipDoubleComplex(hipCabs(r), -hipCreal(y)));
}

int main() {
    const int n = 500;
    hipFloatComplex* h_a = (hipFloatComplex*)malloc(n * sizeof(hipFloatComplex));
    hipFloatComplex* h_b = (hipFloatComplex*)malloc(n * sizeof(hipFloatComplex));
    for (int i = 0; i < n; ++i) {
        h_a[i] = make_hipFloatComplex(0.01f * i - 2.0f, 1.5f - 0.003f * i);
        // tiny and huge divisors too: the scaled division and magnitude keep them in range
        float scale = i % 50 == 0 ? 1e-30f : i % 50 == 1 ? 1e30f : 1.0f;
        h_b[i] = make_hipFloatComplex(scale * (0.5f + 0.002f * i), scale * (0.25f * (i % 7) - 0.75f));
    }
    hipFloatComplex *d_a, *d_b, *d_out;
    hipDoubleComplex* d_wide;
    float* d_mag;
    CHECK(hipMalloc(&d_a, n * sizeof(hipFloatComplex)));
    CHECK(hipMalloc(&d_b, n * sizeof(hipFloatComplex)));
    CHECK(hipMalloc(&d_out, n * sizeof(hipFloatComplex)));
    CHECK(hipMalloc(&d_wide, n * sizeof(hipDoubleComplex)));
    CHECK(hipMalloc(&d_mag, n * sizeof(float)));
    CHECK(hipMemcpy(d_a, h_a, n * sizeof(hipFloatComplex), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_b, h_b, n * sizeof(hipFloatComplex), hipMemcpyHostToDevice));
    complex_ops<<<(n + 127) / 128, 128>>>(d_a, d_b, d_out, d_mag, n);
    complex_double<<<(n + 127) / 128, 128>>>(d_a, d_b, d_wide, n);
    CHECK(hipGetLastError());
    hipFloatComplex* out = (hipFloatComplex*)malloc(n * sizeof(hipFloatComplex));
    hipDoubleComplex* wide = (hipDoubleComplex*)malloc(n * sizeof(hipDoubleComplex));
    float* mag = (float*)malloc(n * sizeof(float));
    CHECK(hipMemcpy(out, d_out, n * sizeof(hipFloatComplex), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(wide, d_wide, n * sizeof(hipDoubleComplex), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(mag, d_mag, n * sizeof(float), hipMemcpyDeviceToHost));

    // the host computes the same with the same functions, to a relative tolerance (it may round differently
    // where the device fuses a multiply-add)
    int errors = 0;
    double total = 0.0;
    for (int i = 0; i < n; ++i) {
        hipFloatComplex p = hipCmulf(h_a[i], hipConjf(h_b[i]));
        hipFloatComplex q = hipCdivf(h_a[i], h_b[i]);
        hipFloatComplex want = hipCfmaf(p, make_hipComplex(0.5f, -0.25f), hipCsubf(q, hipCaddf(h_a[i], h_b[i])));
        float want_mag = hipCabsf(p) + hipCabsf(q) * 0.5f;
        float diff = hipCabsf(hipCsubf(out[i], want));
        if (!(diff <= 1e-4f * (1.0f + hipCabsf(want)))) ++errors;
        if (!(fabsf(mag[i] - want_mag) <= 1e-4f * (1.0f + fabsf(want_mag)))) ++errors;
        hipDoubleComplex x = hipComplexFloatToDouble(h_a[i]), y = hipComplexFloatToDouble(h_b[i]);
        hipDoubleComplex r = hipCdiv(hipCmul(x, y), hipCadd(y, make_hipDoubleComplex(1.0, 0.0)));
        hipDoubleComplex w = hipCfma(r, hipConj(x), make_hipDoubleComplex(hipCabs(r), -hipCreal(y)));
        if (!(hipCabs(hipCsub(wide[i], w)) <= 1e-9 * (1.0 + hipCabs(w)))) ++errors;
        total += hipCrealf(out[i]) + hipCimagf(out[i]) + mag[i];
    }
    printf("out[3] = (%.5f, %.5f), |p|[3] = %.5f\n", hipCrealf(out[3]), hipCimagf(out[3]), mag[3]);
    printf("out[50] = (%.5g, %.5g), out[51] = (%.5g, %.5g)\n", hipCrealf(out[50]), hipCimagf(out[50]),
           hipCrealf(out[51]), hipCimagf(out[51]));
    printf("wide[7] = (%.9f, %.9f)\n", hipCreal(wide[7]), hipCimag(wide[7]));
    printf("total = %.6g\n", total);
    printf("errors = %d\n", errors);
    CHECK(hipFree(d_a));
    CHECK(hipFree(d_b));
    CHECK(hipFree(d_out));
    CHECK(hipFree(d_wide));
    CHECK(hipFree(d_mag));
    free(h_a);
    free(h_b);
    free(out);
    free(wide);
    free(mag);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    return errors == 0 ? 0 : 1;
}
