// Zero-copy host memory: kernels read and write pinned memory (cudaHostAlloc with cudaHostAllocMapped,
// cudaMallocHost) and registered memory (cudaHostRegister of a malloc'd array) through the device pointers
// cudaHostGetDevicePointer gives, with no cudaMemcpy; the host sees the results after a synchronize.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        hipError_t err_ = (call);                                           \
        if (err_ != hipSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    hipGetErrorString(err_), __FILE__, __LINE__);           \
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
    CHECK(hipHostMalloc((void**)&x, n * sizeof(float), hipHostMallocMapped));
    CHECK(hipHostMalloc((void**)&count, sizeof(int)));
    y = (float*)malloc(n * sizeof(float));
    CHECK(hipHostRegister(y, n * sizeof(float), hipHostRegisterMapped));
    for (int i = 0; i < n; ++i) {
        x[i] = 0.5f * (i % 10);
        y[i] = 1.0f - 0.25f * (i % 12);
    }
    *count = 0;
    CHECK(hipHostGetDevicePointer((void**)&d_x, x, 0));
    CHECK(hipHostGetDevicePointer((void**)&d_y, y, 0));
    CHECK(hipHostGetDevicePointer((void**)&d_count, count, 0));
    hipLaunchKernelGGL(axpy, dim3((n + 255) / 256), dim3(256), 0, 0, d_x, d_y, 2.0f, n);
    hipLaunchKernelGGL(count_positive, dim3((n + 255) / 256), dim3(256), 0, 0, d_y, d_count, n);
    CHECK(hipGetLastError());
    CHECK(hipDeviceSynchronize());

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
    CHECK(hipHostUnregister(y));
    CHECK(hipHostFree(x));
    CHECK(hipHostFree(count));
    free(y);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    return errors == 0 ? 0 : 1;
}
