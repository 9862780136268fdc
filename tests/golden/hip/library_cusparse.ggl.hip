// cuSPARSE's generic API, as HIP output must write it (hipSPARSE): CSR matrix and dense vectors, SpMV with its
// work buffer, and CUDA's data-type enum (library_types.h) that hipSPARSE spells as hipDataType.
#include <cstdio>
#include <hip/hip_runtime.h>
#include <hipsparse/hipsparse.h>

#define CUSPARSE_CHECK(call)                                                \
    do {                                                                    \
        hipsparseStatus_t s_ = (call);                                       \
        if (s_ != HIPSPARSE_STATUS_SUCCESS) {                                \
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
    hipMalloc(&offsets, (n + 1) * sizeof(int));
    hipMalloc(&columns, n * sizeof(int));
    hipMalloc(&values, n * sizeof(float));
    hipMalloc(&x, n * sizeof(float));
    hipMalloc(&y, n * sizeof(float));
    hipLaunchKernelGGL(fill_identity, dim3((n + 256) / 256), dim3(256), 0, 0, offsets, columns, values, n);

    hipsparseHandle_t handle;
    hipsparseSpMatDescr_t A;
    hipsparseDnVecDescr_t vx, vy;
    CUSPARSE_CHECK(hipsparseCreate(&handle));
    CUSPARSE_CHECK(hipsparseCreateCsr(&A, n, n, n, offsets, columns, values, HIPSPARSE_INDEX_32I, HIPSPARSE_INDEX_32I,
                                     HIPSPARSE_INDEX_BASE_ZERO, HIP_R_32F));  // CHECK-HIP: HIPSPARSE_INDEX_BASE_ZERO, HIP_R_32F)
    CUSPARSE_CHECK(hipsparseCreateDnVec(&vx, n, x, HIP_R_32F));
    CUSPARSE_CHECK(hipsparseCreateDnVec(&vy, n, y, HIP_R_32F));
    const float alpha = 1.0f, beta = 0.0f;
    size_t bytes = 0;
    void *buffer = nullptr;
    CUSPARSE_CHECK(hipsparseSpMV_bufferSize(handle, HIPSPARSE_OPERATION_NON_TRANSPOSE, &alpha, A, vx, &beta, vy,
                                           HIP_R_32F, HIPSPARSE_SPMV_ALG_DEFAULT, &bytes));
    hipMalloc(&buffer, bytes);
    CUSPARSE_CHECK(hipsparseSpMV(handle, HIPSPARSE_OPERATION_NON_TRANSPOSE, &alpha, A, vx, &beta, vy, HIP_R_32F,
                                HIPSPARSE_SPMV_ALG_DEFAULT, buffer));
    hipsparseDestroySpMat(A);
    hipsparseDestroyDnVec(vx);
    hipsparseDestroyDnVec(vy);
    hipsparseDestroy(handle);
    hipFree(buffer); hipFree(offsets); hipFree(columns); hipFree(values); hipFree(x); hipFree(y);
    printf("done\n");
    return 0;
}
