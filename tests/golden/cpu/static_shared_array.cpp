// `static __shared__` (CUDA allows the storage class on a __shared__ variable; HeCBench logprob and
// addBiasResidualLayerNorm declare their block-reduction scratch so) in a device function template and in
// a kernel: the same per-block memory as a plain __shared__ array.
#include <cstdio>
#include "cpurt.h"
#include "static_shared_array.launch.h"

/* cutrans: device function 'block_sum' moved to static_shared_array.kernels.c */




















/* cutrans: kernel 'sums' moved to static_shared_array.kernels.c */












int main()
{
    const int blocks = 4, threads = 128, n = blocks * threads;
    int in[n], out[blocks];
    for (int i = 0; i < n; ++i) {
        in[i] = (i * 7) % 23 - 11;
    }
    int *din, *dout;
    cpurtMalloc((void **)&din, sizeof in);
    cpurtMalloc((void **)&dout, sizeof out);
    cpurtMemcpy(din, in, sizeof in, cpurtMemcpyHostToDevice);
    cutrans_launch_sums(blocks, threads, 0, 0, din, dout);
    cpurtMemcpy(out, dout, sizeof out, cpurtMemcpyDeviceToHost);
    int failures = 0;
    for (int b = 0; b < blocks; ++b) {
        int want = 0;
        for (int t = 0; t < threads; ++t) {
            want += in[b * threads + t];
        }
        want = want * 10 + in[b * threads] % 10;
        printf("block %d: %d\n", b, out[b]);
        failures += out[b] != want;
    }
    cpurtFree(din);
    cpurtFree(dout);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
