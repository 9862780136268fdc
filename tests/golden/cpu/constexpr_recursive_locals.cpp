#include "cpurt.h"
#include "constexpr_recursive_locals.launch.h"
// constexpr locals whose initializer calls a recursive constexpr function, as HeCBench hadamard computes
// `constexpr int kLogNElts = cilog2(Ktraits::kNElts);` in a kernel template. Device code cannot recurse in
// OpenCL C, but the value is a constant expression that the compiler works out: the translation takes it.
#include <cstdio>

constexpr int cilog2(int val) { return val > 0 ? 1 + cilog2(val >> 1) : -1; }
constexpr int pow3(int n) { return n == 0 ? 1 : 3 * pow3(n - 1); }

/* cutrans: kernel 'butterfly' moved to constexpr_recursive_locals.kernels.c */


























int main()
{
    const int blocks = 3, n = 8;
    float in[blocks * n], out[blocks * n];
    for (int i = 0; i < blocks * n; ++i) {
        in[i] = 0.5f * (i % 5) - 1.0f;
    }
    float *d_in, *d_out;
    cpurtMalloc(&d_in, sizeof(in));
    cpurtMalloc(&d_out, sizeof(out));
    cpurtMemcpy(d_in, in, sizeof(in), cpurtMemcpyHostToDevice);
    cutrans_launch_butterfly_8(blocks, 32, 0, 0, d_in, d_out);
    cpurtMemcpy(out, d_out, sizeof(out), cpurtMemcpyDeviceToHost);
    int bad = 0;
    for (int b = 0; b < blocks; ++b) {
        for (int k = 0; k < n; ++k) {       // the transform's k-th output: the sum of x[i] times (-1)^popcount(i & k)
            float want = 27.0f;               // pow3(cilog2(8))
            for (int i = 0; i < n; ++i) {
                want += (__builtin_popcount(i & k) % 2 ? -1.0f : 1.0f) * in[b * n + i];
            }
            bad += out[b * n + k] != want;
        }
        printf("block %d: %.2f %.2f %.2f %.2f\n", b, out[b * n], out[b * n + 1], out[b * n + 2], out[b * n + 7]);
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
