/* Stand-in for cuSPARSE's <cusparse.h> (parsing only): the names of translator/mappings, declared so that
 * libclang parses programs that use cuSPARSE without a CUDA toolkit. Nothing here is compiled into a program.
 * Enumerator values are not cuSPARSE's: code never sees them, as the translation keeps the names. */
#ifndef CUTRANS_STANDIN_CUSPARSE_H
#define CUTRANS_STANDIN_CUSPARSE_H
#include <cuda_runtime.h>
#include <cuComplex.h>
#include <library_types.h>
/* Library functions are declared variadic: cutrans only renames them, and the target compiler
 * checks each call against the real library's header. */
typedef struct cusparseHandle_st *cusparseHandle_t;
typedef struct cusparseMatDescr_st *cusparseMatDescr_t;
typedef struct cusparseSpMatDescr_st *cusparseSpMatDescr_t;
typedef struct cusparseSpVecDescr_st *cusparseSpVecDescr_t;
typedef struct cusparseDnVecDescr_st *cusparseDnVecDescr_t;
typedef struct cusparseDnMatDescr_st *cusparseDnMatDescr_t;
typedef struct cusparseSpGEMMDescr_st *cusparseSpGEMMDescr_t;
typedef enum cusparseStatus_t {
    CUSPARSE_STATUS_ALLOC_FAILED = 0,
    CUSPARSE_STATUS_ARCH_MISMATCH = 1,
    CUSPARSE_STATUS_EXECUTION_FAILED = 2,
    CUSPARSE_STATUS_INSUFFICIENT_RESOURCES = 3,
    CUSPARSE_STATUS_INTERNAL_ERROR = 4,
    CUSPARSE_STATUS_INVALID_VALUE = 5,
    CUSPARSE_STATUS_MAPPING_ERROR = 6,
    CUSPARSE_STATUS_MATRIX_TYPE_NOT_SUPPORTED = 7,
    CUSPARSE_STATUS_NOT_INITIALIZED = 8,
    CUSPARSE_STATUS_NOT_SUPPORTED = 9,
    CUSPARSE_STATUS_SUCCESS = 10,
    CUSPARSE_STATUS_ZERO_PIVOT = 11
} cusparseStatus_t;
typedef enum cusparseOperation_t {
    CUSPARSE_OPERATION_CONJUGATE_TRANSPOSE = 0,
    CUSPARSE_OPERATION_NON_TRANSPOSE = 1,
    CUSPARSE_OPERATION_TRANSPOSE = 2
} cusparseOperation_t;
typedef enum cusparseIndexBase_t {
    CUSPARSE_INDEX_BASE_ONE = 0,
    CUSPARSE_INDEX_BASE_ZERO = 1
} cusparseIndexBase_t;
typedef enum cusparseMatrixType_t {
    CUSPARSE_MATRIX_TYPE_GENERAL = 0,
    CUSPARSE_MATRIX_TYPE_HERMITIAN = 1,
    CUSPARSE_MATRIX_TYPE_SYMMETRIC = 2,
    CUSPARSE_MATRIX_TYPE_TRIANGULAR = 3
} cusparseMatrixType_t;
typedef enum cusparseDiagType_t {
    CUSPARSE_DIAG_TYPE_NON_UNIT = 0,
    CUSPARSE_DIAG_TYPE_UNIT = 1
} cusparseDiagType_t;
typedef enum cusparseFillMode_t {
    CUSPARSE_FILL_MODE_LOWER = 0,
    CUSPARSE_FILL_MODE_UPPER = 1
} cusparseFillMode_t;
typedef enum cusparseSpMVAlg_t {
    CUSPARSE_SPMV_ALG_DEFAULT = 0,
    CUSPARSE_SPMV_COO_ALG1 = 1,
    CUSPARSE_SPMV_CSR_ALG1 = 2,
    CUSPARSE_SPMV_CSR_ALG2 = 3
} cusparseSpMVAlg_t;
typedef enum cusparseSpMMAlg_t {
    CUSPARSE_SPMM_ALG_DEFAULT = 0,
    CUSPARSE_SPMM_COO_ALG1 = 1,
    CUSPARSE_SPMM_CSR_ALG1 = 2
} cusparseSpMMAlg_t;
typedef enum cusparseOrder_t {
    CUSPARSE_ORDER_COL = 0,
    CUSPARSE_ORDER_ROW = 1
} cusparseOrder_t;
typedef enum cusparsePointerMode_t {
    CUSPARSE_POINTER_MODE_DEVICE = 0,
    CUSPARSE_POINTER_MODE_HOST = 1
} cusparsePointerMode_t;
typedef enum cusparseSpGEMMAlg_t {
    CUSPARSE_SPGEMM_DEFAULT = 0
} cusparseSpGEMMAlg_t;
typedef enum cusparseAction_t {
    CUSPARSE_ACTION_NUMERIC = 0,
    CUSPARSE_ACTION_SYMBOLIC = 1
} cusparseAction_t;
typedef enum cusparseCsr2CscAlg_t {
    CUSPARSE_CSR2CSC_ALG1 = 0,
    CUSPARSE_CSR2CSC_ALG_DEFAULT = 1
} cusparseCsr2CscAlg_t;
typedef enum cusparseSDDMMAlg_t {
    CUSPARSE_SDDMM_ALG_DEFAULT = 0
} cusparseSDDMMAlg_t;
typedef enum cusparseIndexType_t {
    CUSPARSE_INDEX_16U = 0,
    CUSPARSE_INDEX_32I = 1,
    CUSPARSE_INDEX_64I = 2
} cusparseIndexType_t;
cusparseStatus_t cusparseAxpby(...);
cusparseStatus_t cusparseCreate(...);
cusparseStatus_t cusparseCreateCoo(...);
cusparseStatus_t cusparseCreateCsc(...);
cusparseStatus_t cusparseCreateCsr(...);
cusparseStatus_t cusparseCreateDnMat(...);
cusparseStatus_t cusparseCreateDnVec(...);
cusparseStatus_t cusparseCreateMatDescr(...);
cusparseStatus_t cusparseCreateSpVec(...);
cusparseStatus_t cusparseCsr2cscEx2(...);
cusparseStatus_t cusparseCsr2cscEx2_bufferSize(...);
cusparseStatus_t cusparseCsrSetPointers(...);
cusparseStatus_t cusparseDestroy(...);
cusparseStatus_t cusparseDestroyDnMat(...);
cusparseStatus_t cusparseDestroyDnVec(...);
cusparseStatus_t cusparseDestroyMatDescr(...);
cusparseStatus_t cusparseDestroySpMat(...);
cusparseStatus_t cusparseDestroySpVec(...);
cusparseStatus_t cusparseDnMatGetValues(...);
cusparseStatus_t cusparseDnVecGetValues(...);
cusparseStatus_t cusparseDnVecSetValues(...);
cusparseStatus_t cusparseGather(...);
cusparseStatus_t cusparseGetMatIndexBase(...);
cusparseStatus_t cusparseGetMatType(...);
cusparseStatus_t cusparseGetPointerMode(...);
cusparseStatus_t cusparseGetStream(...);
cusparseStatus_t cusparseGetVersion(...);
cusparseStatus_t cusparseSDDMM(...);
cusparseStatus_t cusparseSDDMM_bufferSize(...);
cusparseStatus_t cusparseScatter(...);
cusparseStatus_t cusparseSetMatDiagType(...);
cusparseStatus_t cusparseSetMatFillMode(...);
cusparseStatus_t cusparseSetMatIndexBase(...);
cusparseStatus_t cusparseSetMatType(...);
cusparseStatus_t cusparseSetPointerMode(...);
cusparseStatus_t cusparseSetStream(...);
cusparseStatus_t cusparseSpGEMM_compute(...);
cusparseStatus_t cusparseSpGEMM_copy(...);
cusparseStatus_t cusparseSpGEMM_createDescr(...);
cusparseStatus_t cusparseSpGEMM_destroyDescr(...);
cusparseStatus_t cusparseSpGEMM_workEstimation(...);
cusparseStatus_t cusparseSpMM(...);
cusparseStatus_t cusparseSpMM_bufferSize(...);
cusparseStatus_t cusparseSpMV(...);
cusparseStatus_t cusparseSpMV_bufferSize(...);
cusparseStatus_t cusparseSpMatGetSize(...);
cusparseStatus_t cusparseSpVV(...);
cusparseStatus_t cusparseSpVV_bufferSize(...);
cusparseStatus_t cusparseXcoo2csr(...);
cusparseStatus_t cusparseXcsr2coo(...);
const char *cusparseGetErrorString(cusparseStatus_t status);
const char *cusparseGetErrorName(cusparseStatus_t status);
#endif
