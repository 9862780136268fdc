// The CUDA runtime's memory API from the host: pinned (cudaMallocHost, cudaHostAlloc) and managed
// memory, pitched allocations with 2-D copies and 2-D memsets, byte memsets, asynchronous copies and
// memsets on a stream, device-to-device copies, and __constant__ symbols written asynchronously.
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "runtime_memory_api.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        cpurtError_t err_ = (call);                                           \
        if (err_ != cpurtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cpurtGetErrorName(err_), __FILE__, __LINE__);             \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

/* cutrans: constant 'offset_by' moved to runtime_memory_api.kernels.c */

// Each row of a pitched matrix: m[r][c] = m[r][c] * scale + offset_by[r % 4].
/* cutrans: kernel 'scale_pitched_rows' moved to runtime_memory_api.kernels.c */









/* cutrans: kernel 'add_into' moved to runtime_memory_api.kernels.c */







int main()
{
    const int rows = 37, cols = 45, n = 1000;
    int failures = 0;

    // pitched matrix: host (pinned) -> device with cudaMemcpy2D, kernel, device -> host
    float *h_mat = NULL;
    CHECK(cpurtMallocHost((void **)&h_mat, rows * cols * sizeof(float)));
    for (int i = 0; i < rows * cols; ++i) {
        h_mat[i] = (float)(i % 17) - 8.0f;
    }
    float *d_mat = NULL;
    size_t pitch = 0;
    CHECK(cpurtMallocPitch((void **)&d_mat, &pitch, cols * sizeof(float), rows));
    printf("pitch covers a row: %d, pitch is a multiple of 4 bytes: %d\n",
           pitch >= cols * sizeof(float), pitch % 4 == 0);
    CHECK(cpurtMemset2D(d_mat, pitch, 0, cols * sizeof(float), rows));
    CHECK(cpurtMemcpy2D(d_mat, pitch, h_mat, cols * sizeof(float), cols * sizeof(float), rows,
                       cpurtMemcpyHostToDevice));
    const float offsets[4] = {0.5f, -1.0f, 2.0f, 0.25f};
    cpurtStream_t stream;
    CHECK(cpurtStreamCreate(&stream));
    CHECK(cpurtMemcpyToSymbolAsync(offset_by, offsets, sizeof(offsets), 0, cpurtMemcpyHostToDevice, stream));
    cutrans_launch_scale_pitched_rows(dim3((cols + 31) / 32, rows), 32, 0, stream, d_mat, pitch, rows, cols, 3.0f);
    CHECK(cpurtGetLastError());
    float *h_back = NULL;
    CHECK(cpurtHostAlloc((void **)&h_back, rows * cols * sizeof(float), cpurtHostAllocDefault));
    CHECK(cpurtMemcpy2DAsync(h_back, cols * sizeof(float), d_mat, pitch, cols * sizeof(float), rows,
                            cpurtMemcpyDeviceToHost, stream));
    CHECK(cpurtStreamSynchronize(stream));
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
    CHECK(cpurtMemcpyFromSymbol(symbol_back, offset_by, sizeof(symbol_back)));
    printf("symbol: %.2f %.2f %.2f %.2f\n", symbol_back[0], symbol_back[1], symbol_back[2], symbol_back[3]);

    // byte memsets and asynchronous copies on the stream, then device-to-device
    int *d_a = NULL, *d_b = NULL;
    CHECK(cpurtMalloc((void **)&d_a, n * sizeof(int)));
    CHECK(cpurtMalloc((void **)&d_b, n * sizeof(int)));
    CHECK(cpurtMemsetAsync(d_a, 0x01, n * sizeof(int), stream));       // every int is 0x01010101
    CHECK(cpurtMemsetAsync(d_a, 0, 10 * sizeof(int), stream));         // the first ten are 0
    int *h_ints = NULL;
    CHECK(cpurtMallocHost((void **)&h_ints, n * sizeof(int)));
    for (int i = 0; i < n; ++i) {
        h_ints[i] = i;
    }
    CHECK(cpurtMemcpyAsync(d_b, h_ints, n * sizeof(int), cpurtMemcpyHostToDevice, stream));
    cutrans_launch_add_into((n + 127) / 128, 128, 0, stream, d_a, d_b, n);
    CHECK(cpurtGetLastError());
    CHECK(cpurtMemcpyAsync(d_b, d_a, n * sizeof(int), cpurtMemcpyDeviceToDevice, stream));
    CHECK(cpurtMemcpyAsync(h_ints, d_b, n * sizeof(int), cpurtMemcpyDeviceToHost, stream));
    CHECK(cpurtStreamSynchronize(stream));
    for (int i = 0; i < n; ++i) {
        failures += h_ints[i] != (i < 10 ? i : 0x01010101 + i);
    }
    printf("memset+add: [0] = %d, [9] = %d, [10] = %d, [%d] = %d\n", h_ints[0], h_ints[9], h_ints[10], n - 1,
           h_ints[n - 1]);

    // managed memory: written by the host, updated by a kernel, read by the host after a synchronize
    int *managed = NULL;
    CHECK(cpurtMallocManaged((void **)&managed, n * sizeof(int)));
    for (int i = 0; i < n; ++i) {
        managed[i] = 2 * i;
    }
    CHECK(cpurtMemcpy(d_b, h_ints, n * sizeof(int), cpurtMemcpyHostToDevice));
    cutrans_launch_add_into((n + 127) / 128, 128, 0, 0, managed, d_b, n);
    CHECK(cpurtGetLastError());
    CHECK(cpurtDeviceSynchronize());
    long long managed_sum = 0;
    for (int i = 0; i < n; ++i) {
        failures += managed[i] != 2 * i + h_ints[i];
        managed_sum += managed[i];
    }
    printf("managed: [1] = %d, sum = %lld\n", managed[1], managed_sum);

    CHECK(cpurtStreamDestroy(stream));
    CHECK(cpurtFree(managed));
    CHECK(cpurtFree(d_a));
    CHECK(cpurtFree(d_b));
    CHECK(cpurtFree(d_mat));
    CHECK(cpurtFreeHost(h_ints));
    CHECK(cpurtFreeHost(h_back));
    CHECK(cpurtFreeHost(h_mat));
    printf("failures = %d\n", failures);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
