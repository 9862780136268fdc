// Streams as in-order queues and events with timing: work on two streams (one non-blocking), a stream
// that waits for another's event, cudaStreamQuery / cudaEventQuery once the work is done, and
// cudaEventElapsedTime around a kernel. Prints no timings, only whether they are consistent.
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "runtime_events_streams.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        cpurtError_t err_ = (call);                                           \
        if (err_ != cpurtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cpurtGetErrorName(err_), __FILE__, __LINE__);             \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

// x[i] = x[i] * a + b, repeated `rounds` times (enough work for a measurable interval).
/* cutrans: kernel 'affine_rounds' moved to runtime_events_streams.kernels.c */











// dst[i] = src[i] + dst[i]
/* cutrans: kernel 'accumulate' moved to runtime_events_streams.kernels.c */







int main()
{
    const int n = 1 << 14;
    const size_t bytes = n * sizeof(float);
    int failures = 0;

    float *h_a = NULL, *h_b = NULL;
    CHECK(cpurtMallocHost((void **)&h_a, bytes));
    CHECK(cpurtMallocHost((void **)&h_b, bytes));
    for (int i = 0; i < n; ++i) {
        h_a[i] = (float)(i % 64) * 0.5f;
        h_b[i] = (float)(i % 7);
    }
    float *d_a = NULL, *d_b = NULL;
    CHECK(cpurtMalloc((void **)&d_a, bytes));
    CHECK(cpurtMalloc((void **)&d_b, bytes));

    cpurtStream_t first, second;
    CHECK(cpurtStreamCreate(&first));
    CHECK(cpurtStreamCreateWithFlags(&second, cpurtStreamNonBlocking));
    cpurtEvent_t start, stop, a_ready;
    CHECK(cpurtEventCreate(&start));
    CHECK(cpurtEventCreate(&stop));
    CHECK(cpurtEventCreateWithFlags(&a_ready, cpurtEventDisableTiming));

    // first: upload a, time the kernel on it, mark a as ready
    CHECK(cpurtMemcpyAsync(d_a, h_a, bytes, cpurtMemcpyHostToDevice, first));
    CHECK(cpurtEventRecord(start, first));
    cutrans_launch_affine_rounds(n / 256, 256, 0, first, d_a, n, 0.5f, 1.0f, 200);
    CHECK(cpurtGetLastError());
    CHECK(cpurtEventRecord(stop, first));
    CHECK(cpurtEventRecord(a_ready, first));

    // second: upload b meanwhile, then wait for a and add it in
    CHECK(cpurtMemcpyAsync(d_b, h_b, bytes, cpurtMemcpyHostToDevice, second));
    CHECK(cpurtStreamWaitEvent(second, a_ready, 0));
    cutrans_launch_accumulate(n / 256, 256, 0, second, d_b, d_a, n);
    CHECK(cpurtGetLastError());
    CHECK(cpurtMemcpyAsync(h_b, d_b, bytes, cpurtMemcpyDeviceToHost, second));
    CHECK(cpurtStreamSynchronize(second));
    CHECK(cpurtEventSynchronize(stop));

    float ms = -1.0f;
    CHECK(cpurtEventElapsedTime(&ms, start, stop));
    printf("kernel interval is positive: %d\n", ms > 0.0f);
    printf("stop query: %s\n", cpurtGetErrorName(cpurtEventQuery(stop)));
    printf("first stream query: %s\n", cpurtGetErrorName(cpurtStreamQuery(first)));
    printf("second stream query: %s\n", cpurtGetErrorName(cpurtStreamQuery(second)));
    printf("default stream query: %s\n", cpurtGetErrorName(cpurtStreamQuery(0)));

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
    cutrans_launch_affine_rounds(n / 256, 256, 0, first, d_a, n, 2.0f, 0.0f, 1);
    CHECK(cpurtMemcpy(h_a, d_a, bytes, cpurtMemcpyDeviceToHost));
    failures += h_a[5] != 2.0f * 2.0f;
    printf("a[5] after the second kernel = %.6f\n", h_a[5]);
    CHECK(cpurtDeviceSynchronize());

    CHECK(cpurtEventDestroy(start));
    CHECK(cpurtEventDestroy(stop));
    CHECK(cpurtEventDestroy(a_ready));
    CHECK(cpurtStreamDestroy(first));
    CHECK(cpurtStreamDestroy(second));
    CHECK(cpurtFree(d_a));
    CHECK(cpurtFree(d_b));
    CHECK(cpurtFreeHost(h_a));
    CHECK(cpurtFreeHost(h_b));
    printf("failures = %d\n", failures);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
