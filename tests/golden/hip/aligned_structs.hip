// Structs aligned above their natural alignment with CUDA's __align__ (HeCBench aligned-types, cuda-samples):
// the alignment changes sizeof, so the arrays the host fills and the device reads must agree on the padding.
// A 12-byte struct aligned to 16 takes 16 bytes per element, a struct of two of them 32, and an 8-byte
// struct of chars aligned to 8 stands beside the plain 4-byte one. Both a named struct and a typedef of an
// unnamed one carry the attribute.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        hipError_t err_ = (call);                                           \
        if (err_ != hipSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    hipGetErrorString(err_), __FILE__, __LINE__);           \
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

__global__ void blend(const rgb_pair *pairs, rgb_aligned *mixed, int n)
{
    const int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        const rgb_pair p = pairs[i];
        mixed[i].r = (p.lo.r + p.hi.r) / 2;        // field by field: the padding is never written
        mixed[i].g = p.lo.g ^ p.hi.g;
        mixed[i].b = p.lo.b > p.hi.b ? p.lo.b : p.hi.b;
    }
}

__global__ void swizzle(const bytes_aligned *in, bytes_plain *out, unsigned int *sums, int n)
{
    const int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        const bytes_aligned v = in[i];
        bytes_plain w;
        w.x = v.w;
        w.y = v.z;
        w.z = v.y;
        w.w = v.x;
        out[i] = w;
        sums[i] = v.x + v.y + v.z + v.w + (unsigned int)sizeof(bytes_aligned) * 1000u;
    }
}

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
    CHECK(hipMalloc(&d_pairs, sizeof pairs));
    CHECK(hipMalloc(&d_mixed, sizeof mixed));
    CHECK(hipMalloc(&d_bytes, sizeof bytes));
    CHECK(hipMalloc(&d_swapped, sizeof swapped));
    CHECK(hipMalloc(&d_sums, sizeof sums));
    CHECK(hipMemcpy(d_pairs, pairs, sizeof pairs, hipMemcpyHostToDevice));
    CHECK(hipMemcpy(d_bytes, bytes, sizeof bytes, hipMemcpyHostToDevice));
    blend<<<(N + 63) / 64, 64>>>(d_pairs, d_mixed, N);
    CHECK(hipGetLastError());
    swizzle<<<(N + 127) / 128, 128>>>(d_bytes, d_swapped, d_sums, N);
    CHECK(hipGetLastError());
    CHECK(hipMemcpy(mixed, d_mixed, sizeof mixed, hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(swapped, d_swapped, sizeof swapped, hipMemcpyDeviceToHost));
    CHECK(hipMemcpy(sums, d_sums, sizeof sums, hipMemcpyDeviceToHost));

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
    CHECK(hipFree(d_pairs));
    CHECK(hipFree(d_mixed));
    CHECK(hipFree(d_bytes));
    CHECK(hipFree(d_swapped));
    CHECK(hipFree(d_sums));
    return bad ? 1 : 0;
}
