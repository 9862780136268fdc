// The address of an element of __half or __half2 memory, `&h[i]`, `&pairs[i]`, passed to device functions
// that read and write through them. On OpenCL without cl_khr_fp16 the halves of global
// memory are reached through vload_half/vstore_half, so the address must stay a pointer into that memory
// (h + i), not become the address of a value already read.
#include <cstdio>
#include <cstring>
#include <hip/hip_runtime.h>
#include "cutrans_hip_fp16.h"

__device__ void scale_in_place(__half *p, float factor)
{
    *p = __float2half(__half2float(*p) * factor);
}

__device__ void swap_halves(__half2 *p)
{
    *p = __lowhigh2highlow(*p);
}

__device__ float sum_of_three(const __half *p)
{
    return __half2float(p[0]) + __half2float(p[1]) + __half2float(p[2]);
}

__global__ void element_addresses(__half *h, __half2 *pairs, float *sums, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    scale_in_place(&h[3 * i + 1], 2.0f);          // the middle one of each three
    swap_halves(&pairs[i]);
    sums[i] = sum_of_three(&h[3 * i]);
}

int main()
{
    const int n = 64;
    __half h_host[3 * n];
    __half2 pairs_host[n];
    for (int i = 0; i < 3 * n; ++i) {
        h_host[i] = __float2half(0.25f * (i % 13) - 1.0f);
    }
    for (int i = 0; i < n; ++i) {
        pairs_host[i] = __floats2half2_rn(0.5f * i, 0.125f * i + 1.0f);
    }
    __half *h;
    __half2 *pairs;
    float *sums;
    hipMalloc((void **)&h, sizeof h_host);
    hipMalloc((void **)&pairs, sizeof pairs_host);
    hipMalloc((void **)&sums, n * sizeof(float));
    hipMemcpy(h, h_host, sizeof h_host, hipMemcpyHostToDevice);
    hipMemcpy(pairs, pairs_host, sizeof pairs_host, hipMemcpyHostToDevice);
    hipLaunchKernelGGL(element_addresses, dim3(2), dim3(32), 0, 0, h, pairs, sums, n);
    float sums_host[n];
    unsigned short h_bits[3 * n], pair_bits[2 * n];
    hipMemcpy(sums_host, sums, sizeof sums_host, hipMemcpyDeviceToHost);
    hipMemcpy(h_bits, h, sizeof h_bits, hipMemcpyDeviceToHost);
    hipMemcpy(pair_bits, pairs, sizeof pair_bits, hipMemcpyDeviceToHost);
    int failures = 0;
    for (int i = 0; i < n; ++i) {
        float a = 0.25f * ((3 * i) % 13) - 1.0f, b = 2.0f * (0.25f * ((3 * i + 1) % 13) - 1.0f);
        float c = 0.25f * ((3 * i + 2) % 13) - 1.0f;
        if (sums_host[i] != a + b + c) {
            printf("FAIL sum %d: %g, expected %g\n", i, sums_host[i], a + b + c);
            ++failures;
        }
    }
    for (int i = 0; i < n; i += 9) {
        printf("%d: sum %g, h %04x %04x %04x, pair %04x %04x\n", i, sums_host[i], h_bits[3 * i], h_bits[3 * i + 1],
               h_bits[3 * i + 2], pair_bits[2 * i], pair_bits[2 * i + 1]);
    }
    hipFree(h);
    hipFree(pairs);
    hipFree(sums);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
