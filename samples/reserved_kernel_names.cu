// Kernels whose CUDA names OpenCL C reserves: `kernel` is a keyword there (HeCBench easyWave names its kernels so)
// and `dot` and `max` are built-in functions, which OpenCL C cannot overload. The OpenCL program renames them
// (`kernel_`, `dot_`, `max_`); the host code keeps launching them, and naming them as a handle
// (cudaFuncSetAttribute), by their CUDA names. HIP declares `max` for device code, so the HIP output calls the
// kernel `cutrans_max`, at its definition and at its launch, in either launch syntax.
#include <cstdio>

__global__ void kernel(float *x, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        x[i] = 2.0f * x[i] + 1.0f;
    }
}

__global__ void dot(const float *a, const float *b, float *out, int n)
{
    __shared__ float partial[64];
    float s = 0.0f;
    for (int i = threadIdx.x; i < n; i += blockDim.x) {
        s += a[i] * b[i];
    }
    partial[threadIdx.x] = s;
    __syncthreads();
    if (threadIdx.x == 0) {
        float total = 0.0f;
        for (int t = 0; t < blockDim.x; ++t) {
            total += partial[t];
        }
        *out = total;
    }
}

__global__ void max(const int *x, int *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        atomicMax(out, x[i]);
    }
}

int main()
{
    const int n = 200;
    float x[n], y[n], d;
    int v[n], m = -1000;
    for (int i = 0; i < n; ++i) {
        x[i] = 0.25f * (i % 9) - 1.0f;
        y[i] = 0.5f * (i % 4);
        v[i] = (i * 37) % 101 - 50;
    }
    float *d_x, *d_y, *d_dot;
    int *d_v, *d_m;
    cudaMalloc(&d_x, sizeof(x));
    cudaMalloc(&d_y, sizeof(y));
    cudaMalloc(&d_dot, sizeof(float));
    cudaMalloc(&d_v, sizeof(v));
    cudaMalloc(&d_m, sizeof(int));
    cudaMemcpy(d_x, x, sizeof(x), cudaMemcpyHostToDevice);
    cudaMemcpy(d_y, y, sizeof(y), cudaMemcpyHostToDevice);
    cudaMemcpy(d_v, v, sizeof(v), cudaMemcpyHostToDevice);
    cudaMemcpy(d_m, &m, sizeof(int), cudaMemcpyHostToDevice);
    int bad = cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, 0) != cudaSuccess;
    kernel<<<(n + 63) / 64, 64>>>(d_x, n);
    dot<<<1, 64>>>(d_x, d_y, d_dot, n);
    max<<<(n + 127) / 128, 128>>>(d_v, d_m, n);
    cudaMemcpy(x, d_x, sizeof(x), cudaMemcpyDeviceToHost);
    cudaMemcpy(&d, d_dot, sizeof(float), cudaMemcpyDeviceToHost);
    cudaMemcpy(&m, d_m, sizeof(int), cudaMemcpyDeviceToHost);
    float want = 0.0f;
    int want_max = -1000;
    for (int i = 0; i < n; ++i) {
        bad += x[i] != 2.0f * (0.25f * (i % 9) - 1.0f) + 1.0f;
        want += x[i] * y[i];
        want_max = v[i] > want_max ? v[i] : want_max;
    }
    bad += d < want - 1e-3f || d > want + 1e-3f;
    bad += m != want_max;
    printf("dot %.4f (%.4f), max %d (%d)\n", d, want, m, want_max);
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
