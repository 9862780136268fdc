// Kernels that number their threads as rows of warpSize (`threadIdx.y * warpSize + threadIdx.x`), launched
// with CUDA's 32 threads per row written as a literal, as HeCBench's scatterAdd does. In CUDA warpSize is
// 32; where HIP's warpSize is 64 (gfx9), keeping the word would number the threads differently, so HIP
// output must convert this code as 32-lane code. The second kernel also sums each row with a warp shuffle
// loop that starts at warpSize / 2.
#include <cstdio>
#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"

#define ROWS 8

__global__ void number_rows(int *ids, const float *in, float *out, int n)
{
    int thread_idx = threadIdx.y * 32 + threadIdx.x;          // assumes blockDim.x == warpSize
    int base = blockIdx.x * blockDim.x * blockDim.y;
    ids[base + thread_idx] = base + threadIdx.y * 100 + threadIdx.x;
    for (int i = base + thread_idx; i < n; i += gridDim.x * blockDim.y * 32) {
        out[i] = 2.0f * in[i];
    }
}

__device__ float row_sum(float v)
{
    for (int offset = 32 / 2; offset > 0; offset /= 2) {
        v += cutrans_warp32_shfl_down_sync(0xffffffff, v, offset);
    }
    return v;
}

__global__ void sum_rows(const float *in, float *sums)
{
    int thread_idx = threadIdx.y * 32 + threadIdx.x;
    float s = row_sum(in[blockIdx.x * ROWS * 32 + thread_idx]);
    if (threadIdx.x == 0) {
        sums[blockIdx.x * ROWS + threadIdx.y] = s;
    }
}

int main()
{
    const int blocks = 3, per_block = 32 * ROWS, n = blocks * per_block + 100;
    float in[n], out[n], sums[blocks * ROWS];
    int ids[blocks * per_block];
    for (int i = 0; i < n; ++i) {
        in[i] = (float)(i % 17) - 8.0f;
    }
    int *d_ids;
    float *d_in, *d_out, *d_sums;
    hipMalloc((void **)&d_ids, sizeof ids);
    hipMalloc((void **)&d_in, sizeof in);
    hipMalloc((void **)&d_out, sizeof out);
    hipMalloc((void **)&d_sums, sizeof sums);
    hipMemcpy(d_in, in, sizeof in, hipMemcpyHostToDevice);
    hipMemset(d_out, 0, sizeof out);
    dim3 threads(32, ROWS);                 // CUDA's warp, written out
    hipLaunchKernelGGL(number_rows, dim3(blocks), dim3(threads), 0, 0, d_ids, d_in, d_out, n);
    hipLaunchKernelGGL(sum_rows, dim3(blocks), dim3(threads), 0, 0, d_in, d_sums);
    hipMemcpy(ids, d_ids, sizeof ids, hipMemcpyDeviceToHost);
    hipMemcpy(out, d_out, sizeof out, hipMemcpyDeviceToHost);
    hipMemcpy(sums, d_sums, sizeof sums, hipMemcpyDeviceToHost);
    int failures = 0;
    for (int b = 0; b < blocks; ++b) {
        for (int t = 0; t < per_block; ++t) {
            int want = b * per_block + (t / 32) * 100 + t % 32;
            if (ids[b * per_block + t] != want) {
                ++failures;
            }
        }
        for (int r = 0; r < ROWS; ++r) {
            float want = 0.0f;
            for (int x = 0; x < 32; ++x) {
                want += in[b * per_block + r * 32 + x];
            }
            if (sums[b * ROWS + r] != want) {
                printf("FAIL row sum %d.%d: %g, expected %g\n", b, r, sums[b * ROWS + r], want);
                ++failures;
            }
        }
    }
    for (int i = 0; i < n; ++i) {
        failures += out[i] != 2.0f * in[i];
    }
    for (int i = 0; i < blocks * ROWS; i += 5) {
        printf("row %d: sum %g, first id %d\n", i, sums[i], ids[i * 32]);
    }
    hipFree(d_ids);
    hipFree(d_in);
    hipFree(d_out);
    hipFree(d_sums);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
