// Read-only cache hints and unrolling: __ldg on float, int and float4, __restrict__ and
// const __restrict__ pointers, #pragma unroll (full, over a constant trip count) and #pragma unroll 4
// (partial, over a trip count the compiler does not know). None of them may change a result.
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

#define TAPS 5

__global__ void stencil(const float *__restrict__ in, const int *__restrict__ weights,
                        const float4 *__restrict__ quads, float *__restrict__ out, int n, int reps)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    float acc = 0.0f;
#pragma unroll
    for (int k = 0; k < TAPS; ++k) {
        int j = min(max(i + k - TAPS / 2, 0), n - 1);
        acc += __ldg(&in[j]) * (float)__ldg(weights + k);
    }
    float4 q = __ldg(&quads[i % 4]);
    float extra = 0.0f;
#pragma unroll 4
    for (int r = 0; r < reps; ++r) {
        extra += q.x * (float)r - q.y + q.z * q.w;
    }
    out[i] = acc + extra;
}

__global__ void scale_inplace(float *__restrict__ data, const float scale, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
#pragma unroll 2
    for (int k = i; k < n; k += blockDim.x * gridDim.x) {
        data[k] = data[k] * scale;
    }
}

int main()
{
    const int n = 1000, reps = 7;
    float *h_in = (float *)malloc(n * sizeof(float));
    float *h_out = (float *)malloc(n * sizeof(float));
    const int h_w[TAPS] = {1, -2, 4, -2, 1};
    const float4 h_q[4] = {{1.0f, 2.0f, 0.5f, 4.0f}, {-1.0f, 0.25f, 3.0f, 1.0f},
                           {0.5f, 0.5f, 0.5f, 0.5f}, {2.0f, -3.0f, 1.0f, -1.0f}};
    for (int i = 0; i < n; ++i) {
        h_in[i] = (float)((i * 37) % 101) * 0.125f - 6.0f;
    }
    float *d_in, *d_out;
    int *d_w;
    float4 *d_q;
    CHECK(cudaMalloc((void **)&d_in, n * sizeof(float)));
    CHECK(cudaMalloc((void **)&d_out, n * sizeof(float)));
    CHECK(cudaMalloc((void **)&d_w, sizeof(h_w)));
    CHECK(cudaMalloc((void **)&d_q, sizeof(h_q)));
    CHECK(cudaMemcpy(d_in, h_in, n * sizeof(float), cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(d_w, h_w, sizeof(h_w), cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(d_q, h_q, sizeof(h_q), cudaMemcpyHostToDevice));
    stencil<<<(n + 127) / 128, 128>>>(d_in, d_w, d_q, d_out, n, reps);
    scale_inplace<<<3, 64>>>(d_out, 0.5f, n);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
    CHECK(cudaMemcpy(h_out, d_out, n * sizeof(float), cudaMemcpyDeviceToHost));

    int bad = 0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        float acc = 0.0f;
        for (int k = 0; k < TAPS; ++k) {
            int j = i + k - TAPS / 2;
            j = j < 0 ? 0 : (j > n - 1 ? n - 1 : j);
            acc += h_in[j] * (float)h_w[k];
        }
        float4 q = h_q[i % 4];
        float extra = 0.0f;
        for (int r = 0; r < reps; ++r) {
            extra += q.x * (float)r - q.y + q.z * q.w;
        }
        float want = (acc + extra) * 0.5f;
        bad += h_out[i] != want;
        sum += h_out[i];
        if (i % 125 == 0) {
            printf("out[%d] = %.6f\n", i, h_out[i]);
        }
    }
    printf("sum = %.4f, wrong = %d\n", sum, bad);
    CHECK(cudaFree(d_in));
    CHECK(cudaFree(d_out));
    CHECK(cudaFree(d_w));
    CHECK(cudaFree(d_q));
    free(h_in);
    free(h_out);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
