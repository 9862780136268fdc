// Tensor cores, 8-bit integers: int32 C = A x B with nvcuda::wmma fragments of signed char (32x8x16,
// A and B row-major, one warp per 32 x 8 tile, the result stored column-major after a ReLU applied
// element by element through x[i]) and of unsigned char (16x16x16, B column-major, C accumulated onto
// values loaded from memory, stored row-major). Integer products and sums are exact, so the host
// checks every element for equality; the inputs make the products overflow 8 bits but not 32.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>
#include "cutrans_hip_wmma.h"

using namespace nvcuda;

__global__ void gemm_s8_relu(const signed char *a, const signed char *b, int *c, int m, int n, int k)
{
    int col = blockIdx.x * 8;
    int row = blockIdx.y * 32;
    wmma::fragment<wmma::matrix_a, 32, 8, 16, signed char, wmma::row_major> a_frag;
    wmma::fragment<wmma::matrix_b, 32, 8, 16, signed char, wmma::row_major> b_frag;
    wmma::fragment<wmma::accumulator, 32, 8, 16, int> acc;
    wmma::fill_fragment(acc, 0);
    for (int kk = 0; kk < k; kk += 16) {
        wmma::load_matrix_sync(a_frag, a + row * k + kk, k);
        wmma::load_matrix_sync(b_frag, b + kk * n + col, n);
        wmma::mma_sync(acc, a_frag, b_frag, acc);
    }
    for (int i = 0; i < acc.num_elements; ++i) {
        acc.x[i] = acc.x[i] > 0 ? acc.x[i] : 0;
    }
    wmma::store_matrix_sync(c + col * m + row, acc, m, wmma::mem_col_major);
}

__global__ void gemm_u8_accumulate(const unsigned char *a, const unsigned char *b, int *c, int m, int n, int k)
{
    int col = blockIdx.x * 16;
    int row = blockIdx.y * 16;
    wmma::fragment<wmma::matrix_a, 16, 16, 16, unsigned char, wmma::row_major> a_frag;
    wmma::fragment<wmma::matrix_b, 16, 16, 16, unsigned char, wmma::col_major> b_frag;
    wmma::fragment<wmma::accumulator, 16, 16, 16, int> acc;
    wmma::load_matrix_sync(acc, c + row * n + col, n, wmma::mem_row_major);
    for (int kk = 0; kk < k; kk += 16) {
        wmma::load_matrix_sync(a_frag, a + row * k + kk, k);
        wmma::load_matrix_sync(b_frag, b + col * k + kk, k);
        wmma::mma_sync(acc, a_frag, b_frag, acc);
    }
    wmma::store_matrix_sync(c + row * n + col, acc, n, wmma::mem_row_major);
}

int main()
{
    const int m = 64, n = 32, k = 64;
    signed char *sa = (signed char *)malloc(m * k), *sb = (signed char *)malloc(k * n);
    unsigned char *ua = (unsigned char *)malloc(m * k), *ub = (unsigned char *)malloc(k * n);
    int *c0 = (int *)malloc(m * n * sizeof(int));
    for (int i = 0; i < m * k; ++i) {
        sa[i] = (signed char)((i * 37) % 256 - 128);
        ua[i] = (unsigned char)((i * 53) % 256);
    }
    for (int i = 0; i < k * n; ++i) {
        sb[i] = (signed char)((i * 91) % 255 - 127);
        ub[i] = (unsigned char)((i * 29 + 7) % 256);      // column-major for gemm_u8_accumulate
    }
    for (int i = 0; i < m * n; ++i) {
        c0[i] = (i % 13) * 1000 - 6000;
    }
    signed char *d_sa, *d_sb;
    unsigned char *d_ua, *d_ub;
    int *d_cs, *d_cu;
    hipMalloc((void **)&d_sa, m * k);
    hipMalloc((void **)&d_sb, k * n);
    hipMalloc((void **)&d_ua, m * k);
    hipMalloc((void **)&d_ub, k * n);
    hipMalloc((void **)&d_cs, m * n * sizeof(int));
    hipMalloc((void **)&d_cu, m * n * sizeof(int));
    hipMemcpy(d_sa, sa, m * k, hipMemcpyHostToDevice);
    hipMemcpy(d_sb, sb, k * n, hipMemcpyHostToDevice);
    hipMemcpy(d_ua, ua, m * k, hipMemcpyHostToDevice);
    hipMemcpy(d_ub, ub, k * n, hipMemcpyHostToDevice);
    hipMemcpy(d_cu, c0, m * n * sizeof(int), hipMemcpyHostToDevice);
    hipLaunchKernelGGL(gemm_s8_relu, dim3(n / 8, m / 32), dim3(32), 0, 0, d_sa, d_sb, d_cs, m, n, k);
    hipLaunchKernelGGL(gemm_u8_accumulate, dim3(n / 16, m / 16), dim3(32), 0, 0, d_ua, d_ub, d_cu, m, n, k);
    int *cs = (int *)malloc(m * n * sizeof(int)), *cu = (int *)malloc(m * n * sizeof(int));
    hipMemcpy(cs, d_cs, m * n * sizeof(int), hipMemcpyDeviceToHost);
    hipMemcpy(cu, d_cu, m * n * sizeof(int), hipMemcpyDeviceToHost);

    int bad = 0;
    long long sum_s = 0, sum_u = 0;
    for (int i = 0; i < m; ++i) {
        for (int j = 0; j < n; ++j) {
            int s = 0, u = c0[i * n + j];
            for (int p = 0; p < k; ++p) {
                s += sa[i * k + p] * sb[p * n + j];
                u += ua[i * k + p] * ub[j * k + p];
            }
            s = s > 0 ? s : 0;
            bad += cs[j * m + i] != s;
            bad += cu[i * n + j] != u;
            sum_s += cs[j * m + i];
            sum_u += cu[i * n + j];
        }
    }
    printf("sum s8 = %lld, sum u8 = %lld, cs[5] = %d, cu[77] = %d\n", sum_s, sum_u, cs[5], cu[77]);
    printf("%d wrong\n", bad);
    printf("%s\n", bad ? "FAIL" : "PASS");
    hipFree(d_sa);
    hipFree(d_sb);
    hipFree(d_ua);
    hipFree(d_ub);
    hipFree(d_cs);
    hipFree(d_cu);
    free(sa);
    free(sb);
    free(ua);
    free(ub);
    free(c0);
    free(cs);
    free(cu);
    return bad ? 1 : 0;
}
