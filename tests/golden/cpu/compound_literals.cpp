#include "cpurt.h"
#include "compound_literals.launch.h"
// C99 compound literals in device code, which nvcc accepts in C++ (HeCBench fft's complex helpers return
// `(T2){ re, im }`): a literal of a program's struct and of a CUDA vector type, returned, passed as an argument
// and assigned. Each is the struct value of its braced list.
#include <cmath>
#include <cstdio>

typedef struct {
    float x, y;
} cplx;

__host__ __device__ cplx cmul(cplx a, cplx b) { return (cplx){a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x}; }
__host__ __device__ cplx cadd(cplx a, cplx b) { return (cplx){a.x + b.x, a.y + b.y}; }
/* cutrans: device function 'swap2' moved to compound_literals.kernels.c */

// one radix-2 butterfly per thread, with a twiddle of (cos, -sin) from a table
/* cutrans: kernel 'butterflies' moved to compound_literals.kernels.c */













int main()
{
    const int half = 300;
    static cplx in[2 * half], out[2 * half];
    static float2 twiddle[half], swapped[half];
    for (int i = 0; i < 2 * half; ++i) {
        in[i] = (cplx){(float)(i % 17) * 0.125f - 1.0f, (float)(i % 5) * 0.5f};
    }
    for (int i = 0; i < half; ++i) {
        twiddle[i] = make_float2((float)(i % 9) * 0.1f, (float)(i % 4) * 0.2f - 0.3f);
    }
    cplx *d_in, *d_out;
    float2 *d_tw, *d_sw;
    cpurtMalloc(&d_in, sizeof(in));
    cpurtMalloc(&d_out, sizeof(out));
    cpurtMalloc(&d_tw, sizeof(twiddle));
    cpurtMalloc(&d_sw, sizeof(swapped));
    cpurtMemcpy(d_in, in, sizeof(in), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_tw, twiddle, sizeof(twiddle), cpurtMemcpyHostToDevice);
    cutrans_launch_butterflies((half + 127) / 128, 128, 0, 0, d_in, d_tw, d_out, d_sw, half);
    cpurtMemcpy(out, d_out, sizeof(out), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(swapped, d_sw, sizeof(swapped), cpurtMemcpyDeviceToHost);
    int bad = 0;
    for (int i = 0; i < half; ++i) {
        cplx w = {twiddle[i].x, -twiddle[i].y}, b = cmul(in[i + half], w);
        cplx lo = cadd(in[i], b), hi = cadd(in[i], (cplx){-b.x, -b.y});
        bad += fabsf(out[i].x - lo.x) > 1e-5f || fabsf(out[i].y - lo.y) > 1e-5f;
        bad += fabsf(out[i + half].x - hi.x) > 1e-5f || fabsf(out[i + half].y - hi.y) > 1e-5f;
        bad += swapped[i].x != twiddle[i].y || swapped[i].y != twiddle[i].x + 1.0f;
        if (i % 30 == 0) {
            printf("%d: (%.7g, %.7g) (%.7g, %.7g)\n", i, out[i].x, out[i].y, out[i + half].x, out[i + half].y);
        }
    }
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
