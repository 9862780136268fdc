// Streams as in-order queues and events with timing: work on two streams (one non-blocking), a stream
// that waits for another's event, cudaStreamQuery / cudaEventQuery once the work is done, and
// cudaEventElapsedTime around a kernel. Prints no timings, only whether they are consistent.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "runtime_events_streams.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorName(err_), __FILE__, __LINE__);             \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

// x[i] = x[i] * a + b, repeated `rounds` times (enough work for a measurable interval).
/* cutrans: kernel 'affine_rounds' moved to runtime_events_streams.cl */











// dst[i] = src[i] + dst[i]
/* cutrans: kernel 'accumulate' moved to runtime_events_streams.cl */







int main()
{
    const int n = 1 << 14;
    const size_t bytes = n * sizeof(float);
    int failures = 0;

    float *h_a = NULL, *h_b = NULL;
    CHECK(oclrtMallocHost((void **)&h_a, bytes));
    CHECK(oclrtMallocHost((void **)&h_b, bytes));
    for (int i = 0; i < n; ++i) {
        h_a[i] = (float)(i % 64) * 0.5f;
        h_b[i] = (float)(i % 7);
    }
    float *d_a = NULL, *d_b = NULL;
    CHECK(oclrtMalloc((void **)&d_a, bytes));
    CHECK(oclrtMalloc((void **)&d_b, bytes));

    oclrtStream_t first, second;
    CHECK(oclrtStreamCreate(&first));
    CHECK(oclrtStreamCreateWithFlags(&second, oclrtStreamNonBlocking));
    oclrtEvent_t start, stop, a_ready;
    CHECK(oclrtEventCreate(&start));
    CHECK(oclrtEventCreate(&stop));
    CHECK(oclrtEventCreateWithFlags(&a_ready, oclrtEventDisableTiming));

    // first: upload a, time the kernel on it, mark a as ready
    CHECK(oclrtMemcpyAsync(d_a, h_a, bytes, oclrtMemcpyHostToDevice, first));
    CHECK(oclrtEventRecord(start, first));
    cutrans_launch_affine_rounds(n / 256, 256, 0, first, d_a, n, 0.5f, 1.0f, 200);
    CHECK(oclrtGetLastError());
    CHECK(oclrtEventRecord(stop, first));
    CHECK(oclrtEventRecord(a_ready, first));

    // second: upload b meanwhile, then wait for a and add it in
    CHECK(oclrtMemcpyAsync(d_b, h_b, bytes, oclrtMemcpyHostToDevice, second));
    CHECK(oclrtStreamWaitEvent(second, a_ready, 0));
    cutrans_launch_accumulate(n / 256, 256, 0, second, d_b, d_a, n);
    CHECK(oclrtGetLastError());
    CHECK(oclrtMemcpyAsync(h_b, d_b, bytes, oclrtMemcpyDeviceToHost, second));
    CHECK(oclrtStreamSynchronize(second));
    CHECK(oclrtEventSynchronize(stop));

    float ms = -1.0f;
    CHECK(oclrtEventElapsedTime(&ms, start, stop));
    printf("kernel interval is positive: %d\n", ms > 0.0f);
    printf("stop query: %s\n", oclrtGetErrorName(oclrtEventQuery(stop)));
    printf("first stream query: %s\n", oclrtGetErrorName(oclrtStreamQuery(first)));
    printf("second stream query: %s\n", oclrtGetErrorName(oclrtStreamQuery(second)));
    printf("default stream query: %s\n", oclrtGetErrorName(oclrtStreamQuery(0)));

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
    CHECK(oclrtMemcpy(h_a, d_a, bytes, oclrtMemcpyDeviceToHost));
    failures += h_a[5] != 2.0f * 2.0f;
    printf("a[5] after the second kernel = %.6f\n", h_a[5]);
    CHECK(oclrtDeviceSynchronize());

    CHECK(oclrtEventDestroy(start));
    CHECK(oclrtEventDestroy(stop));
    CHECK(oclrtEventDestroy(a_ready));
    CHECK(oclrtStreamDestroy(first));
    CHECK(oclrtStreamDestroy(second));
    CHECK(oclrtFree(d_a));
    CHECK(oclrtFree(d_b));
    CHECK(oclrtFreeHost(h_a));
    CHECK(oclrtFreeHost(h_b));
    printf("failures = %d\n", failures);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
