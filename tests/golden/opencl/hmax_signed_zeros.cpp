// __hmax/__hmin (and __hmax2/__hmin2) on +0 and -0: CUDA's max gives +0 and min gives -0 whichever operand
// comes first, where C's fmax/fmin leave the choice to the implementation. Also a NaN against a number (the
// number wins), two equal values, and ordinary pairs, on __half, __half2 and __nv_bfloat16.
#include <cstdio>
#include <cstring>
#include "oclrt.h"
#include "hmax_signed_zeros.launch.h"
#include "cutrans_fp16.h"
#include "cutrans_bf16.h"

/* cutrans: kernel 'extremes' moved to hmax_signed_zeros.cl */
















int main()
{
    const int n = 8;
    const unsigned short ha[n] = {0x0000, 0x8000, 0x8000, 0x0000, 0x7e01, 0x3c00, 0x3c00, 0xc000};
    const unsigned short hb[n] = {0x8000, 0x0000, 0x8000, 0x0000, 0x3c00, 0x7e01, 0x3c00, 0x4000};
    const unsigned short bc[n] = {0x0000, 0x8000, 0x8000, 0x0000, 0x7fc1, 0x3f80, 0x3f80, 0xc000};
    const unsigned short bd[n] = {0x8000, 0x0000, 0x8000, 0x0000, 0x3f80, 0x7fc1, 0x3f80, 0x4000};
    // max, min of the halves; the two lanes of the pair results agree, so they xor to 0; then the bfloat16s
    const unsigned short want[6 * n] = {
        0x0000, 0x8000, 0, 0, 0x0000, 0x8000,   0x0000, 0x8000, 0, 0, 0x0000, 0x8000,
        0x8000, 0x8000, 0, 0, 0x8000, 0x8000,   0x0000, 0x0000, 0, 0, 0x0000, 0x0000,
        0x3c00, 0x3c00, 0, 0, 0x3f80, 0x3f80,   0x3c00, 0x3c00, 0, 0, 0x3f80, 0x3f80,
        0x3c00, 0x3c00, 0, 0, 0x3f80, 0x3f80,   0x4000, 0xc000, 0, 0, 0x4000, 0xc000};
    __half ha_h[n], hb_h[n];
    __nv_bfloat16 bc_h[n], bd_h[n];
    memcpy(ha_h, ha, sizeof ha_h);          // the bits as they are (NaN payloads included)
    memcpy(hb_h, hb, sizeof hb_h);
    memcpy(bc_h, bc, sizeof bc_h);
    memcpy(bd_h, bd, sizeof bd_h);
    __half *da, *db;
    __nv_bfloat16 *dc, *dd;
    unsigned short *dout, out[6 * n];
    oclrtMalloc((void **)&da, sizeof ha_h);
    oclrtMalloc((void **)&db, sizeof hb_h);
    oclrtMalloc((void **)&dc, sizeof bc_h);
    oclrtMalloc((void **)&dd, sizeof bd_h);
    oclrtMalloc((void **)&dout, sizeof out);
    oclrtMemcpy(da, ha_h, sizeof ha_h, oclrtMemcpyHostToDevice);
    oclrtMemcpy(db, hb_h, sizeof hb_h, oclrtMemcpyHostToDevice);
    oclrtMemcpy(dc, bc_h, sizeof bc_h, oclrtMemcpyHostToDevice);
    oclrtMemcpy(dd, bd_h, sizeof bd_h, oclrtMemcpyHostToDevice);
    cutrans_launch_extremes(1, 32, 0, 0, da, db, dc, dd, dout, n);
    oclrtMemcpy(out, dout, sizeof out, oclrtMemcpyDeviceToHost);
    int failures = 0;
    for (int i = 0; i < 6 * n; ++i) {
        printf("%d.%d: %04x\n", i / 6, i % 6, out[i]);
        if (out[i] != want[i]) {
            printf("  expected %04x\n", want[i]);
            ++failures;
        }
    }
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
