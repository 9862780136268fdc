// Element-wise vector addition: one thread per element, 1-D grid, bounds check.
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include "oclrt.h"
#include "vector_add.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

/* cutrans: kernel 'vector_add' moved to vector_add.cl */







static unsigned lcg_next(unsigned *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state;
}

static float lcg_uniform(unsigned *state)
{
    return (float)(lcg_next(state) >> 8) / 16777216.0f;
}

int main()
{
    const int n = 65537;
    const size_t bytes = n * sizeof(float);
    float *h_a = (float *)malloc(bytes);
    float *h_b = (float *)malloc(bytes);
    float *h_c = (float *)malloc(bytes);
    unsigned seed = 12345u;
    for (int i = 0; i < n; ++i) {
        h_a[i] = lcg_uniform(&seed) * 10.0f - 5.0f;
        h_b[i] = lcg_uniform(&seed) * 2.0f;
    }

    float *d_a, *d_b, *d_c;
    CHECK(oclrtMalloc((void **)&d_a, bytes));
    CHECK(oclrtMalloc((void **)&d_b, bytes));
    CHECK(oclrtMalloc((void **)&d_c, bytes));
    CHECK(oclrtMemcpy(d_a, h_a, bytes, oclrtMemcpyHostToDevice));
    CHECK(oclrtMemcpy(d_b, h_b, bytes, oclrtMemcpyHostToDevice));
    CHECK(oclrtMemset(d_c, 0, bytes));

    const int block = 256;
    const int grid = (n + block - 1) / block;
    cutrans_launch_vector_add(grid, block, 0, 0, d_a, d_b, d_c, n);
    CHECK(oclrtGetLastError());
    CHECK(oclrtDeviceSynchronize());
    CHECK(oclrtMemcpy(h_c, d_c, bytes, oclrtMemcpyDeviceToHost));

    int errors = 0;
    double checksum = 0.0;
    for (int i = 0; i < n; ++i) {
        float want = h_a[i] + h_b[i];
        if (h_c[i] != want) {
            ++errors;
        }
        checksum += h_c[i];
    }
    printf("n = %d, grid = %d, block = %d\n", n, grid, block);
    printf("c[0] = %.6f\n", h_c[0]);
    printf("c[%d] = %.6f\n", n / 2, h_c[n / 2]);
    printf("c[%d] = %.6f\n", n - 1, h_c[n - 1]);
    printf("checksum = %.3f\n", checksum);
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
