// Read-only cache hints and unrolling: __ldg on float, int and float4, __restrict__ and
// const __restrict__ pointers, #pragma unroll (full, over a constant trip count) and #pragma unroll 4
// (partial, over a trip count the compiler does not know). None of them may change a result.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "readonly_cache_hints.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

#define TAPS 5

/* cutrans: kernel 'stencil' moved to readonly_cache_hints.cl */





















/* cutrans: kernel 'scale_inplace' moved to readonly_cache_hints.cl */








int main()
{
    const int n = 1000, reps = 7;
    float *h_in = (float *)malloc(n * sizeof(float));
    float *h_out = (float *)malloc(n * sizeof(float));
    const int h_w[TAPS] = {1, -2, 4, -2, 1};
    const float4 h_q[4] = {{1.0f, 2.0f, 0.5f, 4.0f}, {-1.0f, 0.25f, 3.0f, 1.0f},
                           {0.5f, 0.5f, 0.5f, 0.5f}, {2.0f, -3.0f, 1.0f, -1.0f}};
    for (int i = 0; i < n; ++i) {
        h_in[i] = (float)((i * 37) % 101) * 0.125f - 6.0f;
    }
    float *d_in, *d_out;
    int *d_w;
    float4 *d_q;
    CHECK(oclrtMalloc((void **)&d_in, n * sizeof(float)));
    CHECK(oclrtMalloc((void **)&d_out, n * sizeof(float)));
    CHECK(oclrtMalloc((void **)&d_w, sizeof(h_w)));
    CHECK(oclrtMalloc((void **)&d_q, sizeof(h_q)));
    CHECK(oclrtMemcpy(d_in, h_in, n * sizeof(float), oclrtMemcpyHostToDevice));
    CHECK(oclrtMemcpy(d_w, h_w, sizeof(h_w), oclrtMemcpyHostToDevice));
    CHECK(oclrtMemcpy(d_q, h_q, sizeof(h_q), oclrtMemcpyHostToDevice));
    cutrans_launch_stencil((n + 127) / 128, 128, 0, 0, d_in, d_w, d_q, d_out, n, reps);
    cutrans_launch_scale_inplace(3, 64, 0, 0, d_out, 0.5f, n);
    CHECK(oclrtGetLastError());
    CHECK(oclrtDeviceSynchronize());
    CHECK(oclrtMemcpy(h_out, d_out, n * sizeof(float), oclrtMemcpyDeviceToHost));

    int bad = 0;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) {
        float acc = 0.0f;
        for (int k = 0; k < TAPS; ++k) {
            int j = i + k - TAPS / 2;
            j = j < 0 ? 0 : (j > n - 1 ? n - 1 : j);
            acc += h_in[j] * (float)h_w[k];
        }
        float4 q = h_q[i % 4];
        float extra = 0.0f;
        for (int r = 0; r < reps; ++r) {
            extra += q.x * (float)r - q.y + q.z * q.w;
        }
        float want = (acc + extra) * 0.5f;
        bad += h_out[i] != want;
        sum += h_out[i];
        if (i % 125 == 0) {
            printf("out[%d] = %.6f\n", i, h_out[i]);
        }
    }
    printf("sum = %.4f, wrong = %d\n", sum, bad);
    CHECK(oclrtFree(d_in));
    CHECK(oclrtFree(d_out));
    CHECK(oclrtFree(d_w));
    CHECK(oclrtFree(d_q));
    free(h_in);
    free(h_out);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
