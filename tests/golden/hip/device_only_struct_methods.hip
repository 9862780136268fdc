#include <hip/hip_runtime.h>
// Structs with no data whose methods are __device__ functions (cuda-samples' SharedMemory<T> idiom): the
// variable holds nothing, each method call becomes a call of a device function, and a method that takes
// the launch's dynamic shared memory (extern __shared__) gets it from its caller. The host side never sees
// these structs: they are device-only, as their methods are.
#include <cstdio>
#include <cstdlib>

template <class T> struct SharedMemory {
    __device__ T *getPointer() { return nullptr; }     // only the specializations below are used
};
template <> struct SharedMemory<float> {
    __device__ float *getPointer() {
        extern __shared__ float s_float[];
        return s_float;
    }
};
template <> struct SharedMemory<int> {
    __device__ int *getPointer() {
        extern __shared__ int s_int[];
        return s_int;
    }
};

struct Scaler {
    __device__ float apply(float x, float k) const { return x * k + 0.5f; }
};

// A device function that reaches the dynamic shared memory only through a method it calls.
template <class T> __device__ T *scratch() {
    SharedMemory<T> smem;
    return smem.getPointer();
}

template <class T> __global__ void block_sums(const T *in, T *out) {
    T *s = scratch<T>();
    unsigned t = threadIdx.x;
    s[t] = in[blockIdx.x * blockDim.x + t];
    __syncthreads();
    for (unsigned half = blockDim.x / 2; half > 0; half /= 2) {
        if (t < half) s[t] += s[t + half];
        __syncthreads();
    }
    if (t == 0) out[blockIdx.x] = s[0];
}

__global__ void scaled(const float *in, float *out, float k) {
    Scaler op;
    unsigned i = blockIdx.x * blockDim.x + threadIdx.x;
    out[i] = op.apply(in[i], k);
}

int main() {
    const int blocks = 8, threads = 128, n = blocks * threads;
    float *xf = (float *)malloc(n * sizeof(float)), *yf = (float *)malloc(n * sizeof(float));
    int *xi = (int *)malloc(n * sizeof(int));
    float sums_f[blocks];
    int sums_i[blocks];
    for (int i = 0; i < n; ++i) {
        xf[i] = 0.25f * (float)(i % 97) - 3.0f;
        xi[i] = (i * 31) % 1000 - 500;
    }
    float *df, *dof, *dy;
    int *di, *doi;
    hipMalloc((void **)&df, n * sizeof(float));
    hipMalloc((void **)&dy, n * sizeof(float));
    hipMalloc((void **)&dof, blocks * sizeof(float));
    hipMalloc((void **)&di, n * sizeof(int));
    hipMalloc((void **)&doi, blocks * sizeof(int));
    hipMemcpy(df, xf, n * sizeof(float), hipMemcpyHostToDevice);
    hipMemcpy(di, xi, n * sizeof(int), hipMemcpyHostToDevice);
    block_sums<float><<<blocks, threads, threads * sizeof(float)>>>(df, dof);
    block_sums<int><<<blocks, threads, threads * sizeof(int)>>>(di, doi);
    scaled<<<blocks, threads>>>(df, dy, 3.0f);
    hipMemcpy(sums_f, dof, sizeof sums_f, hipMemcpyDeviceToHost);
    hipMemcpy(sums_i, doi, sizeof sums_i, hipMemcpyDeviceToHost);
    hipMemcpy(yf, dy, n * sizeof(float), hipMemcpyDeviceToHost);
    int wrong = 0;
    for (int b = 0; b < blocks; ++b) {
        int want = 0;
        for (int t = 0; t < threads; ++t) want += xi[b * threads + t];
        wrong += sums_i[b] != want;
        printf("block %d: float sum %.4f, int sum %d\n", b, sums_f[b], sums_i[b]);
    }
    for (int i = 0; i < n; ++i) wrong += yf[i] != xf[i] * 3.0f + 0.5f;
    printf("y[1] %.4f, y[%d] %.4f\n", yf[1], n - 1, yf[n - 1]);
    hipFree(df); hipFree(dy); hipFree(dof); hipFree(di); hipFree(doi);
    free(xf); free(yf); free(xi);
    printf("%s\n", wrong ? "FAIL" : "PASS");
    return wrong != 0;
}
