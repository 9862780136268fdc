// cuSPARSE's generic API, as HIP output must write it (hipSPARSE): CSR matrix and dense vectors, SpMV with its
// work buffer, and CUDA's data-type enum (library_types.h) that hipSPARSE spells as hipDataType.
#include <cstdio>
#include <cuda_runtime.h>
#include <cusparse.h>

#define CUSPARSE_CHECK(call)                                                \
    do {                                                                    \
        cusparseStatus_t s_ = (call);                                       \
        if (s_ != CUSPARSE_STATUS_SUCCESS) {                                \
            fprintf(stderr, "cuSPARSE error %d at line %d\n", (int)s_, __LINE__); \
            return 1;                                                       \
        }                                                                   \
    } while (0)

__global__ void fill_identity(int *offsets, int *columns, float *values, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) { offsets[i] = i; columns[i] = i; values[i] = 2.0f; }
    if (i == n) offsets[n] = n;
}

int main() {
    const int n = 1000;
    int *offsets, *columns;
    float *values, *x, *y;
    cudaMalloc(&offsets, (n + 1) * sizeof(int));
    cudaMalloc(&columns, n * sizeof(int));
    cudaMalloc(&values, n * sizeof(float));
    cudaMalloc(&x, n * sizeof(float));
    cudaMalloc(&y, n * sizeof(float));
    fill_identity<<<(n + 256) / 256, 256>>>(offsets, columns, values, n);

    cusparseHandle_t handle;
    cusparseSpMatDescr_t A;
    cusparseDnVecDescr_t vx, vy;
    CUSPARSE_CHECK(cusparseCreate(&handle));
    CUSPARSE_CHECK(cusparseCreateCsr(&A, n, n, n, offsets, columns, values, CUSPARSE_INDEX_32I, CUSPARSE_INDEX_32I,
                                     CUSPARSE_INDEX_BASE_ZERO, CUDA_R_32F));  // CHECK-HIP: HIPSPARSE_INDEX_BASE_ZERO, HIP_R_32F)
    CUSPARSE_CHECK(cusparseCreateDnVec(&vx, n, x, CUDA_R_32F));
    CUSPARSE_CHECK(cusparseCreateDnVec(&vy, n, y, CUDA_R_32F));
    const float alpha = 1.0f, beta = 0.0f;
    size_t bytes = 0;
    void *buffer = nullptr;
    CUSPARSE_CHECK(cusparseSpMV_bufferSize(handle, CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, A, vx, &beta, vy,
                                           CUDA_R_32F, CUSPARSE_SPMV_ALG_DEFAULT, &bytes));
    cudaMalloc(&buffer, bytes);
    CUSPARSE_CHECK(cusparseSpMV(handle, CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, A, vx, &beta, vy, CUDA_R_32F,
                                CUSPARSE_SPMV_ALG_DEFAULT, buffer));
    cusparseDestroySpMat(A);
    cusparseDestroyDnVec(vx);
    cusparseDestroyDnVec(vy);
    cusparseDestroy(handle);
    cudaFree(buffer); cudaFree(offsets); cudaFree(columns); cudaFree(values); cudaFree(x); cudaFree(y);
    printf("done\n");
    return 0;
}
