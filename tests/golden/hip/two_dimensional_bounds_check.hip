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
#include <hip/hip_runtime.h>

__global__ void scale_by_column_weight(int rows, int cols, float *m, const float *w, float bias)
{
    int p = blockIdx.x * blockDim.x + threadIdx.x;
    int q = blockIdx.y * blockDim.y + threadIdx.y;
    if (p < cols && q < rows) {
        m[q * cols + p] = m[q * cols + p] * w[p] + bias;
    }
}

__global__ void scale_by_row_weight(int rows, int cols, float *m, const float *w, float bias)
{
    int p = blockIdx.x * blockDim.x + threadIdx.x;
    int q = blockIdx.y * blockDim.y + threadIdx.y;
    if (p < cols && q < rows) {
        m[q * cols + p] = m[q * cols + p] * w[q] + bias;
    }
}

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
    hipMalloc((void **)&dm, sizeof m);
    hipMalloc((void **)&dcolumn, sizeof column_weight);
    hipMalloc((void **)&drow, sizeof row_weight);
    hipMemcpy(dm, m, sizeof m, hipMemcpyHostToDevice);
    hipMemcpy(dcolumn, column_weight, sizeof column_weight, hipMemcpyHostToDevice);
    hipMemcpy(drow, row_weight, sizeof row_weight, hipMemcpyHostToDevice);
    dim3 grid((cols + 31) / 32, (rows + 7) / 8), block(32, 8);
    scale_by_column_weight<<<grid, block>>>(rows, cols, dm, dcolumn, 0.75f);
    scale_by_row_weight<<<grid, block>>>(rows, cols, dm, drow, -0.25f);
    hipMemcpy(m, dm, sizeof m, hipMemcpyDeviceToHost);
    int wrong = 0;
    for (int i = 0; i < rows * cols; ++i) {
        wrong += m[i] != expected[i];
    }
    printf("m[0] = %g, m[%d] = %g\n", m[0], rows * cols - 1, m[rows * cols - 1]);
    printf("%d of %d elements wrong\n", wrong, rows * cols);
    printf("%s\n", wrong == 0 ? "PASS" : "FAIL");
    hipFree(dm);
    hipFree(dcolumn);
    hipFree(drow);
    return wrong == 0 ? 0 : 1;
}
