#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"
// Cooperative groups passed to device functions (cuda-samples' reduction: `cg_reduce_n(v, tile)` with a
// `template <typename T, typename Group>` parameter). A group has no state in the translation: the callee is
// made once per group it is given (a tile of 32, a tile of 8 cut from it, the thread block), and inside it
// the parameter stands for that group, through a reference or a copy, in a template or a plain function.
#include "cutrans_hip_cg.h"
#include "cutrans_hip_cg_reduce.h"
#include <cstdio>
#include <cstdlib>

namespace cg = cooperative_groups;

template <typename T, typename Group> __device__ T group_sum(T v, Group &g) {
    return cg::reduce(g, v, cg::plus<T>());
}

// A plain function taking a tile by value: its rank and size come from the tile it is called with
// (the place of the tile's previous thread, cyclically).
__device__ unsigned previous_in(cg::thread_block_tile<8> t, unsigned base) {
    return base + (t.thread_rank() + t.size() - 1) % t.size();
}

__device__ void store_after_barrier(cg::thread_block &block, int *out, int value) {
    block.sync();
    out[blockIdx.x * block.size() + block.thread_rank()] = value;
}

__global__ void tile_sums(const int *in, int *warp_sums, int *eighth_sums, unsigned *places) {
    cg::thread_block block = cg::this_thread_block();
    cg::thread_block_tile<32> warp = cg::tiled_partition<32>(block);
    cg::thread_block_tile<8> eighth = cg::tiled_partition<8>(warp);
    unsigned i = blockIdx.x * blockDim.x + threadIdx.x;
    int v = in[i];
    int w = group_sum(v, warp);
    int e = group_sum(v, eighth);
    places[i] = previous_in(eighth, cutrans_tile_meta_group_rank(warp, 0) * 32u + cutrans_tile_meta_group_rank(eighth, 32) * 8u);
    store_after_barrier(block, warp_sums, w);
    store_after_barrier(block, eighth_sums, e);
}

__global__ void float_block_sum(const float *in, float *out) {
    cg::thread_block block = cg::this_thread_block();
    cg::thread_block_tile<32> warp = cg::tiled_partition<32>(block);
    float s = group_sum(in[blockIdx.x * blockDim.x + threadIdx.x], warp);
    if (warp.thread_rank() == 0) out[blockIdx.x * (blockDim.x / 32) + cutrans_tile_meta_group_rank(warp, 0)] = s;
}

int main() {
    const int blocks = 3, threads = 128, n = blocks * threads;
    int *x = (int *)malloc(n * sizeof(int)), *ws = (int *)malloc(n * sizeof(int));
    int *es = (int *)malloc(n * sizeof(int));
    unsigned *pl = (unsigned *)malloc(n * sizeof(unsigned));
    float *xf = (float *)malloc(n * sizeof(float)), fs[n / 32];
    for (int i = 0; i < n; ++i) {
        x[i] = (i * 53) % 101 - 50;
        xf[i] = 0.25f * (float)((i * 7) % 19) - 2.0f;
    }
    int *dx, *dws, *des;
    unsigned *dpl;
    float *dxf, *dfs;
    hipMalloc((void **)&dx, n * sizeof(int));
    hipMalloc((void **)&dws, n * sizeof(int));
    hipMalloc((void **)&des, n * sizeof(int));
    hipMalloc((void **)&dpl, n * sizeof(unsigned));
    hipMalloc((void **)&dxf, n * sizeof(float));
    hipMalloc((void **)&dfs, sizeof fs);
    hipMemcpy(dx, x, n * sizeof(int), hipMemcpyHostToDevice);
    hipMemcpy(dxf, xf, n * sizeof(float), hipMemcpyHostToDevice);
    hipLaunchKernelGGL(tile_sums, dim3(blocks), dim3(threads), 0, 0, dx, dws, des, dpl);
    hipLaunchKernelGGL(float_block_sum, dim3(blocks), dim3(threads), 0, 0, dxf, dfs);
    hipMemcpy(ws, dws, n * sizeof(int), hipMemcpyDeviceToHost);
    hipMemcpy(es, des, n * sizeof(int), hipMemcpyDeviceToHost);
    hipMemcpy(pl, dpl, n * sizeof(unsigned), hipMemcpyDeviceToHost);
    hipMemcpy(fs, dfs, sizeof fs, hipMemcpyDeviceToHost);
    int wrong = 0;
    for (int i = 0; i < n; ++i) {
        int w = 0, e = 0;
        for (int j = i & ~31; j < (i & ~31) + 32; ++j) w += x[j];
        for (int j = i & ~7; j < (i & ~7) + 8; ++j) e += x[j];
        wrong += ws[i] != w || es[i] != e || pl[i] != (unsigned)((i % threads & ~7) + (i + 7) % 8);
    }
    for (int k = 0; k < n / 32; k += 5) printf("warp %d: sum %d, float sum %.3f\n", k, ws[k * 32], fs[k]);
    printf("eighth sums: %d %d %d, places: %u %u\n", es[0], es[8], es[n - 1], pl[9], pl[n - 1]);
    hipFree(dx); hipFree(dws); hipFree(des); hipFree(dpl); hipFree(dxf); hipFree(dfs);
    free(x); free(ws); free(es); free(pl); free(xf);
    printf("%s\n", wrong ? "FAIL" : "PASS");
    return wrong != 0;
}
