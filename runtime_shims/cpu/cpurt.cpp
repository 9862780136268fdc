/* cutrans host runtime for the CPU target. See runtime_shims/README.md for what is exact and what is not. */
#include "cpurt.h"

#if __has_include("cutrans_rt_common.inc")
#include "cutrans_rt_common.inc"
#else
#include "../common/cutrans_rt_common.inc"
#endif

#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <unistd.h>

struct cpurtStream_st {
    unsigned int flags;
};

struct cpurtEvent_st {
    unsigned int flags;
    bool recorded;
    std::chrono::steady_clock::time_point when;
};

namespace {

using cutrans_rt::status;

/* Live device allocations (Malloc, MallocManaged), so Free can reject pointers it did not hand out. */
struct Allocations {
    std::mutex lock;
    std::set<void*> live;
};

Allocations& allocations() {
    static Allocations table;
    return table;
}

cpurtError_t allocate(void** ptr, size_t size) {
    if (!ptr) return status(cpurtErrorInvalidValue);
    *ptr = cutrans_rt::aligned_host_alloc(size);
    if (!*ptr) return status(cpurtErrorMemoryAllocation);
    std::lock_guard<std::mutex> guard(allocations().lock);
    allocations().live.insert(*ptr);
    return cpurtSuccess;
}

size_t system_bytes(int pages_name) {
    long pages = sysconf(pages_name);
    long page_size = sysconf(_SC_PAGESIZE);
    return pages > 0 && page_size > 0 ? size_t(pages) * size_t(page_size) : 0;
}

bool valid_kind(cpurtMemcpyKind kind) {
    return kind >= cpurtMemcpyHostToHost && kind <= cpurtMemcpyDefault;
}

}  // namespace

cpurtError_t cpurtGetDeviceCount(int* count) {
    if (!count) return status(cpurtErrorInvalidValue);
    *count = 1;
    return cpurtSuccess;
}

cpurtError_t cpurtSetDevice(int device) {
    return status(device == 0 ? cpurtSuccess : cpurtErrorInvalidDevice);
}

cpurtError_t cpurtGetDevice(int* device) {
    if (!device) return status(cpurtErrorInvalidValue);
    *device = 0;
    return cpurtSuccess;
}

cpurtError_t cpurtGetDeviceProperties(cpurtDeviceProp* prop, int device) {
    if (!prop) return status(cpurtErrorInvalidValue);
    if (device != 0) return status(cpurtErrorInvalidDevice);
    *prop = cpurtDeviceProp{};
    std::snprintf(prop->name, sizeof prop->name, "cutrans CPU (OpenMP)");
    unsigned int cores = std::thread::hardware_concurrency();
    prop->totalGlobalMem = system_bytes(_SC_PHYS_PAGES);
    /* CUDA's 48 KB without opting in; what the reference (runtime_shims/emulate) reports beyond that, since
     * programs choose their kernels by these (cuda-samples' cudaTensorCoreGemm), and a block's shared memory
     * here is an array of the kernel's, as large as the launch asks */
    prop->sharedMemPerBlock = 48 * 1024;
    prop->sharedMemPerBlockOptin = 227 * 1024;
    prop->sharedMemPerMultiprocessor = 164 * 1024;
    prop->regsPerBlock = 65536;
    prop->regsPerMultiprocessor = 65536;
    prop->warpSize = 32;
    prop->memPitch = size_t(-1) / 2;
    prop->maxThreadsPerBlock = 1024;
    prop->maxThreadsDim[0] = prop->maxThreadsDim[1] = 1024;
    prop->maxThreadsDim[2] = 64;
    prop->maxGridSize[0] = 2147483647;
    prop->maxGridSize[1] = prop->maxGridSize[2] = 65535;
    prop->totalConstMem = 64 * 1024;
    prop->major = 8; /* the same fixed 8.0 as the reference (runtime_shims/emulate), so printed values agree */
    prop->minor = 0;
    prop->textureAlignment = 512;
    prop->multiProcessorCount = cores ? int(cores) : 1;
    prop->maxThreadsPerMultiProcessor = 2048;
    prop->maxBlocksPerMultiProcessor = 32;
    prop->integrated = 1;
    prop->canMapHostMemory = 1;
    prop->unifiedAddressing = 1;
    prop->managedMemory = 1;
    prop->concurrentManagedAccess = 1;
    prop->pageableMemoryAccess = 1; /* the kernels run on the host: any host pointer is theirs too */
    return cpurtSuccess;
}

cpurtError_t cpurtDeviceSynchronize(void) { return cpurtSuccess; }

cpurtError_t cpurtDeviceReset(void) {
    std::lock_guard<std::mutex> guard(allocations().lock);
    for (void* ptr : allocations().live) std::free(ptr);
    allocations().live.clear();
    return cpurtSuccess;
}

cpurtError_t cpurtMemGetInfo(size_t* free_bytes, size_t* total_bytes) {
    if (!free_bytes || !total_bytes) return status(cpurtErrorInvalidValue);
    *free_bytes = system_bytes(_SC_AVPHYS_PAGES);
    *total_bytes = system_bytes(_SC_PHYS_PAGES);
    return cpurtSuccess;
}

cpurtError_t cpurtMalloc(void** ptr, size_t size) { return allocate(ptr, size); }

cpurtError_t cpurtMallocManaged(void** ptr, size_t size, unsigned int flags) {
    if (flags != cpurtMemAttachGlobal && flags != cpurtMemAttachHost) return status(cpurtErrorInvalidValue);
    return allocate(ptr, size);
}

/* Kernels read host memory directly: pinned and registered memory need nothing, and its device pointer is itself. */
namespace cutrans_rt {
void share_pinned(void*, size_t) {}
void forget_pinned(void*) {}
}  // namespace cutrans_rt

cpurtError_t cpurtHostRegister(void* ptr, size_t size, unsigned int flags) {
    const unsigned int known = cpurtHostRegisterPortable | cpurtHostRegisterMapped |
                               cpurtHostRegisterIoMemory;
    if (!ptr || size == 0 || (flags & ~known)) return status(cpurtErrorInvalidValue);
    return cpurtSuccess;
}

cpurtError_t cpurtHostUnregister(void* ptr) { return ptr ? cpurtSuccess : status(cpurtErrorInvalidValue); }

cpurtError_t cpurtHostGetDevicePointer(void** device_ptr, void* host_ptr, unsigned int flags) {
    if (!device_ptr || !host_ptr || flags != 0) return status(cpurtErrorInvalidValue);
    *device_ptr = host_ptr;
    return cpurtSuccess;
}

cpurtError_t cpurtFree(void* ptr) {
    if (!ptr) return cpurtSuccess;
    std::lock_guard<std::mutex> guard(allocations().lock);
    if (allocations().live.erase(ptr) == 0) return status(cpurtErrorInvalidValue);
    std::free(ptr);
    return cpurtSuccess;
}

cpurtError_t cpurtMemcpy(void* dst, const void* src, size_t count, cpurtMemcpyKind kind) {
    if (!valid_kind(kind)) return status(cpurtErrorInvalidMemcpyDirection);
    if (count == 0) return cpurtSuccess;
    if (!dst || !src) return status(cpurtErrorInvalidValue);
    std::memmove(dst, src, count);
    return cpurtSuccess;
}

/* A __device__/__constant__ variable is one ordinary variable shared by the host code and the kernels. */
cpurtError_t cpurtSymbolAddress(const void* symbol, size_t, void** device_ptr) {
    if (!symbol || !device_ptr) return status(cpurtErrorInvalidSymbol);
    *device_ptr = const_cast<void*>(symbol);
    return cpurtSuccess;
}

cpurtError_t cpurtMemcpyAsync(void* dst, const void* src, size_t count, cpurtMemcpyKind kind, cpurtStream_t) {
    return cpurtMemcpy(dst, src, count, kind);
}

cpurtError_t cpurtMemcpy2D(void* dst, size_t dpitch, const void* src, size_t spitch, size_t width, size_t height,
                           cpurtMemcpyKind kind) {
    if (!valid_kind(kind)) return status(cpurtErrorInvalidMemcpyDirection);
    if (width > dpitch || width > spitch) return status(cpurtErrorInvalidPitchValue);
    if (width == 0 || height == 0) return cpurtSuccess;
    if (!dst || !src) return status(cpurtErrorInvalidValue);
    for (size_t row = 0; row < height; ++row) {
        std::memmove(static_cast<char*>(dst) + row * dpitch, static_cast<const char*>(src) + row * spitch, width);
    }
    return cpurtSuccess;
}

cpurtError_t cpurtMemcpy2DAsync(void* dst, size_t dpitch, const void* src, size_t spitch, size_t width,
                                size_t height, cpurtMemcpyKind kind, cpurtStream_t) {
    return cpurtMemcpy2D(dst, dpitch, src, spitch, width, height, kind);
}

cpurtError_t cpurtMemset(void* ptr, int value, size_t count) {
    if (count == 0) return cpurtSuccess;
    if (!ptr) return status(cpurtErrorInvalidValue);
    std::memset(ptr, value, count);
    return cpurtSuccess;
}

cpurtError_t cpurtMemsetAsync(void* ptr, int value, size_t count, cpurtStream_t) {
    return cpurtMemset(ptr, value, count);
}

cpurtError_t cpurtStreamCreate(cpurtStream_t* stream) { return cpurtStreamCreateWithFlags(stream, 0); }

cpurtError_t cpurtStreamCreateWithFlags(cpurtStream_t* stream, unsigned int flags) {
    if (!stream || (flags & ~cpurtStreamNonBlocking)) return status(cpurtErrorInvalidValue);
    *stream = new cpurtStream_st{flags};
    return cpurtSuccess;
}

cpurtError_t cpurtStreamDestroy(cpurtStream_t stream) {
    if (!stream) return status(cpurtErrorInvalidResourceHandle);
    delete stream;
    return cpurtSuccess;
}

cpurtError_t cpurtStreamSynchronize(cpurtStream_t) { return cpurtSuccess; }

/* Everything ran when it was issued, so every stream is idle and every recorded event complete. */
cpurtError_t cpurtStreamQuery(cpurtStream_t) { return cpurtSuccess; }

cpurtError_t cpurtStreamWaitEvent(cpurtStream_t, cpurtEvent_t event, unsigned int flags) {
    if (!event) return status(cpurtErrorInvalidResourceHandle);
    return status(flags == 0 ? cpurtSuccess : cpurtErrorInvalidValue);
}

cpurtError_t cpurtEventQuery(cpurtEvent_t event) {
    return status(event ? cpurtSuccess : cpurtErrorInvalidResourceHandle);
}

cpurtError_t cpurtEventCreate(cpurtEvent_t* event) { return cpurtEventCreateWithFlags(event, 0); }

cpurtError_t cpurtEventCreateWithFlags(cpurtEvent_t* event, unsigned int flags) {
    const unsigned int known = cpurtEventBlockingSync | cpurtEventDisableTiming | cpurtEventInterprocess;
    if (!event || (flags & ~known)) return status(cpurtErrorInvalidValue);
    *event = new cpurtEvent_st{flags, false, {}};
    return cpurtSuccess;
}

cpurtError_t cpurtEventRecord(cpurtEvent_t event, cpurtStream_t) {
    if (!event) return status(cpurtErrorInvalidResourceHandle);
    event->recorded = true;
    event->when = std::chrono::steady_clock::now();
    return cpurtSuccess;
}

cpurtError_t cpurtEventSynchronize(cpurtEvent_t event) {
    return status(event ? cpurtSuccess : cpurtErrorInvalidResourceHandle);
}

cpurtError_t cpurtEventElapsedTime(float* ms, cpurtEvent_t start, cpurtEvent_t end) {
    if (!ms) return status(cpurtErrorInvalidValue);
    if (!start || !end || !start->recorded || !end->recorded) return status(cpurtErrorInvalidResourceHandle);
    if ((start->flags | end->flags) & cpurtEventDisableTiming) return status(cpurtErrorInvalidResourceHandle);
    *ms = std::chrono::duration<float, std::milli>(end->when - start->when).count();
    return cpurtSuccess;
}

cpurtError_t cpurtEventDestroy(cpurtEvent_t event) {
    if (!event) return status(cpurtErrorInvalidResourceHandle);
    delete event;
    return cpurtSuccess;
}
