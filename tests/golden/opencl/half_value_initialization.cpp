// Value-initialized 16-bit floats: `__half2 r{}`, `__half2 r = {}` (HeCBench quantAQLM), `__half x{}`,
// `__nv_bfloat162 q{}`, `__half()`. C++ makes each of them zero. cutrans used to drop the empty braces
// after a name (r was declared without a value, so the sums below started from garbage) and refused
// `= {}`; both are zero now.
#include <cstdio>
#include <cstring>
#include "oclrt.h"
#include "half_value_initialization.launch.h"
#include "cutrans_fp16.h"
#include "cutrans_bf16.h"

/* cutrans: kernel 'dot_by_pairs' moved to half_value_initialization.cl */























static float value(__half h)
{
    return __half2float(h);
}

int main()
{
    const int n = 64;
    static __half2 a[4 * n], b[4 * n], pairs[2 * n];
    static __half halves[2 * n];
    static __nv_bfloat162 bf[n];
    for (int i = 0; i < 4 * n; ++i) {
        a[i] = __floats2half2_rn(0.25f * (i % 9) - 1.0f, 0.5f * (i % 5));
        b[i] = __floats2half2_rn(0.125f * (i % 7), 1.0f - 0.25f * (i % 3));
    }
    __half2 *da, *db, *dpairs;
    __half *dhalves;
    __nv_bfloat162 *dbf;
    oclrtMalloc((void **)&da, sizeof a);
    oclrtMalloc((void **)&db, sizeof b);
    oclrtMalloc((void **)&dpairs, sizeof pairs);
    oclrtMalloc((void **)&dhalves, sizeof halves);
    oclrtMalloc((void **)&dbf, sizeof bf);
    oclrtMemcpy(da, a, sizeof a, oclrtMemcpyHostToDevice);
    oclrtMemcpy(db, b, sizeof b, oclrtMemcpyHostToDevice);
    // garbage where the results go, so that a sum that does not start from zero shows
    memset(pairs, 0x5a, sizeof pairs);
    oclrtMemcpy(dpairs, pairs, sizeof pairs, oclrtMemcpyHostToDevice);
    cutrans_launch_dot_by_pairs(2, 32, 0, 0, da, db, dpairs, dhalves, dbf, n);
    oclrtMemcpy(pairs, dpairs, sizeof pairs, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(halves, dhalves, sizeof halves, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(bf, dbf, sizeof bf, oclrtMemcpyDeviceToHost);
    int failures = 0;
    for (int i = 0; i < n; ++i) {
        // every product and sum is exact in half here, so fused or not, the sums are these
        float dot_lo = 0.0f, dot_hi = 0.0f, sum_lo = 0.0f, sum_hi = 0.0f;
        for (int j = 0; j < 4; ++j) {
            int k = 4 * i + j;
            dot_lo += value(__low2half(a[k])) * value(__low2half(b[k]));
            dot_hi += value(__high2half(a[k])) * value(__high2half(b[k]));
            sum_lo += value(__low2half(a[k]));
            sum_hi += value(__high2half(a[k]));
        }
        float got[6] = {value(__low2half(pairs[2 * i])), value(__high2half(pairs[2 * i])),
                        value(__low2half(pairs[2 * i + 1])), value(__high2half(pairs[2 * i + 1])),
                        value(halves[2 * i]), value(halves[2 * i + 1])};
        float want[6] = {dot_lo, dot_hi, sum_lo, sum_hi, dot_lo, -sum_hi};
        for (int t = 0; t < 6; ++t) {
            if (got[t] != want[t]) {
                printf("FAIL %d.%d: %g, expected %g\n", i, t, got[t], want[t]);
                ++failures;
            }
        }
        if (__low2float(bf[i]) != dot_lo || __high2float(bf[i]) != dot_hi) {
            printf("FAIL bf16 %d: %g %g, expected %g %g\n", i, __low2float(bf[i]), __high2float(bf[i]), dot_lo,
                   dot_hi);
            ++failures;
        }
    }
    for (int i = 0; i < n; i += 13) {
        printf("%d: dot %g %g, sum %g %g\n", i, value(__low2half(pairs[2 * i])), value(__high2half(pairs[2 * i])),
               value(__low2half(pairs[2 * i + 1])), value(__high2half(pairs[2 * i + 1])));
    }
    oclrtFree(da);
    oclrtFree(db);
    oclrtFree(dpairs);
    oclrtFree(dhalves);
    oclrtFree(dbf);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
