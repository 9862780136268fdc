// Regression sample: CUDA math that host code calls as CUDA's headers allow (math_functions.h declares
// them __host__ __device__): rsqrtf and rsqrt, exp10f, and min/max with CUDA's promotions (an int with an
// unsigned compares as unsigned, a float with a double as a double). HeCBench's softmax-fused scales by
// rsqrtf(key_seq_len) on the host; cutrans refused it (P002: the stand-in declared rsqrtf for the device
// only), and the translated host programs had no rsqrtf, min or max.
#include <cstdio>
#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"

#define N 64

__global__ void scale(const float *in, float *out, float factor, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        out[i] = in[i] * factor + rsqrtf((float)(i + 1)) + (float)min(i, 40) - (float)max(i, 20);
    }
}

int main()
{
    const int key_seq_len = 64;
    const float factor = rsqrtf(key_seq_len);              // an int argument, converted as in CUDA
    const double wide = rsqrt(2.0);
    const float tens = exp10f(3.0f);
    const unsigned mixed = 5u;
    const double widest = 2.25;
    const int plain = 1;
    float host_in[N], host_out[N];
    for (int i = 0; i < N; ++i) {
        host_in[i] = (float)(i % 9) - 4.0f;
    }
    float *in, *out;
    hipMalloc((void **)&in, sizeof host_in);
    hipMalloc((void **)&out, sizeof host_out);
    hipMemcpy(in, host_in, sizeof host_in, hipMemcpyHostToDevice);
    hipLaunchKernelGGL(scale, dim3(2), dim3(32), 0, 0, in, out, factor, N);
    hipMemcpy(host_out, out, sizeof host_out, hipMemcpyDeviceToHost);
    double sum = 0.0;
    for (int i = 0; i < N; ++i) {
        sum += host_out[i] * (i % 5 + 1);
    }
    printf("factor %.9g wide %.17g tens %.9g mixed %u widest %g plain %d\n", factor, wide, tens, mixed, widest,
           plain);
    printf("device checksum %.6f\n", sum);
    const bool ok = factor == 0.125f && tens == 1000.0f && mixed == 5u && widest == 2.25 && plain == 1 &&
                    wide > 0.7071067 && wide < 0.7071068 && hipGetLastError() == hipSuccess;
    hipFree(in);
    hipFree(out);
    printf(ok ? "PASS\n" : "FAIL\n");
    return ok ? 0 : 1;
}
