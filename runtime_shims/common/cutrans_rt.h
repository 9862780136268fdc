/* The CUDA runtime API surface shared by the cutrans host runtimes (OpenCL: oclrt, CPU: cpurt).
 *
 * The includer names its prefix first:   #define CUTRANS_RT_NAME(x) oclrt##x
 * and every declaration below comes out with that prefix: CUTRANS_RT_NAME(Malloc) is oclrtMalloc.
 * Numeric values (errors, copy kinds, flags) equal CUDA's, so code that stores or prints them keeps working.
 * The runtime's .cpp defines the functions; the ones identical in both runtimes live in cutrans_rt_common.inc. */
#ifndef CUTRANS_RT_H
#define CUTRANS_RT_H

#ifndef CUTRANS_RT_NAME
#error "define CUTRANS_RT_NAME(x) (the runtime prefix) before including cutrans_rt.h"
#endif

#include <cstddef>
/* CUDA's cuda_runtime.h brings in the C math and standard library (programs call fabs, ceil, atoi,
 * memcpy... without including them); the translated host program must see them too. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <type_traits>

/* CUDA's host math beyond the C library (exp10f and exp10 are glibc's), as the emulation computes it */
static inline float rsqrtf(float x) { return 1.0f / sqrtf(x); }
static inline double rsqrt(double x) { return 1.0 / sqrt(x); }
/* CUDA's min and max on the host, with its promotions (int with unsigned is unsigned, float with double is
 * double); std::min and std::max, more specialized, still win where a program asks for them. */
template <class A, class B, class = std::enable_if_t<std::is_arithmetic_v<A> && std::is_arithmetic_v<B>>>
static inline std::common_type_t<A, B> min(A a, B b)
{
    return static_cast<std::common_type_t<A, B>>(b) < static_cast<std::common_type_t<A, B>>(a) ? b : a;
}
template <class A, class B, class = std::enable_if_t<std::is_arithmetic_v<A> && std::is_arithmetic_v<B>>>
static inline std::common_type_t<A, B> max(A a, B b)
{
    return static_cast<std::common_type_t<A, B>>(a) < static_cast<std::common_type_t<A, B>>(b) ? b : a;
}

/* __host__ __device__ functions stay in the host program; their qualifiers mean nothing there. */
#ifndef __host__
#define __host__
#endif
#ifndef __device__
#define __device__
#endif
#ifndef __forceinline__
#define __forceinline__ inline __attribute__((always_inline))
#endif
/* Empty on purpose, as in the emulation: libstdc++ 13 and later spell __attribute__((__noinline__)), which a
 * non-empty macro breaks in every standard header included after this one; noinline never changes a result. */
#ifndef __noinline__
#define __noinline__
#endif
#ifndef __launch_bounds__
#define __launch_bounds__(...)
#endif
#ifndef __restrict__
#define __restrict__ __restrict
#endif
/* CUDA's spelling of a struct's alignment (host_defines.h); the device side carries the same number. */
#ifndef __align__
#define __align__(n) __attribute__((aligned(n)))
#endif
#ifndef __builtin_align__
#define __builtin_align__(n) __align__(n)
#endif

#define CUTRANS_RT(x) CUTRANS_RT_NAME(x)
/* make_cudaExtent -> CUTRANS_RT_MAKE(Extent) -> make_oclrtExtent (the argument is expanded before pasting) */
#define CUTRANS_RT_PASTE_(a, b) a##b
#define CUTRANS_RT_PASTE(a, b) CUTRANS_RT_PASTE_(a, b)
#define CUTRANS_RT_MAKE(x) CUTRANS_RT_PASTE(make_, CUTRANS_RT(x))

#ifndef CUTRANS_DIM3_DEFINED
#define CUTRANS_DIM3_DEFINED
struct dim3 {
    unsigned int x, y, z;
    constexpr dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1) : x(vx), y(vy), z(vz) {}
};
#endif

enum CUTRANS_RT(Error) {
    CUTRANS_RT(Success) = 0,
#define CUTRANS_RT_ERROR(suffix, value, text) CUTRANS_RT(Error##suffix) = value,
#include "cutrans_rt_errors.def"
#undef CUTRANS_RT_ERROR
};
typedef enum CUTRANS_RT(Error) CUTRANS_RT(Error_t);

enum CUTRANS_RT(MemcpyKind) {
    CUTRANS_RT(MemcpyHostToHost) = 0,
    CUTRANS_RT(MemcpyHostToDevice) = 1,
    CUTRANS_RT(MemcpyDeviceToHost) = 2,
    CUTRANS_RT(MemcpyDeviceToDevice) = 3,
    CUTRANS_RT(MemcpyDefault) = 4,
};

enum CUTRANS_RT(FuncAttribute) {
    CUTRANS_RT(FuncAttributeMaxDynamicSharedMemorySize) = 8,
    CUTRANS_RT(FuncAttributePreferredSharedMemoryCarveout) = 9,
};

/* Device attributes for DeviceGetAttribute, with CUDA's values; each reads one DeviceProp field. */
enum CUTRANS_RT(DeviceAttr) {
    CUTRANS_RT(DevAttrMaxThreadsPerBlock) = 1,
    CUTRANS_RT(DevAttrMaxBlockDimX) = 2,
    CUTRANS_RT(DevAttrMaxBlockDimY) = 3,
    CUTRANS_RT(DevAttrMaxBlockDimZ) = 4,
    CUTRANS_RT(DevAttrMaxGridDimX) = 5,
    CUTRANS_RT(DevAttrMaxGridDimY) = 6,
    CUTRANS_RT(DevAttrMaxGridDimZ) = 7,
    CUTRANS_RT(DevAttrMaxSharedMemoryPerBlock) = 8,
    CUTRANS_RT(DevAttrTotalConstantMemory) = 9,
    CUTRANS_RT(DevAttrWarpSize) = 10,
    CUTRANS_RT(DevAttrMaxPitch) = 11,
    CUTRANS_RT(DevAttrMaxRegistersPerBlock) = 12,
    CUTRANS_RT(DevAttrClockRate) = 13,
    CUTRANS_RT(DevAttrTextureAlignment) = 14,
    CUTRANS_RT(DevAttrGpuOverlap) = 15,
    CUTRANS_RT(DevAttrMultiProcessorCount) = 16,
    CUTRANS_RT(DevAttrKernelExecTimeout) = 17,
    CUTRANS_RT(DevAttrIntegrated) = 18,
    CUTRANS_RT(DevAttrCanMapHostMemory) = 19,
    CUTRANS_RT(DevAttrComputeMode) = 20,
    CUTRANS_RT(DevAttrConcurrentKernels) = 31,
    CUTRANS_RT(DevAttrEccEnabled) = 32,
    CUTRANS_RT(DevAttrPciBusId) = 33,
    CUTRANS_RT(DevAttrPciDeviceId) = 34,
    CUTRANS_RT(DevAttrMemoryClockRate) = 36,
    CUTRANS_RT(DevAttrGlobalMemoryBusWidth) = 37,
    CUTRANS_RT(DevAttrL2CacheSize) = 38,
    CUTRANS_RT(DevAttrMaxThreadsPerMultiProcessor) = 39,
    CUTRANS_RT(DevAttrAsyncEngineCount) = 40,
    CUTRANS_RT(DevAttrUnifiedAddressing) = 41,
    CUTRANS_RT(DevAttrPciDomainId) = 50,
    CUTRANS_RT(DevAttrComputeCapabilityMajor) = 75,
    CUTRANS_RT(DevAttrComputeCapabilityMinor) = 76,
    CUTRANS_RT(DevAttrMaxSharedMemoryPerMultiprocessor) = 81,
    CUTRANS_RT(DevAttrMaxRegistersPerMultiprocessor) = 82,
    CUTRANS_RT(DevAttrManagedMemory) = 83,
    CUTRANS_RT(DevAttrIsMultiGpuBoard) = 84,
    CUTRANS_RT(DevAttrConcurrentManagedAccess) = 89,
    CUTRANS_RT(DevAttrCooperativeLaunch) = 95,
    CUTRANS_RT(DevAttrMaxSharedMemoryPerBlockOptin) = 97,
    CUTRANS_RT(DevAttrMaxBlocksPerMultiprocessor) = 106,
};

enum CUTRANS_RT(ComputeMode) {
    CUTRANS_RT(ComputeModeDefault) = 0,
    CUTRANS_RT(ComputeModeExclusive) = 1,
    CUTRANS_RT(ComputeModeProhibited) = 2,
    CUTRANS_RT(ComputeModeExclusiveProcess) = 3,
};

/* Flags, with CUDA's values. */
constexpr unsigned int CUTRANS_RT(HostAllocDefault) = 0x00;
constexpr unsigned int CUTRANS_RT(HostAllocPortable) = 0x01;
constexpr unsigned int CUTRANS_RT(HostAllocMapped) = 0x02;
constexpr unsigned int CUTRANS_RT(HostAllocWriteCombined) = 0x04;
constexpr unsigned int CUTRANS_RT(HostRegisterDefault) = 0x00;
constexpr unsigned int CUTRANS_RT(HostRegisterPortable) = 0x01;
constexpr unsigned int CUTRANS_RT(HostRegisterMapped) = 0x02;
constexpr unsigned int CUTRANS_RT(HostRegisterIoMemory) = 0x04;
constexpr unsigned int CUTRANS_RT(StreamDefault) = 0x00;
constexpr unsigned int CUTRANS_RT(StreamNonBlocking) = 0x01;
constexpr unsigned int CUTRANS_RT(EventDefault) = 0x00;
constexpr unsigned int CUTRANS_RT(EventBlockingSync) = 0x01;
constexpr unsigned int CUTRANS_RT(EventDisableTiming) = 0x02;
constexpr unsigned int CUTRANS_RT(EventInterprocess) = 0x04;
constexpr unsigned int CUTRANS_RT(MemAttachGlobal) = 0x01;
constexpr unsigned int CUTRANS_RT(MemAttachHost) = 0x02;

/* Field names and types as in CUDA's cudaDeviceProp (the commonly read subset). */
struct CUTRANS_RT(DeviceProp) {
    char name[256];
    size_t totalGlobalMem;
    size_t sharedMemPerBlock;
    int regsPerBlock;
    int warpSize;
    size_t memPitch;
    int maxThreadsPerBlock;
    int maxThreadsDim[3];
    int maxGridSize[3];
    int clockRate;
    size_t totalConstMem;
    int major;
    int minor;
    size_t textureAlignment;
    int deviceOverlap;
    int multiProcessorCount;
    int kernelExecTimeoutEnabled;
    int integrated;
    int canMapHostMemory;
    int computeMode;
    int concurrentKernels;
    int ECCEnabled;
    int pciBusID;
    int pciDeviceID;
    int pciDomainID;
    int asyncEngineCount;
    int unifiedAddressing;
    int memoryClockRate;
    int memoryBusWidth;
    int l2CacheSize;
    int maxThreadsPerMultiProcessor;
    size_t sharedMemPerMultiprocessor;
    int regsPerMultiprocessor;
    int managedMemory;
    int isMultiGpuBoard;
    int concurrentManagedAccess;
    size_t sharedMemPerBlockOptin;
    int maxBlocksPerMultiProcessor;
    int cooperativeLaunch;
    int persistingL2CacheMaxSize;
    size_t reservedSharedMemPerBlock;
    int pageableMemoryAccess;
};

typedef struct CUTRANS_RT(Stream_st)* CUTRANS_RT(Stream_t);
typedef struct CUTRANS_RT(Event_st)* CUTRANS_RT(Event_t);

/* Errors */
CUTRANS_RT(Error_t) CUTRANS_RT(GetLastError)(void);
CUTRANS_RT(Error_t) CUTRANS_RT(PeekAtLastError)(void);
void CUTRANS_RT(SetLastError)(CUTRANS_RT(Error_t) error);
const char* CUTRANS_RT(GetErrorString)(CUTRANS_RT(Error_t) error);
const char* CUTRANS_RT(GetErrorName)(CUTRANS_RT(Error_t) error);

/* Devices */
CUTRANS_RT(Error_t) CUTRANS_RT(GetDeviceCount)(int* count);
CUTRANS_RT(Error_t) CUTRANS_RT(SetDevice)(int device);
CUTRANS_RT(Error_t) CUTRANS_RT(GetDevice)(int* device);
CUTRANS_RT(Error_t) CUTRANS_RT(GetDeviceProperties)(CUTRANS_RT(DeviceProp)* prop, int device);
CUTRANS_RT(Error_t) CUTRANS_RT(DeviceGetAttribute)(int* value, CUTRANS_RT(DeviceAttr) attr, int device);
CUTRANS_RT(Error_t) CUTRANS_RT(DeviceSynchronize)(void);
CUTRANS_RT(Error_t) CUTRANS_RT(DriverGetVersion)(int* version);
CUTRANS_RT(Error_t) CUTRANS_RT(RuntimeGetVersion)(int* version);
CUTRANS_RT(Error_t) CUTRANS_RT(DeviceReset)(void);
CUTRANS_RT(Error_t) CUTRANS_RT(MemGetInfo)(size_t* free_bytes, size_t* total_bytes);

/* Memory */
CUTRANS_RT(Error_t) CUTRANS_RT(Malloc)(void** ptr, size_t size);
CUTRANS_RT(Error_t) CUTRANS_RT(Free)(void* ptr);
CUTRANS_RT(Error_t) CUTRANS_RT(MallocHost)(void** ptr, size_t size);
CUTRANS_RT(Error_t) CUTRANS_RT(HostAlloc)(void** ptr, size_t size, unsigned int flags);
CUTRANS_RT(Error_t) CUTRANS_RT(FreeHost)(void* ptr);
/* Pinned host memory (MallocHost, HostAlloc) and registered host memory are mapped: kernels may use them through
 * the pointer HostGetDevicePointer gives (flags must be 0), which is the host address itself. */
CUTRANS_RT(Error_t) CUTRANS_RT(HostRegister)(void* ptr, size_t size, unsigned int flags);
CUTRANS_RT(Error_t) CUTRANS_RT(HostUnregister)(void* ptr);
CUTRANS_RT(Error_t) CUTRANS_RT(HostGetDevicePointer)(void** device_ptr, void* host_ptr, unsigned int flags);
CUTRANS_RT(Error_t) CUTRANS_RT(MallocManaged)(void** ptr, size_t size,
                                              unsigned int flags = CUTRANS_RT(MemAttachGlobal));
CUTRANS_RT(Error_t) CUTRANS_RT(Memcpy)(void* dst, const void* src, size_t count, CUTRANS_RT(MemcpyKind) kind);
CUTRANS_RT(Error_t) CUTRANS_RT(MemcpyAsync)(void* dst, const void* src, size_t count, CUTRANS_RT(MemcpyKind) kind,
                                            CUTRANS_RT(Stream_t) stream = 0);
CUTRANS_RT(Error_t) CUTRANS_RT(Memcpy2D)(void* dst, size_t dpitch, const void* src, size_t spitch, size_t width,
                                         size_t height, CUTRANS_RT(MemcpyKind) kind);
CUTRANS_RT(Error_t) CUTRANS_RT(Memcpy2DAsync)(void* dst, size_t dpitch, const void* src, size_t spitch,
                                              size_t width, size_t height, CUTRANS_RT(MemcpyKind) kind,
                                              CUTRANS_RT(Stream_t) stream = 0);
CUTRANS_RT(Error_t) CUTRANS_RT(Memset)(void* ptr, int value, size_t count);
CUTRANS_RT(Error_t) CUTRANS_RT(MemsetAsync)(void* ptr, int value, size_t count, CUTRANS_RT(Stream_t) stream = 0);
CUTRANS_RT(Error_t) CUTRANS_RT(Memset2D)(void* ptr, size_t pitch, int value, size_t width, size_t height);
CUTRANS_RT(Error_t) CUTRANS_RT(Memset2DAsync)(void* ptr, size_t pitch, int value, size_t width, size_t height,
                                              CUTRANS_RT(Stream_t) stream = 0);
/* Rows of width bytes at a pitch of width rounded up to kPitchAlignment (CUDA's texture pitch alignment). */
CUTRANS_RT(Error_t) CUTRANS_RT(MallocPitch)(void** ptr, size_t* pitch, size_t width, size_t height);

/* 3-D copies between pitched pointers, as CUDA defines them for memory that is not a CUDA array: extents and
 * positions count bytes in x, rows in y and slices (ysize rows each) in z. CUDA arrays are not supported:
 * srcArray/dstArray must be null. */
struct CUTRANS_RT(Extent) { size_t width, height, depth; };
struct CUTRANS_RT(Pos) { size_t x, y, z; };
struct CUTRANS_RT(PitchedPtr) { void* ptr; size_t pitch, xsize, ysize; };
struct CUTRANS_RT(Memcpy3DParms) {
    void* srcArray;
    struct CUTRANS_RT(Pos) srcPos;
    struct CUTRANS_RT(PitchedPtr) srcPtr;
    void* dstArray;
    struct CUTRANS_RT(Pos) dstPos;
    struct CUTRANS_RT(PitchedPtr) dstPtr;
    struct CUTRANS_RT(Extent) extent;
    CUTRANS_RT(MemcpyKind) kind;
};
inline CUTRANS_RT(Extent) CUTRANS_RT_MAKE(Extent)(size_t w, size_t h, size_t d) { return {w, h, d}; }
inline CUTRANS_RT(Pos) CUTRANS_RT_MAKE(Pos)(size_t x, size_t y, size_t z) { return {x, y, z}; }
inline CUTRANS_RT(PitchedPtr) CUTRANS_RT_MAKE(PitchedPtr)(void* d, size_t p, size_t xsz, size_t ysz) {
    return {d, p, xsz, ysz};
}
/* width bytes x height rows x depth slices, each row padded to a pitch as MallocPitch pads it */
CUTRANS_RT(Error_t) CUTRANS_RT(Malloc3D)(CUTRANS_RT(PitchedPtr)* ptr, CUTRANS_RT(Extent) extent);
CUTRANS_RT(Error_t) CUTRANS_RT(Memcpy3D)(const CUTRANS_RT(Memcpy3DParms)* p);
CUTRANS_RT(Error_t) CUTRANS_RT(Memcpy3DAsync)(const CUTRANS_RT(Memcpy3DParms)* p, CUTRANS_RT(Stream_t) stream = 0);
CUTRANS_RT(Error_t) CUTRANS_RT(Memset3D)(CUTRANS_RT(PitchedPtr) ptr, int value, CUTRANS_RT(Extent) extent);
CUTRANS_RT(Error_t) CUTRANS_RT(Memset3DAsync)(CUTRANS_RT(PitchedPtr) ptr, int value, CUTRANS_RT(Extent) extent,
                                              CUTRANS_RT(Stream_t) stream = 0);

/* Streams and events */
CUTRANS_RT(Error_t) CUTRANS_RT(StreamCreate)(CUTRANS_RT(Stream_t)* stream);
CUTRANS_RT(Error_t) CUTRANS_RT(StreamCreateWithFlags)(CUTRANS_RT(Stream_t)* stream, unsigned int flags);
/* Stream priorities: every queue here runs its work in order, with no priority to give it. The range is
 * [0, 0] (greatest = least), as on a GPU without priorities, and so the emulated reference reports it. */
CUTRANS_RT(Error_t) CUTRANS_RT(StreamCreateWithPriority)(CUTRANS_RT(Stream_t)* stream, unsigned int flags,
                                                         int priority);
CUTRANS_RT(Error_t) CUTRANS_RT(StreamGetPriority)(CUTRANS_RT(Stream_t) stream, int* priority);
CUTRANS_RT(Error_t) CUTRANS_RT(DeviceGetStreamPriorityRange)(int* least, int* greatest);
CUTRANS_RT(Error_t) CUTRANS_RT(StreamDestroy)(CUTRANS_RT(Stream_t) stream);
CUTRANS_RT(Error_t) CUTRANS_RT(StreamSynchronize)(CUTRANS_RT(Stream_t) stream);
CUTRANS_RT(Error_t) CUTRANS_RT(StreamQuery)(CUTRANS_RT(Stream_t) stream);
CUTRANS_RT(Error_t) CUTRANS_RT(StreamWaitEvent)(CUTRANS_RT(Stream_t) stream, CUTRANS_RT(Event_t) event,
                                                unsigned int flags = 0);
CUTRANS_RT(Error_t) CUTRANS_RT(EventCreate)(CUTRANS_RT(Event_t)* event);
CUTRANS_RT(Error_t) CUTRANS_RT(EventCreateWithFlags)(CUTRANS_RT(Event_t)* event, unsigned int flags);
CUTRANS_RT(Error_t) CUTRANS_RT(EventRecord)(CUTRANS_RT(Event_t) event, CUTRANS_RT(Stream_t) stream = 0);
CUTRANS_RT(Error_t) CUTRANS_RT(EventSynchronize)(CUTRANS_RT(Event_t) event);
CUTRANS_RT(Error_t) CUTRANS_RT(EventQuery)(CUTRANS_RT(Event_t) event);
CUTRANS_RT(Error_t) CUTRANS_RT(EventElapsedTime)(float* ms, CUTRANS_RT(Event_t) start, CUTRANS_RT(Event_t) end);
CUTRANS_RT(Error_t) CUTRANS_RT(EventDestroy)(CUTRANS_RT(Event_t) event);

/* Typed conveniences, as cuda_runtime.h has them: Malloc(&float_ptr, n) without a cast. */
template <class T>
inline CUTRANS_RT(Error_t) CUTRANS_RT(Malloc)(T** ptr, size_t size) {
    return CUTRANS_RT(Malloc)(reinterpret_cast<void**>(ptr), size);
}
template <class T>
inline CUTRANS_RT(Error_t) CUTRANS_RT(MallocHost)(T** ptr, size_t size) {
    return CUTRANS_RT(MallocHost)(reinterpret_cast<void**>(ptr), size);
}
template <class T>
inline CUTRANS_RT(Error_t) CUTRANS_RT(HostGetDevicePointer)(T** device_ptr, void* host_ptr, unsigned int flags) {
    return CUTRANS_RT(HostGetDevicePointer)(reinterpret_cast<void**>(device_ptr), host_ptr, flags);
}
template <class T>
inline CUTRANS_RT(Error_t) CUTRANS_RT(HostAlloc)(T** ptr, size_t size, unsigned int flags) {
    return CUTRANS_RT(HostAlloc)(reinterpret_cast<void**>(ptr), size, flags);
}
template <class T>
inline CUTRANS_RT(Error_t) CUTRANS_RT(MallocManaged)(T** ptr, size_t size,
                                                     unsigned int flags = CUTRANS_RT(MemAttachGlobal)) {
    return CUTRANS_RT(MallocManaged)(reinterpret_cast<void**>(ptr), size, flags);
}
template <class T>
inline CUTRANS_RT(Error_t) CUTRANS_RT(MallocPitch)(T** ptr, size_t* pitch, size_t width, size_t height) {
    return CUTRANS_RT(MallocPitch)(reinterpret_cast<void**>(ptr), pitch, width, height);
}

/* __device__ and __constant__ variables. The host program keeps each one as an ordinary variable (the CPU
 * target's kernels use that very variable; the OpenCL target keeps it as the host copy of a device buffer).
 * SymbolAddress gives the device address behind it, creating and initializing the buffer at first use. */
CUTRANS_RT(Error_t) CUTRANS_RT(SymbolAddress)(const void* symbol, size_t size, void** device_ptr);

template <class T>
inline CUTRANS_RT(Error_t) CUTRANS_RT(GetSymbolAddress)(void** device_ptr, const T& symbol) {
    return CUTRANS_RT(SymbolAddress)(&symbol, sizeof(T), device_ptr);
}
template <class T>
inline CUTRANS_RT(Error_t) CUTRANS_RT(GetSymbolSize)(size_t* size, const T&) {
    *size = sizeof(T);
    return CUTRANS_RT(Success);
}
template <class T>
inline CUTRANS_RT(Error_t) CUTRANS_RT(MemcpyToSymbol)(const T& symbol, const void* src, size_t count, size_t offset = 0,
                                                      CUTRANS_RT(MemcpyKind) kind = CUTRANS_RT(MemcpyHostToDevice)) {
    void* device = nullptr;
    if (offset > sizeof(T) || count > sizeof(T) - offset) {
        CUTRANS_RT(SetLastError)(CUTRANS_RT(ErrorInvalidValue));
        return CUTRANS_RT(ErrorInvalidValue);
    }
    if (CUTRANS_RT(Error_t) err = CUTRANS_RT(SymbolAddress)(&symbol, sizeof(T), &device)) return err;
    return CUTRANS_RT(Memcpy)(static_cast<char*>(device) + offset, src, count, kind);
}
template <class T>
inline CUTRANS_RT(Error_t) CUTRANS_RT(MemcpyFromSymbol)(void* dst, const T& symbol, size_t count, size_t offset = 0,
                                                        CUTRANS_RT(MemcpyKind) kind = CUTRANS_RT(MemcpyDeviceToHost)) {
    void* device = nullptr;
    if (offset > sizeof(T) || count > sizeof(T) - offset) {
        CUTRANS_RT(SetLastError)(CUTRANS_RT(ErrorInvalidValue));
        return CUTRANS_RT(ErrorInvalidValue);
    }
    if (CUTRANS_RT(Error_t) err = CUTRANS_RT(SymbolAddress)(&symbol, sizeof(T), &device)) return err;
    return CUTRANS_RT(Memcpy)(dst, static_cast<const char*>(device) + offset, count, kind);
}

/* The Async symbol copies: copies that touch host memory complete before they return on both runtimes, so
 * these are the synchronous ones (the stream's ordering is kept: the copy waits for nothing queued later). */
template <class T>
inline CUTRANS_RT(Error_t) CUTRANS_RT(MemcpyToSymbolAsync)(const T& symbol, const void* src, size_t count,
                                                           size_t offset = 0,
                                                           CUTRANS_RT(MemcpyKind) kind = CUTRANS_RT(MemcpyHostToDevice),
                                                           CUTRANS_RT(Stream_t) stream = 0) {
    if (CUTRANS_RT(Error_t) err = CUTRANS_RT(StreamSynchronize)(stream)) return err;
    return CUTRANS_RT(MemcpyToSymbol)(symbol, src, count, offset, kind);
}
template <class T>
inline CUTRANS_RT(Error_t) CUTRANS_RT(MemcpyFromSymbolAsync)(void* dst, const T& symbol, size_t count,
                                                             size_t offset = 0,
                                                             CUTRANS_RT(MemcpyKind) kind = CUTRANS_RT(MemcpyDeviceToHost),
                                                             CUTRANS_RT(Stream_t) stream = 0) {
    if (CUTRANS_RT(Error_t) err = CUTRANS_RT(StreamSynchronize)(stream)) return err;
    return CUTRANS_RT(MemcpyFromSymbol)(dst, symbol, count, offset, kind);
}

/* Profiler control: there is no CUDA profiler on these targets; both calls succeed and do nothing. */
inline CUTRANS_RT(Error_t) CUTRANS_RT(ProfilerStart)(void) { return CUTRANS_RT(Success); }
inline CUTRANS_RT(Error_t) CUTRANS_RT(ProfilerStop)(void) { return CUTRANS_RT(Success); }

/* Accepted and ignored, as CUDA may ignore it: a preference between L1 cache and shared memory. */
enum CUTRANS_RT(FuncCache) {
    CUTRANS_RT(FuncCachePreferNone) = 0,
    CUTRANS_RT(FuncCachePreferShared) = 1,
    CUTRANS_RT(FuncCachePreferL1) = 2,
    CUTRANS_RT(FuncCachePreferEqual) = 3
};
template <class F>
inline CUTRANS_RT(Error_t) CUTRANS_RT(FuncSetCacheConfig)(F&&, CUTRANS_RT(FuncCache)) {
    return CUTRANS_RT(Success);
}
inline CUTRANS_RT(Error_t) CUTRANS_RT(DeviceSetCacheConfig)(CUTRANS_RT(FuncCache)) {
    return CUTRANS_RT(Success);
}

/* A kernel that host code names outside a launch, as in cudaFuncSetAttribute(kernel, ...). The kernel itself is
 * in the device code, so the launch header declares one of these under its name; the calls that take a kernel
 * accept it. */
struct CUTRANS_RT(Kernel) {
    const char* name;
};

/* Accepted and ignored: the targets have no per-kernel shared-memory carve-out to configure. */
template <class F>
inline CUTRANS_RT(Error_t) CUTRANS_RT(FuncSetAttribute)(F&&, int, int) {
    return CUTRANS_RT(Success);
}

/* CUDA's spellings of this API, for the code the translator leaves as it is (headers that a program takes
 * from its own include path, such as cuda-samples' helper_cuda.h). */
#if __has_include("cutrans_cuda_names.h")
#include "cutrans_cuda_names.h"
#else
#include "../common/cutrans_cuda_names.h"
#endif

#endif /* CUTRANS_RT_H */
