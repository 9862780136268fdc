// Cooperative groups: thread blocks and their sync, static tiles of 32, 16 and 4 threads, a tile cut
// from a tile, a dynamic tiled_partition(g, 8), cg::reduce with every operator (float sums in the
// emulation's butterfly order, so they agree bit for bit), tile shuffles, votes and ballots,
// thread_rank / size / meta_group_rank / meta_group_size, and the cuda-samples pattern
// `if (cta.thread_rank() < 32) { tile32.shfl_down(...) }`. Written for 32-lane warps.
#include <cstdio>
#include <cstdlib>
namespace cooperative_groups {}  /* cutrans: <cooperative_groups.h> is device-only */
namespace cooperative_groups {}  /* cutrans: <cooperative_groups/reduce.h> is device-only */
#include "oclrt.h"
#include "cooperative_groups_reduce.launch.h"

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

#define BLOCK 128
#define GRID 3
#define N (GRID * BLOCK)
#define FIELDS 10

// One record of FIELDS ints per thread, and per-tile float sums and extremes.
/* cutrans: kernel 'tile_reductions' moved to cooperative_groups_reduce.cl */

































// cuda-samples' reduce6 ending: a shared-memory tree down to 64 values, then the first warp adds
// pairs and finishes with tile shuffles.
/* cutrans: kernel 'block_sum' moved to cooperative_groups_reduce.cl */























int main()
{
    float h_x[N];
    int h_k[N];
    for (int i = 0; i < N; ++i) {
        h_x[i] = (float)((i * 73) % 211) / 7.0f - 10.0f;
        h_k[i] = (i * 37) % 101;
    }
    float *d_x, *d_sum, *d_max, *d_min, *d_block;
    int *d_k, *d_rec;
    CHECK(oclrtMalloc((void **)&d_x, N * sizeof(float)));
    CHECK(oclrtMalloc((void **)&d_k, N * sizeof(int)));
    CHECK(oclrtMalloc((void **)&d_rec, N * FIELDS * sizeof(int)));
    CHECK(oclrtMalloc((void **)&d_sum, N / 32 * sizeof(float)));
    CHECK(oclrtMalloc((void **)&d_max, N * sizeof(float)));
    CHECK(oclrtMalloc((void **)&d_min, N * sizeof(float)));
    CHECK(oclrtMalloc((void **)&d_block, GRID * sizeof(float)));
    CHECK(oclrtMemcpy(d_x, h_x, N * sizeof(float), oclrtMemcpyHostToDevice));
    CHECK(oclrtMemcpy(d_k, h_k, N * sizeof(int), oclrtMemcpyHostToDevice));
    cutrans_launch_tile_reductions(GRID, BLOCK, 0, 0, d_x, d_k, d_rec, d_sum, d_max, d_min);
    cutrans_launch_block_sum(GRID, BLOCK, 0, 0, d_x, d_block);
    CHECK(oclrtGetLastError());
    static int h_rec[N * FIELDS];
    float h_sum[N / 32], h_max[N], h_min[N], h_block[GRID];
    CHECK(oclrtMemcpy(h_rec, d_rec, N * FIELDS * sizeof(int), oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(h_sum, d_sum, N / 32 * sizeof(float), oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(h_max, d_max, N * sizeof(float), oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(h_min, d_min, N * sizeof(float), oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(h_block, d_block, GRID * sizeof(float), oclrtMemcpyDeviceToHost));
    int bad = 0;
    for (int f = 0; f < FIELDS; ++f) {
        long long checksum = 0;
        for (int i = 0; i < N; ++i) {
            checksum += h_rec[i * FIELDS + f] * (long long)(i % 13 + 1);
        }
        printf("field %d: checksum %lld, thread 37: %d\n", f, checksum, h_rec[37 * FIELDS + f]);
    }
    for (int w = 0; w < N / 32; ++w) {
        int want = 0;
        for (int l = 0; l < 32; ++l) {
            want += h_k[w * 32 + l];
        }
        bad += h_rec[w * 32 * FIELDS] != want;
        printf("warp %2d: sum %.6f max %.6f min %.6f\n", w, h_sum[w], h_max[w * 32 + 17], h_min[w * 32 + 6]);
    }
    for (int b = 0; b < GRID; ++b) {
        double want = 0.0;
        for (int t = 0; t < BLOCK; ++t) {
            want += h_x[b * BLOCK + t];
        }
        printf("block %d sum %.6f\n", b, h_block[b]);
        bad += h_block[b] < want - 1e-2 || h_block[b] > want + 1e-2;
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad ? 1 : 0;
}
