// Class templates with data in device code: instances as buffer elements, kernel parameters and locals
// (Pair<float>, Bins<int, 4>), an instance of an instance (Pair<Pair<float>>), and an explicit specialization
// with fields of its own (Pair<char>). Each is a C struct named by its arguments (Pair_float, Bins_int_4).
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

template <class T>
struct Pair {
    T first;
    T second;
};

template <>
struct Pair<char> {              // a specialization with other fields
    int code;
    float weight;
};

template <class T, int N>
struct Bins {
    T count[N];
    T total;
};

__global__ void bin_pairs(const Pair<float>* pairs, Bins<int, 4>* bins, Pair<char> tag, float* out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    Pair<float> p = pairs[i];
    Pair<Pair<float> > both = {p, {p.second, p.first}};
    float span = both.first.second - both.second.second;
    int bin = (int)(span * 0.5f) & 3;
    atomicAdd(&bins->count[bin], 1);
    atomicAdd(&bins->total, tag.code);
    out[i] = span * tag.weight;
}

int main() {
    const int n = 400;
    Pair<float>* h_pairs = (Pair<float>*)malloc(n * sizeof(Pair<float>));
    for (int i = 0; i < n; ++i) {
        h_pairs[i].first = 0.25f * (i % 13);
        h_pairs[i].second = 0.5f * (i % 7) + 0.25f * (i % 13);
    }
    Pair<float>* d_pairs;
    Bins<int, 4>* d_bins;
    float* d_out;
    CHECK(cudaMalloc(&d_pairs, n * sizeof(Pair<float>)));
    CHECK(cudaMalloc(&d_bins, sizeof(Bins<int, 4>)));
    CHECK(cudaMalloc(&d_out, n * sizeof(float)));
    CHECK(cudaMemcpy(d_pairs, h_pairs, n * sizeof(Pair<float>), cudaMemcpyHostToDevice));
    CHECK(cudaMemset(d_bins, 0, sizeof(Bins<int, 4>)));
    Pair<char> tag = {3, 1.5f};
    bin_pairs<<<(n + 127) / 128, 128>>>(d_pairs, d_bins, tag, d_out, n);
    CHECK(cudaGetLastError());
    Bins<int, 4> bins;
    float* out = (float*)malloc(n * sizeof(float));
    CHECK(cudaMemcpy(&bins, d_bins, sizeof bins, cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(out, d_out, n * sizeof(float), cudaMemcpyDeviceToHost));

    int errors = 0, want[4] = {0, 0, 0, 0};
    for (int i = 0; i < n; ++i) {
        float span = h_pairs[i].second - h_pairs[i].first;
        ++want[(int)(span * 0.5f) & 3];
        errors += out[i] != span * 1.5f;
    }
    for (int b = 0; b < 4; ++b) errors += bins.count[b] != want[b];
    errors += bins.total != 3 * n;
    printf("bins: %d %d %d %d, total %d\n", bins.count[0], bins.count[1], bins.count[2], bins.count[3], bins.total);
    printf("out[5] = %.3f, out[399] = %.3f\n", out[5], out[399]);
    printf("errors = %d\n", errors);
    CHECK(cudaFree(d_pairs));
    CHECK(cudaFree(d_bins));
    CHECK(cudaFree(d_out));
    free(h_pairs);
    free(out);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    return errors == 0 ? 0 : 1;
}
