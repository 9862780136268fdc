// Lambdas in device code. Each becomes a device function whose captures are extra parameters:
// by value (the value when the lambda was made, even if the variable changes later), by reference
// (the body reads and writes the caller's variable, or members of it), a __shared__ array (never
// copied), an immediately invoked lambda, a lambda defined inside another, one in a kernel template
// that reads the template's parameter, and one that captures a device function's reference parameters,
// two of which name one variable. The host checks every result against a plain loop.
#include <cstdio>
#include "oclrt.h"
#include "device_lambdas.launch.h"

#define N 512
#define BLOCK 128

/* cutrans: kernel 'captures' moved to device_lambdas.cl */





























/* cutrans: kernel 'block_sums' moved to device_lambdas.cl */

















/* cutrans: kernel 'scaled' moved to device_lambdas.cl */








// A lambda in a device function that captures its reference parameters: `limit` may name the same
// variable as `pos` (the second call), so it must be read through the reference after `pos` changes.
/* cutrans: device function 'walk' moved to device_lambdas.cl */












/* cutrans: kernel 'references' moved to device_lambdas.cl */







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
    oclrtMalloc((void **)&x, sizeof hx);
    oclrtMalloc((void **)&y, sizeof hy);
    oclrtMalloc((void **)&in, sizeof hin);
    oclrtMalloc((void **)&counts, sizeof hcounts);
    oclrtMalloc((void **)&sums, sizeof hsums);
    oclrtMalloc((void **)&sc, sizeof hscaled);
    oclrtMemcpy(x, hx, sizeof hx, oclrtMemcpyHostToDevice);
    oclrtMemcpy(in, hin, sizeof hin, oclrtMemcpyHostToDevice);
    const float a = 0.75f;
    cutrans_launch_captures(N / BLOCK, BLOCK, 0, 0, x, y, counts, a, N);
    cutrans_launch_block_sums(N / BLOCK, BLOCK, 0, 0, in, sums);
    cutrans_launch_scaled_3(N / BLOCK, BLOCK, 0, 0, in, sc);
    int htrace[8 * 16];
    unsigned hsteps[8];
    int *trace;
    unsigned *steps;
    oclrtMalloc((void **)&trace, sizeof htrace);
    oclrtMalloc((void **)&steps, sizeof hsteps);
    oclrtMemset(trace, 0, sizeof htrace);
    cutrans_launch_references(1, 8, 0, 0, trace, steps);
    oclrtMemcpy(htrace, trace, sizeof htrace, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(hsteps, steps, sizeof hsteps, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(hy, y, sizeof hy, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(hcounts, counts, sizeof hcounts, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(hsums, sums, sizeof hsums, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(hscaled, sc, sizeof hscaled, oclrtMemcpyDeviceToHost);

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
    oclrtFree(x);
    oclrtFree(y);
    oclrtFree(in);
    oclrtFree(counts);
    oclrtFree(sums);
    oclrtFree(sc);
    oclrtFree(trace);
    oclrtFree(steps);
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad ? 1 : 0;
}
