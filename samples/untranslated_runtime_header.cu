// A program whose runtime calls partly live in a header cutrans does not convert (runtime_check.h, like
// cuda-samples' helper_cuda.h): every target must still build and compute the same numbers. On HIP the
// header's CUDA names and CUDA's include guard come from cutrans_hip_cuda_names.h, which the output
// includes just before it (the HIP build failed with "use of undeclared identifier 'CHECK'" before).
#include <cuda_runtime.h>
#include "runtime_check.h"

__global__ void squares(const int *in, long long *out, int n) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = (long long)in[i] * in[i];
}

int main() {
    if (pick_device() != 0) {
        printf("FAIL: the device takes fewer than 256 threads per block\n");
        return 1;
    }
    const int n = 3000;
    int *in = (int *)malloc(n * sizeof(int));
    long long *out = (long long *)malloc(n * sizeof(long long));
    for (int i = 0; i < n; ++i) in[i] = (i * 7919) % 100003 - 50000;
    int *d_in;
    long long *d_out;
    CHECK(cudaMalloc((void **)&d_in, n * sizeof(int)));
    CHECK(cudaMalloc((void **)&d_out, n * sizeof(long long)));
    CHECK(cudaMemcpy(d_in, in, n * sizeof(int), cudaMemcpyHostToDevice));
    squares<<<(n + 255) / 256, 256>>>(d_in, d_out, n);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpy(out, d_out, n * sizeof(long long), cudaMemcpyDeviceToHost));
    long long sum = 0;
    int wrong = 0;
    for (int i = 0; i < n; ++i) {
        sum += out[i];
        wrong += out[i] != (long long)in[i] * in[i];
    }
    printf("sum of squares %lld, out[1] %lld, out[2999] %lld\n", sum, out[1], out[n - 1]);
    CHECK(cudaFree(d_in));
    CHECK(cudaFree(d_out));
    free(in);
    free(out);
    printf("%s\n", wrong ? "FAIL" : "PASS");
    return wrong != 0;
}
