// Regression sample: unary operators written through macros (the operator token is not in the
// expression's own text, so it must come from the AST), and nullptr compared with device pointers.
#include <cstdio>
#include <cuda_runtime.h>

#define NEGATE -
#define NOT !
#define BUMP(x) ++x
#define COMPLEMENT(x) (~(x))

__global__ void combine_signs(int *out, const int *bias, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    int v = NEGATE (i * 3 - 7);
    bool small = NOT (v > -20);
    BUMP(v);
    int extra = bias == nullptr ? 1000 : bias[i % 4];
    out[i] = small ? COMPLEMENT(v) + extra : v + extra;
    if (nullptr != bias) {
        out[i] += 1;
    }
}

static int expected(int i, const int *bias)
{
    int v = -(i * 3 - 7);
    bool small = !(v > -20);
    ++v;
    int extra = bias == nullptr ? 1000 : bias[i % 4];
    return (small ? ~v + extra : v + extra) + (bias != nullptr ? 1 : 0);
}

int main()
{
    const int n = 40;
    int h[n], hb[4] = {5, -5, 50, -50};
    int *d_out, *d_bias;
    cudaMalloc((void **)&d_out, n * sizeof(int));
    cudaMalloc((void **)&d_bias, sizeof hb);
    cudaMemcpy(d_bias, hb, sizeof hb, cudaMemcpyHostToDevice);
    long long sums[2] = {0, 0};
    int errors = 0;
    for (int pass = 0; pass < 2; ++pass) {
        combine_signs<<<2, 32>>>(d_out, pass == 0 ? nullptr : d_bias, n);
        cudaMemcpy(h, d_out, sizeof h, cudaMemcpyDeviceToHost);
        for (int i = 0; i < n; ++i) {
            sums[pass] += h[i];
            errors += h[i] != expected(i, pass == 0 ? nullptr : hb);
            if (i % 7 == 0) {
                printf("pass %d out[%d] = %d\n", pass, i, h[i]);
            }
        }
    }
    printf("sums %lld %lld\n", sums[0], sums[1]);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    cudaFree(d_out);
    cudaFree(d_bias);
    return 0;
}
