#include <hip/hip_runtime.h>
// CUB's block-wide reduction, cub::BlockReduce, as kernels use it: Sum over a full block, Sum over the first
// `valid` threads (a last, partial tile), Reduce with cub::Max and cub::Min, a block template larger than the
// launch (CUB reduces the first blockDim.x threads when told so), a 2-D block with a named collective object,
// a block of 48 threads (a partial last warp) and one of 16 (less than a warp).
// The floating-point sums depend on the order CUB combines the values in (a tree in each warp, then the warps in
// order); the translations compute that same order, so they print the same digits.
#include <cmath>
#include <cstdio>
#include <hipcub/hipcub.hpp>

#if CUDART_VERSION >= 13000
// CUDA 13 (CCCL 3) removed cub::Max and cub::Min, which CUDA 12 programs use. Such a program keeps building with
// CUB 2's definitions of them, as here; cutrans, which translates CUDA 12 code, has its own.
namespace cub {
struct Max {
    template <class T> __host__ __device__ T operator()(const T &a, const T &b) const { return a < b ? b : a; }
};
struct Min {
    template <class T> __host__ __device__ T operator()(const T &a, const T &b) const { return b < a ? b : a; }
};
}
#endif

template <int THREADS>
__global__ void block_sums(const float *in, float *out, int n)
{
    using BlockReduce = hipcub::BlockReduce<float, THREADS>;
    __shared__ typename BlockReduce::TempStorage temp;
    int i = blockIdx.x * THREADS + threadIdx.x;
    float v = i < n ? in[i] : 0.0f;
    float s = BlockReduce(temp).Sum(v);
    if (threadIdx.x == 0) {
        out[blockIdx.x] = s;
    }
}

typedef hipcub::BlockReduce<float, 96> TileReduce;       // a file-scope name: the host code keeps it

// the last block has fewer than 96 items: only its first `valid` threads take part
__global__ void partial_tile_sums(const float *in, float *out, int n)
{
    __shared__ TileReduce::TempStorage temp;
    int first = blockIdx.x * 96, valid = n - first < 96 ? n - first : 96;
    float v = threadIdx.x < valid ? in[first + threadIdx.x] : 1.0e30f;   // never added
    float s = TileReduce(temp).Sum(v, valid);
    if (threadIdx.x == 0) {
        out[blockIdx.x] = s;
    }
}

// the maximum of each block's ints and the minimum of its floats; the template says 256 threads, the launch has
// blockDim.x of them, and the second reduction reuses the storage after a barrier
__global__ void extremes(const int *keys, const float *x, int *max_out, float *min_out)
{
    using BlockReduce = hipcub::BlockReduce<int, 256>;
    using FloatReduce = hipcub::BlockReduce<float, 256>;
    __shared__ typename BlockReduce::TempStorage int_temp;
    __shared__ typename FloatReduce::TempStorage float_temp;
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int biggest = BlockReduce(int_temp).Reduce(keys[i], hipcub::Max(), blockDim.x);
    float smallest = FloatReduce(float_temp).Reduce(x[i], hipcub::Min(), blockDim.x);
    __syncthreads();
    int smallest_key = BlockReduce(int_temp).Reduce(keys[i], hipcub::Min(), blockDim.x);
    if (threadIdx.x == 0) {
        max_out[blockIdx.x] = biggest - smallest_key;
        min_out[blockIdx.x] = smallest;
    }
}

// a 16 x 8 block of doubles, summed through a named collective
__global__ void tile_energy(const double *field, double *out)
{
    typedef hipcub::BlockReduce<double, 16, hipcub::BLOCK_REDUCE_WARP_REDUCTIONS, 8> BlockReduce;
    __shared__ typename BlockReduce::TempStorage temp;
    int row = blockIdx.y * 8 + threadIdx.y, col = blockIdx.x * 16 + threadIdx.x;
    double f = field[row * 64 + col];
    BlockReduce reducer(temp);
    double e = reducer.Sum(f * f);
    if (threadIdx.x == 0 && threadIdx.y == 0) {
        out[blockIdx.y * 4 + blockIdx.x] = e;
    }
}

// a block of 48 threads: its second warp has 16 lanes
__global__ void block_of_48(const float *in, float *out)
{
    using BlockReduce = hipcub::BlockReduce<float, 48>;
    __shared__ BlockReduce::TempStorage temp;
    float s = BlockReduce(temp).Sum(in[blockIdx.x * 48 + threadIdx.x]);
    if (threadIdx.x == 0) {
        out[blockIdx.x] = s;
    }
}

// a block of 16 threads, less than one warp
__global__ void block_of_16(const float *in, unsigned *out)
{
    using BlockReduce = hipcub::BlockReduce<unsigned, 16>;
    __shared__ BlockReduce::TempStorage temp;
    unsigned bits = (unsigned)((in[blockIdx.x * 16 + threadIdx.x] + 0.25f) * 1000.0f);
    unsigned m = BlockReduce(temp).Reduce(bits, hipcub::Max());
    if (threadIdx.x == 0) {
        out[blockIdx.x] = m;
    }
}

static double host_sum(const float *v, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; ++i) {
        s += v[i];
    }
    return s;
}

int main()
{
    const int n = 1000, tiles = (n + 95) / 96, wide = 4 * 128;
    static float in[n], sums[8], tile_sums[tiles], xs[wide], mins[4], out48[4];
    static int keys[wide], maxes[4];
    static unsigned out16[4];
    static double field[64 * 16], energy[8];
    unsigned state = 7u;
    for (int i = 0; i < n; ++i) {
        state = state * 1664525u + 1013904223u;
        in[i] = (float)(state >> 8) / 16777216.0f - 0.25f;
    }
    for (int i = 0; i < wide; ++i) {
        state = state * 1664525u + 1013904223u;
        keys[i] = (int)(state >> 12) - 500000;
        xs[i] = (float)(int)(state >> 20) * 0.37f - 700.0f;
    }
    for (int i = 0; i < 64 * 16; ++i) {
        field[i] = 0.001 * (i % 97) - 0.03 * (i % 7);
    }
    float *d_in, *d_sums, *d_tiles, *d_xs, *d_mins, *d_out48;
    int *d_keys, *d_maxes;
    unsigned *d_out16;
    double *d_field, *d_energy;
    hipMalloc(&d_in, sizeof(in));
    hipMalloc(&d_sums, sizeof(sums));
    hipMalloc(&d_tiles, sizeof(tile_sums));
    hipMalloc(&d_xs, sizeof(xs));
    hipMalloc(&d_mins, sizeof(mins));
    hipMalloc(&d_out48, sizeof(out48));
    hipMalloc(&d_keys, sizeof(keys));
    hipMalloc(&d_maxes, sizeof(maxes));
    hipMalloc(&d_out16, sizeof(out16));
    hipMalloc(&d_field, sizeof(field));
    hipMalloc(&d_energy, sizeof(energy));
    hipMemcpy(d_in, in, sizeof(in), hipMemcpyHostToDevice);
    hipMemcpy(d_xs, xs, sizeof(xs), hipMemcpyHostToDevice);
    hipMemcpy(d_keys, keys, sizeof(keys), hipMemcpyHostToDevice);
    hipMemcpy(d_field, field, sizeof(field), hipMemcpyHostToDevice);
    hipLaunchKernelGGL(HIP_KERNEL_NAME(block_sums<128>), dim3(8), dim3(128), 0, 0, d_in, d_sums, n);
    hipLaunchKernelGGL(partial_tile_sums, dim3(tiles), dim3(96), 0, 0, d_in, d_tiles, n);
    hipLaunchKernelGGL(extremes, dim3(4), dim3(128), 0, 0, d_keys, d_xs, d_maxes, d_mins);
    hipLaunchKernelGGL(tile_energy, dim3(4, 2), dim3(16, 8), 0, 0, d_field, d_energy);
    hipLaunchKernelGGL(block_of_48, dim3(4), dim3(48), 0, 0, d_in, d_out48);
    hipLaunchKernelGGL(block_of_16, dim3(4), dim3(16), 0, 0, d_in, d_out16);
    hipMemcpy(sums, d_sums, sizeof(sums), hipMemcpyDeviceToHost);
    hipMemcpy(tile_sums, d_tiles, sizeof(tile_sums), hipMemcpyDeviceToHost);
    hipMemcpy(maxes, d_maxes, sizeof(maxes), hipMemcpyDeviceToHost);
    hipMemcpy(mins, d_mins, sizeof(mins), hipMemcpyDeviceToHost);
    hipMemcpy(energy, d_energy, sizeof(energy), hipMemcpyDeviceToHost);
    hipMemcpy(out48, d_out48, sizeof(out48), hipMemcpyDeviceToHost);
    hipMemcpy(out16, d_out16, sizeof(out16), hipMemcpyDeviceToHost);

    int bad = 0;
    for (int b = 0; b < 8; ++b) {
        int count = n - 128 * b < 128 ? n - 128 * b : 128;
        double want = host_sum(in + 128 * b, count);
        printf("block sum %d: %.9g\n", b, sums[b]);
        bad += fabs(sums[b] - want) > 1e-4;
    }
    for (int t = 0; t < tiles; ++t) {
        int count = n - 96 * t < 96 ? n - 96 * t : 96;
        double want = host_sum(in + 96 * t, count);
        printf("tile sum %d (%d items): %.9g\n", t, count, tile_sums[t]);
        bad += fabs(tile_sums[t] - want) > 1e-4;
    }
    for (int b = 0; b < 4; ++b) {
        int hi = keys[128 * b], lo = keys[128 * b];
        float least = xs[128 * b];
        for (int i = 1; i < 128; ++i) {
            hi = keys[128 * b + i] > hi ? keys[128 * b + i] : hi;
            lo = keys[128 * b + i] < lo ? keys[128 * b + i] : lo;
            least = xs[128 * b + i] < least ? xs[128 * b + i] : least;
        }
        printf("block %d: key range %d, least x %.9g\n", b, maxes[b], mins[b]);
        bad += maxes[b] != hi - lo || mins[b] != least;
    }
    for (int by = 0; by < 2; ++by) {
        for (int bx = 0; bx < 4; ++bx) {
            double want = 0.0;
            for (int r = 0; r < 8; ++r) {
                for (int c = 0; c < 16; ++c) {
                    double f = field[(by * 8 + r) * 64 + bx * 16 + c];
                    want += f * f;
                }
            }
            printf("tile energy (%d, %d): %.17g\n", bx, by, energy[by * 4 + bx]);
            bad += fabs(energy[by * 4 + bx] - want) > 1e-12;
        }
    }
    for (int b = 0; b < 4; ++b) {
        unsigned m = 0;
        for (int i = 0; i < 16; ++i) {
            unsigned bits = (unsigned)((in[b * 16 + i] + 0.25f) * 1000.0f);
            m = bits > m ? bits : m;
        }
        printf("48-thread sum %d: %.9g, 16-thread max %u\n", b, out48[b], out16[b]);
        bad += fabs(out48[b] - host_sum(in + 48 * b, 48)) > 1e-4 || out16[b] != m;
    }
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    hipFree(d_in);
    hipFree(d_sums);
    hipFree(d_tiles);
    hipFree(d_xs);
    hipFree(d_mins);
    hipFree(d_out48);
    hipFree(d_keys);
    hipFree(d_maxes);
    hipFree(d_out16);
    hipFree(d_field);
    hipFree(d_energy);
    return 0;
}
