// A barrier-free kernel whose threads walk the columns of a row-major matrix in two loops one after the
// other, sharing one `int i;`, with statements before and between them (PolyBench gramschmidt's third
// kernel): r[k][j] = q[:,k] . a[:,j], then a[:,j] -= q[:,k] * r[k][j], for every column j > k. The CPU
// target runs each loop at block level, one row at a time for the whole block (passes/sink_thread_loops.py);
// each thread still runs its own statements in its own order, so the numbers are the same bits.
#include <cmath>
#include <cstdio>
#include <hip/hip_runtime.h>

__global__ void project_out(int rows, int cols, float *a, float *r, const float *q, int k)
{
    int j = blockIdx.x * blockDim.x + threadIdx.x;
    if (j > k && j < cols) {
        r[k * cols + j] = 0.0f;
        int i;
        for (i = 0; i < rows; i++) {
            r[k * cols + j] += q[i * cols + k] * a[i * cols + j];
        }
        float scale = r[k * cols + j] < 0.0f ? -1.0f : 1.0f;      // used by the second loop
        for (i = 0; i < rows; i++) {
            a[i * cols + j] -= q[i * cols + k] * r[k * cols + j] * scale * scale;
        }
    }
}

int main()
{
    const int rows = 37, cols = 45, k = 3;
    static float a[rows * cols], q[rows * cols], r[cols * cols], a_ref[rows * cols], r_ref[cols * cols];
    for (int i = 0; i < rows * cols; ++i) {
        a[i] = a_ref[i] = 0.125f * ((i * 29) % 17) - 1.0f;
        q[i] = 0.0625f * ((i * 13) % 23) - 0.5f;
    }
    for (int i = 0; i < cols * cols; ++i) {
        r[i] = r_ref[i] = -7.0f;
    }
    float *da, *dr, *dq;
    hipMalloc((void **)&da, sizeof a);
    hipMalloc((void **)&dr, sizeof r);
    hipMalloc((void **)&dq, sizeof q);
    hipMemcpy(da, a, sizeof a, hipMemcpyHostToDevice);
    hipMemcpy(dr, r, sizeof r, hipMemcpyHostToDevice);
    hipMemcpy(dq, q, sizeof q, hipMemcpyHostToDevice);
    hipLaunchKernelGGL(project_out, dim3(3), dim3(16), 0, 0, rows, cols, da, dr, dq, k);
    hipMemcpy(a, da, sizeof a, hipMemcpyDeviceToHost);
    hipMemcpy(r, dr, sizeof r, hipMemcpyDeviceToHost);

    // the same steps on the host: every product and sum here is exact in float (few significant bits)
    for (int j = k + 1; j < cols; ++j) {
        r_ref[k * cols + j] = 0.0f;
        for (int i = 0; i < rows; i++) {
            r_ref[k * cols + j] += q[i * cols + k] * a_ref[i * cols + j];
        }
        for (int i = 0; i < rows; i++) {
            a_ref[i * cols + j] -= q[i * cols + k] * r_ref[k * cols + j];
        }
    }
    int failures = 0;
    for (int i = 0; i < rows * cols; ++i) {
        if (a[i] != a_ref[i]) {
            printf("FAIL a[%d] = %g, expected %g\n", i, a[i], a_ref[i]);
            ++failures;
        }
    }
    for (int i = 0; i < cols * cols; ++i) {
        if (r[i] != r_ref[i]) {
            printf("FAIL r[%d] = %g, expected %g\n", i, r[i], r_ref[i]);
            ++failures;
        }
    }
    double sum = 0.0;
    for (int i = 0; i < rows * cols; ++i) {
        sum += a[i] * (1 + i % 7);
    }
    printf("r[k][k+1..k+4] = %g %g %g %g, checksum of a %.6f\n", r[k * cols + k + 1], r[k * cols + k + 2],
           r[k * cols + k + 3], r[k * cols + k + 4], sum);
    hipFree(da);
    hipFree(dr);
    hipFree(dq);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
