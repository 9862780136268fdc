// Regression: `__shared__` arrays declared inside a loop body, the loop itself inside a plain `{ }` block
// (as cuda-samples' matrixMul writes its tile loop). They must be hoisted to kernel scope for OpenCL
// (local memory lives at the kernel's outermost scope) and for the CPU target; the tile is the same storage
// in every iteration, as in CUDA.
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "shared_declared_in_loop.launch.h"

#define TILE 8

/* cutrans: kernel 'tiled_matmul' moved to shared_declared_in_loop.kernels.c */


























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
    cpurtMalloc((void **)&da, bytes);
    cpurtMalloc((void **)&db, bytes);
    cpurtMalloc((void **)&dc, bytes);
    cpurtMemcpy(da, ha, bytes, cpurtMemcpyHostToDevice);
    cpurtMemcpy(db, hb, bytes, cpurtMemcpyHostToDevice);
    dim3 block(TILE, TILE), grid(n / TILE, n / TILE);
    cutrans_launch_tiled_matmul(grid, block, 0, 0, dc, da, db, n);
    cpurtMemcpy(hc, dc, bytes, cpurtMemcpyDeviceToHost);
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
    cpurtFree(da); cpurtFree(db); cpurtFree(dc);
    free(ha); free(hb); free(hc);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
