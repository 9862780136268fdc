// Cooperative-groups tiles larger than a warp (CUDA 11.1+): a block of 256 threads hands its
// block_tile_memory to this_thread_block(), cuts tiles of 128 and 64 threads from it, and uses what
// CUDA gives such tiles: thread_rank, meta_group_rank/size, sync(), cg::reduce (plus, greater,
// bit_xor; int, float and double), shfl, any and all, and a warp tile cut from a multi-warp tile.
// The float and double sums are checked against a host sum with a tolerance; everything else exactly.
#include "cutrans_hip_cg.h"
#include "cutrans_hip_cg_reduce.h"
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"

namespace cg = cooperative_groups;

#define CHECK(call)                                                          \
    do {                                                                     \
        hipError_t err_ = (call);                                           \
        if (err_ != hipSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    hipGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define BLOCK 256
#define GRID 3
#define N (GRID * BLOCK)
#define BIG 128
#define SMALL 64

// One row per tile of 128 threads: its int sum, float sum, largest value, the xor of its values, the
// value its thread 5 holds, and whether any / all of its values are negative.
__global__ void tile_stats(const int *ints, const float *floats, int *isum, float *fsum, int *imax,
                           int *ixor, int *picked, int *votes)
{
    __shared__ cg::block_tile_memory<BLOCK> scratch;
    cg::thread_block block = cg::this_thread_block(scratch);
    cg::cutrans_thread_block_tile<BIG> tile = cg::cutrans_tiled_partition<BIG>(block);

    int i = blockIdx.x * BLOCK + block.thread_rank();
    int v = ints[i];
    int total = cg::reduce(tile, v, cg::plus<int>());
    float ftotal = cg::reduce(tile, floats[i], cg::plus<float>());
    int largest = cg::reduce(tile, v, cg::greater<int>());
    int bits = cg::reduce(tile, (int)(v * 2654435761u), cg::bit_xor<int>());
    int fifth = tile.shfl(v, 5);
    int any_negative = cutrans_tile_any(tile, v < 0);
    int all_small = cutrans_tile_all(tile, v < 1000);

    int row = blockIdx.x * cutrans_tile_meta_group_size(tile, 0) + cutrans_tile_meta_group_rank(tile, 0);
    if (tile.thread_rank() == 0) {
        isum[row] = total;
        fsum[row] = ftotal;
        imax[row] = largest;
        ixor[row] = bits;
        picked[row] = fifth;
        votes[row] = 2 * any_negative + all_small;
    }
}

// Tiles of 64 threads exchange through shared memory between sync()s; each 64-thread tile also cuts
// warp tiles and reduces a double over the big tile. out[i] = the next tile thread's value (mod 64)
// plus the warp's sum; dsum gets one double sum per 64-thread tile.
__global__ void tile_exchange(const int *in, int *out, double *dsum)
{
    __shared__ cg::block_tile_memory<BLOCK> scratch;
    __shared__ int stage[BLOCK];
    cg::thread_block block = cg::this_thread_block(scratch);
    cg::cutrans_thread_block_tile<SMALL> tile = cg::cutrans_tiled_partition<SMALL>(block);
    cg::cutrans_thread_block_tile<32> warp = cg::cutrans_tiled_partition<32>(tile);

    unsigned t = block.thread_rank();
    int v = in[blockIdx.x * BLOCK + t];
    stage[t] = v;
    tile.sync();
    unsigned base = cutrans_tile_meta_group_rank(tile, 0) * SMALL;
    int next = stage[base + (tile.thread_rank() + 1) % SMALL];
    int warp_total = cg::reduce(warp, v, cg::plus<int>());
    double d = cg::reduce(tile, 0.5 * v + 0.125, cg::plus<double>());
    out[blockIdx.x * BLOCK + t] = next + warp_total + (int)cutrans_tile_meta_group_rank(warp, 64);
    if (tile.thread_rank() == 0) {
        dsum[blockIdx.x * (BLOCK / SMALL) + cutrans_tile_meta_group_rank(tile, 0)] = d;
    }
}

int main()
{
    const int rows = N / BIG;
    int h_ints[N], h_out[N];
    float h_floats[N];
    int isum[rows], imax[rows], ixor[rows], picked[rows], votes[rows];
    float fsum[rows];
    double dsum[N / SMALL];
    for (int i = 0; i < N; ++i) {
        h_ints[i] = (i * 7919) % 1999 - 999 + (i / BIG == 1 ? 1000 : 0);   // tile 1 has no negative value
        h_floats[i] = (float)((i * 131) % 97) * 0.37f - 11.0f;
    }

    int *d_ints, *d_isum, *d_imax, *d_ixor, *d_picked, *d_votes, *d_out;
    float *d_floats, *d_fsum;
    double *d_dsum;
    CHECK(hipMalloc(&d_ints, sizeof h_ints));
    CHECK(hipMalloc(&d_floats, sizeof h_floats));
    CHECK(hipMalloc(&d_out, sizeof h_out));
    CHECK(hipMalloc(&d_isum, sizeof isum));
    CHECK(hipMalloc(&d_fsum, sizeof fsum));
    CHECK(hipMalloc(&d_imax, sizeof imax));
    CHECK(hipMalloc(&d_ixor, sizeof ixor));
    CHECK(hipMalloc(&d_picked, sizeof picked));
    CHECK(hipMalloc(&d_votes, sizeof votes));
    CHECK(hipMalloc(&d_dsum, sizeof dsum));
    CHECK(hipMemcpy(d_ints, h_ints, sizeof h_ints, hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_floats, h_floats, sizeof h_floats, hipMemcpyHostToDevice));

    tile_stats<<<GRID, BLOCK>>>(d_ints, d_floats, d_isum, d_fsum, d_imax, d_ixor, d_picked, d_votes);
    CHECK(hipGetLastError());
    tile_exchange<<<GRID, BLOCK>>>(d_ints, d_out, d_dsum);
    CHECK(hipGetLastError());
    CHECK(hipMemcpy(isum, d_isum, sizeof isum, hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(fsum, d_fsum, sizeof fsum, hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(imax, d_imax, sizeof imax, hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(ixor, d_ixor, sizeof ixor, hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(picked, d_picked, sizeof picked, hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(votes, d_votes, sizeof votes, hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(h_out, d_out, sizeof h_out, hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(dsum, d_dsum, sizeof dsum, hipMemcpyDeviceToHost));

    int bad = 0;
    for (int r = 0; r < rows; ++r) {
        int s = 0, m = h_ints[r * BIG], x = 0, neg = 0, small = 1;
        double f = 0.0;
        for (int j = r * BIG; j < (r + 1) * BIG; ++j) {
            s += h_ints[j];
            m = h_ints[j] > m ? h_ints[j] : m;
            x ^= (int)(h_ints[j] * 2654435761u);
            neg |= h_ints[j] < 0;
            small &= h_ints[j] < 1000;
            f += h_floats[j];
        }
        bad += s != isum[r] || m != imax[r] || x != ixor[r] || picked[r] != h_ints[r * BIG + 5];
        bad += votes[r] != 2 * neg + small || fabs(f - fsum[r]) > 1e-3;
        printf("tile %d: sum %d, float sum %.3f, max %d, xor %d, thread 5 %d, votes %d\n", r, isum[r], fsum[r],
               imax[r], ixor[r], picked[r], votes[r]);
    }
    for (int i = 0; i < N; ++i) {
        int tile_base = i - i % SMALL, warp_base = i - i % 32, w = 0;
        for (int j = warp_base; j < warp_base + 32; ++j) {
            w += h_ints[j];
        }
        int expect = h_ints[tile_base + (i % SMALL + 1) % SMALL] + w + (i % SMALL) / 32;
        bad += h_out[i] != expect;
    }
    for (int t = 0; t < N / SMALL; ++t) {
        double d = 0.0;
        for (int j = t * SMALL; j < (t + 1) * SMALL; ++j) {
            d += 0.5 * h_ints[j] + 0.125;
        }
        bad += fabs(d - dsum[t]) > 1e-9;
        printf("tile of 64 %d: double sum %.3f\n", t, dsum[t]);
    }
    for (int i = 0; i < N; i += 41) {
        printf("out[%d] = %d\n", i, h_out[i]);
    }
    CHECK(hipFree(d_ints));
    CHECK(hipFree(d_floats));
    CHECK(hipFree(d_out));
    CHECK(hipFree(d_isum));
    CHECK(hipFree(d_fsum));
    CHECK(hipFree(d_imax));
    CHECK(hipFree(d_ixor));
    CHECK(hipFree(d_picked));
    CHECK(hipFree(d_votes));
    CHECK(hipFree(d_dsum));
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad ? 1 : 0;
}
