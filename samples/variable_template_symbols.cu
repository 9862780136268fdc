// Regression sample: variable templates in device memory. Each instance device code reads is a device
// variable of its own (weights<float>, weights<double>, offsets<2>, offsets<3>); host code names them
// through the template, inside a host function template (cudaMemcpyToSymbol(weights<T>, ...)) and outside
// one (cudaMemcpyFromSymbol(..., offsets<3>), sizeof(weights<float>)). Covered: a type parameter with an
// initializer, a non-type parameter, instances written and read back by the host, and a host variable
// of the same name compared with `<` (not a template name).
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define TAPS 5
#define CHECK(call)                                                          \
    do {                                                                     \
        cudaError_t err_ = (call);                                           \
        if (err_ != cudaSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cudaGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

template <typename T>
__constant__ T weights[TAPS] = {1, 2, 3, 2, 1};

template <int SCALE>
__device__ int offsets[4];

template <typename T>
__global__ void fir(const T *in, T *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    T s = 0;
    for (int k = 0; k < TAPS; k++) {
        int j = i + k - TAPS / 2;
        if (j >= 0 && j < n) s += weights<T>[k] * in[j];
    }
    out[i] = s;
}

template <int SCALE>
__global__ void shift(int *d, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) d[i] += offsets<SCALE>[i % 4] * SCALE;
}

template <int SCALE>
__global__ void bump(int *seen)
{
    if (threadIdx.x < 4) {
        seen[threadIdx.x] = offsets<SCALE>[threadIdx.x];
        offsets<SCALE>[threadIdx.x] += 1;      // the host reads it back
    }
}

template <typename T>
double run_fir(int n, bool reweight)
{
    T h_w[TAPS] = {1, -1, 2, -1, 1};
    if (reweight) CHECK(cudaMemcpyToSymbol(weights<T>, h_w, sizeof(h_w)));
    T *h = (T *)malloc(n * sizeof(T)), *d_in, *d_out;
    for (int i = 0; i < n; i++) h[i] = (T)((i * 7) % 11) / (T)4;
    CHECK(cudaMalloc(&d_in, n * sizeof(T)));
    CHECK(cudaMalloc(&d_out, n * sizeof(T)));
    CHECK(cudaMemcpy(d_in, h, n * sizeof(T), cudaMemcpyHostToDevice));
    fir<T><<<(n + 63) / 64, 64>>>(d_in, d_out, n);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpy(h, d_out, n * sizeof(T), cudaMemcpyDeviceToHost));
    double sum = 0;
    for (int i = 0; i < n; i++) sum += (double)h[i] * (i % 5 + 1);
    CHECK(cudaFree(d_in));
    CHECK(cudaFree(d_out));
    free(h);
    return sum;
}

template <int SCALE>
long run_shift(int *d, int n)
{
    int h_off[4] = {SCALE, -SCALE, 2 * SCALE, 0};
    CHECK(cudaMemcpyToSymbol(offsets<SCALE>, h_off, sizeof(h_off)));
    shift<SCALE><<<(n + 127) / 128, 128>>>(d, n);
    int *d_seen;
    CHECK(cudaMalloc(&d_seen, 4 * sizeof(int)));
    bump<SCALE><<<1, 32>>>(d_seen);
    CHECK(cudaGetLastError());
    int seen[4];
    CHECK(cudaMemcpy(seen, d_seen, sizeof(seen), cudaMemcpyDeviceToHost));
    CHECK(cudaFree(d_seen));
    if (seen[1] != -SCALE) printf("bump<%d> saw %d\n", SCALE, seen[1]);
    int back[4];
    CHECK(cudaMemcpyFromSymbol(back, offsets<SCALE>, sizeof(back)));
    return back[0] + 10L * back[1] + 100L * back[2] + 1000L * back[3];
}

int main()
{
    const int n = 1000;
    double f = run_fir<float>(n, false);
    double d = run_fir<double>(n, true);
    printf("fir<float> (initial weights) = %.4f\n", f);
    printf("fir<double> (host weights)   = %.4f\n", d);
    printf("sizeof(weights<float>) = %zu\n", sizeof(weights<float>));

    int *h = (int *)malloc(n * sizeof(int)), *d_v;
    for (int i = 0; i < n; i++) h[i] = i;
    CHECK(cudaMalloc(&d_v, n * sizeof(int)));
    CHECK(cudaMemcpy(d_v, h, n * sizeof(int), cudaMemcpyHostToDevice));
    long b2 = run_shift<2>(d_v, n);
    long b3 = run_shift<3>(d_v, n);
    int back3[4];
    CHECK(cudaMemcpyFromSymbol(back3, offsets<3>, sizeof(back3)));
    CHECK(cudaMemcpy(h, d_v, n * sizeof(int), cudaMemcpyDeviceToHost));
    long total = 0;
    for (int i = 0; i < n; i++) total += h[i];
    printf("offsets<2> back = %ld, offsets<3> back = %ld, again %d %d %d %d, total = %ld\n",
           b2, b3, back3[0], back3[1], back3[2], back3[3], total);

    bool ok = back3[0] == 4 && back3[3] == 1 && sizeof(weights<float>) == TAPS * sizeof(float);
    {
        int weights = 3;                   // a host variable: `weights < 4` is a comparison
        ok = ok && weights < 4;
    }
    printf("%s\n", ok ? "PASS" : "FAIL");
    CHECK(cudaFree(d_v));
    free(h);
    return ok ? 0 : 1;
}
