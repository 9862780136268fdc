// Regression sample: CUDA's long and ulong vector types (HeCBench compute-score's ulong4). The stand-in
// headers lacked them, so parsing failed (P002 unknown type name); their elements are 64-bit, as `long` is
// on the 64-bit Linux hosts cutrans parses for, with CUDA's 16-byte cap on alignment.
#include <cstdio>
#include "oclrt.h"
#include "long_vector_types.launch.h"
/* cutrans: kernel 'pack' moved to long_vector_types.cl */









int main()
{
    const int n = 64;
    unsigned long h[4 * n];
    for (int i = 0; i < 4 * n; ++i) h[i] = 0x9e3779b97f4a7c15ul * (unsigned long)(i + 1);
    unsigned long *d; ulong4 *o; long2 *s;
    oclrtMalloc((void **)&d, sizeof h); oclrtMalloc((void **)&o, n * sizeof(ulong4)); oclrtMalloc((void **)&s, n * sizeof(long2));
    oclrtMemcpy(d, h, sizeof h, oclrtMemcpyHostToDevice);
    cutrans_launch_pack(2, 32, 0, 0, d, o, s, n);
    ulong4 ho[n]; long2 hs[n];
    oclrtMemcpy(ho, o, sizeof ho, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(hs, s, sizeof hs, oclrtMemcpyDeviceToHost);
    int errors = 0; unsigned long x = 0;
    for (int i = 0; i < n; ++i) {
        unsigned long w = h[4 * i + 3] ^ (h[4 * i] << 33);
        errors += ho[i].w != w || hs[i].x != (long)(h[4*i] + h[4*i+1]) || hs[i].y != -(long)(h[4*i+2] + w);
        x ^= ho[i].w + (unsigned long)hs[i].y;
    }
    printf("x = %lu, sizeof(ulong4) = %zu, alignof(long2) = %zu\n", x, sizeof(ulong4), alignof(long2));
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    return 0;
}
