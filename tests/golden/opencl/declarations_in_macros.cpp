#include "oclrt.h"
#include "declarations_in_macros.launch.h"
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

/* cutrans: kernel 'macro_scan' moved to declarations_in_macros.cl */









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
    oclrtMalloc(&d_x, sizeof(x));
    oclrtMalloc(&d_out, sizeof(out));
    oclrtMemcpy(d_x, x, sizeof(x), oclrtMemcpyHostToDevice);
    cutrans_launch_macro_scan(2, threads / 2, 0, 0, d_x, d_out);
    oclrtMemcpy(out, d_out, sizeof(out), oclrtMemcpyDeviceToHost);
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
