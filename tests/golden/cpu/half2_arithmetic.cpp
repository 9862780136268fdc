// __half2 (cuda_fp16.h) in device code: pairs loaded from half2 buffers and from a half buffer through
// reinterpret_cast, lane-wise arithmetic through operators and __hadd2/__hmul2/__h2div/__hfma2 (each lane
// rounded to half once), __hmax2/__hneg2/__habs2, comparisons that give 1.0/0.0 per lane (__hgt2, __hle2)
// or one bool (==, __hbeq2, __hblt2), h2sqrt and h2rint (exact functions, rounded once), lane moves
// (__lowhigh2highlow, __halves2half2, __low2half), compound assignment and ++ on a pair, a __shared__ array
// of pairs, a write to one lane of a pair in memory, a __half2 kernel parameter passed by value, and the
// scalar __hfma, which must round once: 1.5 * 0.6669921875 + 2^-24 lies just above a tie of halves.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include "cpurt.h"
#include "half2_arithmetic.launch.h"
#include "cutrans_fp16.h"

#define BLOCK 64

/* cutrans: device function 'scaled_difference' moved to half2_arithmetic.kernels.c */




/* cutrans: kernel 'pair_ops' moved to half2_arithmetic.kernels.c */































/* cutrans: kernel 'half_fma' moved to half2_arithmetic.kernels.c */







static unsigned short bits(half v)
{
    unsigned short u;
    memcpy(&u, &v, sizeof u);
    return u;
}

int main()
{
    const int n = 150;
    half2 *ha = (half2 *)malloc(n * sizeof(half2)), *hb = (half2 *)malloc(n * sizeof(half2));
    half *hh = (half *)malloc(2 * n * sizeof(half));
    for (int i = 0; i < n; ++i) {
        float ax = (float)((i * 37) % 101 - 50) * 0.013671875f, ay = (float)((i * 11) % 23 - 11) * 0.25f;
        float bx = (float)((i * 53) % 89 - 44) * 0.0009765625f + 1.0f, by = (float)(i % 7) * 0.5f - 1.5f;
        if (i % 40 == 7) {
            ax = 60000.0f;                                   // sums and products overflow to infinity
            bx = 30000.0f;
        }
        if (i % 40 == 13) {
            ay = 0.0000001f;                                 // a subnormal half
            by = ay;
        }
        ha[i] = __floats2half2_rn(ax, ay);
        hb[i] = __floats2half2_rn(bx, by);
        hh[2 * i] = __float2half((float)(i % 13) * 0.125f - 0.75f);
        hh[2 * i + 1] = __float2half((float)(i % 5) * 1.5f);
    }
    half2 *da, *db, *dout, *dflags;
    half *dh;
    float *dwide;
    cpurtMalloc((void **)&da, n * sizeof(half2));
    cpurtMalloc((void **)&db, n * sizeof(half2));
    cpurtMalloc((void **)&dh, 2 * n * sizeof(half));
    cpurtMalloc((void **)&dout, 4 * n * sizeof(half2));
    cpurtMalloc((void **)&dflags, n * sizeof(half2));
    cpurtMalloc((void **)&dwide, n * sizeof(float));
    cpurtMemcpy(da, ha, n * sizeof(half2), cpurtMemcpyHostToDevice);
    cpurtMemcpy(db, hb, n * sizeof(half2), cpurtMemcpyHostToDevice);
    cpurtMemcpy(dh, hh, 2 * n * sizeof(half), cpurtMemcpyHostToDevice);
    cutrans_launch_pair_ops((n + BLOCK - 1) / BLOCK, BLOCK, 0, 0, da, db, dh, __floats2half2_rn(2.0f, 0.5f), dout, dflags, dwide, n);

    // __hfma: products and sums whose rounding through float would differ from one rounding
    const int m = 8;
    const float fa[m] = {1.5f, 1.5f, -1.5f, 3.0f, 0.5f, 65504.0f, 1.0009765625f, 2.0f};
    const float fb[m] = {0.6669921875f, 0.6669921875f, 0.6669921875f, 0.333251953125f, 0.5f, 2.0f, 1.0009765625f, 0.0f};
    const float fc[m] = {0.000000059604645f, -0.000000059604645f, 0.000000059604645f, 0.0f, -0.25f, -65504.0f,
                         -1.0f, -0.0f};
    half *hfa = (half *)malloc(m * sizeof(half)), *hfb = (half *)malloc(m * sizeof(half));
    half *hfc = (half *)malloc(m * sizeof(half)), *hfd = (half *)malloc(m * sizeof(half));
    for (int i = 0; i < m; ++i) {
        hfa[i] = __float2half(fa[i]);
        hfb[i] = __float2half(fb[i]);
        hfc[i] = __float2half(fc[i]);
    }
    half *dfa, *dfb, *dfc, *dfd;
    cpurtMalloc((void **)&dfa, m * sizeof(half));
    cpurtMalloc((void **)&dfb, m * sizeof(half));
    cpurtMalloc((void **)&dfc, m * sizeof(half));
    cpurtMalloc((void **)&dfd, m * sizeof(half));
    cpurtMemcpy(dfa, hfa, m * sizeof(half), cpurtMemcpyHostToDevice);
    cpurtMemcpy(dfb, hfb, m * sizeof(half), cpurtMemcpyHostToDevice);
    cpurtMemcpy(dfc, hfc, m * sizeof(half), cpurtMemcpyHostToDevice);
    cutrans_launch_half_fma(1, 32, 0, 0, dfa, dfb, dfc, dfd, m);

    half2 *out = (half2 *)malloc(4 * n * sizeof(half2)), *flags = (half2 *)malloc(n * sizeof(half2));
    float *wide = (float *)malloc(n * sizeof(float));
    cpurtMemcpy(out, dout, 4 * n * sizeof(half2), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(flags, dflags, n * sizeof(half2), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(wide, dwide, n * sizeof(float), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(hfd, dfd, m * sizeof(half), cpurtMemcpyDeviceToHost);

    int bad = 0;
    for (int i = 0; i < n; ++i) {
        float2 x = __half22float2(ha[i]), y = __half22float2(hb[i]);
        half2 want = __floats2half2_rn(x.x + y.x, x.y + y.y);     // each lane rounded once
        if (bits(out[4 * i].x) != bits(want.x) || bits(out[4 * i].y) != bits(want.y)) {
            ++bad;
        }
    }
    for (int i = 0; i < n; i += 7) {
        printf("%d: sum %u %u prod %u %u z %u %u fma %u flags %u %u wide %.9g\n", i, bits(out[4 * i].x),
               bits(out[4 * i].y), bits(out[4 * i + 1].x), bits(out[4 * i + 1].y), bits(out[4 * i + 2].x),
               bits(out[4 * i + 2].y), bits(out[4 * i + 3].y), bits(flags[i].x), bits(flags[i].y), wide[i]);
    }
    for (int i = 0; i < m; ++i) {
        printf("hfma %d: %u (%.9g)\n", i, bits(hfd[i]), __half2float(hfd[i]));
    }
    if (bits(hfd[0]) != 0x3c01u) {                   // 1 + 2^-10: rounding through float would give 1.0
        ++bad;
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    cpurtFree(da);
    cpurtFree(db);
    cpurtFree(dh);
    cpurtFree(dout);
    cpurtFree(dflags);
    cpurtFree(dwide);
    cpurtFree(dfa);
    cpurtFree(dfb);
    cpurtFree(dfc);
    cpurtFree(dfd);
    free(ha);
    free(hb);
    free(hh);
    free(out);
    free(flags);
    free(wide);
    free(hfa);
    free(hfb);
    free(hfc);
    free(hfd);
    return bad ? 1 : 0;
}
