// cuSOLVER's dense API, as HIP output must write it (hipSOLVER's hipsolverDn compatibility API): Cholesky and
// LU solves, a QR least-squares step and a symmetric eigensolver, each with its _bufferSize query, devInfo
// checks, and the cuBLAS fill/side/operation enums cuSOLVER takes (hipSOLVER spells them as hipBLAS's).
#include <cstdio>
#include <hip/hip_runtime.h>
#include <hipsolver/hipsolver.h>

#define CUSOLVER_CHECK(call)                                                \
    do {                                                                    \
        hipsolverStatus_t s_ = (call);                                       \
        if (s_ != HIPSOLVER_STATUS_SUCCESS) {                                \
            fprintf(stderr, "cuSOLVER error %d at line %d\n", (int)s_, __LINE__); \
            return 1;                                                       \
        }                                                                   \
    } while (0)

// A symmetric, diagonally dominant matrix (column-major), so Cholesky, LU and the eigensolver all succeed.
__global__ void fill_spd(double *a, int n) {
    int row = blockIdx.x * blockDim.x + threadIdx.x;
    int col = blockIdx.y;
    if (row < n && col < n) a[col * n + row] = row == col ? 2.0 * n : 1.0 / (1 + row + col);
}

__global__ void fill_ones(double *b, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) b[i] = 1.0;
}

static int check_info(const int *d_info, const char *what) {
    int info = 0;
    hipMemcpy(&info, d_info, sizeof(int), hipMemcpyDeviceToHost);
    if (info != 0) fprintf(stderr, "%s: info = %d\n", what, info);
    return info;
}

int main() {
    const int n = 64;
    double *a, *lu, *b, *tau, *w;
    int *ipiv, *info;
    hipMalloc(&a, n * n * sizeof(double));
    hipMalloc(&lu, n * n * sizeof(double));
    hipMalloc(&b, n * sizeof(double));
    hipMalloc(&tau, n * sizeof(double));
    hipMalloc(&w, n * sizeof(double));
    hipMalloc(&ipiv, n * sizeof(int));
    hipMalloc(&info, sizeof(int));

    hipsolverDnHandle_t handle;                                  // CHECK-HIP: hipsolverDnHandle_t handle;
    hipStream_t stream;
    CUSOLVER_CHECK(hipsolverDnCreate(&handle));                  // CHECK-HIP: hipsolverDnCreate(&handle)
    hipStreamCreate(&stream);
    CUSOLVER_CHECK(hipsolverDnSetStream(handle, stream));

    // Cholesky: A = L L^T, then solve A x = b
    dim3 grid((n + 63) / 64, n);
    hipLaunchKernelGGL(fill_spd, dim3(grid), dim3(64), 0, stream, a, n);
    hipLaunchKernelGGL(fill_ones, dim3(1), dim3(64), 0, stream, b, n);
    hipMemcpyAsync(lu, a, n * n * sizeof(double), hipMemcpyDeviceToDevice, stream);
    int lwork = 0;
    CUSOLVER_CHECK(hipsolverDnDpotrf_bufferSize(handle, HIPBLAS_FILL_MODE_LOWER, n, a, n, &lwork));
    double *work;
    hipMalloc(&work, lwork * sizeof(double));
    CUSOLVER_CHECK(hipsolverDnDpotrf(handle, HIPBLAS_FILL_MODE_LOWER, n, a, n, work, lwork, info));  // CHECK-HIP: hipsolverDnDpotrf(handle, HIPBLAS_FILL_MODE_LOWER
    if (check_info(info, "potrf")) return 1;
    CUSOLVER_CHECK(hipsolverDnDpotrs(handle, HIPBLAS_FILL_MODE_LOWER, n, 1, a, n, b, n, info));
    hipFree(work);

    // LU with partial pivoting on the copy, then solve with its transpose
    CUSOLVER_CHECK(hipsolverDnDgetrf_bufferSize(handle, n, n, lu, n, &lwork));
    hipMalloc(&work, lwork * sizeof(double));
    CUSOLVER_CHECK(hipsolverDnDgetrf(handle, n, n, lu, n, work, ipiv, info));
    if (check_info(info, "getrf")) return 1;
    hipLaunchKernelGGL(fill_ones, dim3(1), dim3(64), 0, stream, b, n);
    CUSOLVER_CHECK(hipsolverDnDgetrs(handle, HIPBLAS_OP_T, n, 1, lu, n, ipiv, b, n, info));  // CHECK-HIP: HIPBLAS_OP_T
    hipFree(work);

    // QR of a fresh copy, then Q^T b
    hipLaunchKernelGGL(fill_spd, dim3(grid), dim3(64), 0, stream, lu, n);
    int lwork_geqrf = 0, lwork_ormqr = 0;
    CUSOLVER_CHECK(hipsolverDnDgeqrf_bufferSize(handle, n, n, lu, n, &lwork_geqrf));
    CUSOLVER_CHECK(hipsolverDnDormqr_bufferSize(handle, HIPBLAS_SIDE_LEFT, HIPBLAS_OP_T, n, 1, n, lu, n, tau, b, n,
                                               &lwork_ormqr));
    lwork = lwork_geqrf > lwork_ormqr ? lwork_geqrf : lwork_ormqr;
    hipMalloc(&work, lwork * sizeof(double));
    CUSOLVER_CHECK(hipsolverDnDgeqrf(handle, n, n, lu, n, tau, work, lwork, info));  // CHECK-HIP: hipsolverDnDgeqrf(handle
    CUSOLVER_CHECK(hipsolverDnDormqr(handle, HIPBLAS_SIDE_LEFT, HIPBLAS_OP_T, n, 1, n, lu, n, tau, b, n, work, lwork,
                                    info));
    hipFree(work);

    // eigenvalues and eigenvectors of the symmetric matrix
    hipLaunchKernelGGL(fill_spd, dim3(grid), dim3(64), 0, stream, lu, n);
    const hipsolverEigMode_t jobz = HIPSOLVER_EIG_MODE_VECTOR;    // CHECK-HIP: const hipsolverEigMode_t jobz = HIPSOLVER_EIG_MODE_VECTOR;
    CUSOLVER_CHECK(hipsolverDnDsyevd_bufferSize(handle, jobz, HIPBLAS_FILL_MODE_UPPER, n, lu, n, w, &lwork));
    hipMalloc(&work, lwork * sizeof(double));
    CUSOLVER_CHECK(hipsolverDnDsyevd(handle, jobz, HIPBLAS_FILL_MODE_UPPER, n, lu, n, w, work, lwork, info));
    if (check_info(info, "syevd")) return 1;
    double smallest = 0.0;
    hipMemcpyAsync(&smallest, w, sizeof(double), hipMemcpyDeviceToHost, stream);
    hipStreamSynchronize(stream);
    printf("smallest eigenvalue %.3f\n", smallest);

    hipFree(work);
    hipsolverDnDestroy(handle);
    hipStreamDestroy(stream);
    hipFree(a); hipFree(lu); hipFree(b); hipFree(tau); hipFree(w); hipFree(ipiv); hipFree(info);
    printf("done\n");
    return 0;
}
