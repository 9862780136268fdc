// Host-side forms the HIP backend must edit in place: error-check macros, streams, events, symbols,
// template launches, launches inside macro arguments and warp-synchronous intrinsics.
#include <cstdio>
#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"

#define CHECK(call)                                                                   \
    do {                                                                              \
        hipError_t err_ = (call);                                                    \
        if (err_ != hipSuccess) {                                                    \
            fprintf(stderr, "%s: %s\n", hipGetErrorName(err_), hipGetErrorString(err_)); \
            return 1;                                                                 \
        }                                                                             \
    } while (0)
#define LAUNCH_AND_CHECK(...) __VA_ARGS__; CHECK(hipGetLastError())

__constant__ float scale_factor[1];

template <typename T, int WIDTH>
__global__ void warp_sum(const T *in, T *out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    T v = i < n ? in[i] * scale_factor[0] : T(0);
    for (int offset = WIDTH / 2; offset > 0; offset /= 2)
        v += cutrans_warp32_shfl_down_sync(0xffffffff, v, offset, WIDTH);   // CHECK-HIP: cutrans_warp32_shfl_down_sync(0xffffffff
    if (threadIdx.x % WIDTH == 0) out[i / WIDTH] = v;
}

__global__ void fill(float *a, float value, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) a[i] = value;
}

int main() {
    const int n = 1024;
    float *d_in, *d_out, h_out[n / 32];
    const float two = 2.0f;
    hipStream_t stream;
    hipEvent_t start, stop;
    CHECK(hipStreamCreateWithFlags(&stream, hipStreamNonBlocking));   // CHECK-HIP: hipStreamNonBlocking
    CHECK(hipEventCreate(&start));
    CHECK(hipEventCreate(&stop));
    CHECK(hipMalloc(&d_in, n * sizeof(float)));
    CHECK(hipMalloc(&d_out, n / 32 * sizeof(float)));
    CHECK(hipMemcpyToSymbol(scale_factor, &two, sizeof(float)));
    CHECK(hipEventRecord(start, stream));
    fill<<<n / 256, 256, 0, stream>>>(d_in, 1.0f, n);
    LAUNCH_AND_CHECK(warp_sum<float, 32><<<dim3(n / 256), dim3(256), 0, stream>>>(d_in, d_out, n));
    CHECK(hipEventRecord(stop, stream));
    CHECK(hipEventSynchronize(stop));
    float ms = 0.0f;
    CHECK(hipEventElapsedTime(&ms, start, stop));
    CHECK(hipMemcpyAsync(h_out, d_out, sizeof(h_out), hipMemcpyDeviceToHost, stream));
    CHECK(hipStreamSynchronize(stream));
    hipDeviceSynchronize();   // CHECK-HIP: hipDeviceSynchronize();
    printf("%g (%.3f ms)\n", h_out[0], ms);
    CHECK(hipEventDestroy(start));
    CHECK(hipEventDestroy(stop));
    CHECK(hipStreamDestroy(stream));
    CHECK(hipFree(d_in));
    CHECK(hipFree(d_out));
    return h_out[0] == 64.0f ? 0 : 1;
}
