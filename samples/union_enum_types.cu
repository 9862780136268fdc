// Unions, enums (plain and `enum class`) and typedefs, in device code and as kernel parameters: a
// union reads a float's bits (type punning, which C and OpenCL C define), a union parameter arrives
// by value with the host's layout, enums select operations in a switch, typedefs name all of them.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cuda_runtime.h>

#define CHECK(call)                                                          \
    do {                                                                     \
        cudaError_t err_ = (call);                                           \
        if (err_ != cudaSuccess) {                                           \
            fprintf(stderr, "CUDA error %s at %s:%d\n",                      \
                    cudaGetErrorString(err_), __FILE__, __LINE__);           \
            exit(1);                                                         \
        }                                                                    \
    } while (0)

typedef float real;
typedef unsigned int bits32;

union FloatBits {
    real f;
    bits32 u;
    unsigned char bytes[4];
};
typedef union FloatBits FloatBitsT;

union Wide {
    double d;
    long long i;
    int halves[2];
};

enum Op { OP_NEGATE, OP_EXPONENT = 4, OP_SCALE };
enum class Channel : short { Low = -1, Mid = 0, High = 7 };
typedef enum Op OpT;

struct Task {
    Channel channel;
    int count;
};

__device__ bits32 exponent_of(real x)
{
    FloatBitsT v;
    v.f = x;
    return (v.u >> 23) & 0xffu;
}

__device__ real negate_by_bits(real x)
{
    FloatBits v;
    v.f = x;
    v.bytes[3] ^= 0x80u;                     // little-endian: the sign bit is in the last byte
    return v.f;
}

__global__ void classify(const real *in, real *out, bits32 *raw, OpT op, Channel channel, FloatBits scale,
                         union Wide tag, struct Task task, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    real x = in[i];
    OpT mine = (i % 3 == 0) ? op : (OpT)(i % 3 == 1 ? OP_NEGATE : OP_SCALE);
    real r;
    switch (mine) {
    case OP_NEGATE:
        r = negate_by_bits(x);
        break;
    case OP_EXPONENT:
        r = (real)exponent_of(x);
        break;
    default:
        r = x * scale.f;
    }
    if (channel == Channel::Low) {
        r = -r;
    } else if (channel == Channel::High && task.channel == Channel::High) {
        r += (real)static_cast<short>(Channel::High);
    }
    out[i] = r + (real)task.count;
    FloatBits b;
    b.f = r;
    raw[i] = b.u ^ (bits32)tag.halves[1] ^ (bits32)(tag.i & 0xffff);
}

/* A union parameter and unions in device code, with no enum in the signature. */
__global__ void flip_signs(const real *in, bits32 *out, FloatBits flip, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        FloatBitsT v;
        v.f = negate_by_bits(in[i]);
        out[i] = (v.u ^ flip.u) + exponent_of(in[i]);
    }
}

int main()
{
    const int n = 300;
    real *h_in = (real *)malloc(n * sizeof(real));
    real *h_out = (real *)malloc(n * sizeof(real));
    bits32 *h_raw = (bits32 *)malloc(n * sizeof(bits32));
    for (int i = 0; i < n; ++i) {
        h_in[i] = (real)(i - 150) * 0.37f + (i % 7 == 0 ? 1e-3f : 0.0f);
    }
    FloatBits scale;
    scale.f = 2.5f;
    union Wide tag;
    tag.d = -3.0e100;
    struct Task task = {Channel::High, 3};
    real *d_in, *d_out;
    bits32 *d_raw;
    CHECK(cudaMalloc((void **)&d_in, n * sizeof(real)));
    CHECK(cudaMalloc((void **)&d_out, n * sizeof(real)));
    CHECK(cudaMalloc((void **)&d_raw, n * sizeof(bits32)));
    CHECK(cudaMemcpy(d_in, h_in, n * sizeof(real), cudaMemcpyHostToDevice));
    classify<<<(n + 63) / 64, 64>>>(d_in, d_out, d_raw, OP_EXPONENT, Channel::High, scale, tag, task, n);
    CHECK(cudaGetLastError());
    CHECK(cudaDeviceSynchronize());
    CHECK(cudaMemcpy(h_out, d_out, n * sizeof(real), cudaMemcpyDeviceToHost));
    CHECK(cudaMemcpy(h_raw, d_raw, n * sizeof(bits32), cudaMemcpyDeviceToHost));
    bits32 *h_flip = (bits32 *)malloc(n * sizeof(bits32));
    flip_signs<<<(n + 63) / 64, 64>>>(d_in, d_raw, scale, n);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpy(h_flip, d_raw, n * sizeof(bits32), cudaMemcpyDeviceToHost));

    int bad = 0;
    for (int i = 0; i < n; ++i) {
        real x = h_in[i], r;
        bits32 u;
        memcpy(&u, &x, sizeof(u));
        int kind = i % 3 == 0 ? 4 : (i % 3 == 1 ? 0 : 5);
        r = kind == 0 ? -x : (kind == 4 ? (real)((u >> 23) & 0xffu) : x * 2.5f);
        r += 7.0f;
        real want = r + 3.0f;
        bits32 rb;
        memcpy(&rb, &r, sizeof(rb));
        bits32 want_raw = rb ^ (bits32)tag.halves[1] ^ (bits32)(tag.i & 0xffff);
        real negated = -x;
        bits32 nb;
        memcpy(&nb, &negated, sizeof(nb));
        bad += h_out[i] != want || h_raw[i] != want_raw || h_flip[i] != (nb ^ scale.u) + ((u >> 23) & 0xffu);
        if (i % 37 == 0) {
            printf("x = %.6f -> %.6f, bits 0x%08x\n", x, h_out[i], h_raw[i]);
        }
    }
    printf("sizeof(FloatBits) = %d, sizeof(Wide) = %d, wrong = %d\n", (int)sizeof(FloatBits), (int)sizeof(union Wide), bad);
    CHECK(cudaFree(d_in));
    CHECK(cudaFree(d_out));
    CHECK(cudaFree(d_raw));
    free(h_in);
    free(h_out);
    free(h_raw);
    free(h_flip);
    printf("%s\n", bad == 0 ? "PASS" : "FAIL");
    return bad == 0 ? 0 : 1;
}
