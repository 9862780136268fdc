#include "oclrt.h"
#include "device_only_struct_methods.launch.h"
// Structs with no data whose methods are __device__ functions (cuda-samples' SharedMemory<T> idiom): the
// variable holds nothing, each method call becomes a call of a device function, and a method that takes
// the launch's dynamic shared memory (extern __shared__) gets it from its caller. The host side never sees
// these structs: they are device-only, as their methods are.
#include <cstdio>
#include <cstdlib>

/* cutrans: device-only struct 'SharedMemory' moved to device_only_struct_methods.cl */


/* cutrans: device-only struct 'SharedMemory' moved to device_only_struct_methods.cl */





/* cutrans: device-only struct 'SharedMemory' moved to device_only_struct_methods.cl */






/* cutrans: device-only struct 'Scaler' moved to device_only_struct_methods.cl */



// A device function that reaches the dynamic shared memory only through a method it calls.
/* cutrans: device function 'scratch' moved to device_only_struct_methods.cl */




/* cutrans: kernel 'block_sums' moved to device_only_struct_methods.cl */











/* cutrans: kernel 'scaled' moved to device_only_struct_methods.cl */





int main() {
    const int blocks = 8, threads = 128, n = blocks * threads;
    float *xf = (float *)malloc(n * sizeof(float)), *yf = (float *)malloc(n * sizeof(float));
    int *xi = (int *)malloc(n * sizeof(int));
    float sums_f[blocks];
    int sums_i[blocks];
    for (int i = 0; i < n; ++i) {
        xf[i] = 0.25f * (float)(i % 97) - 3.0f;
        xi[i] = (i * 31) % 1000 - 500;
    }
    float *df, *dof, *dy;
    int *di, *doi;
    oclrtMalloc((void **)&df, n * sizeof(float));
    oclrtMalloc((void **)&dy, n * sizeof(float));
    oclrtMalloc((void **)&dof, blocks * sizeof(float));
    oclrtMalloc((void **)&di, n * sizeof(int));
    oclrtMalloc((void **)&doi, blocks * sizeof(int));
    oclrtMemcpy(df, xf, n * sizeof(float), oclrtMemcpyHostToDevice);
    oclrtMemcpy(di, xi, n * sizeof(int), oclrtMemcpyHostToDevice);
    cutrans_launch_block_sums_float(blocks, threads, threads * sizeof(float), 0, df, dof);
    cutrans_launch_block_sums_int(blocks, threads, threads * sizeof(int), 0, di, doi);
    cutrans_launch_scaled(blocks, threads, 0, 0, df, dy, 3.0f);
    oclrtMemcpy(sums_f, dof, sizeof sums_f, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(sums_i, doi, sizeof sums_i, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(yf, dy, n * sizeof(float), oclrtMemcpyDeviceToHost);
    int wrong = 0;
    for (int b = 0; b < blocks; ++b) {
        int want = 0;
        for (int t = 0; t < threads; ++t) want += xi[b * threads + t];
        wrong += sums_i[b] != want;
        printf("block %d: float sum %.4f, int sum %d\n", b, sums_f[b], sums_i[b]);
    }
    for (int i = 0; i < n; ++i) wrong += yf[i] != xf[i] * 3.0f + 0.5f;
    printf("y[1] %.4f, y[%d] %.4f\n", yf[1], n - 1, yf[n - 1]);
    oclrtFree(df); oclrtFree(dy); oclrtFree(dof); oclrtFree(di); oclrtFree(doi);
    free(xf); free(yf); free(xi);
    printf("%s\n", wrong ? "FAIL" : "PASS");
    return wrong != 0;
}
