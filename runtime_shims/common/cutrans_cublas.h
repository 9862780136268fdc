/* cuBLAS for the cutrans host runtimes (OpenCL: oclrt, CPU: cpurt): the commonly used part of the API,
 * under CUDA's own names, computed on the host.
 *
 * A translated program that includes <cublas_v2.h> includes this file instead, after its runtime's header.
 * Each routine waits for the device (DeviceSynchronize: stronger ordering than the handle's stream, never
 * weaker), copies its operands to the host through the runtime's Memcpy (device memory may be an OpenCL
 * buffer), computes in the operands' precision, and copies the results back. Column-major, as cuBLAS.
 *
 * Sums run in index order with one rounding per operation (no fused multiply-add): a defined order, not
 * cuBLAS's, so results agree with a GPU's to rounding, which `cutrans verify` allows for floating point.
 * Vectors may have negative increments (BLAS: element i at (n - 1 - i) * |inc|). Routines this file does not
 * define have no translation for these targets: the translator stops with M001 naming them. */
#ifndef CUTRANS_CUBLAS_H
#define CUTRANS_CUBLAS_H

#ifndef CUTRANS_RT
#error "include the runtime's header (oclrt.h or cpurt.h) before cutrans_cublas.h"
#endif

#include <cmath>
#include <cstddef>
#include <vector>

/* CUDA's numeric values, so code that prints or compares them keeps working. */
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

struct cutrans_cublas_context {
    CUTRANS_RT(Stream_t) stream;
    cublasPointerMode_t pointer_mode;
};
typedef struct cutrans_cublas_context* cublasHandle_t;

namespace cutrans_cublas {

inline bool failed(CUTRANS_RT(Error_t) err) { return err != CUTRANS_RT(Success); }

/* `count` elements of T at `ptr` (device or host memory) as a host vector. */
template <class T>
bool fetch(const T* ptr, size_t count, std::vector<T>& out) {
    out.resize(count);
    return count == 0 || !failed(CUTRANS_RT(Memcpy)(out.data(), ptr, count * sizeof(T), CUTRANS_RT(MemcpyDefault)));
}

template <class T>
bool store(T* ptr, const std::vector<T>& data) {
    return data.empty() ||
           !failed(CUTRANS_RT(Memcpy)(ptr, data.data(), data.size() * sizeof(T), CUTRANS_RT(MemcpyDefault)));
}

/* A scalar argument: host memory, or device memory in CUBLAS_POINTER_MODE_DEVICE. */
template <class T>
bool scalar(cublasHandle_t h, const T* ptr, T& value) {
    if (!ptr) return false;
    if (h->pointer_mode == CUBLAS_POINTER_MODE_HOST) {
        value = *ptr;
        return true;
    }
    std::vector<T> one;
    if (!fetch(ptr, 1, one)) return false;
    value = one[0];
    return true;
}

template <class T>
bool put_scalar(cublasHandle_t h, T* ptr, T value) {
    if (!ptr) return false;
    if (h->pointer_mode == CUBLAS_POINTER_MODE_HOST) {
        *ptr = value;
        return true;
    }
    return store(ptr, std::vector<T>(1, value));
}

/* Elements a strided vector spans, and where its element i lies (BLAS's rule for negative increments). */
inline size_t span(int n, int inc) { return n <= 0 ? 0 : size_t(n - 1) * size_t(inc < 0 ? -inc : inc) + 1; }
inline size_t at(int i, int n, int inc) { return inc >= 0 ? size_t(i) * inc : size_t(n - 1 - i) * size_t(-inc); }

/* Columns the matrix op(X) (rows x cols after op) reads from storage with leading dimension ld. */
inline size_t matrix_span(cublasOperation_t op, int rows, int cols, int ld) {
    int stored_cols = op == CUBLAS_OP_N ? cols : rows;
    int stored_rows = op == CUBLAS_OP_N ? rows : cols;
    return stored_cols <= 0 || stored_rows <= 0 ? 0 : size_t(stored_cols - 1) * ld + stored_rows;
}

/* Element (i, j) of op(X) where X is stored column-major with leading dimension ld (real types: C is T). */
template <class T>
T element(const std::vector<T>& x, cublasOperation_t op, int i, int j, int ld) {
    return op == CUBLAS_OP_N ? x[size_t(j) * ld + i] : x[size_t(i) * ld + j];
}

inline bool valid_op(cublasOperation_t op) { return op == CUBLAS_OP_N || op == CUBLAS_OP_T || op == CUBLAS_OP_C; }

/* Runs `body` after the device is idle; maps any failure of the copies to CUBLAS_STATUS_EXECUTION_FAILED. */
template <class Body>
cublasStatus_t run(cublasHandle_t h, Body body) {
    if (!h) return CUBLAS_STATUS_NOT_INITIALIZED;
    if (failed(CUTRANS_RT(DeviceSynchronize)())) return CUBLAS_STATUS_EXECUTION_FAILED;
    return body() ? CUBLAS_STATUS_SUCCESS : CUBLAS_STATUS_EXECUTION_FAILED;
}

template <class T>
cublasStatus_t gemm(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb, int m, int n, int k, const T* alpha,
                    const T* A, int lda, const T* B, int ldb, const T* beta, T* C, int ldc) {
    if (!valid_op(ta) || !valid_op(tb) || m < 0 || n < 0 || k < 0 || ldc < (m > 1 ? m : 1) ||
        lda < ((ta == CUBLAS_OP_N ? m : k) > 1 ? (ta == CUBLAS_OP_N ? m : k) : 1) ||
        ldb < ((tb == CUBLAS_OP_N ? k : n) > 1 ? (tb == CUBLAS_OP_N ? k : n) : 1))
        return CUBLAS_STATUS_INVALID_VALUE;
    return run(h, [&] {
        T a = 0, b = 0;
        std::vector<T> va, vb, vc;
        if (!scalar(h, alpha, a) || !scalar(h, beta, b)) return false;
        if (m == 0 || n == 0) return true;
        size_t c_span = size_t(n - 1) * ldc + m;
        if (!fetch(A, matrix_span(ta, m, k, lda), va) || !fetch(B, matrix_span(tb, k, n, ldb), vb) ||
            !fetch(C, c_span, vc))
            return false;
        for (int j = 0; j < n; ++j)
            for (int i = 0; i < m; ++i) {
                T sum = 0;
                for (int p = 0; p < k; ++p) sum += element(va, ta, i, p, lda) * element(vb, tb, p, j, ldb);
                T& c = vc[size_t(j) * ldc + i];
                c = b == T(0) ? a * sum : a * sum + b * c;     /* beta == 0: C is not read (it may hold NaN) */
            }
        return store(C, vc);
    });
}

template <class T>
cublasStatus_t gemv(cublasHandle_t h, cublasOperation_t trans, int m, int n, const T* alpha, const T* A, int lda,
                    const T* x, int incx, const T* beta, T* y, int incy) {
    if (!valid_op(trans) || m < 0 || n < 0 || lda < (m > 1 ? m : 1) || incx == 0 || incy == 0)
        return CUBLAS_STATUS_INVALID_VALUE;
    int rows = trans == CUBLAS_OP_N ? m : n, cols = trans == CUBLAS_OP_N ? n : m;   /* of op(A) */
    return run(h, [&] {
        T a = 0, b = 0;
        std::vector<T> va, vx, vy;
        if (!scalar(h, alpha, a) || !scalar(h, beta, b)) return false;
        if (m == 0 || n == 0) return true;
        if (!fetch(A, size_t(n - 1) * lda + m, va) || !fetch(x, span(cols, incx), vx) || !fetch(y, span(rows, incy), vy))
            return false;
        for (int i = 0; i < rows; ++i) {
            T sum = 0;
            for (int j = 0; j < cols; ++j) sum += element(va, trans, i, j, lda) * vx[at(j, cols, incx)];
            T& out = vy[at(i, rows, incy)];
            out = b == T(0) ? a * sum : a * sum + b * out;
        }
        return store(y, vy);
    });
}

template <class T>
cublasStatus_t axpy(cublasHandle_t h, int n, const T* alpha, const T* x, int incx, T* y, int incy) {
    return run(h, [&] {
        T a = 0;
        std::vector<T> vx, vy;
        if (!scalar(h, alpha, a)) return false;
        if (n <= 0) return true;
        if (!fetch(x, span(n, incx), vx) || !fetch(y, span(n, incy), vy)) return false;
        for (int i = 0; i < n; ++i) vy[at(i, n, incy)] += a * vx[at(i, n, incx)];
        return store(y, vy);
    });
}

template <class T>
cublasStatus_t dot(cublasHandle_t h, int n, const T* x, int incx, const T* y, int incy, T* result) {
    return run(h, [&] {
        T sum = 0;
        std::vector<T> vx, vy;
        if (n > 0) {
            if (!fetch(x, span(n, incx), vx) || !fetch(y, span(n, incy), vy)) return false;
            for (int i = 0; i < n; ++i) sum += vx[at(i, n, incx)] * vy[at(i, n, incy)];
        }
        return put_scalar(h, result, sum);
    });
}

template <class T>
cublasStatus_t scal(cublasHandle_t h, int n, const T* alpha, T* x, int incx) {
    return run(h, [&] {
        T a = 0;
        std::vector<T> vx;
        if (!scalar(h, alpha, a)) return false;
        if (n <= 0 || incx <= 0) return true;                  /* BLAS: nothing for a non-positive increment */
        if (!fetch(x, span(n, incx), vx)) return false;
        for (int i = 0; i < n; ++i) vx[size_t(i) * incx] *= a;
        return store(x, vx);
    });
}

/* nrm2 by scaled sums of squares (LAPACK's dnrm2 scheme): no overflow or underflow in between. */
template <class T>
cublasStatus_t nrm2(cublasHandle_t h, int n, const T* x, int incx, T* result) {
    return run(h, [&] {
        T scale = 0, ssq = 1;
        std::vector<T> vx;
        if (n > 0 && incx > 0) {
            if (!fetch(x, span(n, incx), vx)) return false;
            for (int i = 0; i < n; ++i) {
                T v = std::fabs(vx[size_t(i) * incx]);
                if (v == T(0)) continue;
                if (scale < v) {
                    ssq = T(1) + ssq * (scale / v) * (scale / v);
                    scale = v;
                } else {
                    ssq += (v / scale) * (v / scale);
                }
            }
        }
        return put_scalar(h, result, scale * std::sqrt(ssq));
    });
}

template <class T>
cublasStatus_t asum(cublasHandle_t h, int n, const T* x, int incx, T* result) {
    return run(h, [&] {
        T sum = 0;
        std::vector<T> vx;
        if (n > 0 && incx > 0) {
            if (!fetch(x, span(n, incx), vx)) return false;
            for (int i = 0; i < n; ++i) sum += std::fabs(vx[size_t(i) * incx]);
        }
        return put_scalar(h, result, sum);
    });
}

/* The 1-based index of the first element of largest magnitude; 0 for n <= 0 or incx <= 0. */
template <class T>
cublasStatus_t iamax(cublasHandle_t h, int n, const T* x, int incx, int* result) {
    return run(h, [&] {
        int best = 0;
        std::vector<T> vx;
        if (n > 0 && incx > 0) {
            if (!fetch(x, span(n, incx), vx)) return false;
            best = 1;
            for (int i = 1; i < n; ++i)
                if (std::fabs(vx[size_t(i) * incx]) > std::fabs(vx[size_t(best - 1) * incx])) best = i + 1;
        }
        return put_scalar(h, result, best);
    });
}

template <class T>
cublasStatus_t copy(cublasHandle_t h, int n, const T* x, int incx, T* y, int incy) {
    return run(h, [&] {
        std::vector<T> vx, vy;
        if (n <= 0) return true;
        if (!fetch(x, span(n, incx), vx) || !fetch(y, span(n, incy), vy)) return false;
        for (int i = 0; i < n; ++i) vy[at(i, n, incy)] = vx[at(i, n, incx)];
        return store(y, vy);
    });
}

template <class T>
cublasStatus_t swap(cublasHandle_t h, int n, T* x, int incx, T* y, int incy) {
    return run(h, [&] {
        std::vector<T> vx, vy;
        if (n <= 0) return true;
        if (!fetch(x, span(n, incx), vx) || !fetch(y, span(n, incy), vy)) return false;
        for (int i = 0; i < n; ++i) {
            T t = vx[at(i, n, incx)];
            vx[at(i, n, incx)] = vy[at(i, n, incy)];
            vy[at(i, n, incy)] = t;
        }
        return store(x, vx) && store(y, vy);
    });
}

/* A strided copy of n elements of `size` bytes between host and device (Set/GetVector, one column each of
 * Set/GetMatrix). */
inline cublasStatus_t strided(int n, int size, const void* from, int inc_from, void* to, int inc_to) {
    if (n < 0 || size <= 0 || inc_from <= 0 || inc_to <= 0) return CUBLAS_STATUS_INVALID_VALUE;
    CUTRANS_RT(Error_t) err = CUTRANS_RT(Memcpy2D)(to, size_t(inc_to) * size, from, size_t(inc_from) * size, size_t(size),
                                                   size_t(n), CUTRANS_RT(MemcpyDefault));
    return failed(err) ? CUBLAS_STATUS_MAPPING_ERROR : CUBLAS_STATUS_SUCCESS;
}

inline cublasStatus_t matrix(int rows, int cols, int size, const void* from, int ld_from, void* to, int ld_to) {
    if (rows < 0 || cols < 0 || size <= 0 || ld_from < rows || ld_to < rows || ld_from <= 0 || ld_to <= 0)
        return CUBLAS_STATUS_INVALID_VALUE;
    if (rows == 0 || cols == 0) return CUBLAS_STATUS_SUCCESS;
    CUTRANS_RT(Error_t) err = CUTRANS_RT(Memcpy2D)(to, size_t(ld_to) * size, from, size_t(ld_from) * size,
                                                   size_t(rows) * size, size_t(cols), CUTRANS_RT(MemcpyDefault));
    return failed(err) ? CUBLAS_STATUS_MAPPING_ERROR : CUBLAS_STATUS_SUCCESS;
}

}  // namespace cutrans_cublas

inline cublasStatus_t cublasCreate(cublasHandle_t* handle) {
    if (!handle) return CUBLAS_STATUS_INVALID_VALUE;
    *handle = new cutrans_cublas_context{nullptr, CUBLAS_POINTER_MODE_HOST};
    return CUBLAS_STATUS_SUCCESS;
}
inline cublasStatus_t cublasDestroy(cublasHandle_t handle) {
    if (!handle) return CUBLAS_STATUS_NOT_INITIALIZED;
    delete handle;
    return CUBLAS_STATUS_SUCCESS;
}
inline cublasStatus_t cublasSetStream(cublasHandle_t handle, CUTRANS_RT(Stream_t) stream) {
    if (!handle) return CUBLAS_STATUS_NOT_INITIALIZED;
    handle->stream = stream;
    return CUBLAS_STATUS_SUCCESS;
}
inline cublasStatus_t cublasGetStream(cublasHandle_t handle, CUTRANS_RT(Stream_t)* stream) {
    if (!handle) return CUBLAS_STATUS_NOT_INITIALIZED;
    if (!stream) return CUBLAS_STATUS_INVALID_VALUE;
    *stream = handle->stream;
    return CUBLAS_STATUS_SUCCESS;
}
inline cublasStatus_t cublasSetPointerMode(cublasHandle_t handle, cublasPointerMode_t mode) {
    if (!handle) return CUBLAS_STATUS_NOT_INITIALIZED;
    if (mode != CUBLAS_POINTER_MODE_HOST && mode != CUBLAS_POINTER_MODE_DEVICE) return CUBLAS_STATUS_INVALID_VALUE;
    handle->pointer_mode = mode;
    return CUBLAS_STATUS_SUCCESS;
}
inline cublasStatus_t cublasGetPointerMode(cublasHandle_t handle, cublasPointerMode_t* mode) {
    if (!handle) return CUBLAS_STATUS_NOT_INITIALIZED;
    if (!mode) return CUBLAS_STATUS_INVALID_VALUE;
    *mode = handle->pointer_mode;
    return CUBLAS_STATUS_SUCCESS;
}
inline const char* cublasGetStatusString(cublasStatus_t status) {
    switch (status) {
    case CUBLAS_STATUS_SUCCESS: return "the operation completed successfully";
    case CUBLAS_STATUS_NOT_INITIALIZED: return "the library was not initialized";
    case CUBLAS_STATUS_ALLOC_FAILED: return "the resource allocation failed";
    case CUBLAS_STATUS_INVALID_VALUE: return "an invalid numeric value was used as an argument";
    case CUBLAS_STATUS_ARCH_MISMATCH: return "an absent device architectural feature is required";
    case CUBLAS_STATUS_MAPPING_ERROR: return "an access to GPU memory space failed";
    case CUBLAS_STATUS_EXECUTION_FAILED: return "the GPU program failed to execute";
    case CUBLAS_STATUS_INTERNAL_ERROR: return "an internal operation failed";
    case CUBLAS_STATUS_NOT_SUPPORTED: return "the functionality requested is not supported";
    case CUBLAS_STATUS_LICENSE_ERROR: return "there is an error with the license";
    }
    return "unknown error";
}
inline cublasStatus_t cublasSetVector(int n, int size, const void* x, int incx, void* y, int incy) {
    return cutrans_cublas::strided(n, size, x, incx, y, incy);
}
inline cublasStatus_t cublasGetVector(int n, int size, const void* x, int incx, void* y, int incy) {
    return cutrans_cublas::strided(n, size, x, incx, y, incy);
}
inline cublasStatus_t cublasSetMatrix(int rows, int cols, int size, const void* A, int lda, void* B, int ldb) {
    return cutrans_cublas::matrix(rows, cols, size, A, lda, B, ldb);
}
inline cublasStatus_t cublasGetMatrix(int rows, int cols, int size, const void* A, int lda, void* B, int ldb) {
    return cutrans_cublas::matrix(rows, cols, size, A, lda, B, ldb);
}

/* Single and double precision, spelled out as cuBLAS names them. */
#define CUTRANS_CUBLAS_REAL(T, P, I)                                                                                   \
    inline cublasStatus_t cublas##P##gemm(cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb, int m, int n, \
                                          int k, const T* alpha, const T* A, int lda, const T* B, int ldb,           \
                                          const T* beta, T* C, int ldc) {                                             \
        return cutrans_cublas::gemm(h, ta, tb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);                        \
    }                                                                                                                  \
    inline cublasStatus_t cublas##P##gemmStridedBatched(                                                               \
        cublasHandle_t h, cublasOperation_t ta, cublasOperation_t tb, int m, int n, int k, const T* alpha, const T* A, \
        int lda, long long strideA, const T* B, int ldb, long long strideB, const T* beta, T* C, int ldc,            \
        long long strideC, int batch) {                                                                                \
        if (batch < 0) return CUBLAS_STATUS_INVALID_VALUE;                                                            \
        for (int b = 0; b < batch; ++b) {                                                                              \
            cublasStatus_t s = cutrans_cublas::gemm(h, ta, tb, m, n, k, alpha, A + b * strideA, lda, B + b * strideB, \
                                                    ldb, beta, C + b * strideC, ldc);                                 \
            if (s != CUBLAS_STATUS_SUCCESS) return s;                                                                  \
        }                                                                                                              \
        return CUBLAS_STATUS_SUCCESS;                                                                                  \
    }                                                                                                                  \
    inline cublasStatus_t cublas##P##gemv(cublasHandle_t h, cublasOperation_t t, int m, int n, const T* alpha,        \
                                          const T* A, int lda, const T* x, int incx, const T* beta, T* y, int incy) {  \
        return cutrans_cublas::gemv(h, t, m, n, alpha, A, lda, x, incx, beta, y, incy);                               \
    }                                                                                                                  \
    inline cublasStatus_t cublas##P##axpy(cublasHandle_t h, int n, const T* alpha, const T* x, int incx, T* y,        \
                                          int incy) {                                                                  \
        return cutrans_cublas::axpy(h, n, alpha, x, incx, y, incy);                                                   \
    }                                                                                                                  \
    inline cublasStatus_t cublas##P##dot(cublasHandle_t h, int n, const T* x, int incx, const T* y, int incy,         \
                                         T* result) {                                                                  \
        return cutrans_cublas::dot(h, n, x, incx, y, incy, result);                                                   \
    }                                                                                                                  \
    inline cublasStatus_t cublas##P##scal(cublasHandle_t h, int n, const T* alpha, T* x, int incx) {                  \
        return cutrans_cublas::scal(h, n, alpha, x, incx);                                                            \
    }                                                                                                                  \
    inline cublasStatus_t cublas##P##nrm2(cublasHandle_t h, int n, const T* x, int incx, T* result) {                 \
        return cutrans_cublas::nrm2(h, n, x, incx, result);                                                           \
    }                                                                                                                  \
    inline cublasStatus_t cublas##P##asum(cublasHandle_t h, int n, const T* x, int incx, T* result) {                 \
        return cutrans_cublas::asum(h, n, x, incx, result);                                                           \
    }                                                                                                                  \
    inline cublasStatus_t cublasI##I##amax(cublasHandle_t h, int n, const T* x, int incx, int* result) {              \
        return cutrans_cublas::iamax(h, n, x, incx, result);                                                          \
    }                                                                                                                  \
    inline cublasStatus_t cublas##P##copy(cublasHandle_t h, int n, const T* x, int incx, T* y, int incy) {            \
        return cutrans_cublas::copy(h, n, x, incx, y, incy);                                                          \
    }                                                                                                                  \
    inline cublasStatus_t cublas##P##swap(cublasHandle_t h, int n, T* x, int incx, T* y, int incy) {                  \
        return cutrans_cublas::swap(h, n, x, incx, y, incy);                                                          \
    }
CUTRANS_CUBLAS_REAL(float, S, s)
CUTRANS_CUBLAS_REAL(double, D, d)
#undef CUTRANS_CUBLAS_REAL

#endif /* CUTRANS_CUBLAS_H */
