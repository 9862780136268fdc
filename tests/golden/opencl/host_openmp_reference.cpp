#include "oclrt.h"
#include "host_openmp_reference.launch.h"
// A program whose host code uses OpenMP, as HeCBench's do for their CPU references and timers (backprop, cfd,
// haversine...): `#include <omp.h>`, a `#pragma omp parallel for` reference loop and omp_get_wtime(). Its own
// build compiles the host code with -fopenmp (nvcc -Xcompiler -fopenmp); cutrans keeps the host code as
// written and builds it, and the reference, with OpenMP when the program includes <omp.h>. The printed numbers
// do not depend on the number of OpenMP threads: each iteration writes its own element.
#include <cmath>
#include <cstdio>
#include <omp.h>

/* cutrans: kernel 'haversine' moved to host_openmp_reference.cl */












int main()
{
    const int n = 1000;
    static float2 a[n], b[n];
    static float km[n], want[n];
    for (int i = 0; i < n; ++i) {
        // pairs far from antipodal: asin near 1 would magnify the last bit of sinf and cosf
        a[i] = make_float2((float)(i % 120) - 60.0f, (float)(i % 360) - 180.0f);
        b[i] = make_float2(a[i].x + (float)((i * 7) % 40) - 20.0f, a[i].y + (float)((i * 13) % 60) - 30.0f);
    }
    double start = omp_get_wtime();
#pragma omp parallel for
    for (int i = 0; i < n; ++i) {
        const double r = 6371.0, rad = 0.017453292519943295;
        double dlat = ((double)b[i].x - a[i].x) * rad, dlon = ((double)b[i].y - a[i].y) * rad;
        double s = sin(dlat * 0.5), t = sin(dlon * 0.5);
        double h = s * s + cos(a[i].x * rad) * cos(b[i].x * rad) * t * t;
        want[i] = (float)(2.0 * r * asin(sqrt(h)));
    }
    double host_seconds = omp_get_wtime() - start;
    float2 *d_a, *d_b;
    float *d_km;
    oclrtMalloc(&d_a, sizeof(a));
    oclrtMalloc(&d_b, sizeof(b));
    oclrtMalloc(&d_km, sizeof(km));
    oclrtMemcpy(d_a, a, sizeof(a), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_b, b, sizeof(b), oclrtMemcpyHostToDevice);
    cutrans_launch_haversine((n + 255) / 256, 256, 0, 0, d_a, d_b, d_km, n);
    oclrtMemcpy(km, d_km, sizeof(km), oclrtMemcpyDeviceToHost);
    int bad = 0;
    for (int i = 0; i < n; ++i) {
        bad += fabsf(km[i] - want[i]) > 0.5f;
        if (i % 100 == 0) {
            printf("%d: %.6g km\n", i, km[i]);
        }
    }
    printf("host reference: %s, %s\n", host_seconds >= 0.0 ? "timed" : "the clock went back",
           omp_get_max_threads() > 0 ? "with OpenMP threads" : "without OpenMP threads");
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
