// cuBLAS, as HIP output must write it (hipBLAS): handle, stream, pointer mode, level 1/2/3 routines,
// batched GEMM and the status enum in an error-check macro. Column-major, as in cuBLAS.
#include <cstdio>
#include <vector>
#include <cuda_runtime.h>
#include <cublas_v2.h>

#define CUBLAS_CHECK(call)                                                  \
    do {                                                                    \
        cublasStatus_t status_ = (call);                                    \
        if (status_ != CUBLAS_STATUS_SUCCESS) {                             \
            fprintf(stderr, "%s at line %d\n", cublasGetStatusString(status_), __LINE__); \
            return 1;                                                       \
        }                                                                   \
    } while (0)

__global__ void scale_rows(float *a, const float *s, int rows, int cols) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < rows * cols) a[i] *= s[i % rows];
}

int main() {
    const int m = 64, n = 32, k = 48, batch = 4;
    std::vector<float> host(m * k, 1.0f);
    float *A, *B, *C, *x, *y, *s;
    cudaMalloc(&A, m * k * sizeof(float));
    cudaMalloc(&B, k * n * sizeof(float));
    cudaMalloc(&C, m * n * batch * sizeof(float));
    cudaMalloc(&x, k * sizeof(float));
    cudaMalloc(&y, m * sizeof(float));
    cudaMalloc(&s, m * sizeof(float));

    cublasHandle_t handle;
    cudaStream_t stream;
    CUBLAS_CHECK(cublasCreate(&handle));                       // CHECK-HIP: hipblasCreate(&handle)
    cudaStreamCreate(&stream);
    CUBLAS_CHECK(cublasSetStream(handle, stream));
    CUBLAS_CHECK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_HOST));
    CUBLAS_CHECK(cublasSetMatrix(m, k, sizeof(float), host.data(), m, A, m));
    CUBLAS_CHECK(cublasSetVector(k, sizeof(float), host.data(), 1, x, 1));

    const float alpha = 1.0f, beta = 0.0f;
    CUBLAS_CHECK(cublasSgemv(handle, CUBLAS_OP_N, m, k, &alpha, A, m, x, 1, &beta, y, 1));
    CUBLAS_CHECK(cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_T, m, n, k, &alpha, A, m, B, n, &beta, C, m));
    CUBLAS_CHECK(cublasSgemmStridedBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, A, m, 0, B, k, 0,
                                           &beta, C, m, (long long)m * n, batch));
    scale_rows<<<(m * n + 255) / 256, 256, 0, stream>>>(C, y, m, n);

    float dot = 0.0f, norm = 0.0f;
    int index = 0;
    CUBLAS_CHECK(cublasSaxpy(handle, m, &alpha, y, 1, s, 1));
    CUBLAS_CHECK(cublasSdot(handle, m, y, 1, s, 1, &dot));
    CUBLAS_CHECK(cublasSnrm2(handle, m, s, 1, &norm));
    CUBLAS_CHECK(cublasIsamax(handle, m, s, 1, &index));       // CHECK-HIP: hipblasIsamax(handle, m, s, 1, &index)
    CUBLAS_CHECK(cublasGetVector(m, sizeof(float), y, 1, host.data(), 1));
    printf("%f %f %d %f\n", dot, norm, index, host[0]);

    CUBLAS_CHECK(cublasDestroy(handle));
    cudaStreamDestroy(stream);
    cudaFree(A); cudaFree(B); cudaFree(C); cudaFree(x); cudaFree(y); cudaFree(s);
    return 0;
}
