#include "cpurt.h"
#include "cub_warp_reduce.launch.h"
// cub::WarpReduce: one reduction per warp, as softmax and layer-norm kernels write it (HeCBench softmax-online,
// PyTorch, llm.c). CUB's shuffle algorithm combines op(own, value of lane + offset) for offsets 1, 2, 4 ... within
// each logical warp, where lane + offset is still a valid lane, and lane 0 ends with the result. The lopsided
// operator (a / 2 + b) gives other digits for any other order, so the host below computes CUB's order and the
// kernels must match it exactly. Logical warps of 8 and 16 lanes, a partial warp (`valid`), a 2-D block (the
// warps are those of the linear thread id) and a functor taking const references are covered.
#include <cstdio>
#include "cpurt_cub.h"

/* cutrans: device-only struct 'Lopsided' moved to cub_warp_reduce.kernels.c */



struct Larger {                        // softmax-online's Max, a functor with a forwarding operator template
    template <typename T>
    __device__ T operator()(const T &a, const T &b) const { return a > b ? a : b; }
};

// the sum of each warp's 32 values (a block of 128 threads: 4 warps, one TempStorage each), and its maximum
// through a named object
/* cutrans: kernel 'warp_sums' moved to cub_warp_reduce.kernels.c */














// logical warps of 8 (int sums) and 16 (the lopsided fold over the first `valid` lanes of each)
/* cutrans: kernel 'logical_warps' moved to cub_warp_reduce.kernels.c */














// a 16 x 4 block: its two warps are linear ids 0-31 and 32-63, rows 0-1 and 2-3; a partial sum of 27 lanes
/* cutrans: kernel 'block_2d' moved to cub_warp_reduce.kernels.c */










// CUB's order on the host over one logical warp of `width` lanes, `valid` of them taking part
template <typename T, typename Op>
static T cub_order(const T *v, int width, int valid, Op op)
{
    T lanes[32], before[32];
    for (int l = 0; l < width; ++l) {
        lanes[l] = v[l];
    }
    for (int offset = 1; offset < width; offset *= 2) {
        for (int l = 0; l < width; ++l) {            // every lane reads its peer's value before the step
            before[l] = lanes[l];
        }
        for (int l = 0; l + offset < valid; ++l) {
            lanes[l] = op(before[l], before[l + offset]);
        }
    }
    return lanes[0];
}

int main()
{
    const int blocks = 3;
    static float x[blocks * 128], sums[blocks * 4], maxes[blocks * 4], sums2d[blocks * 2];
    static int k[blocks * 64], isums[blocks * 8];
    static double d[blocks * 64], folds[blocks * 4];
    unsigned state = 7u;
    for (int i = 0; i < blocks * 128; ++i) {
        state = state * 1664525u + 1013904223u;
        x[i] = (float)(state >> 8) / 16777216.0f * 8.0f - 5.0f;
    }
    for (int i = 0; i < blocks * 64; ++i) {
        state = state * 1664525u + 1013904223u;
        k[i] = (int)(state >> 16) - 32768;
        d[i] = (double)(state >> 4) / 268435456.0 * 3.0 - 1.0;
    }
    float *d_x, *d_sums, *d_maxes, *d_sums2d;
    int *d_k, *d_isums;
    double *d_d, *d_folds;
    cpurtMalloc(&d_x, sizeof(x));
    cpurtMalloc(&d_sums, sizeof(sums));
    cpurtMalloc(&d_maxes, sizeof(maxes));
    cpurtMalloc(&d_sums2d, sizeof(sums2d));
    cpurtMalloc(&d_k, sizeof(k));
    cpurtMalloc(&d_isums, sizeof(isums));
    cpurtMalloc(&d_d, sizeof(d));
    cpurtMalloc(&d_folds, sizeof(folds));
    cpurtMemcpy(d_x, x, sizeof(x), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_k, k, sizeof(k), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_d, d, sizeof(d), cpurtMemcpyHostToDevice);
    cutrans_launch_warp_sums(blocks, 128, 0, 0, d_x, d_sums, d_maxes);
    cutrans_launch_logical_warps(blocks, 64, 0, 0, d_k, d_d, d_isums, d_folds, 11);
    cutrans_launch_block_2d(blocks, dim3(16, 4), 0, 0, d_x, d_sums2d);
    cpurtMemcpy(sums, d_sums, sizeof(sums), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(maxes, d_maxes, sizeof(maxes), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(sums2d, d_sums2d, sizeof(sums2d), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(isums, d_isums, sizeof(isums), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(folds, d_folds, sizeof(folds), cpurtMemcpyDeviceToHost);

    auto add = [](float a, float b) { return a + b; };
    auto larger = [](float a, float b) { return a > b ? a : b; };
    auto lopsided = [](double a, double b) { return a * 0.5 + b; };
    int bad = 0;
    for (int w = 0; w < blocks * 4; ++w) {
        float s = cub_order(x + 32 * w, 32, 32, add), m = cub_order(x + 32 * w, 32, 32, larger);
        double f = cub_order(d + 16 * w, 16, 11, lopsided);
        printf("warp %d: sum %.9g, max %.9g; logical warp of 16: fold %.17g\n", w, sums[w], maxes[w], folds[w]);
        bad += sums[w] != s || maxes[w] != m || folds[w] != f;
    }
    for (int w = 0; w < blocks * 8; ++w) {
        int s = 0;
        for (int l = 0; l < 8; ++l) {
            s += k[8 * w + l];
        }
        printf("logical warp of 8 %d: sum %d\n", w, isums[w]);
        bad += isums[w] != s;
    }
    for (int w = 0; w < blocks * 2; ++w) {
        float s = cub_order(x + 32 * w, 32, 27, add);
        printf("2-D warp %d: sum of 27 %.9g\n", w, sums2d[w]);
        bad += sums2d[w] != s;
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
