// Tensor cores, double precision: C = A x B + C with nvcuda::wmma fragments of 8x8x4 (A column-major,
// B row-major, C loaded and stored column-major). Each block holds two warps, each computing one
// 8 x 8 tile. Each step of the product is one fused multiply-add, in k order, so the result is
// checked on the host against the same chain of fma() calls.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "wmma_double_gemm.launch.h"
namespace nvcuda { namespace wmma {} }  /* cutrans: <mma.h> is device-only */
#include "cutrans_fp16.h"
#include "cutrans_bf16.h"

using namespace nvcuda;

/* cutrans: kernel 'dgemm_8x8x4' moved to wmma_double_gemm.kernels.c */
















int main()
{
    const int m = 24, n = 32, k = 20;
    double *a = (double *)malloc(m * k * sizeof(double));   // column-major
    double *b = (double *)malloc(k * n * sizeof(double));   // row-major
    double *c = (double *)malloc(m * n * sizeof(double));   // column-major
    for (int i = 0; i < m * k; ++i) {
        a[i] = sin(0.37 * i) / 3.0;
    }
    for (int i = 0; i < k * n; ++i) {
        b[i] = cos(0.11 * i) * 1.7;
    }
    for (int i = 0; i < m * n; ++i) {
        c[i] = (double)(i % 11) / 7.0;
    }
    double *d_a, *d_b, *d_c;
    cpurtMalloc((void **)&d_a, m * k * sizeof(double));
    cpurtMalloc((void **)&d_b, k * n * sizeof(double));
    cpurtMalloc((void **)&d_c, m * n * sizeof(double));
    cpurtMemcpy(d_a, a, m * k * sizeof(double), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_b, b, k * n * sizeof(double), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_c, c, m * n * sizeof(double), cpurtMemcpyHostToDevice);
    cutrans_launch_dgemm_8x8x4(dim3(n / 16, m / 8), 64, 0, 0, d_a, d_b, d_c, m, n, k);
    double *got = (double *)malloc(m * n * sizeof(double));
    cpurtMemcpy(got, d_c, m * n * sizeof(double), cpurtMemcpyDeviceToHost);

    int bad = 0;
    double checksum = 0.0;
    for (int j = 0; j < n; ++j) {
        for (int i = 0; i < m; ++i) {
            double want = c[j * m + i];
            for (int p = 0; p < k; ++p) {
                want = fma(a[p * m + i], b[p * n + j], want);
            }
            bad += fabs(got[j * m + i] - want) > 1e-12 * (1.0 + fabs(want));
            checksum += got[j * m + i];
        }
    }
    printf("checksum = %.10f, c[0] = %.12f, c[last] = %.12f\n", checksum, got[0], got[m * n - 1]);
    printf("%s\n", bad ? "FAIL" : "PASS");
    cpurtFree(d_a);
    cpurtFree(d_b);
    cpurtFree(d_c);
    free(a);
    free(b);
    free(c);
    free(got);
    return bad ? 1 : 0;
}
