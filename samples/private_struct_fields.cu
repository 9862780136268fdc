// Regression sample: a class whose fields are private, passed to kernels by value and by pointer. The
// launch glue checked the host's layout with offsetof on every field, which C++ refuses for a private one,
// so the OpenCL and CPU host code did not compile. Such a class keeps its size and alignment checks; its
// field offsets are the frontend's (it checks them against clang's layout of the same definition).
#include <cstdio>
#include <cuda_runtime.h>

class Interval {
    float lo_, hi_;
    int hits_;

public:
    __host__ __device__ Interval() : lo_(0.0f), hi_(0.0f), hits_(0) {}
    __host__ __device__ Interval(float lo, float hi) : lo_(lo), hi_(hi), hits_(0) {}
    __host__ __device__ bool holds(float x) const { return x >= lo_ && x < hi_; }
    __host__ __device__ float width() const { return hi_ - lo_; }
    __host__ __device__ void hit() { ++hits_; }
    __host__ __device__ int hits() const { return hits_; }
};

struct Counter {
    int total;

private:
    int spare_;
};

__global__ void classify(const float *x, int n, Interval band, Interval *per_block, float *width)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n && band.holds(x[i])) {
        atomicAdd(width, band.width() / n);
    }
    if (threadIdx.x == 0) {
        per_block[blockIdx.x].hit();
    }
}

__global__ void count(const float *x, int n, Counter *c)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n && x[i] > 0.5f) atomicAdd(&c->total, 1);
}

int main()
{
    const int n = 1000, blocks = (n + 127) / 128;
    float h[n];
    for (int i = 0; i < n; ++i) h[i] = (float)((i * 37) % 100) / 100.0f;
    float *x, *width;
    Interval *per_block;
    Counter *c;
    cudaMalloc((void **)&x, sizeof h);
    cudaMalloc((void **)&width, sizeof(float));
    cudaMalloc((void **)&per_block, blocks * sizeof(Interval));
    cudaMalloc((void **)&c, sizeof(Counter));
    cudaMemcpy(x, h, sizeof h, cudaMemcpyHostToDevice);
    cudaMemset(width, 0, sizeof(float));
    cudaMemset(c, 0, sizeof(Counter));
    Interval init[blocks] = {};
    cudaMemcpy(per_block, init, sizeof init, cudaMemcpyHostToDevice);
    classify<<<blocks, 128>>>(x, n, Interval(0.25f, 0.75f), per_block, width);
    count<<<blocks, 128>>>(x, n, c);
    float w;
    Interval back[blocks] = {};
    Counter hc;
    cudaMemcpy(&w, width, sizeof w, cudaMemcpyDeviceToHost);
    cudaMemcpy(back, per_block, sizeof back, cudaMemcpyDeviceToHost);
    cudaMemcpy(&hc, c, sizeof hc, cudaMemcpyDeviceToHost);
    int hits = 0;
    for (int b = 0; b < blocks; ++b) hits += back[b].hits();
    printf("width sum %.4f, block hits %d, above half %d\n", w, hits, hc.total);
    int ok = hits == blocks && hc.total == 490;
    printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
