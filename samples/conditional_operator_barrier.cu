// Regression sample: a barrier chosen by the conditional operator, written as a statement
// (HeCBench bitpermute: `(Z_COUNT > WARP_SZ) ? __syncthreads() : __syncwarp();`). A barrier may only be a
// statement, so the frontend refused it (L001); it is now lowered as an if with one barrier in each arm.
#include <cstdio>
#include <cuda_runtime.h>

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
    cudaMalloc((void **)&d_in, sizeof h);
    cudaMalloc((void **)&d_out, sizeof h);
    cudaMemcpy(d_in, h, sizeof h, cudaMemcpyHostToDevice);
    int out_small[n], out_large[n];
    rotate<16><<<2, 128>>>(d_in, d_out, n);
    cudaMemcpy(out_small, d_out, sizeof out_small, cudaMemcpyDeviceToHost);
    rotate<64><<<2, 128>>>(d_in, d_out, n);
    cudaMemcpy(out_large, d_out, sizeof out_large, cudaMemcpyDeviceToHost);
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
    cudaFree(d_in);
    cudaFree(d_out);
    return 0;
}
