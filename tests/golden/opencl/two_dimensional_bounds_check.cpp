// Two 2-D kernels under the bounds check `if (p < cols && q < rows)`, scaling a matrix in place by
// per-column (scale_by_column_weight) or per-row (scale_by_row_weight) weights, as PolyBench doitgen's
// kernels do. Each was a CPU thread loop that GCC 12 did not vectorize; tests/numeric/
// test_cpu_vectorization.py checks both now. The numbers are the same either way; the host checks them
// exactly.
//   - scale_by_column_weight: the kernels are built with -fno-strict-aliasing (CUDA programs read memory
//     through pointers to other types), so a parameter the OpenMP threads shared could be changed by any
//     float store and was read again after each one. The block loop now gives each OpenMP thread its own
//     copies of the parameters (firstprivate, templates/cpu/kernel.c.j2).
//   - scale_by_row_weight: w[q] is the same element in every thread of a row, and GCC cannot vectorize a
//     masked load from such an address. The thread loop over x now stops where p < cols fails and keeps
//     only `if (q < rows)` inside (backends/cpu_thread_loop.py, Bound).
#include <cstdio>
#include "oclrt.h"
#include "two_dimensional_bounds_check.launch.h"

/* cutrans: kernel 'scale_by_column_weight' moved to two_dimensional_bounds_check.cl */








/* cutrans: kernel 'scale_by_row_weight' moved to two_dimensional_bounds_check.cl */








int main()
{
    const int rows = 29, cols = 200;
    static float m[rows * cols], column_weight[cols], row_weight[rows], expected[rows * cols];
    for (int i = 0; i < rows * cols; ++i) {
        m[i] = 0.25f * ((i * 37) % 19) - 2.0f;
    }
    for (int j = 0; j < cols; ++j) {
        column_weight[j] = 0.5f * (j % 7) - 1.5f;
    }
    for (int i = 0; i < rows; ++i) {
        row_weight[i] = 0.5f * (i % 5) - 1.0f;
    }
    // every value is a multiple of 1/32 well inside float's range: each product and sum below is exact
    for (int i = 0; i < rows; ++i) {
        for (int j = 0; j < cols; ++j) {
            float once = m[i * cols + j] * column_weight[j] + 0.75f;
            expected[i * cols + j] = once * row_weight[i] - 0.25f;
        }
    }
    float *dm, *dcolumn, *drow;
    oclrtMalloc((void **)&dm, sizeof m);
    oclrtMalloc((void **)&dcolumn, sizeof column_weight);
    oclrtMalloc((void **)&drow, sizeof row_weight);
    oclrtMemcpy(dm, m, sizeof m, oclrtMemcpyHostToDevice);
    oclrtMemcpy(dcolumn, column_weight, sizeof column_weight, oclrtMemcpyHostToDevice);
    oclrtMemcpy(drow, row_weight, sizeof row_weight, oclrtMemcpyHostToDevice);
    dim3 grid((cols + 31) / 32, (rows + 7) / 8), block(32, 8);
    cutrans_launch_scale_by_column_weight(grid, block, 0, 0, rows, cols, dm, dcolumn, 0.75f);
    cutrans_launch_scale_by_row_weight(grid, block, 0, 0, rows, cols, dm, drow, -0.25f);
    oclrtMemcpy(m, dm, sizeof m, oclrtMemcpyDeviceToHost);
    int wrong = 0;
    for (int i = 0; i < rows * cols; ++i) {
        wrong += m[i] != expected[i];
    }
    printf("m[0] = %g, m[%d] = %g\n", m[0], rows * cols - 1, m[rows * cols - 1]);
    printf("%d of %d elements wrong\n", wrong, rows * cols);
    printf("%s\n", wrong == 0 ? "PASS" : "FAIL");
    oclrtFree(dm);
    oclrtFree(dcolumn);
    oclrtFree(drow);
    return wrong == 0 ? 0 : 1;
}
