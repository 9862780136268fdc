/* Stand-in for cuRAND's <curand.h> (parsing only): the names of translator/mappings, declared so that
 * libclang parses programs that use cuRAND without a CUDA toolkit. Nothing here is compiled into a program.
 * Enumerator values are not cuRAND's: code never sees them, as the translation keeps the names. */
#ifndef CUTRANS_STANDIN_CURAND_H
#define CUTRANS_STANDIN_CURAND_H
#include <cuda_runtime.h>
/* Library functions are declared variadic: cutrans only renames them, and the target compiler
 * checks each call against the real library's header. */
typedef struct curandGenerator_st *curandGenerator_t;
typedef struct curandDiscreteDistribution_st *curandDiscreteDistribution_t;
typedef enum curandStatus {
    CURAND_STATUS_ALLOCATION_FAILED = 0,
    CURAND_STATUS_ARCH_MISMATCH = 1,
    CURAND_STATUS_DOUBLE_PRECISION_REQUIRED = 2,
    CURAND_STATUS_INITIALIZATION_FAILED = 3,
    CURAND_STATUS_INTERNAL_ERROR = 4,
    CURAND_STATUS_LAUNCH_FAILURE = 5,
    CURAND_STATUS_LENGTH_NOT_MULTIPLE = 6,
    CURAND_STATUS_NOT_INITIALIZED = 7,
    CURAND_STATUS_OUT_OF_RANGE = 8,
    CURAND_STATUS_PREEXISTING_FAILURE = 9,
    CURAND_STATUS_SUCCESS = 10,
    CURAND_STATUS_TYPE_ERROR = 11,
    CURAND_STATUS_VERSION_MISMATCH = 12
} curandStatus_t;
typedef enum curandRngType {
    CURAND_RNG_PSEUDO_DEFAULT = 0,
    CURAND_RNG_PSEUDO_MRG32K3A = 1,
    CURAND_RNG_PSEUDO_MT19937 = 2,
    CURAND_RNG_PSEUDO_MTGP32 = 3,
    CURAND_RNG_PSEUDO_PHILOX4_32_10 = 4,
    CURAND_RNG_PSEUDO_XORWOW = 5,
    CURAND_RNG_QUASI_DEFAULT = 6,
    CURAND_RNG_QUASI_SCRAMBLED_SOBOL32 = 7,
    CURAND_RNG_QUASI_SCRAMBLED_SOBOL64 = 8,
    CURAND_RNG_QUASI_SOBOL32 = 9,
    CURAND_RNG_QUASI_SOBOL64 = 10
} curandRngType_t;
typedef enum curandOrdering {
    CURAND_ORDERING_PSEUDO_DEFAULT = 0
} curandOrdering_t;
curandStatus_t curandCreateGenerator(...);
curandStatus_t curandCreateGeneratorHost(...);
curandStatus_t curandCreatePoissonDistribution(...);
curandStatus_t curandDestroyDistribution(...);
curandStatus_t curandDestroyGenerator(...);
curandStatus_t curandGenerate(...);
curandStatus_t curandGenerateLogNormal(...);
curandStatus_t curandGenerateLogNormalDouble(...);
curandStatus_t curandGenerateLongLong(...);
curandStatus_t curandGenerateNormal(...);
curandStatus_t curandGenerateNormalDouble(...);
curandStatus_t curandGeneratePoisson(...);
curandStatus_t curandGenerateSeeds(...);
curandStatus_t curandGenerateUniform(...);
curandStatus_t curandGenerateUniformDouble(...);
curandStatus_t curandGetVersion(...);
curandStatus_t curandSetGeneratorOffset(...);
curandStatus_t curandSetGeneratorOrdering(...);
curandStatus_t curandSetPseudoRandomGeneratorSeed(...);
curandStatus_t curandSetQuasiRandomGeneratorDimensions(...);
curandStatus_t curandSetStream(...);
#endif
