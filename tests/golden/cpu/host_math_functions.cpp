// Regression sample: CUDA math that host code calls as CUDA's headers allow (math_functions.h declares
// them __host__ __device__): rsqrtf and rsqrt, exp10f, and min/max with CUDA's promotions (an int with an
// unsigned compares as unsigned, a float with a double as a double). HeCBench's softmax-fused scales by
// rsqrtf(key_seq_len) on the host; cutrans refused it (P002: the stand-in declared rsqrtf for the device
// only), and the translated host programs had no rsqrtf, min or max.
#include <cstdio>
#include "cpurt.h"
#include "host_math_functions.launch.h"

#define N 64

/* cutrans: kernel 'scale' moved to host_math_functions.kernels.c */







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
    cpurtMalloc((void **)&in, sizeof host_in);
    cpurtMalloc((void **)&out, sizeof host_out);
    cpurtMemcpy(in, host_in, sizeof host_in, cpurtMemcpyHostToDevice);
    cutrans_launch_scale(2, 32, 0, 0, in, out, factor, N);
    cpurtMemcpy(host_out, out, sizeof host_out, cpurtMemcpyDeviceToHost);
    double sum = 0.0;
    for (int i = 0; i < N; ++i) {
        sum += host_out[i] * (i % 5 + 1);
    }
    printf("factor %.9g wide %.17g tens %.9g mixed %u widest %g plain %d\n", factor, wide, tens, mixed, widest,
           plain);
    printf("device checksum %.6f\n", sum);
    const bool ok = factor == 0.125f && tens == 1000.0f && mixed == 5u && widest == 2.25 && plain == 1 &&
                    wide > 0.7071067 && wide < 0.7071068 && cpurtGetLastError() == cpurtSuccess;
    cpurtFree(in);
    cpurtFree(out);
    printf(ok ? "PASS\n" : "FAIL\n");
    return ok ? 0 : 1;
}
