// cuComplex in device and host code, as HIP output must write it (<hip/hip_complex.h>).
#include <cstdio>
#include <hip/hip_runtime.h>
#include <hip/hip_complex.h>

__global__ void rotate(hipFloatComplex *z, hipDoubleComplex *w, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        hipFloatComplex turn = make_hipFloatComplex(0.0f, 1.0f);  // CHECK-HIP: make_hipFloatComplex(0.0f, 1.0f)
        z[i] = hipCaddf(hipCmulf(z[i], turn), hipConjf(z[i]));
        w[i] = hipCfma(w[i], make_hipDoubleComplex(2.0, 0.0), hipComplexFloatToDouble(z[i]));
        if (hipCabs(w[i]) > 1e300) w[i] = make_hipDoubleComplex(hipCreal(w[i]), -hipCimag(w[i]));
    }
}

int main() {
    const int n = 128;
    hipComplex *z;
    hipDoubleComplex *w;
    hipMalloc(&z, n * sizeof(hipComplex));
    hipMalloc(&w, n * sizeof(hipDoubleComplex));
    hipMemset(z, 0, n * sizeof(hipComplex));
    hipMemset(w, 0, n * sizeof(hipDoubleComplex));
    hipLaunchKernelGGL(rotate, dim3(1), dim3(n), 0, 0, z, w, n);
    hipDoubleComplex first;
    hipMemcpy(&first, w, sizeof(first), hipMemcpyDeviceToHost);
    printf("%f %f\n", hipCreal(first), hipCimag(first));
    hipFree(z);
    hipFree(w);
    return 0;
}
