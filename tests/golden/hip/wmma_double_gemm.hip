// Tensor cores, double precision: C = A x B + C with nvcuda::wmma fragments of 8x8x4 (A column-major,
// B row-major, C loaded and stored column-major). Each block holds two warps, each computing one
// 8 x 8 tile. Each step of the product is one fused multiply-add, in k order, so the result is
// checked on the host against the same chain of fma() calls.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>
#include "cutrans_hip_wmma.h"

using namespace nvcuda;

__global__ void dgemm_8x8x4(const double *a, const double *b, double *c, int m, int n, int k)
{
    int warp = threadIdx.x / 32;
    int row = blockIdx.y * 8;
    int col = (blockIdx.x * 2 + warp) * 8;
    wmma::fragment<wmma::matrix_a, 8, 8, 4, double, wmma::col_major> a_frag;
    wmma::fragment<wmma::matrix_b, 8, 8, 4, double, wmma::row_major> b_frag;
    wmma::fragment<wmma::accumulator, 8, 8, 4, double> acc;
    wmma::load_matrix_sync(acc, c + col * m + row, m, wmma::mem_col_major);
    for (int kk = 0; kk < k; kk += 4) {
        wmma::load_matrix_sync(a_frag, a + kk * m + row, m);
        wmma::load_matrix_sync(b_frag, b + kk * n + col, n);
        wmma::mma_sync(acc, a_frag, b_frag, acc);
    }
    wmma::store_matrix_sync(c + col * m + row, acc, m, wmma::mem_col_major);
}

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
    hipMalloc((void **)&d_a, m * k * sizeof(double));
    hipMalloc((void **)&d_b, k * n * sizeof(double));
    hipMalloc((void **)&d_c, m * n * sizeof(double));
    hipMemcpy(d_a, a, m * k * sizeof(double), hipMemcpyHostToDevice);
    hipMemcpy(d_b, b, k * n * sizeof(double), hipMemcpyHostToDevice);
    hipMemcpy(d_c, c, m * n * sizeof(double), hipMemcpyHostToDevice);
    dgemm_8x8x4<<<dim3(n / 16, m / 8), 64>>>(d_a, d_b, d_c, m, n, k);
    double *got = (double *)malloc(m * n * sizeof(double));
    hipMemcpy(got, d_c, m * n * sizeof(double), hipMemcpyDeviceToHost);

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
    hipFree(d_a);
    hipFree(d_b);
    hipFree(d_c);
    free(a);
    free(b);
    free(c);
    free(got);
    return bad ? 1 : 0;
}
