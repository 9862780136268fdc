// Structs with default member initializers (`int steps = 4;`, `float* out = nullptr;`) made in device code:
// default-initialized locals, braced lists that leave fields out, `Settings{}` temporaries, arrays of them,
// structs holding them, a constructor that leaves fields to them, and one filled in by the host and passed to
// the kernel (which runs none of them).
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "default_member_initializers.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

struct Range {
    float lo = -1.0f;
    float hi = 1.0f;
};

struct Settings {
    int steps = 4;
    float rate = 0.5f;
    Range clamp;                 // no initializer of its own: Range's apply
    const float* bias = nullptr;
    int flags;                   // none at all: indeterminate in C++, never read before it is set
};

struct Tally {
    int hits = 0;                // the constructor leaves it to its initializer
    float weight = 1.0f;
    __device__ explicit Tally(float w) : weight(w) {}
};

/* cutrans: device function 'clamped' moved to default_member_initializers.cl */

/* cutrans: device function 'tuned' moved to default_member_initializers.cl */





/* cutrans: kernel 'relax' moved to default_member_initializers.cl */
















int main() {
    const int n = 256;
    float* h_x = (float*)malloc(n * sizeof(float));
    float* h_bias = (float*)malloc(n * sizeof(float));
    for (int i = 0; i < n; ++i) {
        h_x[i] = 0.03125f * (i - 128);
        h_bias[i] = 0.25f * (i % 5);
    }
    float *d_x, *d_bias;
    CHECK(oclrtMalloc(&d_x, n * sizeof(float)));
    CHECK(oclrtMalloc(&d_bias, n * sizeof(float)));
    CHECK(oclrtMemcpy(d_x, h_x, n * sizeof(float), oclrtMemcpyHostToDevice));
    CHECK(oclrtMemcpy(d_bias, h_bias, n * sizeof(float), oclrtMemcpyHostToDevice));
    Settings given;              // the host runs the initializers, then changes two fields
    given.rate = 3.0f;
    given.bias = d_bias;
    given.flags = 0;
    cutrans_launch_relax(n / 64, 64, 0, 0, d_x, n, given);
    CHECK(oclrtGetLastError());
    float* out = (float*)malloc(n * sizeof(float));
    CHECK(oclrtMemcpy(out, d_x, n * sizeof(float), oclrtMemcpyDeviceToHost));

    int errors = 0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        float v = h_x[i];
        for (int s = 0; s < 2 + i % 3; ++s) v = v * 0.5f + h_bias[i];
        v *= 3.0f;
        float hi = (i & 1) ? 4.0f : 1.0f;
        v = fminf(fmaxf(v, -1.0f), hi);
        v += v > 0.0f ? 0.75f : 0.0f;
        float want = v + 4 * 0.125f - 0.0625f;
        errors += out[i] != want;
        sum += out[i];
    }
    printf("x[0] = %.5f, x[1] = %.5f, x[255] = %.5f\n", out[0], out[1], out[255]);
    printf("sum = %.4f\n", sum);
    printf("errors = %d\n", errors);
    CHECK(oclrtFree(d_x));
    CHECK(oclrtFree(d_bias));
    free(h_x);
    free(h_bias);
    free(out);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    return errors == 0 ? 0 : 1;
}
