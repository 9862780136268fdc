#include "oclrt.h"
#include "null_pointer_device_arguments.launch.h"
// A null pointer given to a device function (`NULL`, `nullptr`, `0`), and a local pointer that starts null and is
// set only in some threads, as HeCBench qtclustering passes NULL for an optional output. A null pointer points into
// no memory in particular; the translation gives it global memory, where OpenCL needs a space, and reads nothing
// through it.
#include <cstddef>
#include <cstdio>

/* cutrans: device function 'count_positive' moved to null_pointer_device_arguments.cl */













/* cutrans: kernel 'counts' moved to null_pointer_device_arguments.cl */









int main()
{
    const int n = 16, threads = 4;
    int x[n], out[threads], marks[n];
    for (int i = 0; i < n; ++i) {
        x[i] = (i * 7) % 5 - 2;
        marks[i] = 0;
    }
    int *d_x, *d_out, *d_marks;
    oclrtMalloc(&d_x, sizeof(x));
    oclrtMalloc(&d_out, sizeof(out));
    oclrtMalloc(&d_marks, sizeof(marks));
    oclrtMemcpy(d_x, x, sizeof(x), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_marks, marks, sizeof(marks), oclrtMemcpyHostToDevice);
    cutrans_launch_counts(1, threads, 0, 0, d_x, d_out, d_marks, n);
    oclrtMemcpy(out, d_out, sizeof(out), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(marks, d_marks, sizeof(marks), oclrtMemcpyDeviceToHost);
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
