// Tensor cores, 8-bit integers: int32 C = A x B with nvcuda::wmma fragments of signed char (32x8x16,
// A and B row-major, one warp per 32 x 8 tile, the result stored column-major after a ReLU applied
// element by element through x[i]) and of unsigned char (16x16x16, B column-major, C accumulated onto
// values loaded from memory, stored row-major). Integer products and sums are exact, so the host
// checks every element for equality; the inputs make the products overflow 8 bits but not 32.
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "wmma_int8_gemm.launch.h"
namespace nvcuda { namespace wmma {} }  /* cutrans: <mma.h> is device-only */
#include "cutrans_fp16.h"
#include "cutrans_bf16.h"

using namespace nvcuda;

/* cutrans: kernel 'gemm_s8_relu' moved to wmma_int8_gemm.kernels.c */


















/* cutrans: kernel 'gemm_u8_accumulate' moved to wmma_int8_gemm.kernels.c */















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
    cpurtMalloc((void **)&d_sa, m * k);
    cpurtMalloc((void **)&d_sb, k * n);
    cpurtMalloc((void **)&d_ua, m * k);
    cpurtMalloc((void **)&d_ub, k * n);
    cpurtMalloc((void **)&d_cs, m * n * sizeof(int));
    cpurtMalloc((void **)&d_cu, m * n * sizeof(int));
    cpurtMemcpy(d_sa, sa, m * k, cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_sb, sb, k * n, cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_ua, ua, m * k, cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_ub, ub, k * n, cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_cu, c0, m * n * sizeof(int), cpurtMemcpyHostToDevice);
    cutrans_launch_gemm_s8_relu(dim3(n / 8, m / 32), 32, 0, 0, d_sa, d_sb, d_cs, m, n, k);
    cutrans_launch_gemm_u8_accumulate(dim3(n / 16, m / 16), 32, 0, 0, d_ua, d_ub, d_cu, m, n, k);
    int *cs = (int *)malloc(m * n * sizeof(int)), *cu = (int *)malloc(m * n * sizeof(int));
    cpurtMemcpy(cs, d_cs, m * n * sizeof(int), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(cu, d_cu, m * n * sizeof(int), cpurtMemcpyDeviceToHost);

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
    cpurtFree(d_sa);
    cpurtFree(d_sb);
    cpurtFree(d_ua);
    cpurtFree(d_ub);
    cpurtFree(d_cs);
    cpurtFree(d_cu);
    free(sa);
    free(sb);
    free(ua);
    free(ub);
    free(c0);
    free(cs);
    free(cu);
    return bad ? 1 : 0;
}
