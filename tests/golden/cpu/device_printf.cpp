// Device printf on every target: the common conversions (%d %i %u %x %X %o %c %s %f %e %g %ld %lld %llu),
// flags, widths and precisions, float arguments promoted to double as C's variadic calls do. Output order:
// one thread prints the first lines; then threads 0..3 take turns, separated by barriers; the host prints
// between the launches, after synchronizing.
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "device_printf.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        cpurtError_t err_ = (call);                                           \
        if (err_ != cpurtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cpurtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

/* cutrans: kernel 'print_one' moved to device_printf.kernels.c */















/* cutrans: kernel 'print_in_turn' moved to device_printf.kernels.c */










int main()
{
    const int n = 4;
    float h[n] = {3.14159265f, -0.000123456f, 65504.5f, 1.0f / 3.0f};
    float *d_v;
    CHECK(cpurtMalloc((void **)&d_v, sizeof(h)));
    CHECK(cpurtMemcpy(d_v, h, sizeof(h), cpurtMemcpyHostToDevice));
    printf("host: before the first launch\n");
    cutrans_launch_print_one(1, 32, 0, 0, d_v, 3);
    CHECK(cpurtDeviceSynchronize());
    printf("host: between the launches\n");
    cutrans_launch_print_in_turn(1, n, 0, 0, d_v, n);
    CHECK(cpurtDeviceSynchronize());
    printf("host: after the launches\n");
    CHECK(cpurtGetLastError());
    CHECK(cpurtFree(d_v));
    printf("PASS\n");
    return 0;
}
