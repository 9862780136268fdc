// Regression sample: declarations that name types or check facts and make no code, in device code and
// in structs that device code uses: a member type alias (HeCBench hadamard's `using index_t = ...`), a
// static_assert in a struct and in a kernel (HeCBench score), and an enum declared inside a kernel
// (HeCBench graphB+). Each was refused (L001, L003); now the names resolve and no code is made.
#include <cstdio>
#include "cpurt.h"
#include "device_code_type_declarations.launch.h"

struct Params {
    using index_t = long long;
    typedef float value_t;
    static_assert(sizeof(index_t) == 8, "64-bit strides");
    index_t stride;
    value_t scale;
    int count;
};

#define BINS 64
#define WARP 32

/* cutrans: kernel 'classify' moved to device_code_type_declarations.kernels.c */












int main()
{
    const int n = 100, stride = 2;
    float h[n * stride];
    for (int i = 0; i < n * stride; ++i) {
        h[i] = 0.05f * (float)(i % 61) - 1.0f;
    }
    float *d_in, *d_scaled;
    int *d_labels;
    cpurtMalloc((void **)&d_in, sizeof h);
    cpurtMalloc((void **)&d_scaled, n * sizeof(float));
    cpurtMalloc((void **)&d_labels, n * sizeof(int));
    cpurtMemcpy(d_in, h, sizeof h, cpurtMemcpyHostToDevice);
    Params p;
    p.stride = stride;
    p.scale = 4.0f;
    p.count = n;
    cutrans_launch_classify((n + 63) / 64, 64, 0, 0, p, d_in, d_labels, d_scaled);
    int labels[n];
    float scaled[n];
    cpurtMemcpy(labels, d_labels, sizeof labels, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(scaled, d_scaled, sizeof scaled, cpurtMemcpyDeviceToHost);
    int errors = 0, counts[3] = {0, 0, 0};
    for (int i = 0; i < n; ++i) {
        float v = h[i * stride];
        errors += labels[i] != (v < 0.0f ? 0 : v < 1.0f ? 1 : 2);
        errors += scaled[i] != v * 4.0f;
        counts[labels[i]] += 1;
    }
    printf("negative %d, small %d, large %d, scaled[7] = %g\n", counts[0], counts[1], counts[2], scaled[7]);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    cpurtFree(d_in);
    cpurtFree(d_scaled);
    cpurtFree(d_labels);
    return 0;
}
