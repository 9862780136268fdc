// The CUDA runtime's host API over host memory: one fake device, streams and events that run in
// order (every call completes before it returns), and events that read the host clock.
#pragma once

#include <chrono>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <set>

#include "errors.h"
#include "scheduler.h"

enum cudaMemcpyKind {
    cudaMemcpyHostToHost = 0,
    cudaMemcpyHostToDevice = 1,
    cudaMemcpyDeviceToHost = 2,
    cudaMemcpyDeviceToDevice = 3,
    cudaMemcpyDefault = 4,
};

enum cudaFuncCache { cudaFuncCachePreferNone = 0, cudaFuncCachePreferShared = 1, cudaFuncCachePreferL1 = 2, cudaFuncCachePreferEqual = 3 };
enum cudaSharedMemConfig { cudaSharedMemBankSizeDefault = 0, cudaSharedMemBankSizeFourByte = 1, cudaSharedMemBankSizeEightByte = 2 };
enum cudaFuncAttribute { cudaFuncAttributeMaxDynamicSharedMemorySize = 8, cudaFuncAttributePreferredSharedMemoryCarveout = 9 };

enum cudaDeviceAttr {
    cudaDevAttrMaxThreadsPerBlock = 1,
    cudaDevAttrMaxBlockDimX = 2,
    cudaDevAttrMaxBlockDimY = 3,
    cudaDevAttrMaxBlockDimZ = 4,
    cudaDevAttrMaxGridDimX = 5,
    cudaDevAttrMaxGridDimY = 6,
    cudaDevAttrMaxGridDimZ = 7,
    cudaDevAttrMaxSharedMemoryPerBlock = 8,
    cudaDevAttrTotalConstantMemory = 9,
    cudaDevAttrWarpSize = 10,
    cudaDevAttrMaxPitch = 11,
    cudaDevAttrMaxRegistersPerBlock = 12,
    cudaDevAttrClockRate = 13,
    cudaDevAttrTextureAlignment = 14,
    cudaDevAttrGpuOverlap = 15,
    cudaDevAttrMultiProcessorCount = 16,
    cudaDevAttrKernelExecTimeout = 17,
    cudaDevAttrIntegrated = 18,
    cudaDevAttrCanMapHostMemory = 19,
    cudaDevAttrComputeMode = 20,
    cudaDevAttrConcurrentKernels = 31,
    cudaDevAttrEccEnabled = 32,
    cudaDevAttrPciBusId = 33,
    cudaDevAttrPciDeviceId = 34,
    cudaDevAttrMemoryClockRate = 36,
    cudaDevAttrGlobalMemoryBusWidth = 37,
    cudaDevAttrL2CacheSize = 38,
    cudaDevAttrMaxThreadsPerMultiProcessor = 39,
    cudaDevAttrAsyncEngineCount = 40,
    cudaDevAttrUnifiedAddressing = 41,
    cudaDevAttrPciDomainId = 50,
    cudaDevAttrComputeCapabilityMajor = 75,
    cudaDevAttrComputeCapabilityMinor = 76,
    cudaDevAttrMaxSharedMemoryPerMultiprocessor = 81,
    cudaDevAttrMaxRegistersPerMultiprocessor = 82,
    cudaDevAttrManagedMemory = 83,
    cudaDevAttrIsMultiGpuBoard = 84,
    cudaDevAttrConcurrentManagedAccess = 89,
    cudaDevAttrCooperativeLaunch = 95,
    cudaDevAttrMaxSharedMemoryPerBlockOptin = 97,
    cudaDevAttrMaxBlocksPerMultiprocessor = 106,
};

enum cudaComputeMode {
    cudaComputeModeDefault = 0,
    cudaComputeModeExclusive = 1,
    cudaComputeModeProhibited = 2,
    cudaComputeModeExclusiveProcess = 3,
};

#define cudaHostAllocDefault 0x00
#define cudaHostAllocPortable 0x01
#define cudaHostAllocMapped 0x02
#define cudaHostRegisterDefault 0x00
#define cudaHostRegisterPortable 0x01
#define cudaHostRegisterMapped 0x02
#define cudaHostRegisterIoMemory 0x04
#define cudaStreamDefault 0x00
#define cudaStreamNonBlocking 0x01
#define cudaEventDefault 0x00
#define cudaEventBlockingSync 0x01
#define cudaEventDisableTiming 0x02
#define cudaMemAttachGlobal 0x01
#define cudaMemAttachHost 0x02
#define cudaStreamLegacy ((cudaStream_t)0x1)
#define cudaStreamPerThread ((cudaStream_t)0x2)

struct cudaDeviceProp {
    char name[256];
    std::size_t totalGlobalMem;
    std::size_t sharedMemPerBlock;
    int regsPerBlock;
    int warpSize;
    std::size_t memPitch;
    int maxThreadsPerBlock;
    int maxThreadsDim[3];
    int maxGridSize[3];
    int clockRate;
    std::size_t totalConstMem;
    int major;
    int minor;
    std::size_t textureAlignment;
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
    int asyncEngineCount;
    int unifiedAddressing;
    int memoryClockRate;
    int memoryBusWidth;
    int l2CacheSize;
    int maxThreadsPerMultiProcessor;
    std::size_t sharedMemPerMultiprocessor;
    int regsPerMultiprocessor;
    int managedMemory;
    std::size_t sharedMemPerBlockOptin;
    int maxBlocksPerMultiProcessor;
    int cooperativeLaunch;
    int concurrentManagedAccess;
    int pageableMemoryAccess;
    int pciDomainID;
    int persistingL2CacheMaxSize;
    int isMultiGpuBoard;
    int tccDriver;
    std::size_t reservedSharedMemPerBlock;
    char gcnArchName[256];  // HIP's hipDeviceProp_t fields, for translated HIP code
    std::size_t maxSharedMemoryPerMultiProcessor;
};

struct CUstream_st {
    unsigned flags;
};

struct CUevent_st {
    std::chrono::steady_clock::time_point when;
    bool recorded;
};
typedef struct CUevent_st *cudaEvent_t;

namespace cuemu {

inline cudaDeviceProp fake_device()
{
    cudaDeviceProp prop{};
    std::strcpy(prop.name, "cuemu CPU emulation of a CUDA device");
    prop.totalGlobalMem = std::size_t(16) << 30;
    prop.sharedMemPerBlock = 48 * 1024;
    prop.regsPerBlock = 65536;
    prop.warpSize = CUEMU_WARP_SIZE;
    prop.memPitch = std::size_t(1) << 31;
    prop.maxThreadsPerBlock = 1024;
    prop.maxThreadsDim[0] = 1024;
    prop.maxThreadsDim[1] = 1024;
    prop.maxThreadsDim[2] = 64;
    prop.maxGridSize[0] = 0x7fffffff;
    prop.maxGridSize[1] = 65535;
    prop.maxGridSize[2] = 65535;
    prop.clockRate = 1500000;
    prop.totalConstMem = 65536;
    prop.major = 8;
    prop.minor = 0;
    prop.textureAlignment = 512;
    prop.deviceOverlap = 1;
    prop.multiProcessorCount = 8;
    prop.computeMode = cudaComputeModeDefault;
    prop.canMapHostMemory = 1;
    prop.concurrentKernels = 1;
    prop.asyncEngineCount = 1;
    prop.unifiedAddressing = 1;
    prop.memoryClockRate = 1215000;
    prop.memoryBusWidth = 5120;
    prop.l2CacheSize = 40 * 1024 * 1024;
    prop.maxThreadsPerMultiProcessor = 2048;
    prop.sharedMemPerMultiprocessor = 164 * 1024;
    prop.maxSharedMemoryPerMultiProcessor = prop.sharedMemPerMultiprocessor;
    prop.regsPerMultiprocessor = 65536;
    prop.managedMemory = 1;
    prop.sharedMemPerBlockOptin = CUEMU_DYNAMIC_SHARED_BYTES;
    prop.maxBlocksPerMultiProcessor = 32;
    prop.concurrentManagedAccess = 1;
    prop.pageableMemoryAccess = 1;
    std::strcpy(prop.gcnArchName, CUEMU_WARP_SIZE == 64 ? "cuemu-wave64" : "cuemu-wave32");
    return prop;
}

// The live allocations of one kind (device or pinned host), so a free of anything else fails as in CUDA.
inline std::set<void *> &live(bool host)
{
    static std::set<void *> device_blocks, host_blocks;
    return host ? host_blocks : device_blocks;
}

inline std::mutex &live_lock()
{
    static std::mutex lock;
    return lock;
}

inline cudaError_t allocate(void **ptr, std::size_t size, bool host = false)
{
    if (ptr == nullptr) {
        return fail(cudaErrorInvalidValue);
    }
    // CUDA's allocation routines return memory aligned to at least 256 bytes, and programs assert it
    // (cuda-samples cudaTensorCoreGemm checks 128); aligned_alloc wants a multiple of the alignment.
    constexpr std::size_t alignment = 256;
    *ptr = std::aligned_alloc(alignment, (size + alignment) & ~(alignment - 1));
    if (*ptr == nullptr) {
        return fail(cudaErrorMemoryAllocation);
    }
    std::lock_guard<std::mutex> guard(live_lock());
    live(host).insert(*ptr);
    return cudaSuccess;
}

inline cudaError_t release(void *ptr, bool host)
{
    if (ptr == nullptr) {
        return cudaSuccess;
    }
    std::lock_guard<std::mutex> guard(live_lock());
    if (live(host).erase(ptr) == 0) {
        return fail(cudaErrorInvalidValue);
    }
    std::free(ptr);
    return cudaSuccess;
}

inline cudaError_t copy(void *dst, const void *src, std::size_t count, cudaMemcpyKind kind)
{
    if (static_cast<unsigned>(kind) > cudaMemcpyDefault) {
        return fail(cudaErrorInvalidMemcpyDirection);
    }
    if (count != 0 && (dst == nullptr || src == nullptr)) {
        return fail(cudaErrorInvalidValue);
    }
    std::memmove(dst, src, count);
    return cudaSuccess;
}

}  // namespace cuemu

// ---- memory
template <class T>
cudaError_t cudaMalloc(T **ptr, std::size_t size) { return cuemu::allocate(reinterpret_cast<void **>(ptr), size); }
template <class T>
cudaError_t cudaMallocHost(T **ptr, std::size_t size, unsigned = 0)
{
    return cuemu::allocate(reinterpret_cast<void **>(ptr), size, true);
}
// The default flags are HIP's: translated HIP code calls hipHostMalloc(ptr, size), which names this function.
template <class T>
cudaError_t cudaHostAlloc(T **ptr, std::size_t size, unsigned = cudaHostAllocDefault)
{
    return cuemu::allocate(reinterpret_cast<void **>(ptr), size, true);
}
template <class T>
cudaError_t cudaMallocManaged(T **ptr, std::size_t size, unsigned = cudaMemAttachGlobal)
{
    return cuemu::allocate(reinterpret_cast<void **>(ptr), size);
}
template <class T>
cudaError_t cudaMallocPitch(T **ptr, std::size_t *pitch, std::size_t width, std::size_t height)
{
    *pitch = (width + 255) & ~std::size_t(255);
    return cuemu::allocate(reinterpret_cast<void **>(ptr), *pitch * height);
}
inline cudaError_t cudaFree(void *ptr) { return cuemu::release(ptr, false); }
inline cudaError_t cudaFreeHost(void *ptr) { return cuemu::release(ptr, true); }
inline cudaError_t cudaHostRegister(void *, std::size_t, unsigned) { return cudaSuccess; }
inline cudaError_t cudaHostUnregister(void *) { return cudaSuccess; }
template <class T>
cudaError_t cudaHostGetDevicePointer(T **device, void *host, unsigned)
{
    *device = static_cast<T *>(host);
    return cudaSuccess;
}
inline cudaError_t cudaMemGetInfo(std::size_t *free_bytes, std::size_t *total)
{
    *free_bytes = cuemu::fake_device().totalGlobalMem;
    *total = cuemu::fake_device().totalGlobalMem;
    return cudaSuccess;
}
inline cudaError_t cudaMemcpy(void *dst, const void *src, std::size_t count, cudaMemcpyKind kind)
{
    return cuemu::copy(dst, src, count, kind);
}
inline cudaError_t cudaMemcpyAsync(void *dst, const void *src, std::size_t count, cudaMemcpyKind kind,
                                   cudaStream_t = nullptr)
{
    return cuemu::copy(dst, src, count, kind);
}
inline cudaError_t cudaMemcpy2D(void *dst, std::size_t dpitch, const void *src, std::size_t spitch, std::size_t width,
                                std::size_t height, cudaMemcpyKind kind)
{
    if (width > dpitch || width > spitch) {
        return cuemu::fail(cudaErrorInvalidPitchValue);
    }
    for (std::size_t row = 0; row < height; ++row) {
        cudaError_t err = cuemu::copy(static_cast<char *>(dst) + row * dpitch,
                                      static_cast<const char *>(src) + row * spitch, width, kind);
        if (err != cudaSuccess) {
            return err;
        }
    }
    return cudaSuccess;
}
inline cudaError_t cudaMemcpy2DAsync(void *dst, std::size_t dpitch, const void *src, std::size_t spitch,
                                     std::size_t width, std::size_t height, cudaMemcpyKind kind,
                                     cudaStream_t = nullptr)
{
    return cudaMemcpy2D(dst, dpitch, src, spitch, width, height, kind);
}
inline cudaError_t cudaMemset(void *ptr, int value, std::size_t count)
{
    if (count != 0 && ptr == nullptr) {
        return cuemu::fail(cudaErrorInvalidValue);
    }
    std::memset(ptr, value, count);
    return cudaSuccess;
}
inline cudaError_t cudaMemsetAsync(void *ptr, int value, std::size_t count, cudaStream_t = nullptr)
{
    return cudaMemset(ptr, value, count);
}
inline cudaError_t cudaMemset2D(void *ptr, std::size_t pitch, int value, std::size_t width, std::size_t height)
{
    if (width > pitch) {
        return cuemu::fail(cudaErrorInvalidValue);
    }
    for (std::size_t row = 0; row < height; ++row) {
        cudaError_t err = cudaMemset(static_cast<char *>(ptr) + row * pitch, value, width);
        if (err != cudaSuccess) {
            return err;
        }
    }
    return cudaSuccess;
}
inline cudaError_t cudaMemset2DAsync(void *ptr, std::size_t pitch, int value, std::size_t width, std::size_t height,
                                     cudaStream_t = nullptr)
{
    return cudaMemset2D(ptr, pitch, value, width, height);
}
inline cudaError_t cudaMemPrefetchAsync(const void *, std::size_t, int, cudaStream_t = nullptr) { return cudaSuccess; }

// 3-D copies of pitched memory (no CUDA arrays): x counts bytes, y rows, z slices of ysize rows.
struct cudaExtent {
    std::size_t width, height, depth;
};
struct cudaPos {
    std::size_t x, y, z;
};
struct cudaPitchedPtr {
    void *ptr;
    std::size_t pitch, xsize, ysize;
};
struct cudaMemcpy3DParms {
    void *srcArray;
    cudaPos srcPos;
    cudaPitchedPtr srcPtr;
    void *dstArray;
    cudaPos dstPos;
    cudaPitchedPtr dstPtr;
    cudaExtent extent;
    cudaMemcpyKind kind;
};
inline cudaExtent make_cudaExtent(std::size_t w, std::size_t h, std::size_t d) { return cudaExtent{w, h, d}; }
inline cudaPos make_cudaPos(std::size_t x, std::size_t y, std::size_t z) { return cudaPos{x, y, z}; }
inline cudaPitchedPtr make_cudaPitchedPtr(void *d, std::size_t p, std::size_t xsz, std::size_t ysz)
{
    return cudaPitchedPtr{d, p, xsz, ysz};
}
inline cudaError_t cudaMalloc3D(cudaPitchedPtr *ptr, cudaExtent extent)
{
    void *base = nullptr;
    std::size_t pitch = 0;
    cudaError_t err = cudaMallocPitch(&base, &pitch, extent.width, extent.height * extent.depth);
    if (err == cudaSuccess) {
        *ptr = make_cudaPitchedPtr(base, pitch, extent.width, extent.height);
    }
    return err;
}
namespace cuemu {
inline char *slice_row(const cudaPitchedPtr &p, const cudaPos &pos, std::size_t z)
{
    return static_cast<char *>(p.ptr) + ((pos.z + z) * p.ysize + pos.y) * p.pitch + pos.x;
}
} // namespace cuemu
inline cudaError_t cudaMemcpy3D(const cudaMemcpy3DParms *p)
{
    const cudaExtent &e = p->extent;
    if (p->srcArray != nullptr || p->dstArray != nullptr) {
        return cuemu::fail(cudaErrorInvalidValue);
    }
    for (std::size_t z = 0; z < e.depth; ++z) {
        cudaError_t err = cudaMemcpy2D(cuemu::slice_row(p->dstPtr, p->dstPos, z), p->dstPtr.pitch,
                                       cuemu::slice_row(p->srcPtr, p->srcPos, z), p->srcPtr.pitch, e.width, e.height,
                                       p->kind);
        if (err != cudaSuccess) {
            return err;
        }
    }
    return cudaSuccess;
}
inline cudaError_t cudaMemcpy3DAsync(const cudaMemcpy3DParms *p, cudaStream_t = nullptr) { return cudaMemcpy3D(p); }
inline cudaError_t cudaMemset3D(cudaPitchedPtr ptr, int value, cudaExtent extent)
{
    for (std::size_t z = 0; z < extent.depth; ++z) {
        cudaError_t err = cudaMemset2D(cuemu::slice_row(ptr, cudaPos{0, 0, 0}, z), ptr.pitch, value, extent.width,
                                       extent.height);
        if (err != cudaSuccess) {
            return err;
        }
    }
    return cudaSuccess;
}
inline cudaError_t cudaMemset3DAsync(cudaPitchedPtr ptr, int value, cudaExtent extent, cudaStream_t = nullptr)
{
    return cudaMemset3D(ptr, value, extent);
}

// Symbols are the __device__/__constant__ variables themselves (plain globals here).
template <class T>
cudaError_t cudaMemcpyToSymbol(T &symbol, const void *src, std::size_t count, std::size_t offset = 0,
                               cudaMemcpyKind kind = cudaMemcpyHostToDevice)
{
    if (offset + count > sizeof(T)) {
        return cuemu::fail(cudaErrorInvalidValue);
    }
    return cuemu::copy(reinterpret_cast<char *>(&symbol) + offset, src, count, kind);
}
template <class T>
cudaError_t cudaMemcpyFromSymbol(void *dst, const T &symbol, std::size_t count, std::size_t offset = 0,
                                 cudaMemcpyKind kind = cudaMemcpyDeviceToHost)
{
    if (offset + count > sizeof(T)) {
        return cuemu::fail(cudaErrorInvalidValue);
    }
    return cuemu::copy(dst, reinterpret_cast<const char *>(&symbol) + offset, count, kind);
}
template <class T>
cudaError_t cudaMemcpyToSymbolAsync(T &symbol, const void *src, std::size_t count, std::size_t offset = 0,
                                    cudaMemcpyKind kind = cudaMemcpyHostToDevice, cudaStream_t = nullptr)
{
    return cudaMemcpyToSymbol(symbol, src, count, offset, kind);
}
template <class T>
cudaError_t cudaMemcpyFromSymbolAsync(void *dst, const T &symbol, std::size_t count, std::size_t offset = 0,
                                      cudaMemcpyKind kind = cudaMemcpyDeviceToHost, cudaStream_t = nullptr)
{
    return cudaMemcpyFromSymbol(dst, symbol, count, offset, kind);
}
template <class T>
cudaError_t cudaGetSymbolAddress(void **address, T &symbol)
{
    *address = static_cast<void *>(&symbol);
    return cudaSuccess;
}
template <class T>
cudaError_t cudaGetSymbolSize(std::size_t *size, const T &)
{
    *size = sizeof(T);
    return cudaSuccess;
}

// ---- device management
inline cudaError_t cudaGetDeviceCount(int *count) { *count = 1; return cudaSuccess; }
inline cudaError_t cudaSetDevice(int device) { return device == 0 ? cudaSuccess : cuemu::fail(cudaErrorInvalidDevice); }
inline cudaError_t cudaGetDevice(int *device) { *device = 0; return cudaSuccess; }
inline cudaError_t cudaGetDeviceProperties(cudaDeviceProp *prop, int device)
{
    if (device != 0) {
        return cuemu::fail(cudaErrorInvalidDevice);
    }
    *prop = cuemu::fake_device();
    return cudaSuccess;
}
inline cudaError_t cudaDeviceGetAttribute(int *value, cudaDeviceAttr attr, int device)
{
    const cudaDeviceProp prop = cuemu::fake_device();
    const struct {
        cudaDeviceAttr attr;
        long long value;
    } table[] = {
        {cudaDevAttrMaxThreadsPerBlock, prop.maxThreadsPerBlock},
        {cudaDevAttrMaxBlockDimX, prop.maxThreadsDim[0]},
        {cudaDevAttrMaxBlockDimY, prop.maxThreadsDim[1]},
        {cudaDevAttrMaxBlockDimZ, prop.maxThreadsDim[2]},
        {cudaDevAttrMaxGridDimX, prop.maxGridSize[0]},
        {cudaDevAttrMaxGridDimY, prop.maxGridSize[1]},
        {cudaDevAttrMaxGridDimZ, prop.maxGridSize[2]},
        {cudaDevAttrMaxSharedMemoryPerBlock, static_cast<long long>(prop.sharedMemPerBlock)},
        {cudaDevAttrTotalConstantMemory, static_cast<long long>(prop.totalConstMem)},
        {cudaDevAttrWarpSize, prop.warpSize},
        {cudaDevAttrClockRate, prop.clockRate},
        {cudaDevAttrMultiProcessorCount, prop.multiProcessorCount},
        {cudaDevAttrComputeCapabilityMajor, prop.major},
        {cudaDevAttrComputeCapabilityMinor, prop.minor},
        {cudaDevAttrMaxSharedMemoryPerBlockOptin, static_cast<long long>(prop.sharedMemPerBlockOptin)},
        {cudaDevAttrMaxPitch, static_cast<long long>(prop.memPitch)},
        {cudaDevAttrMaxRegistersPerBlock, prop.regsPerBlock},
        {cudaDevAttrTextureAlignment, static_cast<long long>(prop.textureAlignment)},
        {cudaDevAttrGpuOverlap, prop.deviceOverlap},
        {cudaDevAttrKernelExecTimeout, prop.kernelExecTimeoutEnabled},
        {cudaDevAttrIntegrated, prop.integrated},
        {cudaDevAttrCanMapHostMemory, prop.canMapHostMemory},
        {cudaDevAttrComputeMode, prop.computeMode},
        {cudaDevAttrConcurrentKernels, prop.concurrentKernels},
        {cudaDevAttrEccEnabled, prop.ECCEnabled},
        {cudaDevAttrPciBusId, prop.pciBusID},
        {cudaDevAttrPciDeviceId, prop.pciDeviceID},
        {cudaDevAttrMemoryClockRate, prop.memoryClockRate},
        {cudaDevAttrGlobalMemoryBusWidth, prop.memoryBusWidth},
        {cudaDevAttrL2CacheSize, prop.l2CacheSize},
        {cudaDevAttrMaxThreadsPerMultiProcessor, prop.maxThreadsPerMultiProcessor},
        {cudaDevAttrAsyncEngineCount, prop.asyncEngineCount},
        {cudaDevAttrUnifiedAddressing, prop.unifiedAddressing},
        {cudaDevAttrPciDomainId, prop.pciDomainID},
        {cudaDevAttrMaxSharedMemoryPerMultiprocessor, static_cast<long long>(prop.sharedMemPerMultiprocessor)},
        {cudaDevAttrMaxRegistersPerMultiprocessor, prop.regsPerMultiprocessor},
        {cudaDevAttrManagedMemory, prop.managedMemory},
        {cudaDevAttrIsMultiGpuBoard, prop.isMultiGpuBoard},
        {cudaDevAttrConcurrentManagedAccess, prop.concurrentManagedAccess},
        {cudaDevAttrCooperativeLaunch, prop.cooperativeLaunch},
        {cudaDevAttrMaxBlocksPerMultiprocessor, prop.maxBlocksPerMultiProcessor},
    };
    if (device != 0) {
        return cuemu::fail(cudaErrorInvalidDevice);
    }
    for (const auto &row : table) {
        if (row.attr == attr) {
            *value = static_cast<int>(row.value > INT_MAX ? INT_MAX : row.value);
            return cudaSuccess;
        }
    }
    return cuemu::fail(cudaErrorInvalidValue);
}
inline cudaError_t cudaDeviceSynchronize() { return cudaSuccess; }
inline cudaError_t cudaThreadSynchronize() { return cudaSuccess; }
inline cudaError_t cudaDeviceReset() { cuemu::last_error = cudaSuccess; return cudaSuccess; }
inline cudaError_t cudaDeviceSetCacheConfig(cudaFuncCache) { return cudaSuccess; }
inline cudaError_t cudaDeviceSetSharedMemConfig(cudaSharedMemConfig) { return cudaSuccess; }
inline cudaError_t cudaDriverGetVersion(int *version) { *version = CUDART_VERSION; return cudaSuccess; }
inline cudaError_t cudaRuntimeGetVersion(int *version) { *version = CUDART_VERSION; return cudaSuccess; }
// as CUDA's runtime declares them: the kernel as `const void*`, and templates that take the kernel itself
inline cudaError_t cudaFuncSetAttribute(const void *, cudaFuncAttribute, int) { return cudaSuccess; }
inline cudaError_t cudaFuncSetCacheConfig(const void *, cudaFuncCache) { return cudaSuccess; }
template <class F>
cudaError_t cudaFuncSetAttribute(F, cudaFuncAttribute, int) { return cudaSuccess; }
template <class F>
cudaError_t cudaFuncSetCacheConfig(F, cudaFuncCache) { return cudaSuccess; }

// ---- streams and events
inline cudaError_t cudaStreamCreateWithFlags(cudaStream_t *stream, unsigned flags)
{
    *stream = new CUstream_st{flags};
    return cudaSuccess;
}
inline cudaError_t cudaStreamCreate(cudaStream_t *stream) { return cudaStreamCreateWithFlags(stream, cudaStreamDefault); }
inline cudaError_t cudaStreamCreateWithPriority(cudaStream_t *stream, unsigned flags, int)
{
    return cudaStreamCreateWithFlags(stream, flags);
}
inline cudaError_t cudaStreamDestroy(cudaStream_t stream) { delete stream; return cudaSuccess; }
inline cudaError_t cudaStreamSynchronize(cudaStream_t) { return cudaSuccess; }
inline cudaError_t cudaStreamQuery(cudaStream_t) { return cudaSuccess; }
inline cudaError_t cudaStreamWaitEvent(cudaStream_t, cudaEvent_t, unsigned = 0) { return cudaSuccess; }
// One in-order queue, no priorities: the range is [0, 0], and either pointer may be null (as in CUDA).
inline cudaError_t cudaDeviceGetStreamPriorityRange(int *least, int *greatest)
{
    if (least) *least = 0;
    if (greatest) *greatest = 0;
    return cudaSuccess;
}
inline cudaError_t cudaStreamGetPriority(cudaStream_t, int *priority)
{
    if (!priority) return cudaErrorInvalidValue;
    *priority = 0;
    return cudaSuccess;
}

inline cudaError_t cudaEventCreateWithFlags(cudaEvent_t *event, unsigned)
{
    *event = new CUevent_st{{}, false};
    return cudaSuccess;
}
inline cudaError_t cudaEventCreate(cudaEvent_t *event) { return cudaEventCreateWithFlags(event, cudaEventDefault); }
inline cudaError_t cudaEventDestroy(cudaEvent_t event) { delete event; return cudaSuccess; }
inline cudaError_t cudaEventRecord(cudaEvent_t event, cudaStream_t = nullptr)
{
    event->when = std::chrono::steady_clock::now();
    event->recorded = true;
    return cudaSuccess;
}
inline cudaError_t cudaEventSynchronize(cudaEvent_t) { return cudaSuccess; }
inline cudaError_t cudaEventQuery(cudaEvent_t) { return cudaSuccess; }
inline cudaError_t cudaEventElapsedTime(float *ms, cudaEvent_t start, cudaEvent_t end)
{
    if (!start->recorded || !end->recorded) {
        return cuemu::fail(cudaErrorInvalidResourceHandle);
    }
    *ms = std::chrono::duration<float, std::milli>(end->when - start->when).count();
    return cudaSuccess;
}

// ---- occupancy: the fake device always fits the requested block size
template <class F>
cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessor(int *blocks, F, int block_size, std::size_t)
{
    *blocks = block_size > 0 ? 2048 / block_size : 0;
    return cudaSuccess;
}
template <class F>
cudaError_t cudaOccupancyMaxPotentialBlockSize(int *min_grid, int *block_size, F, std::size_t = 0, int limit = 0)
{
    *block_size = limit > 0 && limit < 1024 ? limit : 1024;
    *min_grid = cuemu::fake_device().multiProcessorCount * (2048 / *block_size);
    return cudaSuccess;
}
