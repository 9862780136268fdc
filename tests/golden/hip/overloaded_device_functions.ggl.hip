// Overloaded __device__ functions (one name, several parameter lists), which C and OpenCL C cannot
// express: each overload must keep its own body. Before the fix every call went to the overload lowered
// first, so scale(3) ran scale(float). The half overloads pick the larger value through the bits, as
// HeCBench's f16max does: *reinterpret_cast<const unsigned *>(&pair), __byte_perm, and the bits read back
// as a half2 (__half_as_ushort and friends, exact on every target).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <hip/hip_runtime.h>
#include "cutrans_hip_fp16.h"

__device__ float scale(float x) { return x * 2.5f; }
__device__ int scale(int x) { return x * 3 + 1; }
__device__ float scale(float x, float y) { return x * y - 1.0f; }

// the larger half of each lane, from the sign of the difference: byte_perm picks a's or b's two bytes
__device__ half2 larger(const half2 a, const half2 b)
{
    const half2 diff = __hsub2(a, b);
    const unsigned sign = (*reinterpret_cast<const unsigned *>(&diff)) & 0x80008000u;
    const unsigned selector = 0x00003210u | (((sign >> 21) | (sign >> 13)) * 0x11u);
    const unsigned bits = __byte_perm(*reinterpret_cast<const unsigned *>(&a), *reinterpret_cast<const unsigned *>(&b),
                                      selector);
    return *reinterpret_cast<const half2 *>(&bits);
}

__device__ half larger(const half a, const half b)
{
    const half diff = __hsub(a, b);
    const unsigned short mine = __half_as_ushort(a), theirs = *reinterpret_cast<const unsigned short *>(&b);
    const unsigned short bits = (__half_as_short(diff) < 0) ? theirs : mine;
    return __ushort_as_half(bits);
}

__global__ void overloads(const float *x, const int *k, const half2 *a, const half2 *b, float *fx, int *fk,
                          half2 *pairs, half *halves, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        fx[i] = scale(x[i]) + scale(x[i], 0.5f);
        fk[i] = scale(k[i]);
        pairs[i] = larger(a[i], b[i]);
        halves[i] = larger(__low2half(a[i]), __high2half(b[i]));
    }
}

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
    hipMalloc((void **)&dx, n * sizeof(float));
    hipMalloc((void **)&dk, n * sizeof(int));
    hipMalloc((void **)&da, n * sizeof(half2));
    hipMalloc((void **)&db, n * sizeof(half2));
    hipMalloc((void **)&dfx, n * sizeof(float));
    hipMalloc((void **)&dfk, n * sizeof(int));
    hipMalloc((void **)&dpairs, n * sizeof(half2));
    hipMalloc((void **)&dhalves, n * sizeof(half));
    hipMemcpy(dx, hx, n * sizeof(float), hipMemcpyHostToDevice);
    hipMemcpy(dk, hk, n * sizeof(int), hipMemcpyHostToDevice);
    hipMemcpy(da, ha, n * sizeof(half2), hipMemcpyHostToDevice);
    hipMemcpy(db, hb, n * sizeof(half2), hipMemcpyHostToDevice);
    hipLaunchKernelGGL(overloads, dim3((n + 31) / 32), dim3(32), 0, 0, dx, dk, da, db, dfx, dfk, dpairs, dhalves, n);
    float *fx = (float *)malloc(n * sizeof(float));
    int *fk = (int *)malloc(n * sizeof(int));
    half2 *pairs = (half2 *)malloc(n * sizeof(half2));
    half *halves = (half *)malloc(n * sizeof(half));
    hipMemcpy(fx, dfx, n * sizeof(float), hipMemcpyDeviceToHost);
    hipMemcpy(fk, dfk, n * sizeof(int), hipMemcpyDeviceToHost);
    hipMemcpy(pairs, dpairs, n * sizeof(half2), hipMemcpyDeviceToHost);
    hipMemcpy(halves, dhalves, n * sizeof(half), hipMemcpyDeviceToHost);

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
    hipFree(dx);
    hipFree(dk);
    hipFree(da);
    hipFree(db);
    hipFree(dfx);
    hipFree(dfk);
    hipFree(dpairs);
    hipFree(dhalves);
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
