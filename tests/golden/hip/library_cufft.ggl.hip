// cuFFT, as HIP output must write it (hipFFT): plans, complex and real transforms, results, and a kernel
// that normalizes the unnormalized inverse transform (hipFFT does not normalize either).
#include <cstdio>
#include <hip/hip_runtime.h>
#include <hipfft/hipfft.h>

#define CUFFT_CHECK(call)                                                   \
    do {                                                                    \
        hipfftResult r_ = (call);                                            \
        if (r_ != HIPFFT_SUCCESS) {                                          \
            fprintf(stderr, "cuFFT error %d at line %d\n", (int)r_, __LINE__); \
            return 1;                                                       \
        }                                                                   \
    } while (0)

__global__ void normalize(hipfftComplex *data, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        data[i].x /= n;
        data[i].y /= n;
    }
}

int main() {
    const int n = 256, batch = 2;
    hipfftComplex *signal;                                       // CHECK-HIP: hipfftComplex *signal;
    hipfftReal *real;
    hipfftComplex *spectrum;
    hipMalloc(&signal, n * batch * sizeof(hipfftComplex));
    hipMalloc(&real, n * sizeof(hipfftReal));
    hipMalloc(&spectrum, (n / 2 + 1) * sizeof(hipfftComplex));
    hipMemset(signal, 0, n * batch * sizeof(hipfftComplex));
    hipMemset(real, 0, n * sizeof(hipfftReal));

    hipfftHandle plan, r2c;
    CUFFT_CHECK(hipfftPlan1d(&plan, n, HIPFFT_C2C, batch));      // CHECK-HIP: hipfftPlan1d(&plan, n, HIPFFT_C2C, batch)
    CUFFT_CHECK(hipfftExecC2C(plan, signal, signal, HIPFFT_FORWARD));
    CUFFT_CHECK(hipfftExecC2C(plan, signal, signal, HIPFFT_BACKWARD));  // CHECK-HIP: HIPFFT_BACKWARD
    hipLaunchKernelGGL(normalize, dim3((n * batch + 127) / 128), dim3(128), 0, 0, signal, n * batch);
    CUFFT_CHECK(hipfftPlan1d(&r2c, n, HIPFFT_R2C, 1));
    CUFFT_CHECK(hipfftExecR2C(r2c, real, spectrum));
    hipDeviceSynchronize();
    hipfftDestroy(plan);
    hipfftDestroy(r2c);
    hipFree(signal); hipFree(real); hipFree(spectrum);
    printf("done\n");
    return 0;
}
