// Floating-point contraction of a product kept in a variable. nvcc contracts `sq = x * x` into each
// addition that uses sq when nothing else uses it (-fmad=true; two FFMAs in its sm_90 code), so both
// sq - y and sq + y keep the product's rounding error. When the product is also stored, nvcc keeps it
// rounded and adds separately. The translations do the same (translator/passes/contract_fma.py). The two
// products differ on purpose: nvcc (and GCC, which builds the emulation) would compute one product for
// two equal ones, whose store would then keep every use of it rounded.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "fp_contraction_kept_product.launch.h"

/* cutrans: kernel 'kept_product' moved to fp_contraction_kept_product.kernels.c */













int main()
{
    const int n = 3000;
    float *hx = (float*)malloc(n * sizeof(float)), *hy = (float*)malloc(n * sizeof(float));
    float *hb = (float*)malloc(n * sizeof(float)), *ha = (float*)malloc(n * sizeof(float));
    float* hs = (float*)malloc(2 * n * sizeof(float));
    for (int i = 0; i < n; ++i) {
        hx[i] = 1.0f + (float)i / 7.0f;
        volatile float square = hx[i] * hx[i];      // rounded: y is the float nearest to x * x
        hy[i] = square;
    }
    float *dx, *dy, *db, *da, *ds;
    cpurtMalloc((void**)&dx, n * sizeof(float));
    cpurtMalloc((void**)&dy, n * sizeof(float));
    cpurtMalloc((void**)&db, n * sizeof(float));
    cpurtMalloc((void**)&da, n * sizeof(float));
    cpurtMalloc((void**)&ds, 2 * n * sizeof(float));
    cpurtMemcpy(dx, hx, n * sizeof(float), cpurtMemcpyHostToDevice);
    cpurtMemcpy(dy, hy, n * sizeof(float), cpurtMemcpyHostToDevice);
    cutrans_launch_kept_product((n + 127) / 128, 128, 0, 0, dx, dy, db, da, ds, n);
    cpurtMemcpy(hb, db, n * sizeof(float), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(ha, da, n * sizeof(float), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(hs, ds, 2 * n * sizeof(float), cpurtMemcpyDeviceToHost);

    int nonzero = 0, bad = 0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        nonzero += hb[i] != 0.0f;
        bad += hb[i] != fmaf(hx[i], hx[i], -hy[i]) || ha[i] != fmaf(hx[i], hx[i], hy[i]);
        volatile float tripled = hx[i] * 3.0f;                  // the stored product is the rounded one
        bad += hs[2 * i] != tripled || hs[2 * i + 1] != tripled - hy[i];
        sum += ha[i];
    }
    printf("non-zero residuals: %d of %d, sum of x * x + y = %.6e\n", nonzero, n, sum);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    cpurtFree(dx);
    cpurtFree(dy);
    cpurtFree(db);
    cpurtFree(da);
    cpurtFree(ds);
    free(hx);
    free(hy);
    free(hb);
    free(ha);
    free(hs);
    return bad == 0 ? 0 : 1;
}
