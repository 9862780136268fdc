// Warp operations inside __device__ functions: a warp sum called from a block sum (two levels of
// calls), a call inside a larger expression, a void function that shuffles through a pointer, and
// warp-aggregated atomics (ballot, a leader lane, a shuffle of the leader's result). Without
// sub-groups the translation inlines these functions into their kernels. Written for 32-lane warps.
#include <cstdio>
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

#define FULL_MASK 0xffffffffu
#define BLOCK 128
#define GRID 4
#define N (GRID * BLOCK)

__device__ float warp_sum(float v)
{
    for (int offset = 16; offset > 0; offset /= 2) {
        v += __shfl_down_sync(FULL_MASK, v, offset);
    }
    return v;
}

// Every warp sums its values; lane 0 of each warp stores the partial sum, and warp sums of the
// partial sums (every warp does the same work) give the block's sum in every thread's lane 0.
__device__ float block_sum(float v, float *partial)
{
    int lane = threadIdx.x % 32;
    float w = warp_sum(v);
    if (lane == 0) {
        partial[threadIdx.x / 32] = w;
    }
    __syncthreads();
    float p = lane < BLOCK / 32 ? partial[lane] : 0.0f;
    return warp_sum(p);
}

__global__ void block_sums(const float *in, float *out)
{
    __shared__ float partial[BLOCK / 32];
    float v = in[blockIdx.x * BLOCK + threadIdx.x];
    float total = block_sum(v, partial);
    if (threadIdx.x == 0) {
        out[blockIdx.x] = total;
    }
}

// Rotate each warp's values by `by` lanes, in place.
__device__ void rotate(int *value, int by)
{
    int lane = threadIdx.x % 32;
    *value = __shfl_sync(FULL_MASK, *value, (lane + by) % 32);
}

__global__ void rotate_and_scale(const int *in, int *out)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int v = in[i];
    rotate(&v, 3);
    int scaled = 2 * (int)warp_sum((float)v) + v;
    out[i] = scaled;
}

// Increment counters[slot] for every thread with one atomic per group of lanes that share a slot.
__device__ int aggregated_increment(int *counter)
{
    unsigned lane = threadIdx.x % 32;
    unsigned mask = 0;
    for (int i = 0; i < 32; i++) {
        unsigned long long other = __shfl_sync(FULL_MASK, (unsigned long long)counter, i);
        unsigned same = __ballot_sync(FULL_MASK, other == (unsigned long long)counter);
        if (i == lane) {
            mask = same;
        }
    }
    int leader = __ffs(mask) - 1;
    int base = 0;
    if (lane == leader) {
        base = atomicAdd(counter, __popc(mask));
    }
    base = __shfl_sync(mask, base, leader);
    return base + __popc(mask & ((1u << lane) - 1u));
}

__global__ void aggregated_counts(int *counters, int slots, int *tickets)
{
    int *counter = counters + (threadIdx.x * 7 % 32) % slots;
    int ticket = aggregated_increment(counter);
    tickets[blockIdx.x * blockDim.x + threadIdx.x] = ticket >= 0;
}

int main()
{
    float h_f[N];
    int h_i[N];
    for (int i = 0; i < N; ++i) {
        h_f[i] = (float)((i * 29) % 83) / 4.0f;
        h_i[i] = (i * 41) % 59 - 20;
    }
    float *d_f, *d_sum;
    int *d_i, *d_out, *d_counters, *d_tickets;
    const int slots = 5;
    CHECK(cudaMalloc((void **)&d_f, N * sizeof(float)));
    CHECK(cudaMalloc((void **)&d_sum, GRID * sizeof(float)));
    CHECK(cudaMalloc((void **)&d_i, N * sizeof(int)));
    CHECK(cudaMalloc((void **)&d_out, N * sizeof(int)));
    CHECK(cudaMalloc((void **)&d_counters, slots * sizeof(int)));
    CHECK(cudaMalloc((void **)&d_tickets, N * sizeof(int)));
    CHECK(cudaMemcpy(d_f, h_f, N * sizeof(float), cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(d_i, h_i, N * sizeof(int), cudaMemcpyHostToDevice));
    CHECK(cudaMemset(d_counters, 0, slots * sizeof(int)));
    block_sums<<<GRID, BLOCK>>>(d_f, d_sum);
    rotate_and_scale<<<GRID, BLOCK>>>(d_i, d_out);
    aggregated_counts<<<GRID, BLOCK>>>(d_counters, slots, d_tickets);
    CHECK(cudaGetLastError());
    float h_sum[GRID];
    int h_out[N], h_counters[slots], h_tickets[N];
    CHECK(cudaMemcpy(h_sum, d_sum, GRID * sizeof(float), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(h_out, d_out, N * sizeof(int), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(h_counters, d_counters, slots * sizeof(int), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(h_tickets, d_tickets, N * sizeof(int), cudaMemcpyDeviceToHost));
    int bad = 0;
    for (int b = 0; b < GRID; ++b) {
        double want = 0.0;
        for (int t = 0; t < BLOCK; ++t) {
            want += h_f[b * BLOCK + t];
        }
        printf("block %d sum %.4f\n", b, h_sum[b]);
        bad += h_sum[b] < want - 1e-2 || h_sum[b] > want + 1e-2;
    }
    long long checksum = 0;
    for (int i = 0; i < N; ++i) {
        checksum += h_out[i] * (long long)(i % 11 + 1);
    }
    printf("rotate checksum %lld, out[0..3] %d %d %d %d\n", checksum, h_out[0], h_out[1], h_out[2], h_out[3]);
    int counted = 0, tickets = 0;
    for (int s = 0; s < slots; ++s) {
        printf("counter %d: %d\n", s, h_counters[s]);
        counted += h_counters[s];
    }
    for (int i = 0; i < N; ++i) {
        tickets += h_tickets[i];
    }
    bad += counted != N || tickets != N;
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad ? 1 : 0;
}
