// Zero-copy host memory: kernels read and write pinned memory (cudaHostAlloc with cudaHostAllocMapped,
// cudaMallocHost) and registered memory (cudaHostRegister of a malloc'd array) through the device pointers
// cudaHostGetDevicePointer gives, with no cudaMemcpy; the host sees the results after a synchronize.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "mapped_host_memory.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

/* cutrans: kernel 'axpy' moved to mapped_host_memory.cl */




/* cutrans: kernel 'count_positive' moved to mapped_host_memory.cl */




int main() {
    const int n = 1000;
    float *x, *y, *d_x, *d_y;
    int *count, *d_count;
    CHECK(oclrtHostAlloc((void**)&x, n * sizeof(float), oclrtHostAllocMapped));
    CHECK(oclrtMallocHost((void**)&count, sizeof(int)));
    y = (float*)malloc(n * sizeof(float));
    CHECK(oclrtHostRegister(y, n * sizeof(float), oclrtHostRegisterMapped));
    for (int i = 0; i < n; ++i) {
        x[i] = 0.5f * (i % 10);
        y[i] = 1.0f - 0.25f * (i % 12);
    }
    *count = 0;
    CHECK(oclrtHostGetDevicePointer((void**)&d_x, x, 0));
    CHECK(oclrtHostGetDevicePointer((void**)&d_y, y, 0));
    CHECK(oclrtHostGetDevicePointer((void**)&d_count, count, 0));
    cutrans_launch_axpy((n + 255) / 256, 256, 0, 0, d_x, d_y, 2.0f, n);
    cutrans_launch_count_positive((n + 255) / 256, 256, 0, 0, d_y, d_count, n);
    CHECK(oclrtGetLastError());
    CHECK(oclrtDeviceSynchronize());

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
    CHECK(oclrtHostUnregister(y));
    CHECK(oclrtFreeHost(x));
    CHECK(oclrtFreeHost(count));
    free(y);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    return errors == 0 ? 0 : 1;
}
