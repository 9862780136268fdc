// Kernels launched on pointers into the middle of allocations, at offsets an OpenCL sub-buffer cannot start at
// (not multiples of the device's base address alignment, 128 bytes on PoCL), two of them into the same
// allocation, and on a one-past-the-end pointer with no work. The OpenCL runtime passes the SVM address.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "misaligned_interior_pointers.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

/* cutrans: kernel 'shift_add' moved to misaligned_interior_pointers.cl */




/* cutrans: kernel 'count_into' moved to misaligned_interior_pointers.cl */




int main() {
    const int n = 1000, m = 400;
    float host[n], want[n];
    for (int i = 0; i < n; ++i) host[i] = want[i] = 0.5f * i;
    float* d = nullptr;
    int* d_counts = nullptr;
    CHECK(oclrtMalloc(&d, n * sizeof(float)));
    CHECK(oclrtMalloc(&d_counts, 4 * sizeof(int)));
    CHECK(oclrtMemcpy(d, host, n * sizeof(float), oclrtMemcpyHostToDevice));
    CHECK(oclrtMemset(d_counts, 0, 4 * sizeof(int)));

    // in = d + 3 and out = d + 501: 12 and 2004 bytes in, in the same allocation
    cutrans_launch_shift_add((m + 127) / 128, 128, 0, 0, d + 3, d + 501, m, 1.0f);
    // counters one int apart
    cutrans_launch_count_into((m + 127) / 128, 128, 0, 0, d_counts + 1, d + 501, m);
    cutrans_launch_count_into((n + 127) / 128, 128, 0, 0, &d_counts[3], d, n);
    // an empty range at the end of the allocation
    cutrans_launch_shift_add(1, 32, 0, 0, d + n, d + n, 0, 0.0f);
    CHECK(oclrtGetLastError());
    CHECK(oclrtMemcpy(host, d, n * sizeof(float), oclrtMemcpyDeviceToHost));
    int counts[4];
    CHECK(oclrtMemcpy(counts, d_counts, sizeof counts, oclrtMemcpyDeviceToHost));

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
    CHECK(oclrtFree(d));
    CHECK(oclrtFree(d_counts));
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    return errors == 0 ? 0 : 1;
}
