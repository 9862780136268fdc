// Structs aligned above their natural alignment with CUDA's __align__ (HeCBench aligned-types, cuda-samples):
// the alignment changes sizeof, so the arrays the host fills and the device reads must agree on the padding.
// A 12-byte struct aligned to 16 takes 16 bytes per element, a struct of two of them 32, and an 8-byte
// struct of chars aligned to 8 stands beside the plain 4-byte one. Both a named struct and a typedef of an
// unnamed one carry the attribute.
#include <cstdio>
#include <cstdlib>
#include "oclrt.h"
#include "aligned_structs.launch.h"

#define CHECK(call)                                                          \
    do {                                                                     \
        oclrtError_t err_ = (call);                                           \
        if (err_ != oclrtSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    oclrtGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

typedef struct __align__(16)
{
    unsigned int r, g, b;
} rgb_aligned;                          // 12 bytes of data, 16 with padding

struct __align__(16) rgb_pair {
    rgb_aligned lo, hi;                 // 32 bytes
};

typedef struct __align__(8)
{
    unsigned char x, y, z, w;
} bytes_aligned;                        // 4 bytes of data, 8 with padding

typedef struct
{
    unsigned char x, y, z, w;
} bytes_plain;                          // 4 bytes

#define N 300

/* cutrans: kernel 'blend' moved to aligned_structs.cl */










/* cutrans: kernel 'swizzle' moved to aligned_structs.cl */














int main()
{
    printf("sizeof: rgb_aligned %d, rgb_pair %d, bytes_aligned %d, bytes_plain %d\n", (int)sizeof(rgb_aligned),
           (int)sizeof(rgb_pair), (int)sizeof(bytes_aligned), (int)sizeof(bytes_plain));
    static rgb_pair pairs[N];
    static rgb_aligned mixed[N];
    static bytes_aligned bytes[N];
    static bytes_plain swapped[N];
    static unsigned int sums[N];
    for (int i = 0; i < N; ++i) {
        pairs[i].lo = {(unsigned)(i * 7 % 251), (unsigned)(i * 13 % 256), (unsigned)(i % 97)};
        pairs[i].hi = {(unsigned)(i * 3 % 199), (unsigned)(i * 5 % 256), (unsigned)(i * 11 % 101)};
        bytes[i] = {(unsigned char)i, (unsigned char)(i * 3), (unsigned char)(i * 5), (unsigned char)(i * 7)};
    }
    rgb_pair *d_pairs;
    rgb_aligned *d_mixed;
    bytes_aligned *d_bytes;
    bytes_plain *d_swapped;
    unsigned int *d_sums;
    CHECK(oclrtMalloc(&d_pairs, sizeof pairs));
    CHECK(oclrtMalloc(&d_mixed, sizeof mixed));
    CHECK(oclrtMalloc(&d_bytes, sizeof bytes));
    CHECK(oclrtMalloc(&d_swapped, sizeof swapped));
    CHECK(oclrtMalloc(&d_sums, sizeof sums));
    CHECK(oclrtMemcpy(d_pairs, pairs, sizeof pairs, oclrtMemcpyHostToDevice));
    CHECK(oclrtMemcpy(d_bytes, bytes, sizeof bytes, oclrtMemcpyHostToDevice));
    cutrans_launch_blend((N + 63) / 64, 64, 0, 0, d_pairs, d_mixed, N);
    CHECK(oclrtGetLastError());
    cutrans_launch_swizzle((N + 127) / 128, 128, 0, 0, d_bytes, d_swapped, d_sums, N);
    CHECK(oclrtGetLastError());
    CHECK(oclrtMemcpy(mixed, d_mixed, sizeof mixed, oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(swapped, d_swapped, sizeof swapped, oclrtMemcpyDeviceToHost));
    CHECK(oclrtMemcpy(sums, d_sums, sizeof sums, oclrtMemcpyDeviceToHost));

    int bad = 0;
    unsigned long checksum = 0;
    for (int i = 0; i < N; ++i) {
        const rgb_pair p = pairs[i];
        bad += mixed[i].r != (p.lo.r + p.hi.r) / 2 || mixed[i].g != (p.lo.g ^ p.hi.g) ||
               mixed[i].b != (p.lo.b > p.hi.b ? p.lo.b : p.hi.b);
        const bytes_aligned v = bytes[i];
        bad += swapped[i].x != v.w || swapped[i].y != v.z || swapped[i].z != v.y || swapped[i].w != v.x;
        bad += sums[i] != v.x + v.y + v.z + v.w + 8000u;
        checksum += mixed[i].r * 3u + mixed[i].g * 5u + mixed[i].b * 7u + swapped[i].x + sums[i];
    }
    printf("mixed[17] = (%u, %u, %u), sums[17] = %u\n", mixed[17].r, mixed[17].g, mixed[17].b, sums[17]);
    printf("checksum = %lu\nmismatches = %d\n%s\n", checksum, bad, bad ? "FAIL" : "PASS");
    CHECK(oclrtFree(d_pairs));
    CHECK(oclrtFree(d_mixed));
    CHECK(oclrtFree(d_bytes));
    CHECK(oclrtFree(d_swapped));
    CHECK(oclrtFree(d_sums));
    return bad ? 1 : 0;
}
