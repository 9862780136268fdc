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
#include <cuda_runtime.h>
#include <cuda_fp16.h>

#define BLOCK 64

__device__ half2 scaled_difference(half2 a, half2 b)
{
    return __h2div(a - b, __float2half2_rn(3.0f));
}

__global__ void pair_ops(const half2 *a, const half2 *b, const half *h, half2 bias, half2 *out, half2 *flags,
                         float *wide, int n)
{
    __shared__ half2 tile[BLOCK];
    int t = threadIdx.x;
    int i = blockIdx.x * blockDim.x + t;
    tile[t] = i < n ? a[i] : __floats2half2_rn(0.0f, 0.0f);
    __syncthreads();
    if (i >= n) {
        return;
    }
    half2 x = a[i];
    half2 y = b[i];
    half2 from_halves = reinterpret_cast<const half2 *>(h)[i];
    half2 sum = x + y;
    half2 fused = __hfma2(x, y, from_halves);
    half2 m = __hmax2(scaled_difference(x, y), __hneg2(__habs2(y)));
    half2 z = tile[(t + 1) % BLOCK];
    z += x;
    ++z;                  // before the product: nvcc would fuse `z *= w; ++z;` (cuemu/contraction.h)
    z *= __halves2half2(__low2half(y), __high2half(from_halves));
    out[4 * i] = sum;
    out[4 * i + 1] = __hmul2(fused, __lowhigh2highlow(m));
    out[4 * i + 2] = __hadd2(z, h2sqrt(__habs2(y)));
    out[4 * i + 3] = h2rint(__hmul2(x, bias));
    out[4 * i + 3].y = __hfma(x.x, y.y, from_halves.x);
    flags[i] = __hadd2(__hgt2(x, y), __hmul2(__hle2(sum, z), bias));
    float2 w = __half22float2(m);
    wide[i] = w.x + 4.0f * __high2float(fused) + (x == y ? 100.0f : 0.0f) + (__hblt2(x, y) ? 1000.0f : 0.0f) +
              (__hbeq2(from_halves, from_halves) ? 10000.0f : 0.0f);
}

__global__ void half_fma(const half *a, const half *b, const half *c, half *d, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        d[i] = __hfma(a[i], b[i], c[i]);
    }
}

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
    cudaMalloc((void **)&da, n * sizeof(half2));
    cudaMalloc((void **)&db, n * sizeof(half2));
    cudaMalloc((void **)&dh, 2 * n * sizeof(half));
    cudaMalloc((void **)&dout, 4 * n * sizeof(half2));
    cudaMalloc((void **)&dflags, n * sizeof(half2));
    cudaMalloc((void **)&dwide, n * sizeof(float));
    cudaMemcpy(da, ha, n * sizeof(half2), cudaMemcpyHostToDevice);
    cudaMemcpy(db, hb, n * sizeof(half2), cudaMemcpyHostToDevice);
    cudaMemcpy(dh, hh, 2 * n * sizeof(half), cudaMemcpyHostToDevice);
    pair_ops<<<(n + BLOCK - 1) / BLOCK, BLOCK>>>(da, db, dh, __floats2half2_rn(2.0f, 0.5f), dout, dflags, dwide, n);

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
    cudaMalloc((void **)&dfa, m * sizeof(half));
    cudaMalloc((void **)&dfb, m * sizeof(half));
    cudaMalloc((void **)&dfc, m * sizeof(half));
    cudaMalloc((void **)&dfd, m * sizeof(half));
    cudaMemcpy(dfa, hfa, m * sizeof(half), cudaMemcpyHostToDevice);
    cudaMemcpy(dfb, hfb, m * sizeof(half), cudaMemcpyHostToDevice);
    cudaMemcpy(dfc, hfc, m * sizeof(half), cudaMemcpyHostToDevice);
    half_fma<<<1, 32>>>(dfa, dfb, dfc, dfd, m);

    half2 *out = (half2 *)malloc(4 * n * sizeof(half2)), *flags = (half2 *)malloc(n * sizeof(half2));
    float *wide = (float *)malloc(n * sizeof(float));
    cudaMemcpy(out, dout, 4 * n * sizeof(half2), cudaMemcpyDeviceToHost);
    cudaMemcpy(flags, dflags, n * sizeof(half2), cudaMemcpyDeviceToHost);
    cudaMemcpy(wide, dwide, n * sizeof(float), cudaMemcpyDeviceToHost);
    cudaMemcpy(hfd, dfd, m * sizeof(half), cudaMemcpyDeviceToHost);

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
    cudaFree(da);
    cudaFree(db);
    cudaFree(dh);
    cudaFree(dout);
    cudaFree(dflags);
    cudaFree(dwide);
    cudaFree(dfa);
    cudaFree(dfb);
    cudaFree(dfc);
    cudaFree(dfd);
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
