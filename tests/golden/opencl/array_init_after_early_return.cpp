// Regression: an array with a brace initializer, declared after an early `return` in a kernel that then
// uses warp shuffles. The OpenCL and CPU targets run such a kernel's remaining body under a per-thread
// flag (the warp operations must still see every lane); they used to refuse the initialized array (L007)
// and now assign its elements under the flag. The unlisted elements of `weights` start at zero.
#include <cstdio>
#include "oclrt.h"
#include "array_init_after_early_return.launch.h"

/* cutrans: kernel 'weighted_warp_sums' moved to array_init_after_early_return.cl */

















int main()
{
    const int n = 200, threads = 64, blocks = 4;
    float in[n], out[n];
    for (int i = 0; i < n; ++i) {
        in[i] = (float)((i * 7) % 13) - 6.0f;
    }
    float *d_in, *d_out;
    oclrtMalloc(&d_in, sizeof in);
    oclrtMalloc(&d_out, sizeof out);
    oclrtMemcpy(d_in, in, sizeof in, oclrtMemcpyHostToDevice);
    cutrans_launch_weighted_warp_sums(blocks, threads, 0, 0, d_in, d_out, n);
    oclrtMemcpy(out, d_out, sizeof out, oclrtMemcpyDeviceToHost);
    int bad = 0;
    double checksum = 0.0;
    for (int i = 0; i < n; ++i) {
        const float weights[4] = {1.0f, 0.5f, 0.25f, 0.0f};
        const int lanes[4] = {1, 2, 4, 1};
        float want = 0.0f;
        for (int j = 0; j < 4; ++j) {
            const int src = i ^ lanes[j];
            want += weights[j] * (src < n ? in[src] : 0.0f);
        }
        bad += out[i] != want;
        checksum += out[i] * (i % 5 + 1);
    }
    printf("out[0] = %.3f, out[%d] = %.3f, checksum %.3f\n", out[0], n - 1, out[n - 1], checksum);
    oclrtFree(d_in);
    oclrtFree(d_out);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
