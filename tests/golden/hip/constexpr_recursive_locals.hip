#include <hip/hip_runtime.h>
// constexpr locals whose initializer calls a recursive constexpr function, as HeCBench hadamard computes
// `constexpr int kLogNElts = cilog2(Ktraits::kNElts);` in a kernel template. Device code cannot recurse in
// OpenCL C, but the value is a constant expression that the compiler works out: the translation takes it.
#include <cstdio>

constexpr int cilog2(int val) { return val > 0 ? 1 + cilog2(val >> 1) : -1; }
constexpr int pow3(int n) { return n == 0 ? 1 : 3 * pow3(n - 1); }

template <int kN>
__global__ void butterfly(const float *in, float *out)
{
    constexpr int kLogN = cilog2(kN);
    constexpr int kScale = pow3(kLogN);
    static_assert(1 << kLogN == kN, "kN must be a power of 2");
    float x[kN];
    for (int i = 0; i < kN; ++i) {
        x[i] = in[blockIdx.x * kN + i];
    }
    for (int s = 0; s < kLogN; ++s) {          // an unnormalized Walsh-Hadamard transform, kLogN stages
        for (int i = 0; i < kN; ++i) {
            const int j = i ^ (1 << s);
            if (j > i) {
                const float a = x[i], b = x[j];
                x[i] = a + b;
                x[j] = a - b;
            }
        }
    }
    if (threadIdx.x == 0) {
        for (int i = 0; i < kN; ++i) {
            out[blockIdx.x * kN + i] = x[i] + kScale;
        }
    }
}

int main()
{
    const int blocks = 3, n = 8;
    float in[blocks * n], out[blocks * n];
    for (int i = 0; i < blocks * n; ++i) {
        in[i] = 0.5f * (i % 5) - 1.0f;
    }
    float *d_in, *d_out;
    hipMalloc(&d_in, sizeof(in));
    hipMalloc(&d_out, sizeof(out));
    hipMemcpy(d_in, in, sizeof(in), hipMemcpyHostToDevice);
    butterfly<n><<<blocks, 32>>>(d_in, d_out);
    hipMemcpy(out, d_out, sizeof(out), hipMemcpyDeviceToHost);
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
