// Lambdas in device code. Each becomes a device function whose captures are extra parameters:
// by value (the value when the lambda was made, even if the variable changes later), by reference
// (the body reads and writes the caller's variable, or members of it), a __shared__ array (never
// copied), an immediately invoked lambda, a lambda defined inside another, one in a kernel template
// that reads the template's parameter, and one that captures a device function's reference parameters,
// two of which name one variable. The host checks every result against a plain loop.
#include <cstdio>
#include <hip/hip_runtime.h>

#define N 512
#define BLOCK 128

__global__ void captures(const float *x, float *y, int *counts, float a, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    float offset = 1.5f;
    auto affine = [=](float v) { return a * v + offset; };     // keeps offset = 1.5
    offset = -100.0f;                                          // ...whatever happens to it afterwards
    int hits = 0;
    auto count_if_big = [&](float v) {
        if (v > a) {
            hits += 1;
            return true;
        }
        return false;
    };
    if (i < n) {
        float v = affine(x[i]);
        count_if_big(v);
        count_if_big(v * 0.5f);
        y[i] = v + offset * 0.0f + [&] { return (float)hits; }();
        int2 tally = make_int2(0, 0);
        auto tally_up = [&](int d) {        // writes members of a variable it captures by reference
            tally.x += d;
            tally.y = d;
        };
        tally_up(3);
        tally_up(hits);
        counts[i] = tally.x * 10 + tally.y;
    }
}

__global__ void block_sums(const int *in, int *out)
{
    __shared__ int tile[BLOCK];
    int t = threadIdx.x;
    auto load = [&](int at) { tile[at] = in[blockIdx.x * BLOCK + at] * 2; };
    load(t);
    __syncthreads();
    auto window = [=](int width) {
        auto at = [&](int k) { return tile[(t + k) % BLOCK]; };
        int s = 0;
        for (int k = 0; k < width; ++k) {
            s += at(k);
        }
        return s;
    };
    out[blockIdx.x * BLOCK + t] = window(4);
}

template <int Scale>
__global__ void scaled(const int *in, int *out)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int bias = i % 3;
    auto f = [bias, &in](int k) { return in[k] * Scale + bias; };
    out[i] = f(i);
}

// A lambda in a device function that captures its reference parameters: `limit` may name the same
// variable as `pos` (the second call), so it must be read through the reference after `pos` changes.
__device__ unsigned walk(unsigned &pos, const unsigned &limit, int *trace)
{
    auto advance = [&]() {
        pos += 1;
        return pos < limit + 3;
    };
    unsigned steps = 0;
    while (steps < 8 && advance()) {
        trace[steps++] = (int)pos;
    }
    return steps;
}

__global__ void references(int *trace, unsigned *steps)
{
    unsigned t = threadIdx.x, p = t, l = 2, q = t;
    unsigned a = walk(p, l, trace + 16 * t);
    unsigned b = walk(q, q, trace + 16 * t + 8);
    steps[t] = a * 100 + b;
}

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
    hipMalloc((void **)&x, sizeof hx);
    hipMalloc((void **)&y, sizeof hy);
    hipMalloc((void **)&in, sizeof hin);
    hipMalloc((void **)&counts, sizeof hcounts);
    hipMalloc((void **)&sums, sizeof hsums);
    hipMalloc((void **)&sc, sizeof hscaled);
    hipMemcpy(x, hx, sizeof hx, hipMemcpyHostToDevice);
    hipMemcpy(in, hin, sizeof hin, hipMemcpyHostToDevice);
    const float a = 0.75f;
    captures<<<N / BLOCK, BLOCK>>>(x, y, counts, a, N);
    block_sums<<<N / BLOCK, BLOCK>>>(in, sums);
    scaled<3><<<N / BLOCK, BLOCK>>>(in, sc);
    int htrace[8 * 16];
    unsigned hsteps[8];
    int *trace;
    unsigned *steps;
    hipMalloc((void **)&trace, sizeof htrace);
    hipMalloc((void **)&steps, sizeof hsteps);
    hipMemset(trace, 0, sizeof htrace);
    references<<<1, 8>>>(trace, steps);
    hipMemcpy(htrace, trace, sizeof htrace, hipMemcpyDeviceToHost);
    hipMemcpy(hsteps, steps, sizeof hsteps, hipMemcpyDeviceToHost);
    hipMemcpy(hy, y, sizeof hy, hipMemcpyDeviceToHost);
    hipMemcpy(hcounts, counts, sizeof hcounts, hipMemcpyDeviceToHost);
    hipMemcpy(hsums, sums, sizeof hsums, hipMemcpyDeviceToHost);
    hipMemcpy(hscaled, sc, sizeof hscaled, hipMemcpyDeviceToHost);

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
    hipFree(x);
    hipFree(y);
    hipFree(in);
    hipFree(counts);
    hipFree(sums);
    hipFree(sc);
    hipFree(trace);
    hipFree(steps);
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad ? 1 : 0;
}
