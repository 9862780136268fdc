// One kernel and its launch wrapper; `twice` and `offsets` have namesakes in histogram.cu (static:
// each source file keeps its own, as nvcc links them).
#include <cuda_runtime.h>
#include "ops.h"

__constant__ float offsets[4];

static __device__ float twice(float x) { return 2.0f * x; }

__global__ void scale(const float *in, float *out, int n, float factor) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = factor * twice(in[i]) * 0.5f + offsets[i % 4];
}

void scale_on_device(const float *in, float *out, int n, float factor) {
    const float host_offsets[4] = {0.25f, -1.0f, 3.5f, 0.0f};
    cudaMemcpyToSymbol(offsets, host_offsets, sizeof host_offsets);
    scale<<<(n + 127) / 128, 128>>>(in, out, n, factor);
    ++device_calls;
}
