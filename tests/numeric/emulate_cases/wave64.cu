// Built with -DCUEMU_WARP_SIZE=64: warpSize, 64-bit ballots and masks, shuffles over 64 lanes.
#include <cstdio>
#include <cuda_runtime.h>

__global__ void wave(unsigned long long *masks, int *values)
{
    int t = threadIdx.x;
    masks[t] = __ballot_sync(__activemask(), t % 2 == 0);
    int v = t;
    for (int offset = warpSize / 2; offset > 0; offset /= 2) {
        v += __shfl_down_sync(~0ull, v, offset);
    }
    values[t] = v;
    values[128 + t] = __shfl_sync(~0ull, t, 40);
    values[256 + t] = __all_sync(~0ull, t < 64) + 10 * __any_sync(~0ull, t == 63);
}

int main()
{
    unsigned long long *masks;
    int *values;
    cudaMallocManaged(&masks, 128 * sizeof(unsigned long long));
    cudaMallocManaged(&values, 384 * sizeof(int));
    wave<<<1, 128>>>(masks, values);
    cudaDeviceSynchronize();
    printf("warpSize %d mask bytes %zu\n", warpSize, sizeof(__activemask()));
    printf("ballot warp0 %016llx warp1 %016llx\n", masks[0], masks[64]);
    printf("sum warp0 %d warp1 %d\n", values[0], values[64]);
    printf("shfl from 40: lane 0 %d lane 64 %d\n", values[128], values[128 + 64]);
    printf("votes warp0 %d warp1 %d\n", values[256], values[256 + 64]);
    return 0;
}
