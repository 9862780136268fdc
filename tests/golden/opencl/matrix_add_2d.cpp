// Matrix addition on a 2-D grid of 2-D blocks; row-major storage.
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include "oclrt.h"
#include "matrix_add_2d.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define TILE_X 16
#define TILE_Y 8

/* cutrans: kernel 'matrix_add' moved to matrix_add_2d.cl */










int main()
{
    const int rows = 203;
    const int cols = 301;
    const float beta = 0.5f;
    const size_t bytes = (size_t)rows * cols * sizeof(float);
    float *h_a = (float *)malloc(bytes);
    float *h_b = (float *)malloc(bytes);
    float *h_c = (float *)malloc(bytes);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            h_a[r * cols + c] = (float)r * 0.5f + (float)c * 0.25f;
            h_b[r * cols + c] = (float)((r * 7 + c * 3) % 11) - 5.0f;
        }
    }

    float *d_a, *d_b, *d_c;
    CHECK(oclrtMalloc((void **)&d_a, bytes));
    CHECK(oclrtMalloc((void **)&d_b, bytes));
    CHECK(oclrtMalloc((void **)&d_c, bytes));
    CHECK(oclrtMemcpy(d_a, h_a, bytes, oclrtMemcpyHostToDevice));
    CHECK(oclrtMemcpy(d_b, h_b, bytes, oclrtMemcpyHostToDevice));

    dim3 block(TILE_X, TILE_Y);
    dim3 grid((cols + TILE_X - 1) / TILE_X, (rows + TILE_Y - 1) / TILE_Y);
    cutrans_launch_matrix_add(grid, block, 0, 0, d_a, d_b, d_c, rows, cols, beta);
    CHECK(oclrtGetLastError());
    CHECK(oclrtDeviceSynchronize());
    CHECK(oclrtMemcpy(h_c, d_c, bytes, oclrtMemcpyDeviceToHost));

    int errors = 0;
    double checksum = 0.0;
    for (int i = 0; i < rows * cols; ++i) {
        float want = h_a[i] + beta * h_b[i];
        if (fabsf(h_c[i] - want) > 1e-5f * (1.0f + fabsf(want))) {
            ++errors;
        }
        checksum += h_c[i];
    }
    printf("rows = %d, cols = %d, grid = %u x %u\n", rows, cols, grid.x, grid.y);
    printf("c[0][0] = %.6f\n", h_c[0]);
    printf("c[%d][%d] = %.6f\n", rows / 2, cols / 3, h_c[(rows / 2) * cols + cols / 3]);
    printf("c[%d][%d] = %.6f\n", rows - 1, cols - 1, h_c[rows * cols - 1]);
    printf("checksum = %.2f\n", checksum);
    printf("errors = %d\n", errors);

    CHECK(oclrtFree(d_a));
    CHECK(oclrtFree(d_b));
    CHECK(oclrtFree(d_c));
    free(h_a);
    free(h_b);
    free(h_c);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    return errors == 0 ? 0 : 1;
}
