// Regression sample: dynamic shared memory. `extern __shared__` arrays, declared in the kernel and at
// file scope, are sized by the launch's third configuration argument; two views of the same
// memory alias each other, as in CUDA.
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "dynamic_shared_memory.launch.h"

/* cutrans: shared variable 'tile' moved to dynamic_shared_memory.kernels.c */

// Reverse each block's chunk of `data` in place through shared memory.
/* cutrans: kernel 'reverse_chunks' moved to dynamic_shared_memory.kernels.c */













// Sum pairs of neighbours, staging ints and reading them back through a second view.
/* cutrans: kernel 'pair_sums' moved to dynamic_shared_memory.kernels.c */












int main()
{
    const int n = 1000, block = 128, grid = (n + block - 1) / block;
    float* h = (float*)malloc(n * sizeof(float));
    int* hi = (int*)malloc(n * sizeof(int));
    int* ho = (int*)malloc(n * sizeof(int));
    for (int i = 0; i < n; ++i) {
        h[i] = (float)i * 0.5f;
        hi[i] = (i * 37) % 101 - 50;
    }
    float* d;
    int *di, *dout;
    cpurtMalloc((void**)&d, n * sizeof(float));
    cpurtMalloc((void**)&di, n * sizeof(int));
    cpurtMalloc((void**)&dout, n * sizeof(int));
    cpurtMemcpy(d, h, n * sizeof(float), cpurtMemcpyHostToDevice);
    cpurtMemcpy(di, hi, n * sizeof(int), cpurtMemcpyHostToDevice);

    cutrans_launch_reverse_chunks(grid, block, block * sizeof(float), 0, d, n);
    cutrans_launch_pair_sums(grid, block, block * sizeof(int), 0, di, dout, n);
    cpurtError_t err = cpurtDeviceSynchronize();
    if (err != cpurtSuccess) {
        printf("error: %s\n", cpurtGetErrorString(err));
        return 1;
    }
    cpurtMemcpy(h, d, n * sizeof(float), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(ho, dout, n * sizeof(int), cpurtMemcpyDeviceToHost);

    int errors = 0;
    for (int i = 0; i < n; ++i) {
        int base = i / block * block, count = n - base < block ? n - base : block;
        float want = (float)(base + count - 1 - (i - base)) * 0.5f;
        int right = (i % block + 1 < block && i + 1 < n) ? hi[i + 1] : 0;
        if (h[i] != want || ho[i] != hi[i] + right) ++errors;
    }
    printf("reversed: %.1f %.1f %.1f\n", h[0], h[block], h[n - 1]);
    printf("pair sums: %d %d %d\n", ho[0], ho[block - 1], ho[n - 1]);
    printf("errors = %d\n%s\n", errors, errors == 0 ? "PASS" : "FAIL");
    cpurtFree(d);
    cpurtFree(di);
    cpurtFree(dout);
    free(h);
    free(hi);
    free(ho);
    return errors == 0 ? 0 : 1;
}
