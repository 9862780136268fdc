// cuda_fp16.h on the emulation: rounding of specific values (ties, subnormals, overflow), arithmetic
// rounded once per operation, fma rounded once, half2, and shuffles of halves.
#include <cstdio>
#include <cuda_fp16.h>

static void show(const char *what, __half h) { printf("%s 0x%04x\n", what, __half_as_ushort(h)); }

__global__ void shuffle_halves(__half *out)
{
    __half v = __float2half(0.5f * threadIdx.x);
    out[threadIdx.x] = __shfl_down_sync(0xffffffffu, v, 1);
}

int main()
{
    show("1.0", __float2half(1.0f));
    show("0.1", __float2half(0.1f));
    show("1+2^-11 tie to even", __float2half(1.00048828125f));
    show("1+3*2^-11 tie to even", __float2half(1.00146484375f));
    show("65504", __float2half(65504.0f));
    show("65519", __float2half(65519.0f));
    show("65520 overflow", __float2half(65520.0f));
    show("65520 rz", __float2half_rz(65520.0f));
    show("-1e6", __float2half(-1e6f));
    show("2^-24", __float2half(5.9604644775390625e-8f));
    show("2^-25 tie to zero", __float2half(2.98023223876953125e-8f));
    show("1.5*2^-24 tie up", __float2half(8.94069671630859375e-8f));
    show("2^-14 - 2^-25", __float2half(6.1005353927612305e-05f));
    show("-0", __float2half(-0.0f));
    show("int 2049", __int2half_rn(2049));
    show("int 2051", __int2half_rn(2051));
    printf("subnormal 0x0001 = %.10g\n", __half2float(__ushort_as_half(0x0001)));
    printf("0x7bff = %g, 0xfc00 = %g\n", __half2float(__ushort_as_half(0x7bff)), __half2float(__ushort_as_half(0xfc00)));
    printf("half2int_rz(-2.75) = %d, half2int_rn(2.5) = %d, half2int_rn(3.5) = %d\n",
           __half2int_rz(__float2half(-2.75f)), __half2int_rn(__float2half(2.5f)), __half2int_rn(__float2half(3.5f)));
    __half a = __float2half(1.5f), b = __float2half(2.25f);
    printf("a+b %g a-b %g a*b %g a/b %g\n", __half2float(a + b), __half2float(a - b), __half2float(a * b),
           __half2float(a / b));
    show("hdiv 1/3", __hdiv(__float2half(1.0f), __float2half(3.0f)));
    // x = 1 + 3*2^-10: x*x - 1 = 1538.25 * 2^-18 exactly. Rounded once: 1538 * 2^-18 (0x1e02); rounding
    // x*x first drops the 9*2^-20 and gives 1536 * 2^-18 (0x1e00).
    __half x = __ushort_as_half(0x3c03);
    show("fma exact", __hfma(x, x, __float2half(-1.0f)));
    show("mul then add", __hsub_rn(__hmul_rn(x, x), __float2half(1.0f)));
    // without _rn the product fuses into the subtraction, as nvcc compiles it (cuemu/contraction.h)
    show("contracted", __hsub(__hmul(x, x), __float2half(1.0f)));
    printf("heq %d hlt %d hgt %d hneg %g\n", __heq(a, a), __hlt(a, b), __hgt(a, b), __half2float(__hneg(a)));
    __half2 p = __floats2half2_rn(1.0f, -2.5f), q = __halves2half2(b, a);
    __half2 s = __hadd2(p, q), m = __hmul2(p, q), f = __hfma2(p, q, p);
    printf("half2 add %g %g mul %g %g fma %g %g\n", __low2float(s), __high2float(s), __low2float(m),
           __high2float(m), __low2float(f), __high2float(f));
    float2 back = __half22float2(__float22half2_rn(make_float2(0.1f, 3.0f)));
    printf("float2 round trip %.8f %.1f\n", back.x, back.y);
    __half *out;
    cudaMallocManaged(&out, 32 * sizeof(__half));
    shuffle_halves<<<1, 32>>>(out);
    cudaDeviceSynchronize();
    printf("shfl lane 0 %g lane 30 %g lane 31 %g\n", __half2float(out[0]), __half2float(out[30]),
           __half2float(out[31]));
    return 0;
}
