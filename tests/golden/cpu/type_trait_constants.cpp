// C++17 type-trait constants in device code: `if constexpr (std::is_same_v<T, unsigned>)` and
// `std::is_integral_v<T> ? ... : ...` in a kernel template (HeCBench dp4a). clang shows an instance of such a
// variable template as an unexposed declaration, which the frontend refused (L001); its value is a constant.
// The host code calls memcmp without including <string.h>, which nvcc's headers include (as they do <stdlib.h>,
// <time.h> and <assert.h>).
#include <cstdio>
#include <type_traits>
#include "cpurt.h"
#include "type_trait_constants.launch.h"

// per element: a byte sum for unsigned words, a scaled copy for ints and floats
/* cutrans: kernel 'digest' moved to type_trait_constants.kernels.c */















template <typename T>
static int run(const T *host_in, T *host_out, int n)
{
    T *d_in, *d_out;
    cpurtMalloc(&d_in, n * sizeof(T));
    cpurtMalloc(&d_out, n * sizeof(T));
    cpurtMemcpy(d_in, host_in, n * sizeof(T), cpurtMemcpyHostToDevice);
    cutrans_dispatch_digest(nullptr, (n + 63) / 64, 64, 0, 0, d_in, d_out, n);
    cpurtMemcpy(host_out, d_out, n * sizeof(T), cpurtMemcpyDeviceToHost);
    cpurtFree(d_in);
    cpurtFree(d_out);
    return 0;
}

int main()
{
    const int n = 200;
    static unsigned words[n], sums[n], want_sums[n];
    static int ints[n], scaled[n], want_scaled[n];
    static float floats[n], mapped[n], want_mapped[n];
    unsigned state = 99u;
    for (int i = 0; i < n; ++i) {
        state = state * 1664525u + 1013904223u;
        words[i] = state;
        ints[i] = (int)(state >> 20) - 2048;
        floats[i] = (float)(int)(state >> 22) * 0.25f;
        want_sums[i] = (state & 255u) + ((state >> 8) & 255u) + ((state >> 16) & 255u) + (state >> 24);
        want_scaled[i] = ints[i] * 3;
        want_mapped[i] = floats[i] * 0.5f + 1.0f;
    }
    run(words, sums, n);
    run(ints, scaled, n);
    run(floats, mapped, n);
    long long checksum = 0;
    for (int i = 0; i < n; ++i) {
        checksum += (long long)sums[i] * (i % 7 + 1) + scaled[i];
    }
    printf("byte sums %u %u %u, scaled %d %d, mapped %.2f %.2f, checksum %lld\n", sums[0], sums[1], sums[n - 1],
           scaled[0], scaled[n - 1], mapped[0], mapped[n - 1], checksum);
    int bad = memcmp(sums, want_sums, sizeof(sums)) != 0;
    bad += memcmp(scaled, want_scaled, sizeof(scaled)) != 0;
    bad += memcmp(mapped, want_mapped, sizeof(mapped)) != 0;
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return 0;
}
