#include "cpurt.h"
#include "kernel_template_named_like_std.launch.h"
// A kernel template launched from a host function template under `using namespace std`, whose name the
// standard library also uses (HeCBench jaccard's `fill<weighted, T><<<...>>>`): until the host template is
// instantiated, the name finds std::fill's templates as well as the kernel. Only a kernel can be launched, so
// the launch calls the kernel template, once per instance of the host template.
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace std;

/* cutrans: kernel 'fill' moved to kernel_template_named_like_std.kernels.c */







template <bool weighted, typename T>
int run(const int n)
{
    T *d_w;
    cpurtMalloc(&d_w, n * sizeof(T));
    cutrans_dispatch_fill((const cutrans_kernel_fill<weighted, T>*)nullptr, (n + 63) / 64, 64, 0, 0, n, d_w, (T)0.75);
    vector<T> w(n), want(n);
    cpurtMemcpy(w.data(), d_w, n * sizeof(T), cpurtMemcpyDeviceToHost);
    cpurtFree(d_w);
    for (int j = 0; j < n; ++j) {
        want[j] = weighted ? (T)(j + 1) / n : (T)0.75;
    }
    fill(w.begin(), w.begin(), (T)0);     // std::fill, on an empty range: the host call keeps its meaning
    printf("%s %zu-byte: w[1] = %.6f, w[n-1] = %.6f\n", weighted ? "weighted" : "plain", sizeof(T), (double)w[1],
           (double)w[n - 1]);
    return w == want ? 0 : 1;
}

int main()
{
    const int bad = run<true, float>(200) + run<false, float>(200) + run<true, double>(100) + run<false, double>(70);
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
