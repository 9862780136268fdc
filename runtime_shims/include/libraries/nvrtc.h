/* Stand-in for NVRTC's <nvrtc.h> (parsing only): the names of translator/mappings, declared so that
 * libclang parses programs that use the CUDA runtime compiler without a CUDA toolkit. Nothing here is
 * compiled into a program. Enumerator values are not NVRTC's: code never sees them, as the translation
 * keeps the names. */
#ifndef CUTRANS_STANDIN_NVRTC_H
#define CUTRANS_STANDIN_NVRTC_H
#include <stddef.h>
/* Library functions are declared variadic: cutrans only renames them, and the target compiler
 * checks each call against the real library's header. */
typedef struct nvrtcProgram_st *nvrtcProgram;
typedef enum nvrtcResult {
    NVRTC_ERROR_BUILTIN_OPERATION_FAILURE = 0,
    NVRTC_ERROR_CANCELLED = 1,
    NVRTC_ERROR_COMPILATION = 2,
    NVRTC_ERROR_INTERNAL_ERROR = 3,
    NVRTC_ERROR_INVALID_INPUT = 4,
    NVRTC_ERROR_INVALID_OPTION = 5,
    NVRTC_ERROR_INVALID_PROGRAM = 6,
    NVRTC_ERROR_NAME_EXPRESSION_NOT_VALID = 7,
    NVRTC_ERROR_NO_LOWERED_NAMES_BEFORE_COMPILATION = 8,
    NVRTC_ERROR_NO_NAME_EXPRESSIONS_AFTER_COMPILATION = 9,
    NVRTC_ERROR_NO_PCH_CREATE_ATTEMPTED = 10,
    NVRTC_ERROR_OUT_OF_MEMORY = 11,
    NVRTC_ERROR_PCH_CREATE = 12,
    NVRTC_ERROR_PCH_CREATE_HEAP_EXHAUSTED = 13,
    NVRTC_ERROR_PROGRAM_CREATION_FAILURE = 14,
    NVRTC_ERROR_TIME_FILE_WRITE_FAILED = 15,
    NVRTC_ERROR_TIME_TRACE_FILE_WRITE_FAILED = 16,
    NVRTC_SUCCESS = 17
} nvrtcResult;
const char *nvrtcGetErrorString(...);
nvrtcResult nvrtcAddNameExpression(...);
nvrtcResult nvrtcCompileProgram(...);
nvrtcResult nvrtcCreateProgram(...);
nvrtcResult nvrtcDestroyProgram(...);
nvrtcResult nvrtcGetCUBIN(...);
nvrtcResult nvrtcGetCUBINSize(...);
nvrtcResult nvrtcGetLTOIR(...);
nvrtcResult nvrtcGetLTOIRSize(...);
nvrtcResult nvrtcGetLoweredName(...);
nvrtcResult nvrtcGetNVVM(...);
nvrtcResult nvrtcGetNVVMSize(...);
nvrtcResult nvrtcGetNumSupportedArchs(...);
nvrtcResult nvrtcGetOptiXIR(...);
nvrtcResult nvrtcGetOptiXIRSize(...);
nvrtcResult nvrtcGetPCHCreateStatus(...);
nvrtcResult nvrtcGetPCHHeapSize(...);
nvrtcResult nvrtcGetPCHHeapSizeRequired(...);
nvrtcResult nvrtcGetPTX(...);
nvrtcResult nvrtcGetPTXSize(...);
nvrtcResult nvrtcGetProgramLog(...);
nvrtcResult nvrtcGetProgramLogSize(...);
nvrtcResult nvrtcGetSupportedArchs(...);
nvrtcResult nvrtcSetFlowCallback(...);
nvrtcResult nvrtcSetPCHHeapSize(...);
nvrtcResult nvrtcVersion(...);
/* The real header offers this C++ helper only where NVRTC_GET_TYPE_NAME is set; the stand-in always does,
 * as a program that calls it sets the macro. The template form is called as nvrtcGetTypeName<T>(&name). */
#ifdef __cplusplus
nvrtcResult nvrtcGetTypeName(...);
template <typename T> nvrtcResult nvrtcGetTypeName(...);
#endif
#endif
