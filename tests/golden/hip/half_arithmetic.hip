// __half (cuda_fp16.h) in device code: loads and stores of half buffers, conversions from and to float
// (constructors, __float2half, __half2float, implicit operator float), arithmetic through operators and
// __hadd/__hsub/__hmul/__hdiv (each rounded to half once, as CUDA defines them), comparisons, __hmax,
// __hneg/__habs, and a __shared__ array of halves. The inputs include values whose sums and products
// round (ties, overflow to infinity, subnormals), and the host prints every result's bits.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"
#include "cutrans_hip_fp16.h"

#define BLOCK 64

__global__ void half_ops(const half *a, const half *b, half *sum, half *prod, half *mixed, float *wide, int n)
{
    __shared__ half tile[BLOCK];
    int t = threadIdx.x;
    int i = blockIdx.x * blockDim.x + t;
    tile[t] = i < n ? a[i] : __float2half(0.0f);
    __syncthreads();
    if (i < n) {
        half x = a[i];
        half y = b[i];
        sum[i] = x + y;
        prod[i] = __hmul(x, y);
        half neighbour = tile[(t + 1) % BLOCK];
        half q = __hdiv(__hsub(x, neighbour), __float2half(3.0f));
        half m = __hmax(q, __hneg(__habs(y)));
        mixed[i] = x < y ? m : __hadd(m, half(0.25f));
        wide[i] = __half2float(x) * 1.0009765625f + (float)y;
    }
}

static unsigned short bits(half h)
{
    unsigned short u;
    memcpy(&u, &h, sizeof u);
    return u;
}

int main()
{
    const int n = 200;
    half *ha = (half *)malloc(n * sizeof(half)), *hb = (half *)malloc(n * sizeof(half));
    for (int i = 0; i < n; ++i) {
        float va = (float)((i * 37) % 101 - 50) * 0.013671875f;           // multiples of 2^-7 * 1.75
        float vb = (float)((i * 53) % 89 - 44) * 0.0009765625f + 1.0f;     // around 1, steps of 2^-10
        if (i % 50 == 7) {
            va = 60000.0f;                                                 // sums overflow to infinity
            vb = 30000.0f;
        }
        if (i % 50 == 11) {
            va = 0.0000001f;                                               // a subnormal half
            vb = 0.00003f;
        }
        ha[i] = __float2half(va);
        hb[i] = __float2half(vb);
    }
    half *da, *db, *dsum, *dprod, *dmixed;
    float *dwide;
    hipMalloc((void **)&da, n * sizeof(half));
    hipMalloc((void **)&db, n * sizeof(half));
    hipMalloc((void **)&dsum, n * sizeof(half));
    hipMalloc((void **)&dprod, n * sizeof(half));
    hipMalloc((void **)&dmixed, n * sizeof(half));
    hipMalloc((void **)&dwide, n * sizeof(float));
    hipMemcpy(da, ha, n * sizeof(half), hipMemcpyHostToDevice);
    hipMemcpy(db, hb, n * sizeof(half), hipMemcpyHostToDevice);
    half_ops<<<(n + BLOCK - 1) / BLOCK, BLOCK>>>(da, db, dsum, dprod, dmixed, dwide, n);
    half *sum = (half *)malloc(n * sizeof(half)), *prod = (half *)malloc(n * sizeof(half));
    half *mixed = (half *)malloc(n * sizeof(half));
    float *wide = (float *)malloc(n * sizeof(float));
    hipMemcpy(sum, dsum, n * sizeof(half), hipMemcpyDeviceToHost);
    hipMemcpy(prod, dprod, n * sizeof(half), hipMemcpyDeviceToHost);
    hipMemcpy(mixed, dmixed, n * sizeof(half), hipMemcpyDeviceToHost);
    hipMemcpy(wide, dwide, n * sizeof(float), hipMemcpyDeviceToHost);

    int bad = 0;
    for (int i = 0; i < n; ++i) {
        float want = __half2float(__float2half(__half2float(ha[i]) + __half2float(hb[i])));
        if (bits(sum[i]) != bits(__float2half(want))) {
            ++bad;
        }
    }
    for (int i = 0; i < n; i += 9) {
        printf("%d: sum %u prod %u mixed %u wide %.9g\n", i, bits(sum[i]), bits(prod[i]), bits(mixed[i]), wide[i]);
    }
    printf("sum[7] = %g, sum[11] = %g\n", __half2float(sum[7]), __half2float(sum[11]));
    printf("%s\n", bad ? "FAIL" : "PASS");
    hipFree(da);
    hipFree(db);
    hipFree(dsum);
    hipFree(dprod);
    hipFree(dmixed);
    hipFree(dwide);
    free(ha);
    free(hb);
    free(sum);
    free(prod);
    free(mixed);
    free(wide);
    return bad ? 1 : 0;
}
