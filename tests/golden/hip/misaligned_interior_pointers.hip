// Kernels launched on pointers into the middle of allocations, at offsets an OpenCL sub-buffer cannot start at
// (not multiples of the device's base address alignment, 128 bytes on PoCL), two of them into the same
// allocation, and on a one-past-the-end pointer with no work. The OpenCL runtime passes the SVM address.
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

__global__ void shift_add(const float* in, float* out, int n, float bias) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = in[i] * 2.0f + bias;
}

__global__ void count_into(int* counter, const float* values, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n && values[i] > 100.0f) atomicAdd(counter, 1);
}

int main() {
    const int n = 1000, m = 400;
    float host[n], want[n];
    for (int i = 0; i < n; ++i) host[i] = want[i] = 0.5f * i;
    float* d = nullptr;
    int* d_counts = nullptr;
    CHECK(hipMalloc(&d, n * sizeof(float)));
    CHECK(hipMalloc(&d_counts, 4 * sizeof(int)));
    CHECK(hipMemcpy(d, host, n * sizeof(float), hipMemcpyHostToDevice));
    CHECK(hipMemset(d_counts, 0, 4 * sizeof(int)));

    // in = d + 3 and out = d + 501: 12 and 2004 bytes in, in the same allocation
    shift_add<<<(m + 127) / 128, 128>>>(d + 3, d + 501, m, 1.0f);
    // counters one int apart
    count_into<<<(m + 127) / 128, 128>>>(d_counts + 1, d + 501, m);
    count_into<<<(n + 127) / 128, 128>>>(&d_counts[3], d, n);
    // an empty range at the end of the allocation
    shift_add<<<1, 32>>>(d + n, d + n, 0, 0.0f);
    CHECK(hipGetLastError());
    CHECK(hipMemcpy(host, d, n * sizeof(float), hipMemcpyDeviceToHost));
    int counts[4];
    CHECK(hipMemcpy(counts, d_counts, sizeof counts, hipMemcpyDeviceToHost));

    for (int i = 0; i < m; ++i) want[501 + i] = want[3 + i] * 2.0f + 1.0f;
    int want_counts[4] = {0, 0, 0, 0};
    for (int i = 0; i < m; ++i) want_counts[1] += want[501 + i] > 100.0f;
    for (int i = 0; i < n; ++i) want_counts[3] += want[i] > 100.0f;
    int errors = 0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        errors += host[i] != want[i];
        sum += host[i];
    }
    for (int k = 0; k < 4; ++k) errors += counts[k] != want_counts[k];
    printf("out[501] = %.2f, out[900] = %.2f, sum = %.2f\n", host[501], host[900], sum);
    printf("counts: %d %d %d %d\n", counts[0], counts[1], counts[2], counts[3]);
    printf("errors = %d\n", errors);
    CHECK(hipFree(d));
    CHECK(hipFree(d_counts));
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    return errors == 0 ? 0 : 1;
}
