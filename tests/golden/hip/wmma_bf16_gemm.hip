// Tensor cores, bfloat16: WMMA GEMMs with __nv_bfloat16 inputs and float accumulators, in the three shapes.
// D = alpha * A x B + beta * C, A and B 64 x 64, their values chosen with more bits than a bfloat16 keeps
// (so the host's rounding to bfloat16 changes them, and the check below sees it did).
//   wmma_gemm_bf16:      16x16x16, A row-major, B column-major, four warps per block, one 16 x 16 tile each.
//   wmma_gemm_bf16_tall: 32x8x16, A column-major, B row-major, two warps per block, D stored column-major.
//   wmma_gemm_bf16_wide: 8x32x16, A and B row-major, one warp per block doing two 8 x 32 tiles.
// The host checks every result against double-precision products of the same bfloat16 inputs within a
// bound for float sums ((k + 2) * 6e-8 * sum |terms|; a tensor core adds in an order of its own), and that
// the inputs' bfloat16 rounding moved the result by more than that bound somewhere.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>
#include "cutrans_hip_bf16.h"
#include "cutrans_hip_wmma.h"

using namespace nvcuda;

__global__ void wmma_gemm_bf16(const __nv_bfloat16 *a, const __nv_bfloat16 *b, const float *c, float *d, int m,
                               int n, int k, float alpha, float beta)
{
    int warp_m = blockIdx.y * 2 + (threadIdx.x / 32) / 2;
    int warp_n = blockIdx.x * 2 + (threadIdx.x / 32) % 2;
    int row = warp_m * 16, col = warp_n * 16;

    wmma::fragment<wmma::matrix_a, 16, 16, 16, __nv_bfloat16, wmma::row_major> a_frag;
    wmma::fragment<wmma::matrix_b, 16, 16, 16, __nv_bfloat16, wmma::col_major> b_frag;
    wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc_frag;
    wmma::fragment<wmma::accumulator, 16, 16, 16, float> c_frag;
    wmma::fill_fragment(acc_frag, 0.0f);
    for (int kk = 0; kk < k; kk += 16) {
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

// a_t is A column-major (a_t[kk * m + i]), b_t is B row-major (b_t[kk * n + j]); D is stored column-major.
__global__ void wmma_gemm_bf16_tall(const __nv_bfloat16 *a_t, const __nv_bfloat16 *b_t, float *d, int m, int n, int k)
{
    int row = blockIdx.y * 32, col = (blockIdx.x * 2 + threadIdx.x / 32) * 8;
    wmma::fragment<wmma::matrix_a, 32, 8, 16, __nv_bfloat16, wmma::col_major> a_frag;
    wmma::fragment<wmma::matrix_b, 32, 8, 16, __nv_bfloat16, wmma::row_major> b_frag;
    wmma::fragment<wmma::accumulator, 32, 8, 16, float> acc;
    wmma::fill_fragment(acc, 0.0f);
    for (int kk = 0; kk < k; kk += 16) {
        wmma::load_matrix_sync(a_frag, a_t + kk * m + row, m);
        wmma::load_matrix_sync(b_frag, b_t + kk * n + col, n);
        wmma::mma_sync(acc, a_frag, b_frag, acc);
    }
    wmma::store_matrix_sync(d + col * m + row, acc, m, wmma::mem_col_major);
}

// Each warp does two 8 x 32 tiles side by side, A and B row-major.
__global__ void wmma_gemm_bf16_wide(const __nv_bfloat16 *a, const __nv_bfloat16 *b_t, float *d, int m, int n, int k)
{
    int row = blockIdx.y * 8;
    wmma::fragment<wmma::matrix_a, 8, 32, 16, __nv_bfloat16, wmma::row_major> a_frag;
    wmma::fragment<wmma::matrix_b, 8, 32, 16, __nv_bfloat16, wmma::row_major> b_frag;
    wmma::fragment<wmma::accumulator, 8, 32, 16, float> acc;
    for (int tile = 0; tile < 2; ++tile) {
        int col = (blockIdx.x * 2 + tile) * 32;
        wmma::fill_fragment(acc, 0.0f);
        for (int kk = 0; kk < k; kk += 16) {
            wmma::load_matrix_sync(a_frag, a + row * k + kk, k);
            wmma::load_matrix_sync(b_frag, b_t + kk * n + col, n);
            wmma::mma_sync(acc, a_frag, b_frag, acc);
        }
        wmma::store_matrix_sync(d + row * n + col, acc, n, wmma::mem_row_major);
    }
}

int main()
{
    const int m = 64, n = 64, k = 64;
    const float alpha = 0.75f, beta = 1.25f;
    const size_t in_bytes = m * k * sizeof(__nv_bfloat16), out_bytes = m * n * sizeof(float);
    __nv_bfloat16 *ha = (__nv_bfloat16 *)malloc(in_bytes), *hat = (__nv_bfloat16 *)malloc(in_bytes);
    __nv_bfloat16 *hb = (__nv_bfloat16 *)malloc(in_bytes), *hbt = (__nv_bfloat16 *)malloc(in_bytes);
    float *fa = (float *)malloc(m * k * sizeof(float)), *fb = (float *)malloc(k * n * sizeof(float));
    float *hc = (float *)malloc(out_bytes);
    for (int i = 0; i < m; ++i) {
        for (int p = 0; p < k; ++p) {      // eleven significant bits: a bfloat16 keeps eight
            fa[i * k + p] = (float)((i * 97 + p * 13) % 2001 - 1000) / 317.0f;
            ha[i * k + p] = __float2bfloat16(fa[i * k + p]);
            hat[p * m + i] = ha[i * k + p];
        }
    }
    for (int p = 0; p < k; ++p) {
        for (int j = 0; j < n; ++j) {
            fb[p * n + j] = (float)((p * 61 + j * 29) % 1999 - 999) / 711.0f;
            hb[j * k + p] = __float2bfloat16(fb[p * n + j]);    // column-major: b[col * k + row]
            hbt[p * n + j] = hb[j * k + p];
        }
    }
    for (int i = 0; i < m * n; ++i) {
        hc[i] = (float)(i % 9) - 4.0f;
    }
    __nv_bfloat16 *da, *dat, *db, *dbt;
    float *dc, *dd, *dtall, *dwide;
    hipMalloc((void **)&da, in_bytes);
    hipMalloc((void **)&dat, in_bytes);
    hipMalloc((void **)&db, in_bytes);
    hipMalloc((void **)&dbt, in_bytes);
    hipMalloc((void **)&dc, out_bytes);
    hipMalloc((void **)&dd, out_bytes);
    hipMalloc((void **)&dtall, out_bytes);
    hipMalloc((void **)&dwide, out_bytes);
    hipMemcpy(da, ha, in_bytes, hipMemcpyHostToDevice);
    hipMemcpy(dat, hat, in_bytes, hipMemcpyHostToDevice);
    hipMemcpy(db, hb, in_bytes, hipMemcpyHostToDevice);
    hipMemcpy(dbt, hbt, in_bytes, hipMemcpyHostToDevice);
    hipMemcpy(dc, hc, out_bytes, hipMemcpyHostToDevice);
    wmma_gemm_bf16<<<dim3(n / 32, m / 32), 128>>>(da, db, dc, dd, m, n, k, alpha, beta);
    wmma_gemm_bf16_tall<<<dim3(n / 16, m / 32), 64>>>(dat, dbt, dtall, m, n, k);
    wmma_gemm_bf16_wide<<<dim3(n / 64, m / 8), 32>>>(da, dbt, dwide, m, n, k);
    float *got = (float *)malloc(out_bytes), *tall = (float *)malloc(out_bytes), *wide = (float *)malloc(out_bytes);
    hipMemcpy(got, dd, out_bytes, hipMemcpyDeviceToHost);
    hipMemcpy(tall, dtall, out_bytes, hipMemcpyDeviceToHost);
    hipMemcpy(wide, dwide, out_bytes, hipMemcpyDeviceToHost);

    int bad = 0, rounding_seen = 0;
    double checksum = 0.0, checksum_tall = 0.0, checksum_wide = 0.0;
    for (int i = 0; i < m; ++i) {
        for (int j = 0; j < n; ++j) {
            double exact = 0.0, magnitude = 0.0, unrounded = 0.0;
            for (int p = 0; p < k; ++p) {
                double term = (double)__bfloat162float(ha[i * k + p]) * (double)__bfloat162float(hb[j * k + p]);
                exact += term;
                magnitude += fabs(term);
                unrounded += (double)fa[i * k + p] * (double)fb[p * n + j];
            }
            double bound = (k + 2) * 6.0e-8 * magnitude + 1e-6;
            double want = alpha * exact + beta * hc[i * n + j];
            bad += fabs(got[i * n + j] - want) > (k + 2) * 6.0e-8 * (fabs(alpha) * magnitude +
                                                                      fabs(beta * hc[i * n + j])) + 1e-6;
            bad += fabs(tall[j * m + i] - exact) > bound;
            bad += fabs(wide[i * n + j] - exact) > bound;
            rounding_seen += fabs(unrounded - exact) > bound;
            checksum += got[i * n + j];
            checksum_tall += tall[j * m + i];
            checksum_wide += wide[i * n + j];
        }
    }
    printf("checksum = %.4f, d[0] = %.5f, d[last] = %.5f\n", checksum, got[0], got[m * n - 1]);
    printf("tall checksum = %.4f, wide checksum = %.4f\n", checksum_tall, checksum_wide);
    printf("results moved by the inputs' bfloat16 rounding: %d of %d\n", rounding_seen, m * n);
    bad += rounding_seen == 0;
    printf("%s\n", bad ? "FAIL" : "PASS");
    hipFree(da);
    hipFree(dat);
    hipFree(db);
    hipFree(dbt);
    hipFree(dc);
    hipFree(dd);
    hipFree(dtall);
    hipFree(dwide);
    free(ha);
    free(hat);
    free(hb);
    free(hbt);
    free(fa);
    free(fb);
    free(hc);
    free(got);
    free(tall);
    free(wide);
    return bad ? 1 : 0;
}
