// Streams as in-order queues and events with timing: work on two streams (one non-blocking), a stream
// that waits for another's event, cudaStreamQuery / cudaEventQuery once the work is done, and
// cudaEventElapsedTime around a kernel. Prints no timings, only whether they are consistent.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        hipError_t err_ = (call);                                           \
        if (err_ != hipSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    hipGetErrorName(err_), __FILE__, __LINE__);             \
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
    CHECK(hipHostMalloc((void **)&h_a, bytes));
    CHECK(hipHostMalloc((void **)&h_b, bytes));
    for (int i = 0; i < n; ++i) {
        h_a[i] = (float)(i % 64) * 0.5f;
        h_b[i] = (float)(i % 7);
    }
    float *d_a = NULL, *d_b = NULL;
    CHECK(hipMalloc((void **)&d_a, bytes));
    CHECK(hipMalloc((void **)&d_b, bytes));

    hipStream_t first, second;
    CHECK(hipStreamCreate(&first));
    CHECK(hipStreamCreateWithFlags(&second, hipStreamNonBlocking));
    hipEvent_t start, stop, a_ready;
    CHECK(hipEventCreate(&start));
    CHECK(hipEventCreate(&stop));
    CHECK(hipEventCreateWithFlags(&a_ready, hipEventDisableTiming));

    // first: upload a, time the kernel on it, mark a as ready
    CHECK(hipMemcpyAsync(d_a, h_a, bytes, hipMemcpyHostToDevice, first));
    CHECK(hipEventRecord(start, first));
    affine_rounds<<<n / 256, 256, 0, first>>>(d_a, n, 0.5f, 1.0f, 200);
    CHECK(hipGetLastError());
    CHECK(hipEventRecord(stop, first));
    CHECK(hipEventRecord(a_ready, first));

    // second: upload b meanwhile, then wait for a and add it in
    CHECK(hipMemcpyAsync(d_b, h_b, bytes, hipMemcpyHostToDevice, second));
    CHECK(hipStreamWaitEvent(second, a_ready, 0));
    accumulate<<<n / 256, 256, 0, second>>>(d_b, d_a, n);
    CHECK(hipGetLastError());
    CHECK(hipMemcpyAsync(h_b, d_b, bytes, hipMemcpyDeviceToHost, second));
    CHECK(hipStreamSynchronize(second));
    CHECK(hipEventSynchronize(stop));

    float ms = -1.0f;
    CHECK(hipEventElapsedTime(&ms, start, stop));
    printf("kernel interval is positive: %d\n", ms > 0.0f);
    printf("stop query: %s\n", hipGetErrorName(hipEventQuery(stop)));
    printf("first stream query: %s\n", hipGetErrorName(hipStreamQuery(first)));
    printf("second stream query: %s\n", hipGetErrorName(hipStreamQuery(second)));
    printf("default stream query: %s\n", hipGetErrorName(hipStreamQuery(0)));

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
    CHECK(hipMemcpy(h_a, d_a, bytes, hipMemcpyDeviceToHost));
    failures += h_a[5] != 2.0f * 2.0f;
    printf("a[5] after the second kernel = %.6f\n", h_a[5]);
    CHECK(hipDeviceSynchronize());

    CHECK(hipEventDestroy(start));
    CHECK(hipEventDestroy(stop));
    CHECK(hipEventDestroy(a_ready));
    CHECK(hipStreamDestroy(first));
    CHECK(hipStreamDestroy(second));
    CHECK(hipFree(d_a));
    CHECK(hipFree(d_b));
    CHECK(hipHostFree(h_a));
    CHECK(hipHostFree(h_b));
    printf("failures = %d\n", failures);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
