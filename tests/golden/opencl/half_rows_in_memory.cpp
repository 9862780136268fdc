// Rows of halves in memory, reached through a pointer to rows (`__half (*)[N]`).
// - A two-dimensional `extern __shared__ __half` buffer used the way cuda-samples' cudaTensorCoreGemm uses its
//   `extern __shared__ half shmem[][CHUNK + SKEW]`: rows of halves copied in from global memory as int4
//   chunks, read back as halves (directly and through a `const __half *` into a row), and the same bytes
//   reused as floats for the results.
// - A kernel parameter `const __half (*rows)[N]` into global memory, read and written element by element.
// On OpenCL without cl_khr_fp16 a __half variable is held in a float, but these halves are CUDA's bytes in
// memory, so they are read and written with vload_half/vstore_half there.
#include <cstdio>
#include <cstring>
#include "oclrt.h"
#include "half_rows_in_memory.launch.h"
#include "cutrans_fp16.h"

#define COLUMNS 32      // halves per row: four int4 chunks
#define SKEW 8          // padding halves per row, as cudaTensorCoreGemm skews its rows

// out[row][c] = sum over k of a[row][k] * w[c][k] (c < 4), one block per ROWS rows, with the rows of `a`
// staged in shared memory; the block then writes its float results over the same shared bytes
/* cutrans: kernel 'rows_times_weights' moved to half_rows_in_memory.cl */
































// the last row's halves doubled in place through a __half2 pointer into the buffer, then copied out
/* cutrans: kernel 'double_last_row' moved to half_rows_in_memory.cl */













// out[r] = rows[r][0] - rows[r][COLUMNS - 1], and rows[r][1] = rows[r][2] * 0.5 in place
/* cutrans: kernel 'row_ends' moved to half_rows_in_memory.cl */








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
    const int blocks = 3, rows_per_block = 8, rows = blocks * rows_per_block;
    static unsigned short a[rows * COLUMNS], w[4 * COLUMNS], doubled[COLUMNS];
    static float out[rows * 4];
    for (int i = 0; i < rows * COLUMNS; ++i) {
        a[i] = half_bits(0.125f * ((i * 37) % 29) - 1.75f);
    }
    for (int i = 0; i < 4 * COLUMNS; ++i) {
        w[i] = half_bits(0.0625f * ((i * 11) % 41) - 1.25f);
    }
    __half *da, *dw, *dd;
    float *dout;
    oclrtMalloc((void **)&da, sizeof a);
    oclrtMalloc((void **)&dw, sizeof w);
    oclrtMalloc((void **)&dd, sizeof doubled);
    oclrtMalloc((void **)&dout, sizeof out);
    oclrtMemcpy(da, a, sizeof a, oclrtMemcpyHostToDevice);
    oclrtMemcpy(dw, w, sizeof w, oclrtMemcpyHostToDevice);

    size_t shared = rows_per_block * (COLUMNS + SKEW) * sizeof(__half);
    cutrans_launch_rows_times_weights(blocks, 32, shared, 0, da, dw, dout, rows_per_block);
    oclrtMemcpy(out, dout, sizeof out, oclrtMemcpyDeviceToHost);
    int failures = 0;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < 4; ++c) {
            float want = 0.0f;      // the kernel's order: products of halves, each exact in float
            for (int k = 0; k < COLUMNS; ++k) {
                want += value(a[r * COLUMNS + k]) * value(w[c * COLUMNS + k]);
            }
            if (out[r * 4 + c] != want) {
                printf("FAIL out[%d][%d]: %.9g, expected %.9g\n", r, c, out[r * 4 + c], want);
                ++failures;
            }
        }
    }
    printf("rows_times_weights: out[0][0] %.6f out[13][2] %.6f out[23][3] %.6f\n", out[0], out[13 * 4 + 2],
           out[23 * 4 + 3]);

    cutrans_launch_double_last_row(1, COLUMNS, 2 * (COLUMNS + SKEW) * sizeof(__half), 0, da, dd);
    oclrtMemcpy(doubled, dd, sizeof doubled, oclrtMemcpyDeviceToHost);
    for (int t = 0; t < COLUMNS; ++t) {
        unsigned short want = half_bits(2.0f * value(a[t]));
        if (doubled[t] != want) {
            printf("FAIL doubled[%d]: %04x, expected %04x\n", t, doubled[t], want);
            ++failures;
        }
    }
    printf("double_last_row: %04x %04x %04x\n", doubled[0], doubled[7], doubled[31]);

    cutrans_launch_row_ends(1, rows, 0, 0, (__half (*)[COLUMNS])da, dout, rows);
    oclrtMemcpy(out, dout, rows * sizeof(float), oclrtMemcpyDeviceToHost);
    static unsigned short back[rows * COLUMNS];
    oclrtMemcpy(back, da, sizeof back, oclrtMemcpyDeviceToHost);
    for (int r = 0; r < rows; ++r) {
        float want = value(a[r * COLUMNS]) - value(a[r * COLUMNS + COLUMNS - 1]);
        unsigned short half_of_third = half_bits(0.5f * value(a[r * COLUMNS + 2]));
        if (out[r] != want || back[r * COLUMNS + 1] != half_of_third || back[r * COLUMNS + 2] != a[r * COLUMNS + 2]) {
            printf("FAIL row_ends[%d]: %.9g %04x, expected %.9g %04x\n", r, out[r], back[r * COLUMNS + 1], want,
                   half_of_third);
            ++failures;
        }
    }
    printf("row_ends: %.6f %.6f, rows[5][1] %04x\n", out[0], out[17], back[5 * COLUMNS + 1]);

    oclrtFree(da);
    oclrtFree(dw);
    oclrtFree(dd);
    oclrtFree(dout);
    printf(failures == 0 ? "PASS\n" : "FAIL\n");
    return failures == 0 ? 0 : 1;
}
