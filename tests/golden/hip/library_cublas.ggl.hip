// cuBLAS, as HIP output must write it (hipBLAS): handle, stream, pointer mode, level 1/2/3 routines,
// batched GEMM and the status enum in an error-check macro. Column-major, as in cuBLAS.
#include <cstdio>
#include <vector>
#include <hip/hip_runtime.h>
#include <hipblas/hipblas.h>

#define CUBLAS_CHECK(call)                                                  \
    do {                                                                    \
        hipblasStatus_t status_ = (call);                                    \
        if (status_ != HIPBLAS_STATUS_SUCCESS) {                             \
            fprintf(stderr, "%s at line %d\n", hipblasStatusToString(status_), __LINE__); \
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
    hipMalloc(&A, m * k * sizeof(float));
    hipMalloc(&B, k * n * sizeof(float));
    hipMalloc(&C, m * n * batch * sizeof(float));
    hipMalloc(&x, k * sizeof(float));
    hipMalloc(&y, m * sizeof(float));
    hipMalloc(&s, m * sizeof(float));

    hipblasHandle_t handle;
    hipStream_t stream;
    CUBLAS_CHECK(hipblasCreate(&handle));                       // CHECK-HIP: hipblasCreate(&handle)
    hipStreamCreate(&stream);
    CUBLAS_CHECK(hipblasSetStream(handle, stream));
    CUBLAS_CHECK(hipblasSetPointerMode(handle, HIPBLAS_POINTER_MODE_HOST));
    CUBLAS_CHECK(hipblasSetMatrix(m, k, sizeof(float), host.data(), m, A, m));
    CUBLAS_CHECK(hipblasSetVector(k, sizeof(float), host.data(), 1, x, 1));

    const float alpha = 1.0f, beta = 0.0f;
    CUBLAS_CHECK(hipblasSgemv(handle, HIPBLAS_OP_N, m, k, &alpha, A, m, x, 1, &beta, y, 1));
    CUBLAS_CHECK(hipblasSgemm(handle, HIPBLAS_OP_N, HIPBLAS_OP_T, m, n, k, &alpha, A, m, B, n, &beta, C, m));
    CUBLAS_CHECK(hipblasSgemmStridedBatched(handle, HIPBLAS_OP_N, HIPBLAS_OP_N, m, n, k, &alpha, A, m, 0, B, k, 0,
                                           &beta, C, m, (long long)m * n, batch));
    hipLaunchKernelGGL(scale_rows, dim3((m * n + 255) / 256), dim3(256), 0, stream, C, y, m, n);

    float dot = 0.0f, norm = 0.0f;
    int index = 0;
    CUBLAS_CHECK(hipblasSaxpy(handle, m, &alpha, y, 1, s, 1));
    CUBLAS_CHECK(hipblasSdot(handle, m, y, 1, s, 1, &dot));
    CUBLAS_CHECK(hipblasSnrm2(handle, m, s, 1, &norm));
    CUBLAS_CHECK(hipblasIsamax(handle, m, s, 1, &index));       // CHECK-HIP: hipblasIsamax(handle, m, s, 1, &index)
    CUBLAS_CHECK(hipblasGetVector(m, sizeof(float), y, 1, host.data(), 1));
    printf("%f %f %d %f\n", dot, norm, index, host[0]);

    CUBLAS_CHECK(hipblasDestroy(handle));
    hipStreamDestroy(stream);
    hipFree(A); hipFree(B); hipFree(C); hipFree(x); hipFree(y); hipFree(s);
    return 0;
}
