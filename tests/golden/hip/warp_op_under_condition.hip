// Warp operations under a condition that differs between threads: the last-warp reduction of the
// classic block sum (`if (tid < 32) { shfl_down loop }`), an if/else whose branches shuffle with
// different offsets, a nested condition, and a vote inside a predicated loop. Without sub-groups
// the translation evaluates each condition once into a flag, runs the exchanges' barriers in every
// thread and guards everything else by the flag. Written for 32-lane warps.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        hipError_t err_ = (call);                                           \
        if (err_ != hipSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    hipGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define FULL_MASK 0xffffffffu
#define BLOCK 128
#define GRID 4
#define N (GRID * BLOCK)

// Shared-memory tree down to 64 values, then warp 0 finishes with shuffles.
__global__ void last_warp_sum(const float *in, float *out)
{
    __shared__ float s[BLOCK];
    unsigned tid = threadIdx.x;
    s[tid] = in[blockIdx.x * BLOCK + tid];
    __syncthreads();
    for (unsigned half = BLOCK / 2; half > 32; half /= 2) {
        if (tid < half) {
            s[tid] += s[tid + half];
        }
        __syncthreads();
    }
    if (tid < 32) {
        float v = s[tid] + s[tid + 32];
        for (int offset = 16; offset > 0; offset /= 2) {
            v += cutrans_warp32_shfl_down_sync(FULL_MASK, v, offset);
        }
        if (tid == 0) {
            out[blockIdx.x] = v;
        }
    }
}

// Warps 0-1 take the then-branch, warps 2-3 the else-branch; in the first warp of each branch a
// nested condition selects lanes for an extra xor shuffle with a half-warp mask.
__global__ void branch_shuffles(const int *in, int *out)
{
    int tid = threadIdx.x;
    int i = blockIdx.x * blockDim.x + tid;
    int v = in[i];
    int r;
    if (tid < 64) {
        r = v + cutrans_warp32_shfl_down_sync(FULL_MASK, v, 1);
        if (tid % 32 < 16) {
            r += 100 * cutrans_warp32_shfl_xor_sync(0x0000ffffu, v, 3);
        }
    } else {
        r = v - cutrans_warp32_shfl_up_sync(FULL_MASK, v, 2);
        unsigned votes = cutrans_warp32_ballot_sync(FULL_MASK, v % 2 == 0);
        r += __popc(votes);
    }
    out[i] = r;
}

// A uniform loop inside a condition: warps 1 and 3 count, round by round, the lanes above a
// rising threshold.
__global__ void votes_in_loop(const int *in, int *out)
{
    int tid = threadIdx.x;
    int i = blockIdx.x * blockDim.x + tid;
    int count = 0;
    if ((tid / 32) % 2 == 1) {
        int v = in[i];
        for (int round = 0; round < 4; ++round) {
            count += __popc(cutrans_warp32_ballot_sync(FULL_MASK, v > round * 25));
            count += 1000 * cutrans_warp32_all_sync(FULL_MASK, v >= round);
        }
    }
    out[i] = count;
}

int main()
{
    float h_f[N];
    int h_i[N];
    for (int i = 0; i < N; ++i) {
        h_f[i] = (float)((i * 37) % 101) / 8.0f;
        h_i[i] = (i * 53) % 97;
    }
    float *d_f, *d_sum;
    int *d_i, *d_a, *d_b;
    CHECK(hipMalloc((void **)&d_f, N * sizeof(float)));
    CHECK(hipMalloc((void **)&d_sum, GRID * sizeof(float)));
    CHECK(hipMalloc((void **)&d_i, N * sizeof(int)));
    CHECK(hipMalloc((void **)&d_a, N * sizeof(int)));
    CHECK(hipMalloc((void **)&d_b, N * sizeof(int)));
    CHECK(hipMemcpy(d_f, h_f, N * sizeof(float), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_i, h_i, N * sizeof(int), hipMemcpyHostToDevice));
    last_warp_sum<<<GRID, BLOCK>>>(d_f, d_sum);
    branch_shuffles<<<GRID, BLOCK>>>(d_i, d_a);
    votes_in_loop<<<GRID, BLOCK>>>(d_i, d_b);
    CHECK(hipGetLastError());
    float h_sum[GRID];
    int h_a[N], h_b[N];
    CHECK(hipMemcpy(h_sum, d_sum, GRID * sizeof(float), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(h_a, d_a, N * sizeof(int), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(h_b, d_b, N * sizeof(int), hipMemcpyDeviceToHost));
    int bad = 0;
    for (int b = 0; b < GRID; ++b) {
        double want = 0.0;
        for (int t = 0; t < BLOCK; ++t) {
            want += h_f[b * BLOCK + t];
        }
        printf("block %d sum %.6f\n", b, h_sum[b]);
        bad += h_sum[b] < want - 1e-2 || h_sum[b] > want + 1e-2;
    }
    long long total_a = 0, total_b = 0;
    for (int i = 0; i < N; ++i) {
        total_a += h_a[i] * (long long)(i % 7 + 1);
        total_b += h_b[i] * (long long)(i % 5 + 1);
    }
    for (int i = 0; i < 8; ++i) {
        printf("branch %d: %d  votes %d: %d\n", i * 17, h_a[i * 17], i * 37, h_b[i * 37]);
    }
    printf("branch checksum %lld\nvotes checksum %lld\n", total_a, total_b);
    // spot checks against the rules: lane 0 of warp 0 (then-branch, nested lanes), lane 5 of warp 2
    int w0 = h_i[0] + h_i[1] + 100 * h_i[3];
    int w2 = h_i[64 + 5] - h_i[64 + 3];
    bad += h_a[0] != w0 || (h_a[64 + 5] - w2) < 0 || (h_a[64 + 5] - w2) > 32 || h_b[0] != 0;
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad ? 1 : 0;
}
