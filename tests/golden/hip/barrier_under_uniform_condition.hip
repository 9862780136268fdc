// __syncthreads() under conditions that are the same for every thread of a block but that a static
// analysis may not prove so: a local variable computed from blockIdx, a flag read from a kernel
// argument array, and a count kept in shared memory (with barriers in both branches of an if/else).
// Legal CUDA; the CPU target checks at run time that the threads agree.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        hipError_t err_ = (call);                                           \
        if (err_ != hipSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    hipGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define THREADS 128
#define BLOCKS 8

__global__ void guarded_rotate(const int *in, const int *flags, int *out)
{
    __shared__ int tile[THREADS];
    __shared__ int s_positive;
    int tid = threadIdx.x;
    int gid = blockIdx.x * THREADS + tid;
    int odd_block = blockIdx.x % 2;
    tile[tid] = in[gid];
    if (tid == 0) {
        s_positive = 0;
    }
    __syncthreads();
    if (odd_block) {                       // a local variable built from blockIdx
        int v = tile[(tid + 3) % THREADS];
        __syncthreads();
        tile[tid] = v;
        __syncthreads();
    }
    if (flags[blockIdx.x] != 0) {          // a flag from a kernel argument array
        int v = tile[THREADS - 1 - tid] + flags[blockIdx.x];
        __syncthreads();
        tile[tid] = v;
        __syncthreads();
    }
    if (tile[tid] > 0) {
        atomicAdd(&s_positive, 1);
    }
    __syncthreads();
    if (s_positive > THREADS / 2) {        // a count in shared memory
        int v = tile[(tid + 1) % THREADS];
        __syncthreads();
        tile[tid] = v - s_positive;
    } else {
        int v = tile[(tid + THREADS - 1) % THREADS];
        __syncthreads();
        tile[tid] = v + s_positive;
    }
    __syncthreads();
    out[gid] = tile[tid] * 2 + tile[(tid + 5) % THREADS];
}

static void reference(const int *in, const int *flags, int *want)
{
    for (int b = 0; b < BLOCKS; ++b) {
        int tile[THREADS], next[THREADS];
        for (int t = 0; t < THREADS; ++t) {
            tile[t] = in[b * THREADS + t];
        }
        if (b % 2) {
            for (int t = 0; t < THREADS; ++t) next[t] = tile[(t + 3) % THREADS];
            for (int t = 0; t < THREADS; ++t) tile[t] = next[t];
        }
        if (flags[b] != 0) {
            for (int t = 0; t < THREADS; ++t) next[t] = tile[THREADS - 1 - t] + flags[b];
            for (int t = 0; t < THREADS; ++t) tile[t] = next[t];
        }
        int positive = 0;
        for (int t = 0; t < THREADS; ++t) positive += tile[t] > 0;
        for (int t = 0; t < THREADS; ++t) {
            next[t] = positive > THREADS / 2 ? tile[(t + 1) % THREADS] - positive
                                             : tile[(t + THREADS - 1) % THREADS] + positive;
        }
        for (int t = 0; t < THREADS; ++t) {
            want[b * THREADS + t] = next[t] * 2 + next[(t + 5) % THREADS];
        }
    }
}

int main()
{
    const int n = BLOCKS * THREADS;
    const int flags[BLOCKS] = {0, 3, -40, 0, 7, 0, 0, -2};
    int *in = (int *)malloc(n * sizeof(int));
    int *got = (int *)malloc(n * sizeof(int));
    int *want = (int *)malloc(n * sizeof(int));
    for (int i = 0; i < n; ++i) {
        in[i] = (i * 53) % 97 - 40 - (i / THREADS) * 3;
    }
    int *d_in, *d_flags, *d_out;
    CHECK(hipMalloc((void **)&d_in, n * sizeof(int)));
    CHECK(hipMalloc((void **)&d_flags, sizeof(flags)));
    CHECK(hipMalloc((void **)&d_out, n * sizeof(int)));
    CHECK(hipMemcpy(d_in, in, n * sizeof(int), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_flags, flags, sizeof(flags), hipMemcpyHostToDevice));
    guarded_rotate<<<BLOCKS, THREADS>>>(d_in, d_flags, d_out);
    CHECK(hipGetLastError());
    CHECK(hipDeviceSynchronize());
    CHECK(hipMemcpy(got, d_out, n * sizeof(int), hipMemcpyDeviceToHost));

    reference(in, flags, want);
    int bad = 0;
    for (int i = 0; i < n; ++i) {
        bad += got[i] != want[i];
    }
    for (int b = 0; b < BLOCKS; ++b) {
        printf("block %d: out[0] = %d, out[%d] = %d\n", b, got[b * THREADS], THREADS - 1,
               got[b * THREADS + THREADS - 1]);
    }
    printf("mismatches = %d\n", bad);
    CHECK(hipFree(d_in));
    CHECK(hipFree(d_flags));
    CHECK(hipFree(d_out));
    free(in);
    free(got);
    free(want);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
