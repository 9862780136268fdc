// Errors of the CUDA runtime API: the code each misuse returns, cudaGetLastError (which clears) and
// cudaPeekAtLastError (which does not), and cudaGetErrorName / cudaGetErrorString. Also the device
// count, selection and a few attributes that every target answers alike. Prints error names, not
// timings or device-specific numbers, so every target prints the same.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "runtime_error_handling.launch.h"

/* cutrans: kernel 'fill_value' moved to runtime_error_handling.cl */







static int failures = 0;

// Prints what `call` returned and checks it against the expected code.
static void expect(const char *what, oclrtError_t got, oclrtError_t want)
{
    printf("%-34s %s (%d)\n", what, oclrtGetErrorName(got), (int)got);
    if (got != want) {
        printf("  expected %s\n", oclrtGetErrorName(want));
        ++failures;
    }
}

int main()
{
    int count = 0;
    expect("cudaGetDeviceCount", oclrtGetDeviceCount(&count), oclrtSuccess);
    printf("at least one device: %d\n", count >= 1);
    expect("cudaSetDevice(0)", oclrtSetDevice(0), oclrtSuccess);
    int device = -1;
    expect("cudaGetDevice", oclrtGetDevice(&device), oclrtSuccess);
    printf("current device = %d\n", device);
    int mode = -1, major = 0;
    expect("cudaDeviceGetAttribute(mode)", oclrtDeviceGetAttribute(&mode, oclrtDevAttrComputeMode, 0), oclrtSuccess);
    printf("compute mode is default: %d\n", mode == oclrtComputeModeDefault);
    expect("cudaDeviceGetAttribute(major)",
           oclrtDeviceGetAttribute(&major, oclrtDevAttrComputeCapabilityMajor, 0), oclrtSuccess);
    oclrtDeviceProp prop;
    expect("cudaGetDeviceProperties", oclrtGetDeviceProperties(&prop, 0), oclrtSuccess);
    printf("attribute and property agree: %d\n", major == prop.major);

    // a bad device: the call fails and the error stays until cudaGetLastError takes it
    expect("cudaSetDevice(count + 7)", oclrtSetDevice(count + 7), oclrtErrorInvalidDevice);
    expect("cudaPeekAtLastError", oclrtPeekAtLastError(), oclrtErrorInvalidDevice);
    expect("cudaPeekAtLastError again", oclrtPeekAtLastError(), oclrtErrorInvalidDevice);
    expect("cudaGetLastError", oclrtGetLastError(), oclrtErrorInvalidDevice);
    expect("cudaGetLastError after it", oclrtGetLastError(), oclrtSuccess);
    expect("cudaGetDeviceProperties(bad)", oclrtGetDeviceProperties(&prop, count + 7), oclrtErrorInvalidDevice);
    oclrtGetLastError();

    // memory misuse
    const int n = 256;
    int *d_out = NULL;
    expect("cudaMalloc", oclrtMalloc((void **)&d_out, n * sizeof(int)), oclrtSuccess);
    int host_buffer[256];
    expect("cudaFree(host pointer)", oclrtFree(host_buffer), oclrtErrorInvalidValue);
    expect("cudaGetLastError", oclrtGetLastError(), oclrtErrorInvalidValue);
    expect("cudaMemcpy(bad kind)",
           oclrtMemcpy(host_buffer, d_out, n * sizeof(int), (oclrtMemcpyKind)42), oclrtErrorInvalidMemcpyDirection);
    expect("cudaGetLastError", oclrtGetLastError(), oclrtErrorInvalidMemcpyDirection);
    expect("cudaMemcpy2D(width > pitch)",
           oclrtMemcpy2D(d_out, 16, host_buffer, 64, 32, 4, oclrtMemcpyHostToDevice), oclrtErrorInvalidPitchValue);
    expect("cudaGetLastError", oclrtGetLastError(), oclrtErrorInvalidPitchValue);
    expect("cudaFree(NULL)", oclrtFree(NULL), oclrtSuccess);

    // an event that was never recorded has no time
    oclrtEvent_t never, recorded, untimed;
    expect("cudaEventCreate", oclrtEventCreate(&never), oclrtSuccess);
    expect("cudaEventCreate", oclrtEventCreate(&recorded), oclrtSuccess);
    expect("cudaEventCreateWithFlags", oclrtEventCreateWithFlags(&untimed, oclrtEventDisableTiming), oclrtSuccess);
    expect("cudaEventRecord", oclrtEventRecord(recorded, 0), oclrtSuccess);
    expect("cudaEventSynchronize", oclrtEventSynchronize(recorded), oclrtSuccess);
    float ms = 0.0f;
    expect("cudaEventElapsedTime(unrecorded)", oclrtEventElapsedTime(&ms, never, recorded),
           oclrtErrorInvalidResourceHandle);
    oclrtGetLastError();

    // a good launch leaves no error behind
    cutrans_launch_fill_value(n / 64, 64, 0, 0, d_out, n, 7);
    expect("launch + cudaGetLastError", oclrtGetLastError(), oclrtSuccess);
    expect("cudaDeviceSynchronize", oclrtDeviceSynchronize(), oclrtSuccess);
    expect("cudaMemcpy", oclrtMemcpy(host_buffer, d_out, n * sizeof(int), oclrtMemcpyDeviceToHost), oclrtSuccess);
    printf("out[0] = %d, out[%d] = %d\n", host_buffer[0], n - 1, host_buffer[n - 1]);
    failures += host_buffer[0] != 7 || host_buffer[n - 1] != 7;

    // the texts behind a few codes
    const oclrtError_t codes[] = {oclrtSuccess, oclrtErrorInvalidValue, oclrtErrorMemoryAllocation,
                                 oclrtErrorInvalidDevice, oclrtErrorInvalidMemcpyDirection, oclrtErrorNotReady};
    for (unsigned i = 0; i < sizeof(codes) / sizeof(codes[0]); ++i) {
        printf("%d %s: %s\n", (int)codes[i], oclrtGetErrorName(codes[i]), oclrtGetErrorString(codes[i]));
    }

    expect("cudaEventDestroy", oclrtEventDestroy(never), oclrtSuccess);
    expect("cudaEventDestroy", oclrtEventDestroy(recorded), oclrtSuccess);
    expect("cudaEventDestroy", oclrtEventDestroy(untimed), oclrtSuccess);
    expect("cudaFree", oclrtFree(d_out), oclrtSuccess);
    expect("cudaGetLastError at the end", oclrtGetLastError(), oclrtSuccess);
    printf("failures = %d\n", failures);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
