/* Stand-in for cuBLAS's <cublas_v2.h> (parsing only): the names of translator/mappings, declared so that
 * libclang parses programs that use cuBLAS without a CUDA toolkit. Nothing here is compiled into a program.
 * Enumerator values are not cuBLAS's: code never sees them, as the translation keeps the names. */
#ifndef CUTRANS_STANDIN_CUBLAS_V2_H
#define CUTRANS_STANDIN_CUBLAS_V2_H
#include <cuda_runtime.h>
#include <cuComplex.h>
#include <library_types.h>
#include <cuda_fp16.h>
/* Library functions are declared variadic: cutrans only renames them, and the target compiler
 * checks each call against the real library's header. */
typedef struct cublasContext *cublasHandle_t;
typedef enum cublasStatus_t {
    CUBLAS_STATUS_ALLOC_FAILED = 0,
    CUBLAS_STATUS_ARCH_MISMATCH = 1,
    CUBLAS_STATUS_EXECUTION_FAILED = 2,
    CUBLAS_STATUS_INTERNAL_ERROR = 3,
    CUBLAS_STATUS_INVALID_VALUE = 4,
    CUBLAS_STATUS_LICENSE_ERROR = 5,
    CUBLAS_STATUS_MAPPING_ERROR = 6,
    CUBLAS_STATUS_NOT_INITIALIZED = 7,
    CUBLAS_STATUS_NOT_SUPPORTED = 8,
    CUBLAS_STATUS_SUCCESS = 9
} cublasStatus_t;
typedef enum cublasOperation_t {
    CUBLAS_OP_C = 0,
    CUBLAS_OP_N = 1,
    CUBLAS_OP_T = 2
} cublasOperation_t;
typedef enum cublasFillMode_t {
    CUBLAS_FILL_MODE_FULL = 0,
    CUBLAS_FILL_MODE_LOWER = 1,
    CUBLAS_FILL_MODE_UPPER = 2
} cublasFillMode_t;
typedef enum cublasDiagType_t {
    CUBLAS_DIAG_NON_UNIT = 0,
    CUBLAS_DIAG_UNIT = 1
} cublasDiagType_t;
typedef enum cublasSideMode_t {
    CUBLAS_SIDE_LEFT = 0,
    CUBLAS_SIDE_RIGHT = 1
} cublasSideMode_t;
typedef enum cublasPointerMode_t {
    CUBLAS_POINTER_MODE_DEVICE = 0,
    CUBLAS_POINTER_MODE_HOST = 1
} cublasPointerMode_t;
typedef enum cublasAtomicsMode_t {
    CUBLAS_ATOMICS_ALLOWED = 0,
    CUBLAS_ATOMICS_NOT_ALLOWED = 1
} cublasAtomicsMode_t;
typedef enum cublasGemmAlgo_t {
    CUBLAS_GEMM_DEFAULT = 0,
    CUBLAS_GEMM_DEFAULT_TENSOR_OP = 1
} cublasGemmAlgo_t;
typedef enum cublasComputeType_t {
    CUBLAS_COMPUTE_16F = 0,
    CUBLAS_COMPUTE_32F = 1,
    CUBLAS_COMPUTE_32F_FAST_16F = 2,
    CUBLAS_COMPUTE_32F_FAST_TF32 = 3,
    CUBLAS_COMPUTE_32I = 4,
    CUBLAS_COMPUTE_64F = 5
} cublasComputeType_t;
typedef enum cublasMath_t {
    CUBLAS_DEFAULT_MATH = 0,
    CUBLAS_TENSOR_OP_MATH = 1,
    CUBLAS_TF32_TENSOR_OP_MATH = 2
} cublasMath_t;
cublasStatus_t cublasCreate(...);
cublasStatus_t cublasDestroy(...);
cublasStatus_t cublasGetAtomicsMode(...);
cublasStatus_t cublasGetMathMode(...);
cublasStatus_t cublasGetMatrix(...);
cublasStatus_t cublasGetMatrixAsync(...);
cublasStatus_t cublasGetPointerMode(...);
cublasStatus_t cublasGetStream(...);
cublasStatus_t cublasGetVector(...);
cublasStatus_t cublasGetVectorAsync(...);
cublasStatus_t cublasGetVersion(...);
cublasStatus_t cublasSetAtomicsMode(...);
cublasStatus_t cublasSetMathMode(...);
cublasStatus_t cublasSetMatrix(...);
cublasStatus_t cublasSetMatrixAsync(...);
cublasStatus_t cublasSetPointerMode(...);
cublasStatus_t cublasSetStream(...);
cublasStatus_t cublasSetVector(...);
cublasStatus_t cublasSetVectorAsync(...);
const char *cublasGetStatusString(cublasStatus_t status);
const char *cublasGetStatusName(cublasStatus_t status);
cublasStatus_t cublasCaxpy(...);
cublasStatus_t cublasCcopy(...);
cublasStatus_t cublasCdotc(...);
cublasStatus_t cublasCdotu(...);
cublasStatus_t cublasCscal(...);
cublasStatus_t cublasCsscal(...);
cublasStatus_t cublasCswap(...);
cublasStatus_t cublasDasum(...);
cublasStatus_t cublasDaxpy(...);
cublasStatus_t cublasDcopy(...);
cublasStatus_t cublasDdot(...);
cublasStatus_t cublasDnrm2(...);
cublasStatus_t cublasDrot(...);
cublasStatus_t cublasDrotg(...);
cublasStatus_t cublasDrotm(...);
cublasStatus_t cublasDrotmg(...);
cublasStatus_t cublasDscal(...);
cublasStatus_t cublasDswap(...);
cublasStatus_t cublasDzasum(...);
cublasStatus_t cublasDznrm2(...);
cublasStatus_t cublasIcamax(...);
cublasStatus_t cublasIcamin(...);
cublasStatus_t cublasIdamax(...);
cublasStatus_t cublasIdamin(...);
cublasStatus_t cublasIsamax(...);
cublasStatus_t cublasIsamin(...);
cublasStatus_t cublasIzamax(...);
cublasStatus_t cublasIzamin(...);
cublasStatus_t cublasSasum(...);
cublasStatus_t cublasSaxpy(...);
cublasStatus_t cublasScasum(...);
cublasStatus_t cublasScnrm2(...);
cublasStatus_t cublasScopy(...);
cublasStatus_t cublasSdot(...);
cublasStatus_t cublasSnrm2(...);
cublasStatus_t cublasSrot(...);
cublasStatus_t cublasSrotg(...);
cublasStatus_t cublasSrotm(...);
cublasStatus_t cublasSrotmg(...);
cublasStatus_t cublasSscal(...);
cublasStatus_t cublasSswap(...);
cublasStatus_t cublasZaxpy(...);
cublasStatus_t cublasZcopy(...);
cublasStatus_t cublasZdotc(...);
cublasStatus_t cublasZdotu(...);
cublasStatus_t cublasZdscal(...);
cublasStatus_t cublasZscal(...);
cublasStatus_t cublasZswap(...);
cublasStatus_t cublasCgbmv(...);
cublasStatus_t cublasCgemv(...);
cublasStatus_t cublasCgerc(...);
cublasStatus_t cublasCgeru(...);
cublasStatus_t cublasChemv(...);
cublasStatus_t cublasCtrmv(...);
cublasStatus_t cublasCtrsv(...);
cublasStatus_t cublasDgbmv(...);
cublasStatus_t cublasDgemv(...);
cublasStatus_t cublasDgemvBatched(...);
cublasStatus_t cublasDgemvStridedBatched(...);
cublasStatus_t cublasDger(...);
cublasStatus_t cublasDsbmv(...);
cublasStatus_t cublasDsymv(...);
cublasStatus_t cublasDsyr(...);
cublasStatus_t cublasDsyr2(...);
cublasStatus_t cublasDtrmv(...);
cublasStatus_t cublasDtrsv(...);
cublasStatus_t cublasSgbmv(...);
cublasStatus_t cublasSgemv(...);
cublasStatus_t cublasSgemvBatched(...);
cublasStatus_t cublasSgemvStridedBatched(...);
cublasStatus_t cublasSger(...);
cublasStatus_t cublasSsbmv(...);
cublasStatus_t cublasSsymv(...);
cublasStatus_t cublasSsyr(...);
cublasStatus_t cublasSsyr2(...);
cublasStatus_t cublasStrmv(...);
cublasStatus_t cublasStrsv(...);
cublasStatus_t cublasZgbmv(...);
cublasStatus_t cublasZgemv(...);
cublasStatus_t cublasZgerc(...);
cublasStatus_t cublasZgeru(...);
cublasStatus_t cublasZhemv(...);
cublasStatus_t cublasZtrmv(...);
cublasStatus_t cublasZtrsv(...);
cublasStatus_t cublasCdgmm(...);
cublasStatus_t cublasCgeam(...);
cublasStatus_t cublasCgemm(...);
cublasStatus_t cublasCgemmBatched(...);
cublasStatus_t cublasCgemmStridedBatched(...);
cublasStatus_t cublasChemm(...);
cublasStatus_t cublasCher2k(...);
cublasStatus_t cublasCherk(...);
cublasStatus_t cublasCsymm(...);
cublasStatus_t cublasCsyr2k(...);
cublasStatus_t cublasCsyrk(...);
cublasStatus_t cublasCtrmm(...);
cublasStatus_t cublasCtrsm(...);
cublasStatus_t cublasCtrsmBatched(...);
cublasStatus_t cublasDdgmm(...);
cublasStatus_t cublasDgeam(...);
cublasStatus_t cublasDgemm(...);
cublasStatus_t cublasDgemmBatched(...);
cublasStatus_t cublasDgemmStridedBatched(...);
cublasStatus_t cublasDsymm(...);
cublasStatus_t cublasDsyr2k(...);
cublasStatus_t cublasDsyrk(...);
cublasStatus_t cublasDtrmm(...);
cublasStatus_t cublasDtrsm(...);
cublasStatus_t cublasDtrsmBatched(...);
cublasStatus_t cublasGemmBatchedEx(...);
cublasStatus_t cublasGemmEx(...);
cublasStatus_t cublasGemmStridedBatchedEx(...);
cublasStatus_t cublasHgemm(...);
cublasStatus_t cublasHgemmBatched(...);
cublasStatus_t cublasHgemmStridedBatched(...);
cublasStatus_t cublasSdgmm(...);
cublasStatus_t cublasSgeam(...);
cublasStatus_t cublasSgemm(...);
cublasStatus_t cublasSgemmBatched(...);
cublasStatus_t cublasSgemmStridedBatched(...);
cublasStatus_t cublasSsymm(...);
cublasStatus_t cublasSsyr2k(...);
cublasStatus_t cublasSsyrk(...);
cublasStatus_t cublasStrmm(...);
cublasStatus_t cublasStrsm(...);
cublasStatus_t cublasStrsmBatched(...);
cublasStatus_t cublasZdgmm(...);
cublasStatus_t cublasZgeam(...);
cublasStatus_t cublasZgemm(...);
cublasStatus_t cublasZgemmBatched(...);
cublasStatus_t cublasZgemmStridedBatched(...);
cublasStatus_t cublasZhemm(...);
cublasStatus_t cublasZher2k(...);
cublasStatus_t cublasZherk(...);
cublasStatus_t cublasZsymm(...);
cublasStatus_t cublasZsyr2k(...);
cublasStatus_t cublasZsyrk(...);
cublasStatus_t cublasZtrmm(...);
cublasStatus_t cublasZtrsm(...);
cublasStatus_t cublasZtrsmBatched(...);
#endif
