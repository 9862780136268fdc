// Errors of the CUDA runtime API: the code each misuse returns, cudaGetLastError (which clears) and
// cudaPeekAtLastError (which does not), and cudaGetErrorName / cudaGetErrorString. Also the device
// count, selection and a few attributes that every target answers alike. Prints error names, not
// timings or device-specific numbers, so every target prints the same.
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "runtime_error_handling.launch.h"

/* cutrans: kernel 'fill_value' moved to runtime_error_handling.kernels.c */







static int failures = 0;

// Prints what `call` returned and checks it against the expected code.
static void expect(const char *what, cpurtError_t got, cpurtError_t want)
{
    printf("%-34s %s (%d)\n", what, cpurtGetErrorName(got), (int)got);
    if (got != want) {
        printf("  expected %s\n", cpurtGetErrorName(want));
        ++failures;
    }
}

int main()
{
    int count = 0;
    expect("cudaGetDeviceCount", cpurtGetDeviceCount(&count), cpurtSuccess);
    printf("at least one device: %d\n", count >= 1);
    expect("cudaSetDevice(0)", cpurtSetDevice(0), cpurtSuccess);
    int device = -1;
    expect("cudaGetDevice", cpurtGetDevice(&device), cpurtSuccess);
    printf("current device = %d\n", device);
    int mode = -1, major = 0;
    expect("cudaDeviceGetAttribute(mode)", cpurtDeviceGetAttribute(&mode, cpurtDevAttrComputeMode, 0), cpurtSuccess);
    printf("compute mode is default: %d\n", mode == cpurtComputeModeDefault);
    expect("cudaDeviceGetAttribute(major)",
           cpurtDeviceGetAttribute(&major, cpurtDevAttrComputeCapabilityMajor, 0), cpurtSuccess);
    cpurtDeviceProp prop;
    expect("cudaGetDeviceProperties", cpurtGetDeviceProperties(&prop, 0), cpurtSuccess);
    printf("attribute and property agree: %d\n", major == prop.major);

    // a bad device: the call fails and the error stays until cudaGetLastError takes it
    expect("cudaSetDevice(count + 7)", cpurtSetDevice(count + 7), cpurtErrorInvalidDevice);
    expect("cudaPeekAtLastError", cpurtPeekAtLastError(), cpurtErrorInvalidDevice);
    expect("cudaPeekAtLastError again", cpurtPeekAtLastError(), cpurtErrorInvalidDevice);
    expect("cudaGetLastError", cpurtGetLastError(), cpurtErrorInvalidDevice);
    expect("cudaGetLastError after it", cpurtGetLastError(), cpurtSuccess);
    expect("cudaGetDeviceProperties(bad)", cpurtGetDeviceProperties(&prop, count + 7), cpurtErrorInvalidDevice);
    cpurtGetLastError();

    // memory misuse
    const int n = 256;
    int *d_out = NULL;
    expect("cudaMalloc", cpurtMalloc((void **)&d_out, n * sizeof(int)), cpurtSuccess);
    int host_buffer[256];
    expect("cudaFree(host pointer)", cpurtFree(host_buffer), cpurtErrorInvalidValue);
    expect("cudaGetLastError", cpurtGetLastError(), cpurtErrorInvalidValue);
    expect("cudaMemcpy(bad kind)",
           cpurtMemcpy(host_buffer, d_out, n * sizeof(int), (cpurtMemcpyKind)42), cpurtErrorInvalidMemcpyDirection);
    expect("cudaGetLastError", cpurtGetLastError(), cpurtErrorInvalidMemcpyDirection);
    expect("cudaMemcpy2D(width > pitch)",
           cpurtMemcpy2D(d_out, 16, host_buffer, 64, 32, 4, cpurtMemcpyHostToDevice), cpurtErrorInvalidPitchValue);
    expect("cudaGetLastError", cpurtGetLastError(), cpurtErrorInvalidPitchValue);
    expect("cudaFree(NULL)", cpurtFree(NULL), cpurtSuccess);

    // an event that was never recorded has no time
    cpurtEvent_t never, recorded, untimed;
    expect("cudaEventCreate", cpurtEventCreate(&never), cpurtSuccess);
    expect("cudaEventCreate", cpurtEventCreate(&recorded), cpurtSuccess);
    expect("cudaEventCreateWithFlags", cpurtEventCreateWithFlags(&untimed, cpurtEventDisableTiming), cpurtSuccess);
    expect("cudaEventRecord", cpurtEventRecord(recorded, 0), cpurtSuccess);
    expect("cudaEventSynchronize", cpurtEventSynchronize(recorded), cpurtSuccess);
    float ms = 0.0f;
    expect("cudaEventElapsedTime(unrecorded)", cpurtEventElapsedTime(&ms, never, recorded),
           cpurtErrorInvalidResourceHandle);
    cpurtGetLastError();

    // a good launch leaves no error behind
    cutrans_launch_fill_value(n / 64, 64, 0, 0, d_out, n, 7);
    expect("launch + cudaGetLastError", cpurtGetLastError(), cpurtSuccess);
    expect("cudaDeviceSynchronize", cpurtDeviceSynchronize(), cpurtSuccess);
    expect("cudaMemcpy", cpurtMemcpy(host_buffer, d_out, n * sizeof(int), cpurtMemcpyDeviceToHost), cpurtSuccess);
    printf("out[0] = %d, out[%d] = %d\n", host_buffer[0], n - 1, host_buffer[n - 1]);
    failures += host_buffer[0] != 7 || host_buffer[n - 1] != 7;

    // the texts behind a few codes
    const cpurtError_t codes[] = {cpurtSuccess, cpurtErrorInvalidValue, cpurtErrorMemoryAllocation,
                                 cpurtErrorInvalidDevice, cpurtErrorInvalidMemcpyDirection, cpurtErrorNotReady};
    for (unsigned i = 0; i < sizeof(codes) / sizeof(codes[0]); ++i) {
        printf("%d %s: %s\n", (int)codes[i], cpurtGetErrorName(codes[i]), cpurtGetErrorString(codes[i]));
    }

    expect("cudaEventDestroy", cpurtEventDestroy(never), cpurtSuccess);
    expect("cudaEventDestroy", cpurtEventDestroy(recorded), cpurtSuccess);
    expect("cudaEventDestroy", cpurtEventDestroy(untimed), cpurtSuccess);
    expect("cudaFree", cpurtFree(d_out), cpurtSuccess);
    expect("cudaGetLastError at the end", cpurtGetLastError(), cpurtSuccess);
    printf("failures = %d\n", failures);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
