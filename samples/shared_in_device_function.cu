// __shared__ variables declared inside __device__ functions: CUDA gives each one instance per block, which
// every call of the function in that block uses, so a second call sees what the first one stored. OpenCL C
// allows __local variables only at kernel scope: each kernel that reaches the function declares the variable
// once and passes its address down (through `scan_pair` to `remember` here); two kernels each have their
// own. A 1-D array with barriers (a block sum), a 2-D tile, a scalar counter and a chain of two calls.
#include <cstdio>
#include <cuda_runtime.h>

#define BLOCK 64
#define TILE 8

// The block's sum, through a shared array of the function's own.
__device__ float block_sum(float v)
{
    __shared__ float partial[BLOCK];
    partial[threadIdx.x] = v;
    __syncthreads();
    for (int stride = BLOCK / 2; stride > 0; stride /= 2) {
        if (threadIdx.x < stride) {
            partial[threadIdx.x] += partial[threadIdx.x + stride];
        }
        __syncthreads();
    }
    const float total = partial[0];
    __syncthreads();
    return total;
}

// mode 0 stores v; mode 1 returns what the next thread stored in an earlier call: one instance per block.
__device__ float remember(float v, int mode)
{
    __shared__ float box[BLOCK];
    if (mode == 0) {
        box[threadIdx.x] = v;
        return v;
    }
    return box[(threadIdx.x + 1) % BLOCK];
}

__device__ float scan_pair(float v)
{
    remember(v * 2.0f, 0);
    __syncthreads();
    return remember(0.0f, 1);
}

// A 2-D tile and a scalar counter: the transpose of the block's 8 x 8 values, and how many were positive.
__device__ float transposed(float v, int *positives)
{
    __shared__ float tile[TILE][TILE + 1];
    __shared__ int count;
    if (threadIdx.x == 0) {
        count = 0;
    }
    tile[threadIdx.x / TILE][threadIdx.x % TILE] = v;
    __syncthreads();
    if (v > 0.0f) {
        atomicAdd(&count, 1);
    }
    __syncthreads();
    *positives = count;
    return tile[threadIdx.x % TILE][threadIdx.x / TILE];
}

__global__ void sums_and_neighbours(const float *in, float *sums, float *next, int n)
{
    const int i = blockIdx.x * BLOCK + threadIdx.x;
    const float v = i < n ? in[i] : 0.0f;
    const float s = block_sum(v);
    const float t = block_sum(v * v);                      // the same shared array, called again
    const float w = scan_pair(v);
    if (i < n) {
        sums[i] = s + 1000.0f * t;
        next[i] = w;
    }
}

__global__ void transpose_tiles(const float *in, float *out, int *positives, int n)
{
    const int i = blockIdx.x * BLOCK + threadIdx.x;
    int p = 0;
    const float t = transposed(i < n ? in[i] : 0.0f, &p);
    const float s = block_sum(t);                          // block_sum's array, this kernel's own
    if (i < n) {
        out[i] = t + 0.001f * s;
        positives[i] = p;
    }
}

#define N 256

int main()
{
    float in[N], sums[N], next[N], out[N];
    int positives[N];
    for (int i = 0; i < N; ++i) {
        in[i] = (float)((i * 37) % 41) * 0.25f - 5.0f;
    }
    float *d_in, *d_sums, *d_next, *d_out;
    int *d_pos;
    cudaMalloc(&d_in, sizeof in);
    cudaMalloc(&d_sums, sizeof sums);
    cudaMalloc(&d_next, sizeof next);
    cudaMalloc(&d_out, sizeof out);
    cudaMalloc(&d_pos, sizeof positives);
    cudaMemcpy(d_in, in, sizeof in, cudaMemcpyHostToDevice);
    sums_and_neighbours<<<N / BLOCK, BLOCK>>>(d_in, d_sums, d_next, N);
    transpose_tiles<<<N / BLOCK, BLOCK>>>(d_in, d_out, d_pos, N);
    cudaMemcpy(sums, d_sums, sizeof sums, cudaMemcpyDeviceToHost);
    cudaMemcpy(next, d_next, sizeof next, cudaMemcpyDeviceToHost);
    cudaMemcpy(out, d_out, sizeof out, cudaMemcpyDeviceToHost);
    cudaMemcpy(positives, d_pos, sizeof positives, cudaMemcpyDeviceToHost);
    int bad = 0;
    double checksum = 0.0;
    for (int b = 0; b < N / BLOCK; ++b) {
        float s = 0.0f, t = 0.0f, ts = 0.0f;
        int pos = 0;
        for (int k = 0; k < BLOCK; ++k) {
            const float v = in[b * BLOCK + k];
            s += v;
            t += v * v;
            pos += v > 0.0f;
            ts += in[b * BLOCK + (k % TILE) * TILE + k / TILE];
        }
        for (int k = 0; k < BLOCK; ++k) {
            const int i = b * BLOCK + k;
            const float want_t = in[b * BLOCK + (k % TILE) * TILE + k / TILE];
            bad += sums[i] != s + 1000.0f * t && (sums[i] - (s + 1000.0f * t) > 0.01f || (s + 1000.0f * t) - sums[i] > 0.01f);
            bad += next[i] != 2.0f * in[b * BLOCK + (k + 1) % BLOCK];
            bad += out[i] - (want_t + 0.001f * ts) > 1e-3f || (want_t + 0.001f * ts) - out[i] > 1e-3f;
            bad += positives[i] != pos;
            checksum += sums[i] * 0.001 + next[i] + out[i] + positives[i];
        }
    }
    printf("sums[0] = %.4f, next[5] = %.4f, out[9] = %.4f, positives[0] = %d\n", sums[0], next[5], out[9],
           positives[0]);
    printf("checksum = %.4f\nmismatches = %d\n%s\n", checksum, bad, bad ? "FAIL" : "PASS");
    cudaFree(d_in);
    cudaFree(d_sums);
    cudaFree(d_next);
    cudaFree(d_out);
    cudaFree(d_pos);
    return bad ? 1 : 0;
}
