/* Hand-written program over the cpurt API: every check in one run; prints PASS when all hold. */
#include "cpurt.h"
#include "check.h"

#include <cstdint>
#include <cstring>
#include <vector>

static void vadd(const float* a, const float* b, float* c, int n) {
    for (int i = 0; i < n; ++i) c[i] = a[i] + b[i];
}

static void vector_add_and_offsets() {
    const int n = 1000;
    std::vector<float> a(n), b(n), c(n);
    for (int i = 0; i < n; ++i) { a[i] = float(i); b[i] = 2.0f * i; }
    float *da, *db, *dc;
    EXPECT_OK(cpurtMalloc(&da, n * sizeof(float)));
    EXPECT_OK(cpurtMalloc(&db, n * sizeof(float)));
    EXPECT_OK(cpurtMalloc(&dc, n * sizeof(float)));
    EXPECT(reinterpret_cast<std::uintptr_t>(da) % 64 == 0);
    EXPECT_OK(cpurtMemcpy(da, a.data(), n * sizeof(float), cpurtMemcpyHostToDevice));
    EXPECT_OK(cpurtMemcpy(db, b.data(), n * sizeof(float), cpurtMemcpyDefault));
    vadd(da + 10, db + 10, dc + 10, n - 10);
    EXPECT_OK(cpurtMemcpy(c.data() + 10, dc + 10, (n - 10) * sizeof(float), cpurtMemcpyDeviceToHost));
    for (int i = 10; i < n; ++i) EXPECT(c[i] == 3.0f * i);
    EXPECT_OK(cpurtFree(da));
    EXPECT_OK(cpurtFree(db));
    EXPECT_OK(cpurtFree(dc));
}

static void memset_copies_and_errors() {
    unsigned char *d1, *d2;
    EXPECT_OK(cpurtMalloc(&d1, 64));
    EXPECT_OK(cpurtMalloc(&d2, 64));
    EXPECT_OK(cpurtMemset(d1, 0x5A, 64));
    EXPECT_OK(cpurtMemsetAsync(d1 + 4, 0x01, 2));
    EXPECT_OK(cpurtMemcpy(d2, d1, 64, cpurtMemcpyDeviceToDevice));
    unsigned char rows[3 * 4];
    EXPECT_OK(cpurtMemcpy2D(rows, 4, d2 + 2, 8, 4, 3, cpurtMemcpyDeviceToHost));
    EXPECT(rows[0] == 0x5A && rows[2] == 0x01 && rows[3] == 0x01 && rows[4] == 0x5A);
    EXPECT(cpurtMemcpy2D(rows, 2, d2, 8, 4, 3, cpurtMemcpyDeviceToHost) == cpurtErrorInvalidPitchValue);
    EXPECT(cpurtMemcpy(d2, d1, 4, static_cast<cpurtMemcpyKind>(7)) == cpurtErrorInvalidMemcpyDirection);
    EXPECT(cpurtFree(rows) == cpurtErrorInvalidValue);
    EXPECT(cpurtPeekAtLastError() == cpurtErrorInvalidValue);
    EXPECT(cpurtGetLastError() == cpurtErrorInvalidValue);
    EXPECT(cpurtGetLastError() == cpurtSuccess);
    cpurtSetLastError(cpurtErrorLaunchFailure);
    EXPECT(cpurtGetLastError() == cpurtErrorLaunchFailure);
    EXPECT(std::strcmp(cpurtGetErrorName(cpurtErrorNoDevice), "cudaErrorNoDevice") == 0);
    EXPECT(std::strcmp(cpurtGetErrorString(cpurtSuccess), "no error") == 0);
    EXPECT(std::strcmp(cpurtGetErrorString(static_cast<cpurtError_t>(12345)), "unrecognized error code") == 0);
    EXPECT(cpurtErrorInvalidConfiguration == 9 && cpurtErrorLaunchFailure == 719 && cpurtErrorUnknown == 999);
    EXPECT_OK(cpurtFree(d1));
    EXPECT_OK(cpurtFree(d2));
}

static void host_managed_streams_events() {
    float *pinned, *managed, *mapped;
    EXPECT_OK(cpurtMallocHost(&pinned, 16 * sizeof(float)));
    EXPECT_OK(cpurtHostAlloc(&mapped, 16 * sizeof(float), cpurtHostAllocMapped));
    EXPECT_OK(cpurtMallocManaged(&managed, 16 * sizeof(float)));
    managed[3] = 7.0f;
    EXPECT_OK(cpurtMemcpy(pinned, managed, 16 * sizeof(float), cpurtMemcpyDefault));
    EXPECT(pinned[3] == 7.0f);
    EXPECT_OK(cpurtFreeHost(pinned));
    EXPECT_OK(cpurtFreeHost(mapped));
    EXPECT_OK(cpurtFree(managed));
    cpurtStream_t stream;
    cpurtEvent_t start, stop;
    EXPECT_OK(cpurtStreamCreateWithFlags(&stream, cpurtStreamNonBlocking));
    EXPECT_OK(cpurtEventCreate(&start));
    EXPECT_OK(cpurtEventCreateWithFlags(&stop, cpurtEventBlockingSync));
    float ms = -1.0f;
    EXPECT(cpurtEventElapsedTime(&ms, start, stop) == cpurtErrorInvalidResourceHandle);
    EXPECT_OK(cpurtEventRecord(start, stream));
    EXPECT_OK(cpurtStreamSynchronize(stream));
    EXPECT_OK(cpurtEventRecord(stop, stream));
    EXPECT_OK(cpurtEventSynchronize(stop));
    EXPECT_OK(cpurtEventElapsedTime(&ms, start, stop));
    EXPECT(ms >= 0.0f);
    EXPECT_OK(cpurtEventDestroy(start));
    EXPECT_OK(cpurtEventDestroy(stop));
    EXPECT_OK(cpurtStreamDestroy(stream));
}

static void device_queries() {
    int count = 0, device = -1;
    EXPECT_OK(cpurtGetDeviceCount(&count));
    EXPECT(count == 1);
    EXPECT_OK(cpurtSetDevice(0));
    EXPECT(cpurtSetDevice(1) == cpurtErrorInvalidDevice);
    EXPECT_OK(cpurtGetDevice(&device));
    EXPECT(device == 0);
    cpurtDeviceProp prop;
    EXPECT_OK(cpurtGetDeviceProperties(&prop, 0));
    EXPECT(prop.warpSize == 32 && prop.maxThreadsPerBlock == 1024 && prop.multiProcessorCount >= 1);
    size_t free_bytes = 0, total_bytes = 0;
    EXPECT_OK(cpurtMemGetInfo(&free_bytes, &total_bytes));
    EXPECT(total_bytes > 0 && free_bytes <= total_bytes);
    EXPECT_OK(cpurtFuncSetAttribute(vadd, cpurtFuncAttributeMaxDynamicSharedMemorySize, 1 << 16));
    dim3 grid(4), block(8, 2);
    EXPECT(grid.y == 1 && grid.z == 1 && block.y == 2);
    EXPECT_OK(cpurtDeviceSynchronize());
    EXPECT_OK(cpurtDeviceReset());
}

/* 3-D pitched copies: a sub-box at an offset, memset of a corner, and CUDA's refusals (arrays, a region
 * wider than the pitch, more rows than a slice holds). */
static void pitched_3d() {
    cpurtPitchedPtr d;
    EXPECT_OK(cpurtMalloc3D(&d, make_cpurtExtent(5, 3, 4)));
    EXPECT(d.pitch >= 5 && d.pitch % 256 == 0 && d.xsize == 5 && d.ysize == 3);
    unsigned char host[4][3][5], box[2][2][3] = {};
    for (int i = 0; i < 60; ++i) (&host[0][0][0])[i] = static_cast<unsigned char>(i);
    cpurtMemcpy3DParms up = {};
    up.srcPtr = make_cpurtPitchedPtr(host, 5, 5, 3);
    up.dstPtr = d;
    up.extent = make_cpurtExtent(5, 3, 4);
    up.kind = cpurtMemcpyHostToDevice;
    EXPECT_OK(cpurtMemcpy3D(&up));
    EXPECT_OK(cpurtMemset3D(d, 0xFF, make_cpurtExtent(1, 1, 1)));
    cpurtMemcpy3DParms down = {};
    down.srcPtr = d;
    down.srcPos = make_cpurtPos(0, 1, 2);
    down.dstPtr = make_cpurtPitchedPtr(box, 3, 3, 2);
    down.dstPos = make_cpurtPos(1, 0, 1);
    down.extent = make_cpurtExtent(2, 2, 1);
    down.kind = cpurtMemcpyDeviceToHost;
    EXPECT_OK(cpurtMemcpy3DAsync(&down, 0));
    EXPECT(box[1][0][1] == host[2][1][0] && box[1][1][2] == host[2][2][1] && box[1][0][0] == 0 && box[0][0][1] == 0);
    unsigned char first = 0;
    EXPECT_OK(cpurtMemcpy(&first, d.ptr, 1, cpurtMemcpyDeviceToHost));
    EXPECT(first == 0xFF);
    down.extent = make_cpurtExtent(d.pitch + 1, 1, 1);
    EXPECT(cpurtMemcpy3D(&down) == cpurtErrorInvalidValue);
    down.extent = make_cpurtExtent(2, 4, 2);
    EXPECT(cpurtMemcpy3D(&down) == cpurtErrorInvalidValue);
    down.extent = make_cpurtExtent(2, 2, 1);
    down.srcArray = &first;
    EXPECT(cpurtMemcpy3D(&down) == cpurtErrorInvalidValue);
    EXPECT(cpurtGetLastError() == cpurtErrorInvalidValue);
    EXPECT_OK(cpurtFree(d.ptr));
}

int main() {
    vector_add_and_offsets();
    memset_copies_and_errors();
    pitched_3d();
    host_managed_streams_events();
    device_queries();
    std::printf("PASS\n");
    return 0;
}
