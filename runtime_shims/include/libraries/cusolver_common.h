/* Stand-in for cuSOLVER's <cusolver_common.h> (parsing only): the names of translator/mappings, declared so
 * that libclang parses programs that use cuSOLVER without a CUDA toolkit. Nothing here is compiled into a
 * program. Enumerator values are not cuSOLVER's: code never sees them, as the translation keeps the names. */
#ifndef CUTRANS_STANDIN_CUSOLVER_COMMON_H
#define CUTRANS_STANDIN_CUSOLVER_COMMON_H
#include <library_types.h>
/* Library functions are declared variadic: cutrans only renames them, and the target compiler
 * checks each call against the real library's header. */
typedef int cusolver_int_t;
typedef enum cusolverStatus {
    CUSOLVER_STATUS_ALLOC_FAILED = 0,
    CUSOLVER_STATUS_ARCH_MISMATCH = 1,
    CUSOLVER_STATUS_EXECUTION_FAILED = 2,
    CUSOLVER_STATUS_INTERNAL_ERROR = 3,
    CUSOLVER_STATUS_INVALID_LICENSE = 4,
    CUSOLVER_STATUS_INVALID_VALUE = 5,
    CUSOLVER_STATUS_INVALID_WORKSPACE = 6,
    CUSOLVER_STATUS_IRS_INFOS_NOT_DESTROYED = 7,
    CUSOLVER_STATUS_IRS_INFOS_NOT_INITIALIZED = 8,
    CUSOLVER_STATUS_IRS_INTERNAL_ERROR = 9,
    CUSOLVER_STATUS_IRS_MATRIX_SINGULAR = 10,
    CUSOLVER_STATUS_IRS_NOT_SUPPORTED = 11,
    CUSOLVER_STATUS_IRS_NRHS_NOT_SUPPORTED_FOR_REFINE_GMRES = 12,
    CUSOLVER_STATUS_IRS_OUT_OF_RANGE = 13,
    CUSOLVER_STATUS_IRS_PARAMS_INVALID = 14,
    CUSOLVER_STATUS_IRS_PARAMS_INVALID_MAXITER = 15,
    CUSOLVER_STATUS_IRS_PARAMS_INVALID_PREC = 16,
    CUSOLVER_STATUS_IRS_PARAMS_INVALID_REFINE = 17,
    CUSOLVER_STATUS_IRS_PARAMS_NOT_INITIALIZED = 18,
    CUSOLVER_STATUS_MAPPING_ERROR = 19,
    CUSOLVER_STATUS_MATRIX_TYPE_NOT_SUPPORTED = 20,
    CUSOLVER_STATUS_NOT_INITIALIZED = 21,
    CUSOLVER_STATUS_NOT_SUPPORTED = 22,
    CUSOLVER_STATUS_SUCCESS = 23,
    CUSOLVER_STATUS_ZERO_PIVOT = 24
} cusolverStatus_t;
typedef enum cusolverEigType {
    CUSOLVER_EIG_TYPE_1 = 0,
    CUSOLVER_EIG_TYPE_2 = 1,
    CUSOLVER_EIG_TYPE_3 = 2
} cusolverEigType_t;
typedef enum cusolverEigMode {
    CUSOLVER_EIG_MODE_NOVECTOR = 0,
    CUSOLVER_EIG_MODE_VECTOR = 1
} cusolverEigMode_t;
typedef enum cusolverEigRange {
    CUSOLVER_EIG_RANGE_ALL = 0,
    CUSOLVER_EIG_RANGE_I = 1,
    CUSOLVER_EIG_RANGE_V = 2
} cusolverEigRange_t;
typedef enum cusolverNorm {
    CUSOLVER_FRO_NORM = 0,
    CUSOLVER_INF_NORM = 1,
    CUSOLVER_MAX_NORM = 2,
    CUSOLVER_ONE_NORM = 3
} cusolverNorm_t;
typedef enum cusolverIRSRefinement {
    CUSOLVER_IRS_REFINE_CLASSICAL = 0,
    CUSOLVER_IRS_REFINE_CLASSICAL_GMRES = 1,
    CUSOLVER_IRS_REFINE_GMRES = 2,
    CUSOLVER_IRS_REFINE_GMRES_GMRES = 3,
    CUSOLVER_IRS_REFINE_GMRES_NOPCOND = 4,
    CUSOLVER_IRS_REFINE_NONE = 5,
    CUSOLVER_IRS_REFINE_NOT_SET = 6,
    CUSOLVER_PREC_DD = 7,
    CUSOLVER_PREC_SHT = 8,
    CUSOLVER_PREC_SS = 9
} cusolverIRSRefinement_t;
typedef enum cusolverPrecType {
    CUSOLVER_C_16BF = 0,
    CUSOLVER_C_16F = 1,
    CUSOLVER_C_32F = 2,
    CUSOLVER_C_64F = 3,
    CUSOLVER_C_8I = 4,
    CUSOLVER_C_8U = 5,
    CUSOLVER_C_AP = 6,
    CUSOLVER_C_TF32 = 7,
    CUSOLVER_R_16BF = 8,
    CUSOLVER_R_16F = 9,
    CUSOLVER_R_32F = 10,
    CUSOLVER_R_64F = 11,
    CUSOLVER_R_8I = 12,
    CUSOLVER_R_8U = 13,
    CUSOLVER_R_AP = 14,
    CUSOLVER_R_TF32 = 15
} cusolverPrecType_t;
typedef enum cusolverAlgMode {
    CUSOLVER_ALG_0 = 0,
    CUSOLVER_ALG_1 = 1,
    CUSOLVER_ALG_2 = 2
} cusolverAlgMode_t;
typedef enum cusolverStorevMode {
    CUBLAS_STOREV_COLUMNWISE = 0,
    CUBLAS_STOREV_ROWWISE = 1
} cusolverStorevMode_t;
typedef enum cusolverDirectMode {
    CUBLAS_DIRECT_BACKWARD = 0,
    CUBLAS_DIRECT_FORWARD = 1
} cusolverDirectMode_t;
typedef enum cusolverDeterministicMode {
    CUSOLVER_ALLOW_NON_DETERMINISTIC_RESULTS = 0,
    CUSOLVER_DETERMINISTIC_RESULTS = 1
} cusolverDeterministicMode_t;
typedef enum cusolverMathMode {
    CUSOLVER_DEFAULT_MATH = 0,
    CUSOLVER_FP32_EMULATED_BF16X9_MATH = 1
} cusolverMathMode_t;
cusolverStatus_t cusolverGetProperty(...);
cusolverStatus_t cusolverGetVersion(...);
#endif
