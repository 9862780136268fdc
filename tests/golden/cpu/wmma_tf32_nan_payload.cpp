// Regression: a tf32 operand is a float with its low 13 mantissa bits dropped, whatever the float. A NaN
// whose payload lies only in those bits (0x7f800001) therefore reaches the tensor core as an infinity, as an
// H100 computes it; a NaN with a payload bit above them (0x7fc00001) stays a NaN. cutrans once kept every NaN
// a NaN, which real CUDA showed to be wrong (docs/tensor_cores.md). Row r of A holds the first kind of NaN
// in column r % 8 when r % 4 == 0, the second kind when r % 4 == 2, and finite values otherwise; every
// element of B is finite and positive, so D has four rows of +infinity, four of NaN and eight finite ones.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include "cpurt.h"
#include "wmma_tf32_nan_payload.launch.h"
namespace nvcuda { namespace wmma {} }  /* cutrans: <mma.h> is device-only */
#include "cutrans_fp16.h"
#include "cutrans_bf16.h"

using namespace nvcuda;

/* cutrans: kernel 'tf32_nan_rows' moved to wmma_tf32_nan_payload.kernels.c */











int main()
{
    float ha[16 * 8], hb[8 * 16], hd[16 * 16];
    const unsigned int low_payload = 0x7f800001u;            // a NaN only in the bits tf32 drops
    const unsigned int high_payload = 0x7fc00001u;           // a NaN that keeps a payload bit
    for (int i = 0; i < 16 * 8; ++i) {
        ha[i] = (float)(i % 5) - 1.5f;
        hb[i] = 0.25f * (float)(i % 3 + 1);
    }
    for (int r = 0; r < 16; r += 2) {
        memcpy(&ha[r * 8 + r % 8], r % 4 == 0 ? &low_payload : &high_payload, sizeof low_payload);
    }
    float *da, *db, *dd;
    cpurtMalloc((void **)&da, sizeof ha);
    cpurtMalloc((void **)&db, sizeof hb);
    cpurtMalloc((void **)&dd, sizeof hd);
    cpurtMemcpy(da, ha, sizeof ha, cpurtMemcpyHostToDevice);
    cpurtMemcpy(db, hb, sizeof hb, cpurtMemcpyHostToDevice);
    cutrans_launch_tf32_nan_rows(1, 32, 0, 0, da, db, dd);
    cpurtMemcpy(hd, dd, sizeof hd, cpurtMemcpyDeviceToHost);
    int nan_rows = 0, infinite_rows = 0, bad = 0;
    double finite_sum = 0.0;
    for (int r = 0; r < 16; ++r) {
        int nans = 0, infinities = 0;
        for (int c = 0; c < 16; ++c) {
            float v = hd[r * 16 + c];
            nans += v != v;
            infinities += v == INFINITY;
            finite_sum += (v == v && v != INFINITY && v != -INFINITY) ? v : 0.0;
        }
        nan_rows += nans == 16;
        infinite_rows += infinities == 16;
        int want_nans = r % 4 == 2 ? 16 : 0, want_infinities = r % 4 == 0 ? 16 : 0;
        bad += nans != want_nans || infinities != want_infinities;
    }
    printf("rows of NaN = %d, rows of infinity = %d, sum of the finite rows = %.4f\n", nan_rows, infinite_rows,
           finite_sum);
    printf("%s\n", bad ? "FAIL" : "PASS");
    cpurtFree(da);
    cpurtFree(db);
    cpurtFree(dd);
    return bad ? 1 : 0;
}
