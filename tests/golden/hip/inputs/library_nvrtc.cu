// NVRTC, as HIP output must write it (hipRTC): a kernel template compiled from a string at run time, its
// instantiation found through a name expression, the build log on failure, and the compiled code written
// to a file for a loader (PTX on CUDA, an AMD code object on HIP: hiprtcGetCode, with warning M004).
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>
#include <nvrtc.h>

#define NVRTC_CHECK(call)                                                   \
    do {                                                                    \
        nvrtcResult r_ = (call);                                            \
        if (r_ != NVRTC_SUCCESS) {                                          \
            fprintf(stderr, "NVRTC error %s at line %d\n", nvrtcGetErrorString(r_), __LINE__); \
            return 1;                                                       \
        }                                                                   \
    } while (0)

static const char *kSource =
    "template <typename T>\n"
    "__global__ void scale(T *data, T factor, int n) {\n"
    "    int i = blockIdx.x * blockDim.x + threadIdx.x;\n"
    "    if (i < n) data[i] *= factor;\n"
    "}\n";

int main(int argc, char **argv) {
    int major = 0, minor = 0;
    NVRTC_CHECK(nvrtcVersion(&major, &minor));          // CHECK-HIP: hiprtcVersion(&major, &minor)
    printf("runtime compiler %d.%d\n", major, minor);

    nvrtcProgram prog;                                  // CHECK-HIP: hiprtcProgram prog;
    NVRTC_CHECK(nvrtcCreateProgram(&prog, kSource, "scale.cu", 0, nullptr, nullptr));
    NVRTC_CHECK(nvrtcAddNameExpression(prog, "scale<float>"));

    cudaDeviceProp prop;
    cudaGetDeviceProperties(&prop, 0);
    char arch[64];
    snprintf(arch, sizeof arch, "--gpu-architecture=compute_%d%d", prop.major, prop.minor);
    const char *options[] = {arch, "-default-device"};
    nvrtcResult compiled = nvrtcCompileProgram(prog, 2, options);

    size_t log_size = 0;
    NVRTC_CHECK(nvrtcGetProgramLogSize(prog, &log_size));
    if (log_size > 1) {
        std::vector<char> log(log_size);
        NVRTC_CHECK(nvrtcGetProgramLog(prog, log.data()));
        fprintf(stderr, "%s\n", log.data());
    }
    if (compiled != NVRTC_SUCCESS) {                    // CHECK-HIP: if (compiled != HIPRTC_SUCCESS)
        nvrtcDestroyProgram(&prog);
        return 1;
    }

    const char *lowered = nullptr;
    NVRTC_CHECK(nvrtcGetLoweredName(prog, "scale<float>", &lowered));
    printf("kernel symbol: %s\n", lowered);

    size_t code_size = 0;
    NVRTC_CHECK(nvrtcGetPTXSize(prog, &code_size));     // CHECK-HIP: hiprtcGetCodeSize(prog, &code_size)
    std::vector<char> code(code_size);
    NVRTC_CHECK(nvrtcGetPTX(prog, code.data()));        // CHECK-HIP: hiprtcGetCode(prog, code.data())
    NVRTC_CHECK(nvrtcDestroyProgram(&prog));

    FILE *out = fopen(argc > 1 ? argv[1] : "scale.bin", "wb");
    if (!out) return 1;
    fwrite(code.data(), 1, code.size(), out);
    fclose(out);
    printf("wrote %zu bytes\n", code.size());
    return 0;
}
