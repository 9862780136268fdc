#include "cpurt.h"
#include "template_template_reductions.launch.h"
// Reductions parameterized by a template template parameter whose operations are static methods (HeCBench
// rmsnorm's `BlockReduce<SumOp, float>(v)` calling `Func<T>::op(a, b)` and `Func<T>::init()`), passed on from
// one device function template to another (`WarpReduce<Func, T>`). Each instance binds the parameter to the
// class template the call names; a static method, of a struct with data too, is a device function of its own.
#include <cmath>
#include <cstdio>

/* cutrans: device-only struct 'SumOp' moved to template_template_reductions.kernels.c */




/* cutrans: device-only struct 'MaxOp' moved to template_template_reductions.kernels.c */




struct Stats {                  // data, and a static method that needs none
    float mean, rms;
    __host__ __device__ static float rms_of(float sum_squares, int n) { return sqrtf(sum_squares / n); }
};

/* cutrans: device function 'WarpReduce' moved to template_template_reductions.kernels.c */









/* cutrans: device function 'BlockReduce' moved to template_template_reductions.kernels.c */




















/* cutrans: kernel 'row_stats' moved to template_template_reductions.kernels.c */

















int main()
{
    const int rows = 6, cols = 1000;
    static float x[rows * cols], peak[rows];
    static Stats stats[rows];
    unsigned state = 3u;
    for (int i = 0; i < rows * cols; ++i) {
        state = state * 1664525u + 1013904223u;
        x[i] = (float)(state >> 8) / 16777216.0f * 4.0f - 2.0f;
    }
    float *d_x, *d_peak;
    Stats *d_stats;
    cpurtMalloc(&d_x, sizeof(x));
    cpurtMalloc(&d_peak, sizeof(peak));
    cpurtMalloc(&d_stats, sizeof(stats));
    cpurtMemcpy(d_x, x, sizeof(x), cpurtMemcpyHostToDevice);
    cutrans_launch_row_stats(rows, 256, 0, 0, d_x, d_stats, d_peak, cols);
    cpurtMemcpy(stats, d_stats, sizeof(stats), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(peak, d_peak, sizeof(peak), cpurtMemcpyDeviceToHost);
    int bad = 0;
    for (int r = 0; r < rows; ++r) {
        double s = 0.0, q = 0.0;
        float m = -INFINITY;
        for (int c = 0; c < cols; ++c) {
            float v = x[r * cols + c];
            s += v;
            q += (double)v * v;
            m = v > m ? v : m;
        }
        bad += fabs(stats[r].mean - s / cols) > 1e-5 || fabs(stats[r].rms - sqrt(q / cols)) > 1e-5 || peak[r] != m;
        printf("row %d: mean %.8g, rms %.8g, peak %.8g\n", r, stats[r].mean, stats[r].rms, peak[r]);
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
