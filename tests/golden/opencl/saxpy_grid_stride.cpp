// SAXPY with a grid-stride loop: a small fixed grid covers any n.
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include "oclrt.h"
#include "saxpy_grid_stride.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

/* cutrans: kernel 'saxpy' moved to saxpy_grid_stride.cl */







int main()
{
    const int n = 100003;
    const float a = 2.5f;
    const size_t bytes = n * sizeof(float);
    float *h_x = (float *)malloc(bytes);
    float *h_y = (float *)malloc(bytes);
    float *h_out = (float *)malloc(bytes);
    for (int i = 0; i < n; ++i) {
        h_x[i] = (float)(i % 1000) * 0.001f;
        h_y[i] = 1.0f - (float)(i % 37) * 0.25f;
    }

    float *d_x, *d_y;
    CHECK(oclrtMalloc((void **)&d_x, bytes));
    CHECK(oclrtMalloc((void **)&d_y, bytes));
    CHECK(oclrtMemcpy(d_x, h_x, bytes, oclrtMemcpyHostToDevice));
    CHECK(oclrtMemcpy(d_y, h_y, bytes, oclrtMemcpyHostToDevice));

    const int block = 128;
    const int grid = 40;
    cutrans_launch_saxpy(grid, block, 0, 0, n, a, d_x, d_y);
    CHECK(oclrtGetLastError());
    CHECK(oclrtDeviceSynchronize());
    CHECK(oclrtMemcpy(h_out, d_y, bytes, oclrtMemcpyDeviceToHost));

    int errors = 0;
    double checksum = 0.0;
    for (int i = 0; i < n; ++i) {
        float want = a * h_x[i] + h_y[i];
        if (fabsf(h_out[i] - want) > 1e-5f * (1.0f + fabsf(want))) {
            ++errors;
        }
        checksum += h_out[i];
    }
    printf("n = %d, threads = %d\n", n, grid * block);
    printf("y[0] = %.6f\n", h_out[0]);
    printf("y[%d] = %.6f\n", grid * block, h_out[grid * block]);
    printf("y[%d] = %.6f\n", n - 1, h_out[n - 1]);
    printf("checksum = %.1f\n", checksum);
    printf("errors = %d\n", errors);

    CHECK(oclrtFree(d_x));
    CHECK(oclrtFree(d_y));
    free(h_x);
    free(h_y);
    free(h_out);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    return errors == 0 ? 0 : 1;
}
