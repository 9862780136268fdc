// Lvalue references in device code: `T&` and `const T&` parameters of device functions and of
// device function templates, bound to private variables, to __shared__ array elements, to global
// memory and to struct members; a reference passed on to another reference parameter; a local
// reference variable (`float &slot = out[i];`); an array parameter (`const int h[4]`, a pointer in C). Private variables bound to references live across a
// __syncthreads(). C and OpenCL C have no references, so the translations pass pointers (a temporary
// bound to a `const T&` parameter has no address and is refused with L003).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "reference_parameters.launch.h"

#define BLOCK 64

struct Pair {
    float lo;
    float hi;
};

/* cutrans: device function 'order' moved to reference_parameters.cl */








// Forwards its references to order(): the callee sees the caller's variables.
/* cutrans: device function 'order_pair' moved to reference_parameters.cl */




/* cutrans: device function 'rotate' moved to reference_parameters.cl */







/* cutrans: device function 'weighted' moved to reference_parameters.cl */





// Adds `amount` to a __shared__ element through a reference.
/* cutrans: device function 'bump' moved to reference_parameters.cl */




// An array parameter decays to a pointer, here into __shared__ memory.
/* cutrans: device function 'total' moved to reference_parameters.cl */




/* cutrans: kernel 'references_kernel' moved to reference_parameters.cl */



































static void order_host(float &a, float &b)
{
    if (a > b) {
        float t = a;
        a = b;
        b = t;
    }
}

int main()
{
    const int n = 1000;
    const int grid = (n + BLOCK - 1) / BLOCK;
    float *h_in = (float *)malloc(n * sizeof(float));
    float *h_out = (float *)malloc(n * sizeof(float));
    Pair *h_pairs = (Pair *)malloc(n * sizeof(Pair));
    int h_counts[5] = {0, 0, 0, 0, 0};
    for (int i = 0; i < n; ++i) {
        h_in[i] = (float)((i * 37) % 101 - 50) / 8.0f;
        h_pairs[i].lo = (float)((i * 13) % 29);
        h_pairs[i].hi = (float)((i * 17) % 31);
    }
    float *d_in, *d_out;
    Pair *d_pairs;
    int *d_counts;
    oclrtMalloc((void **)&d_in, n * sizeof(float));
    oclrtMalloc((void **)&d_out, n * sizeof(float));
    oclrtMalloc((void **)&d_pairs, n * sizeof(Pair));
    oclrtMalloc((void **)&d_counts, 5 * sizeof(int));
    oclrtMemcpy(d_in, h_in, n * sizeof(float), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_pairs, h_pairs, n * sizeof(Pair), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_counts, h_counts, 5 * sizeof(int), oclrtMemcpyHostToDevice);
    cutrans_launch_references_kernel(grid, BLOCK, 0, 0, d_in, d_out, d_pairs, d_counts, n);
    oclrtMemcpy(h_out, d_out, n * sizeof(float), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(h_counts, d_counts, 5 * sizeof(int), oclrtMemcpyDeviceToHost);
    Pair *got = (Pair *)malloc(n * sizeof(Pair));
    oclrtMemcpy(got, d_pairs, n * sizeof(Pair), oclrtMemcpyDeviceToHost);

    int bad = 0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        // nvcc contracts the device's products into fused multiply-adds (-fmad=true), also across the
        // inlined calls of weighted(), so the last bits may differ from this host arithmetic: compare
        // within a bound, as programs checked on a GPU do
        float re = h_in[i], im = h_in[(i + 7) % n];
        float r = 0.6f * re - 0.8f * im;
        im = 0.6f * im + 0.8f * re;
        re = r;
        order_host(re, im);
        float want = re * 2.0f + im * h_in[i];
        if (fabsf(h_out[i] - want) > 1e-5f * (1.0f + fabsf(want))) {
            ++bad;
        }
        order_host(h_pairs[i].lo, h_pairs[i].hi);
        if (got[i].lo != h_pairs[i].lo || got[i].hi != h_pairs[i].hi) {
            ++bad;
        }
        sum += h_out[i];
    }
    for (int k = 0; k < 4; ++k) {
        int want = (k + 1) * (n / 4);
        if (h_counts[k] != want) {
            ++bad;
        }
        printf("counts[%d] = %d, expected %d\n", k, h_counts[k], want);
    }
    if (h_counts[4] != 2500) {
        ++bad;
    }
    printf("total = %d, expected 2500\n", h_counts[4]);
    printf("sum = %.4f, out[3] = %.4f, pairs[5] = (%.1f, %.1f)\n", sum, h_out[3], got[5].lo, got[5].hi);
    printf("%s\n", bad ? "FAIL" : "PASS");
    oclrtFree(d_in);
    oclrtFree(d_out);
    oclrtFree(d_pairs);
    oclrtFree(d_counts);
    free(h_in);
    free(h_out);
    free(h_pairs);
    free(got);
    return 0;
}
