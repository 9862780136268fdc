#include "cpurt.h"
#include "cub_block_reduce_functors.launch.h"
// cub::BlockReduce with a program's own operators, as PyTorch- and vLLM-derived kernels write them: a functor with a
// forwarding operator template (std::common_type result), a plain operator taking const references, one taking
// values and returning a wider type, and an operator that is neither commutative nor associative.
// CUB calls the operator as op(own, other) on two lvalues of the element type, first within each warp (offsets 1,
// 2, 4, 8, 16), then thread 0 folds the warps in order. With the lopsided operator every other order gives other
// digits; the host below computes CUB's order and the kernels must match it exactly.
#include <cmath>
#include <cstdio>
#include <type_traits>
#include "cpurt_cub.h"

struct Max {
    template <typename T, typename U>
    __device__ __forceinline__ typename std::common_type<T, U>::type operator()(T &&t, U &&u) const
    {
        return ((t) > (u)) ? (t) : (u);
    }
};

/* cutrans: device-only struct 'AbsMax' moved to cub_block_reduce_functors.kernels.c */



/* cutrans: device-only struct 'WideAdd' moved to cub_block_reduce_functors.kernels.c */



/* cutrans: device-only struct 'Lopsided' moved to cub_block_reduce_functors.kernels.c */



// the largest value of each block, with vLLM's `Max{}` and a template larger than the launch
/* cutrans: kernel 'block_max' moved to cub_block_reduce_functors.kernels.c */










// the largest magnitude and the integer sum of each block of 128, through one storage reused after a barrier
/* cutrans: kernel 'magnitudes' moved to cub_block_reduce_functors.kernels.c */















// the lopsided fold over the first `valid` threads of a block of 96 (a partial last warp)
/* cutrans: kernel 'lopsided' moved to cub_block_reduce_functors.kernels.c */










// CUB's order on the host: each warp's tree (lane + offset must be a valid lane), then the warps in order
static float cub_order(const float *v, int valid)
{
    float lanes[96], warps[3];
    int nwarps = (valid + 31) / 32;
    for (int w = 0; w < nwarps; ++w) {
        int count = valid - 32 * w < 32 ? valid - 32 * w : 32;
        for (int l = 0; l < 32; ++l) {
            lanes[l] = l < count ? v[32 * w + l] : 0.0f;
        }
        for (int offset = 1; offset < 32; offset *= 2) {
            float before[32];                                // every lane reads its peer's value before the step
            for (int l = 0; l < 32; ++l) {
                before[l] = lanes[l];
            }
            for (int l = 0; l + offset < count; ++l) {
                lanes[l] = before[l] * 0.5f + before[l + offset];
            }
        }
        warps[w] = lanes[0];
    }
    float r = warps[0];
    for (int w = 1; w < nwarps; ++w) {
        r = r * 0.5f + warps[w];
    }
    return r;
}

int main()
{
    const int blocks = 4;
    static float x[blocks * 256], maxes[blocks], mags[blocks], lop[blocks];
    static int k[blocks * 128], totals[blocks];
    unsigned state = 11u;
    for (int i = 0; i < blocks * 256; ++i) {
        state = state * 1664525u + 1013904223u;
        x[i] = (float)(state >> 8) / 16777216.0f * 8.0f - 5.0f;
    }
    for (int i = 0; i < blocks * 128; ++i) {
        state = state * 1664525u + 1013904223u;
        k[i] = (int)(state >> 16) - 32768;
    }
    float *d_x, *d_max, *d_mag, *d_lop;
    int *d_k, *d_total;
    cpurtMalloc(&d_x, sizeof(x));
    cpurtMalloc(&d_max, sizeof(maxes));
    cpurtMalloc(&d_mag, sizeof(mags));
    cpurtMalloc(&d_lop, sizeof(lop));
    cpurtMalloc(&d_k, sizeof(k));
    cpurtMalloc(&d_total, sizeof(totals));
    cpurtMemcpy(d_x, x, sizeof(x), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_k, k, sizeof(k), cpurtMemcpyHostToDevice);
    cutrans_launch_block_max(blocks, 256, 0, 0, d_x, d_max);
    cutrans_launch_magnitudes(blocks, 128, 0, 0, d_x, d_k, d_mag, d_total);
    cutrans_launch_lopsided(blocks, 96, 0, 0, d_x, d_lop, 70);
    cpurtMemcpy(maxes, d_max, sizeof(maxes), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(mags, d_mag, sizeof(mags), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(totals, d_total, sizeof(totals), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(lop, d_lop, sizeof(lop), cpurtMemcpyDeviceToHost);

    int bad = 0;
    for (int b = 0; b < blocks; ++b) {
        float hi = x[256 * b], mag = 0.0f, want = cub_order(x + 96 * b, 70);
        int sum = 0;
        for (int i = 0; i < 256; ++i) {
            hi = x[256 * b + i] > hi ? x[256 * b + i] : hi;
        }
        for (int i = 0; i < 128; ++i) {
            mag = fmaxf(mag, fabsf(x[128 * b + i]));
            sum += k[128 * b + i];
        }
        printf("block %d: max %.9g, magnitude %.9g, sum %d, lopsided %.9g\n", b, maxes[b], mags[b], totals[b], lop[b]);
        bad += maxes[b] != hi || mags[b] != mag || totals[b] != sum || lop[b] != want;
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
