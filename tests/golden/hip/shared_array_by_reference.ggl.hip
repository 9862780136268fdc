// A device function's __shared__ arrays handed to helpers that take a reference to the whole array,
// `T (&a)[N]` (HeCBench expdist's fill_shared_mem_tiled_1D). The arrays become pointer parameters of the
// device function (one instance per block, as CUDA has it), and the reference must still reach the array:
// the translation once passed the address of that pointer instead, and the helper wrote over it.
#include <cstdio>
#include <hip/hip_runtime.h>

#define WIDTH 64

template <int N, int STRIDE>
__device__ void fill_strided(float (&dst)[N * STRIDE], const float *src, int lane)
{
    for (int k = 0; k < N; ++k) {
        dst[lane + k * STRIDE] = src[lane + k * STRIDE];
    }
}

__device__ void scale_row(float (&row)[WIDTH / 2], float by, int lane)
{
    row[lane] *= by;
}

// out[b * WIDTH + i] = in[i] * (i < WIDTH / 2 ? 2 : 3) + weights[i], through arrays of the device function
__device__ void combine(const float *in, const float *weights, float *out)
{
    __shared__ float tile[WIDTH];
    __shared__ float halves[2][WIDTH / 2];
    __shared__ float bias[WIDTH];
    int lane = threadIdx.x;
    fill_strided<2, WIDTH / 2>(tile, in, lane);
    fill_strided<2, WIDTH / 2>(bias, weights, lane);
    __syncthreads();
    halves[0][lane] = tile[lane];
    halves[1][lane] = tile[lane + WIDTH / 2];
    scale_row(halves[0], 2.0f, lane);
    scale_row(halves[1], 3.0f, lane);
    __syncthreads();
    out[blockIdx.x * WIDTH + lane] = halves[0][lane] + bias[lane];
    out[blockIdx.x * WIDTH + lane + WIDTH / 2] = halves[1][lane] + bias[lane + WIDTH / 2];
}

__global__ void combine_rows(const float *in, const float *weights, float *out)
{
    combine(in + blockIdx.x * WIDTH, weights, out);
}

int main()
{
    const int blocks = 3;
    float in[blocks * WIDTH], weights[WIDTH], out[blocks * WIDTH];
    for (int i = 0; i < blocks * WIDTH; ++i) {
        in[i] = 0.5f * (i % 23) - 4.0f;
    }
    for (int i = 0; i < WIDTH; ++i) {
        weights[i] = 0.25f * i;
    }
    float *din, *dw, *dout;
    hipMalloc((void **)&din, sizeof in);
    hipMalloc((void **)&dw, sizeof weights);
    hipMalloc((void **)&dout, sizeof out);
    hipMemcpy(din, in, sizeof in, hipMemcpyHostToDevice);
    hipMemcpy(dw, weights, sizeof weights, hipMemcpyHostToDevice);
    hipLaunchKernelGGL(combine_rows, dim3(blocks), dim3(WIDTH / 2), 0, 0, din, dw, dout);
    hipMemcpy(out, dout, sizeof out, hipMemcpyDeviceToHost);
    int failures = 0;
    for (int b = 0; b < blocks; ++b) {
        for (int i = 0; i < WIDTH; ++i) {
            float want = in[b * WIDTH + i] * (i < WIDTH / 2 ? 2.0f : 3.0f) + weights[i];
            if (out[b * WIDTH + i] != want) {
                printf("FAIL out[%d][%d] = %g, expected %g\n", b, i, out[b * WIDTH + i], want);
                ++failures;
            }
        }
    }
    printf("out[0] %g out[100] %g out[191] %g\n", out[0], out[100], out[191]);
    hipFree(din);
    hipFree(dw);
    hipFree(dout);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
