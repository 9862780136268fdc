// Regression sample: `break` and `continue` in loops that contain __syncthreads(), taken by the whole
// block (conditions the same for every thread), as persistent-block kernels do (cuda-samples'
// cudaTensorCoreGemm: `for (block_pos = blockIdx.x;; block_pos += gridDim.x) { if (...) break; ... }`).
// The CPU target runs such a loop at block level, so the break leaves it for every thread at once.
// Covered: a loop with no condition left by a break, a `continue` that skips rounds (the step still
// runs), and a break inside a block-level `if` after statements of its own.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define TILE 64

__global__ void tile_sums(const float *in, float *sums, int tiles)
{
    __shared__ float buf[TILE];
    for (unsigned int tile = blockIdx.x;; tile += gridDim.x) {
        if (tile >= (unsigned int)tiles) {
            break;
        }
        buf[threadIdx.x] = in[tile * TILE + threadIdx.x];
        __syncthreads();
        for (int s = TILE / 2; s > 0; s /= 2) {
            if (threadIdx.x < s) buf[threadIdx.x] += buf[threadIdx.x + s];
            __syncthreads();
        }
        if (threadIdx.x == 0) sums[tile] = buf[0];
        __syncthreads();
    }
}

__global__ void rounds(int *data, int n, int total_rounds)
{
    __shared__ int carry[TILE];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int v = i < n ? data[i] : 0;
    for (int round = 0; round < total_rounds; round++) {
        if (round % 3 == 1) continue;            // every thread skips the same rounds
        carry[threadIdx.x] = v;
        __syncthreads();
        v += carry[(threadIdx.x + 1) % blockDim.x] % 7;
        __syncthreads();
        if (round == 7) {
            v *= 2;
            break;
        }
    }
    if (i < n) data[i] = v;
}

int main()
{
    const int tiles = 37, n = tiles * TILE;
    float *h = (float *)malloc(n * sizeof(float)), *sums = (float *)malloc(tiles * sizeof(float));
    int *hi = (int *)malloc(n * sizeof(int));
    for (int i = 0; i < n; i++) {
        h[i] = (float)((i * 13) % 23) / 8.0f;
        hi[i] = (i * 31) % 50;
    }
    float *d_in, *d_sums;
    int *d_data;
    cudaMalloc(&d_in, n * sizeof(float));
    cudaMalloc(&d_sums, tiles * sizeof(float));
    cudaMalloc(&d_data, n * sizeof(int));
    cudaMemcpy(d_in, h, n * sizeof(float), cudaMemcpyHostToDevice);
    cudaMemcpy(d_data, hi, n * sizeof(int), cudaMemcpyHostToDevice);
    tile_sums<<<5, TILE>>>(d_in, d_sums, tiles);
    rounds<<<tiles, TILE>>>(d_data, n, 12);
    cudaMemcpy(sums, d_sums, tiles * sizeof(float), cudaMemcpyDeviceToHost);
    cudaMemcpy(hi, d_data, n * sizeof(int), cudaMemcpyDeviceToHost);
    double s = 0;
    long t = 0;
    for (int k = 0; k < tiles; k++) s += sums[k] * (k % 4 + 1);
    for (int i = 0; i < n; i++) t += (long)hi[i] * (i % 3 + 1);
    printf("tile sums %.4f, rounds %ld, first %.4f %d\n", s, t, sums[0], hi[0]);
    int ok = cudaGetLastError() == cudaSuccess;
    printf("%s\n", ok ? "PASS" : "FAIL");
    cudaFree(d_in); cudaFree(d_sums); cudaFree(d_data);
    free(h); free(sums); free(hi);
    return ok ? 0 : 1;
}
