// Zero-copy host memory: kernels read and write pinned memory (cudaHostAlloc with cudaHostAllocMapped,
// cudaMallocHost) and registered memory (cudaHostRegister of a malloc'd array) through the device pointers
// cudaHostGetDevicePointer gives, with no cudaMemcpy; the host sees the results after a synchronize.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        cudaError_t err_ = (call);                                           \
        if (err_ != cudaSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cudaGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

__global__ void axpy(const float* x, float* y, float a, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] = a * x[i] + y[i];
}

__global__ void count_positive(const float* y, int* count, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n && y[i] > 0.0f) atomicAdd(count, 1);
}

int main() {
    const int n = 1000;
    float *x, *y, *d_x, *d_y;
    int *count, *d_count;
    CHECK(cudaHostAlloc((void**)&x, n * sizeof(float), cudaHostAllocMapped));
    CHECK(cudaMallocHost((void**)&count, sizeof(int)));
    y = (float*)malloc(n * sizeof(float));
    CHECK(cudaHostRegister(y, n * sizeof(float), cudaHostRegisterMapped));
    for (int i = 0; i < n; ++i) {
        x[i] = 0.5f * (i % 10);
        y[i] = 1.0f - 0.25f * (i % 12);
    }
    *count = 0;
    CHECK(cudaHostGetDevicePointer((void**)&d_x, x, 0));
    CHECK(cudaHostGetDevicePointer((void**)&d_y, y, 0));
    CHECK(cudaHostGetDevicePointer((void**)&d_count, count, 0));
    axpy<<<(n + 255) / 256, 256>>>(d_x, d_y, 2.0f, n);
    count_positive<<<(n + 255) / 256, 256>>>(d_y, d_count, n);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());

    int errors = 0, want = 0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        float expect = 2.0f * (0.5f * (i % 10)) + (1.0f - 0.25f * (i % 12));
        errors += y[i] != expect;
        want += expect > 0.0f;
        sum += y[i];
    }
    errors += *count != want;
    printf("y[0] = %.2f, y[11] = %.2f, y[999] = %.2f\n", y[0], y[11], y[999]);
    printf("positive = %d, sum = %.2f\n", *count, sum);
    printf("errors = %d\n", errors);
    CHECK(cudaHostUnregister(y));
    CHECK(cudaFreeHost(x));
    CHECK(cudaFreeHost(count));
    free(y);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    return errors == 0 ? 0 : 1;
}
