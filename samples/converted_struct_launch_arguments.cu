// Regression sample: kernel arguments that their struct parameters convert, as C++ converts the arguments of
// any call: an int through a converting constructor (HeCBench idivide's int_fastdiv, launched as
// throughput_test<int_fastdiv><<<g, b>>>(3, 5, 7, 0, 0)). The OpenCL and CPU launch glue took each struct as
// it was passed and checked its size, so `3` failed that check; the host code now converts such an argument
// to its parameter's type at the launch. (A braced list, `k<<<g, b>>>({10, 4000})`, is converted too, but the
// emulation, CI's reference, cannot pass one on: tests/unit/test_launch_glue.py covers it.)
#include <cstdio>
#include <cuda_runtime.h>

// divides a non-negative int by a constant that is not a power of two through a multiply and a shift, the
// magic number made once on the host (exact below 2^31)
class Divisor {
public:
    __host__ __device__ Divisor(int d) : d_(d), shift_(0)
    {
        while ((2 << shift_) <= d) ++shift_;
        magic_ = (unsigned)(((1ull << (32 + shift_)) + d - 1) / d);
    }
    __device__ int divide(int n) const { return (int)(((unsigned long long)n * magic_) >> (32 + shift_)); }
    __device__ int value() const { return d_; }

private:
    int d_;
    int shift_;
    unsigned magic_;
};

struct Window {
    int lo, hi;
};

__global__ void quotients(Divisor by, Window w, Divisor check, int *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        int v = w.lo + i % (w.hi - w.lo);
        out[i] = by.divide(v) * 1000 + (v / check.value() == check.divide(v));
    }
}

int main()
{
    const int n = 256;
    int *out, h[n];
    cudaMalloc((void **)&out, sizeof h);
    Divisor seven(7);
    quotients<<<4, 64>>>(3, Window{10, 4000}, seven, out, n);
    cudaMemcpy(h, out, sizeof h, cudaMemcpyDeviceToHost);
    int bad = 0;
    for (int i = 0; i < n; ++i) {
        int v = 10 + i % 3990;
        bad += h[i] != (v / 3) * 1000 + 1;
    }
    printf("%d %d %d\n", h[0], h[100], h[n - 1]);
    quotients<<<4, 64>>>(Divisor(11), Window{0, 100000}, 13, out, n);
    cudaMemcpy(h, out, sizeof h, cudaMemcpyDeviceToHost);
    for (int i = 0; i < n; ++i) bad += h[i] != (i / 11) * 1000 + 1;
    printf("%d %d\n", h[5], h[n - 1]);
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
