// A 2-D kernel's bounds check `if (p < cols && q < rows)`, whose body reads w[q]: the same element in
// every thread of a row. The CPU target's thread loop over x stops where p < cols fails and keeps only
// `if (q < rows)` inside (backends/cpu_thread_loop.py, Bound): GCC 12 vectorized no loop under the whole
// test, because it cannot make a masked load from an address that is the same in every lane (PolyBench
// doitgen's loop over s has this shape). tests/numeric/test_cpu_vectorization.py checks that this
// kernel's thread loop is vectorized. Every thread does what it did before; the host checks the numbers
// exactly.
#include <cstdio>
#include <cuda_runtime.h>

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
    static float m[rows * cols], w[rows], expected[rows * cols];
    for (int i = 0; i < rows * cols; ++i) {
        m[i] = 0.25f * ((i * 37) % 19) - 2.0f;
    }
    for (int i = 0; i < rows; ++i) {
        w[i] = 0.5f * (i % 7) - 1.5f;
    }
    for (int i = 0; i < rows; ++i) {
        for (int j = 0; j < cols; ++j) {
            float product = m[i * cols + j] * w[i];      // every value a multiple of 1/8: exact in float
            expected[i * cols + j] = product + 0.75f;
        }
    }
    float *dm, *dw;
    cudaMalloc((void **)&dm, sizeof m);
    cudaMalloc((void **)&dw, sizeof w);
    cudaMemcpy(dm, m, sizeof m, cudaMemcpyHostToDevice);
    cudaMemcpy(dw, w, sizeof w, cudaMemcpyHostToDevice);
    scale_by_row_weight<<<dim3((cols + 31) / 32, (rows + 7) / 8), dim3(32, 8)>>>(rows, cols, dm, dw, 0.75f);
    cudaMemcpy(m, dm, sizeof m, cudaMemcpyDeviceToHost);
    int wrong = 0;
    for (int i = 0; i < rows * cols; ++i) {
        wrong += m[i] != expected[i];
    }
    printf("m[0] = %g, m[%d] = %g\n", m[0], rows * cols - 1, m[rows * cols - 1]);
    printf("%d of %d elements wrong\n", wrong, rows * cols);
    printf("%s\n", wrong == 0 ? "PASS" : "FAIL");
    cudaFree(dm);
    cudaFree(dw);
    return wrong == 0 ? 0 : 1;
}
