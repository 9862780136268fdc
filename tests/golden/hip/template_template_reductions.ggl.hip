#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"
// Reductions parameterized by a template template parameter whose operations are static methods (HeCBench
// rmsnorm's `BlockReduce<SumOp, float>(v)` calling `Func<T>::op(a, b)` and `Func<T>::init()`), passed on from
// one device function template to another (`WarpReduce<Func, T>`). Each instance binds the parameter to the
// class template the call names; a static method, of a struct with data too, is a device function of its own.
#include <cmath>
#include <cstdio>

template <typename T> struct SumOp {
    __device__ static T init() { return T(0); }
    __device__ static T op(const T &x, const T &y) { return x + y; }
};

template <typename T> struct MaxOp {
    __device__ static T init() { return -INFINITY; }
    __device__ static T op(const T &x, const T &y) { return x > y ? x : y; }
};

struct Stats {                  // data, and a static method that needs none
    float mean, rms;
    __host__ __device__ static float rms_of(float sum_squares, int n) { return sqrtf(sum_squares / n); }
};

template <template <class> class Func, typename T>
__device__ T WarpReduce(T val)
{
    for (int offset = 16; offset > 0; offset >>= 1) {
        T other = cutrans_warp32_shfl_xor_sync(0xffffffffu, val, offset);
        val = Func<T>::op(other, val);
    }
    return val;
}

template <template <class> class Func, typename T>
__device__ T BlockReduce(const T &val)
{
    __shared__ T partial[32];
    const int warp = threadIdx.x / 32, lane = threadIdx.x % 32, warps = (blockDim.x + 31) / 32;
    T v = WarpReduce<Func, T>(Func<T>::op(Func<T>::init(), val));
    if (lane == 0) {
        partial[warp] = v;
    }
    __syncthreads();
    if (warp == 0) {
        v = lane < warps ? partial[lane] : Func<T>::init();
        v = WarpReduce<Func, T>(v);
        if (lane == 0) {
            partial[0] = v;
        }
    }
    __syncthreads();
    return partial[0];
}

__global__ void row_stats(const float *x, Stats *stats, float *peak, int cols)
{
    const float *row = x + blockIdx.x * cols;
    float s = 0.0f, q = 0.0f, m = -INFINITY;
    for (int c = threadIdx.x; c < cols; c += blockDim.x) {
        s += row[c];
        q += row[c] * row[c];
        m = fmaxf(m, row[c]);
    }
    float sum = BlockReduce<SumOp, float>(s);
    float squares = BlockReduce<SumOp, float>(q);
    float largest = BlockReduce<MaxOp, float>(m);
    if (threadIdx.x == 0) {
        stats[blockIdx.x] = Stats{sum / cols, Stats::rms_of(squares, cols)};
        peak[blockIdx.x] = largest;
    }
}

int main()
{
    const int rows = 6, cols = 1000;
    static float x[rows * cols], peak[rows];
    static Stats stats[rows];
    unsigned state = 3u;
    for (int i = 0; i < rows * cols; ++i) {
        state = state * 1664525u + 1013904223u;
        x[i] = (float)(state >> 8) / 16777216.0f * 4.0f - 2.0f;
    }
    float *d_x, *d_peak;
    Stats *d_stats;
    hipMalloc(&d_x, sizeof(x));
    hipMalloc(&d_peak, sizeof(peak));
    hipMalloc(&d_stats, sizeof(stats));
    hipMemcpy(d_x, x, sizeof(x), hipMemcpyHostToDevice);
    hipLaunchKernelGGL(row_stats, dim3(rows), dim3(256), 0, 0, d_x, d_stats, d_peak, cols);
    hipMemcpy(stats, d_stats, sizeof(stats), hipMemcpyDeviceToHost);
    hipMemcpy(peak, d_peak, sizeof(peak), hipMemcpyDeviceToHost);
    int bad = 0;
    for (int r = 0; r < rows; ++r) {
        double s = 0.0, q = 0.0;
        float m = -INFINITY;
        for (int c = 0; c < cols; ++c) {
            float v = x[r * cols + c];
            s += v;
            q += (double)v * v;
            m = v > m ? v : m;
        }
        bad += fabs(stats[r].mean - s / cols) > 1e-5 || fabs(stats[r].rms - sqrt(q / cols)) > 1e-5 || peak[r] != m;
        printf("row %d: mean %.8g, rms %.8g, peak %.8g\n", r, stats[r].mean, stats[r].rms, peak[r]);
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
