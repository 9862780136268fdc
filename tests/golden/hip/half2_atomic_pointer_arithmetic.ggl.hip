#include <hip/hip_runtime.h>
// atomicAdd on __half2 through pointer arithmetic (`result_v + tid % 256`), as HeCBench f16atomic writes it,
// next to the indexed form (`&result_v[i]`). On OpenCL without cl_khr_fp16 a __half2 of global memory is
// reached through a pointer to 32-bit words, and the atomic's helper is chosen by that pointer's type: the sum
// of a pointer and an offset kept the type of halves held in floats, so the update read and wrote floats over
// the halves (PoCL only warned of the pointer types), and every result was 0.
#include <cstdio>
#include "cutrans_hip_fp16.h"

#define SLOTS 8

__global__ void accumulate(__half *result, int n)
{
    int tid = blockIdx.x * blockDim.x + threadIdx.x;
    if (tid >= n) {
        return;
    }
    __half2 *result_v = reinterpret_cast<__half2 *>(result);
    __half2 val{__ushort_as_half((unsigned short)0x3800U), __ushort_as_half((unsigned short)0x3c00U)};  // 0.5, 1
    atomicAdd(result_v + tid % SLOTS, val);
    atomicAdd(&result_v[SLOTS + tid % 2], __halves2half2(__float2half(0.25f), __float2half(-1.0f)));
}

int main()
{
    const int n = 200;
    __half *d;
    hipMalloc(&d, 2 * (SLOTS + 2) * sizeof(__half));
    hipMemset(d, 0, 2 * (SLOTS + 2) * sizeof(__half));
    hipLaunchKernelGGL(accumulate, dim3((n + 63) / 64), dim3(64), 0, 0, d, n);
    __half h[2 * (SLOTS + 2)];
    hipMemcpy(h, d, sizeof(h), hipMemcpyDeviceToHost);
    int bad = 0;
    for (int s = 0; s < SLOTS + 2; ++s) {
        const float lo = __half2float(h[2 * s]), hi = __half2float(h[2 * s + 1]);
        const float count = s < SLOTS ? n / SLOTS : n / 2;
        printf("slot %d: %.2f %.2f\n", s, lo, hi);
        bad += s < SLOTS ? (lo != 0.5f * count || hi != count) : (lo != 0.25f * count || hi != -count);
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
