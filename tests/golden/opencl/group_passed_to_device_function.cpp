#include "oclrt.h"
#include "group_passed_to_device_function.launch.h"
// Cooperative groups passed to device functions (cuda-samples' reduction: `cg_reduce_n(v, tile)` with a
// `template <typename T, typename Group>` parameter). A group has no state in the translation: the callee is
// made once per group it is given (a tile of 32, a tile of 8 cut from it, the thread block), and inside it
// the parameter stands for that group, through a reference or a copy, in a template or a plain function.
namespace cooperative_groups {}  /* cutrans: <cooperative_groups.h> is device-only */
namespace cooperative_groups {}  /* cutrans: <cooperative_groups/reduce.h> is device-only */
#include <cstdio>
#include <cstdlib>

namespace cg = cooperative_groups;

/* cutrans: device function 'group_sum' moved to group_passed_to_device_function.cl */



// A plain function taking a tile by value: its rank and size come from the tile it is called with
// (the place of the tile's previous thread, cyclically).
/* cutrans: device function 'previous_in' moved to group_passed_to_device_function.cl */



/* cutrans: device function 'store_after_barrier' moved to group_passed_to_device_function.cl */




/* cutrans: kernel 'tile_sums' moved to group_passed_to_device_function.cl */












/* cutrans: kernel 'float_block_sum' moved to group_passed_to_device_function.cl */






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
    oclrtMalloc((void **)&dx, n * sizeof(int));
    oclrtMalloc((void **)&dws, n * sizeof(int));
    oclrtMalloc((void **)&des, n * sizeof(int));
    oclrtMalloc((void **)&dpl, n * sizeof(unsigned));
    oclrtMalloc((void **)&dxf, n * sizeof(float));
    oclrtMalloc((void **)&dfs, sizeof fs);
    oclrtMemcpy(dx, x, n * sizeof(int), oclrtMemcpyHostToDevice);
    oclrtMemcpy(dxf, xf, n * sizeof(float), oclrtMemcpyHostToDevice);
    cutrans_launch_tile_sums(blocks, threads, 0, 0, dx, dws, des, dpl);
    cutrans_launch_float_block_sum(blocks, threads, 0, 0, dxf, dfs);
    oclrtMemcpy(ws, dws, n * sizeof(int), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(es, des, n * sizeof(int), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(pl, dpl, n * sizeof(unsigned), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(fs, dfs, sizeof fs, oclrtMemcpyDeviceToHost);
    int wrong = 0;
    for (int i = 0; i < n; ++i) {
        int w = 0, e = 0;
        for (int j = i & ~31; j < (i & ~31) + 32; ++j) w += x[j];
        for (int j = i & ~7; j < (i & ~7) + 8; ++j) e += x[j];
        wrong += ws[i] != w || es[i] != e || pl[i] != (unsigned)((i % threads & ~7) + (i + 7) % 8);
    }
    for (int k = 0; k < n / 32; k += 5) printf("warp %d: sum %d, float sum %.3f\n", k, ws[k * 32], fs[k]);
    printf("eighth sums: %d %d %d, places: %u %u\n", es[0], es[8], es[n - 1], pl[9], pl[n - 1]);
    oclrtFree(dx); oclrtFree(dws); oclrtFree(des); oclrtFree(dpl); oclrtFree(dxf); oclrtFree(dfs);
    free(x); free(ws); free(es); free(pl); free(xf);
    printf("%s\n", wrong ? "FAIL" : "PASS");
    return wrong != 0;
}
