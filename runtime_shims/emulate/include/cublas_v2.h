// The CPU emulation's cuBLAS: the routines cutrans translates for the OpenCL and CPU targets, written
// straight from the BLAS definitions on the emulation's memory (plain host memory). It is the reference the
// translations are checked against, so it shares no code with runtime_shims/common/cutrans_cublas.h.
// Column-major; products are summed in index order with one rounding each, as real cuBLAS is not: results
// agree with an NVIDIA GPU's only to rounding, which verify allows for floating point.
#pragma once
#include <cmath>
#include <cstring>
#include <cuda_runtime.h>

typedef enum {
    CUBLAS_STATUS_SUCCESS = 0,
    CUBLAS_STATUS_NOT_INITIALIZED = 1,
    CUBLAS_STATUS_ALLOC_FAILED = 3,
    CUBLAS_STATUS_INVALID_VALUE = 7,
    CUBLAS_STATUS_ARCH_MISMATCH = 8,
    CUBLAS_STATUS_MAPPING_ERROR = 11,
    CUBLAS_STATUS_EXECUTION_FAILED = 13,
    CUBLAS_STATUS_INTERNAL_ERROR = 14,
    CUBLAS_STATUS_NOT_SUPPORTED = 15,
    CUBLAS_STATUS_LICENSE_ERROR = 16
} cublasStatus_t;
typedef enum { CUBLAS_OP_N = 0, CUBLAS_OP_T = 1, CUBLAS_OP_C = 2 } cublasOperation_t;
typedef enum { CUBLAS_POINTER_MODE_HOST = 0, CUBLAS_POINTER_MODE_DEVICE = 1 } cublasPointerMode_t;

struct cuemu_cublas_handle {
    cudaStream_t stream;
    cublasPointerMode_t mode;
};
typedef cuemu_cublas_handle *cublasHandle_t;

namespace cuemu {
namespace blas {
// Element i of a strided vector of n elements (a negative increment walks it from its far end).
template <class T>
T &item(T *x, int i, int n, int inc)
{
    return inc > 0 ? x[(long long)i * inc] : x[(long long)(n - 1 - i) * -inc];
}
// op(X)(i, j) for X stored column-major with leading dimension ld.
template <class T>
T entry(const T *x, cublasOperation_t op, int i, int j, int ld)
{
    return op == CUBLAS_OP_N ? x[(long long)j * ld + i] : x[(long long)i * ld + j];
}
} // namespace blas
} // namespace cuemu

inline cublasStatus_t cublasCreate(cublasHandle_t *h)
{
    *h = new cuemu_cublas_handle{nullptr, CUBLAS_POINTER_MODE_HOST};
    return CUBLAS_STATUS_SUCCESS;
}
inline cublasStatus_t cublasDestroy(cublasHandle_t h)
{
    delete h;
    return CUBLAS_STATUS_SUCCESS;
}
inline cublasStatus_t cublasSetStream(cublasHandle_t h, cudaStream_t s)
{
    h->stream = s;
    return CUBLAS_STATUS_SUCCESS;
}
inline cublasStatus_t cublasGetStream(cublasHandle_t h, cudaStream_t *s)
{
    *s = h->stream;
    return CUBLAS_STATUS_SUCCESS;
}
inline cublasStatus_t cublasSetPointerMode(cublasHandle_t h, cublasPointerMode_t mode)
{
    h->mode = mode;
    return CUBLAS_STATUS_SUCCESS;
}
inline cublasStatus_t cublasGetPointerMode(cublasHandle_t h, cublasPointerMode_t *mode)
{
    *mode = h->mode;
    return CUBLAS_STATUS_SUCCESS;
}
inline const char *cublasGetStatusString(cublasStatus_t s)
{
    return s == CUBLAS_STATUS_SUCCESS ? "the operation completed successfully" : "cuBLAS error";
}
inline cublasStatus_t cublasSetVector(int n, int size, const void *x, int incx, void *y, int incy)
{
    for (int i = 0; i < n; ++i) {
        std::memcpy(static_cast<char *>(y) + (long long)i * incy * size,
                    static_cast<const char *>(x) + (long long)i * incx * size, size);
    }
    return CUBLAS_STATUS_SUCCESS;
}
inline cublasStatus_t cublasGetVector(int n, int size, const void *x, int incx, void *y, int incy)
{
    return cublasSetVector(n, size, x, incx, y, incy);
}
inline cublasStatus_t cublasSetMatrix(int rows, int cols, int size, const void *a, int lda, void *b, int ldb)
{
    for (int j = 0; j < cols; ++j) {
        std::memcpy(static_cast<char *>(b) + (long long)j * ldb * size,
                    static_cast<const char *>(a) + (long long)j * lda * size, (std::size_t)rows * size);
    }
    return CUBLAS_STATUS_SUCCESS;
}
inline cublasStatus_t cublasGetMatrix(int rows, int cols, int size, const void *a, int lda, void *b, int ldb)
{
    return cublasSetMatrix(rows, cols, size, a, lda, b, ldb);
}

#define CUEMU_CUBLAS_REAL(T, P, I)                                                                                   \
    inline cublasStatus_t cublas##P##gemm(cublasHandle_t, cublasOperation_t ta, cublasOperation_t tb, int m, int n,  \
                                          int k, const T *alpha, const T *a, int lda, const T *b, int ldb,           \
                                          const T *beta, T *c, int ldc)                                              \
    {                                                                                                                \
        for (int j = 0; j < n; ++j) {                                                                                \
            for (int i = 0; i < m; ++i) {                                                                            \
                T acc = 0;                                                                                           \
                for (int p = 0; p < k; ++p) {                                                                        \
                    T prod = cuemu::blas::entry(a, ta, i, p, lda) * cuemu::blas::entry(b, tb, p, j, ldb);            \
                    acc = acc + prod;                                                                                \
                }                                                                                                    \
                T scaled = *alpha * acc;                                                                             \
                T &out = c[(long long)j * ldc + i];                                                                  \
                out = *beta == T(0) ? scaled : scaled + *beta * out;                                                 \
            }                                                                                                        \
        }                                                                                                            \
        return CUBLAS_STATUS_SUCCESS;                                                                                \
    }                                                                                                                \
    inline cublasStatus_t cublas##P##gemmStridedBatched(                                                             \
        cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb, int m, int n, int k, const T *alpha,           \
        const T *a, int lda, long long sa, const T *b, int ldb, long long sb, const T *beta, T *c, int ldc,          \
        long long sc, int count)                                                                                     \
    {                                                                                                                \
        for (int q = 0; q < count; ++q) {                                                                            \
            cublas##P##gemm(h, ta, tb, m, n, k, alpha, a + q * sa, lda, b + q * sb, ldb, beta, c + q * sc, ldc);     \
        }                                                                                                            \
        return CUBLAS_STATUS_SUCCESS;                                                                                \
    }                                                                                                                \
    inline cublasStatus_t cublas##P##gemv(cublasHandle_t, cublasOperation_t t, int m, int n, const T *alpha,         \
                                          const T *a, int lda, const T *x, int incx, const T *beta, T *y, int incy)  \
    {                                                                                                                \
        int rows = t == CUBLAS_OP_N ? m : n, cols = t == CUBLAS_OP_N ? n : m;                                        \
        for (int i = 0; i < rows; ++i) {                                                                             \
            T acc = 0;                                                                                               \
            for (int j = 0; j < cols; ++j) {                                                                         \
                acc = acc + cuemu::blas::entry(a, t, i, j, lda) * cuemu::blas::item(x, j, cols, incx);               \
            }                                                                                                        \
            T &out = cuemu::blas::item(y, i, rows, incy);                                                            \
            out = *beta == T(0) ? *alpha * acc : *alpha * acc + *beta * out;                                         \
        }                                                                                                            \
        return CUBLAS_STATUS_SUCCESS;                                                                                \
    }                                                                                                                \
    inline cublasStatus_t cublas##P##axpy(cublasHandle_t, int n, const T *alpha, const T *x, int incx, T *y,         \
                                          int incy)                                                                  \
    {                                                                                                                \
        for (int i = 0; i < n; ++i) cuemu::blas::item(y, i, n, incy) += *alpha * cuemu::blas::item(x, i, n, incx);   \
        return CUBLAS_STATUS_SUCCESS;                                                                                \
    }                                                                                                                \
    inline cublasStatus_t cublas##P##dot(cublasHandle_t, int n, const T *x, int incx, const T *y, int incy, T *r)    \
    {                                                                                                                \
        T acc = 0;                                                                                                   \
        for (int i = 0; i < n; ++i) acc = acc + cuemu::blas::item(x, i, n, incx) * cuemu::blas::item(y, i, n, incy); \
        *r = acc;                                                                                                    \
        return CUBLAS_STATUS_SUCCESS;                                                                                \
    }                                                                                                                \
    inline cublasStatus_t cublas##P##scal(cublasHandle_t, int n, const T *alpha, T *x, int incx)                     \
    {                                                                                                                \
        for (int i = 0; incx > 0 && i < n; ++i) x[(long long)i * incx] *= *alpha;                                    \
        return CUBLAS_STATUS_SUCCESS;                                                                                \
    }                                                                                                                \
    inline cublasStatus_t cublas##P##nrm2(cublasHandle_t, int n, const T *x, int incx, T *r)                         \
    {                                                                                                                \
        T big = 0, sum = 1;                                                                                          \
        for (int i = 0; incx > 0 && i < n; ++i) {                                                                    \
            T v = std::fabs(x[(long long)i * incx]);                                                                 \
            if (v != T(0)) {                                                                                         \
                if (v > big) {                                                                                       \
                    sum = T(1) + sum * (big / v) * (big / v);                                                        \
                    big = v;                                                                                         \
                } else {                                                                                             \
                    sum = sum + (v / big) * (v / big);                                                               \
                }                                                                                                    \
            }                                                                                                        \
        }                                                                                                            \
        *r = big * std::sqrt(sum);                                                                                   \
        return CUBLAS_STATUS_SUCCESS;                                                                                \
    }                                                                                                                \
    inline cublasStatus_t cublas##P##asum(cublasHandle_t, int n, const T *x, int incx, T *r)                         \
    {                                                                                                                \
        T acc = 0;                                                                                                   \
        for (int i = 0; incx > 0 && i < n; ++i) acc = acc + std::fabs(x[(long long)i * incx]);                       \
        *r = acc;                                                                                                    \
        return CUBLAS_STATUS_SUCCESS;                                                                                \
    }                                                                                                                \
    inline cublasStatus_t cublasI##I##amax(cublasHandle_t, int n, const T *x, int incx, int *r)                      \
    {                                                                                                                \
        *r = n > 0 && incx > 0 ? 1 : 0;                                                                              \
        for (int i = 1; incx > 0 && i < n; ++i) {                                                                    \
            if (std::fabs(x[(long long)i * incx]) > std::fabs(x[(long long)(*r - 1) * incx])) *r = i + 1;            \
        }                                                                                                            \
        return CUBLAS_STATUS_SUCCESS;                                                                                \
    }                                                                                                                \
    inline cublasStatus_t cublas##P##copy(cublasHandle_t, int n, const T *x, int incx, T *y, int incy)               \
    {                                                                                                                \
        for (int i = 0; i < n; ++i) cuemu::blas::item(y, i, n, incy) = cuemu::blas::item(x, i, n, incx);             \
        return CUBLAS_STATUS_SUCCESS;                                                                                \
    }                                                                                                                \
    inline cublasStatus_t cublas##P##swap(cublasHandle_t, int n, T *x, int incx, T *y, int incy)                     \
    {                                                                                                                \
        for (int i = 0; i < n; ++i) {                                                                                \
            T t = cuemu::blas::item(x, i, n, incx);                                                                  \
            cuemu::blas::item(x, i, n, incx) = cuemu::blas::item(y, i, n, incy);                                     \
            cuemu::blas::item(y, i, n, incy) = t;                                                                    \
        }                                                                                                            \
        return CUBLAS_STATUS_SUCCESS;                                                                                \
    }
CUEMU_CUBLAS_REAL(float, S, s)
CUEMU_CUBLAS_REAL(double, D, d)
#undef CUEMU_CUBLAS_REAL
