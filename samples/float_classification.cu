// isnan, isinf, isfinite and signbit in device code, plain and std::, on float and double: NaNs of either
// sign, infinities, signed zeros, subnormals, the largest finite values. C's macros return any nonzero int
// (glibc's isinf gives -1 for -inf); CUDA's C++ overloads return bool, so each result counts as 0 or 1.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <cuda_runtime.h>

__global__ void classify(const float *f, const double *d, int *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    float x = f[i];
    double y = d[i];
    out[i] = isnan(x) + 2 * isinf(x) + 4 * isfinite(x) + 8 * signbit(x) + 16 * std::isnan(y) + 32 * std::isinf(y)
           + 64 * std::isfinite(y) + 128 * std::signbit(y);
    if (isinf(x) && signbit(x)) {
        out[i] += 1000;            // -inf
    }
}

int main()
{
    const int n = 12;
    const unsigned int fbits[n] = {0x00000000u, 0x80000000u, 0x7f800000u, 0xff800000u, 0x7fc00000u, 0xffc00001u,
                                   0x00000001u, 0x807fffffu, 0x7f7fffffu, 0xff7fffffu, 0x3f800000u, 0xc0000000u};
    float f[n];
    double d[n];
    memcpy(f, fbits, sizeof f);
    for (int i = 0; i < n; ++i) {
        d[n - 1 - i] = (double)f[i];       // the same classes, in the other order
    }
    float *df;
    double *dd;
    int *dout, out[n];
    cudaMalloc((void **)&df, sizeof f);
    cudaMalloc((void **)&dd, sizeof d);
    cudaMalloc((void **)&dout, sizeof out);
    cudaMemcpy(df, f, sizeof f, cudaMemcpyHostToDevice);
    cudaMemcpy(dd, d, sizeof d, cudaMemcpyHostToDevice);
    classify<<<1, 32>>>(df, dd, dout, n);
    cudaMemcpy(out, dout, sizeof out, cudaMemcpyDeviceToHost);
    int failures = 0;
    for (int i = 0; i < n; ++i) {
        float x = f[i];
        double y = d[i];
        int want = (x != x) + 2 * (x - x != x - x && x == x) + 4 * (x - x == 0.0f) + 8 * ((fbits[i] >> 31) != 0)
                 + 16 * (y != y) + 32 * (y - y != y - y && y == y) + 64 * (y - y == 0.0)
                 + 128 * ((fbits[n - 1 - i] >> 31) != 0);
        want += (x - x != x - x && x == x && x < 0) ? 1000 : 0;
        printf("%2d: %08x %4d\n", i, fbits[i], out[i]);
        if (out[i] != want) {
            printf("  expected %d\n", want);
            ++failures;
        }
    }
    cudaFree(df);
    cudaFree(dd);
    cudaFree(dout);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
