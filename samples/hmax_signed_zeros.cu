// __hmax/__hmin (and __hmax2/__hmin2) on +0 and -0: CUDA's max gives +0 and min gives -0 whichever operand
// comes first, where C's fmax/fmin leave the choice to the implementation. Also a NaN against a number (the
// number wins), two equal values, and ordinary pairs, on __half, __half2 and __nv_bfloat16.
#include <cstdio>
#include <cstring>
#include <cuda_runtime.h>
#include <cuda_fp16.h>
#include <cuda_bf16.h>

__global__ void extremes(const __half *a, const __half *b, const __nv_bfloat16 *c, const __nv_bfloat16 *d,
                         unsigned short *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    out[6 * i] = __half_as_ushort(__hmax(a[i], b[i]));
    out[6 * i + 1] = __half_as_ushort(__hmin(a[i], b[i]));
    __half2 p = __hmax2(__halves2half2(a[i], b[i]), __halves2half2(b[i], a[i]));
    out[6 * i + 2] = __half_as_ushort(__low2half(p)) ^ __half_as_ushort(__high2half(p));
    __half2 q = __hmin2(__halves2half2(a[i], b[i]), __halves2half2(b[i], a[i]));
    out[6 * i + 3] = __half_as_ushort(__low2half(q)) ^ __half_as_ushort(__high2half(q));
    out[6 * i + 4] = __bfloat16_as_ushort(__hmax(c[i], d[i]));
    out[6 * i + 5] = __bfloat16_as_ushort(__hmin(c[i], d[i]));
}

int main()
{
    const int n = 8;
    const unsigned short ha[n] = {0x0000, 0x8000, 0x8000, 0x0000, 0x7e01, 0x3c00, 0x3c00, 0xc000};
    const unsigned short hb[n] = {0x8000, 0x0000, 0x8000, 0x0000, 0x3c00, 0x7e01, 0x3c00, 0x4000};
    const unsigned short bc[n] = {0x0000, 0x8000, 0x8000, 0x0000, 0x7fc1, 0x3f80, 0x3f80, 0xc000};
    const unsigned short bd[n] = {0x8000, 0x0000, 0x8000, 0x0000, 0x3f80, 0x7fc1, 0x3f80, 0x4000};
    // max, min of the halves; the two lanes of the pair results agree, so they xor to 0; then the bfloat16s
    const unsigned short want[6 * n] = {
        0x0000, 0x8000, 0, 0, 0x0000, 0x8000,   0x0000, 0x8000, 0, 0, 0x0000, 0x8000,
        0x8000, 0x8000, 0, 0, 0x8000, 0x8000,   0x0000, 0x0000, 0, 0, 0x0000, 0x0000,
        0x3c00, 0x3c00, 0, 0, 0x3f80, 0x3f80,   0x3c00, 0x3c00, 0, 0, 0x3f80, 0x3f80,
        0x3c00, 0x3c00, 0, 0, 0x3f80, 0x3f80,   0x4000, 0xc000, 0, 0, 0x4000, 0xc000};
    __half ha_h[n], hb_h[n];
    __nv_bfloat16 bc_h[n], bd_h[n];
    memcpy(ha_h, ha, sizeof ha_h);          // the bits as they are (NaN payloads included)
    memcpy(hb_h, hb, sizeof hb_h);
    memcpy(bc_h, bc, sizeof bc_h);
    memcpy(bd_h, bd, sizeof bd_h);
    __half *da, *db;
    __nv_bfloat16 *dc, *dd;
    unsigned short *dout, out[6 * n];
    cudaMalloc((void **)&da, sizeof ha_h);
    cudaMalloc((void **)&db, sizeof hb_h);
    cudaMalloc((void **)&dc, sizeof bc_h);
    cudaMalloc((void **)&dd, sizeof bd_h);
    cudaMalloc((void **)&dout, sizeof out);
    cudaMemcpy(da, ha_h, sizeof ha_h, cudaMemcpyHostToDevice);
    cudaMemcpy(db, hb_h, sizeof hb_h, cudaMemcpyHostToDevice);
    cudaMemcpy(dc, bc_h, sizeof bc_h, cudaMemcpyHostToDevice);
    cudaMemcpy(dd, bd_h, sizeof bd_h, cudaMemcpyHostToDevice);
    extremes<<<1, 32>>>(da, db, dc, dd, dout, n);
    cudaMemcpy(out, dout, sizeof out, cudaMemcpyDeviceToHost);
    int failures = 0;
    for (int i = 0; i < 6 * n; ++i) {
        printf("%d.%d: %04x\n", i / 6, i % 6, out[i]);
        if (out[i] != want[i]) {
            printf("  expected %04x\n", want[i]);
            ++failures;
        }
    }
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
