// __syncthreads() inside loops whose start, bound or condition comes from data: a kernel argument
// array (each block's segment of the input), shared memory written by one thread (a round count, a
// flag), and a do-while. Every thread of a block sees the same values, so the barriers are legal
// CUDA, but a static analysis cannot prove it: the CPU target checks it at run time instead.
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

#define THREADS 64
#define SEGMENTS 6

__global__ void segment_rounds(const int *data, const int *seg_start, int *out)
{
    __shared__ int tile[THREADS];
    __shared__ int s_rounds;
    __shared__ int s_total;
    int tid = threadIdx.x;
    int end = seg_start[blockIdx.x + 1];
    if (tid == 0) {
        s_total = 0;
    }
    // start and bound from a kernel argument array
    for (int base = seg_start[blockIdx.x]; base < end; base += blockDim.x) {
        int i = base + tid;
        tile[tid] = i < end ? data[i] : 0;
        __syncthreads();
        if (tid == 0) {
            int s = 0;
            for (int k = 0; k < THREADS; ++k) {
                s += tile[k];
            }
            s_total += s;
            s_rounds = (s_total & 3) + 1;
        }
        __syncthreads();
    }
    if (end <= seg_start[blockIdx.x]) {
        if (tid == 0) {
            s_rounds = 2;
        }
    }
    tile[tid] = tid + (int)blockIdx.x;
    __syncthreads();
    // bound read from shared memory
    for (int r = 0; r < s_rounds; ++r) {
        int v = tile[(tid + 1) % THREADS];
        __syncthreads();
        tile[tid] = v * 3 + r;
        __syncthreads();
    }
    // condition on a shared flag that one thread updates
    while (s_total > 0) {
        int v = tile[THREADS - 1 - tid];
        int total = s_total;
        __syncthreads();
        tile[tid] = (v + total) % 1000;
        if (tid == 0) {
            s_total = total / 4;
        }
        __syncthreads();
    }
    int steps = 0;
    do {
        __syncthreads();
        if (tid == 0) {
            s_rounds -= 1;
        }
        ++steps;
        __syncthreads();
    } while (s_rounds > 0);
    out[blockIdx.x * THREADS + tid] = tile[tid] * 10 + steps;
}

static void reference(const int *data, const int *seg_start, int *want)
{
    for (int b = 0; b < SEGMENTS; ++b) {
        int tile[THREADS], next[THREADS];
        int total = 0, rounds = 0;
        int end = seg_start[b + 1];
        for (int base = seg_start[b]; base < end; base += THREADS) {
            for (int t = 0; t < THREADS; ++t) {
                total += base + t < end ? data[base + t] : 0;
            }
            rounds = (total & 3) + 1;
        }
        if (end <= seg_start[b]) {
            rounds = 2;
        }
        for (int t = 0; t < THREADS; ++t) {
            tile[t] = t + b;
        }
        for (int r = 0; r < rounds; ++r) {
            for (int t = 0; t < THREADS; ++t) {
                next[t] = tile[(t + 1) % THREADS] * 3 + r;
            }
            for (int t = 0; t < THREADS; ++t) {
                tile[t] = next[t];
            }
        }
        while (total > 0) {
            for (int t = 0; t < THREADS; ++t) {
                next[t] = (tile[THREADS - 1 - t] + total) % 1000;
            }
            for (int t = 0; t < THREADS; ++t) {
                tile[t] = next[t];
            }
            total /= 4;
        }
        int steps = rounds > 1 ? rounds : 1;
        for (int t = 0; t < THREADS; ++t) {
            want[b * THREADS + t] = tile[t] * 10 + steps;
        }
    }
}

int main()
{
    const int seg_start[SEGMENTS + 1] = {0, 5, 5, 200, 264, 265, 400};
    const int n = seg_start[SEGMENTS];
    int *data = (int *)malloc(n * sizeof(int));
    for (int i = 0; i < n; ++i) {
        data[i] = (i * 37) % 11;
    }
    int got[SEGMENTS * THREADS], want[SEGMENTS * THREADS];
    int *d_data, *d_start, *d_out;
    CHECK(cudaMalloc((void **)&d_data, n * sizeof(int)));
    CHECK(cudaMalloc((void **)&d_start, sizeof(seg_start)));
    CHECK(cudaMalloc((void **)&d_out, sizeof(got)));
    CHECK(cudaMemcpy(d_data, data, n * sizeof(int), cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(d_start, seg_start, sizeof(seg_start), cudaMemcpyHostToDevice));
    segment_rounds<<<SEGMENTS, THREADS>>>(d_data, d_start, d_out);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
    CHECK(cudaMemcpy(got, d_out, sizeof(got), cudaMemcpyDeviceToHost));

    reference(data, seg_start, want);
    int bad = 0;
    for (int i = 0; i < SEGMENTS * THREADS; ++i) {
        bad += got[i] != want[i];
    }
    for (int b = 0; b < SEGMENTS; ++b) {
        printf("segment %d: out[0] = %d, out[%d] = %d\n", b, got[b * THREADS], THREADS - 1,
               got[b * THREADS + THREADS - 1]);
    }
    printf("mismatches = %d\n", bad);
    CHECK(cudaFree(d_data));
    CHECK(cudaFree(d_start));
    CHECK(cudaFree(d_out));
    free(data);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
