// __syncthreads() inside __device__ functions: a helper that loads a __shared__ tile with its halo and
// waits for the whole block, a helper that calls it (two levels), and a helper with a barrier in a
// uniform loop (a tree sum over the tile). Each thread then reads values that other threads wrote
// before the barrier, so a barrier that stops being one (the CPU target ran such a helper thread by
// thread before, reading tiles that no other thread had filled yet) shows as wrong numbers.
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <cuda_runtime.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        cudaError_t err_ = (call);                                           \
        if (err_ != cudaSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cudaGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define BLOCK 64
#define GRID 4
#define N (GRID * BLOCK)
#define RADIUS 2

// Fills tile[0 .. BLOCK + 2*RADIUS) with in[first - RADIUS ...], zero outside the array, then waits.
__device__ void load_tile(float *tile, const float *in, int n)
{
    int first = blockIdx.x * BLOCK;
    for (int i = threadIdx.x; i < BLOCK + 2 * RADIUS; i += BLOCK) {
        int g = first - RADIUS + i;
        tile[i] = (g >= 0 && g < n) ? in[g] : 0.0f;
    }
    __syncthreads();
}

// The weighted sum of the 2*RADIUS + 1 neighbours of this thread's element, read from the tile.
__device__ float stencil_at(float *tile, const float *in, int n)
{
    load_tile(tile, in, n);
    float sum = 0.0f;
    for (int k = -RADIUS; k <= RADIUS; ++k) {
        sum += (1.0f + 0.25f * k) * tile[threadIdx.x + RADIUS + k];
    }
    return sum;
}

__global__ void stencil(const float *in, float *out, int n)
{
    __shared__ float tile[BLOCK + 2 * RADIUS];
    float v = stencil_at(tile, in, n);
    int i = blockIdx.x * BLOCK + threadIdx.x;
    if (i < n) {
        out[i] = v;
    }
}

// Tree sum of the block's values: every thread returns the block's total (a barrier in a loop).
__device__ int block_total(int *scratch, int v)
{
    scratch[threadIdx.x] = v;
    __syncthreads();
    for (int stride = BLOCK / 2; stride > 0; stride /= 2) {
        if (threadIdx.x < stride) {
            scratch[threadIdx.x] += scratch[threadIdx.x + stride];
        }
        __syncthreads();
    }
    int total = scratch[0];
    __syncthreads();                     // scratch may be reused by the caller's next call
    return total;
}

__global__ void shares(const int *in, int *out)
{
    __shared__ int scratch[BLOCK];
    int i = blockIdx.x * BLOCK + threadIdx.x;
    int total = block_total(scratch, in[i]);
    int squares = block_total(scratch, in[i] * in[i]);
    out[i] = 1000 * in[i] / (total == 0 ? 1 : total) + squares % 97;
}

int main()
{
    float h_in[N], h_out[N];
    int h_vals[N], h_shares[N];
    for (int i = 0; i < N; ++i) {
        h_in[i] = (float)((i * 37) % 101) / 8.0f - 6.0f;
        h_vals[i] = 1 + (i * 53) % 89;
    }
    float *d_in, *d_out;
    int *d_vals, *d_shares;
    CHECK(cudaMalloc(&d_in, sizeof h_in));
    CHECK(cudaMalloc(&d_out, sizeof h_out));
    CHECK(cudaMalloc(&d_vals, sizeof h_vals));
    CHECK(cudaMalloc(&d_shares, sizeof h_shares));
    CHECK(cudaMemcpy(d_in, h_in, sizeof h_in, cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(d_vals, h_vals, sizeof h_vals, cudaMemcpyHostToDevice));

    stencil<<<GRID, BLOCK>>>(d_in, d_out, N);
    CHECK(cudaGetLastError());
    shares<<<GRID, BLOCK>>>(d_vals, d_shares);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpy(h_out, d_out, sizeof h_out, cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(h_shares, d_shares, sizeof h_shares, cudaMemcpyDeviceToHost));

    int bad = 0;
    for (int i = 0; i < N; ++i) {         // the same sums on the host
        float sum = 0.0f;
        for (int k = -RADIUS; k <= RADIUS; ++k) {
            int g = i + k;
            sum += (1.0f + 0.25f * k) * ((g >= 0 && g < N) ? h_in[g] : 0.0f);
        }
        bad += fabsf(sum - h_out[i]) > 1e-4f;
        int first = i - i % BLOCK, total = 0, squares = 0;
        for (int j = first; j < first + BLOCK; ++j) {
            total += h_vals[j];
            squares += h_vals[j] * h_vals[j];
        }
        bad += h_shares[i] != 1000 * h_vals[i] / total + squares % 97;
    }
    for (int i = 0; i < N; i += 17) {
        printf("stencil[%d] = %.4f\n", i, h_out[i]);
    }
    for (int i = 0; i < N; i += 23) {
        printf("share[%d] = %d\n", i, h_shares[i]);
    }
    CHECK(cudaFree(d_in));
    CHECK(cudaFree(d_out));
    CHECK(cudaFree(d_vals));
    CHECK(cudaFree(d_shares));
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad ? 1 : 0;
}
