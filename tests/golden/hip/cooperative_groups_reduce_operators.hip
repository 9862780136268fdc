#include <hip/hip_runtime.h>
// cg::reduce with a program's own operator, as llm.c's softmax kernels write it (HeCBench softmax-online): a
// function named directly that merges structs (a running maximum with its count), a function taking const
// references, a functor without data, and a struct holding an array (the two largest values). The reduction is
// a butterfly of xor shuffles (offsets size/2 ... 1); the lopsided functor (a / 2 + b) gives other digits in any
// other order, so the host below computes the butterfly, with the same functions, and the kernels must match it
// exactly.
#include <cstdio>
#include "cutrans_hip_cg.h"
#include "cutrans_hip_cg_reduce.h"

namespace cg = cooperative_groups;

struct MaxCount {
    float maxval;
    int count;          // how many values reached the maximum
    float sum;
};

struct Top2 {
    float v[2];         // v[0] >= v[1]
};

__host__ __device__ MaxCount merge(MaxCount a, MaxCount b)
{
    MaxCount r;
    r.maxval = a.maxval > b.maxval ? a.maxval : b.maxval;
    r.count = (a.maxval == r.maxval ? a.count : 0) + (b.maxval == r.maxval ? b.count : 0);
    r.sum = a.sum + b.sum;
    return r;
}

__host__ __device__ Top2 top2(const Top2 &a, const Top2 &b)
{
    Top2 r;
    r.v[0] = a.v[0] > b.v[0] ? a.v[0] : b.v[0];
    float second = a.v[0] > b.v[0] ? b.v[0] : a.v[0];
    float rest = a.v[1] > b.v[1] ? a.v[1] : b.v[1];
    r.v[1] = second > rest ? second : rest;
    return r;
}

struct Lopsided {                      // op(a, b) = a / 2 + b: the order of the steps shows in every digit
    __device__ float operator()(float a, float b) const { return a * 0.5f + b; }
};

// one result per thread: every thread of a tile ends with the tile's reduction
__global__ void reductions(const float *x, MaxCount *counts, Top2 *tops, float *folds)
{
    cg::thread_block block = cg::this_thread_block();
    cg::thread_block_tile<32> warp = cg::tiled_partition<32>(block);
    cg::thread_block_tile<8> eight = cg::tiled_partition<8>(block);
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    float v = x[i];
    MaxCount mc = {v, 1, v};
    Top2 t = {{v, -1e30f}};
    counts[i] = cg::reduce(warp, mc, merge);
    tops[i] = cg::reduce(eight, t, &top2);
    folds[i] = cg::reduce(warp, v, Lopsided());
}

// the butterfly on the host: step o combines op(own, value of lane ^ o), every lane from the values before it
template <typename T, typename Op>
static T butterfly(const T *v, int width, int lane, Op op)
{
    T lanes[32], before[32];
    for (int l = 0; l < width; ++l) {
        lanes[l] = v[l];
    }
    for (int o = width / 2; o > 0; o /= 2) {
        for (int l = 0; l < width; ++l) {
            before[l] = lanes[l];
        }
        for (int l = 0; l < width; ++l) {
            lanes[l] = op(before[l], before[l ^ o]);
        }
    }
    return lanes[lane];
}

int main()
{
    const int blocks = 2, threads = 64, n = blocks * threads;
    static float x[n], folds[n];
    static MaxCount counts[n], mcs[n];
    static Top2 tops[n], ts[n];
    unsigned state = 5u;
    for (int i = 0; i < n; ++i) {
        state = state * 1664525u + 1013904223u;
        x[i] = (float)((state >> 8) % 64u) / 8.0f - 4.0f;        // few distinct values: maxima repeat
        mcs[i] = {x[i], 1, x[i]};
        ts[i] = {{x[i], -1e30f}};
    }
    float *d_x, *d_folds;
    MaxCount *d_counts;
    Top2 *d_tops;
    hipMalloc(&d_x, sizeof(x));
    hipMalloc(&d_folds, sizeof(folds));
    hipMalloc(&d_counts, sizeof(counts));
    hipMalloc(&d_tops, sizeof(tops));
    hipMemcpy(d_x, x, sizeof(x), hipMemcpyHostToDevice);
    reductions<<<blocks, threads>>>(d_x, d_counts, d_tops, d_folds);
    hipMemcpy(counts, d_counts, sizeof(counts), hipMemcpyDeviceToHost);
    hipMemcpy(tops, d_tops, sizeof(tops), hipMemcpyDeviceToHost);
    hipMemcpy(folds, d_folds, sizeof(folds), hipMemcpyDeviceToHost);

    auto lopsided = [](float a, float b) { return a * 0.5f + b; };
    int bad = 0;
    for (int i = 0; i < n; ++i) {
        MaxCount mc = butterfly(mcs + i / 32 * 32, 32, i % 32, merge);
        Top2 t = butterfly(ts + i / 8 * 8, 8, i % 8, top2);
        float f = butterfly(x + i / 32 * 32, 32, i % 32, lopsided);
        if (i % 8 == 0) {
            printf("thread %3d: max %g x%d, sum %.9g; top two %g %g; fold %.9g\n", i, counts[i].maxval,
                   counts[i].count, counts[i].sum, tops[i].v[0], tops[i].v[1], folds[i]);
        }
        bad += counts[i].maxval != mc.maxval || counts[i].count != mc.count || counts[i].sum != mc.sum ||
               tops[i].v[0] != t.v[0] || tops[i].v[1] != t.v[1] || folds[i] != f;
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
