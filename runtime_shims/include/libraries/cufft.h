/* Stand-in for cuFFT's <cufft.h> (parsing only): the names of translator/mappings, declared so that
 * libclang parses programs that use cuFFT without a CUDA toolkit. Nothing here is compiled into a program.
 * Enumerator values are not cuFFT's: code never sees them, as the translation keeps the names. */
#ifndef CUTRANS_STANDIN_CUFFT_H
#define CUTRANS_STANDIN_CUFFT_H
#include <cuda_runtime.h>
#include <cuComplex.h>
/* Library functions are declared variadic: cutrans only renames them, and the target compiler
 * checks each call against the real library's header. */
typedef int cufftHandle;
typedef float cufftReal;
typedef double cufftDoubleReal;
typedef cuComplex cufftComplex;
typedef cuDoubleComplex cufftDoubleComplex;
typedef enum cufftResult_t {
    CUFFT_ALLOC_FAILED = 0,
    CUFFT_EXEC_FAILED = 1,
    CUFFT_INCOMPLETE_PARAMETER_LIST = 2,
    CUFFT_INTERNAL_ERROR = 3,
    CUFFT_INVALID_DEVICE = 4,
    CUFFT_INVALID_PLAN = 5,
    CUFFT_INVALID_SIZE = 6,
    CUFFT_INVALID_TYPE = 7,
    CUFFT_INVALID_VALUE = 8,
    CUFFT_NOT_IMPLEMENTED = 9,
    CUFFT_NOT_SUPPORTED = 10,
    CUFFT_NO_WORKSPACE = 11,
    CUFFT_PARSE_ERROR = 12,
    CUFFT_SETUP_FAILED = 13,
    CUFFT_SUCCESS = 14,
    CUFFT_UNALIGNED_DATA = 15
} cufftResult;
typedef enum cufftType_t {
    CUFFT_R2C = 0,
    CUFFT_C2R = 1,
    CUFFT_C2C = 2,
    CUFFT_D2Z = 3,
    CUFFT_Z2D = 4,
    CUFFT_Z2Z = 5
} cufftType;
#define CUFFT_FORWARD -1
#define CUFFT_INVERSE 1
cufftResult cufftCreate(...);
cufftResult cufftDestroy(...);
cufftResult cufftEstimate1d(...);
cufftResult cufftEstimate2d(...);
cufftResult cufftEstimate3d(...);
cufftResult cufftEstimateMany(...);
cufftResult cufftExecC2C(...);
cufftResult cufftExecC2R(...);
cufftResult cufftExecD2Z(...);
cufftResult cufftExecR2C(...);
cufftResult cufftExecZ2D(...);
cufftResult cufftExecZ2Z(...);
cufftResult cufftGetProperty(...);
cufftResult cufftGetSize(...);
cufftResult cufftGetSize1d(...);
cufftResult cufftGetSize2d(...);
cufftResult cufftGetSize3d(...);
cufftResult cufftGetSizeMany(...);
cufftResult cufftGetVersion(...);
cufftResult cufftMakePlan1d(...);
cufftResult cufftMakePlan2d(...);
cufftResult cufftMakePlan3d(...);
cufftResult cufftMakePlanMany(...);
cufftResult cufftMakePlanMany64(...);
cufftResult cufftPlan1d(...);
cufftResult cufftPlan2d(...);
cufftResult cufftPlan3d(...);
cufftResult cufftPlanMany(...);
cufftResult cufftSetAutoAllocation(...);
cufftResult cufftSetStream(...);
cufftResult cufftSetWorkArea(...);
#endif
