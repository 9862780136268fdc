#include "oclrt.h"
#include "local_header_with_runtime.launch.h"
#include "runtime_check.h"
#include "runtime_helpers.host.h"
// The first line of this file includes a local header that uses CUDA runtime names without including a CUDA
// header (runtime_check.h: left as it is, its names come from the target's names header, which the HIP output
// includes before it, at the very start of the file, after the runtime include nvcc makes implicitly: the two
// insertions at offset 0 once stopped the HIP conversion with an internal error). The second, runtime_helpers.h,
// includes <cuda_runtime.h> and is converted with the file.

/* cutrans: kernel 'scale_rows' moved to local_header_with_runtime.cl */







int main()
{
    if (pick_device() != 0) {
        printf("FAIL: the device takes fewer than 256 threads per block\n");
        return 1;
    }
    const int rows = 24, cols = 200;
    float *in = filled((size_t)rows * cols, 5u), *gamma = filled(cols, 9u);
    float *want = (float *)malloc(sizeof(float) * rows * cols);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            want[r * cols + c] = in[r * cols + c] * gamma[c];
        }
    }
    float *d_in, *d_gamma, *d_out;
    CHECK(oclrtMalloc(&d_in, sizeof(float) * rows * cols));
    CHECK(oclrtMalloc(&d_gamma, sizeof(float) * cols));
    CHECK(oclrtMalloc(&d_out, sizeof(float) * rows * cols));
    CHECK(oclrtMemcpy(d_in, in, sizeof(float) * rows * cols, oclrtMemcpyHostToDevice));
    CHECK(oclrtMemcpy(d_gamma, gamma, sizeof(float) * cols, oclrtMemcpyHostToDevice));
    cutrans_launch_scale_rows(rows, 256, 0, 0, d_in, d_gamma, d_out, rows, cols);
    CHECK(oclrtGetLastError());
    int bad = mismatches(d_out, want, (size_t)rows * cols, 0.0f);
    printf("first row: %.7g %.7g %.7g\n", want[0], want[1], want[2]);
    printf("%d mismatches\n", bad);
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
