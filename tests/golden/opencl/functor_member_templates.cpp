#include "oclrt.h"
#include "functor_member_templates.launch.h"
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

/* cutrans: kernel 'combine' moved to functor_member_templates.cl */













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
    oclrtMalloc(&d_a, sizeof(a));
    oclrtMalloc(&d_out, sizeof(out));
    oclrtMalloc(&d_b, sizeof(b));
    oclrtMalloc(&d_iout, sizeof(iout));
    oclrtMemcpy(d_a, a, sizeof(a), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_b, b, sizeof(b), oclrtMemcpyHostToDevice);
    cutrans_launch_combine((n + 63) / 64, 64, 0, 0, d_a, d_b, d_out, d_iout, n);
    oclrtMemcpy(out, d_out, sizeof(out), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(iout, d_iout, sizeof(iout), oclrtMemcpyDeviceToHost);
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
