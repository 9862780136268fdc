#include <hip/hip_runtime.h>
// Functors whose operators are member function templates, called in device code as written: PyTorch's forwarding
// `Max` (`T &&`, `U &&` and a std::common_type result) called on lvalues, on a literal and on mixed types, and a
// struct of method templates taking `const T &` and `T`. libclang reports no template arguments for a method's
// specialization: cutrans deduces them from the parameter types clang chose and instantiates each method once.
#include <cstdio>
#include <type_traits>

struct Max {
    template <typename T, typename U>
    __device__ __forceinline__ typename std::common_type<T, U>::type operator()(T &&t, U &&u) const
    {
        return ((t) > (u)) ? (t) : (u);
    }
};

struct Scale {
    template <class T>
    __device__ T twice(const T &x) const { return x + x; }
    template <class T>
    __device__ T halve(T x) const { return x / 2; }
};

__global__ void combine(const float *a, const int *b, float *out, int *iout, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    Max max;
    Scale scale;
    float left = a[i], right = a[(i + 1) % n];
    out[i] = max(left, right) + Max()(b[i], 0.5f);      // float & twice; then const int & with a float rvalue
    iout[i] = Max{}(b[i], 7) + scale.twice(b[i]) - scale.halve(b[i]);
    out[n + i] = scale.twice(left) * scale.halve(2.5f);
}

int main()
{
    const int n = 200;
    static float a[n], out[2 * n];
    static int b[n], iout[n];
    for (int i = 0; i < n; ++i) {
        a[i] = (float)((i * 37) % 101) * 0.25f - 12.0f;
        b[i] = (i * 53) % 29 - 14;
    }
    float *d_a, *d_out;
    int *d_b, *d_iout;
    hipMalloc(&d_a, sizeof(a));
    hipMalloc(&d_out, sizeof(out));
    hipMalloc(&d_b, sizeof(b));
    hipMalloc(&d_iout, sizeof(iout));
    hipMemcpy(d_a, a, sizeof(a), hipMemcpyHostToDevice);
    hipMemcpy(d_b, b, sizeof(b), hipMemcpyHostToDevice);
    hipLaunchKernelGGL(combine, dim3((n + 63) / 64), dim3(64), 0, 0, d_a, d_b, d_out, d_iout, n);
    hipMemcpy(out, d_out, sizeof(out), hipMemcpyDeviceToHost);
    hipMemcpy(iout, d_iout, sizeof(iout), hipMemcpyDeviceToHost);
    int bad = 0;
    for (int i = 0; i < n; ++i) {
        float right = a[(i + 1) % n], bf = (float)b[i];
        float want = (a[i] > right ? a[i] : right) + (bf > 0.5f ? bf : 0.5f);
        int iwant = (b[i] > 7 ? b[i] : 7) + 2 * b[i] - b[i] / 2;
        float want2 = 2.0f * a[i] * 1.25f;
        bad += out[i] != want || iout[i] != iwant || out[n + i] != want2;
        if (i % 20 == 0) {
            printf("%d: %.9g %d %.9g\n", i, out[i], iout[i], out[n + i]);
        }
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
