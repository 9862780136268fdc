// Black-Scholes European option pricing: call and put prices per option.
// The cumulative normal distribution uses the Abramowitz-Stegun polynomial.
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <cuda_runtime.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        cudaError_t err_ = (call);                                           \
        if (err_ != cudaSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cudaGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define INV_SQRT_2PI 0.39894228040143267794f

__device__ float poly_tail(float k)
{
    const float a1 = 0.31938153f;
    const float a2 = -0.356563782f;
    const float a3 = 1.781477937f;
    const float a4 = -1.821255978f;
    const float a5 = 1.330274429f;
    return k * (a1 + k * (a2 + k * (a3 + k * (a4 + k * a5))));
}

__device__ float cnd(float d)
{
    float k = 1.0f / (1.0f + 0.2316419f * fabsf(d));
    float tail = INV_SQRT_2PI * expf(-0.5f * d * d) * poly_tail(k);
    return d > 0.0f ? 1.0f - tail : tail;
}

__device__ void price_option(float s, float x, float t, float r, float v,
                             float *call, float *put)
{
    float sqrt_t = sqrtf(t);
    float d1 = (logf(s / x) + (r + 0.5f * v * v) * t) / (v * sqrt_t);
    float d2 = d1 - v * sqrt_t;
    float nd1 = cnd(d1);
    float nd2 = cnd(d2);
    float discount = expf(-r * t);
    *call = s * nd1 - x * discount * nd2;
    *put = x * discount * (1.0f - nd2) - s * (1.0f - nd1);
}

__global__ void black_scholes(float *call, float *put, const float *spot,
                              const float *strike, const float *years,
                              float rate, float vol, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        float c, p;
        price_option(spot[i], strike[i], years[i], rate, vol, &c, &p);
        call[i] = c;
        put[i] = p;
    }
}

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
    CHECK(cudaMalloc((void **)&d_spot, bytes));
    CHECK(cudaMalloc((void **)&d_strike, bytes));
    CHECK(cudaMalloc((void **)&d_years, bytes));
    CHECK(cudaMalloc((void **)&d_call, bytes));
    CHECK(cudaMalloc((void **)&d_put, bytes));
    CHECK(cudaMemcpy(d_spot, h_spot, bytes, cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(d_strike, h_strike, bytes, cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(d_years, h_years, bytes, cudaMemcpyHostToDevice));

    const int block = 128;
    const int grid = (n + block - 1) / block;
    black_scholes<<<grid, block>>>(d_call, d_put, d_spot, d_strike, d_years,
                                   rate, vol, n);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
    CHECK(cudaMemcpy(h_call, d_call, bytes, cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(h_put, d_put, bytes, cudaMemcpyDeviceToHost));

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

    CHECK(cudaFree(d_spot));
    CHECK(cudaFree(d_strike));
    CHECK(cudaFree(d_years));
    CHECK(cudaFree(d_call));
    CHECK(cudaFree(d_put));
    free(h_spot);
    free(h_strike);
    free(h_years);
    free(h_call);
    free(h_put);
    printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
