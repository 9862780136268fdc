// Device printf on every target: the common conversions (%d %i %u %x %X %o %c %s %f %e %g %ld %lld %llu),
// flags, widths and precisions, float arguments promoted to double as C's variadic calls do. Output order:
// one thread prints the first lines; then threads 0..3 take turns, separated by barriers; the host prints
// between the launches, after synchronizing.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "device_printf.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

/* cutrans: kernel 'print_one' moved to device_printf.cl */















/* cutrans: kernel 'print_in_turn' moved to device_printf.cl */










int main()
{
    const int n = 4;
    float h[n] = {3.14159265f, -0.000123456f, 65504.5f, 1.0f / 3.0f};
    float *d_v;
    CHECK(oclrtMalloc((void **)&d_v, sizeof(h)));
    CHECK(oclrtMemcpy(d_v, h, sizeof(h), oclrtMemcpyHostToDevice));
    printf("host: before the first launch\n");
    cutrans_launch_print_one(1, 32, 0, 0, d_v, 3);
    CHECK(oclrtDeviceSynchronize());
    printf("host: between the launches\n");
    cutrans_launch_print_in_turn(1, n, 0, 0, d_v, n);
    CHECK(oclrtDeviceSynchronize());
    printf("host: after the launches\n");
    CHECK(oclrtGetLastError());
    CHECK(oclrtFree(d_v));
    printf("PASS\n");
    return 0;
}
