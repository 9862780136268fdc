// Host code written in C++17 (std::is_same_v, if constexpr, a structured binding, an inline variable), as
// many real programs are: the frontend parses with -std=c++17, and every build of the translation must use
// it too (hipcc's own default standard is older, so the HIP compile check failed on std::is_same_v).
#include <cstdio>
#include <type_traits>
#include <utility>
#include <hip/hip_runtime.h>

inline constexpr int kScale = 3;

__global__ void scale(float *x, int n, float by)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        x[i] = x[i] * by + 1.0f;
    }
}

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
    hipMalloc((void **)&d, sizeof h);
    hipMemcpy(d, h, sizeof h, hipMemcpyHostToDevice);
    scale<<<(n + 31) / 32, 32>>>(d, n, factor<float>());
    scale<<<(n + 31) / 32, 32>>>(d, n, factor<double>());
    hipMemcpy(h, d, sizeof h, hipMemcpyDeviceToHost);
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
