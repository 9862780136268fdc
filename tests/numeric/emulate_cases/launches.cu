// Launch shapes the normalizer must take apart: template-ids, deduced templates, namespaces,
// macros, streams, dynamic shared memory (also in a template), multi-line launches, device printf.
#include <cstdio>
#include <cuda_runtime.h>

#define CHECK(call) do { if ((call) != cudaSuccess) { printf("error at line %d\n", __LINE__); return 1; } } while (0)
#define LAUNCH(...) __VA_ARGS__

namespace ops {
template <typename T, int SCALE>
__global__ void scale(T *data, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        data[i] *= SCALE;
    }
}
}  // namespace ops

template <typename T>
__global__ void fill(T *data, T value, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        data[i] = value;
    }
}

// Reverses each block's slice through dynamic shared memory.
__global__ void reverse_block(float *data)
{
    extern __shared__ float buf[];
    unsigned t = threadIdx.x;
    buf[t] = data[blockIdx.x * blockDim.x + t];
    __syncthreads();
    data[blockIdx.x * blockDim.x + t] = buf[blockDim.x - 1 - t];
}

template <typename T>
__global__ void pairs(T *data)
{
    extern __shared__ __align__(16) unsigned char raw[];
    T *cache = reinterpret_cast<T *>(raw);
    cache[threadIdx.x] = data[threadIdx.x];
    __syncthreads();
    data[threadIdx.x] = cache[threadIdx.x ^ 1];
}

__global__ void hello(int tag)
{
    if (threadIdx.x == 0 && blockIdx.x == 1) {
        printf("hello from block %d thread %d tag %d\n", blockIdx.x, threadIdx.x, tag);
    }
}

int main()
{
    const int n = 300;
    float *d;
    int *di;
    float h[n];
    int hi[n];
    CHECK(cudaMalloc((void **)&d, n * sizeof(float)));
    CHECK(cudaMalloc((void **)&di, n * sizeof(int)));
    cudaStream_t stream;
    CHECK(cudaStreamCreate(&stream));

    fill<<<(n + 63) / 64, 64>>>(d, 1.5f, n);                      // deduced template
    ops::scale<float, 4><<<dim3((n + 63) / 64), dim3(64), 0, stream>>>(d, n);
    LAUNCH(fill<int><<<(n + 31) / 32, 32>>>(di, 7, n));          // inside a macro argument
    ::ops::scale<int, 3>
        <<<(n + 127) / 128,
           128>>>
        (di,
         n);                                                       // across lines
    CHECK(cudaGetLastError());
    CHECK(cudaStreamSynchronize(stream));
    CHECK(cudaMemcpy(h, d, sizeof(h), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(hi, di, sizeof(hi), cudaMemcpyDeviceToHost));
    int errors = 0;
    for (int i = 0; i < n; ++i) {
        errors += h[i] != 6.0f || hi[i] != 21;
    }

    for (int i = 0; i < 256; ++i) {
        h[i] = (float)i;
    }
    CHECK(cudaMemcpy(d, h, 256 * sizeof(float), cudaMemcpyHostToDevice));
    reverse_block<<<4, 64, 64 * sizeof(float)>>>(d);
    CHECK(cudaMemcpy(h, d, 256 * sizeof(float), cudaMemcpyDeviceToHost));
    for (int i = 0; i < 256; ++i) {
        errors += h[i] != (float)((i / 64) * 64 + 63 - i % 64);
    }

    double hd[8], *dd;
    for (int i = 0; i < 8; ++i) {
        hd[i] = 0.5 * i;
    }
    CHECK(cudaMalloc((void **)&dd, sizeof(hd)));
    CHECK(cudaMemcpy(dd, hd, sizeof(hd), cudaMemcpyHostToDevice));
    pairs<double><<<1, 8, 8 * sizeof(double), 0>>>(dd);
    CHECK(cudaMemcpy(hd, dd, sizeof(hd), cudaMemcpyDeviceToHost));
    for (int i = 0; i < 8; ++i) {
        errors += hd[i] != 0.5 * (i ^ 1);
    }
    printf("launch of 2000 threads per block: ");
    fill<<<1, 2000>>>(d, 0.0f, n);
    cudaError_t err = cudaGetLastError();
    printf("%s\n", cudaGetErrorName(err));
    errors += err != cudaErrorInvalidConfiguration;
    hello<<<2, 32>>>(42);
    CHECK(cudaDeviceSynchronize());
    printf("a string with <<<1, 2>>>(x) in it stays\n"); // k<<<1,1>>>() in a comment
    printf("errors = %d\n%s\n", errors, errors ? "FAIL" : "PASS");
    return errors != 0;
}
