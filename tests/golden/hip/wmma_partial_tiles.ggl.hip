// Tensor cores where not every warp or block has a tile. The first kernel leaves early in whole blocks
// (a condition on blockIdx, the same for every thread of a block), starts its accumulator from a bias
// matrix and applies a ReLU through x[i]; the second gives each warp a column of tiles and lets the warps past the
// matrix's last column skip their work (a condition on threadIdx). On the CPU target the first runs its
// fragment ops once per warp, the second keeps the per-thread lowering: both must give the same numbers.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>
#include "cutrans_hip_fp16.h"
#include "cutrans_hip_wmma.h"

using namespace nvcuda;

__global__ void bias_relu_tiles(const half *a, const half *b, const float *bias, float *d, int m, int n, int k,
                                int tiles)
{
    if (blockIdx.x >= tiles) {
        return;                                   // the grid is rounded up: whole blocks leave
    }
    int warp = threadIdx.x / 32;
    int row = (blockIdx.x * 2 + warp) / (n / 16) * 16, col = (blockIdx.x * 2 + warp) % (n / 16) * 16;
    wmma::fragment<wmma::matrix_a, 16, 16, 16, half, wmma::row_major> fa;
    wmma::fragment<wmma::matrix_b, 16, 16, 16, half, wmma::row_major> fb;
    wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc;
    wmma::load_matrix_sync(acc, bias + row * n + col, n, wmma::mem_row_major);
    for (int kk = 0; kk < k; kk += 16) {
        wmma::load_matrix_sync(fa, a + row * k + kk, k);
        wmma::load_matrix_sync(fb, b + kk * n + col, n);
        wmma::mma_sync(acc, fa, fb, acc);
    }
    for (int i = 0; i < acc.num_elements; i++) {
        acc.x[i] = fmaxf(acc.x[i], 0.0f);
    }
    wmma::store_matrix_sync(d + row * n + col, acc, n, wmma::mem_row_major);
}

__global__ void ragged_columns(const half *a, const half *b, float *d, int m, int n, int k)
{
    int col = (blockIdx.x * (blockDim.x / 32) + threadIdx.x / 32) * 16;
    if (col < n) {                               // the last block's extra warps have no column
        wmma::fragment<wmma::matrix_a, 16, 16, 16, half, wmma::row_major> fa;
        wmma::fragment<wmma::matrix_b, 16, 16, 16, half, wmma::row_major> fb;
        wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc;
        for (int row = 0; row < m; row += 16) {
            wmma::fill_fragment(acc, 0.0f);
            for (int kk = 0; kk < k; kk += 16) {
                wmma::load_matrix_sync(fa, a + row * k + kk, k);
                wmma::load_matrix_sync(fb, b + kk * n + col, n);
                wmma::mma_sync(acc, fa, fb, acc);
            }
            wmma::store_matrix_sync(d + row + col * m, acc, m, wmma::mem_col_major);
        }
    }
}

int main()
{
    const int m = 32, n = 48, k = 64;
    half *ha = (half *)malloc(m * k * sizeof(half)), *hb = (half *)malloc(k * n * sizeof(half));
    float *hbias = (float *)malloc(m * n * sizeof(float));
    for (int i = 0; i < m * k; ++i) {
        ha[i] = __float2half((float)((i * 37) % 29 - 14) / 8.0f);
    }
    for (int i = 0; i < k * n; ++i) {
        hb[i] = __float2half((float)((i * 53) % 31 - 15) / 16.0f);
    }
    for (int i = 0; i < m * n; ++i) {
        hbias[i] = (float)(i % 7) - 3.0f;
    }
    half *da, *db;
    float *dbias, *dd, *dr;
    hipMalloc((void **)&da, m * k * sizeof(half));
    hipMalloc((void **)&db, k * n * sizeof(half));
    hipMalloc((void **)&dbias, m * n * sizeof(float));
    hipMalloc((void **)&dd, m * n * sizeof(float));
    hipMalloc((void **)&dr, m * n * sizeof(float));
    hipMemcpy(da, ha, m * k * sizeof(half), hipMemcpyHostToDevice);
    hipMemcpy(db, hb, k * n * sizeof(half), hipMemcpyHostToDevice);
    hipMemcpy(dbias, hbias, m * n * sizeof(float), hipMemcpyHostToDevice);
    const int tiles = (m / 16) * (n / 16) / 2;        // two warps, two tiles, per block
    hipLaunchKernelGGL(bias_relu_tiles, dim3(tiles + 2), dim3(64), 0, 0, da, db, dbias, dd, m, n, k, tiles);
    hipLaunchKernelGGL(ragged_columns, dim3((n / 16 + 3) / 4), dim3(128), 0, 0, da, db, dr, m, n, k);
    float *got = (float *)malloc(m * n * sizeof(float)), *gotr = (float *)malloc(m * n * sizeof(float));
    hipMemcpy(got, dd, m * n * sizeof(float), hipMemcpyDeviceToHost);
    hipMemcpy(gotr, dr, m * n * sizeof(float), hipMemcpyDeviceToHost);

    int bad = 0;
    double checksum = 0.0, checksum_r = 0.0;
    for (int i = 0; i < m; ++i) {
        for (int j = 0; j < n; ++j) {
            double exact = 0.0, magnitude = 0.0;
            for (int p = 0; p < k; ++p) {
                double term = (double)__half2float(ha[i * k + p]) * (double)__half2float(hb[p * n + j]);
                exact += term;
                magnitude += fabs(term);
            }
            double bound = (k + 2) * 6.0e-8 * (magnitude + fabs(hbias[i * n + j])) + 1e-6;
            double want = fmax(exact + hbias[i * n + j], 0.0);
            bad += fabs(got[i * n + j] - want) > bound;
            bad += fabs(gotr[i + j * m] - exact) > bound;
            checksum += got[i * n + j];
            checksum_r += gotr[i + j * m];
        }
    }
    printf("bias+relu checksum = %.4f, d[7] = %.5f\n", checksum, got[7]);
    printf("ragged checksum = %.4f, r[last] = %.5f\n", checksum_r, gotr[m * n - 1]);
    printf("%s\n", bad ? "FAIL" : "PASS");
    hipFree(da);
    hipFree(db);
    hipFree(dbias);
    hipFree(dd);
    hipFree(dr);
    free(ha);
    free(hb);
    free(hbias);
    free(got);
    free(gotr);
    return bad ? 1 : 0;
}
