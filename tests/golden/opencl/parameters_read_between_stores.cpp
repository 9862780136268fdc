// A kernel whose thread loop stores floats and reads the kernel's parameters (rows, cols, the pointers)
// between the stores: each column walk scales a row by per-column weights (PolyBench doitgen and
// gramschmidt have this shape). On the CPU target the kernels are built with -fno-strict-aliasing (CUDA
// programs read memory through pointers to other types), and a parameter shared by the OpenMP threads is
// read through a pointer that such a store may change: GCC read it again after every store and did not
// vectorize the thread loop. The block loop now gives each OpenMP thread its own copy of the parameters
// (firstprivate), and tests/numeric/test_cpu_vectorization.py checks that this kernel's thread loops are
// vectorized. The numbers are the same either way; the host checks them exactly.
#include <cstdio>
#include "oclrt.h"
#include "parameters_read_between_stores.launch.h"

/* cutrans: kernel 'scale_rows' moved to parameters_read_between_stores.cl */








int main()
{
    const int rows = 29, cols = 200;
    static float m[rows * cols], w[cols], expected[rows * cols];
    for (int i = 0; i < rows * cols; ++i) {
        m[i] = 0.25f * ((i * 37) % 19) - 2.0f;
    }
    for (int i = 0; i < cols; ++i) {
        w[i] = 0.5f * (i % 7) - 1.5f;
    }
    for (int i = 0; i < rows; ++i) {
        for (int j = 0; j < cols; ++j) {
            float product = m[i * cols + j] * w[j];      // every value a multiple of 1/8: exact in float
            expected[i * cols + j] = product + 0.75f;
        }
    }
    float *dm, *dw;
    oclrtMalloc((void **)&dm, sizeof m);
    oclrtMalloc((void **)&dw, sizeof w);
    oclrtMemcpy(dm, m, sizeof m, oclrtMemcpyHostToDevice);
    oclrtMemcpy(dw, w, sizeof w, oclrtMemcpyHostToDevice);
    cutrans_launch_scale_rows(dim3((cols + 31) / 32, (rows + 7) / 8), dim3(32, 8), 0, 0, rows, cols, dm, dw, 0.75f);
    oclrtMemcpy(m, dm, sizeof m, oclrtMemcpyDeviceToHost);
    int wrong = 0;
    for (int i = 0; i < rows * cols; ++i) {
        wrong += m[i] != expected[i];
    }
    printf("m[0] = %g, m[%d] = %g\n", m[0], rows * cols - 1, m[rows * cols - 1]);
    printf("%d of %d elements wrong\n", wrong, rows * cols);
    printf("%s\n", wrong == 0 ? "PASS" : "FAIL");
    oclrtFree(dm);
    oclrtFree(dw);
    return wrong == 0 ? 0 : 1;
}
