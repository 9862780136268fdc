// Regression sample: `typedef` and `using` aliases declared inside device code (cuda-samples'
// cudaTensorCoreGemm copies tiles through `typedef int4 copy_t;`). An alias is a name only: the code
// uses the type it names. Covered: an alias of a vector type used to copy 16 bytes at a time, a
// `using` alias of a scalar in a device function, and an alias of a pointer type.
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "local_type_aliases.launch.h"

/* cutrans: device function 'blend' moved to local_type_aliases.kernels.c */






/* cutrans: kernel 'copy_and_blend' moved to local_type_aliases.kernels.c */











int main()
{
    const int n4 = 300, n = 4 * n4;
    float *h = (float *)malloc(n * sizeof(float)), *back = (float *)malloc(n * sizeof(float));
    for (int i = 0; i < n; i++) h[i] = (float)((i * 29) % 97) / 8.0f - 6.0f;
    float *d_src, *d_dst, *d_mixed;
    cpurtMalloc(&d_src, n * sizeof(float));
    cpurtMalloc(&d_dst, n * sizeof(float));
    cpurtMalloc(&d_mixed, n4 * sizeof(float));
    cpurtMemcpy(d_src, h, n * sizeof(float), cpurtMemcpyHostToDevice);
    cutrans_launch_copy_and_blend((n4 + 127) / 128, 128, 0, 0, d_src, d_dst, d_mixed, n4);
    cpurtMemcpy(back, d_dst, n * sizeof(float), cpurtMemcpyDeviceToHost);
    int same = 0;
    for (int i = 0; i < n; i++) same += back[i] == h[i];
    cpurtMemcpy(back, d_mixed, n4 * sizeof(float), cpurtMemcpyDeviceToHost);
    double sum = 0;
    for (int i = 0; i < n4; i++) sum += back[i] * (i % 5 + 1);
    printf("copied %d of %d, blended sum %.4f\n", same, n, sum);
    printf("%s\n", same == n ? "PASS" : "FAIL");
    cpurtFree(d_src); cpurtFree(d_dst); cpurtFree(d_mixed);
    free(h); free(back);
    return same == n ? 0 : 1;
}
