// Lane semantics of shuffles, votes and warp reductions, checked against a host model.
#include <cstdio>
#include <cuda_runtime.h>

#define FULL 0xffffffffu

__global__ void shuffles(int *out, int width)
{
    int lane = threadIdx.x % 32;
    int v = 100 + threadIdx.x;
    int *o = out + threadIdx.x * 4;
    o[0] = __shfl_sync(FULL, v, 3, width);
    o[1] = __shfl_up_sync(FULL, v, 2, width);
    o[2] = __shfl_down_sync(FULL, v, 5, width);
    o[3] = __shfl_xor_sync(FULL, v, 1 + lane % 2, width);
}

__global__ void warp_sum(const float *in, float *out)
{
    float v = in[blockIdx.x * blockDim.x + threadIdx.x];
    for (int offset = 16; offset > 0; offset /= 2) {
        v += __shfl_down_sync(FULL, v, offset);
    }
    if (threadIdx.x % 32 == 0) {
        out[blockIdx.x * (blockDim.x / 32) + threadIdx.x / 32] = v;
    }
}

__global__ void votes(unsigned *out)
{
    int t = threadIdx.x;
    unsigned ballot = __ballot_sync(FULL, t % 3 == 0);
    int any = __any_sync(FULL, t == 5);
    int all = __all_sync(FULL, t < 40);
    unsigned active = __activemask();
    unsigned half = 0;
    if (t % 32 < 16) {
        half = __ballot_sync(0x0000ffffu, t % 2);
    }
    __syncwarp();
    if (t % 32 == 0) {
        unsigned *o = out + (t / 32) * 5;
        o[0] = ballot;
        o[1] = any;
        o[2] = all;
        o[3] = active;
        o[4] = half;
    }
}

static int expect_shuffle(int t, int kind, int width)
{
    int lane = t % 32, seg = lane / width * width, pos = lane % width, base = t - lane;
    int v = 100 + t;
    int src;
    switch (kind) {
    case 0: src = seg + 3 % width; break;
    case 1: src = pos - 2 < 0 ? lane : lane - 2; break;
    case 2: src = pos + 5 >= width ? lane : lane + 5; break;
    default: src = lane ^ (1 + lane % 2); src = src > seg + width - 1 ? lane : src; break;
    }
    return src == lane ? v : 100 + base + src;
}

int main()
{
    int errors = 0;
    int *d_i;
    int h_i[64 * 4];
    cudaMalloc((void **)&d_i, sizeof(h_i));
    const int widths[] = {32, 16, 8, 4};
    for (int w = 0; w < 4; ++w) {
        shuffles<<<1, 64>>>(d_i, widths[w]);
        cudaMemcpy(h_i, d_i, sizeof(h_i), cudaMemcpyDeviceToHost);
        for (int t = 0; t < 64; ++t) {
            for (int k = 0; k < 4; ++k) {
                if (h_i[t * 4 + k] != expect_shuffle(t, k, widths[w])) {
                    if (errors < 5) {
                        printf("width %d thread %d kind %d: %d != %d\n", widths[w], t, k, h_i[t * 4 + k],
                               expect_shuffle(t, k, widths[w]));
                    }
                    ++errors;
                }
            }
        }
    }

    float h_in[256], h_sum[8];
    for (int i = 0; i < 256; ++i) {
        h_in[i] = (float)(i % 17);
    }
    float *d_in, *d_sum;
    cudaMalloc((void **)&d_in, sizeof(h_in));
    cudaMalloc((void **)&d_sum, sizeof(h_sum));
    cudaMemcpy(d_in, h_in, sizeof(h_in), cudaMemcpyHostToDevice);
    warp_sum<<<2, 128>>>(d_in, d_sum);
    cudaMemcpy(h_sum, d_sum, sizeof(h_sum), cudaMemcpyDeviceToHost);
    for (int w = 0; w < 8; ++w) {
        float want = 0.0f;
        for (int i = 0; i < 32; ++i) {
            want += h_in[w * 32 + i];
        }
        errors += h_sum[w] != want;
    }

    unsigned h_v[2 * 5];
    unsigned *d_v;
    cudaMalloc((void **)&d_v, sizeof(h_v));
    votes<<<1, 48>>>(d_v);
    cudaMemcpy(h_v, d_v, sizeof(h_v), cudaMemcpyDeviceToHost);
    printf("warp0: ballot=%08x any=%u all=%u active=%08x half=%08x\n", h_v[0], h_v[1], h_v[2], h_v[3], h_v[4]);
    printf("warp1: ballot=%08x any=%u all=%u active=%08x half=%08x\n", h_v[5], h_v[6], h_v[7], h_v[8], h_v[9]);
    const unsigned want_v[10] = {0x49249249u, 1, 1, 0xffffffffu, 0x0000aaaau,
                                 0x00002492u, 0, 0, 0x0000ffffu, 0x0000aaaau};
    for (int i = 0; i < 10; ++i) {
        errors += h_v[i] != want_v[i];
    }
    printf("errors = %d\n%s\n", errors, errors ? "FAIL" : "PASS");
    return errors != 0;
}
