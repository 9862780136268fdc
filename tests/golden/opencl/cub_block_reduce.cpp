#include "oclrt.h"
#include "cub_block_reduce.launch.h"
// CUB's block-wide reduction, cub::BlockReduce, as kernels use it: Sum over a full block, Sum over the first
// `valid` threads (a last, partial tile), Reduce with cub::Max and cub::Min, a block template larger than the
// launch (CUB reduces the first blockDim.x threads when told so), a 2-D block with a named collective object,
// a block of 48 threads (a partial last warp) and one of 16 (less than a warp).
// The floating-point sums depend on the order CUB combines the values in (a tree in each warp, then the warps in
// order); the translations compute that same order, so they print the same digits.
#include <cmath>
#include <cstdio>
#include "oclrt_cub.h"

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

/* cutrans: kernel 'block_sums' moved to cub_block_reduce.cl */












typedef cub::BlockReduce<float, 96> TileReduce;       // a file-scope name: the host code keeps it

// the last block has fewer than 96 items: only its first `valid` threads take part
/* cutrans: kernel 'partial_tile_sums' moved to cub_block_reduce.cl */










// the maximum of each block's ints and the minimum of its floats; the template says 256 threads, the launch has
// blockDim.x of them, and the second reduction reuses the storage after a barrier
/* cutrans: kernel 'extremes' moved to cub_block_reduce.cl */
















// a 16 x 8 block of doubles, summed through a named collective
/* cutrans: kernel 'tile_energy' moved to cub_block_reduce.cl */












// a block of 48 threads: its second warp has 16 lanes
/* cutrans: kernel 'block_of_48' moved to cub_block_reduce.cl */









// a block of 16 threads, less than one warp
/* cutrans: kernel 'block_of_16' moved to cub_block_reduce.cl */










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
    oclrtMalloc(&d_in, sizeof(in));
    oclrtMalloc(&d_sums, sizeof(sums));
    oclrtMalloc(&d_tiles, sizeof(tile_sums));
    oclrtMalloc(&d_xs, sizeof(xs));
    oclrtMalloc(&d_mins, sizeof(mins));
    oclrtMalloc(&d_out48, sizeof(out48));
    oclrtMalloc(&d_keys, sizeof(keys));
    oclrtMalloc(&d_maxes, sizeof(maxes));
    oclrtMalloc(&d_out16, sizeof(out16));
    oclrtMalloc(&d_field, sizeof(field));
    oclrtMalloc(&d_energy, sizeof(energy));
    oclrtMemcpy(d_in, in, sizeof(in), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_xs, xs, sizeof(xs), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_keys, keys, sizeof(keys), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_field, field, sizeof(field), oclrtMemcpyHostToDevice);
    cutrans_launch_block_sums_128(8, 128, 0, 0, d_in, d_sums, n);
    cutrans_launch_partial_tile_sums(tiles, 96, 0, 0, d_in, d_tiles, n);
    cutrans_launch_extremes(4, 128, 0, 0, d_keys, d_xs, d_maxes, d_mins);
    cutrans_launch_tile_energy(dim3(4, 2), dim3(16, 8), 0, 0, d_field, d_energy);
    cutrans_launch_block_of_48(4, 48, 0, 0, d_in, d_out48);
    cutrans_launch_block_of_16(4, 16, 0, 0, d_in, d_out16);
    oclrtMemcpy(sums, d_sums, sizeof(sums), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(tile_sums, d_tiles, sizeof(tile_sums), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(maxes, d_maxes, sizeof(maxes), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(mins, d_mins, sizeof(mins), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(energy, d_energy, sizeof(energy), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(out48, d_out48, sizeof(out48), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(out16, d_out16, sizeof(out16), oclrtMemcpyDeviceToHost);

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
    oclrtFree(d_in);
    oclrtFree(d_sums);
    oclrtFree(d_tiles);
    oclrtFree(d_xs);
    oclrtFree(d_mins);
    oclrtFree(d_out48);
    oclrtFree(d_keys);
    oclrtFree(d_maxes);
    oclrtFree(d_out16);
    oclrtFree(d_field);
    oclrtFree(d_energy);
    return 0;
}
