// Double precision that the printed result depends on: each thread adds small terms to an offset
// of 1e8 and subtracts the offset at the end. In double the small terms survive (one ulp of 1e8 is
// about 1.5e-8); in float (one ulp of 1e8 is 8) every term is lost and the result is 0. The inputs
// are multiples of 0.125, and the host repeats the same operations in the same order, so the
// check is exact.
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

#define OFFSET 1.0e8

__global__ void offset_sums(const double *x, double *out, int n, int terms, double scale)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        double acc = OFFSET;
        for (int k = 0; k < terms; ++k) {
            acc += x[(i + k) % n] * scale;
        }
        out[i] = acc - OFFSET;
    }
}

int main()
{
    const int n = 1000;
    const int terms = 64;
    const double scale = 1.0e-3;
    double *h_x = (double *)malloc(n * sizeof(double));
    double *h_out = (double *)malloc(n * sizeof(double));
    for (int i = 0; i < n; ++i) {
        h_x[i] = (i % 97) * 0.25 + 0.125;
    }

    double *d_x, *d_out;
    CHECK(hipMalloc((void **)&d_x, n * sizeof(double)));
    CHECK(hipMalloc((void **)&d_out, n * sizeof(double)));
    CHECK(hipMemcpy(d_x, h_x, n * sizeof(double), hipMemcpyHostToDevice));

    hipLaunchKernelGGL(offset_sums, dim3((n + 127) / 128), dim3(128), 0, 0, d_x, d_out, n, terms, scale);
    CHECK(hipGetLastError());
    CHECK(hipDeviceSynchronize());
    CHECK(hipMemcpy(h_out, d_out, n * sizeof(double), hipMemcpyDeviceToHost));

    int bad = 0;
    double total = 0.0;
    for (int i = 0; i < n; ++i) {
        double acc = OFFSET;
        for (int k = 0; k < terms; ++k) {
            acc += h_x[(i + k) % n] * scale;
        }
        if (acc - OFFSET != h_out[i]) {
            ++bad;
        }
        total += h_out[i];
    }
    for (int i = 0; i < n; i += 199) {
        printf("out[%d] = %.6f\n", i, h_out[i]);
    }
    printf("total = %.6f\n", total);
    printf("mismatches = %d\n", bad);

    CHECK(hipFree(d_x));
    CHECK(hipFree(d_out));
    free(h_x);
    free(h_out);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
