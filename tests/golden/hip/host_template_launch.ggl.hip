// Launches inside host function templates: the kernel instance a launch asks for depends on the
// template arguments of the host function around it. Covered: explicit host template arguments
// (run_axpb<float>), deduced ones (run_axpb(d_d, ...)), a host template calling another with its own
// parameters (pipeline -> run_axpb, scale_all), non-type template parameters (int and bool, one
// with a default), and a kernel whose template arguments are deduced from the launch's arguments.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

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
__global__ void axpb(T *y, const T *x, T a, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        y[i] = a * x[i] + y[i];
    }
}

template <typename T, int R, bool NEGATE = false>
__global__ void scale_by(T *d, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        d[i] = NEGATE ? -d[i] * (T)R : d[i] * (T)R;
    }
}

template <typename T>
__global__ void add_one(T *d, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        d[i] += (T)1;
    }
}

static const int kBlock = 64;

template <typename T>
void run_axpb(T *y, const T *x, T a, int n)
{
    hipLaunchKernelGGL(HIP_KERNEL_NAME(axpb<T>), dim3((n + kBlock - 1) / kBlock), dim3(kBlock), 0, 0, y, x, a, n);
}

template <int R, typename T>
void scale_all(T *d, int n, bool negate)
{
    const int grid = (n + kBlock - 1) / kBlock;
    if (negate) {
        hipLaunchKernelGGL(HIP_KERNEL_NAME(scale_by<T, R, true>), dim3(grid), dim3(kBlock), 0, 0, d, n);
    } else {
        hipLaunchKernelGGL(HIP_KERNEL_NAME(scale_by<T, R>), dim3(grid), dim3(kBlock), 0, 0, d, n);     // NEGATE takes its default
    }
    hipLaunchKernelGGL(add_one, dim3(grid), dim3(kBlock), 0, 0, d, n);                // add_one<T>, deduced from d
}

template <typename T>
void pipeline(T *d, const T *x, int n)
{
    run_axpb<T>(d, x, (T)2, n);
    scale_all<3>(d, n, false);
    scale_all<2>(d, n, true);
}

template <typename T>
static double sum_of(const T *h, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; ++i) s += (double)h[i];
    return s;
}

int main()
{
    const int n = 300;
    float *h_f = (float *)malloc(n * sizeof(float));
    double *h_d = (double *)malloc(n * sizeof(double));
    int *h_i = (int *)malloc(n * sizeof(int));
    for (int i = 0; i < n; ++i) {
        h_f[i] = 0.5f * (float)(i % 7);
        h_d[i] = 0.25 * (double)(i % 5);
        h_i[i] = i % 9 - 4;
    }
    float *d_f, *d_fx;
    double *d_d, *d_dx;
    int *d_i, *d_ix;
    CHECK(hipMalloc((void **)&d_f, n * sizeof(float)));
    CHECK(hipMalloc((void **)&d_fx, n * sizeof(float)));
    CHECK(hipMalloc((void **)&d_d, n * sizeof(double)));
    CHECK(hipMalloc((void **)&d_dx, n * sizeof(double)));
    CHECK(hipMalloc((void **)&d_i, n * sizeof(int)));
    CHECK(hipMalloc((void **)&d_ix, n * sizeof(int)));
    CHECK(hipMemcpy(d_f, h_f, n * sizeof(float), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_fx, h_f, n * sizeof(float), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_d, h_d, n * sizeof(double), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_dx, h_d, n * sizeof(double), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_i, h_i, n * sizeof(int), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_ix, h_i, n * sizeof(int), hipMemcpyHostToDevice));

    run_axpb<float>(d_f, d_fx, 3.0f, n);       // explicit: axpb<float>
    run_axpb(d_d, d_dx, 0.5, n);               // deduced: axpb<double>
    pipeline<int>(d_i, d_ix, n);               // nested: axpb<int>, scale_by<int, 3>, scale_by<int, 2, true>, add_one<int>
    scale_all<4>(d_f, n, false);               // scale_by<float, 4>, add_one<float>
    CHECK(hipGetLastError());
    CHECK(hipDeviceSynchronize());
    CHECK(hipMemcpy(h_f, d_f, n * sizeof(float), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(h_d, d_d, n * sizeof(double), hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(h_i, d_i, n * sizeof(int), hipMemcpyDeviceToHost));

    double want_f = 0.0, want_d = 0.0, want_i = 0.0;
    for (int i = 0; i < n; ++i) {
        float f = 0.5f * (float)(i % 7);
        want_f += (double)((f * 3.0f + f) * 4.0f + 1.0f);
        double d = 0.25 * (double)(i % 5);
        want_d += 0.5 * d + d;
        int v = i % 9 - 4;
        v = (2 * v + v) * 3 + 1;
        v = -v * 2 + 1;
        want_i += (double)v;
    }
    double got_f = sum_of(h_f, n), got_d = sum_of(h_d, n), got_i = sum_of(h_i, n);
    printf("float: f[10] = %.4f, sum = %.4f, expected = %.4f\n", h_f[10], got_f, want_f);
    printf("double: d[3] = %.4f, sum = %.4f, expected = %.4f\n", h_d[3], got_d, want_d);
    printf("int: i[7] = %d, sum = %.0f, expected = %.0f\n", h_i[7], got_i, want_i);

    CHECK(hipFree(d_f));
    CHECK(hipFree(d_fx));
    CHECK(hipFree(d_d));
    CHECK(hipFree(d_dx));
    CHECK(hipFree(d_i));
    CHECK(hipFree(d_ix));
    free(h_f);
    free(h_d);
    free(h_i);
    int ok = got_f == want_f && got_d == want_d && got_i == want_i;
    printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
