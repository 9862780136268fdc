// Streams as in-order queues and events with timing: work on two streams (one non-blocking), a stream
// that waits for another's event, cudaStreamQuery / cudaEventQuery once the work is done, and
// cudaEventElapsedTime around a kernel. Prints no timings, only whether they are consistent.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        cudaError_t err_ = (call);                                           \
        if (err_ != cudaSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cudaGetErrorName(err_), __FILE__, __LINE__);             \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

// x[i] = x[i] * a + b, repeated `rounds` times (enough work for a measurable interval).
__global__ void affine_rounds(float *x, int n, float a, float b, int rounds)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        float v = x[i];
        for (int r = 0; r < rounds; ++r) {
            v = v * a + b;
        }
        x[i] = v;
    }
}

// dst[i] = src[i] + dst[i]
__global__ void accumulate(float *dst, const float *src, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        dst[i] += src[i];
    }
}

int main()
{
    const int n = 1 << 14;
    const size_t bytes = n * sizeof(float);
    int failures = 0;

    float *h_a = NULL, *h_b = NULL;
    CHECK(cudaMallocHost((void **)&h_a, bytes));
    CHECK(cudaMallocHost((void **)&h_b, bytes));
    for (int i = 0; i < n; ++i) {
        h_a[i] = (float)(i % 64) * 0.5f;
        h_b[i] = (float)(i % 7);
    }
    float *d_a = NULL, *d_b = NULL;
    CHECK(cudaMalloc((void **)&d_a, bytes));
    CHECK(cudaMalloc((void **)&d_b, bytes));

    cudaStream_t first, second;
    CHECK(cudaStreamCreate(&first));
    CHECK(cudaStreamCreateWithFlags(&second, cudaStreamNonBlocking));
    cudaEvent_t start, stop, a_ready;
    CHECK(cudaEventCreate(&start));
    CHECK(cudaEventCreate(&stop));
    CHECK(cudaEventCreateWithFlags(&a_ready, cudaEventDisableTiming));

    // first: upload a, time the kernel on it, mark a as ready
    CHECK(cudaMemcpyAsync(d_a, h_a, bytes, cudaMemcpyHostToDevice, first));
    CHECK(cudaEventRecord(start, first));
    affine_rounds<<<n / 256, 256, 0, first>>>(d_a, n, 0.5f, 1.0f, 200);
    CHECK(cudaGetLastError());
    CHECK(cudaEventRecord(stop, first));
    CHECK(cudaEventRecord(a_ready, first));

    // second: upload b meanwhile, then wait for a and add it in
    CHECK(cudaMemcpyAsync(d_b, h_b, bytes, cudaMemcpyHostToDevice, second));
    CHECK(cudaStreamWaitEvent(second, a_ready, 0));
    accumulate<<<n / 256, 256, 0, second>>>(d_b, d_a, n);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpyAsync(h_b, d_b, bytes, cudaMemcpyDeviceToHost, second));
    CHECK(cudaStreamSynchronize(second));
    CHECK(cudaEventSynchronize(stop));

    float ms = -1.0f;
    CHECK(cudaEventElapsedTime(&ms, start, stop));
    printf("kernel interval is positive: %d\n", ms > 0.0f);
    printf("stop query: %s\n", cudaGetErrorName(cudaEventQuery(stop)));
    printf("first stream query: %s\n", cudaGetErrorName(cudaStreamQuery(first)));
    printf("second stream query: %s\n", cudaGetErrorName(cudaStreamQuery(second)));
    printf("default stream query: %s\n", cudaGetErrorName(cudaStreamQuery(0)));

    // the expected values, computed the same way on the host
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        float v = (float)(i % 64) * 0.5f;
        for (int r = 0; r < 200; ++r) {
            v = v * 0.5f + 1.0f;
        }
        float want = (float)(i % 7) + v;
        failures += h_b[i] != want;
        sum += h_b[i];
    }
    printf("b[0] = %.6f, b[%d] = %.6f, sum = %.3f\n", h_b[0], n - 1, h_b[n - 1], sum);

    // the default (legacy) stream orders after the blocking stream's work
    affine_rounds<<<n / 256, 256, 0, first>>>(d_a, n, 2.0f, 0.0f, 1);
    CHECK(cudaMemcpy(h_a, d_a, bytes, cudaMemcpyDeviceToHost));
    failures += h_a[5] != 2.0f * 2.0f;
    printf("a[5] after the second kernel = %.6f\n", h_a[5]);
    CHECK(cudaDeviceSynchronize());

    CHECK(cudaEventDestroy(start));
    CHECK(cudaEventDestroy(stop));
    CHECK(cudaEventDestroy(a_ready));
    CHECK(cudaStreamDestroy(first));
    CHECK(cudaStreamDestroy(second));
    CHECK(cudaFree(d_a));
    CHECK(cudaFree(d_b));
    CHECK(cudaFreeHost(h_a));
    CHECK(cudaFreeHost(h_b));
    printf("failures = %d\n", failures);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
