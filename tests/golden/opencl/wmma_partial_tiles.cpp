// Tensor cores where not every warp or block has a tile. The first kernel leaves early in whole blocks
// (a condition on blockIdx, the same for every thread of a block), starts its accumulator from a bias
// matrix and applies a ReLU through x[i]; the second gives each warp a column of tiles and lets the warps past the
// matrix's last column skip their work (a condition on threadIdx). On the CPU target the first runs its
// fragment ops once per warp, the second keeps the per-thread lowering: both must give the same numbers.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "wmma_partial_tiles.launch.h"
#include "cutrans_fp16.h"
namespace nvcuda { namespace wmma {} }  /* cutrans: <mma.h> is device-only */
#include "cutrans_fp16.h"
#include "cutrans_bf16.h"

using namespace nvcuda;

/* cutrans: kernel 'bias_relu_tiles' moved to wmma_partial_tiles.cl */






















/* cutrans: kernel 'ragged_columns' moved to wmma_partial_tiles.cl */


















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
    oclrtMalloc((void **)&da, m * k * sizeof(half));
    oclrtMalloc((void **)&db, k * n * sizeof(half));
    oclrtMalloc((void **)&dbias, m * n * sizeof(float));
    oclrtMalloc((void **)&dd, m * n * sizeof(float));
    oclrtMalloc((void **)&dr, m * n * sizeof(float));
    oclrtMemcpy(da, ha, m * k * sizeof(half), oclrtMemcpyHostToDevice);
    oclrtMemcpy(db, hb, k * n * sizeof(half), oclrtMemcpyHostToDevice);
    oclrtMemcpy(dbias, hbias, m * n * sizeof(float), oclrtMemcpyHostToDevice);
    const int tiles = (m / 16) * (n / 16) / 2;        // two warps, two tiles, per block
    cutrans_launch_bias_relu_tiles(tiles + 2, 64, 0, 0, da, db, dbias, dd, m, n, k, tiles);
    cutrans_launch_ragged_columns((n / 16 + 3) / 4, 128, 0, 0, da, db, dr, m, n, k);
    float *got = (float *)malloc(m * n * sizeof(float)), *gotr = (float *)malloc(m * n * sizeof(float));
    oclrtMemcpy(got, dd, m * n * sizeof(float), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(gotr, dr, m * n * sizeof(float), oclrtMemcpyDeviceToHost);

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
    oclrtFree(da);
    oclrtFree(db);
    oclrtFree(dbias);
    oclrtFree(dd);
    oclrtFree(dr);
    free(ha);
    free(hb);
    free(hbias);
    free(got);
    free(gotr);
    return bad ? 1 : 0;
}
