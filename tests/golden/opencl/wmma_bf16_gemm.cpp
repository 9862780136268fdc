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
#include "oclrt.h"
#include "wmma_bf16_gemm.launch.h"
#include "cutrans_bf16.h"
namespace nvcuda { namespace wmma {} }  /* cutrans: <mma.h> is device-only */
#include "cutrans_fp16.h"
#include "cutrans_bf16.h"

using namespace nvcuda;

/* cutrans: kernel 'wmma_gemm_bf16' moved to wmma_bf16_gemm.cl */























// a_t is A column-major (a_t[kk * m + i]), b_t is B row-major (b_t[kk * n + j]); D is stored column-major.
/* cutrans: kernel 'wmma_gemm_bf16_tall' moved to wmma_bf16_gemm.cl */














// Each warp does two 8 x 32 tiles side by side, A and B row-major.
/* cutrans: kernel 'wmma_gemm_bf16_wide' moved to wmma_bf16_gemm.cl */

















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
    oclrtMalloc((void **)&da, in_bytes);
    oclrtMalloc((void **)&dat, in_bytes);
    oclrtMalloc((void **)&db, in_bytes);
    oclrtMalloc((void **)&dbt, in_bytes);
    oclrtMalloc((void **)&dc, out_bytes);
    oclrtMalloc((void **)&dd, out_bytes);
    oclrtMalloc((void **)&dtall, out_bytes);
    oclrtMalloc((void **)&dwide, out_bytes);
    oclrtMemcpy(da, ha, in_bytes, oclrtMemcpyHostToDevice);
    oclrtMemcpy(dat, hat, in_bytes, oclrtMemcpyHostToDevice);
    oclrtMemcpy(db, hb, in_bytes, oclrtMemcpyHostToDevice);
    oclrtMemcpy(dbt, hbt, in_bytes, oclrtMemcpyHostToDevice);
    oclrtMemcpy(dc, hc, out_bytes, oclrtMemcpyHostToDevice);
    cutrans_launch_wmma_gemm_bf16(dim3(n / 32, m / 32), 128, 0, 0, da, db, dc, dd, m, n, k, alpha, beta);
    cutrans_launch_wmma_gemm_bf16_tall(dim3(n / 16, m / 32), 64, 0, 0, dat, dbt, dtall, m, n, k);
    cutrans_launch_wmma_gemm_bf16_wide(dim3(n / 64, m / 8), 32, 0, 0, da, dbt, dwide, m, n, k);
    float *got = (float *)malloc(out_bytes), *tall = (float *)malloc(out_bytes), *wide = (float *)malloc(out_bytes);
    oclrtMemcpy(got, dd, out_bytes, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(tall, dtall, out_bytes, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(wide, dwide, out_bytes, oclrtMemcpyDeviceToHost);

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
    oclrtFree(da);
    oclrtFree(dat);
    oclrtFree(db);
    oclrtFree(dbt);
    oclrtFree(dc);
    oclrtFree(dd);
    oclrtFree(dtall);
    oclrtFree(dwide);
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
