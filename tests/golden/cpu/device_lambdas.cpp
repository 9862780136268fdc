// Lambdas in device code. Each becomes a device function whose captures are extra parameters:
// by value (the value when the lambda was made, even if the variable changes later), by reference
// (the body reads and writes the caller's variable, or members of it), a __shared__ array (never
// copied), an immediately invoked lambda, a lambda defined inside another, one in a kernel template
// that reads the template's parameter, and one that captures a device function's reference parameters,
// two of which name one variable. The host checks every result against a plain loop.
#include <cstdio>
#include "cpurt.h"
#include "device_lambdas.launch.h"

#define N 512
#define BLOCK 128

/* cutrans: kernel 'captures' moved to device_lambdas.kernels.c */





























/* cutrans: kernel 'block_sums' moved to device_lambdas.kernels.c */

















/* cutrans: kernel 'scaled' moved to device_lambdas.kernels.c */








// A lambda in a device function that captures its reference parameters: `limit` may name the same
// variable as `pos` (the second call), so it must be read through the reference after `pos` changes.
/* cutrans: device function 'walk' moved to device_lambdas.kernels.c */












/* cutrans: kernel 'references' moved to device_lambdas.kernels.c */







int main()
{
    float hx[N], hy[N];
    int hin[N], hcounts[N], hsums[N], hscaled[N];
    for (int i = 0; i < N; ++i) {
        hx[i] = (float)((i * 37) % 101) / 8.0f - 5.0f;
        hin[i] = (i * 13) % 29 - 14;
    }
    float *x, *y;
    int *in, *counts, *sums, *sc;
    cpurtMalloc((void **)&x, sizeof hx);
    cpurtMalloc((void **)&y, sizeof hy);
    cpurtMalloc((void **)&in, sizeof hin);
    cpurtMalloc((void **)&counts, sizeof hcounts);
    cpurtMalloc((void **)&sums, sizeof hsums);
    cpurtMalloc((void **)&sc, sizeof hscaled);
    cpurtMemcpy(x, hx, sizeof hx, cpurtMemcpyHostToDevice);
    cpurtMemcpy(in, hin, sizeof hin, cpurtMemcpyHostToDevice);
    const float a = 0.75f;
    cutrans_launch_captures(N / BLOCK, BLOCK, 0, 0, x, y, counts, a, N);
    cutrans_launch_block_sums(N / BLOCK, BLOCK, 0, 0, in, sums);
    cutrans_launch_scaled_3(N / BLOCK, BLOCK, 0, 0, in, sc);
    int htrace[8 * 16];
    unsigned hsteps[8];
    int *trace;
    unsigned *steps;
    cpurtMalloc((void **)&trace, sizeof htrace);
    cpurtMalloc((void **)&steps, sizeof hsteps);
    cpurtMemset(trace, 0, sizeof htrace);
    cutrans_launch_references(1, 8, 0, 0, trace, steps);
    cpurtMemcpy(htrace, trace, sizeof htrace, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(hsteps, steps, sizeof hsteps, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(hy, y, sizeof hy, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(hcounts, counts, sizeof hcounts, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(hsums, sums, sizeof hsums, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(hscaled, sc, sizeof hscaled, cpurtMemcpyDeviceToHost);

    int bad = 0;
    double checksum = 0.0;
    for (int i = 0; i < N; ++i) {
        float v = a * hx[i] + 1.5f;
        int hits = (v > a) + (v * 0.5f > a);
        bad += hcounts[i] != (3 + hits) * 10 + hits || hy[i] != v + (float)hits;
        int b = i / BLOCK * BLOCK, t = i % BLOCK, s = 0;
        for (int k = 0; k < 4; ++k) {
            s += 2 * hin[b + (t + k) % BLOCK];
        }
        bad += hsums[i] != s || hscaled[i] != hin[i] * 3 + i % 3;
        checksum += hy[i] + hcounts[i] + hsums[i] + hscaled[i];
    }
    for (int t = 0; t < 8; ++t) {
        unsigned a = t < 4 ? 4 - t : 0;                 // p = t + 1, t + 2, ... while p < 5
        bad += hsteps[t] != a * 100 + 8;                // with limit = pos, pos < pos + 3 always holds
        for (unsigned k = 0; k < a; ++k) {
            bad += htrace[16 * t + k] != (int)(t + 1 + k);
        }
        for (int k = 0; k < 8; ++k) {
            bad += htrace[16 * t + 8 + k] != t + 1 + k;
        }
    }
    printf("steps[0] = %u, steps[5] = %u\n", hsteps[0], hsteps[5]);
    printf("checksum %.3f, y[7] = %.4f, sums[9] = %d, scaled[11] = %d\n", checksum, hy[7], hsums[9], hscaled[11]);
    cpurtFree(x);
    cpurtFree(y);
    cpurtFree(in);
    cpurtFree(counts);
    cpurtFree(sums);
    cpurtFree(sc);
    cpurtFree(trace);
    cpurtFree(steps);
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad ? 1 : 0;
}
