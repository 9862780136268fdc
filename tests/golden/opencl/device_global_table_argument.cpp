#include "oclrt.h"
#include "device_global_table_argument.launch.h"
// File-scope device tables passed to device functions as pointers (HeCBench adamw's q_mapping(_exp_qmap, ...)):
// a `static __device__ const` array, a `__constant__` array and a writable `__device__` array, each passed where
// the function takes a `const float *` or a `float *`. The function is lowered once per kind of memory its
// pointer gets (OpenCL spells each one). Two `const` masks show a device constant initialized from another one
// (`high = low << 4`), which clang evaluates.
#include <cstdio>

/* cutrans: device variable 'low_mask' moved to device_global_table_argument.cl */
/* cutrans: device variable 'high_mask' moved to device_global_table_argument.cl */

/* cutrans: device variable 'levels' moved to device_global_table_argument.cl */


/* cutrans: constant 'weights' moved to device_global_table_argument.cl */
/* cutrans: device variable 'history' moved to device_global_table_argument.cl */

// the index of the level nearest to x, by binary search of a sorted table
/* cutrans: device function 'nearest' moved to device_global_table_argument.cl */



















/* cutrans: device function 'weighted' moved to device_global_table_argument.cl */




/* cutrans: device function 'remember' moved to device_global_table_argument.cl */




// two 4-bit codes per byte, as adamw packs its optimizer state
/* cutrans: kernel 'pack_codes' moved to device_global_table_argument.cl */


















int main()
{
    const int n = 200;
    static float x[2 * n], smooth[n + 1];
    static unsigned char codes[n];
    const float table[16] = {-0.8875f, -0.6625f, -0.4375f, -0.2125f, -0.0775f, -0.0325f, -0.0055f, 0.0f,
                             0.0055f,  0.0325f,  0.0775f,  0.2125f,  0.4375f,  0.6625f,  0.8875f,  1.0f};
    for (int i = 0; i < 2 * n; ++i) {
        x[i] = (float)((i * 71) % 223) / 111.0f - 1.0f;
    }
    float *d_x, *d_smooth;
    unsigned char *d_codes;
    oclrtMalloc(&d_x, sizeof(x));
    oclrtMalloc(&d_smooth, sizeof(smooth));
    oclrtMalloc(&d_codes, sizeof(codes));
    oclrtMemcpy(d_x, x, sizeof(x), oclrtMemcpyHostToDevice);
    cutrans_launch_pack_codes(1, 256, 0, 0, d_x, d_codes, d_smooth, n);
    oclrtMemcpy(codes, d_codes, sizeof(codes), oclrtMemcpyDeviceToHost);
    oclrtMemcpy(smooth, d_smooth, sizeof(smooth), oclrtMemcpyDeviceToHost);
    int bad = 0;
    for (int i = 0; i < n; ++i) {
        int code[2];
        for (int s = 0; s < 2; ++s) {
            float v = x[2 * i + s];
            int best = 0;
            for (int k = 1; k < 16; ++k) {
                best = (v - table[k] < 0 ? table[k] - v : v - table[k]) <
                       (v - table[best] < 0 ? table[best] - v : v - table[best]) ? k : best;
            }
            code[s] = best;
        }
        bad += codes[i] != (unsigned char)(code[0] | code[1] << 4);
        if (i % 25 == 0) {
            printf("%d: code %d, smoothed %.9g\n", i, codes[i], smooth[i]);
        }
    }
    printf("history: %.9g\n", smooth[n]);
    printf("%s\n", bad ? "FAIL" : "PASS");
    return bad != 0;
}
