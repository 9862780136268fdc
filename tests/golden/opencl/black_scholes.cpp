// Black-Scholes European option pricing: call and put prices per option.
// The cumulative normal distribution uses the Abramowitz-Stegun polynomial.
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include "oclrt.h"
#include "black_scholes.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define INV_SQRT_2PI 0.39894228040143267794f

/* cutrans: device function 'poly_tail' moved to black_scholes.cl */









/* cutrans: device function 'cnd' moved to black_scholes.cl */






/* cutrans: device function 'price_option' moved to black_scholes.cl */












/* cutrans: kernel 'black_scholes' moved to black_scholes.cl */












static double cnd_host(double d)
{
    return 0.5 * erfc(-d / sqrt(2.0));
}

static void price_host(double s, double x, double t, double r, double v,
                       double *call, double *put)
{
    double d1 = (log(s / x) + (r + 0.5 * v * v) * t) / (v * sqrt(t));
    double d2 = d1 - v * sqrt(t);
    double discount = exp(-r * t);
    *call = s * cnd_host(d1) - x * discount * cnd_host(d2);
    *put = x * discount * cnd_host(-d2) - s * cnd_host(-d1);
}

static float lcg_uniform(unsigned *state, float lo, float hi)
{
    *state = *state * 1664525u + 1013904223u;
    float u = (float)(*state >> 8) / 16777216.0f;
    return lo + (hi - lo) * u;
}

int main()
{
    const int n = 40000;
    const float rate = 0.02f;
    const float vol = 0.30f;
    const size_t bytes = n * sizeof(float);
    float *h_spot = (float *)malloc(bytes);
    float *h_strike = (float *)malloc(bytes);
    float *h_years = (float *)malloc(bytes);
    float *h_call = (float *)malloc(bytes);
    float *h_put = (float *)malloc(bytes);
    unsigned seed = 2024u;
    for (int i = 0; i < n; ++i) {
        h_spot[i] = lcg_uniform(&seed, 5.0f, 30.0f);
        h_strike[i] = lcg_uniform(&seed, 1.0f, 100.0f);
        h_years[i] = lcg_uniform(&seed, 0.25f, 10.0f);
    }

    float *d_spot, *d_strike, *d_years, *d_call, *d_put;
    CHECK(oclrtMalloc((void **)&d_spot, bytes));
    CHECK(oclrtMalloc((void **)&d_strike, bytes));
    CHECK(oclrtMalloc((void **)&d_years, bytes));
    CHECK(oclrtMalloc((void **)&d_call, bytes));
    CHECK(oclrtMalloc((void **)&d_put, bytes));
    CHECK(oclrtMemcpy(d_spot, h_spot, bytes, oclrtMemcpyHostToDevice));
    CHECK(oclrtMemcpy(d_strike, h_strike, bytes, oclrtMemcpyHostToDevice));
    CHECK(oclrtMemcpy(d_years, h_years, bytes, oclrtMemcpyHostToDevice));

    const int block = 128;
    const int grid = (n + block - 1) / block;
    cutrans_launch_black_scholes(grid, block, 0, 0, d_call, d_put, d_spot, d_strike, d_years, rate, vol, n);
    CHECK(oclrtGetLastError());
    CHECK(oclrtDeviceSynchronize());
    CHECK(oclrtMemcpy(h_call, d_call, bytes, oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(h_put, d_put, bytes, oclrtMemcpyDeviceToHost));

    double max_err = 0.0;
    double sum_call = 0.0;
    double sum_put = 0.0;
    for (int i = 0; i < n; ++i) {
        double want_call, want_put;
        price_host(h_spot[i], h_strike[i], h_years[i], rate, vol,
                   &want_call, &want_put);
        double err_call = fabs(h_call[i] - want_call);
        double err_put = fabs(h_put[i] - want_put);
        max_err = fmax(max_err, fmax(err_call, err_put));
        sum_call += h_call[i];
        sum_put += h_put[i];
    }
    printf("options = %d\n", n);
    printf("call[0] = %.4f, put[0] = %.4f\n", h_call[0], h_put[0]);
    printf("call[%d] = %.4f, put[%d] = %.4f\n", n - 1, h_call[n - 1], n - 1, h_put[n - 1]);
    printf("mean call = %.3f, mean put = %.3f\n", sum_call / n, sum_put / n);
    int ok = max_err < 1e-3;
    printf("max abs error below 1e-3: %s\n", ok ? "yes" : "no");

    CHECK(oclrtFree(d_spot));
    CHECK(oclrtFree(d_strike));
    CHECK(oclrtFree(d_years));
    CHECK(oclrtFree(d_call));
    CHECK(oclrtFree(d_put));
    free(h_spot);
    free(h_strike);
    free(h_years);
    free(h_call);
    free(h_put);
    printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
