/* cutrans host runtime for the OpenCL target: the CUDA runtime API with the oclrt prefix, over the OpenCL 1.2
 * C API, plus what generated launch code calls (oclrtProgramSource, oclrtKernelArg, oclrtLaunchKernel).
 * Device pointers are opaque addresses that only this runtime understands; see runtime_shims/README.md. */
#ifndef OCLRT_H
#define OCLRT_H

#define CUTRANS_RT_NAME(x) oclrt##x
#if __has_include("cutrans_rt.h")
#include "cutrans_rt.h"
#else
#include "../common/cutrans_rt.h"
#endif

/* One OpenCL C program. Generated code keeps a static one per .cl file and passes its address; the runtime
 * builds it once per context, keyed by that address. On a build failure the build log goes to stderr,
 * prefixed by `name`, and the launch fails with oclrtErrorInvalidPtx. */
struct oclrtProgramSource {
    const char* name;
    const char* source;        /* the program text, or null: read the file `name` at the first launch */
    const char* build_options; /* may be null */
    const char* line_map;      /* may be null: which CUDA source line each line of the program text comes from,
                                * "@file cl:cu cl:cu ... @file2 ...", so build errors name the .cu line */
};

/* One kernel argument.
 *   Value:  data points at the value, size bytes.
 *   Global: data points at the device-pointer variable (a void*), looked up in the runtime's table;
 *           an interior pointer is passed as an SVM address where the device has SVM (any offset), else
 *           as a sub-buffer, which must be aligned to CL_DEVICE_MEM_BASE_ADDR_ALIGN.
 *   Local:  a __local buffer of size bytes; size 0 means "the launch's dynamic_shared_bytes". */
struct oclrtKernelArg {
    enum Kind { Value, Global, Local } kind;
    const void* data;
    size_t size;
};

/* Enqueues kernel_name from prog with global size grid*block and local size block (3 dimensions), like a CUDA
 * launch: asynchronous, errors recorded for oclrtGetLastError and also returned. */
oclrtError_t oclrtLaunchKernel(const oclrtProgramSource* prog, const char* kernel_name, dim3 grid, dim3 block,
                               size_t dynamic_shared_bytes, oclrtStream_t stream, const oclrtKernelArg* args,
                               unsigned nargs);

#endif /* OCLRT_H */
