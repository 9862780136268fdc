// Kernels that take their device pointers inside structs passed by value: nested structs, an array of structs,
// an array of ints, a private copy changed in the kernel, device functions taking the struct by value and by
// pointer, and atomics through the struct's pointers. OpenCL passes such a struct field by field.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "struct_params_with_pointers.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

struct Span {
    float* data;
    int len;
};

struct Job {
    Span in[2];
    Span out;
    int offsets[3];
    float scale;
};

struct Totals {
    int* count;
    float* sum;
    unsigned int* largest;
};

/* cutrans: device function 'load' moved to struct_params_with_pointers.cl */

/* cutrans: device function 'store' moved to struct_params_with_pointers.cl */



/* cutrans: device function 'tally' moved to struct_params_with_pointers.cl */




/* cutrans: kernel 'combine' moved to struct_params_with_pointers.cl */







/* cutrans: kernel 'summarize' moved to struct_params_with_pointers.cl */







int main() {
    const int n = 300, blocks = (n + 127) / 128;
    float* h_a = (float*)malloc(n * sizeof(float));
    float* h_b = (float*)malloc(n * sizeof(float));
    float* h_out = (float*)malloc(n * sizeof(float));
    for (int i = 0; i < n; ++i) {
        h_a[i] = 0.5f * i;
        h_b[i] = (float)((i * 7) % 11) - 3.0f;
    }
    float *d_a, *d_b, *d_out, *d_sum;
    int* d_count;
    unsigned int* d_largest;
    CHECK(oclrtMalloc(&d_a, n * sizeof(float)));
    CHECK(oclrtMalloc(&d_b, n * sizeof(float)));
    CHECK(oclrtMalloc(&d_out, n * sizeof(float)));
    CHECK(oclrtMalloc(&d_sum, sizeof(float)));
    CHECK(oclrtMalloc(&d_count, sizeof(int)));
    CHECK(oclrtMalloc(&d_largest, sizeof(unsigned int)));
    CHECK(oclrtMemcpy(d_a, h_a, n * sizeof(float), oclrtMemcpyHostToDevice));
    CHECK(oclrtMemcpy(d_b, h_b, n * sizeof(float), oclrtMemcpyHostToDevice));
    CHECK(oclrtMemset(d_out, 0, n * sizeof(float)));
    CHECK(oclrtMemset(d_sum, 0, sizeof(float)));
    CHECK(oclrtMemset(d_count, 0, sizeof(int)));
    CHECK(oclrtMemset(d_largest, 0, sizeof(unsigned int)));

    Job job;
    job.in[0].data = d_a + 3;          // an interior pointer, 12 bytes in
    job.in[0].len = n - 3;
    job.in[1].data = d_a;              // replaced in the kernel's copy by d_b + offsets[1]
    job.in[1].len = n - 10;
    job.out.data = d_out;
    job.out.len = n - 5;
    job.offsets[0] = 0;
    job.offsets[1] = 10;
    job.offsets[2] = 7;
    job.scale = 0.25f;
    cutrans_launch_combine(blocks, 128, 0, 0, d_b, job);
    Totals totals = {d_count, d_sum, d_largest};
    cutrans_launch_summarize(blocks, 128, 0, 0, d_out, n, totals);
    CHECK(oclrtGetLastError());
    CHECK(oclrtMemcpy(h_out, d_out, n * sizeof(float), oclrtMemcpyDeviceToHost));
    int count = 0;
    float sum = 0.0f;
    unsigned int largest = 0;
    CHECK(oclrtMemcpy(&count, d_count, sizeof count, oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(&sum, d_sum, sizeof sum, oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(&largest, d_largest, sizeof largest, oclrtMemcpyDeviceToHost));

    int errors = 0, want_count = 0;
    unsigned int want_largest = 0;
    for (int i = 0; i < n; ++i) {
        float a = i < n - 3 ? h_a[3 + i] : 0.0f;
        float b = i < n - 10 ? h_b[10 + i] : 0.0f;
        float want = i < n - 5 ? a + b * 0.25f + 7.0f : 0.0f;
        errors += h_out[i] != want;
        if (want > 0.0f) {
            ++want_count;
            want_largest = (unsigned int)i;
        }
    }
    errors += count != want_count;
    errors += largest != want_largest;
    printf("out[0] = %.3f, out[150] = %.3f, out[294] = %.3f\n", h_out[0], h_out[150], h_out[294]);
    printf("count = %d, largest = %u, sum = %.1f\n", count, largest, sum);
    printf("errors = %d\n", errors);
    CHECK(oclrtFree(d_a));
    CHECK(oclrtFree(d_b));
    CHECK(oclrtFree(d_out));
    CHECK(oclrtFree(d_sum));
    CHECK(oclrtFree(d_count));
    CHECK(oclrtFree(d_largest));
    free(h_a);
    free(h_b);
    free(h_out);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    return errors == 0 ? 0 : 1;
}
