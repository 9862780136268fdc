// Host code that names a kernel without launching it, and picks a kernel by the device's shared memory, as
// cuda-samples' cudaTensorCoreGemm does: cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize,
// bytes), cudaFuncSetCacheConfig(kernel, ...), and `prop.sharedMemPerMultiprocessor` (HIP spells that field
// maxSharedMemoryPerMultiProcessor). On OpenCL and the CPU the kernel itself moves to the device code, so the
// host's mention of it needs a stand-in; HIP takes the kernel as `const void*` only.
#include <cstdio>
#include "cpurt.h"
#include "kernel_named_in_host_code.launch.h"

#define TILE 1024       // floats per block staged in dynamic shared memory: 4 KB

// out[i] = in[i] * 2 + in[i ^ 1], through a block-wide tile in dynamic shared memory
/* cutrans: kernel 'mix_through_tile' moved to kernel_named_in_host_code.kernels.c */












// the same result without shared memory, for a device with too little of it
/* cutrans: kernel 'mix_directly' moved to kernel_named_in_host_code.kernels.c */








int main()
{
    const int n = 3000;
    static float in[n], out[n];
    for (int i = 0; i < n; ++i) {
        in[i] = 0.25f * (i % 37) - 4.0f;
    }
    float *din, *dout;
    cpurtMalloc((void **)&din, sizeof in);
    cpurtMalloc((void **)&dout, sizeof out);
    cpurtMemcpy(din, in, sizeof in, cpurtMemcpyHostToDevice);

    cpurtDeviceProp prop;
    cpurtGetDeviceProperties(&prop, 0);
    size_t bytes = TILE * sizeof(float);
    if (prop.sharedMemPerMultiprocessor >= bytes) {
        cpurtError_t set = cpurtFuncSetAttribute(mix_through_tile, cpurtFuncAttributeMaxDynamicSharedMemorySize,
                                               (int)bytes);
        cpurtError_t cache = cpurtFuncSetCacheConfig(mix_through_tile, cpurtFuncCachePreferShared);
        printf("attributes set: %s, %s\n", cpurtGetErrorString(set), cpurtGetErrorString(cache));
        cutrans_launch_mix_through_tile((n + TILE - 1) / TILE, 256, bytes, 0, din, dout, n);
    } else {
        printf("attributes set: no error, no error\n");
        cutrans_launch_mix_directly((n + 255) / 256, 256, 0, 0, din, dout, n);
    }
    cpurtMemcpy(out, dout, sizeof out, cpurtMemcpyDeviceToHost);

    int failures = 0;
    for (int i = 0; i < n; ++i) {
        float want = in[i] * 2.0f + ((i ^ 1) < n ? in[i ^ 1] : 0.0f);
        if (out[i] != want) {
            if (failures < 5) {
                printf("FAIL out[%d] = %g, expected %g\n", i, out[i], want);
            }
            ++failures;
        }
    }
    printf("out[0] %g out[1001] %g out[2999] %g\n", out[0], out[1001], out[2999]);
    cpurtFree(din);
    cpurtFree(dout);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
