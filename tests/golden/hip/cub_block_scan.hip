#include <hip/hip_runtime.h>
// cub::BlockScan prefix sums of integers, as MoE token routing (vLLM's moe_align_block_size) and stream compaction
// write them: ExclusiveSum and InclusiveSum of one item per thread, with and without the block's total, a named
// object, an unsigned 64-bit scan whose sums wrap, and a 2-D block (the threads in row-major order). Integer sums do
// not depend on the order of the additions, so every target gives CUB's numbers.
#include <cstdio>
#include <hipcub/hipcub.hpp>

// each block compacts its nonzero flags: the exclusive sum is each kept item's slot, the total the block's count
__global__ void compact(const int *flags, const int *values, int *out, int *counts)
{
    using BlockScan = hipcub::BlockScan<int, 128>;
    __shared__ typename BlockScan::TempStorage temp;
    int i = blockIdx.x * 128 + threadIdx.x;
    int keep = flags[i] != 0, slot, total;
    BlockScan(temp).ExclusiveSum(keep, slot, total);
    if (keep) {
        out[blockIdx.x * 128 + slot] = values[i];
    }
    if (threadIdx.x == 0) {
        counts[blockIdx.x] = total;
    }
}

// inclusive sums of 64-bit values near the top of the range (they wrap), through a named object, by a 16 x 4 block
__global__ void wide_sums(const unsigned long long *x, unsigned long long *incl, int *excl)
{
    __shared__ typename hipcub::BlockScan<unsigned long long, 16, hipcub::BLOCK_SCAN_WARP_SCANS, 4>::TempStorage temp;
    __shared__ typename hipcub::BlockScan<int, 16, hipcub::BLOCK_SCAN_RAKING, 4>::TempStorage itemp;
    int t = threadIdx.y * 16 + threadIdx.x, i = blockIdx.x * 64 + t;
    hipcub::BlockScan<unsigned long long, 16, hipcub::BLOCK_SCAN_WARP_SCANS, 4> scan(temp);
    unsigned long long s;
    scan.InclusiveSum(x[i], s);
    incl[i] = s;
    int e;
    hipcub::BlockScan<int, 16, hipcub::BLOCK_SCAN_RAKING, 4>(itemp).ExclusiveSum((int)(x[i] % 7u), e);
    excl[i] = e;
}

int main()
{
    const int blocks = 3;
    static int flags[blocks * 128], values[blocks * 128], out[blocks * 128], counts[blocks], excl[blocks * 64];
    static unsigned long long x[blocks * 64], incl[blocks * 64];
    unsigned state = 3u;
    for (int i = 0; i < blocks * 128; ++i) {
        state = state * 1664525u + 1013904223u;
        flags[i] = (state >> 13) % 3u == 0u;
        values[i] = (int)(state >> 16) - 32768;
    }
    for (int i = 0; i < blocks * 64; ++i) {
        state = state * 1664525u + 1013904223u;
        x[i] = 0xfffffffffffff000ull + (state >> 20);
    }
    int *d_flags, *d_values, *d_out, *d_counts, *d_excl;
    unsigned long long *d_x, *d_incl;
    hipMalloc(&d_flags, sizeof(flags));
    hipMalloc(&d_values, sizeof(values));
    hipMalloc(&d_out, sizeof(out));
    hipMalloc(&d_counts, sizeof(counts));
    hipMalloc(&d_excl, sizeof(excl));
    hipMalloc(&d_x, sizeof(x));
    hipMalloc(&d_incl, sizeof(incl));
    hipMemcpy(d_flags, flags, sizeof(flags), hipMemcpyHostToDevice);
    hipMemcpy(d_values, values, sizeof(values), hipMemcpyHostToDevice);
    hipMemcpy(d_x, x, sizeof(x), hipMemcpyHostToDevice);
    hipMemset(d_out, 0, sizeof(out));
    compact<<<blocks, 128>>>(d_flags, d_values, d_out, d_counts);
    wide_sums<<<blocks, dim3(16, 4)>>>(d_x, d_incl, d_excl);
    hipMemcpy(out, d_out, sizeof(out), hipMemcpyDeviceToHost);
    hipMemcpy(counts, d_counts, sizeof(counts), hipMemcpyDeviceToHost);
    hipMemcpy(incl, d_incl, sizeof(incl), hipMemcpyDeviceToHost);
    hipMemcpy(excl, d_excl, sizeof(excl), hipMemcpyDeviceToHost);

    int bad = 0;
    for (int b = 0; b < blocks; ++b) {
        int n = 0;
        long long check = 0;
        for (int t = 0; t < 128; ++t) {
            if (flags[b * 128 + t]) {
                bad += out[b * 128 + n] != values[b * 128 + t];
                check += (long long)out[b * 128 + n] * (n + 1);
                ++n;
            }
        }
        bad += counts[b] != n;
        unsigned long long run = 0;
        int erun = 0;
        for (int t = 0; t < 64; ++t) {
            run += x[b * 64 + t];
            bad += incl[b * 64 + t] != run || excl[b * 64 + t] != erun;
            erun += (int)(x[b * 64 + t] % 7u);
        }
        printf("block %d: %d kept, weighted %lld; last inclusive sum %llu, last exclusive %d\n", b, counts[b], check,
               incl[b * 64 + 63], excl[b * 64 + 63]);
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
