/* Stand-in for cuBLAS's <cublas_api.h> (parsing only): the names of translator/mappings, declared so that
 * libclang parses programs that use cuBLAS without a CUDA toolkit. Nothing here is compiled into a program.
 * Enumerator values are not cuBLAS's: code never sees them, as the translation keeps the names. */
#ifndef CUTRANS_STANDIN_CUBLAS_API_H
#define CUTRANS_STANDIN_CUBLAS_API_H
#include <cublas_v2.h>
#endif
