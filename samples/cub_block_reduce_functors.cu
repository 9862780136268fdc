// cub::BlockReduce with a program's own operators, as PyTorch- and vLLM-derived kernels write them: a functor with a
// forwarding operator template (std::common_type result), a plain operator taking const references, one taking
// values and returning a wider type, and an operator that is neither commutative nor associative.
// CUB calls the operator as op(own, other) on two lvalues of the element type, first within each warp (offsets 1,
// 2, 4, 8, 16), then thread 0 folds the warps in order. With the lopsided operator every other order gives other
// digits; the host below computes CUB's order and the kernels must match it exactly.
#include <cmath>
#include <cstdio>
#include <type_traits>
#include <cub/cub.cuh>

struct Max {
    template <typename T, typename U>
    __device__ __forceinline__ typename std::common_type<T, U>::type operator()(T &&t, U &&u) const
    {
        return ((t) > (u)) ? (t) : (u);
    }
};

struct AbsMax {
    __device__ float operator()(const float &a, const float &b) const { return fmaxf(fabsf(a), fabsf(b)); }
};

struct WideAdd {
    __device__ long long operator()(int a, int b) const { return (long long)a + b; }
};

struct Lopsided {                      // op(a, b) = a / 2 + b: the order of the steps shows in every digit
    __device__ float operator()(float a, float b) const { return a * 0.5f + b; }
};

// the largest value of each block, with vLLM's `Max{}` and a template larger than the launch
__global__ void block_max(const float *x, float *out)
{
    using BlockReduce = cub::BlockReduce<float, 1024>;
    __shared__ typename BlockReduce::TempStorage temp;
    float v = x[blockIdx.x * blockDim.x + threadIdx.x];
    float m = BlockReduce(temp).Reduce(v, Max{}, blockDim.x);
    if (threadIdx.x == 0) {
        out[blockIdx.x] = m;
    }
}

// the largest magnitude and the integer sum of each block of 128, through one storage reused after a barrier
__global__ void magnitudes(const float *x, const int *k, float *mag, int *total)
{
    using FloatReduce = cub::BlockReduce<float, 128>;
    using IntReduce = cub::BlockReduce<int, 128>;
    __shared__ typename FloatReduce::TempStorage ftemp;
    __shared__ typename IntReduce::TempStorage itemp;
    int i = blockIdx.x * 128 + threadIdx.x;
    AbsMax absmax;
    float m = FloatReduce(ftemp).Reduce(x[i], absmax);
    int s = IntReduce(itemp).Reduce(k[i], WideAdd());
    if (threadIdx.x == 0) {
        mag[blockIdx.x] = m;
        total[blockIdx.x] = s;
    }
}

// the lopsided fold over the first `valid` threads of a block of 96 (a partial last warp)
__global__ void lopsided(const float *x, float *out, int valid)
{
    using BlockReduce = cub::BlockReduce<float, 96>;
    __shared__ typename BlockReduce::TempStorage temp;
    float v = x[blockIdx.x * 96 + threadIdx.x];
    float r = BlockReduce(temp).Reduce(v, Lopsided(), valid);
    if (threadIdx.x == 0) {
        out[blockIdx.x] = r;
    }
}

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
    cudaMalloc(&d_x, sizeof(x));
    cudaMalloc(&d_max, sizeof(maxes));
    cudaMalloc(&d_mag, sizeof(mags));
    cudaMalloc(&d_lop, sizeof(lop));
    cudaMalloc(&d_k, sizeof(k));
    cudaMalloc(&d_total, sizeof(totals));
    cudaMemcpy(d_x, x, sizeof(x), cudaMemcpyHostToDevice);
    cudaMemcpy(d_k, k, sizeof(k), cudaMemcpyHostToDevice);
    block_max<<<blocks, 256>>>(d_x, d_max);
    magnitudes<<<blocks, 128>>>(d_x, d_k, d_mag, d_total);
    lopsided<<<blocks, 96>>>(d_x, d_lop, 70);
    cudaMemcpy(maxes, d_max, sizeof(maxes), cudaMemcpyDeviceToHost);
    cudaMemcpy(mags, d_mag, sizeof(mags), cudaMemcpyDeviceToHost);
    cudaMemcpy(totals, d_total, sizeof(totals), cudaMemcpyDeviceToHost);
    cudaMemcpy(lop, d_lop, sizeof(lop), cudaMemcpyDeviceToHost);

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
