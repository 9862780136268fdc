/* Stand-in for CUDA's <library_types.h> (parsing only): the names of translator/mappings, declared so that
 * libclang parses programs that use CUDA without a CUDA toolkit. Nothing here is compiled into a program.
 * Enumerator values are not CUDA's: code never sees them, as the translation keeps the names. */
#ifndef CUTRANS_STANDIN_LIBRARY_TYPES_H
#define CUTRANS_STANDIN_LIBRARY_TYPES_H
typedef enum cudaDataType_t {
    CUDA_C_16BF = 0,
    CUDA_C_16F = 1,
    CUDA_C_32F = 2,
    CUDA_C_32I = 3,
    CUDA_C_64F = 4,
    CUDA_C_8I = 5,
    CUDA_R_16BF = 6,
    CUDA_R_16F = 7,
    CUDA_R_32F = 8,
    CUDA_R_32I = 9,
    CUDA_R_32U = 10,
    CUDA_R_64F = 11,
    CUDA_R_8I = 12,
    CUDA_R_8U = 13
} cudaDataType;
#endif
