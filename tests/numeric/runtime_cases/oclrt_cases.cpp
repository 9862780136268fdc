/* Hand-written programs over the oclrt API: `oclrt_cases CASE KERNELS.cl [BROKEN.cl]` runs one case. */
#include "oclrt.h"
#include "check.h"

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

static std::string read_file(const char* path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

static std::string kernel_text;
static oclrtProgramSource program = {"kernels.cl", nullptr, "-cl-std=CL1.2", nullptr};

static oclrtKernelArg global_arg(void* const* ptr) { return {oclrtKernelArg::Global, ptr, sizeof(void*)}; }
template <class T> static oclrtKernelArg value_arg(const T* value) { return {oclrtKernelArg::Value, value, sizeof(T)}; }

static void launch_vadd(float* a, float* b, float* c, int n, oclrtStream_t stream) {
    oclrtKernelArg args[] = {global_arg((void**)&a), global_arg((void**)&b), global_arg((void**)&c), value_arg(&n)};
    EXPECT_OK(oclrtLaunchKernel(&program, "vadd", dim3((n + 63) / 64), dim3(64), 0, stream, args, 4));
}

static int vector_add() {
    const int n = 1000;
    std::vector<float> a(n), b(n), c(n);
    for (int i = 0; i < n; ++i) { a[i] = float(i); b[i] = 2.0f * i; }
    float *da, *db, *dc;
    EXPECT_OK(oclrtMalloc(&da, n * sizeof(float)));
    EXPECT_OK(oclrtMalloc(&db, n * sizeof(float)));
    EXPECT_OK(oclrtMalloc(&dc, n * sizeof(float)));
    EXPECT_OK(oclrtMemcpy(da, a.data(), n * sizeof(float), oclrtMemcpyHostToDevice));
    EXPECT_OK(oclrtMemcpy(db, b.data(), n * sizeof(float), oclrtMemcpyDefault));
    launch_vadd(da, db, dc, n, 0);
    EXPECT_OK(oclrtGetLastError());
    EXPECT_OK(oclrtDeviceSynchronize());
    EXPECT_OK(oclrtMemcpy(c.data(), dc, n * sizeof(float), oclrtMemcpyDeviceToHost));
    for (int i = 0; i < n; ++i) EXPECT(c[i] == 3.0f * i);
    EXPECT_OK(oclrtFree(da));
    EXPECT_OK(oclrtFree(db));
    EXPECT_OK(oclrtFree(dc));
    return 0;
}

/* d + n keeps working on the host side: copies at an offset, and kernel arguments at any offset (on PoCL, whose
 * coarse-grained SVM backs each allocation, so a kernel takes the SVM address). */
static int pointer_offsets() {
    const int n = 4096;
    std::vector<float> host(n);
    for (int i = 0; i < n; ++i) host[i] = float(i);
    float* d;
    EXPECT_OK(oclrtMalloc(&d, n * sizeof(float)));
    EXPECT_OK(oclrtMemcpy(d, host.data(), n * sizeof(float), oclrtMemcpyHostToDevice));
    const int half = n / 2;
    float factor = 10.0f;
    float* upper = d + half;
    oclrtKernelArg args[] = {global_arg((void**)&upper), value_arg(&factor), value_arg(&half)};
    EXPECT_OK(oclrtLaunchKernel(&program, "scale", dim3(half / 64), dim3(64), 0, 0, args, 3));
    std::vector<float> back(3);
    EXPECT_OK(oclrtMemcpy(back.data(), d + half - 1, 3 * sizeof(float), oclrtMemcpyDeviceToHost));
    EXPECT(back[0] == float(half - 1) && back[1] == 10.0f * half && back[2] == 10.0f * (half + 1));
    float* odd = d + 1;
    const int two = 2;
    oclrtKernelArg misaligned[] = {global_arg((void**)&odd), value_arg(&factor), value_arg(&two)};
    EXPECT_OK(oclrtLaunchKernel(&program, "scale", dim3(1), dim3(2), 0, 0, misaligned, 3));
    EXPECT_OK(oclrtMemcpy(back.data(), d, 3 * sizeof(float), oclrtMemcpyDeviceToHost));
    EXPECT(back[0] == 0.0f && back[1] == 10.0f && back[2] == 20.0f);
    EXPECT_OK(oclrtFree(d));
    return 0;
}

/* Without SVM (run with CUTRANS_OPENCL_SVM=0) an interior pointer is a sub-buffer, which must be aligned. */
static int misaligned_without_svm() {
    float* d;
    EXPECT_OK(oclrtMalloc(&d, 256 * sizeof(float)));
    float factor = 2.0f;
    const int n = 1;
    float* aligned = d + 32;
    oclrtKernelArg good[] = {global_arg((void**)&aligned), value_arg(&factor), value_arg(&n)};
    EXPECT_OK(oclrtLaunchKernel(&program, "scale", dim3(1), dim3(64), 0, 0, good, 3));
    float* odd = d + 1;
    oclrtKernelArg bad[] = {global_arg((void**)&odd), value_arg(&factor), value_arg(&n)};
    EXPECT(oclrtLaunchKernel(&program, "scale", dim3(1), dim3(64), 0, 0, bad, 3) == oclrtErrorMisalignedAddress);
    EXPECT(oclrtGetLastError() == oclrtErrorMisalignedAddress);
    EXPECT(oclrtGetLastError() == oclrtSuccess);
    EXPECT_OK(oclrtFree(d));
    return 0;
}

static int memset_and_device_copy() {
    const int n = 300;
    unsigned char *d1, *d2;
    EXPECT_OK(oclrtMalloc(&d1, n));
    EXPECT_OK(oclrtMalloc(&d2, n));
    EXPECT_OK(oclrtMemset(d1, 0xAB, n));
    EXPECT_OK(oclrtMemset(d1 + 10, 0x01, 5));
    EXPECT_OK(oclrtMemcpy(d2, d1, n, oclrtMemcpyDeviceToDevice));
    std::vector<unsigned char> host(n);
    EXPECT_OK(oclrtMemcpy(host.data(), d2, n, oclrtMemcpyDeviceToHost));
    for (int i = 0; i < n; ++i) EXPECT(host[i] == ((i >= 10 && i < 15) ? 0x01 : 0xAB));
    std::vector<unsigned char> rows(4 * 8, 0);
    EXPECT_OK(oclrtMemcpy2D(rows.data(), 8, d2 + 8, 16, 6, 4, oclrtMemcpyDeviceToHost));
    EXPECT(rows[0] == 0xAB && rows[2] == 0x01 && rows[6] == 0 && rows[8] == 0xAB);
    EXPECT_OK(oclrtFree(d1));
    EXPECT_OK(oclrtFree(d2));
    return 0;
}

static int local_memory_and_streams() {
    const int groups = 8, width = 32, n = groups * width;
    std::vector<int> in(n, 1), out(groups, 0);
    int *din, *dout;
    EXPECT_OK(oclrtMalloc(&din, n * sizeof(int)));
    EXPECT_OK(oclrtMalloc(&dout, groups * sizeof(int)));
    oclrtStream_t stream;
    EXPECT_OK(oclrtStreamCreateWithFlags(&stream, oclrtStreamNonBlocking));
    EXPECT_OK(oclrtMemcpyAsync(din, in.data(), n * sizeof(int), oclrtMemcpyHostToDevice, stream));
    oclrtKernelArg args[] = {global_arg((void**)&din), global_arg((void**)&dout), {oclrtKernelArg::Local, nullptr, 0}};
    EXPECT_OK(oclrtLaunchKernel(&program, "block_sum", dim3(groups), dim3(width), width * sizeof(int), stream, args, 3));
    EXPECT_OK(oclrtMemcpyAsync(out.data(), dout, groups * sizeof(int), oclrtMemcpyDeviceToHost, stream));
    EXPECT_OK(oclrtStreamSynchronize(stream));
    for (int g = 0; g < groups; ++g) EXPECT(out[g] == width);
    EXPECT_OK(oclrtStreamDestroy(stream));
    EXPECT(oclrtStreamDestroy(stream) == oclrtErrorInvalidResourceHandle);
    EXPECT_OK(oclrtFree(din));
    EXPECT_OK(oclrtFree(dout));
    return 0;
}

static int events() {
    const int n = 1 << 16;
    float *da, *db, *dc;
    EXPECT_OK(oclrtMalloc(&da, n * sizeof(float)));
    EXPECT_OK(oclrtMalloc(&db, n * sizeof(float)));
    EXPECT_OK(oclrtMalloc(&dc, n * sizeof(float)));
    oclrtEvent_t start, stop, untimed;
    EXPECT_OK(oclrtEventCreate(&start));
    EXPECT_OK(oclrtEventCreate(&stop));
    EXPECT_OK(oclrtEventCreateWithFlags(&untimed, oclrtEventDisableTiming));
    float ms = -1.0f;
    EXPECT(oclrtEventElapsedTime(&ms, start, stop) == oclrtErrorInvalidResourceHandle);
    EXPECT_OK(oclrtEventRecord(start));
    for (int i = 0; i < 5; ++i) launch_vadd(da, db, dc, n, 0);
    EXPECT_OK(oclrtEventRecord(stop, 0));
    EXPECT_OK(oclrtEventRecord(untimed, 0));
    EXPECT_OK(oclrtEventSynchronize(stop));
    EXPECT_OK(oclrtEventElapsedTime(&ms, start, stop));
    EXPECT(ms >= 0.0f && ms < 60000.0f);
    EXPECT(oclrtEventElapsedTime(&ms, start, untimed) == oclrtErrorInvalidResourceHandle);
    EXPECT_OK(oclrtEventDestroy(start));
    EXPECT_OK(oclrtEventDestroy(stop));
    EXPECT_OK(oclrtEventDestroy(untimed));
    EXPECT_OK(oclrtFree(da));
    EXPECT_OK(oclrtFree(db));
    EXPECT_OK(oclrtFree(dc));
    oclrtGetLastError();
    return 0;
}

static int invalid_pointers() {
    std::vector<float> host(16, 1.0f);
    float* d;
    EXPECT_OK(oclrtMalloc(&d, 16 * sizeof(float)));
    EXPECT(oclrtMemcpy(host.data(), host.data(), 4, oclrtMemcpyHostToDevice) == oclrtErrorInvalidValue);
    EXPECT(oclrtMemcpy(d, host.data(), 17 * sizeof(float), oclrtMemcpyHostToDevice) == oclrtErrorInvalidValue);
    EXPECT(oclrtMemset(host.data(), 0, 4) == oclrtErrorInvalidValue);
    EXPECT(oclrtFree(host.data()) == oclrtErrorInvalidValue);
    EXPECT(oclrtFree(d + 1) == oclrtErrorInvalidValue);
    float* hp = host.data();
    int n = 16;
    oclrtKernelArg args[] = {global_arg((void**)&hp), global_arg((void**)&d), global_arg((void**)&d), value_arg(&n)};
    EXPECT(oclrtLaunchKernel(&program, "vadd", dim3(1), dim3(16), 0, 0, args, 4) == oclrtErrorInvalidValue);
    EXPECT(oclrtPeekAtLastError() == oclrtErrorInvalidValue);
    EXPECT(oclrtGetLastError() == oclrtErrorInvalidValue);
    EXPECT(oclrtLaunchKernel(&program, "no_such_kernel", dim3(1), dim3(1), 0, 0, nullptr, 0) ==
           oclrtErrorInvalidDeviceFunction);
    EXPECT(oclrtLaunchKernel(&program, "vadd", dim3(0), dim3(1), 0, 0, args, 4) == oclrtErrorInvalidConfiguration);
    EXPECT(std::strcmp(oclrtGetErrorName(oclrtErrorInvalidValue), "cudaErrorInvalidValue") == 0);
    EXPECT(std::strcmp(oclrtGetErrorString(oclrtErrorMemoryAllocation), "out of memory") == 0);
    EXPECT_OK(oclrtFree(d));
    EXPECT(oclrtMemcpy(host.data(), d, 4, oclrtMemcpyDeviceToHost) == oclrtErrorInvalidValue);
    return 0;
}

static int build_error(const char* broken_path) {
    static std::string text = read_file(broken_path);
    /* as the OpenCL backend writes it: line 1 of broken.cl comes from line 40 of broken.cu, line 2 from 42 */
    static oclrtProgramSource broken = {"broken.cl", text.c_str(), nullptr, "@broken.cu 1:40 2:42 3:43"};
    float* d;
    EXPECT_OK(oclrtMalloc(&d, 4));
    oclrtKernelArg args[] = {global_arg((void**)&d)};
    EXPECT(oclrtLaunchKernel(&broken, "broken", dim3(1), dim3(1), 0, 0, args, 1) == oclrtErrorInvalidPtx);
    EXPECT(oclrtLaunchKernel(&broken, "broken", dim3(1), dim3(1), 0, 0, args, 1) == oclrtErrorInvalidPtx);
    EXPECT_OK(oclrtFree(d));
    return 0;
}

/* Pinned and registered host memory is mapped: kernels use it through HostGetDevicePointer, and the errors are
 * CUDA's (registering twice, unregistering what was not registered, freeing pinned memory with Free). */
static int mapped_host_memory() {
    const int n = 256;
    float *pinned, *d_pinned, *d_registered;
    EXPECT_OK(oclrtHostAlloc(&pinned, n * sizeof(float), oclrtHostAllocMapped));
    std::vector<float> registered(n, 1.0f);
    EXPECT_OK(oclrtHostRegister(registered.data(), n * sizeof(float), oclrtHostRegisterDefault));
    EXPECT(oclrtHostRegister(registered.data() + 8, 16, 0) == oclrtErrorHostMemoryAlreadyRegistered);
    for (int i = 0; i < n; ++i) pinned[i] = float(i);
    EXPECT_OK(oclrtHostGetDevicePointer(&d_pinned, pinned, 0));
    EXPECT_OK(oclrtHostGetDevicePointer(&d_registered, registered.data(), 0));
    EXPECT(d_pinned == pinned && d_registered == registered.data());
    launch_vadd(d_pinned, d_registered, d_registered, n, 0);
    EXPECT_OK(oclrtDeviceSynchronize());
    for (int i = 0; i < n; ++i) EXPECT(registered[i] == float(i) + 1.0f);
    std::vector<float> plain(4);
    void* none = nullptr;
    EXPECT(oclrtHostGetDevicePointer(&none, plain.data(), 0) == oclrtErrorInvalidValue);
    EXPECT(oclrtHostUnregister(plain.data()) == oclrtErrorHostMemoryNotRegistered);
    EXPECT(oclrtHostUnregister(pinned) == oclrtErrorHostMemoryNotRegistered);
    EXPECT(oclrtFree(pinned) == oclrtErrorInvalidValue);
    EXPECT_OK(oclrtHostUnregister(registered.data()));
    EXPECT(oclrtHostGetDevicePointer(&none, registered.data(), 0) == oclrtErrorInvalidValue);
    EXPECT_OK(oclrtFreeHost(pinned));
    EXPECT(oclrtGetLastError() == oclrtErrorInvalidValue);
    return 0;
}

static int device_and_managed() {
    int count = 0;
    EXPECT_OK(oclrtGetDeviceCount(&count));
    EXPECT(count == 1);
    EXPECT_OK(oclrtSetDevice(0));
    EXPECT(oclrtSetDevice(3) == oclrtErrorInvalidDevice);
    oclrtDeviceProp prop;
    EXPECT_OK(oclrtGetDeviceProperties(&prop, 0));
    EXPECT(prop.name[0] != '\0' && prop.maxThreadsPerBlock > 0 && prop.totalGlobalMem > 0 && prop.warpSize == 32);
    size_t free_bytes = 0, total_bytes = 0;
    EXPECT_OK(oclrtMemGetInfo(&free_bytes, &total_bytes));
    EXPECT(total_bytes > 0 && free_bytes <= total_bytes);
    EXPECT_OK(oclrtFuncSetAttribute("vadd", oclrtFuncAttributeMaxDynamicSharedMemorySize, 65536));
    const int n = 256;
    float *ma, *mb, *mc;
    EXPECT_OK(oclrtMallocManaged(&ma, n * sizeof(float)));
    EXPECT_OK(oclrtMallocManaged(&mb, n * sizeof(float)));
    EXPECT_OK(oclrtMallocManaged(&mc, n * sizeof(float)));
    for (int i = 0; i < n; ++i) { ma[i] = float(i); mb[i] = 1.0f; }
    launch_vadd(ma, mb, mc, n, 0);
    EXPECT_OK(oclrtDeviceSynchronize());
    for (int i = 0; i < n; ++i) EXPECT(mc[i] == float(i) + 1.0f);
    float* pinned;
    EXPECT_OK(oclrtMallocHost(&pinned, n * sizeof(float)));
    EXPECT_OK(oclrtMemcpy(pinned, mc, n * sizeof(float), oclrtMemcpyDeviceToHost));
    EXPECT(pinned[5] == 6.0f);
    EXPECT_OK(oclrtFreeHost(pinned));
    EXPECT_OK(oclrtFree(ma));
    EXPECT_OK(oclrtFree(mb));
    EXPECT_OK(oclrtFree(mc));
    EXPECT_OK(oclrtDeviceReset());
    EXPECT_OK(oclrtMalloc(&ma, 16));
    EXPECT_OK(oclrtFree(ma));
    return 0;
}

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s CASE KERNELS.cl [BROKEN.cl]\n", argv[0]);
        return 2;
    }
    kernel_text = read_file(argv[2]);
    program.source = kernel_text.c_str();
    std::string name = argv[1];
    int rc = 2;
    if (name == "vector_add") rc = vector_add();
    if (name == "pointer_offsets") rc = pointer_offsets();
    if (name == "misaligned_without_svm") rc = misaligned_without_svm();
    if (name == "memset_and_device_copy") rc = memset_and_device_copy();
    if (name == "local_memory_and_streams") rc = local_memory_and_streams();
    if (name == "events") rc = events();
    if (name == "invalid_pointers") rc = invalid_pointers();
    if (name == "build_error" && argc > 3) rc = build_error(argv[3]);
    if (name == "device_and_managed") rc = device_and_managed();
    if (name == "mapped_host_memory") rc = mapped_host_memory();
    if (rc == 0) std::printf("PASS %s\n", name.c_str());
    return rc;
}
