// Regression: a tf32 operand drops its low 13 mantissa bits, but a NaN stays a NaN. A NaN whose payload
// lies only in those bits (0x7f800001) once lost them all in the OpenCL and CPU translations and became
// infinity, so a row of D that must be NaN came out as infinity. Here row r of A holds such a NaN in
// column r % 8 for the even rows, and every element of B is finite and non-zero.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <hip/hip_runtime.h>
#include "cutrans_hip_wmma.h"

using namespace nvcuda;

__global__ void tf32_nan_rows(const float *a, const float *b, float *d)
{
    wmma::fragment<wmma::matrix_a, 16, 16, 8, wmma::precision::tf32, wmma::row_major> fa;
    wmma::fragment<wmma::matrix_b, 16, 16, 8, wmma::precision::tf32, wmma::col_major> fb;
    wmma::fragment<wmma::accumulator, 16, 16, 8, float> acc;
    wmma::fill_fragment(acc, 0.5f);
    wmma::load_matrix_sync(fa, a, 8);
    wmma::load_matrix_sync(fb, b, 8);
    wmma::mma_sync(acc, fa, fb, acc);
    wmma::store_matrix_sync(d, acc, 16, wmma::mem_row_major);
}

int main()
{
    float ha[16 * 8], hb[8 * 16], hd[16 * 16];
    const unsigned int quiet_payload = 0x7f800001u;          // a NaN only in the bits tf32 drops
    for (int i = 0; i < 16 * 8; ++i) {
        ha[i] = (float)(i % 5) - 1.5f;
        hb[i] = 0.25f * (float)(i % 3 + 1);
    }
    for (int r = 0; r < 16; r += 2) {
        memcpy(&ha[r * 8 + r % 8], &quiet_payload, sizeof quiet_payload);
    }
    float *da, *db, *dd;
    hipMalloc((void **)&da, sizeof ha);
    hipMalloc((void **)&db, sizeof hb);
    hipMalloc((void **)&dd, sizeof hd);
    hipMemcpy(da, ha, sizeof ha, hipMemcpyHostToDevice);
    hipMemcpy(db, hb, sizeof hb, hipMemcpyHostToDevice);
    tf32_nan_rows<<<1, 32>>>(da, db, dd);
    hipMemcpy(hd, dd, sizeof hd, hipMemcpyDeviceToHost);
    int nan_rows = 0, inf_values = 0, bad = 0;
    double finite_sum = 0.0;
    for (int r = 0; r < 16; ++r) {
        int nans = 0;
        for (int c = 0; c < 16; ++c) {
            float v = hd[r * 16 + c];
            nans += v != v;
            inf_values += v == INFINITY || v == -INFINITY;
            finite_sum += (v == v && v != INFINITY && v != -INFINITY) ? v : 0.0;
        }
        nan_rows += nans == 16;
        bad += (r % 2 == 0) != (nans == 16) || (nans != 0 && nans != 16);
    }
    printf("rows of NaN = %d, infinities = %d, sum of the finite rows = %.4f\n", nan_rows, inf_values, finite_sum);
    printf("%s\n", bad || inf_values ? "FAIL" : "PASS");
    hipFree(da);
    hipFree(db);
    hipFree(dd);
    return bad || inf_values ? 1 : 0;
}
