// Errors of the CUDA runtime API: the code each misuse returns, cudaGetLastError (which clears) and
// cudaPeekAtLastError (which does not), and cudaGetErrorName / cudaGetErrorString. Also the device
// count, selection and a few attributes that every target answers alike. Prints error names, not
// timings or device-specific numbers, so every target prints the same.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

__global__ void fill_value(int *out, int n, int value)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        out[i] = value;
    }
}

static int failures = 0;

// Prints what `call` returned and checks it against the expected code.
static void expect(const char *what, hipError_t got, hipError_t want)
{
    printf("%-34s %s (%d)\n", what, hipGetErrorName(got), (int)got);
    if (got != want) {
        printf("  expected %s\n", hipGetErrorName(want));
        ++failures;
    }
}

int main()
{
    int count = 0;
    expect("cudaGetDeviceCount", hipGetDeviceCount(&count), hipSuccess);
    printf("at least one device: %d\n", count >= 1);
    expect("cudaSetDevice(0)", hipSetDevice(0), hipSuccess);
    int device = -1;
    expect("cudaGetDevice", hipGetDevice(&device), hipSuccess);
    printf("current device = %d\n", device);
    int mode = -1, major = 0;
    expect("cudaDeviceGetAttribute(mode)", hipDeviceGetAttribute(&mode, hipDeviceAttributeComputeMode, 0), hipSuccess);
    printf("compute mode is default: %d\n", mode == hipComputeModeDefault);
    expect("cudaDeviceGetAttribute(major)",
           hipDeviceGetAttribute(&major, hipDeviceAttributeComputeCapabilityMajor, 0), hipSuccess);
    hipDeviceProp_t prop;
    expect("cudaGetDeviceProperties", hipGetDeviceProperties(&prop, 0), hipSuccess);
    printf("attribute and property agree: %d\n", major == prop.major);

    // a bad device: the call fails and the error stays until cudaGetLastError takes it
    expect("cudaSetDevice(count + 7)", hipSetDevice(count + 7), hipErrorInvalidDevice);
    expect("cudaPeekAtLastError", hipPeekAtLastError(), hipErrorInvalidDevice);
    expect("cudaPeekAtLastError again", hipPeekAtLastError(), hipErrorInvalidDevice);
    expect("cudaGetLastError", hipGetLastError(), hipErrorInvalidDevice);
    expect("cudaGetLastError after it", hipGetLastError(), hipSuccess);
    expect("cudaGetDeviceProperties(bad)", hipGetDeviceProperties(&prop, count + 7), hipErrorInvalidDevice);
    hipGetLastError();

    // memory misuse
    const int n = 256;
    int *d_out = NULL;
    expect("cudaMalloc", hipMalloc((void **)&d_out, n * sizeof(int)), hipSuccess);
    int host_buffer[256];
    expect("cudaFree(host pointer)", hipFree(host_buffer), hipErrorInvalidValue);
    expect("cudaGetLastError", hipGetLastError(), hipErrorInvalidValue);
    expect("cudaMemcpy(bad kind)",
           hipMemcpy(host_buffer, d_out, n * sizeof(int), (hipMemcpyKind)42), hipErrorInvalidMemcpyDirection);
    expect("cudaGetLastError", hipGetLastError(), hipErrorInvalidMemcpyDirection);
    expect("cudaMemcpy2D(width > pitch)",
           hipMemcpy2D(d_out, 16, host_buffer, 64, 32, 4, hipMemcpyHostToDevice), hipErrorInvalidPitchValue);
    expect("cudaGetLastError", hipGetLastError(), hipErrorInvalidPitchValue);
    expect("cudaFree(NULL)", hipFree(NULL), hipSuccess);

    // an event that was never recorded has no time
    hipEvent_t never, recorded, untimed;
    expect("cudaEventCreate", hipEventCreate(&never), hipSuccess);
    expect("cudaEventCreate", hipEventCreate(&recorded), hipSuccess);
    expect("cudaEventCreateWithFlags", hipEventCreateWithFlags(&untimed, hipEventDisableTiming), hipSuccess);
    expect("cudaEventRecord", hipEventRecord(recorded, 0), hipSuccess);
    expect("cudaEventSynchronize", hipEventSynchronize(recorded), hipSuccess);
    float ms = 0.0f;
    expect("cudaEventElapsedTime(unrecorded)", hipEventElapsedTime(&ms, never, recorded),
           hipErrorInvalidHandle);
    hipGetLastError();

    // a good launch leaves no error behind
    fill_value<<<n / 64, 64>>>(d_out, n, 7);
    expect("launch + cudaGetLastError", hipGetLastError(), hipSuccess);
    expect("cudaDeviceSynchronize", hipDeviceSynchronize(), hipSuccess);
    expect("cudaMemcpy", hipMemcpy(host_buffer, d_out, n * sizeof(int), hipMemcpyDeviceToHost), hipSuccess);
    printf("out[0] = %d, out[%d] = %d\n", host_buffer[0], n - 1, host_buffer[n - 1]);
    failures += host_buffer[0] != 7 || host_buffer[n - 1] != 7;

    // the texts behind a few codes
    const hipError_t codes[] = {hipSuccess, hipErrorInvalidValue, hipErrorOutOfMemory,
                                 hipErrorInvalidDevice, hipErrorInvalidMemcpyDirection, hipErrorNotReady};
    for (unsigned i = 0; i < sizeof(codes) / sizeof(codes[0]); ++i) {
        printf("%d %s: %s\n", (int)codes[i], hipGetErrorName(codes[i]), hipGetErrorString(codes[i]));
    }

    expect("cudaEventDestroy", hipEventDestroy(never), hipSuccess);
    expect("cudaEventDestroy", hipEventDestroy(recorded), hipSuccess);
    expect("cudaEventDestroy", hipEventDestroy(untimed), hipSuccess);
    expect("cudaFree", hipFree(d_out), hipSuccess);
    expect("cudaGetLastError at the end", hipGetLastError(), hipSuccess);
    printf("failures = %d\n", failures);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
