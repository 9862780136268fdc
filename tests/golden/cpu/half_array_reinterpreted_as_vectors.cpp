// A private __half array filled by float4 stores and read back as __half2 pairs (HeCBench vadd's
// "TV layout" kernel), and a __half variable whose bits are read through an unsigned short pointer.
// Two bugs this pins: on OpenCL without cl_khr_fp16 such an array used to be held in floats, so the
// float4 store filled it with the wrong bytes (it is stored as ushort now, reached with
// vload_half/vstore_half); on the CPU, GCC 12 at -O3 reordered the __half2 reads before the float4
// store, which C's aliasing rule allows (the kernels are built with -fno-strict-aliasing now).
#include <cstdio>
#include <cstring>
#include "cpurt.h"
#include "half_array_reinterpreted_as_vectors.launch.h"
#include "cutrans_fp16.h"

constexpr int ROWS_PER_THREAD = 4;
constexpr int VALUES = 8;          // one float4 of halves per row

// c = a + b over a tile of 4 rows x 8 halves per thread, the block's threads side by side along a row,
// blockIdx.y choosing the rows
/* cutrans: kernel 'add_rows' moved to half_array_reinterpreted_as_vectors.kernels.c */






















// sign[i] = the sign bit of the first half of each group of 8 in c, read through a pointer to the bytes
// of a __half variable
/* cutrans: kernel 'sign_bits' moved to half_array_reinterpreted_as_vectors.kernels.c */









static unsigned short half_bits(float x)
{
    __half h = __float2half(x);
    unsigned short bits;
    memcpy(&bits, &h, sizeof bits);
    return bits;
}

static float value(unsigned short bits)
{
    __half h;
    memcpy(&h, &bits, sizeof h);
    return __half2float(h);
}

int main()
{
    const int columns = 256, n = 2 * ROWS_PER_THREAD * columns;
    unsigned short a[n], b[n], c[n], sign[n / VALUES];
    for (int i = 0; i < n; ++i) {
        a[i] = half_bits(0.375f * ((i * 13) % 23) - 4.0f);
        b[i] = half_bits(0.25f * ((i * 7) % 19) - 2.5f);
    }
    __half *da, *db, *dc;
    unsigned short *dsign;
    cpurtMalloc((void **)&da, sizeof a);
    cpurtMalloc((void **)&db, sizeof b);
    cpurtMalloc((void **)&dc, sizeof c);
    cpurtMalloc((void **)&dsign, sizeof sign);
    cpurtMemcpy(da, a, sizeof a, cpurtMemcpyHostToDevice);
    cpurtMemcpy(db, b, sizeof b, cpurtMemcpyHostToDevice);
    cutrans_launch_add_rows(dim3(columns / VALUES / 16, 2), 16, 0, 0, da, db, dc, columns);
    cutrans_launch_sign_bits(4, 64, 0, 0, dc, dsign, n / VALUES);
    cpurtMemcpy(c, dc, sizeof c, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(sign, dsign, sizeof sign, cpurtMemcpyDeviceToHost);
    int failures = 0;
    for (int i = 0; i < n; ++i) {
        float want = value(a[i]) + value(b[i]);       // exact: these halves have few significant bits
        if (c[i] != half_bits(want)) {
            printf("FAIL c[%d] = %04x, expected %04x\n", i, c[i], half_bits(want));
            ++failures;
        }
        if (i % VALUES == 0 && sign[i / VALUES] != (c[i] >> 15)) {
            printf("FAIL sign[%d] = %u, expected %u\n", i / VALUES, sign[i / VALUES], c[i] >> 15);
            ++failures;
        }
    }
    for (int i = 0; i < n; i += 61) {
        printf("c[%d] = %04x (%g)\n", i, c[i], value(c[i]));
    }
    cpurtFree(da);
    cpurtFree(db);
    cpurtFree(dc);
    cpurtFree(dsign);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
