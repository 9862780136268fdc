/* Shared virtual memory behind device allocations (internal; included by oclrt.cpp only).
 *
 * OpenCL passes a buffer to a kernel only from its start, or from a sub-buffer whose origin is a multiple of
 * CL_DEVICE_MEM_BASE_ADDR_ALIGN (128 bytes on PoCL), while CUDA passes any pointer into an allocation
 * (`kernel<<<g, b>>>(d_a + 3)`). Where the device has coarse-grained buffer SVM (OpenCL 2.0), each allocation
 * is SVM memory wrapped in a CL_MEM_USE_HOST_PTR buffer (which OpenCL 2.0 guarantees has that memory as its
 * storage): copies and memsets keep using the buffer, and a kernel argument is the SVM address itself
 * (clSetKernelArgSVMPointer), at any offset. CUTRANS_OPENCL_SVM=0 turns this off, leaving sub-buffers.
 *
 * The OpenCL 2.0 functions are weak references when the OpenCL headers stop at 1.2 (as cl_api.h asks), so
 * a program still links against a 1.2 loader; there they are null and SVM is not used. */
#ifndef OCLRT_SVM_H
#define OCLRT_SVM_H

#include "cl_api.h"

#include <cstdlib>
#include <cstring>

#ifndef CL_VERSION_2_0
extern "C" {
typedef cl_bitfield cl_svm_mem_flags;
typedef cl_bitfield cl_device_svm_capabilities;
void* clSVMAlloc(cl_context context, cl_svm_mem_flags flags, size_t size, cl_uint alignment) __attribute__((weak));
void clSVMFree(cl_context context, void* svm_pointer) __attribute__((weak));
cl_int clSetKernelArgSVMPointer(cl_kernel kernel, cl_uint arg_index, const void* arg_value) __attribute__((weak));
}
#define CL_DEVICE_SVM_CAPABILITIES 0x1053
#define CL_DEVICE_SVM_COARSE_GRAIN_BUFFER (1 << 0)
#define OCLRT_SVM_LINKED (&clSVMAlloc && &clSVMFree && &clSetKernelArgSVMPointer)
#else
#define OCLRT_SVM_LINKED true
#endif

namespace oclrt_detail {

class Svm {
public:
    /* Decides once per context whether allocations are SVM-backed. */
    void open(cl_context context, cl_device_id device) {
        context_ = context;
        cl_device_svm_capabilities caps = 0;
        if (clGetDeviceInfo(device, CL_DEVICE_SVM_CAPABILITIES, sizeof caps, &caps, nullptr) != CL_SUCCESS) caps = 0;
        on_ = OCLRT_SVM_LINKED && (caps & CL_DEVICE_SVM_COARSE_GRAIN_BUFFER) && !disabled();
    }

    bool on() const { return on_; }

    /* Device memory for a buffer: SVM memory, or null (then the buffer allocates its own). */
    void* allocate(size_t bytes) const { return on_ ? clSVMAlloc(context_, CL_MEM_READ_WRITE, bytes, 0) : nullptr; }

    /* Only after every command that may use the memory has finished (clSVMFree does not wait). */
    void release(void* memory) const {
        if (memory) clSVMFree(context_, memory);
    }

    cl_int set_arg(cl_kernel kernel, unsigned index, const void* address) const {
        return clSetKernelArgSVMPointer(kernel, index, address);
    }

    static bool disabled() {
        const char* setting = std::getenv("CUTRANS_OPENCL_SVM");
        return setting && std::strcmp(setting, "0") == 0;
    }

private:
    cl_context context_ = nullptr;
    bool on_ = false;
};

}  // namespace oclrt_detail

#endif /* OCLRT_SVM_H */
