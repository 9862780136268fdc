// Tensor cores, half precision: the classic WMMA GEMM. D = alpha * A x B + beta * C with A (row-major)
// and B (column-major) in __half and float accumulators, 16x16x16 fragments, four warps per block each
// computing one 16 x 16 tile (so a block covers 32 x 32). A second kernel accumulates into __half
// fragments of 32x8x16 and stores halves. The host checks both against double-precision products of the
// same half inputs, within a bound for float sums (and a half rounding per mma_sync for the second).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "wmma_fp16_gemm.launch.h"
#include "cutrans_fp16.h"
namespace nvcuda { namespace wmma {} }  /* cutrans: <mma.h> is device-only */
#include "cutrans_fp16.h"
#include "cutrans_bf16.h"

using namespace nvcuda;

#define WMMA_M 16
#define WMMA_N 16
#define WMMA_K 16

/* cutrans: kernel 'wmma_gemm_fp16' moved to wmma_fp16_gemm.kernels.c */























/* cutrans: kernel 'wmma_gemm_half_accumulate' moved to wmma_fp16_gemm.kernels.c */














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
    cpurtMalloc((void **)&da, m * k * sizeof(half));
    cpurtMalloc((void **)&db, k * n * sizeof(half));
    cpurtMalloc((void **)&dc, m * n * sizeof(float));
    cpurtMalloc((void **)&dd, m * n * sizeof(float));
    cpurtMalloc((void **)&dh, m * n * sizeof(half));
    cpurtMemcpy(da, ha, m * k * sizeof(half), cpurtMemcpyHostToDevice);
    cpurtMemcpy(db, hb, k * n * sizeof(half), cpurtMemcpyHostToDevice);
    cpurtMemcpy(dc, hc, m * n * sizeof(float), cpurtMemcpyHostToDevice);
    cutrans_launch_wmma_gemm_fp16(dim3(n / 32, m / 32), 128, 0, 0, da, db, dc, dd, m, n, k, alpha, beta);
    cutrans_launch_wmma_gemm_half_accumulate(dim3(n / 8, m / 32), 32, 0, 0, da, db, dh, m, n, k);
    float *got = (float *)malloc(m * n * sizeof(float));
    half *goth = (half *)malloc(m * n * sizeof(half));
    cpurtMemcpy(got, dd, m * n * sizeof(float), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(goth, dh, m * n * sizeof(half), cpurtMemcpyDeviceToHost);

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
    cpurtFree(da);
    cpurtFree(db);
    cpurtFree(dc);
    cpurtFree(dd);
    cpurtFree(dh);
    free(ha);
    free(hb);
    free(hc);
    free(got);
    free(goth);
    return bad ? 1 : 0;
}
