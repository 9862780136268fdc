// Cooperative-groups tiles larger than a warp (CUDA 11.1+): a block of 256 threads hands its
// block_tile_memory to this_thread_block(), cuts tiles of 128 and 64 threads from it, and uses what
// CUDA gives such tiles: thread_rank, meta_group_rank/size, sync(), cg::reduce (plus, greater,
// bit_xor; int, float and double), shfl, any and all, and a warp tile cut from a multi-warp tile.
// The float and double sums are checked against a host sum with a tolerance; everything else exactly.
namespace cooperative_groups {}  /* cutrans: <cooperative_groups.h> is device-only */
namespace cooperative_groups {}  /* cutrans: <cooperative_groups/reduce.h> is device-only */
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "multi_warp_tiles.launch.h"

namespace cg = cooperative_groups;

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
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
/* cutrans: kernel 'tile_stats' moved to multi_warp_tiles.cl */



























// Tiles of 64 threads exchange through shared memory between sync()s; each 64-thread tile also cuts
// warp tiles and reduces a double over the big tile. out[i] = the next tile thread's value (mod 64)
// plus the warp's sum; dsum gets one double sum per 64-thread tile.
/* cutrans: kernel 'tile_exchange' moved to multi_warp_tiles.cl */





















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
    CHECK(oclrtMalloc(&d_ints, sizeof h_ints));
    CHECK(oclrtMalloc(&d_floats, sizeof h_floats));
    CHECK(oclrtMalloc(&d_out, sizeof h_out));
    CHECK(oclrtMalloc(&d_isum, sizeof isum));
    CHECK(oclrtMalloc(&d_fsum, sizeof fsum));
    CHECK(oclrtMalloc(&d_imax, sizeof imax));
    CHECK(oclrtMalloc(&d_ixor, sizeof ixor));
    CHECK(oclrtMalloc(&d_picked, sizeof picked));
    CHECK(oclrtMalloc(&d_votes, sizeof votes));
    CHECK(oclrtMalloc(&d_dsum, sizeof dsum));
    CHECK(oclrtMemcpy(d_ints, h_ints, sizeof h_ints, oclrtMemcpyHostToDevice));
    CHECK(oclrtMemcpy(d_floats, h_floats, sizeof h_floats, oclrtMemcpyHostToDevice));

    cutrans_launch_tile_stats(GRID, BLOCK, 0, 0, d_ints, d_floats, d_isum, d_fsum, d_imax, d_ixor, d_picked, d_votes);
    CHECK(oclrtGetLastError());
    cutrans_launch_tile_exchange(GRID, BLOCK, 0, 0, d_ints, d_out, d_dsum);
    CHECK(oclrtGetLastError());
    CHECK(oclrtMemcpy(isum, d_isum, sizeof isum, oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(fsum, d_fsum, sizeof fsum, oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(imax, d_imax, sizeof imax, oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(ixor, d_ixor, sizeof ixor, oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(picked, d_picked, sizeof picked, oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(votes, d_votes, sizeof votes, oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(h_out, d_out, sizeof h_out, oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(dsum, d_dsum, sizeof dsum, oclrtMemcpyDeviceToHost));

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
    CHECK(oclrtFree(d_ints));
    CHECK(oclrtFree(d_floats));
    CHECK(oclrtFree(d_out));
    CHECK(oclrtFree(d_isum));
    CHECK(oclrtFree(d_fsum));
    CHECK(oclrtFree(d_imax));
    CHECK(oclrtFree(d_ixor));
    CHECK(oclrtFree(d_picked));
    CHECK(oclrtFree(d_votes));
    CHECK(oclrtFree(d_dsum));
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad ? 1 : 0;
}
