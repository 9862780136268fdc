// Regression sample: kernels whose threads each walk a column of a row-major matrix in a loop that every
// thread runs alike (PolyBench's bicg, gemm, doitgen). The CPU target runs such a loop at block level,
// with the block's threads inside each iteration (passes/sink_thread_loops.py), so that it sweeps rows;
// each thread must still run its own statements in order, and only the threads whose guard holds.
// Covered: a guarded column sum with a statement before and after the loop, a 2-D product whose loop
// variable is declared before the guard, an early `return`, a partial last block, a loop whose
// threads walk their own rows (left alone), and a launch whose blocks have threads the kernel does not
// tell apart (y > 1: the original order is kept).
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

#define N 300
#define M 170

__global__ void column_sums(int rows, int cols, const float *a, const float *w, float *out, float *scaled)
{
    int j = blockIdx.x * blockDim.x + threadIdx.x;
    if (j < cols) {
        out[j] = 0.0f;
        for (int i = 0; i < rows; i++) {
            out[j] += w[i] * a[i * cols + j];
        }
        scaled[j] = out[j] * 0.5f;
    }
}

__global__ void product(int n, int m, const float *a, const float *b, float *c)
{
    int col = blockIdx.x * blockDim.x + threadIdx.x;
    int row = blockIdx.y * blockDim.y + threadIdx.y;
    if (row < n && col < m) {
        c[row * m + col] *= 2.0f;
        int k;
        for (k = 0; k < m; k++) {
            c[row * m + col] += a[row * m + k] * b[k * m + col];
        }
    }
}

__global__ void column_max(int rows, int cols, const float *a, float *out)
{
    int j = blockIdx.x * blockDim.x + threadIdx.x;
    if (j >= cols) return;
    float best = -1e30f;
    for (int i = 0; i < rows; i++) {
        best = fmaxf(best, a[i * cols + j] - 0.001f * i);
    }
    out[j] = best;
}

__global__ void row_sums(int rows, int cols, const float *a, float *out)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < rows) {
        float s = 0.0f;
        for (int j = 0; j < cols; j++) s += a[i * cols + j];
        out[i] = s;
    }
}

static double checksum(const float *v, int n)
{
    double s = 0;
    for (int i = 0; i < n; i++) s += (double)v[i] * (i % 11 + 1);
    return s;
}

int main()
{
    float *a = (float *)malloc(N * M * sizeof(float)), *w = (float *)malloc(N * sizeof(float));
    float *sq = (float *)malloc(M * M * sizeof(float)), *out = (float *)malloc(N * sizeof(float));
    for (int i = 0; i < N * M; i++) a[i] = (float)((i * 37) % 101) / 50.0f - 1.0f;
    for (int i = 0; i < N; i++) w[i] = (float)(i % 7) / 3.0f;
    for (int i = 0; i < M * M; i++) sq[i] = (float)((i * 13) % 29) / 14.0f - 1.0f;
    float *d_a, *d_w, *d_out, *d_scaled, *d_b, *d_c;
    hipMalloc(&d_a, N * M * sizeof(float));
    hipMalloc(&d_w, N * sizeof(float));
    hipMalloc(&d_out, N * sizeof(float));
    hipMalloc(&d_scaled, N * sizeof(float));
    hipMalloc(&d_b, M * M * sizeof(float));
    hipMalloc(&d_c, M * M * sizeof(float));
    hipMemcpy(d_a, a, N * M * sizeof(float), hipMemcpyHostToDevice);
    hipMemcpy(d_w, w, N * sizeof(float), hipMemcpyHostToDevice);
    hipMemcpy(d_b, sq, M * M * sizeof(float), hipMemcpyHostToDevice);
    hipMemcpy(d_c, sq, M * M * sizeof(float), hipMemcpyHostToDevice);

    hipLaunchKernelGGL(column_sums, dim3((M + 63) / 64), dim3(64), 0, 0, N, M, d_a, d_w, d_out, d_scaled);
    hipMemcpy(out, d_out, M * sizeof(float), hipMemcpyDeviceToHost);
    printf("column sums %.4f", checksum(out, M));
    hipMemcpy(out, d_scaled, M * sizeof(float), hipMemcpyDeviceToHost);
    printf(" scaled %.4f\n", checksum(out, M));

    hipLaunchKernelGGL(product, dim3((M + 31) / 32, (M + 7) / 8), dim3(32, 8), 0, 0, M, M, d_b, d_b, d_c);
    hipMemcpy(sq, d_c, M * M * sizeof(float), hipMemcpyDeviceToHost);
    printf("product %.4f\n", checksum(sq, M * M));

    hipLaunchKernelGGL(column_max, dim3((M + 127) / 128), dim3(128), 0, 0, N, M, d_a, d_out);
    hipMemcpy(out, d_out, M * sizeof(float), hipMemcpyDeviceToHost);
    printf("column max %.4f", checksum(out, M));
    hipLaunchKernelGGL(column_max, dim3((M + 31) / 32), dim3(32, 2), 0, 0, N, M, d_a, d_out);   // two threads per column, same values
    hipMemcpy(out, d_out, M * sizeof(float), hipMemcpyDeviceToHost);
    printf(" again %.4f\n", checksum(out, M));

    hipLaunchKernelGGL(row_sums, dim3((N + 63) / 64), dim3(64), 0, 0, N, M, d_a, d_out);
    hipMemcpy(out, d_out, N * sizeof(float), hipMemcpyDeviceToHost);
    printf("row sums %.4f\n", checksum(out, N));

    int ok = hipGetLastError() == hipSuccess;
    printf("%s\n", ok ? "PASS" : "FAIL");
    hipFree(d_a); hipFree(d_w); hipFree(d_out); hipFree(d_scaled); hipFree(d_b); hipFree(d_c);
    free(a); free(w); free(sq); free(out);
    return ok ? 0 : 1;
}
