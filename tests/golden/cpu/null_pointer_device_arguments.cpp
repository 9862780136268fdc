#include "cpurt.h"
#include "null_pointer_device_arguments.launch.h"
// A null pointer given to a device function (`NULL`, `nullptr`, `0`), and a local pointer that starts null and is
// set only in some threads, as HeCBench qtclustering passes NULL for an optional output. A null pointer points into
// no memory in particular; the translation gives it global memory, where OpenCL needs a space, and reads nothing
// through it.
#include <cstddef>
#include <cstdio>

/* cutrans: device function 'count_positive' moved to null_pointer_device_arguments.kernels.c */













/* cutrans: kernel 'counts' moved to null_pointer_device_arguments.kernels.c */









int main()
{
    const int n = 16, threads = 4;
    int x[n], out[threads], marks[n];
    for (int i = 0; i < n; ++i) {
        x[i] = (i * 7) % 5 - 2;
        marks[i] = 0;
    }
    int *d_x, *d_out, *d_marks;
    cpurtMalloc(&d_x, sizeof(x));
    cpurtMalloc(&d_out, sizeof(out));
    cpurtMalloc(&d_marks, sizeof(marks));
    cpurtMemcpy(d_x, x, sizeof(x), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_marks, marks, sizeof(marks), cpurtMemcpyHostToDevice);
    cutrans_launch_counts(1, threads, 0, 0, d_x, d_out, d_marks, n);
    cpurtMemcpy(out, d_out, sizeof(out), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(marks, d_marks, sizeof(marks), cpurtMemcpyDeviceToHost);
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
