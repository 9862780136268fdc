// `static __shared__` (CUDA allows the storage class on a __shared__ variable; HeCBench logprob and
// addBiasResidualLayerNorm declare their block-reduction scratch so) in a device function template and in
// a kernel: the same per-block memory as a plain __shared__ array.
#include <cstdio>
#include <cuda_runtime.h>

template <typename T>
__device__ T block_sum(T v)
{
    static __shared__ T partial[32];
    int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    for (int offset = 16; offset > 0; offset /= 2) {
        v += __shfl_down_sync(0xffffffff, v, offset);
    }
    if (lane == 0) {
        partial[warp] = v;
    }
    __syncthreads();
    v = threadIdx.x < blockDim.x / 32 ? partial[lane] : (T)0;
    if (warp == 0) {
        for (int offset = 16; offset > 0; offset /= 2) {
            v += __shfl_down_sync(0xffffffff, v, offset);
        }
    }
    return v;
}

__global__ void sums(const int *in, int *out)
{
    __shared__ static int first[1];
    if (threadIdx.x == 0) {
        first[0] = in[blockIdx.x * blockDim.x];
    }
    __syncthreads();
    int s = block_sum<int>(in[blockIdx.x * blockDim.x + threadIdx.x]);
    if (threadIdx.x == 0) {
        out[blockIdx.x] = s * 10 + first[0] % 10;
    }
}

int main()
{
    const int blocks = 4, threads = 128, n = blocks * threads;
    int in[n], out[blocks];
    for (int i = 0; i < n; ++i) {
        in[i] = (i * 7) % 23 - 11;
    }
    int *din, *dout;
    cudaMalloc((void **)&din, sizeof in);
    cudaMalloc((void **)&dout, sizeof out);
    cudaMemcpy(din, in, sizeof in, cudaMemcpyHostToDevice);
    sums<<<blocks, threads>>>(din, dout);
    cudaMemcpy(out, dout, sizeof out, cudaMemcpyDeviceToHost);
    int failures = 0;
    for (int b = 0; b < blocks; ++b) {
        int want = 0;
        for (int t = 0; t < threads; ++t) {
            want += in[b * threads + t];
        }
        want = want * 10 + in[b * threads] % 10;
        printf("block %d: %d\n", b, out[b]);
        failures += out[b] != want;
    }
    cudaFree(din);
    cudaFree(dout);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
