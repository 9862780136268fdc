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
#include <hip/hip_runtime.h>

__constant__ char hex_digits[] = "0123456789" "abcdef";
__constant__ unsigned char specials[8] = "\t\n\\\"\x7f\101";

// each 3 input bytes -> 4 base64 characters
__global__ void base64_encode(const unsigned char *in, unsigned char *out, int groups)
{
    const unsigned char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    if (g >= groups) {
        return;
    }
    unsigned int v = (in[3 * g] << 16) | (in[3 * g + 1] << 8) | in[3 * g + 2];
    for (int k = 0; k < 4; ++k) {
        out[4 * g + k] = alphabet[(v >> (18 - 6 * k)) & 63];
    }
}

// the hex digits of a word, the special characters, and the size and last entries of a sized char table
__global__ void describe_words(const unsigned int *words, char *out, int n)
{
    char padded[12] = "xyz";
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    for (int k = 0; k < 8; ++k) {
        out[16 * i + k] = hex_digits[(words[i] >> (28 - 4 * k)) & 15];
    }
    for (int k = 0; k < 6; ++k) {
        out[16 * i + 8 + k] = (char)specials[k];
    }
    out[16 * i + 14] = (char)(sizeof(padded) + padded[i % 12]);
    out[16 * i + 15] = (char)sizeof(hex_digits);
}

__device__ int8_t to_int8(float x)
{
    static constexpr int lo_int = std::numeric_limits<int8_t>::min();
    static constexpr float lo = static_cast<float>(lo_int);      // a constant made from another
    static constexpr float hi = static_cast<float>(std::numeric_limits<int8_t>::max());
    float r = std::nearbyint(x);
    return static_cast<int8_t>(r < lo ? lo : (r > hi ? hi : r));
}

__device__ int gray_weight(int v)
{
    static const int weights[4] = {3, -1, 4, 1};
    return weights[v & 3] * v;
}

// symmetric quantization of x by `scale`, and a weighted sum through a static const table
__global__ void quantize(const float *x, int8_t *q, int *w, float scale, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        q[i] = to_int8(x[i] / scale);
        w[i] = gray_weight(i) + gray_weight(q[i]);
    }
}

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
    hipMalloc(&d_in, sizeof(in));
    hipMalloc(&d_out, sizeof(out));
    hipMalloc(&d_words, sizeof(words));
    hipMalloc(&d_text, sizeof(text));
    hipMalloc(&d_x, sizeof(x));
    hipMalloc(&d_q, sizeof(q));
    hipMalloc(&d_w, sizeof(w));
    hipMemcpy(d_in, in, sizeof(in), hipMemcpyHostToDevice);
    hipMemcpy(d_words, words, sizeof(words), hipMemcpyHostToDevice);
    hipMemcpy(d_x, x, sizeof(x), hipMemcpyHostToDevice);
    base64_encode<<<(groups + 31) / 32, 32>>>(d_in, d_out, groups);
    describe_words<<<(n + 31) / 32, 32>>>(d_words, d_text, n);
    quantize<<<(n + 31) / 32, 32>>>(d_x, d_q, d_w, 2.0f, n);
    hipMemcpy(out, d_out, 4 * groups, hipMemcpyDeviceToHost);
    hipMemcpy(text, d_text, sizeof(text), hipMemcpyDeviceToHost);
    hipMemcpy(q, d_q, sizeof(q), hipMemcpyDeviceToHost);
    hipMemcpy(w, d_w, sizeof(w), hipMemcpyDeviceToHost);
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
    hipFree(d_in);
    hipFree(d_out);
    hipFree(d_words);
    hipFree(d_text);
    hipFree(d_x);
    hipFree(d_q);
    hipFree(d_w);
    return 0;
}
