// A 3x3 stencil over the interior of a matrix, written as PolyBench's convolution-2d is: the coefficients
// are assigned after their declarations, then `if (i < rows - 1 && j < cols - 1 && i > 0 && j > 0)`. On the
// CPU target the x loop runs from the first j > 0 to the last j < cols - 1 (a lower and an upper bound of
// backends/cpu_thread_loop.py's Bound), and the row's test on i runs once per row before it, instead of
// in every thread: GCC 12 vectorized the whole test with masked stores, and PolyBench convolution-2d ran
// at 0.53 of its hand-written OpenMP port; now it runs at 2.28. The host checks every element exactly.
#include <cstdio>
#include <cstdlib>

__global__ void smooth_interior(int rows, int cols, const float *a, float *b)
{
    int j = blockIdx.x * blockDim.x + threadIdx.x;
    int i = blockIdx.y * blockDim.y + threadIdx.y;
    float side, corner, centre;
    side = 0.125f;
    corner = 0.0625f;
    centre = 0.25f;
    if (i < rows - 1 && j < cols - 1 && i > 0 && j > 0) {
        b[i * cols + j] = corner * (a[(i - 1) * cols + j - 1] + a[(i - 1) * cols + j + 1] +
                                    a[(i + 1) * cols + j - 1] + a[(i + 1) * cols + j + 1]) +
                          side * (a[(i - 1) * cols + j] + a[(i + 1) * cols + j] + a[i * cols + j - 1] +
                                  a[i * cols + j + 1]) +
                          centre * a[i * cols + j];
    }
}

static float smoothed(const float *a, int cols, int i, int j)
{
    const float corner = 0.0625f, side = 0.125f, centre = 0.25f;
    float corners = a[(i - 1) * cols + j - 1] + a[(i - 1) * cols + j + 1];
    corners = corners + a[(i + 1) * cols + j - 1];
    corners = corners + a[(i + 1) * cols + j + 1];
    float sides = a[(i - 1) * cols + j] + a[(i + 1) * cols + j];
    sides = sides + a[i * cols + j - 1];
    sides = sides + a[i * cols + j + 1];
    float s = corner * corners;
    float t = side * sides;
    float u = centre * a[i * cols + j];
    return (s + t) + u;
}

int main()
{
    const int rows = 37, cols = 75;
    const size_t bytes = (size_t)rows * cols * sizeof(float);
    float *a = (float *)malloc(bytes), *b = (float *)malloc(bytes);
    for (int k = 0; k < rows * cols; ++k) {
        a[k] = (float)((k * 29) % 64) * 0.25f - 8.0f;       // multiples of 1/4: every sum is exact
        b[k] = -1.0f;
    }
    float *da, *db;
    cudaMalloc((void **)&da, bytes);
    cudaMalloc((void **)&db, bytes);
    cudaMemcpy(da, a, bytes, cudaMemcpyHostToDevice);
    cudaMemcpy(db, b, bytes, cudaMemcpyHostToDevice);
    dim3 block(32, 8), grid((cols + 31) / 32, (rows + 7) / 8);
    smooth_interior<<<grid, block>>>(rows, cols, da, db);
    cudaMemcpy(b, db, bytes, cudaMemcpyDeviceToHost);
    int wrong = 0;
    for (int i = 0; i < rows; ++i)
        for (int j = 0; j < cols; ++j) {
            bool interior = i > 0 && j > 0 && i < rows - 1 && j < cols - 1;
            wrong += b[i * cols + j] != (interior ? smoothed(a, cols, i, j) : -1.0f);
        }
    printf("b[1][1] %.4f b[18][40] %.4f b[35][73] %.4f edge %.1f\n", b[cols + 1], b[18 * cols + 40],
           b[35 * cols + 73], b[0]);
    cudaFree(da);
    cudaFree(db);
    free(a);
    free(b);
    printf("%s\n", wrong ? "FAIL" : "PASS");
    return wrong != 0;
}
