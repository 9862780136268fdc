// __shared__ variables declared inside __device__ functions: CUDA gives each one instance per block, which
// every call of the function in that block uses, so a second call sees what the first one stored. OpenCL C
// allows __local variables only at kernel scope: each kernel that reaches the function declares the variable
// once and passes its address down (through `scan_pair` to `remember` here); two kernels each have their
// own. A 1-D array with barriers (a block sum), a 2-D tile, a scalar counter and a chain of two calls.
#include <cstdio>
#include "cpurt.h"
#include "shared_in_device_function.launch.h"

#define BLOCK 64
#define TILE 8

// The block's sum, through a shared array of the function's own.
/* cutrans: device function 'block_sum' moved to shared_in_device_function.kernels.c */















// mode 0 stores v; mode 1 returns what the next thread stored in an earlier call: one instance per block.
/* cutrans: device function 'remember' moved to shared_in_device_function.kernels.c */









/* cutrans: device function 'scan_pair' moved to shared_in_device_function.kernels.c */






// A 2-D tile and a scalar counter: the transpose of the block's 8 x 8 values, and how many were positive.
/* cutrans: device function 'transposed' moved to shared_in_device_function.kernels.c */
















/* cutrans: kernel 'sums_and_neighbours' moved to shared_in_device_function.kernels.c */












/* cutrans: kernel 'transpose_tiles' moved to shared_in_device_function.kernels.c */











#define N 256

int main()
{
    float in[N], sums[N], next[N], out[N];
    int positives[N];
    for (int i = 0; i < N; ++i) {
        in[i] = (float)((i * 37) % 41) * 0.25f - 5.0f;
    }
    float *d_in, *d_sums, *d_next, *d_out;
    int *d_pos;
    cpurtMalloc(&d_in, sizeof in);
    cpurtMalloc(&d_sums, sizeof sums);
    cpurtMalloc(&d_next, sizeof next);
    cpurtMalloc(&d_out, sizeof out);
    cpurtMalloc(&d_pos, sizeof positives);
    cpurtMemcpy(d_in, in, sizeof in, cpurtMemcpyHostToDevice);
    cutrans_launch_sums_and_neighbours(N / BLOCK, BLOCK, 0, 0, d_in, d_sums, d_next, N);
    cutrans_launch_transpose_tiles(N / BLOCK, BLOCK, 0, 0, d_in, d_out, d_pos, N);
    cpurtMemcpy(sums, d_sums, sizeof sums, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(next, d_next, sizeof next, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(out, d_out, sizeof out, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(positives, d_pos, sizeof positives, cpurtMemcpyDeviceToHost);
    int bad = 0;
    double checksum = 0.0;
    for (int b = 0; b < N / BLOCK; ++b) {
        float s = 0.0f, t = 0.0f, ts = 0.0f;
        int pos = 0;
        for (int k = 0; k < BLOCK; ++k) {
            const float v = in[b * BLOCK + k];
            s += v;
            t += v * v;
            pos += v > 0.0f;
            ts += in[b * BLOCK + (k % TILE) * TILE + k / TILE];
        }
        for (int k = 0; k < BLOCK; ++k) {
            const int i = b * BLOCK + k;
            const float want_t = in[b * BLOCK + (k % TILE) * TILE + k / TILE];
            bad += sums[i] != s + 1000.0f * t && (sums[i] - (s + 1000.0f * t) > 0.01f || (s + 1000.0f * t) - sums[i] > 0.01f);
            bad += next[i] != 2.0f * in[b * BLOCK + (k + 1) % BLOCK];
            bad += out[i] - (want_t + 0.001f * ts) > 1e-3f || (want_t + 0.001f * ts) - out[i] > 1e-3f;
            bad += positives[i] != pos;
            checksum += sums[i] * 0.001 + next[i] + out[i] + positives[i];
        }
    }
    printf("sums[0] = %.4f, next[5] = %.4f, out[9] = %.4f, positives[0] = %d\n", sums[0], next[5], out[9],
           positives[0]);
    printf("checksum = %.4f\nmismatches = %d\n%s\n", checksum, bad, bad ? "FAIL" : "PASS");
    cpurtFree(d_in);
    cpurtFree(d_sums);
    cpurtFree(d_next);
    cpurtFree(d_out);
    cpurtFree(d_pos);
    return bad ? 1 : 0;
}
