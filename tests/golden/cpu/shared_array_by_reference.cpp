// A device function's __shared__ arrays handed to helpers that take a reference to the whole array,
// `T (&a)[N]` (HeCBench expdist's fill_shared_mem_tiled_1D). The arrays become pointer parameters of the
// device function (one instance per block, as CUDA has it), and the reference must still reach the array:
// the translation once passed the address of that pointer instead, and the helper wrote over it.
#include <cstdio>
#include "cpurt.h"
#include "shared_array_by_reference.launch.h"

#define WIDTH 64

/* cutrans: device function 'fill_strided' moved to shared_array_by_reference.kernels.c */







/* cutrans: device function 'scale_row' moved to shared_array_by_reference.kernels.c */




// out[b * WIDTH + i] = in[i] * (i < WIDTH / 2 ? 2 : 3) + weights[i], through arrays of the device function
/* cutrans: device function 'combine' moved to shared_array_by_reference.kernels.c */

















/* cutrans: kernel 'combine_rows' moved to shared_array_by_reference.kernels.c */




int main()
{
    const int blocks = 3;
    float in[blocks * WIDTH], weights[WIDTH], out[blocks * WIDTH];
    for (int i = 0; i < blocks * WIDTH; ++i) {
        in[i] = 0.5f * (i % 23) - 4.0f;
    }
    for (int i = 0; i < WIDTH; ++i) {
        weights[i] = 0.25f * i;
    }
    float *din, *dw, *dout;
    cpurtMalloc((void **)&din, sizeof in);
    cpurtMalloc((void **)&dw, sizeof weights);
    cpurtMalloc((void **)&dout, sizeof out);
    cpurtMemcpy(din, in, sizeof in, cpurtMemcpyHostToDevice);
    cpurtMemcpy(dw, weights, sizeof weights, cpurtMemcpyHostToDevice);
    cutrans_launch_combine_rows(blocks, WIDTH / 2, 0, 0, din, dw, dout);
    cpurtMemcpy(out, dout, sizeof out, cpurtMemcpyDeviceToHost);
    int failures = 0;
    for (int b = 0; b < blocks; ++b) {
        for (int i = 0; i < WIDTH; ++i) {
            float want = in[b * WIDTH + i] * (i < WIDTH / 2 ? 2.0f : 3.0f) + weights[i];
            if (out[b * WIDTH + i] != want) {
                printf("FAIL out[%d][%d] = %g, expected %g\n", b, i, out[b * WIDTH + i], want);
                ++failures;
            }
        }
    }
    printf("out[0] %g out[100] %g out[191] %g\n", out[0], out[100], out[191]);
    cpurtFree(din);
    cpurtFree(dw);
    cpurtFree(dout);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
