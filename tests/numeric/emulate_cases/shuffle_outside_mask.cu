// Lanes 0-7 of one warp shuffle with mask 0xff. __shfl_down_sync by 16 reads lanes 16-23, which are not in
// the mask: CUDA leaves the value undefined, the emulation keeps the lane's own value and warns once
// however often it happens. __shfl_xor_sync by 1 stays inside the mask and gives no warning.
#include <cstdio>

__global__ void shuffles(int *out) {
    int lane = threadIdx.x, v = 100 + lane;
    if (lane < 8) {
        int down = 0;
        for (int round = 0; round < 3; ++round) down += __shfl_down_sync(0xffu, v, 16);
        out[lane] = down + 1000 * __shfl_xor_sync(0xffu, v, 1);
    }
}

int main() {
    int *d, h[8];
    cudaMalloc((void **)&d, sizeof h);
    shuffles<<<1, 32>>>(d);
    cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
    printf("lane 0 %d lane 7 %d\n", h[0], h[7]);
    cudaFree(d);
    return 0;
}
