// The CUDA runtime's memory API from the host: pinned (cudaMallocHost, cudaHostAlloc) and managed
// memory, pitched allocations with 2-D copies and 2-D memsets, byte memsets, asynchronous copies and
// memsets on a stream, device-to-device copies, and __constant__ symbols written asynchronously.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "runtime_memory_api.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorName(err_), __FILE__, __LINE__);             \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

/* cutrans: constant 'offset_by' moved to runtime_memory_api.cl */

// Each row of a pitched matrix: m[r][c] = m[r][c] * scale + offset_by[r % 4].
/* cutrans: kernel 'scale_pitched_rows' moved to runtime_memory_api.cl */









/* cutrans: kernel 'add_into' moved to runtime_memory_api.cl */







int main()
{
    const int rows = 37, cols = 45, n = 1000;
    int failures = 0;

    // pitched matrix: host (pinned) -> device with cudaMemcpy2D, kernel, device -> host
    float *h_mat = NULL;
    CHECK(oclrtMallocHost((void **)&h_mat, rows * cols * sizeof(float)));
    for (int i = 0; i < rows * cols; ++i) {
        h_mat[i] = (float)(i % 17) - 8.0f;
    }
    float *d_mat = NULL;
    size_t pitch = 0;
    CHECK(oclrtMallocPitch((void **)&d_mat, &pitch, cols * sizeof(float), rows));
    printf("pitch covers a row: %d, pitch is a multiple of 4 bytes: %d\n",
           pitch >= cols * sizeof(float), pitch % 4 == 0);
    CHECK(oclrtMemset2D(d_mat, pitch, 0, cols * sizeof(float), rows));
    CHECK(oclrtMemcpy2D(d_mat, pitch, h_mat, cols * sizeof(float), cols * sizeof(float), rows,
                       oclrtMemcpyHostToDevice));
    const float offsets[4] = {0.5f, -1.0f, 2.0f, 0.25f};
    oclrtStream_t stream;
    CHECK(oclrtStreamCreate(&stream));
    CHECK(oclrtMemcpyToSymbolAsync(offset_by, offsets, sizeof(offsets), 0, oclrtMemcpyHostToDevice, stream));
    cutrans_launch_scale_pitched_rows(dim3((cols + 31) / 32, rows), 32, 0, stream, d_mat, pitch, rows, cols, 3.0f);
    CHECK(oclrtGetLastError());
    float *h_back = NULL;
    CHECK(oclrtHostAlloc((void **)&h_back, rows * cols * sizeof(float), oclrtHostAllocDefault));
    CHECK(oclrtMemcpy2DAsync(h_back, cols * sizeof(float), d_mat, pitch, cols * sizeof(float), rows,
                            oclrtMemcpyDeviceToHost, stream));
    CHECK(oclrtStreamSynchronize(stream));
    double sum = 0.0;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            float want = h_mat[r * cols + c] * 3.0f + offsets[r % 4];
            failures += h_back[r * cols + c] != want;
            sum += h_back[r * cols + c];
        }
    }
    printf("pitched: m[0][0] = %.2f, m[%d][%d] = %.2f, sum = %.2f\n", h_back[0], rows - 1, cols - 1,
           h_back[rows * cols - 1], sum);
    float symbol_back[4];
    CHECK(oclrtMemcpyFromSymbol(symbol_back, offset_by, sizeof(symbol_back)));
    printf("symbol: %.2f %.2f %.2f %.2f\n", symbol_back[0], symbol_back[1], symbol_back[2], symbol_back[3]);

    // byte memsets and asynchronous copies on the stream, then device-to-device
    int *d_a = NULL, *d_b = NULL;
    CHECK(oclrtMalloc((void **)&d_a, n * sizeof(int)));
    CHECK(oclrtMalloc((void **)&d_b, n * sizeof(int)));
    CHECK(oclrtMemsetAsync(d_a, 0x01, n * sizeof(int), stream));       // every int is 0x01010101
    CHECK(oclrtMemsetAsync(d_a, 0, 10 * sizeof(int), stream));         // the first ten are 0
    int *h_ints = NULL;
    CHECK(oclrtMallocHost((void **)&h_ints, n * sizeof(int)));
    for (int i = 0; i < n; ++i) {
        h_ints[i] = i;
    }
    CHECK(oclrtMemcpyAsync(d_b, h_ints, n * sizeof(int), oclrtMemcpyHostToDevice, stream));
    cutrans_launch_add_into((n + 127) / 128, 128, 0, stream, d_a, d_b, n);
    CHECK(oclrtGetLastError());
    CHECK(oclrtMemcpyAsync(d_b, d_a, n * sizeof(int), oclrtMemcpyDeviceToDevice, stream));
    CHECK(oclrtMemcpyAsync(h_ints, d_b, n * sizeof(int), oclrtMemcpyDeviceToHost, stream));
    CHECK(oclrtStreamSynchronize(stream));
    for (int i = 0; i < n; ++i) {
        failures += h_ints[i] != (i < 10 ? i : 0x01010101 + i);
    }
    printf("memset+add: [0] = %d, [9] = %d, [10] = %d, [%d] = %d\n", h_ints[0], h_ints[9], h_ints[10], n - 1,
           h_ints[n - 1]);

    // managed memory: written by the host, updated by a kernel, read by the host after a synchronize
    int *managed = NULL;
    CHECK(oclrtMallocManaged((void **)&managed, n * sizeof(int)));
    for (int i = 0; i < n; ++i) {
        managed[i] = 2 * i;
    }
    CHECK(oclrtMemcpy(d_b, h_ints, n * sizeof(int), oclrtMemcpyHostToDevice));
    cutrans_launch_add_into((n + 127) / 128, 128, 0, 0, managed, d_b, n);
    CHECK(oclrtGetLastError());
    CHECK(oclrtDeviceSynchronize());
    long long managed_sum = 0;
    for (int i = 0; i < n; ++i) {
        failures += managed[i] != 2 * i + h_ints[i];
        managed_sum += managed[i];
    }
    printf("managed: [1] = %d, sum = %lld\n", managed[1], managed_sum);

    CHECK(oclrtStreamDestroy(stream));
    CHECK(oclrtFree(managed));
    CHECK(oclrtFree(d_a));
    CHECK(oclrtFree(d_b));
    CHECK(oclrtFree(d_mat));
    CHECK(oclrtFreeHost(h_ints));
    CHECK(oclrtFreeHost(h_back));
    CHECK(oclrtFreeHost(h_mat));
    printf("failures = %d\n", failures);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
