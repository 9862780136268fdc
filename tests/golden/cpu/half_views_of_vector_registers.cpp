// Halves read and written through a pointer to the bytes of a wider value: a float4 or uint4 loaded
// from global memory in one 16-byte access, then taken apart as eight __half or four __half2
// (HeCBench relu, vadd, fma, attentionMergeState), and an `extern __shared__ char` buffer used as
// __half. On OpenCL without cl_khr_fp16 a __half variable is held in a float, but these halves live in
// the bytes of another object, so they are read and written there with vload_half/vstore_half.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include "cpurt.h"
#include "half_views_of_vector_registers.launch.h"
#include "cutrans_fp16.h"

// mask = (feature > 0), out = mask * gradient, eight halves at a time through a float4 (relu)
/* cutrans: kernel 'relu_grad_by_eight' moved to half_views_of_vector_registers.kernels.c */



















// c = a + b, pair by pair through the members of a float4 (vadd)
/* cutrans: kernel 'add_by_members' moved to half_views_of_vector_registers.kernels.c */

















// c[row] += a[row] * b elementwise, b staged in dynamic shared memory declared as bytes (fma); rows whose
// start is not 16-byte aligned take the scalar path, which computes the same fused multiply-adds
/* cutrans: kernel 'fma_rows_through_shared' moved to half_views_of_vector_registers.kernels.c */









































/* cutrans: device function 'to_float' moved to half_views_of_vector_registers.kernels.c */




/* cutrans: device function 'from_float' moved to half_views_of_vector_registers.kernels.c */




// out = p * p_scale + s * s_scale through a uint4 of eight halves, converted by device functions that take
// a reference (attentionMergeState); from_float is also called on a __half variable
/* cutrans: kernel 'merge_by_eight' moved to half_views_of_vector_registers.kernels.c */


















static unsigned short half_bits(float x)
{
    __half h = __float2half(x);
    unsigned short bits;
    memcpy(&bits, &h, sizeof bits);
    return bits;
}

static unsigned short double_bits(double x)
{
    __half h = __double2half(x);
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

// the number of elements of `got` that differ from `want`, each printed
static int differences(const char *what, const unsigned short *got, const unsigned short *want, int n)
{
    int failures = 0;
    for (int i = 0; i < n; ++i) {
        if (got[i] != want[i]) {
            printf("FAIL %s[%d]: %04x, expected %04x\n", what, i, got[i], want[i]);
            ++failures;
        }
    }
    return failures;
}

static unsigned checksum(const unsigned short *bits, int n)
{
    unsigned sum = 0;
    for (int i = 0; i < n; ++i) {
        sum = sum * 31u + bits[i];
    }
    return sum;
}

int main()
{
    const int n = 1024, rows = 16, columns = 61;
    unsigned short x[n], y[n], z[n], out[n], want[n];
    int failures = 0;
    for (int i = 0; i < n; ++i) {
        x[i] = half_bits(0.125f * ((i * 37) % 29) - 1.75f);
        y[i] = half_bits(0.0625f * ((i * 11) % 41) - 1.25f);
        z[i] = half_bits(0.25f * (i % 7) - 0.5f);
    }
    __half *dx, *dy, *dz, *dout, *dfirst;
    cpurtMalloc((void **)&dx, sizeof x);
    cpurtMalloc((void **)&dy, sizeof y);
    cpurtMalloc((void **)&dz, sizeof z);
    cpurtMalloc((void **)&dout, sizeof out);
    cpurtMalloc((void **)&dfirst, sizeof out);
    cpurtMemcpy(dx, x, sizeof x, cpurtMemcpyHostToDevice);
    cpurtMemcpy(dy, y, sizeof y, cpurtMemcpyHostToDevice);
    cpurtMemcpy(dz, z, sizeof z, cpurtMemcpyHostToDevice);

    cutrans_launch_relu_grad_by_eight(n / 8 / 32, 32, 0, 0, dx, dy, dout, n);
    cpurtMemcpy(out, dout, sizeof out, cpurtMemcpyDeviceToHost);
    printf("relu_grad_by_eight: %08x, out[3] %04x out[9] %04x\n", checksum(out, n), out[3], out[9]);
    for (int i = 0; i < n; ++i) {
        want[i] = half_bits((value(y[i]) > 0.0f ? 1.0f : 0.0f) * value(x[i]));
    }
    failures += differences("relu_grad_by_eight", out, want, n);

    cutrans_launch_add_by_members(n / 8 / 32, 32, 0, 0, dx, dy, dout, n);
    cpurtMemcpy(out, dout, sizeof out, cpurtMemcpyDeviceToHost);
    printf("add_by_members: %08x, out[0..7] %04x %04x %04x %04x %04x %04x %04x %04x\n", checksum(out, n), out[0],
           out[1], out[2], out[3], out[4], out[5], out[6], out[7]);
    for (int i = 0; i < n; i += 8) {
        for (int k = 0; k < 6; ++k) {
            double a = value(x[i + k]), b = value(y[i + k]);
            want[i + k] = double_bits(k < 2 ? a + b : k < 4 ? a - b : a * b);
        }
        want[i + 6] = x[i + 7];
        want[i + 7] = y[i + 6] ^ 0x8000u;
    }
    failures += differences("add_by_members", out, want, n);

    cpurtMemcpy(dout, z, sizeof z, cpurtMemcpyHostToDevice);
    cutrans_launch_fma_rows_through_shared(2, 8, columns * sizeof(__half), 0, dx, dy, dout, columns, rows);
    cpurtMemcpy(out, dout, sizeof out, cpurtMemcpyDeviceToHost);
    printf("fma_rows_through_shared: %08x, out[60] %04x out[61] %04x\n", checksum(out, rows * columns), out[60],
           out[61]);
    for (int i = 0; i < rows * columns; ++i) {     // exact in double, so rounded once, as a fused multiply-add
        want[i] = double_bits((double)value(x[i]) * value(y[i % columns]) + value(z[i]));
    }
    failures += differences("fma_rows_through_shared", out, want, rows * columns);

    cutrans_launch_merge_by_eight(4, 32, 0, 0, reinterpret_cast<uint4 *>(dx), reinterpret_cast<uint4 *>(dy), reinterpret_cast<uint4 *>(dout), dfirst, 0.75f, -1.5f, n / 8);
    cpurtMemcpy(out, dout, sizeof out, cpurtMemcpyDeviceToHost);
    printf("merge_by_eight: %08x, out[5] %04x", checksum(out, n), out[5]);
    for (int i = 0; i < n; ++i) {
        want[i] = half_bits(fmaf(value(x[i]), 0.75f, value(y[i]) * -1.5f));
    }
    failures += differences("merge_by_eight", out, want, n);
    cpurtMemcpy(out, dfirst, sizeof out, cpurtMemcpyDeviceToHost);
    printf(", first %08x\n", checksum(out, n / 8));
    for (int i = 0; i < n / 8; ++i) {
        want[i] = half_bits(value(half_bits(fmaf(value(x[8 * i]), 0.75f, value(y[8 * i]) * -1.5f))) * 0.5f);
    }
    failures += differences("merge_by_eight first", out, want, n / 8);

    cpurtFree(dx);
    cpurtFree(dy);
    cpurtFree(dz);
    cpurtFree(dout);
    cpurtFree(dfirst);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
