// __nv_bfloat16 and __nv_bfloat162 (cuda_bf16.h) in device code: conversions from float, double and int
// (each rounded once to nearest even; 2^24 + 2^16 + 1 and a double just above a bfloat16 tie round up, where
// a rounding through float first would round them down), arithmetic through operators and __hadd/__hmul/
// __hdiv/__hfma (one rounding each: __hfma(1.0078125, 1.5, -2^-100) lies just below a tie, which a double
// sum would reach), __hmax/__hmin/__hneg/__habs, comparisons (ordered and unordered, with a NaN), the bits
// (__bfloat16_as_ushort, __ushort_as_bfloat16, a NaN's canonical 0x7fff), pairs (__floats2bfloat162_rn,
// __hadd2, __hfma2, __hmul2, __lowhigh2highlow, __low2bfloat16, __high2float, __bfloat1622float2, __hbgt2),
// compound assignment and ++ on a scalar and a pair, a __shared__ array of bfloat16, and bfloat16 kernel
// parameters passed by value.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>
#include <cuda_bf16.h>

#define BLOCK 32

__device__ __nv_bfloat16 blend(__nv_bfloat16 a, __nv_bfloat16 b, __nv_bfloat16 w)
{
    return __hfma(a - b, w, b);
}

__global__ void scalar_ops(const __nv_bfloat16 *__restrict__ a, const __nv_bfloat16 *b, __nv_bfloat16 scale, __nv_bfloat16 bias,
                           __nv_bfloat16 *out, unsigned short *flags, float *wide, int n)
{
    __shared__ __nv_bfloat16 tile[BLOCK];
    int t = threadIdx.x;
    int i = blockIdx.x * blockDim.x + t;
    tile[t] = i < n ? a[i] : __float2bfloat16(0.0f);
    __syncthreads();
    if (i >= n) {
        return;
    }
    __nv_bfloat16 x = a[i];
    __nv_bfloat16 y = b[i];
    __nv_bfloat16 z = tile[(t + 1) % BLOCK];
    z += x * scale;       // one rounding: nvcc fuses the product into the addition (cuemu/contraction.h)
    ++z;                  // before the product: nvcc would fuse `z *= y; ++z;` too, which is not modelled
    z *= y;
    out[6 * i] = x + y;
    out[6 * i + 1] = blend(x, y, scale);
    out[6 * i + 2] = __hdiv(x, y);
    out[6 * i + 3] = __hfma(x, y, bias);
    out[6 * i + 4] = __hmax(__hneg(x), __habs(y)) + __hmin(x, z) * __hmul(x, y);
    out[6 * i + 5] = z;
    flags[i] = (unsigned short)((x < y) | (x <= y) << 1 | (x == y) << 2 | (x != y) << 3 | __hgtu(x, y) << 4 |
                                __hisnan(y) << 5 | __hequ(x, y) << 6) ^ __bfloat16_as_ushort(x);
    wide[i] = __bfloat162float(x) * 0.5f + (float)__ushort_as_bfloat16((unsigned short)(0x3f80u + t));
}

__global__ void pair_ops(const __nv_bfloat162 *a, const __nv_bfloat162 *b, __nv_bfloat162 *out, float *wide, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    __nv_bfloat162 x = a[i];
    __nv_bfloat162 y = b[i];
    __nv_bfloat162 s = x + y;
    s += __floats2bfloat162_rn(0.5f, -0.25f);
    out[3 * i] = s;
    out[3 * i + 1] = __hfma2(x, y, __lowhigh2highlow(s));
    out[3 * i + 2] = __halves2bfloat162(__low2bfloat16(__hmul2(x, y)), __hneg(__high2bfloat16(x)));
    float2 f = __bfloat1622float2(__h2div(x, y));
    wide[i] = f.x + f.y * 4.0f + __high2float(s) * 16.0f + (__hbgt2(x, y) ? 1000.0f : 0.0f);
}

// Conversions whose correct result differs from the one a rounding through float would give.
__global__ void conversions(const int *ints, const double *doubles, const float *floats, unsigned short *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        out[3 * i] = __bfloat16_as_ushort(__int2bfloat16_rn(ints[i]));
        out[3 * i + 1] = __bfloat16_as_ushort(__double2bfloat16(doubles[i]));
        __nv_bfloat16 f = floats[i];
        out[3 * i + 2] = __bfloat16_as_ushort(f);
    }
}

static unsigned short bits(__nv_bfloat16 v) { return __bfloat16_as_ushort(v); }

static int check(const char *what, int index, unsigned got, unsigned want)
{
    if (got != want) {
        printf("%s[%d]: got 0x%04x, expected 0x%04x\n", what, index, got, want);
        return 1;
    }
    return 0;
}

int main()
{
    const int n = 80;
    __nv_bfloat16 *ha = (__nv_bfloat16 *)malloc(n * sizeof(__nv_bfloat16));
    __nv_bfloat16 *hb = (__nv_bfloat16 *)malloc(n * sizeof(__nv_bfloat16));
    for (int i = 0; i < n; ++i) {
        ha[i] = __float2bfloat16((float)((i * 37) % 101 - 50) * 0.0390625f);
        hb[i] = __float2bfloat16((float)((i * 53) % 89 - 44) * 0.01171875f + 1.0f);
    }
    ha[5] = __float2bfloat16(3.0e38f);                   // sums overflow to infinity
    hb[5] = __float2bfloat16(2.9e38f);
    ha[9] = __float2bfloat16(1.0078125f);                // 1.0078125 * 1.5 - 2^-100 needs one rounding
    hb[9] = __float2bfloat16(1.5f);
    ha[12] = __float2bfloat16(1.0e-39f);                 // subnormal
    hb[13] = __ushort_as_bfloat16(0x7fc1);               // a NaN
    __nv_bfloat16 *da, *db, *dout;
    unsigned short *dflags;
    float *dwide;
    cudaMalloc((void **)&da, n * sizeof(__nv_bfloat16));
    cudaMalloc((void **)&db, n * sizeof(__nv_bfloat16));
    cudaMalloc((void **)&dout, 6 * n * sizeof(__nv_bfloat16));
    cudaMalloc((void **)&dflags, n * sizeof(unsigned short));
    cudaMalloc((void **)&dwide, n * sizeof(float));
    cudaMemcpy(da, ha, n * sizeof(__nv_bfloat16), cudaMemcpyHostToDevice);
    cudaMemcpy(db, hb, n * sizeof(__nv_bfloat16), cudaMemcpyHostToDevice);
    scalar_ops<<<(n + BLOCK - 1) / BLOCK, BLOCK>>>(da, db, __float2bfloat16(0.375f), __float2bfloat16(-0x1p-100f), dout,
                                                   dflags, dwide, n);

    __nv_bfloat16 *hout = (__nv_bfloat16 *)malloc(6 * n * sizeof(__nv_bfloat16));
    unsigned short *hflags = (unsigned short *)malloc(n * sizeof(unsigned short));
    float *hwide = (float *)malloc(n * sizeof(float));
    cudaMemcpy(hout, dout, 6 * n * sizeof(__nv_bfloat16), cudaMemcpyDeviceToHost);
    cudaMemcpy(hflags, dflags, n * sizeof(unsigned short), cudaMemcpyDeviceToHost);
    cudaMemcpy(hwide, dwide, n * sizeof(float), cudaMemcpyDeviceToHost);
    int failures = 0;
    for (int i = 0; i < n; ++i) {
        printf("scalar %2d:", i);
        for (int k = 0; k < 6; ++k) {
            printf(" %04x", bits(hout[6 * i + k]));
        }
        printf(" flags %04x wide %.9g\n", hflags[i], hwide[i]);
        failures += check("sum", i, bits(hout[6 * i]), bits(__float2bfloat16(__bfloat162float(ha[i]) +
                                                                              __bfloat162float(hb[i]))));
    }
    failures += check("fma", 9, bits(hout[6 * 9 + 3]), 0x3fc1);   // 1.5078125, not the even 1.515625
    failures += check("nan flags", 13, hflags[13] & 0x7fu, (0x20u | 0x40u | 0x08u | 0x10u) ^ (bits(ha[13]) & 0x7fu));

    const int m = 24;
    __nv_bfloat162 *hpa = (__nv_bfloat162 *)malloc(m * sizeof(__nv_bfloat162));
    __nv_bfloat162 *hpb = (__nv_bfloat162 *)malloc(m * sizeof(__nv_bfloat162));
    for (int i = 0; i < m; ++i) {
        hpa[i] = __floats2bfloat162_rn((float)(i % 7) * 0.75f - 2.0f, (float)(i % 5) * 1.25f + 0.125f);
        hpb[i] = __floats2bfloat162_rn((float)(i % 3) * 0.5f + 0.0078125f, (float)(i % 11) * -0.375f + 1.5f);
    }
    __nv_bfloat162 *dpa, *dpb, *dpout;
    float *dpwide;
    cudaMalloc((void **)&dpa, m * sizeof(__nv_bfloat162));
    cudaMalloc((void **)&dpb, m * sizeof(__nv_bfloat162));
    cudaMalloc((void **)&dpout, 3 * m * sizeof(__nv_bfloat162));
    cudaMalloc((void **)&dpwide, m * sizeof(float));
    cudaMemcpy(dpa, hpa, m * sizeof(__nv_bfloat162), cudaMemcpyHostToDevice);
    cudaMemcpy(dpb, hpb, m * sizeof(__nv_bfloat162), cudaMemcpyHostToDevice);
    pair_ops<<<1, BLOCK>>>(dpa, dpb, dpout, dpwide, m);
    __nv_bfloat162 *hpout = (__nv_bfloat162 *)malloc(3 * m * sizeof(__nv_bfloat162));
    float *hpwide = (float *)malloc(m * sizeof(float));
    cudaMemcpy(hpout, dpout, 3 * m * sizeof(__nv_bfloat162), cudaMemcpyDeviceToHost);
    cudaMemcpy(hpwide, dpwide, m * sizeof(float), cudaMemcpyDeviceToHost);
    for (int i = 0; i < m; ++i) {
        printf("pair %2d:", i);
        for (int k = 0; k < 3; ++k) {
            printf(" %04x/%04x", bits(hpout[3 * i + k].x), bits(hpout[3 * i + k].y));
        }
        printf(" wide %.9g\n", hpwide[i]);
        failures += check("pair sum", i, bits(hpout[3 * i].y),
                          bits(__float2bfloat16(__bfloat162float(__float2bfloat16(__bfloat162float(hpa[i].y) +
                                                                                  __bfloat162float(hpb[i].y))) -
                                                0.25f)));
    }

    const int k = 6;
    const int ints[k] = {(1 << 24) + (1 << 16) + 1, -((1 << 24) + (1 << 16) + 1), 257, 259, 2147483647, -7};
    const double doubles[k] = {1.00390625 + 1e-12, 1.00390625, 1.01171875, -3.0e38, 1.0e-45, 5.0e38};
    const float floats[k] = {1.00390625f, 1.01171875f, 3.3963e38f, -0.0f, 1.0e-40f, 0.1f};
    const unsigned want[3 * k] = {0x4b81, 0x3f81, 0x3f80, 0xcb81, 0x3f80, 0x3f82, 0x4380, 0x3f82, 0x7f80,
                                  0x4382, 0xff62, 0x8000, 0x4f00, 0x0000, 0x0001, 0xc0e0, 0x7f80, 0x3dcd};
    int *dints;
    double *ddoubles;
    float *dfloats;
    unsigned short *dconv, hconv[3 * k];
    cudaMalloc((void **)&dints, sizeof ints);
    cudaMalloc((void **)&ddoubles, sizeof doubles);
    cudaMalloc((void **)&dfloats, sizeof floats);
    cudaMalloc((void **)&dconv, sizeof hconv);
    cudaMemcpy(dints, ints, sizeof ints, cudaMemcpyHostToDevice);
    cudaMemcpy(ddoubles, doubles, sizeof doubles, cudaMemcpyHostToDevice);
    cudaMemcpy(dfloats, floats, sizeof floats, cudaMemcpyHostToDevice);
    conversions<<<1, BLOCK>>>(dints, ddoubles, dfloats, dconv, k);
    cudaMemcpy(hconv, dconv, sizeof hconv, cudaMemcpyDeviceToHost);
    for (int i = 0; i < 3 * k; ++i) {
        printf("conversion %2d: %04x\n", i, hconv[i]);
        failures += check("conversion", i, hconv[i], want[i]);
    }
    cudaError_t err = cudaGetLastError();
    if (err != cudaSuccess) {
        printf("CUDA error: %s\n", cudaGetErrorString(err));
        return 1;
    }
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
