// Regression sample: variable templates in device memory. Each instance device code reads is a device
// variable of its own (weights<float>, weights<double>, offsets<2>, offsets<3>); host code names them
// through the template, inside a host function template (cudaMemcpyToSymbol(weights<T>, ...)) and outside
// one (cudaMemcpyFromSymbol(..., offsets<3>), sizeof(weights<float>)). Covered: a type parameter with an
// initializer, a non-type parameter, instances written and read back by the host, and a host variable
// of the same name compared with `<` (not a template name).
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "variable_template_symbols.launch.h"

#define TAPS 5
#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

/* cutrans: constant 'weights' moved to variable_template_symbols.cl */


/* cutrans: device variable 'offsets' moved to variable_template_symbols.cl */


/* cutrans: kernel 'fir' moved to variable_template_symbols.cl */












/* cutrans: kernel 'shift' moved to variable_template_symbols.cl */






/* cutrans: kernel 'bump' moved to variable_template_symbols.cl */








template <typename T>
double run_fir(int n, bool reweight)
{
    T h_w[TAPS] = {1, -1, 2, -1, 1};
    if (reweight) CHECK(oclrtMemcpyToSymbol(cutrans_symbol_weights<T>::ref(), h_w, sizeof(h_w)));
    T *h = (T *)malloc(n * sizeof(T)), *d_in, *d_out;
    for (int i = 0; i < n; i++) h[i] = (T)((i * 7) % 11) / (T)4;
    CHECK(oclrtMalloc(&d_in, n * sizeof(T)));
    CHECK(oclrtMalloc(&d_out, n * sizeof(T)));
    CHECK(oclrtMemcpy(d_in, h, n * sizeof(T), oclrtMemcpyHostToDevice));
    cutrans_dispatch_fir((const cutrans_kernel_fir<T>*)nullptr, (n + 63) / 64, 64, 0, 0, d_in, d_out, n);
    CHECK(oclrtGetLastError());
    CHECK(oclrtMemcpy(h, d_out, n * sizeof(T), oclrtMemcpyDeviceToHost));
    double sum = 0;
    for (int i = 0; i < n; i++) sum += (double)h[i] * (i % 5 + 1);
    CHECK(oclrtFree(d_in));
    CHECK(oclrtFree(d_out));
    free(h);
    return sum;
}

template <int SCALE>
long run_shift(int *d, int n)
{
    int h_off[4] = {SCALE, -SCALE, 2 * SCALE, 0};
    CHECK(oclrtMemcpyToSymbol(cutrans_symbol_offsets<SCALE>::ref(), h_off, sizeof(h_off)));
    cutrans_dispatch_shift((const cutrans_kernel_shift<SCALE>*)nullptr, (n + 127) / 128, 128, 0, 0, d, n);
    int *d_seen;
    CHECK(oclrtMalloc(&d_seen, 4 * sizeof(int)));
    cutrans_dispatch_bump((const cutrans_kernel_bump<SCALE>*)nullptr, 1, 32, 0, 0, d_seen);
    CHECK(oclrtGetLastError());
    int seen[4];
    CHECK(oclrtMemcpy(seen, d_seen, sizeof(seen), oclrtMemcpyDeviceToHost));
    CHECK(oclrtFree(d_seen));
    if (seen[1] != -SCALE) printf("bump<%d> saw %d\n", SCALE, seen[1]);
    int back[4];
    CHECK(oclrtMemcpyFromSymbol(back, cutrans_symbol_offsets<SCALE>::ref(), sizeof(back)));
    return back[0] + 10L * back[1] + 100L * back[2] + 1000L * back[3];
}

int main()
{
    const int n = 1000;
    double f = run_fir<float>(n, false);
    double d = run_fir<double>(n, true);
    printf("fir<float> (initial weights) = %.4f\n", f);
    printf("fir<double> (host weights)   = %.4f\n", d);
    printf("sizeof(weights<float>) = %zu\n", sizeof(cutrans_symbol_weights<float>::ref()));

    int *h = (int *)malloc(n * sizeof(int)), *d_v;
    for (int i = 0; i < n; i++) h[i] = i;
    CHECK(oclrtMalloc(&d_v, n * sizeof(int)));
    CHECK(oclrtMemcpy(d_v, h, n * sizeof(int), oclrtMemcpyHostToDevice));
    long b2 = run_shift<2>(d_v, n);
    long b3 = run_shift<3>(d_v, n);
    int back3[4];
    CHECK(oclrtMemcpyFromSymbol(back3, cutrans_symbol_offsets<3>::ref(), sizeof(back3)));
    CHECK(oclrtMemcpy(h, d_v, n * sizeof(int), oclrtMemcpyDeviceToHost));
    long total = 0;
    for (int i = 0; i < n; i++) total += h[i];
    printf("offsets<2> back = %ld, offsets<3> back = %ld, again %d %d %d %d, total = %ld\n",
           b2, b3, back3[0], back3[1], back3[2], back3[3], total);

    bool ok = back3[0] == 4 && back3[3] == 1 && sizeof(cutrans_symbol_weights<float>::ref()) == TAPS * sizeof(float);
    {
        int weights = 3;                   // a host variable: `weights < 4` is a comparison
        ok = ok && weights < 4;
    }
    printf("%s\n", ok ? "PASS" : "FAIL");
    CHECK(oclrtFree(d_v));
    free(h);
    return ok ? 0 : 1;
}
