// NVRTC, as HIP output must write it (hipRTC): a kernel template compiled from a string at run time, its
// instantiation found through a name expression, the build log on failure, and the compiled code written
// to a file for a loader (PTX on CUDA, an AMD code object on HIP: hiprtcGetCode, with warning M004).
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <hip/hip_runtime.h>
#include <hip/hiprtc.h>

#define NVRTC_CHECK(call)                                                   \
    do {                                                                    \
        hiprtcResult r_ = (call);                                            \
        if (r_ != HIPRTC_SUCCESS) {                                          \
            fprintf(stderr, "NVRTC error %s at line %d\n", hiprtcGetErrorString(r_), __LINE__); \
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
    NVRTC_CHECK(hiprtcVersion(&major, &minor));          // CHECK-HIP: hiprtcVersion(&major, &minor)
    printf("runtime compiler %d.%d\n", major, minor);

    hiprtcProgram prog;                                  // CHECK-HIP: hiprtcProgram prog;
    NVRTC_CHECK(hiprtcCreateProgram(&prog, kSource, "scale.cu", 0, nullptr, nullptr));
    NVRTC_CHECK(hiprtcAddNameExpression(prog, "scale<float>"));

    hipDeviceProp_t prop;
    hipGetDeviceProperties(&prop, 0);
    char arch[64];
    snprintf(arch, sizeof arch, "--gpu-architecture=compute_%d%d", prop.major, prop.minor);
    const char *options[] = {arch, "-default-device"};
    hiprtcResult compiled = hiprtcCompileProgram(prog, 2, options);

    size_t log_size = 0;
    NVRTC_CHECK(hiprtcGetProgramLogSize(prog, &log_size));
    if (log_size > 1) {
        std::vector<char> log(log_size);
        NVRTC_CHECK(hiprtcGetProgramLog(prog, log.data()));
        fprintf(stderr, "%s\n", log.data());
    }
    if (compiled != HIPRTC_SUCCESS) {                    // CHECK-HIP: if (compiled != HIPRTC_SUCCESS)
        hiprtcDestroyProgram(&prog);
        return 1;
    }

    const char *lowered = nullptr;
    NVRTC_CHECK(hiprtcGetLoweredName(prog, "scale<float>", &lowered));
    printf("kernel symbol: %s\n", lowered);

    size_t code_size = 0;
    NVRTC_CHECK(hiprtcGetCodeSize(prog, &code_size));     // CHECK-HIP: hiprtcGetCodeSize(prog, &code_size)
    std::vector<char> code(code_size);
    NVRTC_CHECK(hiprtcGetCode(prog, code.data()));        // CHECK-HIP: hiprtcGetCode(prog, code.data())
    NVRTC_CHECK(hiprtcDestroyProgram(&prog));

    FILE *out = fopen(argc > 1 ? argv[1] : "scale.bin", "wb");
    if (!out) return 1;
    fwrite(code.data(), 1, code.size(), out);
    fclose(out);
    printf("wrote %zu bytes\n", code.size());
    return 0;
}
