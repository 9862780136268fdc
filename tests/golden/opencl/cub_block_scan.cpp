#include "oclrt.h"
#include "cub_block_scan.launch.h"
// cub::BlockScan prefix sums of integers, as MoE token routing (vLLM's moe_align_block_size) and stream compaction
// write them: ExclusiveSum and InclusiveSum of one item per thread, with and without the block's total, a named
// object, an unsigned 64-bit scan whose sums wrap, and a 2-D block (the threads in row-major order). Integer sums do
// not depend on the order of the additions, so every target gives CUB's numbers.
#include <cstdio>
#include "oclrt_cub.h"

// each block compacts its nonzero flags: the exclusive sum is each kept item's slot, the total the block's count
/* cutrans: kernel 'compact' moved to cub_block_scan.cl */














// inclusive sums of 64-bit values near the top of the range (they wrap), through a named object, by a 16 x 4 block
/* cutrans: kernel 'wide_sums' moved to cub_block_scan.cl */













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
    oclrtMalloc(&d_flags, sizeof(flags));
    oclrtMalloc(&d_values, sizeof(values));
    oclrtMalloc(&d_out, sizeof(out));
    oclrtMalloc(&d_counts, sizeof(counts));
    oclrtMalloc(&d_excl, sizeof(excl));
    oclrtMalloc(&d_x, sizeof(x));
    oclrtMalloc(&d_incl, sizeof(incl));
    oclrtMemcpy(d_flags, flags, sizeof(flags), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_values, values, sizeof(values), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_x, x, sizeof(x), oclrtMemcpyHostToDevice);
    oclrtMemset(d_out, 0, sizeof(out));
    cutrans_launch_compact(blocks, 128, 0, 0, d_flags, d_values, d_out, d_counts);
    cutrans_launch_wide_sums(blocks, dim3(16, 4), 0, 0, d_x, d_incl, d_excl);
    oclrtMemcpy(out, d_out, sizeof(out), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(counts, d_counts, sizeof(counts), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(incl, d_incl, sizeof(incl), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(excl, d_excl, sizeof(excl), oclrtMemcpyDeviceToHost);

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
