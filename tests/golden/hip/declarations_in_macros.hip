#include <hip/hip_runtime.h>
// Declarations that a macro writes, as HeCBench qtclustering's COMPUTE_DIAMETER_WITH_POINT does: the variables and
// loops of an object-like or function-like macro have no tokens of their own in the file, only the macro's use.
// Their initializers (a scalar, an array, a struct) and the init, condition and step of their for loops must all
// survive: a lost initializer leaves a variable undefined, and a lost loop condition makes a loop run forever.
#include <cstdio>

struct Pair {
    int lo, hi;
};

#define SETUP                                                   \
    int scale = 3;                                              \
    int weights[3] = {1, 2, 4};                                 \
    Pair bounds = {2, 5};

#define FIRST_ABOVE(_LIMIT_, _OUT_)                             \
    do {                                                        \
        for (int j = bounds.lo; j < bounds.hi; j++) {           \
            if (x[base + j] > (_LIMIT_)) {                      \
                _OUT_ = j;                                      \
                break;                                          \
            }                                                   \
        }                                                       \
    } while (0);

__global__ void macro_scan(const int *x, int *out)
{
    SETUP
    int base = (blockIdx.x * blockDim.x + threadIdx.x) * 8;
    int first = -1, second = -1;
    FIRST_ABOVE(10, first)
    FIRST_ABOVE(50, second)
    out[blockIdx.x * blockDim.x + threadIdx.x] = scale * (first + 1) + weights[2] * (second + 1) + weights[0];
}

int main()
{
    const int threads = 64, n = threads * 8;
    static int x[n], out[threads];
    unsigned state = 9u;
    for (int i = 0; i < n; ++i) {
        state = state * 1664525u + 1013904223u;
        x[i] = (int)((state >> 16) % 100u);
    }
    int *d_x, *d_out;
    hipMalloc(&d_x, sizeof(x));
    hipMalloc(&d_out, sizeof(out));
    hipMemcpy(d_x, x, sizeof(x), hipMemcpyHostToDevice);
    macro_scan<<<2, threads / 2>>>(d_x, d_out);
    hipMemcpy(out, d_out, sizeof(out), hipMemcpyDeviceToHost);
    int bad = 0;
    for (int t = 0; t < threads; ++t) {
        int first = -1, second = -1;
        for (int j = 2; j < 5; ++j) {
            if (x[t * 8 + j] > 10) { first = j; break; }
        }
        for (int j = 2; j < 5; ++j) {
            if (x[t * 8 + j] > 50) { second = j; break; }
        }
        int want = 3 * (first + 1) + 4 * (second + 1) + 1;
        if (t % 8 == 0) {
            printf("thread %2d: %d\n", t, out[t]);
        }
        bad += out[t] != want;
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
