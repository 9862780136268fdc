// Host code written in C++17 (std::is_same_v, if constexpr, a structured binding, an inline variable), as
// many real programs are: the frontend parses with -std=c++17, and every build of the translation must use
// it too (hipcc's own default standard is older, so the HIP compile check failed on std::is_same_v).
#include <cstdio>
#include <type_traits>
#include <utility>
#include "oclrt.h"
#include "cxx17_host_code.launch.h"

inline constexpr int kScale = 3;

/* cutrans: kernel 'scale' moved to cxx17_host_code.cl */







template <typename T>
float factor()
{
    if constexpr (std::is_same_v<T, double>) {
        return 0.5f * kScale;
    } else {
        return 2.0f * kScale;
    }
}

int main()
{
    const int n = 100;
    float h[n];
    for (int i = 0; i < n; ++i) {
        h[i] = (float)i * 0.25f;
    }
    float *d;
    oclrtMalloc((void **)&d, sizeof h);
    oclrtMemcpy(d, h, sizeof h, oclrtMemcpyHostToDevice);
    cutrans_launch_scale((n + 31) / 32, 32, 0, 0, d, n, factor<float>());
    cutrans_launch_scale((n + 31) / 32, 32, 0, 0, d, n, factor<double>());
    oclrtMemcpy(h, d, sizeof h, oclrtMemcpyDeviceToHost);
    auto [first, last] = std::pair<float, float>(h[0], h[n - 1]);
    int failures = 0;
    for (int i = 0; i < n; ++i) {
        float want = ((float)i * 0.25f * 6.0f + 1.0f) * 1.5f + 1.0f;
        failures += h[i] != want;
    }
    printf("first %.9g last %.9g\n", first, last);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
