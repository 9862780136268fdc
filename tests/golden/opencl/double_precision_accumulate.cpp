// Double precision that the printed result depends on: each thread adds small terms to an offset
// of 1e8 and subtracts the offset at the end. In double the small terms survive (one ulp of 1e8 is
// about 1.5e-8); in float (one ulp of 1e8 is 8) every term is lost and the result is 0. The inputs
// are multiples of 0.125, and the host repeats the same operations in the same order, so the
// check is exact.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "double_precision_accumulate.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define OFFSET 1.0e8

/* cutrans: kernel 'offset_sums' moved to double_precision_accumulate.cl */











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
    CHECK(oclrtMalloc((void **)&d_x, n * sizeof(double)));
    CHECK(oclrtMalloc((void **)&d_out, n * sizeof(double)));
    CHECK(oclrtMemcpy(d_x, h_x, n * sizeof(double), oclrtMemcpyHostToDevice));

    cutrans_launch_offset_sums((n + 127) / 128, 128, 0, 0, d_x, d_out, n, terms, scale);
    CHECK(oclrtGetLastError());
    CHECK(oclrtDeviceSynchronize());
    CHECK(oclrtMemcpy(h_out, d_out, n * sizeof(double), oclrtMemcpyDeviceToHost));

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

    CHECK(oclrtFree(d_x));
    CHECK(oclrtFree(d_out));
    free(h_x);
    free(h_out);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
