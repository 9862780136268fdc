// Regression: `__shared__` arrays declared inside a loop body, the loop itself inside a plain `{ }` block
// (as cuda-samples' matrixMul writes its tile loop). They must be hoisted to kernel scope for OpenCL
// (local memory lives at the kernel's outermost scope) and for the CPU target; the tile is the same storage
// in every iteration, as in CUDA.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

#define TILE 8

__global__ void tiled_matmul(float *c, const float *a, const float *b, int n)
{
    int tx = threadIdx.x, ty = threadIdx.y;
    int row = blockIdx.y * TILE + ty;
    int col = blockIdx.x * TILE + tx;
    float sum = 0.0f;
    {
        int ka = 0, kb = 0;
        for (; ka < n; ka += TILE, kb += TILE * n) {
            __shared__ float as[TILE][TILE];
            __shared__ float bs[TILE][TILE];
            as[ty][tx] = a[row * n + ka + tx];
            bs[ty][tx] = b[kb + ty * n + col];
            __syncthreads();
            for (int k = 0; k < TILE; ++k) {
                if (k % 2 == 0) {
                    __shared__ int visits[TILE];   // declared under a condition inside the inner loop
                    if (ty == 0) visits[tx] = k;
                }
                sum += as[ty][k] * bs[k][tx];
            }
            __syncthreads();
        }
    }
    c[row * n + col] = sum;
}

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
    hipMalloc((void **)&da, bytes);
    hipMalloc((void **)&db, bytes);
    hipMalloc((void **)&dc, bytes);
    hipMemcpy(da, ha, bytes, hipMemcpyHostToDevice);
    hipMemcpy(db, hb, bytes, hipMemcpyHostToDevice);
    dim3 block(TILE, TILE), grid(n / TILE, n / TILE);
    tiled_matmul<<<grid, block>>>(dc, da, db, n);
    hipMemcpy(hc, dc, bytes, hipMemcpyDeviceToHost);
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
    hipFree(da); hipFree(db); hipFree(dc);
    free(ha); free(hb); free(hc);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
