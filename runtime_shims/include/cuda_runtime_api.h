/* Stand-in for CUDA's cuda_runtime_api.h (parsing only): declarations of the runtime API functions
 * that translator/mappings/runtime.toml lists, with CUDA's parameter lists, plus the C++ overloads
 * that CUDA's cuda_runtime.h adds. dim3 comes from "__cutrans_device.h". */
#ifndef CUTRANS_STANDIN_CUDA_RUNTIME_API_H
#define CUTRANS_STANDIN_CUDA_RUNTIME_API_H
#define __CUDA_RUNTIME_API_H__ /* CUDA's own guard, which code such as helper_cuda.h tests */

#include "__cutrans_device.h"
#include "driver_types.h"

#define CUTRANS_API extern "C" cudaError_t

/* launch configuration: clang lowers `k<<<g, b, s, t>>>(...)` onto this */
extern "C" unsigned __cudaPushCallConfiguration(dim3 gridDim, dim3 blockDim, size_t sharedMem = 0,
                                                cudaStream_t stream = 0);

/* device management */
CUTRANS_API cudaChooseDevice(int *device, const struct cudaDeviceProp *prop);
CUTRANS_API cudaDeviceGetAttribute(int *value, enum cudaDeviceAttr attr, int device);
CUTRANS_API cudaDeviceGetByPCIBusId(int *device, const char *pciBusId);
CUTRANS_API cudaDeviceGetCacheConfig(enum cudaFuncCache *pCacheConfig);
CUTRANS_API cudaDeviceGetLimit(size_t *pValue, enum cudaLimit limit);
CUTRANS_API cudaDeviceGetP2PAttribute(int *value, int attr, int srcDevice, int dstDevice);
CUTRANS_API cudaDeviceGetPCIBusId(char *pciBusId, int len, int device);
CUTRANS_API cudaDeviceGetSharedMemConfig(enum cudaSharedMemConfig *pConfig);
CUTRANS_API cudaDeviceGetStreamPriorityRange(int *leastPriority, int *greatestPriority);
CUTRANS_API cudaDeviceReset(void);
CUTRANS_API cudaDeviceSetCacheConfig(enum cudaFuncCache cacheConfig);
CUTRANS_API cudaDeviceSetLimit(enum cudaLimit limit, size_t value);
CUTRANS_API cudaDeviceSetSharedMemConfig(enum cudaSharedMemConfig config);
CUTRANS_API cudaDeviceSynchronize(void);
CUTRANS_API cudaGetDevice(int *device);
CUTRANS_API cudaGetDeviceCount(int *count);
CUTRANS_API cudaGetDeviceFlags(unsigned int *flags);
CUTRANS_API cudaGetDeviceProperties(struct cudaDeviceProp *prop, int device);
CUTRANS_API cudaSetDevice(int device);
CUTRANS_API cudaSetDeviceFlags(unsigned int flags);
CUTRANS_API cudaThreadExit(void);
CUTRANS_API cudaThreadGetCacheConfig(enum cudaFuncCache *pCacheConfig);
CUTRANS_API cudaThreadGetLimit(size_t *pValue, enum cudaLimit limit);
CUTRANS_API cudaThreadSetCacheConfig(enum cudaFuncCache cacheConfig);
CUTRANS_API cudaThreadSetLimit(enum cudaLimit limit, size_t value);
CUTRANS_API cudaThreadSynchronize(void);

/* errors */
extern "C" const char *cudaGetErrorName(cudaError_t error);
extern "C" const char *cudaGetErrorString(cudaError_t error);
CUTRANS_API cudaGetLastError(void);
CUTRANS_API cudaPeekAtLastError(void);

/* streams */
CUTRANS_API cudaStreamAddCallback(cudaStream_t stream, cudaStreamCallback_t callback, void *userData,
                                  unsigned int flags);
CUTRANS_API cudaStreamAttachMemAsync(cudaStream_t stream, void *devPtr, size_t length = 0,
                                     unsigned int flags = cudaMemAttachSingle);
CUTRANS_API cudaStreamBeginCapture(cudaStream_t stream, enum cudaStreamCaptureMode mode);
CUTRANS_API cudaStreamCreate(cudaStream_t *pStream);
CUTRANS_API cudaStreamCreateWithFlags(cudaStream_t *pStream, unsigned int flags);
CUTRANS_API cudaStreamCreateWithPriority(cudaStream_t *pStream, unsigned int flags, int priority);
CUTRANS_API cudaStreamDestroy(cudaStream_t stream);
CUTRANS_API cudaStreamEndCapture(cudaStream_t stream, cudaGraph_t *pGraph);
CUTRANS_API cudaStreamGetFlags(cudaStream_t hStream, unsigned int *flags);
CUTRANS_API cudaStreamGetPriority(cudaStream_t hStream, int *priority);
CUTRANS_API cudaStreamIsCapturing(cudaStream_t stream, int *pCaptureStatus);
CUTRANS_API cudaStreamQuery(cudaStream_t stream);
CUTRANS_API cudaStreamSynchronize(cudaStream_t stream);
CUTRANS_API cudaStreamWaitEvent(cudaStream_t stream, cudaEvent_t event, unsigned int flags = 0);

/* events */
CUTRANS_API cudaEventCreate(cudaEvent_t *event);
CUTRANS_API cudaEventCreateWithFlags(cudaEvent_t *event, unsigned int flags);
CUTRANS_API cudaEventDestroy(cudaEvent_t event);
CUTRANS_API cudaEventElapsedTime(float *ms, cudaEvent_t start, cudaEvent_t end);
CUTRANS_API cudaEventQuery(cudaEvent_t event);
CUTRANS_API cudaEventRecord(cudaEvent_t event, cudaStream_t stream = 0);
CUTRANS_API cudaEventSynchronize(cudaEvent_t event);

/* execution control */
CUTRANS_API cudaConfigureCall(dim3 gridDim, dim3 blockDim, size_t sharedMem = 0, cudaStream_t stream = 0);
CUTRANS_API cudaFuncGetAttributes(struct cudaFuncAttributes *attr, const void *func);
CUTRANS_API cudaFuncSetAttribute(const void *func, enum cudaFuncAttribute attr, int value);
CUTRANS_API cudaFuncSetCacheConfig(const void *func, enum cudaFuncCache cacheConfig);
CUTRANS_API cudaFuncSetSharedMemConfig(const void *func, enum cudaSharedMemConfig config);
CUTRANS_API cudaLaunch(const void *func);
CUTRANS_API cudaLaunchCooperativeKernel(const void *func, dim3 gridDim, dim3 blockDim, void **args,
                                        size_t sharedMem, cudaStream_t stream);
CUTRANS_API cudaLaunchHostFunc(cudaStream_t stream, cudaHostFn_t fn, void *userData);
CUTRANS_API cudaLaunchKernel(const void *func, dim3 gridDim, dim3 blockDim, void **args, size_t sharedMem,
                             cudaStream_t stream);
CUTRANS_API cudaSetupArgument(const void *arg, size_t size, size_t offset);

/* occupancy */
CUTRANS_API cudaOccupancyMaxActiveBlocksPerMultiprocessor(int *numBlocks, const void *func, int blockSize,
                                                          size_t dynamicSMemSize);
CUTRANS_API cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(int *numBlocks, const void *func,
                                                                   int blockSize, size_t dynamicSMemSize,
                                                                   unsigned int flags);

/* memory */
CUTRANS_API cudaFree(void *devPtr);
CUTRANS_API cudaFreeArray(cudaArray_t array);
CUTRANS_API cudaFreeAsync(void *devPtr, cudaStream_t hStream);
CUTRANS_API cudaFreeHost(void *ptr);
CUTRANS_API cudaHostAlloc(void **pHost, size_t size, unsigned int flags);
CUTRANS_API cudaHostGetDevicePointer(void **pDevice, void *pHost, unsigned int flags);
CUTRANS_API cudaHostGetFlags(unsigned int *pFlags, void *pHost);
CUTRANS_API cudaHostRegister(void *ptr, size_t size, unsigned int flags);
CUTRANS_API cudaHostUnregister(void *ptr);
CUTRANS_API cudaMalloc(void **devPtr, size_t size);
CUTRANS_API cudaMalloc3D(struct cudaPitchedPtr *pitchedDevPtr, struct cudaExtent extent);
CUTRANS_API cudaMallocArray(cudaArray_t *array, const struct cudaChannelFormatDesc *desc, size_t width,
                            size_t height = 0, unsigned int flags = 0);
CUTRANS_API cudaMallocAsync(void **devPtr, size_t size, cudaStream_t hStream);
CUTRANS_API cudaMallocHost(void **ptr, size_t size);
CUTRANS_API cudaMallocManaged(void **devPtr, size_t size, unsigned int flags = cudaMemAttachGlobal);
CUTRANS_API cudaMallocPitch(void **devPtr, size_t *pitch, size_t width, size_t height);
CUTRANS_API cudaMemAdvise(const void *devPtr, size_t count, enum cudaMemoryAdvise advice, int device);
CUTRANS_API cudaMemGetInfo(size_t *free, size_t *total);
CUTRANS_API cudaMemPrefetchAsync(const void *devPtr, size_t count, int dstDevice, cudaStream_t stream = 0);
CUTRANS_API cudaMemcpy(void *dst, const void *src, size_t count, enum cudaMemcpyKind kind);
CUTRANS_API cudaMemcpy2D(void *dst, size_t dpitch, const void *src, size_t spitch, size_t width,
                         size_t height, enum cudaMemcpyKind kind);
CUTRANS_API cudaMemcpy2DAsync(void *dst, size_t dpitch, const void *src, size_t spitch, size_t width,
                              size_t height, enum cudaMemcpyKind kind, cudaStream_t stream = 0);
CUTRANS_API cudaMemcpy2DFromArray(void *dst, size_t dpitch, cudaArray_const_t src, size_t wOffset,
                                  size_t hOffset, size_t width, size_t height, enum cudaMemcpyKind kind);
CUTRANS_API cudaMemcpy2DToArray(cudaArray_t dst, size_t wOffset, size_t hOffset, const void *src,
                                size_t spitch, size_t width, size_t height, enum cudaMemcpyKind kind);
CUTRANS_API cudaMemcpy3D(const struct cudaMemcpy3DParms *p);
CUTRANS_API cudaMemcpy3DAsync(const struct cudaMemcpy3DParms *p, cudaStream_t stream = 0);
CUTRANS_API cudaMemset3D(struct cudaPitchedPtr pitchedDevPtr, int value, struct cudaExtent extent);
CUTRANS_API cudaMemset3DAsync(struct cudaPitchedPtr pitchedDevPtr, int value, struct cudaExtent extent,
                              cudaStream_t stream = 0);
struct cudaExtent make_cudaExtent(size_t w, size_t h, size_t d);
struct cudaPos make_cudaPos(size_t x, size_t y, size_t z);
struct cudaPitchedPtr make_cudaPitchedPtr(void *d, size_t p, size_t xsz, size_t ysz);
CUTRANS_API cudaMemcpyAsync(void *dst, const void *src, size_t count, enum cudaMemcpyKind kind,
                            cudaStream_t stream = 0);
CUTRANS_API cudaMemcpyFromArray(void *dst, cudaArray_const_t src, size_t wOffset, size_t hOffset,
                                size_t count, enum cudaMemcpyKind kind);
CUTRANS_API cudaMemcpyPeer(void *dst, int dstDevice, const void *src, int srcDevice, size_t count);
CUTRANS_API cudaMemcpyPeerAsync(void *dst, int dstDevice, const void *src, int srcDevice, size_t count,
                                cudaStream_t stream = 0);
CUTRANS_API cudaMemcpyToArray(cudaArray_t dst, size_t wOffset, size_t hOffset, const void *src,
                              size_t count, enum cudaMemcpyKind kind);
CUTRANS_API cudaMemset(void *devPtr, int value, size_t count);
CUTRANS_API cudaMemset2D(void *devPtr, size_t pitch, int value, size_t width, size_t height);
CUTRANS_API cudaMemsetAsync(void *devPtr, int value, size_t count, cudaStream_t stream = 0);
CUTRANS_API cudaMemset2DAsync(void *devPtr, size_t pitch, int value, size_t width, size_t height,
                              cudaStream_t stream = 0);
CUTRANS_API cudaPointerGetAttributes(struct cudaPointerAttributes *attributes, const void *ptr);

/* symbols */
CUTRANS_API cudaGetSymbolAddress(void **devPtr, const void *symbol);
CUTRANS_API cudaGetSymbolSize(size_t *size, const void *symbol);
CUTRANS_API cudaMemcpyFromSymbol(void *dst, const void *symbol, size_t count, size_t offset = 0,
                                 enum cudaMemcpyKind kind = cudaMemcpyDeviceToHost);
CUTRANS_API cudaMemcpyFromSymbolAsync(void *dst, const void *symbol, size_t count, size_t offset,
                                      enum cudaMemcpyKind kind, cudaStream_t stream = 0);
CUTRANS_API cudaMemcpyToSymbol(const void *symbol, const void *src, size_t count, size_t offset = 0,
                               enum cudaMemcpyKind kind = cudaMemcpyHostToDevice);
CUTRANS_API cudaMemcpyToSymbolAsync(const void *symbol, const void *src, size_t count, size_t offset,
                                    enum cudaMemcpyKind kind, cudaStream_t stream = 0);

/* peer access, versions, profiler */
CUTRANS_API cudaDeviceCanAccessPeer(int *canAccessPeer, int device, int peerDevice);
CUTRANS_API cudaDeviceDisablePeerAccess(int peerDevice);
CUTRANS_API cudaDeviceEnablePeerAccess(int peerDevice, unsigned int flags);
CUTRANS_API cudaDriverGetVersion(int *driverVersion);
CUTRANS_API cudaRuntimeGetVersion(int *runtimeVersion);
CUTRANS_API cudaProfilerStart(void);
CUTRANS_API cudaProfilerStop(void);

/* graphs */
CUTRANS_API cudaGraphCreate(cudaGraph_t *pGraph, unsigned int flags);
CUTRANS_API cudaGraphDestroy(cudaGraph_t graph);
CUTRANS_API cudaGraphExecDestroy(cudaGraphExec_t graphExec);
CUTRANS_API cudaGraphInstantiate(cudaGraphExec_t *pGraphExec, cudaGraph_t graph,
                                 unsigned long long flags = 0);
CUTRANS_API cudaGraphLaunch(cudaGraphExec_t graphExec, cudaStream_t stream);

/* textures and surfaces */
CUTRANS_API cudaBindTexture(size_t *offset, const void *texref, const void *devPtr,
                            const struct cudaChannelFormatDesc *desc, size_t size);
CUTRANS_API cudaUnbindTexture(const void *texref);
extern "C" struct cudaChannelFormatDesc cudaCreateChannelDesc(int x, int y, int z, int w,
                                                              enum cudaChannelFormatKind f);
CUTRANS_API cudaCreateSurfaceObject(cudaSurfaceObject_t *pSurfObject, const struct cudaResourceDesc *pResDesc);
CUTRANS_API cudaCreateTextureObject(cudaTextureObject_t *pTexObject, const struct cudaResourceDesc *pResDesc,
                                    const struct cudaTextureDesc *pTexDesc, const void *pResViewDesc);
CUTRANS_API cudaDestroySurfaceObject(cudaSurfaceObject_t surfObject);
CUTRANS_API cudaDestroyTextureObject(cudaTextureObject_t texObject);

/* the C++ overloads from CUDA's cuda_runtime.h */
template <class T> cudaError_t cudaMalloc(T **devPtr, size_t size);
template <class T> cudaError_t cudaMallocHost(T **ptr, size_t size, unsigned int flags = 0);
template <class T> cudaError_t cudaHostAlloc(T **ptr, size_t size, unsigned int flags);
template <class T> cudaError_t cudaMallocManaged(T **devPtr, size_t size,
                                                 unsigned int flags = cudaMemAttachGlobal);
template <class T> cudaError_t cudaMallocPitch(T **devPtr, size_t *pitch, size_t width, size_t height);
cudaError_t cudaEventCreate(cudaEvent_t *event, unsigned int flags);
template <class T> cudaError_t cudaMemcpyToSymbol(const T &symbol, const void *src, size_t count,
                                                  size_t offset = 0,
                                                  enum cudaMemcpyKind kind = cudaMemcpyHostToDevice);
template <class T> cudaError_t cudaMemcpyToSymbolAsync(const T &symbol, const void *src, size_t count,
                                                       size_t offset = 0,
                                                       enum cudaMemcpyKind kind = cudaMemcpyHostToDevice,
                                                       cudaStream_t stream = 0);
template <class T> cudaError_t cudaMemcpyFromSymbol(void *dst, const T &symbol, size_t count,
                                                    size_t offset = 0,
                                                    enum cudaMemcpyKind kind = cudaMemcpyDeviceToHost);
template <class T> cudaError_t cudaMemcpyFromSymbolAsync(void *dst, const T &symbol, size_t count,
                                                         size_t offset = 0,
                                                         enum cudaMemcpyKind kind = cudaMemcpyDeviceToHost,
                                                         cudaStream_t stream = 0);
template <class T> cudaError_t cudaGetSymbolAddress(void **devPtr, const T &symbol);
template <class T> cudaError_t cudaGetSymbolSize(size_t *size, const T &symbol);
template <class T> cudaError_t cudaFuncGetAttributes(struct cudaFuncAttributes *attr, T *entry);
template <class T> cudaError_t cudaFuncSetAttribute(T *entry, enum cudaFuncAttribute attr, int value);
template <class T> cudaError_t cudaFuncSetCacheConfig(T *func, enum cudaFuncCache cacheConfig);
template <class T> cudaError_t cudaLaunchKernel(T *func, dim3 gridDim, dim3 blockDim, void **args,
                                                size_t sharedMem = 0, cudaStream_t stream = 0);
template <class T> cudaError_t cudaLaunchCooperativeKernel(T *func, dim3 gridDim, dim3 blockDim, void **args,
                                                           size_t sharedMem = 0, cudaStream_t stream = 0);
template <class T> cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessor(int *numBlocks, T func,
                                                                             int blockSize,
                                                                             size_t dynamicSMemSize);
template <class T> cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
    int *numBlocks, T func, int blockSize, size_t dynamicSMemSize, unsigned int flags);
template <class T> cudaError_t cudaOccupancyMaxPotentialBlockSize(int *minGridSize, int *blockSize, T func,
                                                                  size_t dynamicSMemSize = 0,
                                                                  int blockSizeLimit = 0);
template <class T> cudaError_t cudaOccupancyMaxPotentialBlockSizeWithFlags(int *minGridSize, int *blockSize,
                                                                           T func, size_t dynamicSMemSize = 0,
                                                                           int blockSizeLimit = 0,
                                                                           unsigned int flags = 0);
template <class T> cudaChannelFormatDesc cudaCreateChannelDesc(void);

#undef CUTRANS_API
#endif
