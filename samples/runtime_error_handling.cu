// Errors of the CUDA runtime API: the code each misuse returns, cudaGetLastError (which clears) and
// cudaPeekAtLastError (which does not), and cudaGetErrorName / cudaGetErrorString. Also the device
// count, selection and a few attributes that every target answers alike. Prints error names, not
// timings or device-specific numbers, so every target prints the same.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

__global__ void fill_value(int *out, int n, int value)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        out[i] = value;
    }
}

static int failures = 0;

// Prints what `call` returned and checks it against the expected code.
static void expect(const char *what, cudaError_t got, cudaError_t want)
{
    printf("%-34s %s (%d)\n", what, cudaGetErrorName(got), (int)got);
    if (got != want) {
        printf("  expected %s\n", cudaGetErrorName(want));
        ++failures;
    }
}

int main()
{
    int count = 0;
    expect("cudaGetDeviceCount", cudaGetDeviceCount(&count), cudaSuccess);
    printf("at least one device: %d\n", count >= 1);
    expect("cudaSetDevice(0)", cudaSetDevice(0), cudaSuccess);
    int device = -1;
    expect("cudaGetDevice", cudaGetDevice(&device), cudaSuccess);
    printf("current device = %d\n", device);
    int mode = -1, major = 0;
    expect("cudaDeviceGetAttribute(mode)", cudaDeviceGetAttribute(&mode, cudaDevAttrComputeMode, 0), cudaSuccess);
    printf("compute mode is default: %d\n", mode == cudaComputeModeDefault);
    expect("cudaDeviceGetAttribute(major)",
           cudaDeviceGetAttribute(&major, cudaDevAttrComputeCapabilityMajor, 0), cudaSuccess);
    cudaDeviceProp prop;
    expect("cudaGetDeviceProperties", cudaGetDeviceProperties(&prop, 0), cudaSuccess);
    printf("attribute and property agree: %d\n", major == prop.major);

    // a bad device: the call fails and the error stays until cudaGetLastError takes it
    expect("cudaSetDevice(count + 7)", cudaSetDevice(count + 7), cudaErrorInvalidDevice);
    expect("cudaPeekAtLastError", cudaPeekAtLastError(), cudaErrorInvalidDevice);
    expect("cudaPeekAtLastError again", cudaPeekAtLastError(), cudaErrorInvalidDevice);
    expect("cudaGetLastError", cudaGetLastError(), cudaErrorInvalidDevice);
    expect("cudaGetLastError after it", cudaGetLastError(), cudaSuccess);
    expect("cudaGetDeviceProperties(bad)", cudaGetDeviceProperties(&prop, count + 7), cudaErrorInvalidDevice);
    cudaGetLastError();

    // memory misuse
    const int n = 256;
    int *d_out = NULL;
    expect("cudaMalloc", cudaMalloc((void **)&d_out, n * sizeof(int)), cudaSuccess);
    int host_buffer[256];
    expect("cudaFree(host pointer)", cudaFree(host_buffer), cudaErrorInvalidValue);
    expect("cudaGetLastError", cudaGetLastError(), cudaErrorInvalidValue);
    expect("cudaMemcpy(bad kind)",
           cudaMemcpy(host_buffer, d_out, n * sizeof(int), (cudaMemcpyKind)42), cudaErrorInvalidMemcpyDirection);
    expect("cudaGetLastError", cudaGetLastError(), cudaErrorInvalidMemcpyDirection);
    expect("cudaMemcpy2D(width > pitch)",
           cudaMemcpy2D(d_out, 16, host_buffer, 64, 32, 4, cudaMemcpyHostToDevice), cudaErrorInvalidPitchValue);
    expect("cudaGetLastError", cudaGetLastError(), cudaErrorInvalidPitchValue);
    expect("cudaFree(NULL)", cudaFree(NULL), cudaSuccess);

    // an event that was never recorded has no time
    cudaEvent_t never, recorded, untimed;
    expect("cudaEventCreate", cudaEventCreate(&never), cudaSuccess);
    expect("cudaEventCreate", cudaEventCreate(&recorded), cudaSuccess);
    expect("cudaEventCreateWithFlags", cudaEventCreateWithFlags(&untimed, cudaEventDisableTiming), cudaSuccess);
    expect("cudaEventRecord", cudaEventRecord(recorded, 0), cudaSuccess);
    expect("cudaEventSynchronize", cudaEventSynchronize(recorded), cudaSuccess);
    float ms = 0.0f;
    expect("cudaEventElapsedTime(unrecorded)", cudaEventElapsedTime(&ms, never, recorded),
           cudaErrorInvalidResourceHandle);
    cudaGetLastError();

    // a good launch leaves no error behind
    fill_value<<<n / 64, 64>>>(d_out, n, 7);
    expect("launch + cudaGetLastError", cudaGetLastError(), cudaSuccess);
    expect("cudaDeviceSynchronize", cudaDeviceSynchronize(), cudaSuccess);
    expect("cudaMemcpy", cudaMemcpy(host_buffer, d_out, n * sizeof(int), cudaMemcpyDeviceToHost), cudaSuccess);
    printf("out[0] = %d, out[%d] = %d\n", host_buffer[0], n - 1, host_buffer[n - 1]);
    failures += host_buffer[0] != 7 || host_buffer[n - 1] != 7;

    // the texts behind a few codes
    const cudaError_t codes[] = {cudaSuccess, cudaErrorInvalidValue, cudaErrorMemoryAllocation,
                                 cudaErrorInvalidDevice, cudaErrorInvalidMemcpyDirection, cudaErrorNotReady};
    for (unsigned i = 0; i < sizeof(codes) / sizeof(codes[0]); ++i) {
        printf("%d %s: %s\n", (int)codes[i], cudaGetErrorName(codes[i]), cudaGetErrorString(codes[i]));
    }

    expect("cudaEventDestroy", cudaEventDestroy(never), cudaSuccess);
    expect("cudaEventDestroy", cudaEventDestroy(recorded), cudaSuccess);
    expect("cudaEventDestroy", cudaEventDestroy(untimed), cudaSuccess);
    expect("cudaFree", cudaFree(d_out), cudaSuccess);
    expect("cudaGetLastError at the end", cudaGetLastError(), cudaSuccess);
    printf("failures = %d\n", failures);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
