// A kernel whose only half-precision parameters are __half2 pointers (HeCBench quant3MatMul's
// `const half2 *vec`). On OpenCL without cl_khr_fp16 the device code reads such a pointer as 32-bit words,
// so nothing in the kernels' types said that the launch function, which takes the program's own `__half2 *`,
// needs the host's half types: the OpenCL host program did not compile.
#include <cstdio>
#include <cuda_runtime.h>
#include <cuda_fp16.h>

// out[i] = x + y of pair i, times scale (each sum rounded to half, then widened)
__global__ void pair_sums(const __half2 *__restrict__ pairs, float *__restrict__ out, float scale, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        __half2 p = pairs[i];
        out[i] = __half2float(__hadd(__low2half(p), __high2half(p))) * scale;
    }
}

int main()
{
    const int n = 200;
    __half2 pairs[n];
    for (int i = 0; i < n; ++i) {
        pairs[i] = __floats2half2_rn(0.25f * (i % 17) - 2.0f, 0.125f * (i % 11));
    }
    __half2 *dpairs;
    float *dout, out[n];
    cudaMalloc((void **)&dpairs, sizeof pairs);
    cudaMalloc((void **)&dout, sizeof out);
    cudaMemcpy(dpairs, pairs, sizeof pairs, cudaMemcpyHostToDevice);
    pair_sums<<<(n + 63) / 64, 64>>>(dpairs, dout, 1.5f, n);
    cudaMemcpy(out, dout, sizeof out, cudaMemcpyDeviceToHost);
    int failures = 0;
    for (int i = 0; i < n; ++i) {
        float want = __half2float(__float2half(__low2float(pairs[i]) + __high2float(pairs[i]))) * 1.5f;
        if (out[i] != want) {
            printf("FAIL out[%d] = %g, expected %g\n", i, out[i], want);
            ++failures;
        }
    }
    printf("out[0] %g out[13] %g out[199] %g\n", out[0], out[13], out[199]);
    cudaFree(dpairs);
    cudaFree(dout);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
