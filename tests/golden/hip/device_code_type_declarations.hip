// Regression sample: declarations that name types or check facts and make no code, in device code and
// in structs that device code uses: a member type alias (HeCBench hadamard's `using index_t = ...`), a
// static_assert in a struct and in a kernel (HeCBench score), and an enum declared inside a kernel
// (HeCBench graphB+). Each was refused (L001, L003); now the names resolve and no code is made.
#include <cstdio>
#include <hip/hip_runtime.h>

struct Params {
    using index_t = long long;
    typedef float value_t;
    static_assert(sizeof(index_t) == 8, "64-bit strides");
    index_t stride;
    value_t scale;
    int count;
};

#define BINS 64
#define WARP 32

__global__ void classify(Params p, const float *in, int *labels, float *scaled)
{
    static_assert(BINS % WARP == 0, "bins must be a multiple of the warp width");
    enum { negative, small, large };
    using index_t = Params::index_t;
    index_t i = (index_t)blockIdx.x * blockDim.x + threadIdx.x;
    if (i < p.count) {
        Params::value_t v = in[i * p.stride];
        labels[i] = v < 0.0f ? negative : v < 1.0f ? small : large;
        scaled[i] = v * p.scale;
    }
}

int main()
{
    const int n = 100, stride = 2;
    float h[n * stride];
    for (int i = 0; i < n * stride; ++i) {
        h[i] = 0.05f * (float)(i % 61) - 1.0f;
    }
    float *d_in, *d_scaled;
    int *d_labels;
    hipMalloc((void **)&d_in, sizeof h);
    hipMalloc((void **)&d_scaled, n * sizeof(float));
    hipMalloc((void **)&d_labels, n * sizeof(int));
    hipMemcpy(d_in, h, sizeof h, hipMemcpyHostToDevice);
    Params p;
    p.stride = stride;
    p.scale = 4.0f;
    p.count = n;
    classify<<<(n + 63) / 64, 64>>>(p, d_in, d_labels, d_scaled);
    int labels[n];
    float scaled[n];
    hipMemcpy(labels, d_labels, sizeof labels, hipMemcpyDeviceToHost);
    hipMemcpy(scaled, d_scaled, sizeof scaled, hipMemcpyDeviceToHost);
    int errors = 0, counts[3] = {0, 0, 0};
    for (int i = 0; i < n; ++i) {
        float v = h[i * stride];
        errors += labels[i] != (v < 0.0f ? 0 : v < 1.0f ? 1 : 2);
        errors += scaled[i] != v * 4.0f;
        counts[labels[i]] += 1;
    }
    printf("negative %d, small %d, large %d, scaled[7] = %g\n", counts[0], counts[1], counts[2], scaled[7]);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    hipFree(d_in);
    hipFree(d_scaled);
    hipFree(d_labels);
    return 0;
}
