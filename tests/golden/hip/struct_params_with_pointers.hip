// Kernels that take their device pointers inside structs passed by value: nested structs, an array of structs,
// an array of ints, a private copy changed in the kernel, device functions taking the struct by value and by
// pointer, and atomics through the struct's pointers. OpenCL passes such a struct field by field.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        hipError_t err_ = (call);                                           \
        if (err_ != hipSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    hipGetErrorString(err_), __FILE__, __LINE__);           \
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

__device__ float load(Span s, int i) { return i < s.len ? s.data[i] : 0.0f; }

__device__ void store(Job* job, int i, float v) {
    if (i < job->out.len) job->out.data[i] = v;
}

__device__ void tally(Totals t, float v) {
    atomicAdd(t.count, 1);
    atomicAdd(t.sum, v);
}

__global__ void combine(const float* extra, Job job) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    Job mine = job;
    mine.in[1].data = (float*)extra + job.offsets[1];
    float v = load(job.in[0], i) + load(mine.in[1], i) * job.scale + job.offsets[2];
    store(&mine, i, v);
}

__global__ void summarize(const float* x, int n, Totals totals) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n && x[i] > 0.0f) {
        tally(totals, x[i]);
        atomicMax(totals.largest, (unsigned int)i);
    }
}

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
    CHECK(hipMalloc(&d_a, n * sizeof(float)));
    CHECK(hipMalloc(&d_b, n * sizeof(float)));
    CHECK(hipMalloc(&d_out, n * sizeof(float)));
    CHECK(hipMalloc(&d_sum, sizeof(float)));
    CHECK(hipMalloc(&d_count, sizeof(int)));
    CHECK(hipMalloc(&d_largest, sizeof(unsigned int)));
    CHECK(hipMemcpy(d_a, h_a, n * sizeof(float), hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_b, h_b, n * sizeof(float), hipMemcpyHostToDevice));
    CHECK(hipMemset(d_out, 0, n * sizeof(float)));
    CHECK(hipMemset(d_sum, 0, sizeof(float)));
    CHECK(hipMemset(d_count, 0, sizeof(int)));
    CHECK(hipMemset(d_largest, 0, sizeof(unsigned int)));

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
    combine<<<blocks, 128>>>(d_b, job);
    Totals totals = {d_count, d_sum, d_largest};
    summarize<<<blocks, 128>>>(d_out, n, totals);
    CHECK(hipGetLastError());
    CHECK(hipMemcpy(h_out, d_out, n * sizeof(float), hipMemcpyDeviceToHost));
    int count = 0;
    float sum = 0.0f;
    unsigned int largest = 0;
    CHECK(hipMemcpy(&count, d_count, sizeof count, hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(&sum, d_sum, sizeof sum, hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(&largest, d_largest, sizeof largest, hipMemcpyDeviceToHost));

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
    CHECK(hipFree(d_a));
    CHECK(hipFree(d_b));
    CHECK(hipFree(d_out));
    CHECK(hipFree(d_sum));
    CHECK(hipFree(d_count));
    CHECK(hipFree(d_largest));
    free(h_a);
    free(h_b);
    free(h_out);
    printf("%s\n", errors == 0 ? "PASS" : "FAIL");
    return errors == 0 ? 0 : 1;
}
