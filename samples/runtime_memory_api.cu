// The CUDA runtime's memory API from the host: pinned (cudaMallocHost, cudaHostAlloc) and managed
// memory, pitched allocations with 2-D copies and 2-D memsets, byte memsets, asynchronous copies and
// memsets on a stream, device-to-device copies, and __constant__ symbols written asynchronously.
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
    CHECK(cudaMallocHost((void **)&h_mat, rows * cols * sizeof(float)));
    for (int i = 0; i < rows * cols; ++i) {
        h_mat[i] = (float)(i % 17) - 8.0f;
    }
    float *d_mat = NULL;
    size_t pitch = 0;
    CHECK(cudaMallocPitch((void **)&d_mat, &pitch, cols * sizeof(float), rows));
    printf("pitch covers a row: %d, pitch is a multiple of 4 bytes: %d\n",
           pitch >= cols * sizeof(float), pitch % 4 == 0);
    CHECK(cudaMemset2D(d_mat, pitch, 0, cols * sizeof(float), rows));
    CHECK(cudaMemcpy2D(d_mat, pitch, h_mat, cols * sizeof(float), cols * sizeof(float), rows,
                       cudaMemcpyHostToDevice));
    const float offsets[4] = {0.5f, -1.0f, 2.0f, 0.25f};
    cudaStream_t stream;
    CHECK(cudaStreamCreate(&stream));
    CHECK(cudaMemcpyToSymbolAsync(offset_by, offsets, sizeof(offsets), 0, cudaMemcpyHostToDevice, stream));
    scale_pitched_rows<<<dim3((cols + 31) / 32, rows), 32, 0, stream>>>(d_mat, pitch, rows, cols, 3.0f);
    CHECK(cudaGetLastError());
    float *h_back = NULL;
    CHECK(cudaHostAlloc((void **)&h_back, rows * cols * sizeof(float), cudaHostAllocDefault));
    CHECK(cudaMemcpy2DAsync(h_back, cols * sizeof(float), d_mat, pitch, cols * sizeof(float), rows,
                            cudaMemcpyDeviceToHost, stream));
    CHECK(cudaStreamSynchronize(stream));
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
    CHECK(cudaMemcpyFromSymbol(symbol_back, offset_by, sizeof(symbol_back)));
    printf("symbol: %.2f %.2f %.2f %.2f\n", symbol_back[0], symbol_back[1], symbol_back[2], symbol_back[3]);

    // byte memsets and asynchronous copies on the stream, then device-to-device
    int *d_a = NULL, *d_b = NULL;
    CHECK(cudaMalloc((void **)&d_a, n * sizeof(int)));
    CHECK(cudaMalloc((void **)&d_b, n * sizeof(int)));
    CHECK(cudaMemsetAsync(d_a, 0x01, n * sizeof(int), stream));       // every int is 0x01010101
    CHECK(cudaMemsetAsync(d_a, 0, 10 * sizeof(int), stream));         // the first ten are 0
    int *h_ints = NULL;
    CHECK(cudaMallocHost((void **)&h_ints, n * sizeof(int)));
    for (int i = 0; i < n; ++i) {
        h_ints[i] = i;
    }
    CHECK(cudaMemcpyAsync(d_b, h_ints, n * sizeof(int), cudaMemcpyHostToDevice, stream));
    add_into<<<(n + 127) / 128, 128, 0, stream>>>(d_a, d_b, n);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpyAsync(d_b, d_a, n * sizeof(int), cudaMemcpyDeviceToDevice, stream));
    CHECK(cudaMemcpyAsync(h_ints, d_b, n * sizeof(int), cudaMemcpyDeviceToHost, stream));
    CHECK(cudaStreamSynchronize(stream));
    for (int i = 0; i < n; ++i) {
        failures += h_ints[i] != (i < 10 ? i : 0x01010101 + i);
    }
    printf("memset+add: [0] = %d, [9] = %d, [10] = %d, [%d] = %d\n", h_ints[0], h_ints[9], h_ints[10], n - 1,
           h_ints[n - 1]);

    // managed memory: written by the host, updated by a kernel, read by the host after a synchronize
    int *managed = NULL;
    CHECK(cudaMallocManaged((void **)&managed, n * sizeof(int)));
    for (int i = 0; i < n; ++i) {
        managed[i] = 2 * i;
    }
    CHECK(cudaMemcpy(d_b, h_ints, n * sizeof(int), cudaMemcpyHostToDevice));
    add_into<<<(n + 127) / 128, 128>>>(managed, d_b, n);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
    long long managed_sum = 0;
    for (int i = 0; i < n; ++i) {
        failures += managed[i] != 2 * i + h_ints[i];
        managed_sum += managed[i];
    }
    printf("managed: [1] = %d, sum = %lld\n", managed[1], managed_sum);

    CHECK(cudaStreamDestroy(stream));
    CHECK(cudaFree(managed));
    CHECK(cudaFree(d_a));
    CHECK(cudaFree(d_b));
    CHECK(cudaFree(d_mat));
    CHECK(cudaFreeHost(h_ints));
    CHECK(cudaFreeHost(h_back));
    CHECK(cudaFreeHost(h_mat));
    printf("failures = %d\n", failures);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
