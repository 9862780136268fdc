/* cutrans host runtime for the OpenCL target. See runtime_shims/README.md for what is exact and what is not. */
#include "oclrt.h"

#if __has_include("cutrans_rt_common.inc")
#include "cutrans_rt_common.inc"
#else
#include "../common/cutrans_rt_common.inc"
#endif

#include "cl_api.h"
#include "oclrt_device.h"
#include "oclrt_svm.h"
#include "oclrt_table.h"

#include <unistd.h>

#include <cctype>
#include <cstdarg>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

struct oclrtStream_st {
    cl_command_queue queue;
    unsigned int flags;
};

struct oclrtEvent_st {
    unsigned int flags;
    cl_event marker; /* null until recorded */
};

namespace {

using namespace oclrt_detail;
using cutrans_rt::status;

void complain(const char* format, ...) {
    std::va_list args;
    va_start(args, format);
    std::fputs("oclrt: ", stderr);
    std::vfprintf(stderr, format, args);
    std::fputc('\n', stderr);
    va_end(args);
}

struct ClErrorMapping {
    cl_int cl;
    oclrtError_t rt;
};

const ClErrorMapping kClErrors[] = {
    {CL_SUCCESS, oclrtSuccess},
    {CL_DEVICE_NOT_FOUND, oclrtErrorNoDevice},
    {CL_DEVICE_NOT_AVAILABLE, oclrtErrorDevicesUnavailable},
    {CL_COMPILER_NOT_AVAILABLE, oclrtErrorJitCompilerNotFound},
    {CL_MEM_OBJECT_ALLOCATION_FAILURE, oclrtErrorMemoryAllocation},
    {CL_OUT_OF_RESOURCES, oclrtErrorLaunchOutOfResources},
    {CL_OUT_OF_HOST_MEMORY, oclrtErrorMemoryAllocation},
    {CL_BUILD_PROGRAM_FAILURE, oclrtErrorInvalidPtx},
    {CL_MISALIGNED_SUB_BUFFER_OFFSET, oclrtErrorMisalignedAddress},
    {CL_INVALID_BUILD_OPTIONS, oclrtErrorInvalidPtx},
    {CL_INVALID_PROGRAM_EXECUTABLE, oclrtErrorInvalidKernelImage},
    {CL_INVALID_KERNEL_NAME, oclrtErrorInvalidDeviceFunction},
    {CL_INVALID_KERNEL, oclrtErrorInvalidDeviceFunction},
    {CL_INVALID_ARG_INDEX, oclrtErrorInvalidValue},
    {CL_INVALID_ARG_VALUE, oclrtErrorInvalidValue},
    {CL_INVALID_ARG_SIZE, oclrtErrorInvalidValue},
    {CL_INVALID_KERNEL_ARGS, oclrtErrorInvalidValue},
    {CL_INVALID_WORK_DIMENSION, oclrtErrorInvalidConfiguration},
    {CL_INVALID_WORK_GROUP_SIZE, oclrtErrorInvalidConfiguration},
    {CL_INVALID_WORK_ITEM_SIZE, oclrtErrorInvalidConfiguration},
    {CL_INVALID_GLOBAL_WORK_SIZE, oclrtErrorInvalidConfiguration},
    {CL_INVALID_BUFFER_SIZE, oclrtErrorMemoryAllocation},
    {CL_INVALID_VALUE, oclrtErrorInvalidValue},
    {CL_INVALID_MEM_OBJECT, oclrtErrorInvalidDevicePointer},
    {CL_INVALID_EVENT, oclrtErrorInvalidResourceHandle},
};

oclrtError_t from_cl(cl_int code) {
    for (const ClErrorMapping& entry : kClErrors) {
        if (entry.cl == code) return entry.rt;
    }
    return oclrtErrorUnknown;
}

struct Runtime {
    std::recursive_mutex lock;
    bool tried = false;
    oclrtError_t init_error = oclrtSuccess;
    cl_device_id device = nullptr;
    cl_context context = nullptr;
    cl_command_queue queue = nullptr; /* stream 0 */
    size_t base_align = 1;            /* bytes; CL_DEVICE_MEM_BASE_ADDR_ALIGN is in bits */
    Svm svm;                          /* whether allocations are SVM, so kernels take interior pointers */
    PointerTable table;
    std::map<const oclrtProgramSource*, cl_program> programs; /* null: the build failed */
    std::map<std::pair<cl_program, std::string>, cl_kernel> kernels;
    std::set<oclrtStream_t> streams;
    std::map<const void*, void*> symbols;   /* host variable -> its device buffer (see oclrtSymbolAddress) */
};

Runtime& runtime() {
    static Runtime instance;
    return instance;
}

using Guard = std::lock_guard<std::recursive_mutex>;

oclrtError_t open_device(Runtime& r) {
    std::vector<Candidate> devices = list_devices();
    const Candidate* chosen = choose_device(devices);
    if (!chosen) return oclrtErrorNoDevice;
    cl_int err = CL_SUCCESS;
    r.device = chosen->device;
    r.context = clCreateContext(nullptr, 1, &r.device, nullptr, nullptr, &err);
    if (err != CL_SUCCESS) {
        complain("clCreateContext failed (CL error %d) for device '%s'", err, chosen->name.c_str());
        return from_cl(err);
    }
    r.queue = clCreateCommandQueue(r.context, r.device, CL_QUEUE_PROFILING_ENABLE, &err);
    if (err != CL_SUCCESS) {
        complain("clCreateCommandQueue failed (CL error %d)", err);
        return from_cl(err);
    }
    r.base_align = std::max<size_t>(1, device_info<cl_uint>(r.device, CL_DEVICE_MEM_BASE_ADDR_ALIGN) / 8);
    r.svm.open(r.context, r.device);
    return oclrtSuccess;
}

/* Opens the device on first use; a failure is remembered (and explained once) until DeviceReset. */
oclrtError_t ready(Runtime& r) {
    if (r.tried) return r.init_error;
    r.tried = true;
    if (!r.table.reserve()) {
        complain("could not reserve address space for device pointers");
        r.init_error = oclrtErrorInitializationError;
    } else {
        r.init_error = open_device(r);
    }
    return r.init_error;
}

void finish_all(Runtime& r) {
    clFinish(r.queue);
    for (oclrtStream_t s : r.streams) clFinish(s->queue);
}

/* The queue of a stream, after the legacy default stream's implicit ordering: work on stream 0 waits for every
 * blocking stream, and work on a blocking stream waits for stream 0 (host-side waits). */
oclrtError_t stream_queue(Runtime& r, oclrtStream_t stream, cl_command_queue& queue) {
    if (!stream) {
        for (oclrtStream_t s : r.streams) {
            if (!(s->flags & oclrtStreamNonBlocking)) clFinish(s->queue);
        }
        queue = r.queue;
        return oclrtSuccess;
    }
    if (!r.streams.count(stream)) return oclrtErrorInvalidResourceHandle;
    if (!(stream->flags & oclrtStreamNonBlocking)) clFinish(r.queue);
    queue = stream->queue;
    return oclrtSuccess;
}

/* ---- memory ---- */

struct Span {
    bool device;   /* false: host memory (including managed memory, which the host may touch between kernels) */
    cl_mem mem;
    size_t offset;
    void* host;
};

/* Where `extent` bytes at p live. A pointer into the device range that no live allocation covers is an error. */
oclrtError_t locate(Runtime& r, const void* p, size_t extent, const char* role, Span& span, bool& managed) {
    Hit hit;
    managed = false;
    if (!r.table.find(p, hit)) {
        if (r.table.in_range(p)) {
            complain("%s %p is not a live device allocation (freed, or past its end)", role, p);
            return oclrtErrorInvalidValue;
        }
        span = Span{false, nullptr, 0, const_cast<void*>(p)};
        return oclrtSuccess;
    }
    if (hit.offset + extent > hit.alloc->size) {
        complain("%s %p: %zu bytes run past the end of its %zu-byte allocation", role, p, extent, hit.alloc->size);
        return oclrtErrorInvalidValue;
    }
    managed = hit.alloc->managed;
    if (managed) finish_all(r);
    span = managed ? Span{false, nullptr, 0, const_cast<void*>(p)} : Span{true, hit.alloc->mem, hit.offset, nullptr};
    return oclrtSuccess;
}

/* Which sides each copy kind declares as device memory: {destination, source}; Default accepts anything. */
struct KindSides {
    bool dst_device;
    bool src_device;
};
const KindSides kKindSides[] = {{false, false}, {true, false}, {false, true}, {true, true}};

oclrtError_t check_kind(oclrtMemcpyKind kind, const Span& dst, bool dst_managed, const Span& src,
                        bool src_managed) {
    if (kind == oclrtMemcpyDefault) return oclrtSuccess;
    const KindSides& sides = kKindSides[kind];
    if (!dst_managed && dst.device != sides.dst_device) {
        complain("copy destination is %s memory, but the copy kind says otherwise", dst.device ? "device" : "host");
        return oclrtErrorInvalidValue;
    }
    if (!src_managed && src.device != sides.src_device) {
        complain("copy source is %s memory, but the copy kind says otherwise", src.device ? "device" : "host");
        return oclrtErrorInvalidValue;
    }
    return oclrtSuccess;
}

/* Copies height rows of width bytes. Copies that touch host memory complete before returning. */
cl_int copy_rows(cl_command_queue q, const Span& dst, size_t dpitch, const Span& src, size_t spitch, size_t width,
                 size_t height) {
    const size_t region[3] = {width, height, 1};
    const size_t dst_origin[3] = {dst.offset, 0, 0};
    const size_t src_origin[3] = {src.offset, 0, 0};
    if (dst.device && src.device) {
        return clEnqueueCopyBufferRect(q, src.mem, dst.mem, src_origin, dst_origin, region, spitch, 0, dpitch, 0, 0,
                                       nullptr, nullptr);
    }
    if (dst.device) {
        return clEnqueueWriteBufferRect(q, dst.mem, CL_TRUE, dst_origin, src_origin, region, dpitch, 0, spitch, 0,
                                        src.host, 0, nullptr, nullptr);
    }
    if (src.device) {
        return clEnqueueReadBufferRect(q, src.mem, CL_TRUE, src_origin, dst_origin, region, spitch, 0, dpitch, 0,
                                       dst.host, 0, nullptr, nullptr);
    }
    cl_int err = clFinish(q);
    for (size_t row = 0; row < height; ++row) {
        std::memmove(static_cast<char*>(dst.host) + row * dpitch, static_cast<const char*>(src.host) + row * spitch,
                     width);
    }
    return err;
}

oclrtError_t copy(void* dst, size_t dpitch, const void* src, size_t spitch, size_t width, size_t height,
                  oclrtMemcpyKind kind, oclrtStream_t stream) {
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (oclrtError_t err = ready(r)) return status(err);
    if (kind < oclrtMemcpyHostToHost || kind > oclrtMemcpyDefault) return status(oclrtErrorInvalidMemcpyDirection);
    if (width > dpitch || width > spitch) return status(oclrtErrorInvalidPitchValue);
    if (width == 0 || height == 0) return oclrtSuccess;
    if (!dst || !src) return status(oclrtErrorInvalidValue);
    Span to, from;
    bool to_managed = false, from_managed = false;
    cl_command_queue queue = nullptr;
    oclrtError_t err = locate(r, dst, (height - 1) * dpitch + width, "copy destination", to, to_managed);
    if (!err) err = locate(r, src, (height - 1) * spitch + width, "copy source", from, from_managed);
    if (!err) err = check_kind(kind, to, to_managed, from, from_managed);
    if (!err) err = stream_queue(r, stream, queue);
    if (!err) err = from_cl(copy_rows(queue, to, dpitch, from, spitch, width, height));
    return status(err);
}

oclrtError_t fill(void* ptr, int value, size_t count, oclrtStream_t stream) {
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (oclrtError_t err = ready(r)) return status(err);
    if (count == 0) return oclrtSuccess;
    Span span;
    bool managed = false;
    cl_command_queue queue = nullptr;
    oclrtError_t err = locate(r, ptr, count, "memset target", span, managed);
    if (!err && !span.device && !managed) {
        complain("memset target %p is host memory, not a device allocation", ptr);
        err = oclrtErrorInvalidValue;
    }
    if (!err) err = stream_queue(r, stream, queue);
    if (err) return status(err);
    if (managed) {
        std::memset(ptr, value, count);
        return oclrtSuccess;
    }
    const unsigned char pattern = static_cast<unsigned char>(value);
    return status(from_cl(clEnqueueFillBuffer(queue, span.mem, &pattern, 1, span.offset, count, 0, nullptr, nullptr)));
}

void release_allocation(Runtime& r, Allocation& alloc) {
    if (alloc.managed) {
        clEnqueueUnmapMemObject(r.queue, alloc.mem, alloc.host, 0, nullptr, nullptr);
        clFinish(r.queue);
    }
    clReleaseMemObject(alloc.mem);
    if (alloc.origin == Origin::Managed) std::free(alloc.host);
    r.svm.release(alloc.svm);
}

/* Frees the allocation `hit` found and forgets it, once the device's work that may still use it is done where
 * that matters: host memory the device shares, and SVM, which clSVMFree frees at once (CUDA's Free waits too). */
void forget(Runtime& r, const Hit& hit) {
    if (hit.alloc->managed || hit.alloc->svm) finish_all(r);
    release_allocation(r, *hit.alloc);
    r.table.erase(hit.start);
}

/* Host memory that kernels may use too (managed, pinned, registered): a CL_MEM_USE_HOST_PTR buffer over it, kept
 * mapped at the host address while no kernel uses it (enqueue). Where the device would copy instead (the mapping
 * lands elsewhere), nothing is kept and the CL error (or CL_INVALID_HOST_PTR) is returned. */
cl_int share_host(Runtime& r, void* host, size_t bytes, Origin origin) {
    cl_int err = CL_SUCCESS;
    cl_mem mem = clCreateBuffer(r.context, CL_MEM_READ_WRITE | CL_MEM_USE_HOST_PTR, bytes, host, &err);
    void* mapped = err == CL_SUCCESS ? clEnqueueMapBuffer(r.queue, mem, CL_TRUE, CL_MAP_READ | CL_MAP_WRITE, 0,
                                                          bytes, 0, nullptr, nullptr, &err)
                                     : nullptr;
    if (mapped == host) {
        r.table.add_managed(Allocation{mem, bytes, true, host, nullptr, origin});
        return CL_SUCCESS;
    }
    if (mapped) clEnqueueUnmapMemObject(r.queue, mem, mapped, 0, nullptr, nullptr);
    if (mem) clReleaseMemObject(mem);
    clFinish(r.queue);
    return err != CL_SUCCESS ? err : CL_INVALID_HOST_PTR;
}

/* ---- programs and launches ---- */

/* The CUDA file and line that line `line` of a program's text comes from, read from its line map
 * ("@file cl:cu cl:cu ... @file2 ...", translator/backends/line_map.py); false where the map says nothing. */
bool cuda_line(const char* map, long line, std::string& file, long& cuda) {
    bool found = false;
    std::string current;
    for (const char* p = map; p && *p;) {
        while (*p == ' ') ++p;
        const char* end = p;
        while (*end && *end != ' ') ++end;
        std::string word(p, end);
        p = end;
        if (word.empty()) continue;
        if (word[0] == '@') {
            current = word.substr(1);
            continue;
        }
        char* rest = nullptr;
        long from = std::strtol(word.c_str(), &rest, 10);
        if (*rest != ':' || from > line) {
            if (from > line) break;
            continue;
        }
        file = current;
        cuda = std::strtol(rest + 1, nullptr, 10);
        found = true;
    }
    return found;
}

/* The line number in a compiler message "<where>:LINE:COL: ..." (clang, PoCL, Intel, NVIDIA all write it
 * so), or 0. */
long message_line(const std::string& message) {
    for (size_t colon = message.find(':'); colon != std::string::npos; colon = message.find(':', colon + 1)) {
        size_t i = colon + 1, digits = i;
        while (i < message.size() && std::isdigit(static_cast<unsigned char>(message[i]))) ++i;
        if (i == digits || i >= message.size() || message[i] != ':') continue;
        size_t j = i + 1;
        while (j < message.size() && std::isdigit(static_cast<unsigned char>(message[j]))) ++j;
        if (j > i + 1 && j < message.size() && message[j] == ':') return std::strtol(message.c_str() + digits, nullptr, 10);
    }
    return 0;
}

void print_build_log(Runtime& r, cl_program program, const oclrtProgramSource* src, cl_int err) {
    const char* name = src->name ? src->name : "<unnamed program>";
    size_t size = 0;
    clGetProgramBuildInfo(program, r.device, CL_PROGRAM_BUILD_LOG, 0, nullptr, &size);
    std::string log(size, '\0');
    clGetProgramBuildInfo(program, r.device, CL_PROGRAM_BUILD_LOG, size, &log[0], nullptr);
    std::fprintf(stderr, "%s: error: the OpenCL C build failed (CL error %d); build log:\n", name, err);
    size_t start = 0;
    while (start < log.size() && log[start] != '\0') {
        size_t end = log.find('\n', start);
        if (end == std::string::npos) end = log.size();
        const std::string message = log.substr(start, end - start);
        std::fprintf(stderr, "%s: %s\n", name, message.c_str());
        std::string file;
        long line = message_line(message), cuda = 0;
        if (line > 0 && cuda_line(src->line_map, line, file, cuda))
            std::fprintf(stderr, "%s:%ld: note: line %ld of %s above comes from here\n", file.c_str(), cuda, line, name);
        start = end + 1;
    }
}

/* The folders searched for a program file: $CUTRANS_OPENCL_PATH (':'-separated), the executable's folder,
 * then the current folder. */
std::vector<std::string> program_folders() {
    std::vector<std::string> folders;
    if (const char* env = std::getenv("CUTRANS_OPENCL_PATH")) {
        std::string list(env);
        for (size_t start = 0, end; start <= list.size(); start = end + 1) {
            end = list.find(':', start);
            if (end == std::string::npos) end = list.size();
            if (end > start) folders.push_back(list.substr(start, end - start));
        }
    }
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        std::string path(exe, static_cast<size_t>(n));
        folders.push_back(path.substr(0, path.find_last_of('/')));
    }
    folders.push_back(".");
    return folders;
}

/* The program's text: embedded in the executable, or read from the file `name` (the generated .cl file,
 * so that an edit to it takes effect without rebuilding the host program). */
oclrtError_t program_text(const oclrtProgramSource* src, std::string& text) {
    if (src->source) {
        text = src->source;
        return oclrtSuccess;
    }
    std::string tried;
    for (const std::string& folder : program_folders()) {
        std::ifstream in(folder + "/" + src->name, std::ios::binary);
        if (in) {
            text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
            return oclrtSuccess;
        }
        tried += (tried.empty() ? "" : ", ") + folder;
    }
    complain("cannot find the OpenCL program '%s' (looked in: %s); put it beside the executable or name its "
             "folder in CUTRANS_OPENCL_PATH", src->name, tried.c_str());
    return oclrtErrorFileNotFound;
}

oclrtError_t get_program(Runtime& r, const oclrtProgramSource* src, cl_program& program) {
    auto cached = r.programs.find(src);
    if (cached != r.programs.end()) {
        program = cached->second;
        return program ? oclrtSuccess : oclrtErrorInvalidPtx;
    }
    std::string source;
    if (oclrtError_t missing = program_text(src, source)) {
        r.programs[src] = nullptr;
        return missing;
    }
    cl_int err = CL_SUCCESS;
    const char* text = source.c_str();
    program = clCreateProgramWithSource(r.context, 1, &text, nullptr, &err);
    if (err == CL_SUCCESS) err = clBuildProgram(program, 1, &r.device, src->build_options, nullptr, nullptr);
    if (err != CL_SUCCESS && program) {
        print_build_log(r, program, src, err);
        clReleaseProgram(program);
        program = nullptr;
    }
    r.programs[src] = program;
    return program ? oclrtSuccess : oclrtErrorInvalidPtx;
}

oclrtError_t get_kernel(Runtime& r, const oclrtProgramSource* src, const char* name, cl_kernel& kernel) {
    cl_program program = nullptr;
    if (oclrtError_t err = get_program(r, src, program)) return err;
    auto key = std::make_pair(program, std::string(name));
    auto cached = r.kernels.find(key);
    if (cached != r.kernels.end()) {
        kernel = cached->second;
        return oclrtSuccess;
    }
    cl_int err = CL_SUCCESS;
    kernel = clCreateKernel(program, name, &err);
    if (err != CL_SUCCESS) {
        complain("program '%s' has no kernel '%s' (CL error %d)", src->name ? src->name : "", name, err);
        return from_cl(err);
    }
    r.kernels[key] = kernel;
    return oclrtSuccess;
}

struct Launch {
    Runtime& r;
    cl_kernel kernel;
    const char* name;
    size_t dynamic_shared_bytes;
    std::vector<cl_mem> sub_buffers;
    std::vector<Allocation*> managed;
};

oclrtError_t interior_buffer(Launch& launch, unsigned index, const Hit& hit, cl_mem& mem) {
    size_t align = launch.r.base_align;
    if (hit.offset % align != 0 || hit.offset >= hit.alloc->size) {
        complain("argument %u of kernel '%s' points %zu bytes into a %zu-byte allocation; OpenCL can pass an "
                 "interior pointer only at a multiple of the device's base address alignment (%zu bytes) and "
                 "inside the buffer, unless the device has coarse-grained buffer SVM (%s)", index, launch.name,
                 hit.offset, hit.alloc->size, align,
                 hit.alloc->managed ? "not used for managed memory"
                 : launch.r.svm.disabled() ? "turned off by CUTRANS_OPENCL_SVM=0" : "this one has not");
        return oclrtErrorMisalignedAddress;
    }
    cl_buffer_region region = {hit.offset, hit.alloc->size - hit.offset};
    cl_int err = CL_SUCCESS;
    mem = clCreateSubBuffer(hit.alloc->mem, CL_MEM_READ_WRITE, CL_BUFFER_CREATE_TYPE_REGION, &region, &err);
    if (err != CL_SUCCESS) return from_cl(err);
    launch.sub_buffers.push_back(mem);
    return oclrtSuccess;
}

oclrtError_t bind_global(Launch& launch, unsigned index, const void* data) {
    void* ptr = nullptr;
    std::memcpy(&ptr, data, sizeof ptr);
    cl_mem mem = nullptr;
    Hit hit;
    if (ptr && !launch.r.table.find(ptr, hit)) {
        complain("argument %u of kernel '%s': %p is not device memory", index, launch.name, ptr);
        return oclrtErrorInvalidValue;
    }
    if (ptr && hit.alloc->svm) {
        void* address = static_cast<char*>(hit.alloc->svm) + hit.offset;
        return from_cl(launch.r.svm.set_arg(launch.kernel, index, address));
    }
    if (ptr) {
        mem = hit.alloc->mem;
        if (hit.offset != 0) {
            if (oclrtError_t err = interior_buffer(launch, index, hit, mem)) return err;
        }
        bool seen = std::find(launch.managed.begin(), launch.managed.end(), hit.alloc) != launch.managed.end();
        if (hit.alloc->managed && !seen) launch.managed.push_back(hit.alloc);
    }
    return from_cl(clSetKernelArg(launch.kernel, index, sizeof mem, &mem));
}

oclrtError_t bind(Launch& launch, unsigned index, const oclrtKernelArg& arg) {
    switch (arg.kind) {
    case oclrtKernelArg::Value:
        return from_cl(clSetKernelArg(launch.kernel, index, arg.size, arg.data));
    case oclrtKernelArg::Global:
        return bind_global(launch, index, arg.data);
    case oclrtKernelArg::Local: {
        size_t bytes = arg.size ? arg.size : std::max<size_t>(launch.dynamic_shared_bytes, 1);
        return from_cl(clSetKernelArg(launch.kernel, index, bytes, nullptr));
    }
    }
    return oclrtErrorInvalidValue;
}

/* Managed buffers are unmapped while the kernel runs and mapped again after it, on the same queue. */
cl_int enqueue(Launch& launch, cl_command_queue q, const size_t* global, const size_t* local) {
    for (Allocation* alloc : launch.managed) clEnqueueUnmapMemObject(q, alloc->mem, alloc->host, 0, nullptr, nullptr);
    /* The host's buffered output comes before the kernel's printf, which PoCL writes to the file descriptor itself
     * when the kernel completes (so it is out before clFinish returns, and needs no flush after it). */
    std::fflush(stdout);
    cl_int err = clEnqueueNDRangeKernel(q, launch.kernel, 3, nullptr, global, local, 0, nullptr, nullptr);
    for (Allocation* alloc : launch.managed) {
        cl_int map_err = CL_SUCCESS;
        void* mapped = clEnqueueMapBuffer(q, alloc->mem, CL_FALSE, CL_MAP_READ | CL_MAP_WRITE, 0, alloc->size, 0,
                                          nullptr, nullptr, &map_err);
        if (mapped != alloc->host) complain("a managed buffer moved while mapping it back (CL error %d)", map_err);
    }
    clFlush(q);
    return err;
}

bool valid_config(dim3 grid, dim3 block) {
    const unsigned dims[6] = {grid.x, grid.y, grid.z, block.x, block.y, block.z};
    for (unsigned d : dims) {
        if (d == 0) return false;
    }
    return true;
}

oclrtError_t launch_locked(Runtime& r, const oclrtProgramSource* prog, const char* name, dim3 grid, dim3 block,
                           size_t dynamic_shared_bytes, oclrtStream_t stream, const oclrtKernelArg* args,
                           unsigned nargs) {
    if (oclrtError_t err = ready(r)) return err;
    if (!prog || !prog->name || !name || (nargs && !args)) return oclrtErrorInvalidValue;
    if (!valid_config(grid, block)) return oclrtErrorInvalidConfiguration;
    Launch launch{r, nullptr, name, dynamic_shared_bytes, {}, {}};
    cl_command_queue queue = nullptr;
    oclrtError_t err = get_kernel(r, prog, name, launch.kernel);
    for (unsigned i = 0; !err && i < nargs; ++i) err = bind(launch, i, args[i]);
    if (!err) err = stream_queue(r, stream, queue);
    if (!err) {
        const size_t local[3] = {block.x, block.y, block.z};
        const size_t global[3] = {size_t(grid.x) * block.x, size_t(grid.y) * block.y, size_t(grid.z) * block.z};
        cl_int cl_err = enqueue(launch, queue, global, local);
        if (cl_err != CL_SUCCESS) complain("launching kernel '%s' failed (CL error %d)", name, cl_err);
        err = from_cl(cl_err);
    }
    for (cl_mem mem : launch.sub_buffers) clReleaseMemObject(mem);
    return err;
}

}  // namespace

oclrtError_t oclrtLaunchKernel(const oclrtProgramSource* prog, const char* kernel_name, dim3 grid, dim3 block,
                               size_t dynamic_shared_bytes, oclrtStream_t stream, const oclrtKernelArg* args,
                               unsigned nargs) {
    Runtime& r = runtime();
    Guard guard(r.lock);
    return status(launch_locked(r, prog, kernel_name, grid, block, dynamic_shared_bytes, stream, args, nargs));
}

/* ---- devices ---- */

oclrtError_t oclrtGetDeviceCount(int* count) {
    if (!count) return status(oclrtErrorInvalidValue);
    Runtime& r = runtime();
    Guard guard(r.lock);
    oclrtError_t err = ready(r);
    *count = err ? 0 : 1;
    return status(err);
}

oclrtError_t oclrtSetDevice(int device) {
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (oclrtError_t err = ready(r)) return status(err);
    return status(device == 0 ? oclrtSuccess : oclrtErrorInvalidDevice);
}

oclrtError_t oclrtGetDevice(int* device) {
    if (!device) return status(oclrtErrorInvalidValue);
    *device = 0;
    return oclrtSuccess;
}

oclrtError_t oclrtGetDeviceProperties(oclrtDeviceProp* prop, int device) {
    if (!prop) return status(oclrtErrorInvalidValue);
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (oclrtError_t err = ready(r)) return status(err);
    if (device != 0) return status(oclrtErrorInvalidDevice);
    describe_device(r.device, prop);
    return oclrtSuccess;
}

oclrtError_t oclrtDeviceSynchronize(void) {
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (oclrtError_t err = ready(r)) return status(err);
    finish_all(r);
    return oclrtSuccess;
}

oclrtError_t oclrtDeviceReset(void) {
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (!r.tried || r.init_error) {
        r.tried = false;
        return oclrtSuccess;
    }
    finish_all(r);
    for (auto& entry : r.table.entries()) release_allocation(r, entry.second);
    r.table.clear();
    for (auto& entry : r.kernels) clReleaseKernel(entry.second);
    for (auto& entry : r.programs) if (entry.second) clReleaseProgram(entry.second);
    for (oclrtStream_t s : r.streams) {
        clReleaseCommandQueue(s->queue);
        delete s;
    }
    r.kernels.clear();
    r.programs.clear();
    r.symbols.clear();
    r.streams.clear();
    clReleaseCommandQueue(r.queue);
    clReleaseContext(r.context);
    r.tried = false;
    return oclrtSuccess;
}

oclrtError_t oclrtMemGetInfo(size_t* free_bytes, size_t* total_bytes) {
    if (!free_bytes || !total_bytes) return status(oclrtErrorInvalidValue);
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (oclrtError_t err = ready(r)) return status(err);
    *total_bytes = size_t(device_info<cl_ulong>(r.device, CL_DEVICE_GLOBAL_MEM_SIZE));
    *free_bytes = *total_bytes > r.table.live_bytes() ? *total_bytes - r.table.live_bytes() : 0;
    return oclrtSuccess;
}

/* ---- memory ---- */

oclrtError_t oclrtMalloc(void** ptr, size_t size) {
    if (!ptr) return status(oclrtErrorInvalidValue);
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (oclrtError_t err = ready(r)) return status(err);
    size_t bytes = size ? size : 1;
    void* svm = r.svm.allocate(bytes);
    if (r.svm.on() && !svm) return status(oclrtErrorMemoryAllocation);
    cl_int err = CL_SUCCESS;
    cl_mem mem = clCreateBuffer(r.context, svm ? CL_MEM_READ_WRITE | CL_MEM_USE_HOST_PTR : CL_MEM_READ_WRITE, bytes,
                                svm, &err);
    *ptr = err == CL_SUCCESS ? r.table.add_device(Allocation{mem, size, false, nullptr, svm, Origin::Device}) : nullptr;
    if (!*ptr) {
        if (err == CL_SUCCESS) clReleaseMemObject(mem);
        r.svm.release(svm);
        return status(oclrtErrorMemoryAllocation);
    }
    return oclrtSuccess;
}

/* The device buffer behind a __device__/__constant__ variable, made at first use and filled from the host
 * variable, which holds the variable's initializer. */
oclrtError_t oclrtSymbolAddress(const void* symbol, size_t size, void** device_ptr) {
    if (!symbol || !device_ptr) return status(oclrtErrorInvalidSymbol);
    Runtime& r = runtime();
    Guard guard(r.lock);
    auto found = r.symbols.find(symbol);
    if (found != r.symbols.end()) {
        *device_ptr = found->second;
        return oclrtSuccess;
    }
    void* device = nullptr;
    if (oclrtError_t err = oclrtMalloc(&device, size)) return err;
    if (oclrtError_t err = oclrtMemcpy(device, symbol, size, oclrtMemcpyHostToDevice)) {
        oclrtFree(device);
        return err;
    }
    r.symbols[symbol] = device;
    *device_ptr = device;
    return oclrtSuccess;
}

oclrtError_t oclrtMallocManaged(void** ptr, size_t size, unsigned int flags) {
    if (!ptr || (flags != oclrtMemAttachGlobal && flags != oclrtMemAttachHost)) return status(oclrtErrorInvalidValue);
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (oclrtError_t err = ready(r)) return status(err);
    size_t bytes = cutrans_rt::round_up(size ? size : 1, PointerTable::kPage);
    void* host = std::aligned_alloc(PointerTable::kPage, bytes);
    if (!host) return status(oclrtErrorMemoryAllocation);
    cl_int err = share_host(r, host, bytes, Origin::Managed);
    if (err == CL_SUCCESS) {
        *ptr = host;
        return oclrtSuccess;
    }
    complain("MallocManaged: this OpenCL device cannot share host memory with kernels (CL error %d)", err);
    std::free(host);
    return status(oclrtErrorNotSupported);
}

namespace cutrans_rt {

/* Pinned memory is mapped, as CUDA's is on every 64-bit system: kernels may use it (HostGetDevicePointer). Where
 * the device cannot share it, it stays ordinary host memory, and HostGetDevicePointer says so. */
void share_pinned(void* host, size_t size) {
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (ready(r) == oclrtSuccess) share_host(r, host, size, Origin::Pinned);
}

void forget_pinned(void* host) {
    Runtime& r = runtime();
    Guard guard(r.lock);
    Hit hit;
    if (!r.tried || r.init_error || !r.table.find(host, hit) || hit.offset != 0) return;
    if (hit.alloc->origin == Origin::Pinned) forget(r, hit);
}

}  // namespace cutrans_rt

oclrtError_t oclrtHostRegister(void* ptr, size_t size, unsigned int flags) {
    const unsigned int known = oclrtHostRegisterPortable | oclrtHostRegisterMapped |
                               oclrtHostRegisterIoMemory;
    if (!ptr || size == 0 || (flags & ~known)) return status(oclrtErrorInvalidValue);
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (oclrtError_t err = ready(r)) return status(err);
    Hit hit;
    if (r.table.find(ptr, hit) || r.table.find(static_cast<char*>(ptr) + size - 1, hit)) {
        return status(oclrtErrorHostMemoryAlreadyRegistered);
    }
    cl_int err = share_host(r, ptr, size, Origin::Registered);
    if (err != CL_SUCCESS) {
        complain("HostRegister: this OpenCL device cannot use the %zu bytes at %p in place (CL error %d); allocate "
                 "them with cudaMallocHost or cudaHostAlloc, which are page-aligned", size, ptr, err);
        return status(oclrtErrorNotSupported);
    }
    return oclrtSuccess;
}

oclrtError_t oclrtHostUnregister(void* ptr) {
    Runtime& r = runtime();
    Guard guard(r.lock);
    Hit hit;
    if (!ptr || !r.tried || r.init_error || !r.table.find(ptr, hit) || hit.offset != 0 ||
        hit.alloc->origin != Origin::Registered) {
        return status(oclrtErrorHostMemoryNotRegistered);
    }
    forget(r, hit);
    return oclrtSuccess;
}

/* The device pointer of mapped host memory is its host address, as for managed memory (the runtime's table knows
 * the buffer behind it). */
oclrtError_t oclrtHostGetDevicePointer(void** device_ptr, void* host_ptr, unsigned int flags) {
    if (!device_ptr || !host_ptr || flags != 0) return status(oclrtErrorInvalidValue);
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (oclrtError_t err = ready(r)) return status(err);
    Hit hit;
    if (!r.table.find(host_ptr, hit) || !hit.alloc->managed) {
        complain("HostGetDevicePointer: %p is not pinned (cudaMallocHost, cudaHostAlloc), registered or managed "
                 "memory that this OpenCL device shares", host_ptr);
        return status(oclrtErrorInvalidValue);
    }
    *device_ptr = host_ptr;
    return oclrtSuccess;
}

oclrtError_t oclrtFree(void* ptr) {
    if (!ptr) return oclrtSuccess;
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (oclrtError_t err = ready(r)) return status(err);
    Hit hit;
    if (!r.table.find(ptr, hit) || hit.offset != 0 || hit.alloc->origin == Origin::Pinned ||
        hit.alloc->origin == Origin::Registered) {
        complain("Free: %p is not the start of a device allocation", ptr);
        return status(oclrtErrorInvalidValue);
    }
    forget(r, hit);
    return oclrtSuccess;
}

oclrtError_t oclrtMemcpy(void* dst, const void* src, size_t count, oclrtMemcpyKind kind) {
    return copy(dst, count, src, count, count, 1, kind, nullptr);
}

oclrtError_t oclrtMemcpyAsync(void* dst, const void* src, size_t count, oclrtMemcpyKind kind, oclrtStream_t stream) {
    return copy(dst, count, src, count, count, 1, kind, stream);
}

oclrtError_t oclrtMemcpy2D(void* dst, size_t dpitch, const void* src, size_t spitch, size_t width, size_t height,
                           oclrtMemcpyKind kind) {
    return copy(dst, dpitch, src, spitch, width, height, kind, nullptr);
}

oclrtError_t oclrtMemcpy2DAsync(void* dst, size_t dpitch, const void* src, size_t spitch, size_t width,
                                size_t height, oclrtMemcpyKind kind, oclrtStream_t stream) {
    return copy(dst, dpitch, src, spitch, width, height, kind, stream);
}

oclrtError_t oclrtMemset(void* ptr, int value, size_t count) { return fill(ptr, value, count, nullptr); }

oclrtError_t oclrtMemsetAsync(void* ptr, int value, size_t count, oclrtStream_t stream) {
    return fill(ptr, value, count, stream);
}

/* ---- streams ---- */

oclrtError_t oclrtStreamCreate(oclrtStream_t* stream) { return oclrtStreamCreateWithFlags(stream, 0); }

oclrtError_t oclrtStreamCreateWithFlags(oclrtStream_t* stream, unsigned int flags) {
    if (!stream || (flags & ~oclrtStreamNonBlocking)) return status(oclrtErrorInvalidValue);
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (oclrtError_t err = ready(r)) return status(err);
    cl_int err = CL_SUCCESS;
    cl_command_queue queue = clCreateCommandQueue(r.context, r.device, CL_QUEUE_PROFILING_ENABLE, &err);
    if (err != CL_SUCCESS) return status(from_cl(err));
    *stream = new oclrtStream_st{queue, flags};
    r.streams.insert(*stream);
    return oclrtSuccess;
}

oclrtError_t oclrtStreamDestroy(oclrtStream_t stream) {
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (!stream || !r.streams.erase(stream)) return status(oclrtErrorInvalidResourceHandle);
    clFinish(stream->queue);
    clReleaseCommandQueue(stream->queue);
    delete stream;
    return oclrtSuccess;
}

oclrtError_t oclrtStreamSynchronize(oclrtStream_t stream) {
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (oclrtError_t err = ready(r)) return status(err);
    cl_command_queue queue = nullptr;
    if (oclrtError_t err = stream_queue(r, stream, queue)) return status(err);
    return status(from_cl(clFinish(queue)));
}

/* Answers only after the stream's work is done, so always with Success (or that work's error): an idle OpenCL
 * queue cannot be told from a busy one without a command of its own, which is itself still pending when asked.
 * Programs that poll see their work complete at the first query; none sees NotReady for finished work. */
oclrtError_t oclrtStreamQuery(oclrtStream_t stream) {
    return oclrtStreamSynchronize(stream);
}

/* Later work on the stream waits for the event's marker (an unrecorded event is already complete, as in CUDA). */
oclrtError_t oclrtStreamWaitEvent(oclrtStream_t stream, oclrtEvent_t event, unsigned int flags) {
    if (!event || flags != 0) return status(event ? oclrtErrorInvalidValue : oclrtErrorInvalidResourceHandle);
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (oclrtError_t err = ready(r)) return status(err);
    cl_command_queue queue = nullptr;
    if (oclrtError_t err = stream_queue(r, stream, queue)) return status(err);
    if (!event->marker) return oclrtSuccess;
    return status(from_cl(clEnqueueBarrierWithWaitList(queue, 1, &event->marker, nullptr)));
}

/* ---- events ---- */

oclrtError_t oclrtEventCreate(oclrtEvent_t* event) { return oclrtEventCreateWithFlags(event, 0); }

oclrtError_t oclrtEventCreateWithFlags(oclrtEvent_t* event, unsigned int flags) {
    const unsigned int known = oclrtEventBlockingSync | oclrtEventDisableTiming | oclrtEventInterprocess;
    if (!event || (flags & ~known)) return status(oclrtErrorInvalidValue);
    *event = new oclrtEvent_st{flags, nullptr};
    return oclrtSuccess;
}

oclrtError_t oclrtEventRecord(oclrtEvent_t event, oclrtStream_t stream) {
    if (!event) return status(oclrtErrorInvalidResourceHandle);
    Runtime& r = runtime();
    Guard guard(r.lock);
    if (oclrtError_t err = ready(r)) return status(err);
    cl_command_queue queue = nullptr;
    if (oclrtError_t err = stream_queue(r, stream, queue)) return status(err);
    if (event->marker) clReleaseEvent(event->marker);
    event->marker = nullptr;
    cl_int err = clEnqueueMarkerWithWaitList(queue, 0, nullptr, &event->marker);
    clFlush(queue);
    return status(from_cl(err));
}

oclrtError_t oclrtEventSynchronize(oclrtEvent_t event) {
    if (!event) return status(oclrtErrorInvalidResourceHandle);
    return event->marker ? status(from_cl(clWaitForEvents(1, &event->marker))) : oclrtSuccess;
}

/* NotReady is an answer, not a failure: it is not recorded as the last error (CUDA does the same). */
oclrtError_t oclrtEventQuery(oclrtEvent_t event) {
    if (!event) return status(oclrtErrorInvalidResourceHandle);
    if (!event->marker) return oclrtSuccess;
    cl_int state = CL_COMPLETE;
    clGetEventInfo(event->marker, CL_EVENT_COMMAND_EXECUTION_STATUS, sizeof state, &state, nullptr);
    if (state < 0) return status(oclrtErrorLaunchFailure);
    return state == CL_COMPLETE ? oclrtSuccess : oclrtErrorNotReady;
}

namespace {

oclrtError_t completed_at(oclrtEvent_t event, cl_ulong& when) {
    cl_int state = CL_COMPLETE;
    clGetEventInfo(event->marker, CL_EVENT_COMMAND_EXECUTION_STATUS, sizeof state, &state, nullptr);
    if (state < 0) return oclrtErrorLaunchFailure;
    if (state != CL_COMPLETE) return oclrtErrorNotReady;
    return from_cl(clGetEventProfilingInfo(event->marker, CL_PROFILING_COMMAND_END, sizeof when, &when, nullptr));
}

}  // namespace

oclrtError_t oclrtEventElapsedTime(float* ms, oclrtEvent_t start, oclrtEvent_t end) {
    if (!ms) return status(oclrtErrorInvalidValue);
    if (!start || !end || !start->marker || !end->marker) return status(oclrtErrorInvalidResourceHandle);
    if ((start->flags | end->flags) & oclrtEventDisableTiming) return status(oclrtErrorInvalidResourceHandle);
    cl_ulong t0 = 0, t1 = 0;
    oclrtError_t err = completed_at(start, t0);
    if (!err) err = completed_at(end, t1);
    if (err) return status(err);
    *ms = float((double(t1) - double(t0)) * 1e-6);
    return oclrtSuccess;
}

oclrtError_t oclrtEventDestroy(oclrtEvent_t event) {
    if (!event) return status(oclrtErrorInvalidResourceHandle);
    if (event->marker) clReleaseEvent(event->marker);
    delete event;
    return oclrtSuccess;
}
