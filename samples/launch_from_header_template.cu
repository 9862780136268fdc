// Regression sample: kernel launches in the host code of a header of the program's own
// (launch_from_header_template.cuh): a host template whose instances only this file asks for (through its
// own host template), with launches under if constexpr that type-check for one instance only, and a plain
// host function. The OpenCL and CPU targets rewrite those launches in the header's host copy, so the launch
// functions of this file's kernels must be declared before the copy is included, and the copy must not
// depend on which file includes it.
#include <cstdio>
#include <cstdlib>
#include "launch_from_header_template.cuh"
#include <cuda_runtime.h>

// y = a * x + y on the device through the header's run_axpy<T>, checked against the host (int adds one
// more: the header's explicit specialization); returns the sum of y.
template <typename T>
double axpy_on_device(int n, T a, int extra, bool *ok)
{
    T *x = (T *)malloc(n * sizeof(T)), *y = (T *)malloc(n * sizeof(T));
    for (int i = 0; i < n; i++) {
        x[i] = (T)(i % 11) - (T)5;
        y[i] = (T)(i % 3);
    }
    T *d_x, *d_y;
    cudaMalloc(&d_x, n * sizeof(T));
    cudaMalloc(&d_y, n * sizeof(T));
    cudaMemcpy(d_x, x, n * sizeof(T), cudaMemcpyHostToDevice);
    cudaMemcpy(d_y, y, n * sizeof(T), cudaMemcpyHostToDevice);
    *ok = *ok && run_axpy<T>(d_x, d_y, a, n) == Status::ok;
    cudaMemcpy(y, d_y, n * sizeof(T), cudaMemcpyDeviceToHost);
    double sum = 0;
    for (int i = 0; i < n; i++) {
        T want = a * ((T)(i % 11) - (T)5) + (T)(i % 3) + (T)extra;
        *ok = *ok && y[i] == want;
        sum += (double)y[i];
    }
    cudaFree(d_x);
    cudaFree(d_y);
    free(x);
    free(y);
    return sum;
}

int main()
{
    const int n = 1000;
    bool ok = true;
    double f = axpy_on_device<float>(n, 1.5f, 0, &ok);
    double d = axpy_on_device<double>(n, -0.25, 0, &ok);
    double i = axpy_on_device<int>(n, 3, 1, &ok);
    ok = ok && run_axpy<char>(nullptr, nullptr, 'a', 0) == Status::unsupported;

    float *h = (float *)malloc(n * sizeof(float)), *d_h;
    for (int k = 0; k < n; k++) h[k] = (float)(k % 7) - 3.0f;
    cudaMalloc(&d_h, n * sizeof(float));
    cudaMemcpy(d_h, h, n * sizeof(float), cudaMemcpyHostToDevice);
    square_all(d_h, n);
    cudaMemcpy(h, d_h, n * sizeof(float), cudaMemcpyDeviceToHost);
    double squares = 0;
    for (int k = 0; k < n; k++) {
        float v = (float)(k % 7) - 3.0f;
        ok = ok && h[k] == v * v;
        squares += h[k];
    }
    cudaFree(d_h);
    free(h);

    printf("axpy sums: float %.2f, double %.3f, int %.0f\n", f, d, i);
    printf("sum of squares %.1f\n", squares);
    ok = ok && cudaGetLastError() == cudaSuccess;
    printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
