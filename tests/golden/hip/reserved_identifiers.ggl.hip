// Regression sample: CUDA names that OpenCL C or C reserve. `local`, `global`, `half` and
// `restrict` are ordinary identifiers in CUDA C++, but keywords or types in OpenCL C / C; a device
// function called `dot` would collide with OpenCL's built-in dot() and one called `fmaxf3` is fine.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

__device__ float dot(const float* a, const float* b, int n)
{
    float sum = 0.0f;
    for (int k = 0; k < n; ++k) {
        sum += a[k] * b[k];
    }
    return sum;
}

__device__ int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

__global__ void row_dots(const float* m, const float* v, float* out, int rows, int cols)
{
    int global = blockIdx.x * blockDim.x + threadIdx.x;
    int local = threadIdx.x;
    if (global < rows) {
        float half = 0.5f * dot(m + global * cols, v, cols);
        int restrict = clamp(local, 0, 7);
        out[global] = half + (float)restrict;
    }
}

int main()
{
    const int rows = 300, cols = 16;
    float* h_m = (float*)malloc(rows * cols * sizeof(float));
    float h_v[cols];
    float* h_out = (float*)malloc(rows * sizeof(float));
    for (int i = 0; i < rows * cols; ++i) h_m[i] = (float)((i * 7) % 13) - 6.0f;
    for (int j = 0; j < cols; ++j) h_v[j] = 0.25f * (float)(j - 8);

    float *d_m, *d_v, *d_out;
    hipMalloc((void**)&d_m, rows * cols * sizeof(float));
    hipMalloc((void**)&d_v, cols * sizeof(float));
    hipMalloc((void**)&d_out, rows * sizeof(float));
    hipMemcpy(d_m, h_m, rows * cols * sizeof(float), hipMemcpyHostToDevice);
    hipMemcpy(d_v, h_v, cols * sizeof(float), hipMemcpyHostToDevice);
    hipLaunchKernelGGL(row_dots, dim3((rows + 63) / 64), dim3(64), 0, 0, d_m, d_v, d_out, rows, cols);
    hipError_t err = hipGetLastError();
    if (err != hipSuccess) {
        printf("launch failed: %s\n", hipGetErrorString(err));
        return 1;
    }
    hipMemcpy(h_out, d_out, rows * sizeof(float), hipMemcpyDeviceToHost);

    int errors = 0;
    for (int r = 0; r < rows; ++r) {
        float want = 0.0f;
        for (int k = 0; k < cols; ++k) want += h_m[r * cols + k] * h_v[k];
        int lane = r % 64;
        want = 0.5f * want + (float)(lane < 7 ? lane : 7);
        if (h_out[r] != want) ++errors;
    }
    printf("out[0] = %.4f\nout[%d] = %.4f\nout[%d] = %.4f\n", h_out[0], rows / 2, h_out[rows / 2], rows - 1, h_out[rows - 1]);
    printf("errors = %d\n%s\n", errors, errors == 0 ? "PASS" : "FAIL");
    hipFree(d_m);
    hipFree(d_v);
    hipFree(d_out);
    free(h_m);
    free(h_out);
    return errors == 0 ? 0 : 1;
}
