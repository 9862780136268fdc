// Warp votes: __ballot_sync, __any_sync, __all_sync, __popc of a ballot and __activemask in
// converged code, with 72 threads per block: two full warps and a warp of 8 lanes. Ballot bits
// of lanes that do not exist are 0, and __activemask() names the lanes that exist.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        hipError_t err_ = (call);                                           \
        if (err_ != hipSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    hipGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define FULL_MASK 0xffffffffu
#define BLOCK 72
#define GRID 3
#define WARPS ((BLOCK + 31) / 32)

// One record per warp: ballot, any, all, popcount of the ballot, active mask, and the number of
// lanes whose neighbour above has the predicate too (a ballot read per lane).
__global__ void votes(const int *data, int threshold, unsigned *out)
{
    int t = threadIdx.x;
    int lane = t % 32;
    int i = blockIdx.x * blockDim.x + t;
    int pred = data[i] > threshold;
    unsigned ballot = cutrans_warp32_ballot_sync(FULL_MASK, pred);
    int any = cutrans_warp32_any_sync(FULL_MASK, pred);
    int all = cutrans_warp32_all_sync(FULL_MASK, pred);
    unsigned active = cutrans_warp32_activemask();
    __syncwarp();
    int pairs = __popc(cutrans_warp32_ballot_sync(FULL_MASK, pred && (ballot >> ((lane + 1) % 32)) & 1u));
    if (lane == 0) {
        unsigned *rec = out + 6 * (blockIdx.x * WARPS + t / 32);
        rec[0] = ballot;
        rec[1] = any;
        rec[2] = all;
        rec[3] = __popc(ballot);
        rec[4] = active;
        rec[5] = pairs;
    }
}

int main()
{
    const int n = GRID * BLOCK;
    int h_data[n];
    for (int i = 0; i < n; ++i) {
        int b = i / BLOCK, t = i % BLOCK;
        // block 0: every third thread; block 1: all but thread 5 of warp 0, none in warp 1;
        // block 2: everything (so __all_sync is true in every warp, the short one too)
        h_data[i] = b == 0 ? (t % 3 == 0 ? 10 : 0) : b == 1 ? (t < 32 ? (t == 5 ? 0 : 10) : t >= 64 ? 10 : 0) : 10;
    }
    int *d_data;
    unsigned *d_out;
    const int records = GRID * WARPS * 6;
    CHECK(hipMalloc((void **)&d_data, n * sizeof(int)));
    CHECK(hipMalloc((void **)&d_out, records * sizeof(unsigned)));
    CHECK(hipMemcpy(d_data, h_data, n * sizeof(int), hipMemcpyHostToDevice));
    CHECK(hipMemset(d_out, 0, records * sizeof(unsigned)));
    votes<<<GRID, BLOCK>>>(d_data, 5, d_out);
    CHECK(hipGetLastError());
    unsigned h_out[GRID * WARPS * 6];
    CHECK(hipMemcpy(h_out, d_out, records * sizeof(unsigned), hipMemcpyDeviceToHost));

    int bad = 0;
    for (int w = 0; w < GRID * WARPS; ++w) {
        const unsigned *r = h_out + 6 * w;
        int lanes = (w % WARPS) * 32 + 32 <= BLOCK ? 32 : BLOCK % 32;
        unsigned live = lanes == 32 ? FULL_MASK : (1u << lanes) - 1u;
        unsigned want = 0;
        for (int l = 0; l < lanes; ++l) {
            want |= (unsigned)(h_data[(w / WARPS) * BLOCK + (w % WARPS) * 32 + l] > 5) << l;
        }
        printf("block %d warp %d: ballot %08x any %u all %u popc %2u active %08x pairs %2u\n", w / WARPS,
               w % WARPS, r[0], r[1], r[2], r[3], r[4], r[5]);
        bad += r[0] != want || r[1] != (want != 0) || r[2] != (want == live) || r[4] != live;
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad ? 1 : 0;
}
