// Cooperative groups: thread blocks and their sync, static tiles of 32, 16 and 4 threads, a tile cut
// from a tile, a dynamic tiled_partition(g, 8), cg::reduce with every operator (float sums in the
// emulation's butterfly order, so they agree bit for bit), tile shuffles, votes and ballots,
// thread_rank / size / meta_group_rank / meta_group_size, and the cuda-samples pattern
// `if (cta.thread_rank() < 32) { tile32.shfl_down(...) }`. Written for 32-lane warps.
#include <cstdio>
#include <cstdlib>
#include "cutrans_hip_cg.h"
#include "cutrans_hip_cg_reduce.h"
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

#define BLOCK 128
#define GRID 3
#define N (GRID * BLOCK)
#define FIELDS 10

// One record of FIELDS ints per thread, and per-tile float sums and extremes.
__global__ void tile_reductions(const float *xs, const int *ks, int *rec, float *fsum, float *fmax, float *fmin)
{
    cg::thread_block cta = cg::this_thread_block();
    cg::thread_block_tile<32> warp = cg::tiled_partition<32>(cta);
    cg::thread_block_tile<16> half = cg::tiled_partition<16>(warp);
    auto quad = cg::tiled_partition<4>(cta);
    cg::thread_group eight = cg::tiled_partition(cta, 8);
    unsigned i = blockIdx.x * cta.size() + cta.thread_rank();
    float x = xs[i];
    int k = ks[i];
    int *r = rec + FIELDS * i;
    r[0] = cg::reduce(warp, k, cg::plus<int>());
    r[1] = cg::reduce(half, k, cg::bit_xor<int>());
    r[2] = cg::reduce(quad, k, cg::bit_or<int>()) + 1000 * cg::reduce(quad, k, cg::bit_and<int>());
    r[3] = cg::reduce(warp, k, cg::less<int>()) * 1000 + cg::reduce(half, k, cg::greater<int>());
    r[4] = half.shfl(k, 5) + 1000 * quad.shfl_xor(k, 1);
    r[5] = warp.shfl_down(k, 3) - warp.shfl_up(k, 2);
    r[6] = (int)cutrans_tile_ballot(half, k % 3 == 0) + 100000 * cutrans_tile_any(warp, k > 90) + 1000000 * cutrans_tile_all(quad, k > 10);
    r[7] = (int)(cutrans_tile_meta_group_rank(half, 32) * 100 + cutrans_tile_meta_group_size(half, 32) * 10000 + cutrans_tile_meta_group_rank(quad, 0));
    r[8] = (int)(eight.thread_rank() + 10 * eight.size() + 1000 * half.thread_rank() + 100000 * quad.size());
    cg::sync(cta);
    cta.sync();
    warp.sync();
    r[9] = (int)(cg::reduce(quad, (unsigned)k * 3u, cg::plus<unsigned>()));
    float s = cg::reduce(warp, x, cg::plus<float>());
    float hi = cg::reduce(half, x, cg::greater<float>{});
    float lo = cg::reduce(quad, x, cg::less<float>{});
    if (warp.thread_rank() == 0) {
        fsum[i / 32] = s;
    }
    fmax[i] = hi;
    fmin[i] = lo;
}

// cuda-samples' reduce6 ending: a shared-memory tree down to 64 values, then the first warp adds
// pairs and finishes with tile shuffles.
__global__ void block_sum(const float *xs, float *out)
{
    cg::thread_block cta = cg::this_thread_block();
    __shared__ float sdata[BLOCK];
    unsigned tid = cta.thread_rank();
    float mySum = xs[blockIdx.x * BLOCK + tid];
    sdata[tid] = mySum;
    cg::sync(cta);
    if (tid < 64) {
        sdata[tid] = mySum = mySum + sdata[tid + 64];
    }
    cg::sync(cta);
    cg::thread_block_tile<32> tile32 = cg::tiled_partition<32>(cta);
    if (cta.thread_rank() < 32) {
        mySum += sdata[tid + 32];
        for (int offset = tile32.size() / 2; offset > 0; offset /= 2) {
            mySum += tile32.shfl_down(mySum, offset);
        }
    }
    if (cta.thread_rank() == 0) {
        out[blockIdx.x] = mySum;
    }
}

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
    CHECK(hipMalloc((void **)&d_x, N * sizeof(float)));
    CHECK(hipMalloc((void **)&d_k, N * sizeof(int)));
    CHECK(hipMalloc((void **)&d_rec, N * FIELDS * sizeof(int)));
    CHECK(hipMalloc((void **)&d_sum, N / 32 * sizeof(float)));
    CHECK(hipMalloc((void **)&d_max, N * sizeof(float)));
    CHECK(hipMalloc((void **)&d_min, N * sizeof(float)));
    CHECK(hipMalloc((void **)&d_block, GRID * sizeof(float)));
    CHECK(hipMemcpy(d_x, h_x, N * sizeof(float), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_k, h_k, N * sizeof(int), hipMemcpyHostToDevice));
    tile_reductions<<<GRID, BLOCK>>>(d_x, d_k, d_rec, d_sum, d_max, d_min);
    block_sum<<<GRID, BLOCK>>>(d_x, d_block);
    CHECK(hipGetLastError());
    static int h_rec[N * FIELDS];
    float h_sum[N / 32], h_max[N], h_min[N], h_block[GRID];
    CHECK(hipMemcpy(h_rec, d_rec, N * FIELDS * sizeof(int), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(h_sum, d_sum, N / 32 * sizeof(float), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(h_max, d_max, N * sizeof(float), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(h_min, d_min, N * sizeof(float), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(h_block, d_block, GRID * sizeof(float), hipMemcpyDeviceToHost));
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
