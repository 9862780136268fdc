/* Choosing the OpenCL device and describing it as a CUDA device (internal; included by oclrt.cpp only).
 *
 * CUTRANS_OPENCL_DEVICE picks the device: "P:D" (platform index, device index) or a case-insensitive
 * substring of the device name. Without it: the first GPU, else the first device of any type. */
#ifndef OCLRT_DEVICE_H
#define OCLRT_DEVICE_H

#include "cl_api.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace oclrt_detail {

struct Candidate {
    cl_platform_id platform;
    cl_device_id device;
    unsigned platform_index;
    unsigned device_index;
    std::string name;
    bool gpu;
};

template <class T>
T device_info(cl_device_id device, cl_device_info what) {
    T value{};
    clGetDeviceInfo(device, what, sizeof value, &value, nullptr);
    return value;
}

inline std::string device_name(cl_device_id device) {
    char name[256] = {0};
    clGetDeviceInfo(device, CL_DEVICE_NAME, sizeof name - 1, name, nullptr);
    return name;
}

inline std::vector<Candidate> list_devices() {
    std::vector<Candidate> found;
    cl_uint platform_count = 0;
    if (clGetPlatformIDs(0, nullptr, &platform_count) != CL_SUCCESS || platform_count == 0) return found;
    std::vector<cl_platform_id> platforms(platform_count);
    clGetPlatformIDs(platform_count, platforms.data(), nullptr);
    for (unsigned p = 0; p < platform_count; ++p) {
        cl_uint count = 0;
        if (clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, 0, nullptr, &count) != CL_SUCCESS) continue;
        std::vector<cl_device_id> devices(count);
        clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, count, devices.data(), nullptr);
        for (unsigned d = 0; d < count; ++d) {
            bool gpu = device_info<cl_device_type>(devices[d], CL_DEVICE_TYPE) & CL_DEVICE_TYPE_GPU;
            found.push_back(Candidate{platforms[p], devices[d], p, d, device_name(devices[d]), gpu});
        }
    }
    return found;
}

inline std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

inline bool matches(const Candidate& candidate, const std::string& wanted) {
    unsigned p = 0, d = 0;
    char extra = 0;
    if (std::sscanf(wanted.c_str(), "%u:%u%c", &p, &d, &extra) == 2) {
        return candidate.platform_index == p && candidate.device_index == d;
    }
    return lower(candidate.name).find(lower(wanted)) != std::string::npos;
}

inline void print_devices(const std::vector<Candidate>& devices) {
    for (const Candidate& c : devices) std::fprintf(stderr, "  %u:%u  %s\n", c.platform_index, c.device_index,
                                                    c.name.c_str());
}

/* The chosen device, or null (after explaining why on stderr). */
inline const Candidate* choose_device(const std::vector<Candidate>& devices) {
    if (devices.empty()) {
        std::fprintf(stderr, "oclrt: no OpenCL platform with a device was found (is an ICD installed?)\n");
        return nullptr;
    }
    const char* wanted = std::getenv("CUTRANS_OPENCL_DEVICE");
    if (wanted && *wanted) {
        for (const Candidate& c : devices) if (matches(c, wanted)) return &c;
        std::fprintf(stderr, "oclrt: CUTRANS_OPENCL_DEVICE=%s matches no OpenCL device; devices:\n", wanted);
        print_devices(devices);
        return nullptr;
    }
    for (const Candidate& c : devices) if (c.gpu) return &c;
    return &devices.front();
}

inline int clamp_int(size_t value) { return value > size_t(INT_MAX) ? INT_MAX : int(value); }

/* OpenCL facts where OpenCL has them; CUDA-only notions get fixed, plausible values (see README). */
inline void describe_device(cl_device_id device, oclrtDeviceProp* prop) {
    *prop = oclrtDeviceProp{};
    std::snprintf(prop->name, sizeof prop->name, "%s", device_name(device).c_str());
    size_t local = size_t(device_info<cl_ulong>(device, CL_DEVICE_LOCAL_MEM_SIZE));
    size_t max_group = device_info<size_t>(device, CL_DEVICE_MAX_WORK_GROUP_SIZE);
    size_t item_sizes[3] = {0, 0, 0};
    clGetDeviceInfo(device, CL_DEVICE_MAX_WORK_ITEM_SIZES, sizeof item_sizes, item_sizes, nullptr);
    prop->totalGlobalMem = size_t(device_info<cl_ulong>(device, CL_DEVICE_GLOBAL_MEM_SIZE));
    prop->sharedMemPerBlock = prop->sharedMemPerBlockOptin = prop->sharedMemPerMultiprocessor = local;
    prop->regsPerBlock = prop->regsPerMultiprocessor = 65536;
    prop->warpSize = 32;
    prop->memPitch = size_t(INT_MAX);
    /* Never more than CUDA allows (1024 threads; 1024 x 1024 x 64): CUDA programs size their launches and
     * their shared arrays from these, and kernels are written for CUDA's limits. */
    const size_t cuda_dims[3] = {1024, 1024, 64};
    prop->maxThreadsPerBlock = clamp_int(max_group < 1024 ? max_group : 1024);
    for (int i = 0; i < 3; ++i)
        prop->maxThreadsDim[i] = clamp_int(item_sizes[i] < cuda_dims[i] ? item_sizes[i] : cuda_dims[i]);
    prop->maxGridSize[0] = INT_MAX;
    prop->maxGridSize[1] = prop->maxGridSize[2] = 65535;
    prop->clockRate = int(device_info<cl_uint>(device, CL_DEVICE_MAX_CLOCK_FREQUENCY)) * 1000;
    prop->totalConstMem = size_t(device_info<cl_ulong>(device, CL_DEVICE_MAX_CONSTANT_BUFFER_SIZE));
    prop->major = 8; /* the same fixed 8.0 as the reference (runtime_shims/emulate), so printed values agree */
    prop->minor = 0;
    prop->textureAlignment = 512;
    prop->multiProcessorCount = int(device_info<cl_uint>(device, CL_DEVICE_MAX_COMPUTE_UNITS));
    prop->integrated = int(device_info<cl_bool>(device, CL_DEVICE_HOST_UNIFIED_MEMORY));
    prop->l2CacheSize = clamp_int(size_t(device_info<cl_ulong>(device, CL_DEVICE_GLOBAL_MEM_CACHE_SIZE)));
    prop->maxThreadsPerMultiProcessor = clamp_int(2 * max_group);
    prop->maxBlocksPerMultiProcessor = 32;
    prop->concurrentKernels = 1;
    prop->asyncEngineCount = 1;
    prop->unifiedAddressing = 1;
    prop->managedMemory = 1;
}

}  // namespace oclrt_detail

#endif /* OCLRT_DEVICE_H */
