// Regression sample: CUDA names that OpenCL C or C reserve. `local`, `global`, `half` and
// `restrict` are ordinary identifiers in CUDA C++, but keywords or types in OpenCL C / C; a device
// function called `dot` would collide with OpenCL's built-in dot() and one called `fmaxf3` is fine.
#include <cstdio>
#include <cstdlib>
#include "cpurt.h"
#include "reserved_identifiers.launch.h"

/* cutrans: device function 'dot' moved to reserved_identifiers.kernels.c */








/* cutrans: device function 'clamp' moved to reserved_identifiers.kernels.c */




/* cutrans: kernel 'row_dots' moved to reserved_identifiers.kernels.c */










int main()
{
    const int rows = 300, cols = 16;
    float* h_m = (float*)malloc(rows * cols * sizeof(float));
    float h_v[cols];
    float* h_out = (float*)malloc(rows * sizeof(float));
    for (int i = 0; i < rows * cols; ++i) h_m[i] = (float)((i * 7) % 13) - 6.0f;
    for (int j = 0; j < cols; ++j) h_v[j] = 0.25f * (float)(j - 8);

    float *d_m, *d_v, *d_out;
    cpurtMalloc((void**)&d_m, rows * cols * sizeof(float));
    cpurtMalloc((void**)&d_v, cols * sizeof(float));
    cpurtMalloc((void**)&d_out, rows * sizeof(float));
    cpurtMemcpy(d_m, h_m, rows * cols * sizeof(float), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_v, h_v, cols * sizeof(float), cpurtMemcpyHostToDevice);
    cutrans_launch_row_dots((rows + 63) / 64, 64, 0, 0, d_m, d_v, d_out, rows, cols);
    cpurtError_t err = cpurtGetLastError();
    if (err != cpurtSuccess) {
        printf("launch failed: %s\n", cpurtGetErrorString(err));
        return 1;
    }
    cpurtMemcpy(h_out, d_out, rows * sizeof(float), cpurtMemcpyDeviceToHost);

    int errors = 0;
    for (int r = 0; r < rows; ++r) {
        float want = 0.0f;
        for (int k = 0; k < cols; ++k) want += h_m[r * cols + k] * h_v[k];
        int lane = r % 64;
        want = 0.5f * want + (float)(lane < 7 ? lane : 7);
        if (h_out[r] != want) ++errors;
    }
    printf("out[0] = %.4f\nout[%d] = %.4f\nout[%d] = %.4f\n", h_out[0], rows / 2, h_out[rows / 2], rows - 1, h_out[rows - 1]);
    printf("errors = %d\n%s\n", errors, errors == 0 ? "PASS" : "FAIL");
    cpurtFree(d_m);
    cpurtFree(d_v);
    cpurtFree(d_out);
    free(h_m);
    free(h_out);
    return errors == 0 ? 0 : 1;
}
