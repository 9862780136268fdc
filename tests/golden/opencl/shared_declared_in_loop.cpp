// Regression: `__shared__` arrays declared inside a loop body, the loop itself inside a plain `{ }` block
// (as cuda-samples' matrixMul writes its tile loop). They must be hoisted to kernel scope for OpenCL
// (local memory lives at the kernel's outermost scope) and for the CPU target; the tile is the same storage
// in every iteration, as in CUDA.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "shared_declared_in_loop.launch.h"

#define TILE 8

/* cutrans: kernel 'tiled_matmul' moved to shared_declared_in_loop.cl */


























int main()
{
    const int n = 32;
    const size_t bytes = n * n * sizeof(float);
    float *ha = (float *)malloc(bytes), *hb = (float *)malloc(bytes), *hc = (float *)malloc(bytes);
    for (int i = 0; i < n * n; ++i) {
        ha[i] = (float)(i % 7) - 3.0f;
        hb[i] = (float)(i % 5) * 0.5f;
    }
    float *da, *db, *dc;
    oclrtMalloc((void **)&da, bytes);
    oclrtMalloc((void **)&db, bytes);
    oclrtMalloc((void **)&dc, bytes);
    oclrtMemcpy(da, ha, bytes, oclrtMemcpyHostToDevice);
    oclrtMemcpy(db, hb, bytes, oclrtMemcpyHostToDevice);
    dim3 block(TILE, TILE), grid(n / TILE, n / TILE);
    cutrans_launch_tiled_matmul(grid, block, 0, 0, dc, da, db, n);
    oclrtMemcpy(hc, dc, bytes, oclrtMemcpyDeviceToHost);
    int bad = 0;
    for (int r = 0; r < n; ++r) {
        for (int c = 0; c < n; ++c) {
            float want = 0.0f;
            for (int k = 0; k < n; ++k) want += ha[r * n + k] * hb[k * n + c];
            if (want != hc[r * n + c]) ++bad;
        }
    }
    for (int r = 0; r < n; r += 9) printf("c[%d][%d] = %.2f\n", r, r, hc[r * n + r]);
    printf("%d mismatches\n", bad);
    oclrtFree(da); oclrtFree(db); oclrtFree(dc);
    free(ha); free(hb); free(hc);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
