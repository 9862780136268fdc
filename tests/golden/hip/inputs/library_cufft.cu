// cuFFT, as HIP output must write it (hipFFT): plans, complex and real transforms, results, and a kernel
// that normalizes the unnormalized inverse transform (hipFFT does not normalize either).
#include <cstdio>
#include <cuda_runtime.h>
#include <cufft.h>

#define CUFFT_CHECK(call)                                                   \
    do {                                                                    \
        cufftResult r_ = (call);                                            \
        if (r_ != CUFFT_SUCCESS) {                                          \
            fprintf(stderr, "cuFFT error %d at line %d\n", (int)r_, __LINE__); \
            return 1;                                                       \
        }                                                                   \
    } while (0)

__global__ void normalize(cufftComplex *data, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        data[i].x /= n;
        data[i].y /= n;
    }
}

int main() {
    const int n = 256, batch = 2;
    cufftComplex *signal;                                       // CHECK-HIP: hipfftComplex *signal;
    cufftReal *real;
    cufftComplex *spectrum;
    cudaMalloc(&signal, n * batch * sizeof(cufftComplex));
    cudaMalloc(&real, n * sizeof(cufftReal));
    cudaMalloc(&spectrum, (n / 2 + 1) * sizeof(cufftComplex));
    cudaMemset(signal, 0, n * batch * sizeof(cufftComplex));
    cudaMemset(real, 0, n * sizeof(cufftReal));

    cufftHandle plan, r2c;
    CUFFT_CHECK(cufftPlan1d(&plan, n, CUFFT_C2C, batch));      // CHECK-HIP: hipfftPlan1d(&plan, n, HIPFFT_C2C, batch)
    CUFFT_CHECK(cufftExecC2C(plan, signal, signal, CUFFT_FORWARD));
    CUFFT_CHECK(cufftExecC2C(plan, signal, signal, CUFFT_INVERSE));  // CHECK-HIP: HIPFFT_BACKWARD
    normalize<<<(n * batch + 127) / 128, 128>>>(signal, n * batch);
    CUFFT_CHECK(cufftPlan1d(&r2c, n, CUFFT_R2C, 1));
    CUFFT_CHECK(cufftExecR2C(r2c, real, spectrum));
    cudaDeviceSynchronize();
    cufftDestroy(plan);
    cufftDestroy(r2c);
    cudaFree(signal); cudaFree(real); cudaFree(spectrum);
    printf("done\n");
    return 0;
}
