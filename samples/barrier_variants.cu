// The barrier variants: __syncthreads_count/_and/_or (a barrier that also reduces a predicate over
// the block), __threadfence_block and __threadfence (fences without a barrier), and __syncwarp used
// as a plain fence in code every thread of the block reaches. Blocks of 96 threads: three warps.
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

#define BLOCKS 5
#define THREADS 96
#define NOUT 6

__global__ void block_votes(const int *v, int *out, int n)
{
    __shared__ int stage[THREADS];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int x = i < n ? v[i] : 0;
    stage[threadIdx.x] = x * 2;
    __threadfence_block();
    int positives = __syncthreads_count(x > 0);
    int all_small = __syncthreads_and(x < 1000);
    int any_big = __syncthreads_or(x > 990);
    int neighbour = stage[(threadIdx.x + 1) % blockDim.x];
    __syncwarp();
    stage[threadIdx.x] = neighbour + positives;
    __threadfence();
    __syncthreads();
    int even = 0;
    if (__syncthreads_count(threadIdx.x % 2 == 0) == (int)(blockDim.x + 1) / 2) {
        even = 1;
    }
    int none = __syncthreads_or(0);
    int every = (__syncthreads_and(1) != 0) + __syncthreads_count(1);
    if (threadIdx.x == 0) {
        int *o = out + blockIdx.x * NOUT;
        o[0] = positives;
        o[1] = all_small != 0;
        o[2] = any_big != 0;
        o[3] = stage[blockDim.x - 1];
        o[4] = even + (none != 0);
        o[5] = every;
    }
}

int main()
{
    const int n = BLOCKS * THREADS - 17;
    int *h = (int *)malloc(n * sizeof(int));
    for (int i = 0; i < n; ++i) {
        h[i] = (i * 7919) % 1000 - 300;        // some blocks hold values above 990, none reach 1000
    }
    int got[BLOCKS * NOUT];
    int *d_v, *d_out;
    CHECK(cudaMalloc((void **)&d_v, n * sizeof(int)));
    CHECK(cudaMalloc((void **)&d_out, sizeof(got)));
    CHECK(cudaMemcpy(d_v, h, n * sizeof(int), cudaMemcpyHostToDevice));
    block_votes<<<BLOCKS, THREADS>>>(d_v, d_out, n);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
    CHECK(cudaMemcpy(got, d_out, sizeof(got), cudaMemcpyDeviceToHost));

    int bad = 0;
    for (int b = 0; b < BLOCKS; ++b) {
        int pos = 0, small = 1, big = 0;
        for (int t = 0; t < THREADS; ++t) {
            int i = b * THREADS + t;
            int x = i < n ? h[i] : 0;
            pos += x > 0;
            small = small && x < 1000;
            big = big || x > 990;
        }
        int i0 = b * THREADS;
        int last = (i0 < n ? h[i0] : 0) * 2 + pos;      // thread THREADS-1 read thread 0's value
        int want[NOUT] = {pos, small, big, last, 1, 1 + THREADS};
        int *g = got + b * NOUT;
        printf("block %d: count = %d, and = %d, or = %d, last = %d, even = %d, and+count = %d\n",
               b, g[0], g[1], g[2], g[3], g[4], g[5]);
        for (int k = 0; k < NOUT; ++k) {
            if (g[k] != want[k]) {
                printf("  result %d: want %d  <-- wrong\n", k, want[k]);
                ++bad;
            }
        }
    }
    printf("wrong results = %d\n", bad);
    CHECK(cudaFree(d_v));
    CHECK(cudaFree(d_out));
    free(h);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
