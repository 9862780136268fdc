// __half arithmetic in host code: inputs prepared with half operators (unary minus, + - * /, compound
// assignment, ++, comparisons) before the launch, and the kernel's results checked with them afterwards;
// the kernel uses compound assignment and prefix steps.
// CUDA declares these operators __host__ __device__; HIP before 6.4 has them on the device only, so the
// HIP output needs runtime_shims/hip/cutrans_hip_fp16.h (the HeCBench wmma program negates a half this way).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include "cutrans_fp16.h"
#include "oclrt.h"
#include "host_half_operators.launch.h"

#define BLOCK 64

/* cutrans: kernel 'axpb' moved to host_half_operators.cl */











static unsigned bits(__half h)
{
    unsigned short u;
    memcpy(&u, &h, sizeof u);
    return u;
}

int main()
{
    const int n = 300;
    __half *hx = (__half *)malloc(n * sizeof(__half)), *hy = (__half *)malloc(n * sizeof(__half));
    __half step = __float2half(0.125f);
    __half ramp = __float2half(-2.0f);
    for (int i = 0; i < n; ++i) {
        unsigned v = (unsigned)(i * 7 % 13);
        hx[i] = (v % 3) ? -static_cast<__half>(v) : static_cast<__half>(v);   // the HeCBench wmma idiom
        hy[i] = ramp / __float2half(3.0f);                                        // rounds in half
        ramp += step;
        if (i % 37 == 5) {
            hy[i] = (hy[i] > __float2half(0.0f) ? -hy[i] : hy[i]) - __float2half(65504.0f) - __float2half(32.0f);
            // -65504 - 32 is the midpoint to -65536: rounds to even, which is -inf
        }
    }
    __half counter = __float2half(2046.0f);
    counter++;                                                                    // 2047: exact
    ++counter;                                                                    // 2048
    ++counter;                                                                    // 2049 rounds to 2048 (ties to even)
    __half a = __float2half(1.5f);
    __half *dx, *dy, *dout;
    oclrtMalloc((void **)&dx, n * sizeof(__half));
    oclrtMalloc((void **)&dy, n * sizeof(__half));
    oclrtMalloc((void **)&dout, n * sizeof(__half));
    oclrtMemcpy(dx, hx, n * sizeof(__half), oclrtMemcpyHostToDevice);
    oclrtMemcpy(dy, hy, n * sizeof(__half), oclrtMemcpyHostToDevice);
    cutrans_launch_axpb((n + BLOCK - 1) / BLOCK, BLOCK, 0, 0, dx, dy, dout, a, n);
    __half *out = (__half *)malloc(n * sizeof(__half));
    oclrtMemcpy(out, dout, n * sizeof(__half), oclrtMemcpyDeviceToHost);

    int bad = 0, below = 0;
    for (int i = 0; i < n; ++i) {
        __half want = a * hx[i] + hy[i];                                         // rounded per operation, as on the device
        ++want;
        --want;
        if (bits(out[i]) != bits(want)) {
            ++bad;
        }
        if (out[i] < hy[i] && !(out[i] >= hy[i])) {
            ++below;
        }
    }
    for (int i = 0; i < n; i += 23) {
        printf("%d: x %u y %u out %u\n", i, bits(hx[i]), bits(hy[i]), bits(out[i]));
    }
    printf("counter %g, %d of %d below y\n", __half2float(counter), below, n);
    printf("%s\n", bad || __half2float(counter) != 2048.0f ? "FAIL" : "PASS");
    oclrtFree(dx);
    oclrtFree(dy);
    oclrtFree(dout);
    free(hx);
    free(hy);
    free(out);
    return 0;
}
