// Tensor cores, half precision: the classic WMMA GEMM. D = alpha * A x B + beta * C with A (row-major)
// and B (column-major) in __half and float accumulators, 16x16x16 fragments, four warps per block each
// computing one 16 x 16 tile (so a block covers 32 x 32). A second kernel accumulates into __half
// fragments of 32x8x16 and stores halves. The host checks both against double-precision products of the
// same half inputs, within a bound for float sums (and a half rounding per mma_sync for the second).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>
#include "cutrans_hip_fp16.h"
#include "cutrans_hip_wmma.h"

using namespace nvcuda;

#define WMMA_M 16
#define WMMA_N 16
#define WMMA_K 16

__global__ void wmma_gemm_fp16(const half *a, const half *b, const float *c, float *d, int m, int n, int k,
                               float alpha, float beta)
{
    int warp_m = blockIdx.y * 2 + (threadIdx.x / 32) / 2;
    int warp_n = blockIdx.x * 2 + (threadIdx.x / 32) % 2;
    int row = warp_m * WMMA_M, col = warp_n * WMMA_N;

    wmma::fragment<wmma::matrix_a, WMMA_M, WMMA_N, WMMA_K, half, wmma::row_major> a_frag;
    wmma::fragment<wmma::matrix_b, WMMA_M, WMMA_N, WMMA_K, half, wmma::col_major> b_frag;
    wmma::fragment<wmma::accumulator, WMMA_M, WMMA_N, WMMA_K, float> acc_frag;
    wmma::fragment<wmma::accumulator, WMMA_M, WMMA_N, WMMA_K, float> c_frag;
    wmma::fill_fragment(acc_frag, 0.0f);
    for (int kk = 0; kk < k; kk += WMMA_K) {
        wmma::load_matrix_sync(a_frag, a + row * k + kk, k);
        wmma::load_matrix_sync(b_frag, b + col * k + kk, k);
        wmma::mma_sync(acc_frag, a_frag, b_frag, acc_frag);
    }
    wmma::load_matrix_sync(c_frag, c + row * n + col, n, wmma::mem_row_major);
    for (int i = 0; i < c_frag.num_elements; i++) {
        c_frag.x[i] = alpha * acc_frag.x[i] + beta * c_frag.x[i];
    }
    wmma::store_matrix_sync(d + row * n + col, c_frag, n, wmma::mem_row_major);
}

__global__ void wmma_gemm_half_accumulate(const half *a, const half *b, half *d, int m, int n, int k)
{
    int row = blockIdx.y * 32, col = blockIdx.x * 8;
    wmma::fragment<wmma::matrix_a, 32, 8, 16, half, wmma::row_major> a_frag;
    wmma::fragment<wmma::matrix_b, 32, 8, 16, half, wmma::col_major> b_frag;
    wmma::fragment<wmma::accumulator, 32, 8, 16, half> acc;
    wmma::fill_fragment(acc, __float2half(0.0f));
    for (int kk = 0; kk < k; kk += 16) {
        wmma::load_matrix_sync(a_frag, a + row * k + kk, k);
        wmma::load_matrix_sync(b_frag, b + col * k + kk, k);
        wmma::mma_sync(acc, a_frag, b_frag, acc);
    }
    wmma::store_matrix_sync(d + row * n + col, acc, n, wmma::mem_row_major);
}

int main()
{
    const int m = 64, n = 64, k = 64;
    const float alpha = 0.75f, beta = 1.25f;
    half *ha = (half *)malloc(m * k * sizeof(half)), *hb = (half *)malloc(k * n * sizeof(half));
    float *hc = (float *)malloc(m * n * sizeof(float));
    for (int i = 0; i < m * k; ++i) {
        ha[i] = __float2half((float)((i * 97) % 41 - 20) / 16.0f);
    }
    for (int i = 0; i < k * n; ++i) {
        hb[i] = __float2half((float)((i * 61) % 37 - 18) / 32.0f);    // column-major: b[col * k + row]
    }
    for (int i = 0; i < m * n; ++i) {
        hc[i] = (float)(i % 9) - 4.0f;
    }
    half *da, *db, *dh;
    float *dc, *dd;
    hipMalloc((void **)&da, m * k * sizeof(half));
    hipMalloc((void **)&db, k * n * sizeof(half));
    hipMalloc((void **)&dc, m * n * sizeof(float));
    hipMalloc((void **)&dd, m * n * sizeof(float));
    hipMalloc((void **)&dh, m * n * sizeof(half));
    hipMemcpy(da, ha, m * k * sizeof(half), hipMemcpyHostToDevice);
    hipMemcpy(db, hb, k * n * sizeof(half), hipMemcpyHostToDevice);
    hipMemcpy(dc, hc, m * n * sizeof(float), hipMemcpyHostToDevice);
    wmma_gemm_fp16<<<dim3(n / 32, m / 32), 128>>>(da, db, dc, dd, m, n, k, alpha, beta);
    wmma_gemm_half_accumulate<<<dim3(n / 8, m / 32), 32>>>(da, db, dh, m, n, k);
    float *got = (float *)malloc(m * n * sizeof(float));
    half *goth = (half *)malloc(m * n * sizeof(half));
    hipMemcpy(got, dd, m * n * sizeof(float), hipMemcpyDeviceToHost);
    hipMemcpy(goth, dh, m * n * sizeof(half), hipMemcpyDeviceToHost);

    int bad = 0;
    double checksum = 0.0, checksum_half = 0.0;
    for (int i = 0; i < m; ++i) {
        for (int j = 0; j < n; ++j) {
            double exact = 0.0, magnitude = 0.0;
            for (int p = 0; p < k; ++p) {
                double term = (double)__half2float(ha[i * k + p]) * (double)__half2float(hb[j * k + p]);
                exact += term;
                magnitude += fabs(term);
            }
            double want = alpha * exact + beta * hc[i * n + j];
            double bound = (k + 2) * 6.0e-8 * (fabs(alpha) * magnitude + fabs(beta * hc[i * n + j])) + 1e-6;
            bad += fabs(got[i * n + j] - want) > bound;
            // the half accumulator is rounded once per mma_sync (k / 16 times), each time by at most 2^-11 of
            // a partial sum, and no partial sum exceeds the sum of the terms' magnitudes
            double half_bound = k * 6.0e-8 * magnitude + (k / 16) * magnitude / 2048.0 + 1e-7;
            bad += fabs(__half2float(goth[i * n + j]) - exact) > half_bound;
            checksum += got[i * n + j];
            checksum_half += __half2float(goth[i * n + j]);
        }
    }
    printf("checksum = %.4f, d[0] = %.5f, d[last] = %.5f\n", checksum, got[0], got[m * n - 1]);
    printf("half checksum = %.3f, h[5] = %.4f\n", checksum_half, __half2float(goth[5]));
    printf("%s\n", bad ? "FAIL" : "PASS");
    hipFree(da);
    hipFree(db);
    hipFree(dc);
    hipFree(dd);
    hipFree(dh);
    free(ha);
    free(hb);
    free(hc);
    free(got);
    free(goth);
    return bad ? 1 : 0;
}
