#include "oclrt.h"
#include "conversion_operator_of_class_template.launch.h"
// Methods of class templates that hold no data, used through implicit instantiations (cuda-samples'
// reduction: `T *sdata = SharedMemory<T>();`). The struct has no body written for SharedMemory<int>, so
// the translator copies the class template with T bound and lowers the conversion operator clang picks:
// `operator T *()` for a plain temporary, `operator const T *() const` for a const object. An explicit
// specialization (double) is lowered as it is written, and a two-parameter template's call operator
// shows that each parameter is bound.
#include <cstdio>
#include <cstdlib>

/* cutrans: device-only struct 'SharedMemory' moved to conversion_operator_of_class_template.cl */










/* cutrans: device-only struct 'SharedMemory' moved to conversion_operator_of_class_template.cl */










/* cutrans: device-only struct 'Widen' moved to conversion_operator_of_class_template.cl */



// Each block sums its slice in shared memory; thread 0 reads the total back through the const view.
/* cutrans: kernel 'block_sum' moved to conversion_operator_of_class_template.cl */













/* cutrans: kernel 'widen' moved to conversion_operator_of_class_template.cl */




template <class T> static int check_sums(const char *name, const T *x, const T *sums, int blocks, int threads) {
    int wrong = 0;
    for (int b = 0; b < blocks; ++b) {
        double want = 0;
        for (int t = 0; t < threads; ++t) want += (double)x[b * threads + t];
        wrong += (double)sums[b] != want;
        printf("%s block %d: %.3f\n", name, b, (double)sums[b]);
    }
    return wrong;
}

int main() {
    const int blocks = 4, threads = 64, n = blocks * threads;
    int *xi = (int *)malloc(n * sizeof(int));
    float *xf = (float *)malloc(n * sizeof(float)), *wf = (float *)malloc(n * sizeof(float));
    double *xd = (double *)malloc(n * sizeof(double));
    int si[blocks];
    float sf[blocks];
    double sd[blocks];
    for (int i = 0; i < n; ++i) {
        xi[i] = (i * 37) % 211 - 100;
        xf[i] = 0.5f * (float)(i % 23) - 4.0f;
        xd[i] = 0.125 * (double)(i % 41) + 1.0;
    }
    int *di, *doi;
    float *df, *dof, *dw;
    double *dd, *dod;
    oclrtMalloc((void **)&di, n * sizeof(int));
    oclrtMalloc((void **)&df, n * sizeof(float));
    oclrtMalloc((void **)&dd, n * sizeof(double));
    oclrtMalloc((void **)&dw, n * sizeof(float));
    oclrtMalloc((void **)&doi, blocks * sizeof(int));
    oclrtMalloc((void **)&dof, blocks * sizeof(float));
    oclrtMalloc((void **)&dod, blocks * sizeof(double));
    oclrtMemcpy(di, xi, n * sizeof(int), oclrtMemcpyHostToDevice);
    oclrtMemcpy(df, xf, n * sizeof(float), oclrtMemcpyHostToDevice);
    oclrtMemcpy(dd, xd, n * sizeof(double), oclrtMemcpyHostToDevice);
    cutrans_launch_block_sum_int(blocks, threads, threads * sizeof(int), 0, di, doi);
    cutrans_launch_block_sum_float(blocks, threads, threads * sizeof(float), 0, df, dof);
    cutrans_launch_block_sum_double(blocks, threads, threads * sizeof(double), 0, dd, dod);
    cutrans_launch_widen(blocks, threads, 0, 0, di, dw);
    oclrtMemcpy(si, doi, sizeof si, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(sf, dof, sizeof sf, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(sd, dod, sizeof sd, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(wf, dw, n * sizeof(float), oclrtMemcpyDeviceToHost);
    int wrong = check_sums("int", xi, si, blocks, threads) + check_sums("float", xf, sf, blocks, threads) +
                check_sums("double", xd, sd, blocks, threads);
    for (int i = 0; i < n; ++i) wrong += wf[i] != (float)xi[i] * 2.0f + 1.0f;
    printf("widened[3] %.1f, widened[%d] %.1f\n", wf[3], n - 1, wf[n - 1]);
    oclrtFree(di); oclrtFree(df); oclrtFree(dd); oclrtFree(dw); oclrtFree(doi); oclrtFree(dof); oclrtFree(dod);
    free(xi); free(xf); free(wf); free(xd);
    printf("%s\n", wrong ? "FAIL" : "PASS");
    return wrong != 0;
}
