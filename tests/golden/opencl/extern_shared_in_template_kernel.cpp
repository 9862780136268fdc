// Regression sample: dynamic shared memory declared inside a template kernel (`extern __shared__` at block
// scope), viewed as the kernel's element type through reinterpret_cast, as HeCBench convolution1D does.
// A block-scope extern belongs to the enclosing namespace, which once made it look like a bound template
// parameter of the kernel's instance ("cannot evaluate template parameter"). Each block stages its tile
// plus a halo in shared memory and computes a 3-point moving sum, for float, double and int.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "extern_shared_in_template_kernel.launch.h"

/* cutrans: kernel 'moving_sum' moved to extern_shared_in_template_kernel.cl */













template <typename T>
double run(int n, int block)
{
    T *h = (T *)malloc(n * sizeof(T)), *d_in, *d_out;
    for (int i = 0; i < n; i++) h[i] = (T)(i % 13) - (T)6;
    oclrtMalloc(&d_in, n * sizeof(T));
    oclrtMalloc(&d_out, n * sizeof(T));
    oclrtMemcpy(d_in, h, n * sizeof(T), oclrtMemcpyHostToDevice);
    cutrans_dispatch_moving_sum((const cutrans_kernel_moving_sum<T>*)nullptr, (n + block - 1) / block, block, (block + 2) * sizeof(T), 0, d_in, d_out, n);
    oclrtMemcpy(h, d_out, n * sizeof(T), oclrtMemcpyDeviceToHost);
    double sum = 0;
    for (int i = 0; i < n; i++) sum += (double)h[i] * (i % 7 + 1);
    oclrtFree(d_in);
    oclrtFree(d_out);
    free(h);
    return sum;
}

int main()
{
    double f = run<float>(1000, 64);
    double d = run<double>(777, 128);
    double k = run<int>(513, 32);
    printf("float %.3f double %.3f int %.0f\n", f, d, k);
    int ok = oclrtGetLastError() == oclrtSuccess;
    printf("%s\n", ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
