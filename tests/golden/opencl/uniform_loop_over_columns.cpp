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
#include "oclrt.h"
#include "uniform_loop_over_columns.launch.h"

#define N 300
#define M 170

/* cutrans: kernel 'column_sums' moved to uniform_loop_over_columns.cl */











/* cutrans: kernel 'product' moved to uniform_loop_over_columns.cl */












/* cutrans: kernel 'column_max' moved to uniform_loop_over_columns.cl */










/* cutrans: kernel 'row_sums' moved to uniform_loop_over_columns.cl */









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
    oclrtMalloc(&d_a, N * M * sizeof(float));
    oclrtMalloc(&d_w, N * sizeof(float));
    oclrtMalloc(&d_out, N * sizeof(float));
    oclrtMalloc(&d_scaled, N * sizeof(float));
    oclrtMalloc(&d_b, M * M * sizeof(float));
    oclrtMalloc(&d_c, M * M * sizeof(float));
    oclrtMemcpy(d_a, a, N * M * sizeof(float), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_w, w, N * sizeof(float), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_b, sq, M * M * sizeof(float), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_c, sq, M * M * sizeof(float), oclrtMemcpyHostToDevice);

    cutrans_launch_column_sums((M + 63) / 64, 64, 0, 0, N, M, d_a, d_w, d_out, d_scaled);
    oclrtMemcpy(out, d_out, M * sizeof(float), oclrtMemcpyDeviceToHost);
    printf("column sums %.4f", checksum(out, M));
    oclrtMemcpy(out, d_scaled, M * sizeof(float), oclrtMemcpyDeviceToHost);
    printf(" scaled %.4f\n", checksum(out, M));

    cutrans_launch_product(dim3((M + 31) / 32, (M + 7) / 8), dim3(32, 8), 0, 0, M, M, d_b, d_b, d_c);
    oclrtMemcpy(sq, d_c, M * M * sizeof(float), oclrtMemcpyDeviceToHost);
    printf("product %.4f\n", checksum(sq, M * M));

    cutrans_launch_column_max((M + 127) / 128, 128, 0, 0, N, M, d_a, d_out);
    oclrtMemcpy(out, d_out, M * sizeof(float), oclrtMemcpyDeviceToHost);
    printf("column max %.4f", checksum(out, M));
    cutrans_launch_column_max((M + 31) / 32, dim3(32, 2), 0, 0, N, M, d_a, d_out);   // two threads per column, same values
    oclrtMemcpy(out, d_out, M * sizeof(float), oclrtMemcpyDeviceToHost);
    printf(" again %.4f\n", checksum(out, M));

    cutrans_launch_row_sums((N + 63) / 64, 64, 0, 0, N, M, d_a, d_out);
    oclrtMemcpy(out, d_out, N * sizeof(float), oclrtMemcpyDeviceToHost);
    printf("row sums %.4f\n", checksum(out, N));

    int ok = oclrtGetLastError() == oclrtSuccess;
    printf("%s\n", ok ? "PASS" : "FAIL");
    oclrtFree(d_a); oclrtFree(d_w); oclrtFree(d_out); oclrtFree(d_scaled); oclrtFree(d_b); oclrtFree(d_c);
    free(a); free(w); free(sq); free(out);
    return ok ? 0 : 1;
}
