// The CUDA runtime's memory API from the host: pinned (cudaMallocHost, cudaHostAlloc) and managed
// memory, pitched allocations with 2-D copies and 2-D memsets, byte memsets, asynchronous copies and
// memsets on a stream, device-to-device copies, and __constant__ symbols written asynchronously.
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

__constant__ float offset_by[4];

// Each row of a pitched matrix: m[r][c] = m[r][c] * scale + offset_by[r % 4].
__global__ void scale_pitched_rows(float *m, size_t pitch, int rows, int cols, float scale)
{
    int c = blockIdx.x * blockDim.x + threadIdx.x;
    int r = blockIdx.y;
    if (r < rows && c < cols) {
        float *row = (float *)((char *)m + r * pitch);
        row[c] = row[c] * scale + offset_by[r % 4];
    }
}

__global__ void add_into(int *dst, const int *src, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        dst[i] += src[i];
    }
}

int main()
{
    const int rows = 37, cols = 45, n = 1000;
    int failures = 0;

    // pitched matrix: host (pinned) -> device with cudaMemcpy2D, kernel, device -> host
    float *h_mat = NULL;
    CHECK(hipHostMalloc((void **)&h_mat, rows * cols * sizeof(float)));
    for (int i = 0; i < rows * cols; ++i) {
        h_mat[i] = (float)(i % 17) - 8.0f;
    }
    float *d_mat = NULL;
    size_t pitch = 0;
    CHECK(hipMallocPitch((void **)&d_mat, &pitch, cols * sizeof(float), rows));
    printf("pitch covers a row: %d, pitch is a multiple of 4 bytes: %d\n",
           pitch >= cols * sizeof(float), pitch % 4 == 0);
    CHECK(hipMemset2D(d_mat, pitch, 0, cols * sizeof(float), rows));
    CHECK(hipMemcpy2D(d_mat, pitch, h_mat, cols * sizeof(float), cols * sizeof(float), rows,
                       hipMemcpyHostToDevice));
    const float offsets[4] = {0.5f, -1.0f, 2.0f, 0.25f};
    hipStream_t stream;
    CHECK(hipStreamCreate(&stream));
    CHECK(hipMemcpyToSymbolAsync(offset_by, offsets, sizeof(offsets), 0, hipMemcpyHostToDevice, stream));
    scale_pitched_rows<<<dim3((cols + 31) / 32, rows), 32, 0, stream>>>(d_mat, pitch, rows, cols, 3.0f);
    CHECK(hipGetLastError());
    float *h_back = NULL;
    CHECK(hipHostMalloc((void **)&h_back, rows * cols * sizeof(float), hipHostMallocDefault));
    CHECK(hipMemcpy2DAsync(h_back, cols * sizeof(float), d_mat, pitch, cols * sizeof(float), rows,
                            hipMemcpyDeviceToHost, stream));
    CHECK(hipStreamSynchronize(stream));
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
    CHECK(hipMemcpyFromSymbol(symbol_back, offset_by, sizeof(symbol_back)));
    printf("symbol: %.2f %.2f %.2f %.2f\n", symbol_back[0], symbol_back[1], symbol_back[2], symbol_back[3]);

    // byte memsets and asynchronous copies on the stream, then device-to-device
    int *d_a = NULL, *d_b = NULL;
    CHECK(hipMalloc((void **)&d_a, n * sizeof(int)));
    CHECK(hipMalloc((void **)&d_b, n * sizeof(int)));
    CHECK(hipMemsetAsync(d_a, 0x01, n * sizeof(int), stream));       // every int is 0x01010101
    CHECK(hipMemsetAsync(d_a, 0, 10 * sizeof(int), stream));         // the first ten are 0
    int *h_ints = NULL;
    CHECK(hipHostMalloc((void **)&h_ints, n * sizeof(int)));
    for (int i = 0; i < n; ++i) {
        h_ints[i] = i;
    }
    CHECK(hipMemcpyAsync(d_b, h_ints, n * sizeof(int), hipMemcpyHostToDevice, stream));
    add_into<<<(n + 127) / 128, 128, 0, stream>>>(d_a, d_b, n);
    CHECK(hipGetLastError());
    CHECK(hipMemcpyAsync(d_b, d_a, n * sizeof(int), hipMemcpyDeviceToDevice, stream));
    CHECK(hipMemcpyAsync(h_ints, d_b, n * sizeof(int), hipMemcpyDeviceToHost, stream));
    CHECK(hipStreamSynchronize(stream));
    for (int i = 0; i < n; ++i) {
        failures += h_ints[i] != (i < 10 ? i : 0x01010101 + i);
    }
    printf("memset+add: [0] = %d, [9] = %d, [10] = %d, [%d] = %d\n", h_ints[0], h_ints[9], h_ints[10], n - 1,
           h_ints[n - 1]);

    // managed memory: written by the host, updated by a kernel, read by the host after a synchronize
    int *managed = NULL;
    CHECK(hipMallocManaged((void **)&managed, n * sizeof(int)));
    for (int i = 0; i < n; ++i) {
        managed[i] = 2 * i;
    }
    CHECK(hipMemcpy(d_b, h_ints, n * sizeof(int), hipMemcpyHostToDevice));
    add_into<<<(n + 127) / 128, 128>>>(managed, d_b, n);
    CHECK(hipGetLastError());
    CHECK(hipDeviceSynchronize());
    long long managed_sum = 0;
    for (int i = 0; i < n; ++i) {
        failures += managed[i] != 2 * i + h_ints[i];
        managed_sum += managed[i];
    }
    printf("managed: [1] = %d, sum = %lld\n", managed[1], managed_sum);

    CHECK(hipStreamDestroy(stream));
    CHECK(hipFree(managed));
    CHECK(hipFree(d_a));
    CHECK(hipFree(d_b));
    CHECK(hipFree(d_mat));
    CHECK(hipHostFree(h_ints));
    CHECK(hipHostFree(h_back));
    CHECK(hipHostFree(h_mat));
    printf("failures = %d\n", failures);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
