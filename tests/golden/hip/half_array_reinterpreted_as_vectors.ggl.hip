// A private __half array filled by float4 stores and read back as __half2 pairs (HeCBench vadd's
// "TV layout" kernel), and a __half variable whose bits are read through an unsigned short pointer.
// Two bugs this pins: on OpenCL without cl_khr_fp16 such an array used to be held in floats, so the
// float4 store filled it with the wrong bytes (it is stored as ushort now, reached with
// vload_half/vstore_half); on the CPU, GCC 12 at -O3 reordered the __half2 reads before the float4
// store, which C's aliasing rule allows (the kernels are built with -fno-strict-aliasing now).
#include <cstdio>
#include <cstring>
#include <hip/hip_runtime.h>
#include "cutrans_hip_fp16.h"

constexpr int ROWS_PER_THREAD = 4;
constexpr int VALUES = 8;          // one float4 of halves per row

// c = a + b over a tile of 4 rows x 8 halves per thread, the block's threads side by side along a row,
// blockIdx.y choosing the rows
__global__ void add_rows(const __half *a, const __half *b, __half *c, int columns)
{
    int row_start = blockIdx.y * ROWS_PER_THREAD;
    int column = (blockIdx.x * blockDim.x + threadIdx.x) * VALUES;
    __half a_frag[ROWS_PER_THREAD][VALUES];
    __half b_frag[ROWS_PER_THREAD][VALUES];
    __half c_frag[ROWS_PER_THREAD][VALUES];
#pragma unroll
    for (int r = 0; r < ROWS_PER_THREAD; ++r) {
        size_t base = (size_t)(row_start + r) * columns + column;
        *reinterpret_cast<float4 *>(a_frag[r]) = *reinterpret_cast<const float4 *>(a + base);
        *reinterpret_cast<float4 *>(b_frag[r]) = *reinterpret_cast<const float4 *>(b + base);
        const __half2 *a2 = reinterpret_cast<const __half2 *>(a_frag[r]);
        const __half2 *b2 = reinterpret_cast<const __half2 *>(b_frag[r]);
        __half2 *c2 = reinterpret_cast<__half2 *>(c_frag[r]);
#pragma unroll
        for (int i = 0; i < VALUES / 2; ++i) {
            c2[i] = __hadd2(a2[i], b2[i]);
        }
        *reinterpret_cast<float4 *>(c + base) = *reinterpret_cast<const float4 *>(c_frag[r]);
    }
}

// sign[i] = the sign bit of the first half of each group of 8 in c, read through a pointer to the bytes
// of a __half variable
__global__ void sign_bits(const __half *c, unsigned short *sign, int groups)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < groups) {
        __half first = c[VALUES * i];
        const unsigned short *bits = reinterpret_cast<const unsigned short *>(&first);
        sign[i] = *bits >> 15;
    }
}

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
    hipMalloc((void **)&da, sizeof a);
    hipMalloc((void **)&db, sizeof b);
    hipMalloc((void **)&dc, sizeof c);
    hipMalloc((void **)&dsign, sizeof sign);
    hipMemcpy(da, a, sizeof a, hipMemcpyHostToDevice);
    hipMemcpy(db, b, sizeof b, hipMemcpyHostToDevice);
    hipLaunchKernelGGL(add_rows, dim3(columns / VALUES / 16, 2), dim3(16), 0, 0, da, db, dc, columns);
    hipLaunchKernelGGL(sign_bits, dim3(4), dim3(64), 0, 0, dc, dsign, n / VALUES);
    hipMemcpy(c, dc, sizeof c, hipMemcpyDeviceToHost);
    hipMemcpy(sign, dsign, sizeof sign, hipMemcpyDeviceToHost);
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
    hipFree(da);
    hipFree(db);
    hipFree(dc);
    hipFree(dsign);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
