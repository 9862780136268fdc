// Preprocessor branches that are inactive in the configuration translated (no -D options) and mention CUDA
// API names. By default cutrans translates the active configuration, like a compiler, and reports each such
// branch once (warning M005); with --all-branches it renames their CUDA names and includes too (snapshot
// inactive_preprocessor_branches.all_branches.hip), which tests/numeric/test_hip_compile.py builds with hipcc
// as is, with -DUSE_STREAMS -DUSE_EVENTS and with -DUSE_LEGACY_SYNC: the configurations that turn them on.
#include <cstdio>
#include <hip/hip_runtime.h>
#if defined(USE_CUBLAS)
#include <cublas_v2.h>
#endif

#if !defined(__CUDACC__) && !defined(__HIPCC__)
#define __global__          // a host compiler's fallback: no CUDA names, so not reported
#endif

// The program's own random numbers: a name cuRAND also has, left alone wherever it is written.
static unsigned curand(unsigned *state) { return *state = *state * 1664525u + 1013904223u; }

__global__ void scale(float *x, float a, int n)
{
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x)
        x[i] *= a;
}

int main(void)
{
    unsigned seed = 7;
    const int n = 256;
    float host[n];
    for (int i = 0; i < n; ++i) host[i] = (float)(curand(&seed) % 5u);
    float *d;
    hipMalloc(&d, sizeof host);
#ifdef USE_STREAMS
    cudaStream_t stream;                                   // a stream-ordered copy
    cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking);
#if defined(USE_EVENTS)
    cudaEvent_t done;                                      // nested: part of the same inactive branch
    cudaEventCreate(&done);
#endif
    cudaMemcpyAsync(d, host, sizeof host, cudaMemcpyHostToDevice, stream);
    scale<<<(n + 127) / 128, 128, 0, stream>>>(d, 2.0f, n);
    printf("cudaMemcpyAsync on stream %p\n", (void *)stream);   // a string is not a name
    cudaStreamSynchronize(stream);
    cudaStreamDestroy(stream);
    (void)curand(&seed);
#elif defined(USE_LEGACY_SYNC)
    cudaMemcpy(d, host, sizeof host, cudaMemcpyHostToDevice);
    scale<<<(n + 127) / 128, 128>>>(d, 2.0f, n);
    cudaThreadSynchronize();                               // deprecated in CUDA: M002 with --all-branches
#else
    hipMemcpy(d, host, sizeof host, hipMemcpyHostToDevice);
    scale<<<(n + 127) / 128, 128>>>(d, 2.0f, n);
    hipDeviceSynchronize();
#endif
#if 0
    // Kept for reference: the cudaGraph_t version (names in comments are not names).
#include <cub/cub.cuh>
    cudaGraph_t graph;
    cudaGraphCreate(&graph, 0);
    cub::DeviceReduce::Sum(nullptr, bytes, d, d, n);      // the whole qualified name: rewritten
    using namespace cub;
    DeviceReduce::Max(nullptr, bytes, d, d, n);          // a part of it alone: left
    if (status == cudaErrorInvalidPc) return 1;           // no HIP equivalent: left, M001 as a warning
#endif
#ifdef __HIP_PLATFORM_AMD__
    hipDeviceProp_t props;                                 // HIP code: no CUDA names, not reported
    hipGetDeviceProperties(&props, 0);
#endif
    hipMemcpy(host, d, sizeof host, hipMemcpyDeviceToHost);
    hipFree(d);
    printf("host[1] = %.1f\n", host[1]);
    return 0;
}
