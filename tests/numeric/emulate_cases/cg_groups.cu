// Cooperative groups on the emulation: block and tile ranks, tile shuffles and votes, cg::reduce,
// dynamic tiles, grid ranks. Every line printed is checked against hand-derived values.
#include <cstdio>
#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>

namespace cg = cooperative_groups;

#define THREADS 64

__global__ void groups(int *out)
{
    cg::thread_block block = cg::this_thread_block();
    cg::thread_block_tile<32> warp = cg::tiled_partition<32>(block);
    cg::thread_block_tile<16> half = cg::tiled_partition<16>(block);
    cg::thread_block_tile<8> eighth = cg::tiled_partition<8>(block);
    cg::thread_group dyn = cg::tiled_partition(block, 4);
    const int r = block.thread_rank();
    int *o = out + r * 12;
    o[0] = cg::reduce(warp, r + 1, cg::plus<int>());
    o[1] = half.thread_rank() + 100 * (int)half.meta_group_rank();
    o[2] = (int)half.meta_group_size();
    o[3] = eighth.shfl_down(r, 1);
    o[4] = eighth.shfl_up(r, 2);
    o[5] = eighth.shfl_xor(r, 5);
    o[6] = eighth.shfl(r, 7);
    o[7] = (int)half.ballot(half.thread_rank() % 3 == 0);
    o[8] = half.any(r == 20) + 10 * half.all(r < 40);
    o[9] = cg::reduce(half, (r * 7) % 23, cg::less<int>()) + 100 * cg::reduce(half, (r * 7) % 23, cg::greater<int>());
    o[10] = (int)dyn.thread_rank() + 10 * (int)dyn.size();
    o[11] = (int)cg::this_grid().thread_rank() + 1000 * (int)cg::this_grid().size();
    cg::sync(block);
}

// A block-wide sum: per-warp cg::reduce, partial sums through shared memory, block.sync().
__global__ void block_sum(const float *in, float *out)
{
    __shared__ float partial[THREADS / 32];
    cg::thread_block block = cg::this_thread_block();
    cg::thread_block_tile<32> warp = cg::tiled_partition<32>(block);
    float v = cg::reduce(warp, in[block.group_index().x * block.size() + block.thread_rank()], cg::plus<float>());
    if (warp.thread_rank() == 0) {
        partial[warp.meta_group_rank()] = v;
    }
    block.sync();
    if (block.thread_rank() == 0) {
        out[blockIdx.x] = partial[0] + partial[1];
    }
}

int main()
{
    int *out;
    cudaMallocManaged(&out, THREADS * 12 * sizeof(int));
    groups<<<1, THREADS>>>(out);
    cudaDeviceSynchronize();
    printf("block %d dims %u\n", THREADS, cg::this_thread_block().size());
    for (int t : {0, 5, 31, 32, 63}) {
        printf("t%d:", t);
        for (int k = 0; k < 12; ++k) {
            printf(" %d", out[t * 12 + k]);
        }
        printf("\n");
    }
    float *in, *sums;
    cudaMallocManaged(&in, 2 * THREADS * sizeof(float));
    cudaMallocManaged(&sums, 2 * sizeof(float));
    for (int i = 0; i < 2 * THREADS; ++i) {
        in[i] = (float)i;
    }
    block_sum<<<2, THREADS>>>(in, sums);
    cudaDeviceSynchronize();
    printf("block sums %.1f %.1f\n", sums[0], sums[1]);
    return 0;
}
