// Regression sample: CUDA names that OpenCL C or C reserve. `local`, `global`, `half` and
// `restrict` are ordinary identifiers in CUDA C++, but keywords or types in OpenCL C / C; a device
// function called `dot` would collide with OpenCL's built-in dot() and one called `fmaxf3` is fine.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "reserved_identifiers.launch.h"

/* cutrans: device function 'dot' moved to reserved_identifiers.cl */








/* cutrans: device function 'clamp' moved to reserved_identifiers.cl */




/* cutrans: kernel 'row_dots' moved to reserved_identifiers.cl */










int main()
{
    const int rows = 300, cols = 16;
    float* h_m = (float*)malloc(rows * cols * sizeof(float));
    float h_v[cols];
    float* h_out = (float*)malloc(rows * sizeof(float));
    for (int i = 0; i < rows * cols; ++i) h_m[i] = (float)((i * 7) % 13) - 6.0f;
    for (int j = 0; j < cols; ++j) h_v[j] = 0.25f * (float)(j - 8);

    float *d_m, *d_v, *d_out;
    oclrtMalloc((void**)&d_m, rows * cols * sizeof(float));
    oclrtMalloc((void**)&d_v, cols * sizeof(float));
    oclrtMalloc((void**)&d_out, rows * sizeof(float));
    oclrtMemcpy(d_m, h_m, rows * cols * sizeof(float), oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_v, h_v, cols * sizeof(float), oclrtMemcpyHostToDevice);
    cutrans_launch_row_dots((rows + 63) / 64, 64, 0, 0, d_m, d_v, d_out, rows, cols);
    oclrtError_t err = oclrtGetLastError();
    if (err != oclrtSuccess) {
        printf("launch failed: %s\n", oclrtGetErrorString(err));
        return 1;
    }
    oclrtMemcpy(h_out, d_out, rows * sizeof(float), oclrtMemcpyDeviceToHost);

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
    oclrtFree(d_m);
    oclrtFree(d_v);
    oclrtFree(d_out);
    free(h_m);
    free(h_out);
    return errors == 0 ? 0 : 1;
}
