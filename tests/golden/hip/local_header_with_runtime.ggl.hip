#include <hip/hip_runtime.h>
// cutrans: runtime_check.h is not converted; cutrans_hip_cuda_names.h spells the CUDA runtime names it uses as HIP's
#include "cutrans_hip_cuda_names.h"
#include "runtime_check.h"
#include "runtime_helpers.h"
// The first line of this file includes a local header that uses CUDA runtime names without including a CUDA
// header (runtime_check.h: left as it is, its names come from the target's names header, which the HIP output
// includes before it, at the very start of the file, after the runtime include nvcc makes implicitly: the two
// insertions at offset 0 once stopped the HIP conversion with an internal error). The second, runtime_helpers.h,
// includes <cuda_runtime.h> and is converted with the file.

__global__ void scale_rows(const float *in, const float *gamma, float *out, int rows, int cols)
{
    int r = blockIdx.x, c = threadIdx.x;
    if (r < rows && c < cols) {
        out[r * cols + c] = in[r * cols + c] * gamma[c];
    }
}

int main()
{
    if (pick_device() != 0) {
        printf("FAIL: the device takes fewer than 256 threads per block\n");
        return 1;
    }
    const int rows = 24, cols = 200;
    float *in = filled((size_t)rows * cols, 5u), *gamma = filled(cols, 9u);
    float *want = (float *)malloc(sizeof(float) * rows * cols);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            want[r * cols + c] = in[r * cols + c] * gamma[c];
        }
    }
    float *d_in, *d_gamma, *d_out;
    CHECK(hipMalloc(&d_in, sizeof(float) * rows * cols));
    CHECK(hipMalloc(&d_gamma, sizeof(float) * cols));
    CHECK(hipMalloc(&d_out, sizeof(float) * rows * cols));
    CHECK(hipMemcpy(d_in, in, sizeof(float) * rows * cols, hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_gamma, gamma, sizeof(float) * cols, hipMemcpyHostToDevice));
    hipLaunchKernelGGL(scale_rows, dim3(rows), dim3(256), 0, 0, d_in, d_gamma, d_out, rows, cols);
    CHECK(hipGetLastError());
    int bad = mismatches(d_out, want, (size_t)rows * cols, 0.0f);
    printf("first row: %.7g %.7g %.7g\n", want[0], want[1], want[2]);
    printf("%d mismatches\n", bad);
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
