// Regression sample: dynamic shared memory. `extern __shared__` arrays, declared in the kernel and at
// file scope, are sized by the launch's third configuration argument; two views of the same
// memory alias each other, as in CUDA.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "dynamic_shared_memory.launch.h"

/* cutrans: shared variable 'tile' moved to dynamic_shared_memory.cl */

// Reverse each block's chunk of `data` in place through shared memory.
/* cutrans: kernel 'reverse_chunks' moved to dynamic_shared_memory.cl */













// Sum pairs of neighbours, staging ints and reading them back through a second view.
/* cutrans: kernel 'pair_sums' moved to dynamic_shared_memory.cl */












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
    oclrtMalloc((void**)&d, n * sizeof(float));
    oclrtMalloc((void**)&di, n * sizeof(int));
    oclrtMalloc((void**)&dout, n * sizeof(int));
    oclrtMemcpy(d, h, n * sizeof(float), oclrtMemcpyHostToDevice);
    oclrtMemcpy(di, hi, n * sizeof(int), oclrtMemcpyHostToDevice);

    cutrans_launch_reverse_chunks(grid, block, block * sizeof(float), 0, d, n);
    cutrans_launch_pair_sums(grid, block, block * sizeof(int), 0, di, dout, n);
    oclrtError_t err = oclrtDeviceSynchronize();
    if (err != oclrtSuccess) {
        printf("error: %s\n", oclrtGetErrorString(err));
        return 1;
    }
    oclrtMemcpy(h, d, n * sizeof(float), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(ho, dout, n * sizeof(int), oclrtMemcpyDeviceToHost);

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
    oclrtFree(d);
    oclrtFree(di);
    oclrtFree(dout);
    free(h);
    free(hi);
    free(ho);
    return errors == 0 ? 0 : 1;
}
