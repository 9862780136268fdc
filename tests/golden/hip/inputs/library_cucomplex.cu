// cuComplex in device and host code, as HIP output must write it (<hip/hip_complex.h>).
#include <cstdio>
#include <cuda_runtime.h>
#include <cuComplex.h>

__global__ void rotate(cuFloatComplex *z, cuDoubleComplex *w, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        cuFloatComplex turn = make_cuFloatComplex(0.0f, 1.0f);  // CHECK-HIP: make_hipFloatComplex(0.0f, 1.0f)
        z[i] = cuCaddf(cuCmulf(z[i], turn), cuConjf(z[i]));
        w[i] = cuCfma(w[i], make_cuDoubleComplex(2.0, 0.0), cuComplexFloatToDouble(z[i]));
        if (cuCabs(w[i]) > 1e300) w[i] = make_cuDoubleComplex(cuCreal(w[i]), -cuCimag(w[i]));
    }
}

int main() {
    const int n = 128;
    cuComplex *z;
    cuDoubleComplex *w;
    cudaMalloc(&z, n * sizeof(cuComplex));
    cudaMalloc(&w, n * sizeof(cuDoubleComplex));
    cudaMemset(z, 0, n * sizeof(cuComplex));
    cudaMemset(w, 0, n * sizeof(cuDoubleComplex));
    rotate<<<1, n>>>(z, w, n);
    cuDoubleComplex first;
    cudaMemcpy(&first, w, sizeof(first), cudaMemcpyDeviceToHost);
    printf("%f %f\n", cuCreal(first), cuCimag(first));
    cudaFree(z);
    cudaFree(w);
    return 0;
}
