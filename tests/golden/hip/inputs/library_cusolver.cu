// cuSOLVER's dense API, as HIP output must write it (hipSOLVER's hipsolverDn compatibility API): Cholesky and
// LU solves, a QR least-squares step and a symmetric eigensolver, each with its _bufferSize query, devInfo
// checks, and the cuBLAS fill/side/operation enums cuSOLVER takes (hipSOLVER spells them as hipBLAS's).
#include <cstdio>
#include <cuda_runtime.h>
#include <cusolverDn.h>

#define CUSOLVER_CHECK(call)                                                \
    do {                                                                    \
        cusolverStatus_t s_ = (call);                                       \
        if (s_ != CUSOLVER_STATUS_SUCCESS) {                                \
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
    cudaMemcpy(&info, d_info, sizeof(int), cudaMemcpyDeviceToHost);
    if (info != 0) fprintf(stderr, "%s: info = %d\n", what, info);
    return info;
}

int main() {
    const int n = 64;
    double *a, *lu, *b, *tau, *w;
    int *ipiv, *info;
    cudaMalloc(&a, n * n * sizeof(double));
    cudaMalloc(&lu, n * n * sizeof(double));
    cudaMalloc(&b, n * sizeof(double));
    cudaMalloc(&tau, n * sizeof(double));
    cudaMalloc(&w, n * sizeof(double));
    cudaMalloc(&ipiv, n * sizeof(int));
    cudaMalloc(&info, sizeof(int));

    cusolverDnHandle_t handle;                                  // CHECK-HIP: hipsolverDnHandle_t handle;
    cudaStream_t stream;
    CUSOLVER_CHECK(cusolverDnCreate(&handle));                  // CHECK-HIP: hipsolverDnCreate(&handle)
    cudaStreamCreate(&stream);
    CUSOLVER_CHECK(cusolverDnSetStream(handle, stream));

    // Cholesky: A = L L^T, then solve A x = b
    dim3 grid((n + 63) / 64, n);
    fill_spd<<<grid, 64, 0, stream>>>(a, n);
    fill_ones<<<1, 64, 0, stream>>>(b, n);
    cudaMemcpyAsync(lu, a, n * n * sizeof(double), cudaMemcpyDeviceToDevice, stream);
    int lwork = 0;
    CUSOLVER_CHECK(cusolverDnDpotrf_bufferSize(handle, CUBLAS_FILL_MODE_LOWER, n, a, n, &lwork));
    double *work;
    cudaMalloc(&work, lwork * sizeof(double));
    CUSOLVER_CHECK(cusolverDnDpotrf(handle, CUBLAS_FILL_MODE_LOWER, n, a, n, work, lwork, info));  // CHECK-HIP: hipsolverDnDpotrf(handle, HIPBLAS_FILL_MODE_LOWER
    if (check_info(info, "potrf")) return 1;
    CUSOLVER_CHECK(cusolverDnDpotrs(handle, CUBLAS_FILL_MODE_LOWER, n, 1, a, n, b, n, info));
    cudaFree(work);

    // LU with partial pivoting on the copy, then solve with its transpose
    CUSOLVER_CHECK(cusolverDnDgetrf_bufferSize(handle, n, n, lu, n, &lwork));
    cudaMalloc(&work, lwork * sizeof(double));
    CUSOLVER_CHECK(cusolverDnDgetrf(handle, n, n, lu, n, work, ipiv, info));
    if (check_info(info, "getrf")) return 1;
    fill_ones<<<1, 64, 0, stream>>>(b, n);
    CUSOLVER_CHECK(cusolverDnDgetrs(handle, CUBLAS_OP_T, n, 1, lu, n, ipiv, b, n, info));  // CHECK-HIP: HIPBLAS_OP_T
    cudaFree(work);

    // QR of a fresh copy, then Q^T b
    fill_spd<<<grid, 64, 0, stream>>>(lu, n);
    int lwork_geqrf = 0, lwork_ormqr = 0;
    CUSOLVER_CHECK(cusolverDnDgeqrf_bufferSize(handle, n, n, lu, n, &lwork_geqrf));
    CUSOLVER_CHECK(cusolverDnDormqr_bufferSize(handle, CUBLAS_SIDE_LEFT, CUBLAS_OP_T, n, 1, n, lu, n, tau, b, n,
                                               &lwork_ormqr));
    lwork = lwork_geqrf > lwork_ormqr ? lwork_geqrf : lwork_ormqr;
    cudaMalloc(&work, lwork * sizeof(double));
    CUSOLVER_CHECK(cusolverDnDgeqrf(handle, n, n, lu, n, tau, work, lwork, info));  // CHECK-HIP: hipsolverDnDgeqrf(handle
    CUSOLVER_CHECK(cusolverDnDormqr(handle, CUBLAS_SIDE_LEFT, CUBLAS_OP_T, n, 1, n, lu, n, tau, b, n, work, lwork,
                                    info));
    cudaFree(work);

    // eigenvalues and eigenvectors of the symmetric matrix
    fill_spd<<<grid, 64, 0, stream>>>(lu, n);
    const cusolverEigMode_t jobz = CUSOLVER_EIG_MODE_VECTOR;    // CHECK-HIP: const hipsolverEigMode_t jobz = HIPSOLVER_EIG_MODE_VECTOR;
    CUSOLVER_CHECK(cusolverDnDsyevd_bufferSize(handle, jobz, CUBLAS_FILL_MODE_UPPER, n, lu, n, w, &lwork));
    cudaMalloc(&work, lwork * sizeof(double));
    CUSOLVER_CHECK(cusolverDnDsyevd(handle, jobz, CUBLAS_FILL_MODE_UPPER, n, lu, n, w, work, lwork, info));
    if (check_info(info, "syevd")) return 1;
    double smallest = 0.0;
    cudaMemcpyAsync(&smallest, w, sizeof(double), cudaMemcpyDeviceToHost, stream);
    cudaStreamSynchronize(stream);
    printf("smallest eigenvalue %.3f\n", smallest);

    cudaFree(work);
    cusolverDnDestroy(handle);
    cudaStreamDestroy(stream);
    cudaFree(a); cudaFree(lu); cudaFree(b); cudaFree(tau); cudaFree(w); cudaFree(ipiv); cudaFree(info);
    printf("done\n");
    return 0;
}
