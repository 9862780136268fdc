// Regression sample: a barrier chosen by the conditional operator, written as a statement
// (HeCBench bitpermute: `(Z_COUNT > WARP_SZ) ? __syncthreads() : __syncwarp();`). A barrier may only be a
// statement, so the frontend refused it (L001); it is now lowered as an if with one barrier in each arm.
#include <cstdio>
#include "cpurt.h"
#include "conditional_operator_barrier.launch.h"

/* cutrans: kernel 'rotate' moved to conditional_operator_barrier.kernels.c */















int main()
{
    const int n = 256;
    int h[n];
    for (int i = 0; i < n; ++i) {
        h[i] = i * 7 % 101;
    }
    int *d_in, *d_out;
    cpurtMalloc((void **)&d_in, sizeof h);
    cpurtMalloc((void **)&d_out, sizeof h);
    cpurtMemcpy(d_in, h, sizeof h, cpurtMemcpyHostToDevice);
    int out_small[n], out_large[n];
    cutrans_launch_rotate_16(2, 128, 0, 0, d_in, d_out, n);
    cpurtMemcpy(out_small, d_out, sizeof out_small, cpurtMemcpyDeviceToHost);
    cutrans_launch_rotate_64(2, 128, 0, 0, d_in, d_out, n);
    cpurtMemcpy(out_large, d_out, sizeof out_large, cpurtMemcpyDeviceToHost);
    int errors = 0;
    long sum = 0;
    for (int i = 0; i < n; ++i) {
        int g16 = i / 16 * 16, g64 = i / 64 * 64;
        errors += out_small[i] != h[g16 + (i - g16 + 1) % 16];
        errors += out_large[i] != h[g64 + (i - g64 + 1) % 64];
        sum += out_small[i] + 2 * out_large[i];
    }
    printf("out_small[15] = %d, out_large[63] = %d, sum = %ld\n", out_small[15], out_large[63], sum);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    cpurtFree(d_in);
    cpurtFree(d_out);
    return 0;
}
