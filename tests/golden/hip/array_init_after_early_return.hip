// Regression: an array with a brace initializer, declared after an early `return` in a kernel that then
// uses warp shuffles. The OpenCL and CPU targets run such a kernel's remaining body under a per-thread
// flag (the warp operations must still see every lane); they used to refuse the initialized array (L007)
// and now assign its elements under the flag. The unlisted elements of `weights` start at zero.
#include <cstdio>
#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"

__global__ void weighted_warp_sums(const float *in, float *out, int n)
{
    const int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i / 32 * 32 >= n) {      // whole warps past the end leave; a warp keeps all its lanes
        return;
    }
    float weights[4] = {1.0f, 0.5f, 0.25f};
    int picks[2][2] = {{0, 1}, {2}};
    const float x = i < n ? in[i] : 0.0f;
    float sum = 0.0f;
    for (int j = 0; j < 4; ++j) {
        sum += weights[j] * cutrans_warp32_shfl_xor_sync(0xffffffffu, x, 1 << picks[j / 2][j % 2]);
    }
    if (i < n) {
        out[i] = sum;
    }
}

int main()
{
    const int n = 200, threads = 64, blocks = 4;
    float in[n], out[n];
    for (int i = 0; i < n; ++i) {
        in[i] = (float)((i * 7) % 13) - 6.0f;
    }
    float *d_in, *d_out;
    hipMalloc(&d_in, sizeof in);
    hipMalloc(&d_out, sizeof out);
    hipMemcpy(d_in, in, sizeof in, hipMemcpyHostToDevice);
    weighted_warp_sums<<<blocks, threads>>>(d_in, d_out, n);
    hipMemcpy(out, d_out, sizeof out, hipMemcpyDeviceToHost);
    int bad = 0;
    double checksum = 0.0;
    for (int i = 0; i < n; ++i) {
        const float weights[4] = {1.0f, 0.5f, 0.25f, 0.0f};
        const int lanes[4] = {1, 2, 4, 1};
        float want = 0.0f;
        for (int j = 0; j < 4; ++j) {
            const int src = i ^ lanes[j];
            want += weights[j] * (src < n ? in[src] : 0.0f);
        }
        bad += out[i] != want;
        checksum += out[i] * (i % 5 + 1);
    }
    printf("out[0] = %.3f, out[%d] = %.3f, checksum %.3f\n", out[0], n - 1, out[n - 1], checksum);
    hipFree(d_in);
    hipFree(d_out);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
