// A program of four source files (verify --link): main() and the runtime calls here, a kernel in each
// .cu file, the host's answers in gold.cpp. Prints what it computed and PASS or FAIL.
#include <cuda_runtime.h>
#include <cstdio>
#include <cstdlib>
#include "ops.h"

int device_calls = 0;

int main() {
    const int n = 1000, nbins = 37;
    float *x = (float *)malloc(n * sizeof(float)), *y = (float *)malloc(n * sizeof(float));
    float *expect = (float *)malloc(n * sizeof(float));
    unsigned *v = (unsigned *)malloc(n * sizeof(unsigned)), bins[nbins], expect_bins[nbins];
    for (int i = 0; i < n; ++i) {
        x[i] = 0.001f * (float)(i * 7 % 1013) - 0.3f;
        v[i] = (unsigned)(i * 2654435761u >> 7);
    }
    float *dx, *dy;
    unsigned *dv, *dbins;
    cudaMalloc(&dx, n * sizeof(float));
    cudaMalloc(&dy, n * sizeof(float));
    cudaMalloc(&dv, n * sizeof(unsigned));
    cudaMalloc(&dbins, nbins * sizeof(unsigned));
    cudaMemcpy(dx, x, n * sizeof(float), cudaMemcpyHostToDevice);
    cudaMemcpy(dv, v, n * sizeof(unsigned), cudaMemcpyHostToDevice);

    scale_on_device(dx, dy, n, 1.5f);
    histogram_on_device(dv, n, dbins, nbins);
    cudaMemcpy(y, dy, n * sizeof(float), cudaMemcpyDeviceToHost);
    cudaMemcpy(bins, dbins, nbins * sizeof(unsigned), cudaMemcpyDeviceToHost);
    if (cudaGetLastError() != cudaSuccess) {
        printf("FAIL: a CUDA call failed\n");
        return 1;
    }

    scale_on_host(x, expect, n, 1.5f);
    histogram_on_host(v, n, expect_bins, nbins);
    int wrong = 0;
    double sum = 0;
    for (int i = 0; i < n; ++i) {
        wrong += y[i] != expect[i];
        sum += y[i];
    }
    for (int b = 0; b < nbins; ++b) wrong += bins[b] != expect_bins[b];
    printf("y[0..3] = %.6f %.6f %.6f %.6f, sum %.6f\n", y[0], y[1], y[2], y[3], sum);
    printf("bins[0..4] = %u %u %u %u %u\n", bins[0], bins[1], bins[2], bins[3], bins[4]);
    printf("device calls %d, mismatches %d\n", device_calls, wrong);
    printf("%s\n", wrong ? "FAIL" : "PASS");
    cudaFree(dx); cudaFree(dy); cudaFree(dv); cudaFree(dbins);
    free(x); free(y); free(expect); free(v);
    return wrong ? 1 : 0;
}
