// Constant tables declared inside device code, as encoders and quantizers write them:
//  - a char array initialized from a string literal (base64's alphabet), locally and in __constant__ memory,
//    with escapes, adjacent literals and an explicit size with room for more than the terminating zero;
//  - `static constexpr` / `static const` locals (a quantizer's clamp bounds from std::numeric_limits, one
//    made from another, a static const lookup table), which hold the same value in every thread and call;
//  - std::nearbyint, which is rint in device code's only rounding mode.
#include <cstdint>
#include <cmath>
#include <cstdio>
#include <limits>
#include "cpurt.h"
#include "constant_local_tables.launch.h"

/* cutrans: constant 'hex_digits' moved to constant_local_tables.kernels.c */
/* cutrans: constant 'specials' moved to constant_local_tables.kernels.c */

// each 3 input bytes -> 4 base64 characters
/* cutrans: kernel 'base64_encode' moved to constant_local_tables.kernels.c */












// the hex digits of a word, the special characters, and the size and last entries of a sized char table
/* cutrans: kernel 'describe_words' moved to constant_local_tables.kernels.c */
















/* cutrans: device function 'to_int8' moved to constant_local_tables.kernels.c */








/* cutrans: device function 'gray_weight' moved to constant_local_tables.kernels.c */





// symmetric quantization of x by `scale`, and a weighted sum through a static const table
/* cutrans: kernel 'quantize' moved to constant_local_tables.kernels.c */








int main()
{
    const int groups = 40, n = 64;
    static unsigned char in[3 * groups], out[4 * groups + 1];
    static unsigned int words[n];
    static char text[16 * n];
    static float x[n];
    static int8_t q[n];
    static int w[n];
    uint32_t state = 2024u;
    for (int i = 0; i < 3 * groups; ++i) {
        state = state * 1664525u + 1013904223u;
        in[i] = (unsigned char)(state >> 24);
    }
    for (int i = 0; i < n; ++i) {
        state = state * 1664525u + 1013904223u;
        words[i] = state;
        x[i] = (float)((int)(state >> 16) - 32768) / 97.0f;
    }
    unsigned char *d_in, *d_out;
    unsigned int *d_words;
    char *d_text;
    float *d_x;
    int8_t *d_q;
    int *d_w;
    cpurtMalloc(&d_in, sizeof(in));
    cpurtMalloc(&d_out, sizeof(out));
    cpurtMalloc(&d_words, sizeof(words));
    cpurtMalloc(&d_text, sizeof(text));
    cpurtMalloc(&d_x, sizeof(x));
    cpurtMalloc(&d_q, sizeof(q));
    cpurtMalloc(&d_w, sizeof(w));
    cpurtMemcpy(d_in, in, sizeof(in), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_words, words, sizeof(words), cpurtMemcpyHostToDevice);
    cpurtMemcpy(d_x, x, sizeof(x), cpurtMemcpyHostToDevice);
    cutrans_launch_base64_encode((groups + 31) / 32, 32, 0, 0, d_in, d_out, groups);
    cutrans_launch_describe_words((n + 31) / 32, 32, 0, 0, d_words, d_text, n);
    cutrans_launch_quantize((n + 31) / 32, 32, 0, 0, d_x, d_q, d_w, 2.0f, n);
    cpurtMemcpy(out, d_out, 4 * groups, cpurtMemcpyDeviceToHost);
    cpurtMemcpy(text, d_text, sizeof(text), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(q, d_q, sizeof(q), cpurtMemcpyDeviceToHost);
    cpurtMemcpy(w, d_w, sizeof(w), cpurtMemcpyDeviceToHost);
    out[4 * groups] = 0;
    printf("base64: %s\n", (const char *)out);
    for (int i = 0; i < 4; ++i) {
        printf("word %08x:", words[i]);
        for (int k = 0; k < 16; ++k) {
            printf(" %d", text[16 * i + k]);
        }
        printf("\n");
    }
    long long qsum = 0, wsum = 0;
    for (int i = 0; i < n; ++i) {
        qsum += q[i] * (i + 1);
        wsum += w[i];
    }
    printf("q[0..7] = %d %d %d %d %d %d %d %d\n", q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7]);
    printf("weighted q sum %lld, w sum %lld\n", qsum, wsum);

    // the same on the host
    const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const char specials_want[6] = {9, 10, 92, 34, 127, 65};
    const int weights[4] = {3, -1, 4, 1};
    int bad = 0;
    for (int g = 0; g < groups; ++g) {
        unsigned int v = (in[3 * g] << 16) | (in[3 * g + 1] << 8) | in[3 * g + 2];
        for (int k = 0; k < 4; ++k) {
            bad += out[4 * g + k] != (unsigned char)alphabet[(v >> (18 - 6 * k)) & 63];
        }
    }
    for (int i = 0; i < n; ++i) {
        for (int k = 0; k < 8; ++k) {
            bad += text[16 * i + k] != "0123456789abcdef"[(words[i] >> (28 - 4 * k)) & 15];
        }
        for (int k = 0; k < 6; ++k) {
            bad += text[16 * i + 8 + k] != specials_want[k];
        }
        bad += text[16 * i + 14] != (char)(12 + (i % 12 < 3 ? "xyz"[i % 12] : 0));
        bad += text[16 * i + 15] != 17;
        float r = rintf(x[i] / 2.0f);
        int want_q = r < -128.0f ? -128 : (r > 127.0f ? 127 : (int)r);
        bad += q[i] != want_q;
        bad += w[i] != weights[i & 3] * i + weights[want_q & 3] * want_q;
    }
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    cpurtFree(d_in);
    cpurtFree(d_out);
    cpurtFree(d_words);
    cpurtFree(d_text);
    cpurtFree(d_x);
    cpurtFree(d_q);
    cpurtFree(d_w);
    return 0;
}
