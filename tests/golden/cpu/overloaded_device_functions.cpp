// Overloaded __device__ functions (one name, several parameter lists), which C and OpenCL C cannot
// express: each overload must keep its own body. Before the fix every call went to the overload lowered
// first, so scale(3) ran scale(float). The half overloads pick the larger value through the bits, as
// HeCBench's f16max does: *reinterpret_cast<const unsigned *>(&pair), __byte_perm, and the bits read back
// as a half2 (__half_as_ushort and friends, exact on every target).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include "cpurt.h"
#include "overloaded_device_functions.launch.h"
#include "cutrans_fp16.h"

/* cutrans: device function 'scale' moved to overloaded_device_functions.kernels.c */
/* cutrans: device function 'scale' moved to overloaded_device_functions.kernels.c */
/* cutrans: device function 'scale' moved to overloaded_device_functions.kernels.c */

// the larger half of each lane, from the sign of the difference: byte_perm picks a's or b's two bytes
/* cutrans: device function 'larger' moved to overloaded_device_functions.kernels.c */









/* cutrans: device function 'larger' moved to overloaded_device_functions.kernels.c */







/* cutrans: kernel 'overloads' moved to overloaded_device_functions.kernels.c */











int main()
{
    const int n = 96;
    float *hx = (float *)malloc(n * sizeof(float));
    int *hk = (int *)malloc(n * sizeof(int));
    half2 *ha = (half2 *)malloc(n * sizeof(half2)), *hb = (half2 *)malloc(n * sizeof(half2));
    for (int i = 0; i < n; ++i) {
        hx[i] = (float)(i % 17) * 0.75f - 4.0f;
        hk[i] = i * 7 - 300;
        ha[i] = __floats2half2_rn((float)(i % 11) - 5.0f, (float)(i % 5) * 0.25f);
        hb[i] = __floats2half2_rn((float)(i % 7) - 3.0f, 1.0f - (float)(i % 3) * 0.5f);
    }
    float *dx, *dfx;
    int *dk, *dfk;
    half2 *da, *db, *dpairs;
    half *dhalves;
    cpurtMalloc((void **)&dx, n * sizeof(float));
    cpurtMalloc((void **)&dk, n * sizeof(int));
    cpurtMalloc((void **)&da, n * sizeof(half2));
    cpurtMalloc((void **)&db, n * sizeof(half2));
    cpurtMalloc((void **)&dfx, n * sizeof(float));
    cpurtMalloc((void **)&dfk, n * sizeof(int));
    cpurtMalloc((void **)&dpairs, n * sizeof(half2));
    cpurtMalloc((void **)&dhalves, n * sizeof(half));
    cpurtMemcpy(dx, hx, n * sizeof(float), cpurtMemcpyHostToDevice);
    cpurtMemcpy(dk, hk, n * sizeof(int), cpurtMemcpyHostToDevice);
    cpurtMemcpy(da, ha, n * sizeof(half2), cpurtMemcpyHostToDevice);
    cpurtMemcpy(db, hb, n * sizeof(half2), cpurtMemcpyHostToDevice);
    cutrans_launch_overloads((n + 31) / 32, 32, 0, 0, dx, dk, da, db, dfx, dfk, dpairs, dhalves, n);
    float *fx = (float *)malloc(n * sizeof(float));
    int *fk = (int *)malloc(n * sizeof(int));
    half2 *pairs = (half2 *)malloc(n * sizeof(half2));
    half *halves = (half *)malloc(n * sizeof(half));
    cpurtMemcpy(fx, dfx, n * sizeof(float), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(fk, dfk, n * sizeof(int), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(pairs, dpairs, n * sizeof(half2), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(halves, dhalves, n * sizeof(half), cpurtMemcpyDeviceToHost);

    int bad = 0;
    for (int i = 0; i < n; ++i) {
        float2 a = __half22float2(ha[i]), b = __half22float2(hb[i]), p = __half22float2(pairs[i]);
        float h = __half2float(halves[i]), want = a.x > b.y ? a.x : b.y;
        if (fk[i] != hk[i] * 3 + 1 || p.x != (a.x > b.x ? a.x : b.x) || p.y != (a.y > b.y ? a.y : b.y) || h != want) {
            ++bad;
        }
    }
    for (int i = 0; i < n; i += 8) {
        printf("%d: %g %d %g %g %g\n", i, fx[i], fk[i], __low2float(pairs[i]), __high2float(pairs[i]),
               __half2float(halves[i]));
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    cpurtFree(dx);
    cpurtFree(dk);
    cpurtFree(da);
    cpurtFree(db);
    cpurtFree(dfx);
    cpurtFree(dfk);
    cpurtFree(dpairs);
    cpurtFree(dhalves);
    free(hx);
    free(hk);
    free(ha);
    free(hb);
    free(fx);
    free(fk);
    free(pairs);
    free(halves);
    return bad ? 1 : 0;
}
