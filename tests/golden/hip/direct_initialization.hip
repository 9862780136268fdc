// Direct initialization of locals in device code: `int x(5);`, `float y(in[i] * 2.0f);`, `T v(expr)` in a
// template, and a __half made with `half h(x)`. Before cutrans 0.1 recognised the parenthesised form, the
// initializer was dropped and the variable left uninitialized (a wrong number, not a diagnostic).
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>
#include "cutrans_hip_fp16.h"

template <typename T>
__device__ T scaled(T v, int k)
{
    T r(v * (T)k);
    return r;
}

__global__ void direct_init(const float *in, float *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        int base(5);
        float y(in[i] * 2.0f);
        unsigned int mask(0xffu);
        double d(y);
        half h(y);
        out[i] = y + (float)base + (float)(i & mask) + scaled<float>(in[i], 3) + (float)scaled<double>(d, 2)
                 + __half2float(h);
    }
}

int main()
{
    const int n = 300;
    float *h_in = (float *)malloc(n * sizeof(float)), *h_out = (float *)malloc(n * sizeof(float));
    for (int i = 0; i < n; ++i) {
        h_in[i] = (float)((i * 29) % 61 - 30) / 8.0f;
    }
    float *d_in, *d_out;
    hipMalloc((void **)&d_in, n * sizeof(float));
    hipMalloc((void **)&d_out, n * sizeof(float));
    hipMemcpy(d_in, h_in, n * sizeof(float), hipMemcpyHostToDevice);
    direct_init<<<(n + 127) / 128, 128>>>(d_in, d_out, n);
    hipMemcpy(h_out, d_out, n * sizeof(float), hipMemcpyDeviceToHost);
    int bad = 0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        float y = h_in[i] * 2.0f;
        float want = y + 5.0f + (float)(i & 0xff) + h_in[i] * 3.0f + (float)((double)y * 2.0) + y;   // y is exact in half
        if (h_out[i] != want) {
            ++bad;
        }
        sum += h_out[i];
    }
    printf("sum = %.3f, out[7] = %.4f\n", sum, h_out[7]);
    printf("%s\n", bad ? "FAIL" : "PASS");
    hipFree(d_in);
    hipFree(d_out);
    free(h_in);
    free(h_out);
    return bad ? 1 : 0;
}
