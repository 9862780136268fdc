#include "cpurt.h"
#include "builtin_variables_in_device_functions.launch.h"
// Device functions that read threadIdx, blockIdx, blockDim and gridDim themselves, one through another,
// in a 2-D launch. The CPU target builds each block's threads as loops in the kernel, so such a function
// takes the built-ins it reads from its caller (the CPU build failed with "'blockIdx' undeclared" before).
#include <cstdio>
#include <cstdlib>

/* cutrans: device function 'column' moved to builtin_variables_in_device_functions.kernels.c */
/* cutrans: device function 'row' moved to builtin_variables_in_device_functions.kernels.c */
/* cutrans: device function 'width' moved to builtin_variables_in_device_functions.kernels.c */
/* cutrans: device function 'flat' moved to builtin_variables_in_device_functions.kernels.c */   // built-ins reached only through calls
/* cutrans: device function 'lane_sum' moved to builtin_variables_in_device_functions.kernels.c */

/* cutrans: kernel 'stamp' moved to builtin_variables_in_device_functions.kernels.c */





int main() {
    const dim3 block(16, 4), grid(3, 5);
    const int w = grid.x * block.x, h = grid.y * block.y, n = w * h;
    int *out = (int *)malloc(n * sizeof(int)), *lanes = (int *)malloc(n * sizeof(int));
    int *d_out, *d_lanes;
    cpurtMalloc((void **)&d_out, n * sizeof(int));
    cpurtMalloc((void **)&d_lanes, n * sizeof(int));
    cutrans_launch_stamp(grid, block, 0, 0, d_out, d_lanes);
    cpurtMemcpy(out, d_out, n * sizeof(int), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(lanes, d_lanes, n * sizeof(int), cpurtMemcpyDeviceToHost);
    int wrong = 0;
    long long lane_total = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            wrong += out[y * w + x] != y * 1000 + x;
            lane_total += lanes[y * w + x];
        }
    printf("out[1] %d, out[%d] %d, lane total %lld\n", out[1], n - 1, out[n - 1], lane_total);
    cpurtFree(d_out);
    cpurtFree(d_lanes);
    free(out);
    free(lanes);
    printf("%s\n", wrong ? "FAIL" : "PASS");
    return wrong != 0;
}
