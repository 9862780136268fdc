// cuBLAS next to the program's own kernel: handle and stream, SetMatrix/GetMatrix, SGEMM with a transposed
// operand, a strided-batched DGEMM, SGEMV, and level-1 routines (axpy, dot, nrm2, asum, Isamax, scal, copy,
// swap), with results in host and device pointer mode. Column-major, as cuBLAS. The data are small integers
// and halves, so every sum is exact in float and the self-check can ask for equality.
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "cublas_gemm_and_level1.launch.h"
#include "cpurt_cublas.h"

#define CUDA_CHECK(call)                                                           \
    do {                                                                           \
        cpurtError_t err_ = (call);                                                 \
        if (err_ != cpurtSuccess) {                                                 \
            fprintf(stderr, "%s at line %d\n", cpurtGetErrorString(err_), __LINE__); \
            exit(1);                                                               \
        }                                                                          \
    } while (0)
#define CUBLAS_CHECK(call)                                                                  \
    do {                                                                                    \
        cublasStatus_t st_ = (call);                                                        \
        if (st_ != CUBLAS_STATUS_SUCCESS) {                                                 \
            fprintf(stderr, "cuBLAS: %s at line %d\n", cublasGetStatusString(st_), __LINE__); \
            exit(1);                                                                        \
        }                                                                                   \
    } while (0)

// the program's own kernel between library calls: y[i] = 2 * y[i] - 1
/* cutrans: kernel 'affine' moved to cublas_gemm_and_level1.kernels.c */





int main()
{
    const int m = 37, k = 19, n = 23, lda = 40, batch = 3;
    static float A[lda * k], B[n * k], C[m * n], want[m * n];
    for (int j = 0; j < k; ++j)
        for (int i = 0; i < lda; ++i) A[j * lda + i] = i < m ? (float)((i * 3 + j * 5) % 7 - 3) : -99.0f;
    for (int j = 0; j < k; ++j)
        for (int i = 0; i < n; ++i) B[j * n + i] = 0.5f * (float)((i + 2 * j) % 5 - 2);   // B is n x k: op(B) = B^T

    cublasHandle_t handle;
    cpurtStream_t stream;
    CUBLAS_CHECK(cublasCreate(&handle));
    CUDA_CHECK(cpurtStreamCreate(&stream));
    CUBLAS_CHECK(cublasSetStream(handle, stream));

    float *dA, *dB, *dC;
    CUDA_CHECK(cpurtMalloc(&dA, sizeof A));
    CUDA_CHECK(cpurtMalloc(&dB, sizeof B));
    CUDA_CHECK(cpurtMalloc(&dC, sizeof C));
    CUBLAS_CHECK(cublasSetMatrix(m, k, sizeof(float), A, lda, dA, m));   // packed on the device: ld m
    CUBLAS_CHECK(cublasSetMatrix(n, k, sizeof(float), B, n, dB, n));
    const float one = 1.0f, zero = 0.0f;
    CUDA_CHECK(cpurtMemset(dC, 0xFF, sizeof C));                           // NaNs: beta = 0 must not read C
    CUBLAS_CHECK(cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_T, m, n, k, &one, dA, m, dB, n, &zero, dC, m));
    CUBLAS_CHECK(cublasGetMatrix(m, n, sizeof(float), dC, m, C, m));
    int bad = 0;
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < m; ++i) {
            float s = 0.0f;
            for (int p = 0; p < k; ++p) s += A[p * lda + i] * B[p * n + j];
            want[j * m + i] = s;
            bad += C[j * m + i] != s;
        }

    // y = A x (first column of C as x, n = 23 entries of it), then the program's kernel, then level 1
    float *dx, *dy, *dz;
    CUDA_CHECK(cpurtMalloc(&dx, k * sizeof(float)));
    CUDA_CHECK(cpurtMalloc(&dy, m * sizeof(float)));
    CUDA_CHECK(cpurtMalloc(&dz, m * sizeof(float)));
    CUBLAS_CHECK(cublasScopy(handle, k, dC, 1, dx, 1));
    CUBLAS_CHECK(cublasSgemv(handle, CUBLAS_OP_N, m, k, &one, dA, m, dx, 1, &zero, dy, 1));
    cutrans_launch_affine(1, 64, 0, stream, dy, m);
    CUDA_CHECK(cpurtGetLastError());
    const float half = 0.5f;
    CUBLAS_CHECK(cublasScopy(handle, m, dy, 1, dz, 1));
    CUBLAS_CHECK(cublasSaxpy(handle, m, &half, dy, 1, dz, 1));           // z = 1.5 y
    CUBLAS_CHECK(cublasSscal(handle, m, &half, dz, 1));                  // z = 0.75 y
    float dot = 0.0f, asum = 0.0f, norm = 0.0f;
    int imax = 0;
    CUBLAS_CHECK(cublasSdot(handle, m, dy, 1, dz, 1, &dot));
    CUBLAS_CHECK(cublasSasum(handle, m, dz, 1, &asum));
    CUBLAS_CHECK(cublasSnrm2(handle, 4, dz, 1, &norm));
    CUBLAS_CHECK(cublasIsamax(handle, m, dz, 1, &imax));
    CUBLAS_CHECK(cublasSswap(handle, m, dy, 1, dz, 1));

    // the same dot product again, its result left in device memory (CUBLAS_POINTER_MODE_DEVICE)
    float *ddot;
    CUDA_CHECK(cpurtMalloc(&ddot, sizeof(float)));
    CUBLAS_CHECK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE));
    CUBLAS_CHECK(cublasSdot(handle, m, dy, 1, dz, 1, ddot));
    CUBLAS_CHECK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_HOST));
    float dot_again = 0.0f, y_after[m], z_after[m];
    CUDA_CHECK(cpurtMemcpy(&dot_again, ddot, sizeof(float), cpurtMemcpyDeviceToHost));
    CUBLAS_CHECK(cublasGetVector(m, sizeof(float), dy, 1, y_after, 1));
    CUBLAS_CHECK(cublasGetVector(m, sizeof(float), dz, 1, z_after, 1));

    float y[m], wdot = 0.0f, wasum = 0.0f, wsq = 0.0f;
    int wmax = 0;
    for (int i = 0; i < m; ++i) {
        float s = 0.0f;
        for (int p = 0; p < k; ++p) s += A[p * lda + i] * want[p];
        y[i] = 2.0f * s - 1.0f;
        float z = 0.75f * y[i];
        wdot += y[i] * z;
        wasum += z < 0 ? -z : z;
        if (i < 4) wsq += z * z;
        if ((z < 0 ? -z : z) > (0.75f * (y[wmax] < 0 ? -y[wmax] : y[wmax]))) wmax = i;
        bad += y_after[i] != z || z_after[i] != y[i];
    }
    bad += dot != wdot || dot_again != wdot || asum != wasum || imax != wmax + 1;
    bad += norm * norm < wsq * 0.9999f || norm * norm > wsq * 1.0001f;
    printf("C[0] = %.2f, C[%d] = %.2f, dot = %.4f, asum = %.4f, nrm2(4) = %.4f, Isamax = %d\n", C[0], m * n - 1,
           C[m * n - 1], dot, asum, norm, imax);

    // a strided batch of DGEMMs: C_b = A_b^T * A_b (k x k), alpha 0.5, beta 2 on a C_b of ones
    const int kk = 5, rows = 6;
    static double As[batch * rows * kk], Cs[batch * kk * kk];
    for (int i = 0; i < batch * rows * kk; ++i) As[i] = (double)(i % 9) - 4.0;
    for (int i = 0; i < batch * kk * kk; ++i) Cs[i] = 1.0;
    double *dAs, *dCs;
    CUDA_CHECK(cpurtMalloc(&dAs, sizeof As));
    CUDA_CHECK(cpurtMalloc(&dCs, sizeof Cs));
    CUDA_CHECK(cpurtMemcpy(dAs, As, sizeof As, cpurtMemcpyHostToDevice));
    CUDA_CHECK(cpurtMemcpy(dCs, Cs, sizeof Cs, cpurtMemcpyHostToDevice));
    const double alpha = 0.5, beta = 2.0;
    CUBLAS_CHECK(cublasDgemmStridedBatched(handle, CUBLAS_OP_T, CUBLAS_OP_N, kk, kk, rows, &alpha, dAs, rows,
                                           rows * kk, dAs, rows, rows * kk, &beta, dCs, kk, kk * kk, batch));
    CUDA_CHECK(cpurtMemcpy(Cs, dCs, sizeof Cs, cpurtMemcpyDeviceToHost));
    double trace = 0.0;
    for (int b = 0; b < batch; ++b)
        for (int i = 0; i < kk; ++i)
            for (int j = 0; j < kk; ++j) {
                double s = 0.0;
                for (int p = 0; p < rows; ++p) s += As[b * rows * kk + i * rows + p] * As[b * rows * kk + j * rows + p];
                bad += Cs[b * kk * kk + j * kk + i] != 0.5 * s + 2.0;
                if (i == j) trace += Cs[b * kk * kk + j * kk + i];
            }
    printf("batched trace = %.1f\n", trace);

    CUBLAS_CHECK(cublasDestroy(handle));
    CUDA_CHECK(cpurtStreamDestroy(stream));
    cpurtFree(dA); cpurtFree(dB); cpurtFree(dC); cpurtFree(dx); cpurtFree(dy); cpurtFree(dz); cpurtFree(ddot);
    cpurtFree(dAs); cpurtFree(dCs);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad != 0;
}
