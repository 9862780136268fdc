// Lvalue references in device code: `T&` and `const T&` parameters of device functions and of
// device function templates, bound to private variables, to __shared__ array elements, to global
// memory and to struct members; a reference passed on to another reference parameter; a local
// reference variable (`float &slot = out[i];`); an array parameter (`const int h[4]`, a pointer in C). Private variables bound to references live across a
// __syncthreads(). C and OpenCL C have no references, so the translations pass pointers (a temporary
// bound to a `const T&` parameter has no address and is refused with L003).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

#define BLOCK 64

struct Pair {
    float lo;
    float hi;
};

__device__ void order(float &a, float &b)
{
    if (a > b) {
        float t = a;
        a = b;
        b = t;
    }
}

// Forwards its references to order(): the callee sees the caller's variables.
__device__ void order_pair(Pair &p)
{
    order(p.lo, p.hi);
}

template <typename T>
__device__ void rotate(T a, T b, T &re, T &im)
{
    T r = a * re - b * im;
    im = a * im + b * re;
    re = r;
}

template <typename T>
__device__ T weighted(const T &x, const T &w)
{
    return x * w;
}

// Adds `amount` to a __shared__ element through a reference.
__device__ void bump(int &slot, const int &amount)
{
    slot += amount;
}

// An array parameter decays to a pointer, here into __shared__ memory.
__device__ int total(const int h[4])
{
    return h[0] + h[1] + h[2] + h[3];
}

__global__ void references_kernel(const float *in, float *out, Pair *pairs, int *counts, int n)
{
    __shared__ int hist[4];
    int tid = threadIdx.x;
    int i = blockIdx.x * blockDim.x + tid;
    if (tid < 4) {
        hist[tid] = 0;
    }
    float re = i < n ? in[i] : 0.0f;
    float im = i < n ? in[(i + 7) % n] : 0.0f;
    rotate<float>(0.6f, 0.8f, re, im);
    __syncthreads();
    order(re, im);
    int k = i % 4;
    for (int j = 0; j < BLOCK; ++j) {
        if (tid == j && i < n) {
            int amount = k + 1;
            bump(hist[k], amount);
        }
        __syncthreads();
    }
    if (i < n) {
        float &slot = out[i];
        const float two = 2.0f;
        slot = weighted(re, two) + weighted<float>(im, in[i]);
        order_pair(pairs[i]);
    }
    __syncthreads();
    if (tid < 4) {
        atomicAdd(&counts[tid], hist[tid]);
    }
    if (tid == 0) {
        atomicAdd(&counts[4], total(hist));
    }
}

static void order_host(float &a, float &b)
{
    if (a > b) {
        float t = a;
        a = b;
        b = t;
    }
}

int main()
{
    const int n = 1000;
    const int grid = (n + BLOCK - 1) / BLOCK;
    float *h_in = (float *)malloc(n * sizeof(float));
    float *h_out = (float *)malloc(n * sizeof(float));
    Pair *h_pairs = (Pair *)malloc(n * sizeof(Pair));
    int h_counts[5] = {0, 0, 0, 0, 0};
    for (int i = 0; i < n; ++i) {
        h_in[i] = (float)((i * 37) % 101 - 50) / 8.0f;
        h_pairs[i].lo = (float)((i * 13) % 29);
        h_pairs[i].hi = (float)((i * 17) % 31);
    }
    float *d_in, *d_out;
    Pair *d_pairs;
    int *d_counts;
    hipMalloc((void **)&d_in, n * sizeof(float));
    hipMalloc((void **)&d_out, n * sizeof(float));
    hipMalloc((void **)&d_pairs, n * sizeof(Pair));
    hipMalloc((void **)&d_counts, 5 * sizeof(int));
    hipMemcpy(d_in, h_in, n * sizeof(float), hipMemcpyHostToDevice);
    hipMemcpy(d_pairs, h_pairs, n * sizeof(Pair), hipMemcpyHostToDevice);
    hipMemcpy(d_counts, h_counts, 5 * sizeof(int), hipMemcpyHostToDevice);
    hipLaunchKernelGGL(references_kernel, dim3(grid), dim3(BLOCK), 0, 0, d_in, d_out, d_pairs, d_counts, n);
    hipMemcpy(h_out, d_out, n * sizeof(float), hipMemcpyDeviceToHost);
    hipMemcpy(h_counts, d_counts, 5 * sizeof(int), hipMemcpyDeviceToHost);
    Pair *got = (Pair *)malloc(n * sizeof(Pair));
    hipMemcpy(got, d_pairs, n * sizeof(Pair), hipMemcpyDeviceToHost);

    int bad = 0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        // nvcc contracts the device's products into fused multiply-adds (-fmad=true), also across the
        // inlined calls of weighted(), so the last bits may differ from this host arithmetic: compare
        // within a bound, as programs checked on a GPU do
        float re = h_in[i], im = h_in[(i + 7) % n];
        float r = 0.6f * re - 0.8f * im;
        im = 0.6f * im + 0.8f * re;
        re = r;
        order_host(re, im);
        float want = re * 2.0f + im * h_in[i];
        if (fabsf(h_out[i] - want) > 1e-5f * (1.0f + fabsf(want))) {
            ++bad;
        }
        order_host(h_pairs[i].lo, h_pairs[i].hi);
        if (got[i].lo != h_pairs[i].lo || got[i].hi != h_pairs[i].hi) {
            ++bad;
        }
        sum += h_out[i];
    }
    for (int k = 0; k < 4; ++k) {
        int want = (k + 1) * (n / 4);
        if (h_counts[k] != want) {
            ++bad;
        }
        printf("counts[%d] = %d, expected %d\n", k, h_counts[k], want);
    }
    if (h_counts[4] != 2500) {
        ++bad;
    }
    printf("total = %d, expected 2500\n", h_counts[4]);
    printf("sum = %.4f, out[3] = %.4f, pairs[5] = (%.1f, %.1f)\n", sum, h_out[3], got[5].lo, got[5].hi);
    printf("%s\n", bad ? "FAIL" : "PASS");
    hipFree(d_in);
    hipFree(d_out);
    hipFree(d_pairs);
    hipFree(d_counts);
    free(h_in);
    free(h_out);
    free(h_pairs);
    free(got);
    return 0;
}
