// Regression sample: a barrier chosen by the conditional operator, written as a statement
// (HeCBench bitpermute: `(Z_COUNT > WARP_SZ) ? __syncthreads() : __syncwarp();`). A barrier may only be a
// statement, so the frontend refused it (L001); it is now lowered as an if with one barrier in each arm.
#include <cstdio>
#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"

template <int SPAN>
__global__ void rotate(const int *in, int *out, int n)
{
    __shared__ int tile[128];
    int t = threadIdx.x;
    int base = blockIdx.x * blockDim.x;
    tile[t] = base + t < n ? in[base + t] : 0;
    // the exchange stays inside a warp when SPAN fits in one; otherwise the whole block must wait
    (SPAN > 32) ? __syncthreads() : __syncwarp();
    int group = t / SPAN * SPAN;
    int value = tile[group + (t - group + 1) % SPAN];
    if (base + t < n) {
        out[base + t] = value;
    }
}

int main()
{
    const int n = 256;
    int h[n];
    for (int i = 0; i < n; ++i) {
        h[i] = i * 7 % 101;
    }
    int *d_in, *d_out;
    hipMalloc((void **)&d_in, sizeof h);
    hipMalloc((void **)&d_out, sizeof h);
    hipMemcpy(d_in, h, sizeof h, hipMemcpyHostToDevice);
    int out_small[n], out_large[n];
    hipLaunchKernelGGL(HIP_KERNEL_NAME(rotate<16>), dim3(2), dim3(128), 0, 0, d_in, d_out, n);
    hipMemcpy(out_small, d_out, sizeof out_small, hipMemcpyDeviceToHost);
    hipLaunchKernelGGL(HIP_KERNEL_NAME(rotate<64>), dim3(2), dim3(128), 0, 0, d_in, d_out, n);
    hipMemcpy(out_large, d_out, sizeof out_large, hipMemcpyDeviceToHost);
    int errors = 0;
    long sum = 0;
    for (int i = 0; i < n; ++i) {
        int g16 = i / 16 * 16, g64 = i / 64 * 64;
        errors += out_small[i] != h[g16 + (i - g16 + 1) % 16];
        errors += out_large[i] != h[g64 + (i - g64 + 1) % 64];
        sum += out_small[i] + 2 * out_large[i];
    }
    printf("out_small[15] = %d, out_large[63] = %d, sum = %ld\n", out_small[15], out_large[63], sum);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    hipFree(d_in);
    hipFree(d_out);
    return 0;
}
