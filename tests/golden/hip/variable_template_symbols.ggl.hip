// Regression sample: variable templates in device memory. Each instance device code reads is a device
// variable of its own (weights<float>, weights<double>, offsets<2>, offsets<3>); host code names them
// through the template, inside a host function template (cudaMemcpyToSymbol(weights<T>, ...)) and outside
// one (cudaMemcpyFromSymbol(..., offsets<3>), sizeof(weights<float>)). Covered: a type parameter with an
// initializer, a non-type parameter, instances written and read back by the host, and a host variable
// of the same name compared with `<` (not a template name).
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

#define TAPS 5
#define CHECK(call)                                                          \
    do {                                                                     \
        hipError_t err_ = (call);                                           \
        if (err_ != hipSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    hipGetErrorString(err_), __FILE__, __LINE__);           \
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
    if (reweight) CHECK(hipMemcpyToSymbol(weights<T>, h_w, sizeof(h_w)));
    T *h = (T *)malloc(n * sizeof(T)), *d_in, *d_out;
    for (int i = 0; i < n; i++) h[i] = (T)((i * 7) % 11) / (T)4;
    CHECK(hipMalloc(&d_in, n * sizeof(T)));
    CHECK(hipMalloc(&d_out, n * sizeof(T)));
    CHECK(hipMemcpy(d_in, h, n * sizeof(T), hipMemcpyHostToDevice));
    hipLaunchKernelGGL(HIP_KERNEL_NAME(fir<T>), dim3((n + 63) / 64), dim3(64), 0, 0, d_in, d_out, n);
    CHECK(hipGetLastError());
    CHECK(hipMemcpy(h, d_out, n * sizeof(T), hipMemcpyDeviceToHost));
    double sum = 0;
    for (int i = 0; i < n; i++) sum += (double)h[i] * (i % 5 + 1);
    CHECK(hipFree(d_in));
    CHECK(hipFree(d_out));
    free(h);
    return sum;
}

template <int SCALE>
long run_shift(int *d, int n)
{
    int h_off[4] = {SCALE, -SCALE, 2 * SCALE, 0};
    CHECK(hipMemcpyToSymbol(offsets<SCALE>, h_off, sizeof(h_off)));
    hipLaunchKernelGGL(HIP_KERNEL_NAME(shift<SCALE>), dim3((n + 127) / 128), dim3(128), 0, 0, d, n);
    int *d_seen;
    CHECK(hipMalloc(&d_seen, 4 * sizeof(int)));
    hipLaunchKernelGGL(HIP_KERNEL_NAME(bump<SCALE>), dim3(1), dim3(32), 0, 0, d_seen);
    CHECK(hipGetLastError());
    int seen[4];
    CHECK(hipMemcpy(seen, d_seen, sizeof(seen), hipMemcpyDeviceToHost));
    CHECK(hipFree(d_seen));
    if (seen[1] != -SCALE) printf("bump<%d> saw %d\n", SCALE, seen[1]);
    int back[4];
    CHECK(hipMemcpyFromSymbol(back, offsets<SCALE>, sizeof(back)));
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
    CHECK(hipMalloc(&d_v, n * sizeof(int)));
    CHECK(hipMemcpy(d_v, h, n * sizeof(int), hipMemcpyHostToDevice));
    long b2 = run_shift<2>(d_v, n);
    long b3 = run_shift<3>(d_v, n);
    int back3[4];
    CHECK(hipMemcpyFromSymbol(back3, offsets<3>, sizeof(back3)));
    CHECK(hipMemcpy(h, d_v, n * sizeof(int), hipMemcpyDeviceToHost));
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
    CHECK(hipFree(d_v));
    free(h);
    return ok ? 0 : 1;
}
