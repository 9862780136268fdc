#include <hip/hip_runtime.h>
// Device functions that read threadIdx, blockIdx, blockDim and gridDim themselves, one through another,
// in a 2-D launch. The CPU target builds each block's threads as loops in the kernel, so such a function
// takes the built-ins it reads from its caller (the CPU build failed with "'blockIdx' undeclared" before).
#include <cstdio>
#include <cstdlib>

__device__ unsigned column() { return blockIdx.x * blockDim.x + threadIdx.x; }
__device__ unsigned row() { return blockIdx.y * blockDim.y + threadIdx.y; }
__device__ unsigned width() { return gridDim.x * blockDim.x; }
__device__ unsigned flat() { return row() * width() + column(); }   // built-ins reached only through calls
__device__ int lane_sum(int base) { return base + (int)(threadIdx.x + threadIdx.y * blockDim.x) % 32; }

__global__ void stamp(int *out, int *lanes) {
    unsigned i = flat();
    out[i] = (int)(row() * 1000 + column());
    lanes[i] = lane_sum((int)blockIdx.y);
}

int main() {
    const dim3 block(16, 4), grid(3, 5);
    const int w = grid.x * block.x, h = grid.y * block.y, n = w * h;
    int *out = (int *)malloc(n * sizeof(int)), *lanes = (int *)malloc(n * sizeof(int));
    int *d_out, *d_lanes;
    hipMalloc((void **)&d_out, n * sizeof(int));
    hipMalloc((void **)&d_lanes, n * sizeof(int));
    hipLaunchKernelGGL(stamp, dim3(grid), dim3(block), 0, 0, d_out, d_lanes);
    hipMemcpy(out, d_out, n * sizeof(int), hipMemcpyDeviceToHost);
    hipMemcpy(lanes, d_lanes, n * sizeof(int), hipMemcpyDeviceToHost);
    int wrong = 0;
    long long lane_total = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            wrong += out[y * w + x] != y * 1000 + x;
            lane_total += lanes[y * w + x];
        }
    printf("out[1] %d, out[%d] %d, lane total %lld\n", out[1], n - 1, out[n - 1], lane_total);
    hipFree(d_out);
    hipFree(d_lanes);
    free(out);
    free(lanes);
    printf("%s\n", wrong ? "FAIL" : "PASS");
    return wrong != 0;
}
