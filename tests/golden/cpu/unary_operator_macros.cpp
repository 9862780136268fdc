// Regression sample: unary operators written through macros (the operator token is not in the
// expression's own text, so it must come from the AST), and nullptr compared with device pointers.
#include <cstdio>
#include "cpurt.h"
#include "unary_operator_macros.launch.h"

#define NEGATE -
#define NOT !
#define BUMP(x) ++x
#define COMPLEMENT(x) (~(x))

/* cutrans: kernel 'combine_signs' moved to unary_operator_macros.kernels.c */















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
    cpurtMalloc((void **)&d_out, n * sizeof(int));
    cpurtMalloc((void **)&d_bias, sizeof hb);
    cpurtMemcpy(d_bias, hb, sizeof hb, cpurtMemcpyHostToDevice);
    long long sums[2] = {0, 0};
    int errors = 0;
    for (int pass = 0; pass < 2; ++pass) {
        cutrans_launch_combine_signs(2, 32, 0, 0, d_out, pass == 0 ? nullptr : d_bias, n);
        cpurtMemcpy(h, d_out, sizeof h, cpurtMemcpyDeviceToHost);
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
    cpurtFree(d_out);
    cpurtFree(d_bias);
    return 0;
}
