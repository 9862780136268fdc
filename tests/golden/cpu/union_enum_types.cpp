// Unions, enums (plain and `enum class`) and typedefs, in device code and as kernel parameters: a
// union reads a float's bits (type punning, which C and OpenCL C define), a union parameter arrives
// by value with the host's layout, enums select operations in a switch, typedefs name all of them.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include "cpurt.h"
#include "union_enum_types.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        cpurtError_t err_ = (call);                                           \
        if (err_ != cpurtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cpurtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

typedef float real;
typedef unsigned int bits32;

union FloatBits {
    real f;
    bits32 u;
    unsigned char bytes[4];
};
typedef union FloatBits FloatBitsT;

union Wide {
    double d;
    long long i;
    int halves[2];
};

enum Op { OP_NEGATE, OP_EXPONENT = 4, OP_SCALE };
enum class Channel : short { Low = -1, Mid = 0, High = 7 };
typedef enum Op OpT;

struct Task {
    Channel channel;
    int count;
};

/* cutrans: device function 'exponent_of' moved to union_enum_types.kernels.c */






/* cutrans: device function 'negate_by_bits' moved to union_enum_types.kernels.c */







/* cutrans: kernel 'classify' moved to union_enum_types.kernels.c */






























/* A union parameter and unions in device code, with no enum in the signature. */
/* cutrans: kernel 'flip_signs' moved to union_enum_types.kernels.c */









int main()
{
    const int n = 300;
    real *h_in = (real *)malloc(n * sizeof(real));
    real *h_out = (real *)malloc(n * sizeof(real));
    bits32 *h_raw = (bits32 *)malloc(n * sizeof(bits32));
    for (int i = 0; i < n; ++i) {
        h_in[i] = (real)(i - 150) * 0.37f + (i % 7 == 0 ? 1e-3f : 0.0f);
    }
    FloatBits scale;
    scale.f = 2.5f;
    union Wide tag;
    tag.d = -3.0e100;
    struct Task task = {Channel::High, 3};
    real *d_in, *d_out;
    bits32 *d_raw;
    CHECK(cpurtMalloc((void **)&d_in, n * sizeof(real)));
    CHECK(cpurtMalloc((void **)&d_out, n * sizeof(real)));
    CHECK(cpurtMalloc((void **)&d_raw, n * sizeof(bits32)));
    CHECK(cpurtMemcpy(d_in, h_in, n * sizeof(real), cpurtMemcpyHostToDevice));
    cutrans_launch_classify((n + 63) / 64, 64, 0, 0, d_in, d_out, d_raw, OP_EXPONENT, Channel::High, scale, tag, task, n);
    CHECK(cpurtGetLastError());
    CHECK(cpurtDeviceSynchronize());
    CHECK(cpurtMemcpy(h_out, d_out, n * sizeof(real), cpurtMemcpyDeviceToHost));
    CHECK(cpurtMemcpy(h_raw, d_raw, n * sizeof(bits32), cpurtMemcpyDeviceToHost));
    bits32 *h_flip = (bits32 *)malloc(n * sizeof(bits32));
    cutrans_launch_flip_signs((n + 63) / 64, 64, 0, 0, d_in, d_raw, scale, n);
    CHECK(cpurtGetLastError());
    CHECK(cpurtMemcpy(h_flip, d_raw, n * sizeof(bits32), cpurtMemcpyDeviceToHost));

    int bad = 0;
    for (int i = 0; i < n; ++i) {
        real x = h_in[i], r;
        bits32 u;
        memcpy(&u, &x, sizeof(u));
        int kind = i % 3 == 0 ? 4 : (i % 3 == 1 ? 0 : 5);
        r = kind == 0 ? -x : (kind == 4 ? (real)((u >> 23) & 0xffu) : x * 2.5f);
        r += 7.0f;
        real want = r + 3.0f;
        bits32 rb;
        memcpy(&rb, &r, sizeof(rb));
        bits32 want_raw = rb ^ (bits32)tag.halves[1] ^ (bits32)(tag.i & 0xffff);
        real negated = -x;
        bits32 nb;
        memcpy(&nb, &negated, sizeof(nb));
        bad += h_out[i] != want || h_raw[i] != want_raw || h_flip[i] != (nb ^ scale.u) + ((u >> 23) & 0xffu);
        if (i % 37 == 0) {
            printf("x = %.6f -> %.6f, bits 0x%08x\n", x, h_out[i], h_raw[i]);
        }
    }
    printf("sizeof(FloatBits) = %d, sizeof(Wide) = %d, wrong = %d\n", (int)sizeof(FloatBits), (int)sizeof(union Wide), bad);
    CHECK(cpurtFree(d_in));
    CHECK(cpurtFree(d_out));
    CHECK(cpurtFree(d_raw));
    free(h_in);
    free(h_out);
    free(h_raw);
    free(h_flip);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
