// Kernel parameters declared as arrays, as C-style stencil codes write them: `double phi[][NY][NZ]` (a pointer to
// 2-D planes), `float w[3]` and `int taps[]` (plain pointers). C++ adjusts each to the pointer it decays to; the
// OpenCL and CPU launch glue declared them with the array spelling (`double[][8][8] phi`), which did not compile
// (HeCBench ace).
#include <cstdio>
#include "cpurt.h"
#include "array_kernel_parameters.launch.h"

#define NY 8
#define NZ 8

// a 7-point Laplacian of phi, weighted by w; the boundary keeps phi
/* cutrans: kernel 'laplacian' moved to array_kernel_parameters.kernels.c */











// a FIR filter whose taps come as an array of unknown size
/* cutrans: kernel 'fir' moved to array_kernel_parameters.kernels.c */











int main()
{
    const int nx = 6, n = 100, ntaps = 5;
    static double phi[nx][NY][NZ], out[nx][NY][NZ];
    const float w[3] = {1.0f, 0.5f, 0.25f};
    const int taps[ntaps] = {3, -1, 4, -1, 5};
    static int in[n], filtered[n];
    for (int x = 0; x < nx; ++x) {
        for (int y = 0; y < NY; ++y) {
            for (int z = 0; z < NZ; ++z) {
                phi[x][y][z] = 0.01 * ((x * 31 + y * 17 + z * 7) % 23) - 0.1;
            }
        }
    }
    for (int i = 0; i < n; ++i) {
        in[i] = (i * 37) % 11 - 5;
    }
    double (*d_phi)[NY][NZ], (*d_out)[NY][NZ];
    float *d_w;
    int *d_taps, *d_in, *d_filtered;
    cpurtMalloc(&d_phi, sizeof(phi));
    cpurtMalloc(&d_out, sizeof(out));
    cpurtMalloc(&d_w, sizeof(w));
    cpurtMalloc(&d_taps, sizeof(taps));
    cpurtMalloc(&d_in, sizeof(in));
    cpurtMalloc(&d_filtered, sizeof(filtered));
    cpurtMemcpy(d_phi, phi, sizeof(phi), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_w, w, sizeof(w), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_taps, taps, sizeof(taps), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_in, in, sizeof(in), cpurtMemcpyHostToDevice);
    cutrans_launch_laplacian(nx, dim3(NZ, NY), 0, 0, d_phi, d_out, d_w, nx);
    cutrans_launch_fir((n + 31) / 32, 32, 0, 0, d_taps, ntaps, d_in, d_filtered, n);
    cpurtMemcpy(out, d_out, sizeof(out), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(filtered, d_filtered, sizeof(filtered), cpurtMemcpyDeviceToHost);

    int bad = 0;
    double sum = 0.0;
    for (int x = 0; x < nx; ++x) {
        for (int y = 0; y < NY; ++y) {
            for (int z = 0; z < NZ; ++z) {
                double want = phi[x][y][z];
                if (x > 0 && x < nx - 1 && y > 0 && y < NY - 1 && z > 0 && z < NZ - 1) {
                    double lap = w[0] * (phi[x + 1][y][z] + phi[x - 1][y][z]) +
                                 w[1] * (phi[x][y + 1][z] + phi[x][y - 1][z]) +
                                 w[2] * (phi[x][y][z + 1] + phi[x][y][z - 1]) -
                                 2.0 * (w[0] + w[1] + w[2]) * phi[x][y][z];
                    want = phi[x][y][z] + 0.1 * lap;
                }
                bad += out[x][y][z] - want > 1e-12 || want - out[x][y][z] > 1e-12;
                sum += out[x][y][z] * (1 + (x + y + z) % 3);
            }
        }
    }
    long long fsum = 0;
    for (int i = 0; i < n; ++i) {
        int want = 0;
        for (int k = 0; k < ntaps && k <= i; ++k) {
            want += taps[k] * in[i - k];
        }
        bad += filtered[i] != want;
        fsum += (long long)filtered[i] * (i + 1);
    }
    printf("laplacian checksum %.12f, fir checksum %lld\n", sum, fsum);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    cpurtFree(d_phi);
    cpurtFree(d_out);
    cpurtFree(d_w);
    cpurtFree(d_taps);
    cpurtFree(d_in);
    cpurtFree(d_filtered);
    return 0;
}
