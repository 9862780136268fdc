// cudaError_t with CUDA's numeric values, the names and messages behind cudaGetErrorName/String,
// and the per-OS-thread "last error" of the runtime.
#pragma once

#define CUEMU_ERRORS(X)                                                                              \
    X(cudaSuccess, 0, "no error")                                                                    \
    X(cudaErrorInvalidValue, 1, "invalid argument")                                                  \
    X(cudaErrorMemoryAllocation, 2, "out of memory")                                                 \
    X(cudaErrorInitializationError, 3, "initialization error")                                       \
    X(cudaErrorCudartUnloading, 4, "driver shutting down")                                           \
    X(cudaErrorInvalidConfiguration, 9, "invalid configuration argument")                            \
    X(cudaErrorInvalidPitchValue, 12, "invalid pitch argument")                                      \
    X(cudaErrorInvalidSymbol, 13, "invalid device symbol")                                           \
    X(cudaErrorInvalidDevicePointer, 17, "invalid device pointer")                                   \
    X(cudaErrorInvalidMemcpyDirection, 21, "invalid copy direction for memcpy")                      \
    X(cudaErrorInsufficientDriver, 35, "CUDA driver version is insufficient for CUDA runtime version") \
    X(cudaErrorInvalidDeviceFunction, 98, "invalid device function")                                 \
    X(cudaErrorNoDevice, 100, "no CUDA-capable device is detected")                                  \
    X(cudaErrorInvalidDevice, 101, "invalid device ordinal")                                         \
    X(cudaErrorInvalidKernelImage, 200, "device kernel image is invalid")                            \
    X(cudaErrorInvalidResourceHandle, 400, "invalid resource handle")                                \
    X(cudaErrorNotReady, 600, "device not ready")                                                    \
    X(cudaErrorIllegalAddress, 700, "an illegal memory access was encountered")                      \
    X(cudaErrorLaunchOutOfResources, 701, "too many resources requested for launch")                 \
    X(cudaErrorLaunchTimeout, 702, "the launch timed out and was terminated")                        \
    X(cudaErrorAssert, 710, "device-side assert triggered")                                          \
    X(cudaErrorLaunchFailure, 719, "unspecified launch failure")                                     \
    X(cudaErrorNotPermitted, 800, "operation not permitted")                                         \
    X(cudaErrorNotSupported, 801, "operation not supported")                                         \
    X(cudaErrorUnknown, 999, "unknown error")

#define CUEMU_ERROR_ENUM(name, value, text) name = value,
enum cudaError { CUEMU_ERRORS(CUEMU_ERROR_ENUM) };
#undef CUEMU_ERROR_ENUM
typedef enum cudaError cudaError_t;

namespace cuemu {

struct ErrorInfo {
    cudaError_t code;
    const char *name;
    const char *text;
};

#define CUEMU_ERROR_ROW(name, value, text) {name, #name, text},
inline constexpr ErrorInfo error_table[] = {CUEMU_ERRORS(CUEMU_ERROR_ROW)};
#undef CUEMU_ERROR_ROW

inline const ErrorInfo *find_error(cudaError_t code)
{
    for (const ErrorInfo &info : error_table) {
        if (info.code == code) {
            return &info;
        }
    }
    return nullptr;
}

inline thread_local cudaError_t last_error = cudaSuccess;

// Records a failure as the thread's last error and passes the code through.
inline cudaError_t fail(cudaError_t code)
{
    if (code != cudaSuccess) {
        last_error = code;
    }
    return code;
}

}  // namespace cuemu

inline const char *cudaGetErrorString(cudaError_t code)
{
    const cuemu::ErrorInfo *info = cuemu::find_error(code);
    return info ? info->text : "unrecognized error code";
}

inline const char *cudaGetErrorName(cudaError_t code)
{
    const cuemu::ErrorInfo *info = cuemu::find_error(code);
    return info ? info->name : "cudaErrorUnknown";
}

inline cudaError_t cudaGetLastError()
{
    cudaError_t code = cuemu::last_error;
    cuemu::last_error = cudaSuccess;
    return code;
}

inline cudaError_t cudaPeekAtLastError() { return cuemu::last_error; }
