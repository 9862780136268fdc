// Regression sample: NaNs converted to __half and __nv_bfloat16. Read off an H100 (CUDA 13.0, sm_90):
// a double NaN keeps its sign and the top bits of its payload and is made quiet (__double2half,
// __double2bfloat16, the constructors from double), while a float NaN and every NaN that arithmetic
// makes become the canonical 0x7fff, whatever their sign and payload. The emulation and every target
// gave 0x7fff for the double NaNs before.
#include <cstdio>
#include <cstring>
#include <hip/hip_runtime.h>
#include "cutrans_hip_fp16.h"
#include "cutrans_hip_bf16.h"

#define COUNT 4
#define KINDS 8

__global__ void convert(const double *doubles, const float *floats, unsigned short *out)
{
    int i = threadIdx.x;
    if (i >= COUNT) {
        return;
    }
    double d = doubles[i];
    float f = floats[i];
    unsigned short *o = out + KINDS * i;
    o[0] = __half_as_ushort(__double2half(d));
    o[1] = __bfloat16_as_ushort(__double2bfloat16(d));
    o[2] = __half_as_ushort(__half(d));
    o[3] = __bfloat16_as_ushort(__nv_bfloat16(d));
    o[4] = __half_as_ushort(__float2half(f));
    o[5] = __bfloat16_as_ushort(__float2bfloat16(f));
    o[6] = __half_as_ushort(__float2half(f) + __float2half(1.0f));
    o[7] = __bfloat16_as_ushort(__float2bfloat16(f) * __float2bfloat16(2.0f));
}

int main()
{
    const unsigned long long dbits[COUNT] = {0x7ff8000000000000ull, 0x7ff0000000000001ull, 0xfff8000000000000ull,
                                             0x7ff4000012345678ull};
    const unsigned fbits[COUNT] = {0x7fc00000u, 0x7f800001u, 0xffc00000u, 0x7fa12345u};
    // what the H100 printed, kind by kind
    const unsigned short want[COUNT][KINDS] = {{0x7e00, 0x7fc0, 0x7e00, 0x7fc0, 0x7fff, 0x7fff, 0x7fff, 0x7fff},
                                               {0x7e00, 0x7fc0, 0x7e00, 0x7fc0, 0x7fff, 0x7fff, 0x7fff, 0x7fff},
                                               {0xfe00, 0xffc0, 0xfe00, 0xffc0, 0x7fff, 0x7fff, 0x7fff, 0x7fff},
                                               {0x7f00, 0x7fe0, 0x7f00, 0x7fe0, 0x7fff, 0x7fff, 0x7fff, 0x7fff}};
    double doubles[COUNT];
    float floats[COUNT];
    memcpy(doubles, dbits, sizeof doubles);
    memcpy(floats, fbits, sizeof floats);
    double *dd;
    float *df;
    unsigned short *dout, out[COUNT * KINDS];
    hipMalloc((void **)&dd, sizeof doubles);
    hipMalloc((void **)&df, sizeof floats);
    hipMalloc((void **)&dout, sizeof out);
    hipMemcpy(dd, doubles, sizeof doubles, hipMemcpyHostToDevice);
    hipMemcpy(df, floats, sizeof floats, hipMemcpyHostToDevice);
    convert<<<1, 32>>>(dd, df, dout);
    hipMemcpy(out, dout, sizeof out, hipMemcpyDeviceToHost);
    int failures = 0;
    for (int i = 0; i < COUNT; ++i) {
        printf("nan %d:", i);
        for (int k = 0; k < KINDS; ++k) {
            printf(" %04x", out[KINDS * i + k]);
            failures += out[KINDS * i + k] != want[i][k];
        }
        printf("\n");
    }
    hipFree(dd);
    hipFree(df);
    hipFree(dout);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
