#include <hip/hip_runtime.h>
// A null pointer given to a device function (`NULL`, `nullptr`, `0`), and a local pointer that starts null and is
// set only in some threads, as HeCBench qtclustering passes NULL for an optional output. A null pointer points into
// no memory in particular; the translation gives it global memory, where OpenCL needs a space, and reads nothing
// through it.
#include <cstddef>
#include <cstdio>

__device__ int count_positive(const int *x, int n, int *seen)
{
    int c = 0;
    for (int i = 0; i < n; ++i) {
        if (x[i] > 0) {
            ++c;
            if (seen != NULL) {
                seen[i] += 1;
            }
        }
    }
    return c;
}

__global__ void counts(const int *x, int *out, int *marks, int n)
{
    int *maybe = nullptr;
    if (threadIdx.x == 1) {
        maybe = marks;
    }
    int none = count_positive(x, n, NULL) + count_positive(x, n, 0);
    out[threadIdx.x] = none + 10 * count_positive(x, n, maybe) + 100 * (maybe == NULL);
}

int main()
{
    const int n = 16, threads = 4;
    int x[n], out[threads], marks[n];
    for (int i = 0; i < n; ++i) {
        x[i] = (i * 7) % 5 - 2;
        marks[i] = 0;
    }
    int *d_x, *d_out, *d_marks;
    hipMalloc(&d_x, sizeof(x));
    hipMalloc(&d_out, sizeof(out));
    hipMalloc(&d_marks, sizeof(marks));
    hipMemcpy(d_x, x, sizeof(x), hipMemcpyHostToDevice);
    hipMemcpy(d_marks, marks, sizeof(marks), hipMemcpyHostToDevice);
    hipLaunchKernelGGL(counts, dim3(1), dim3(threads), 0, 0, d_x, d_out, d_marks, n);
    hipMemcpy(out, d_out, sizeof(out), hipMemcpyDeviceToHost);
    hipMemcpy(marks, d_marks, sizeof(marks), hipMemcpyDeviceToHost);
    int positive = 0, bad = 0;
    for (int i = 0; i < n; ++i) {
        positive += x[i] > 0;
        bad += marks[i] != (x[i] > 0);
    }
    for (int t = 0; t < threads; ++t) {
        int want = 2 * positive + 10 * positive + 100 * (t != 1);    // counting does not need the marks
        printf("thread %d: %d\n", t, out[t]);
        bad += out[t] != want;
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
