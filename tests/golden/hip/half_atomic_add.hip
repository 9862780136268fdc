// atomicAdd on the 16-bit floats: __half, __half2, __nv_bfloat16 and __nv_bfloat162, in global and in
// __shared__ memory. Many threads update neighbouring elements of the same 32-bit words at once (an update
// must change its own 16 bits only); the values are chosen so that every order of the additions gives the
// same sums, and the old values that atomicAdd returns are summed, which no order changes either. A second
// kernel adds in one thread, in a fixed order, where the rounding shows: ties to even, subnormals, overflow
// to infinity, signed zeros.
#include <cstdio>
#include <cstring>
#include <hip/hip_runtime.h>
#include "cutrans_hip_fp16.h"
#include "cutrans_hip_bf16.h"

#define THREADS 128
#define BLOCKS 2

__global__ void scatter_add(__half *h, __half2 *h2, __nv_bfloat16 *b, __nv_bfloat162 *b2, int *old_sums)
{
    __shared__ __half sh[4];
    __shared__ __half2 sh2[2];
    __shared__ __nv_bfloat16 sb[3];
    __shared__ __nv_bfloat162 sb2[2];
    int t = blockIdx.x * blockDim.x + threadIdx.x;
    if (threadIdx.x < 4) {
        sh[threadIdx.x] = __float2half(0.0f);
    }
    if (threadIdx.x < 2) {
        sh2[threadIdx.x] = __floats2half2_rn(0.0f, 1.0f);
        sb2[threadIdx.x] = __floats2bfloat162_rn(-1.0f, 0.0f);
    }
    if (threadIdx.x < 3) {
        sb[threadIdx.x] = __float2bfloat16(0.0f);
    }
    __syncthreads();

    __half v = __float2half(0.125f * (t % 7));
    atomicAdd(&h[t % 5], v);
    atomicAdd(&h2[t % 3], __floats2half2_rn(0.5f, -0.25f * (t % 4)));
    atomicAdd(&b[t % 6], __float2bfloat16(0.25f * (t % 3)));
    atomicAdd(&b2[t % 2], __floats2bfloat162_rn(0.125f, 2.0f));
    atomicAdd(&sh[t % 4], v);
    atomicAdd(&sh2[t % 2], __halves2half2(v, __hneg(v)));
    atomicAdd(&sb[t % 3], __float2bfloat16(0.5f));
    atomicAdd(&sb2[threadIdx.x % 2], __floats2bfloat162_rn(1.0f, -0.5f));

    // every thread adds 1 to one counter: the old values are 0, 1, ..., n - 1 in some order
    __half counted = atomicAdd(&h[9], __float2half(1.0f));
    __nv_bfloat16 counted_b = atomicAdd(&b[9], __float2bfloat16(1.0f));
    __half2 counted2 = atomicAdd(&h2[5], __floats2half2_rn(1.0f, 2.0f));
    __nv_bfloat162 counted_b2 = atomicAdd(&b2[2], __floats2bfloat162_rn(2.0f, 1.0f));
    atomicAdd(&old_sums[0], (int)__half2float(counted));
    atomicAdd(&old_sums[1], (int)__bfloat162float(counted_b));
    atomicAdd(&old_sums[2], (int)__low2float(counted2) + 1000 * (int)__high2float(counted2));
    atomicAdd(&old_sums[3], (int)__low2float(counted_b2) + 1000 * (int)__high2float(counted_b2));
    __syncthreads();

    if (threadIdx.x == 0) {
        for (int i = 0; i < 4; i++) {
            atomicAdd(&h[5 + i], sh[i]);
        }
        for (int i = 0; i < 2; i++) {
            atomicAdd(&h2[3 + i], sh2[i]);
            atomicAdd(&b2[3 + i], sb2[i]);
        }
        for (int i = 0; i < 3; i++) {
            atomicAdd(&b[6 + i], sb[i]);
        }
    }
}

// One thread: each step's sum is rounded once to the 16-bit format, and the old value comes back.
__global__ void rounding_chain(__half *h, __nv_bfloat16 *b, unsigned short *olds)
{
    if (blockIdx.x != 0 || threadIdx.x != 0) {
        return;
    }
    const float half_steps[8] = {2048.0f, 1.0f, 3.0f, 1.0f, -4100.0f, 0.0f, 0.0f, 0.0f};
    const float bf16_steps[8] = {256.0f, 1.0f, 3.0f, 0.5f, -1.0e30f, 1.0e30f, 0.0f, 0.0f};
    for (int i = 0; i < 8; i++) {
        olds[i] = __half_as_ushort(atomicAdd(&h[0], __float2half(half_steps[i])));
        olds[8 + i] = __bfloat16_as_ushort(atomicAdd(&b[1], __float2bfloat16(bf16_steps[i])));
    }
    atomicAdd(&h[1], __ushort_as_half((unsigned short)0x0001));          // smallest subnormal, twice
    atomicAdd(&h[1], __ushort_as_half((unsigned short)0x0001));
    atomicAdd(&h[2], __float2half(65504.0f));                            // the largest half
    atomicAdd(&h[2], __float2half(16.0f));                               // a tie: rounds to even, infinity
    h[3] = __ushort_as_half((unsigned short)0x8000);
    atomicAdd(&h[3], __ushort_as_half((unsigned short)0x8000));          // -0 + -0 = -0
    atomicAdd(&h[3], __ushort_as_half((unsigned short)0x8000));
    atomicAdd(&h[4], __ushort_as_half((unsigned short)0x8000));          // +0 + -0 = +0
    atomicAdd(&b[2], __ushort_as_bfloat16((unsigned short)0x0001));     // bfloat16 subnormals
    atomicAdd(&b[2], __ushort_as_bfloat16((unsigned short)0x0001));
    b[3] = __ushort_as_bfloat16((unsigned short)0x8000);
    atomicAdd(&b[3], __ushort_as_bfloat16((unsigned short)0x8000));      // -0 + -0 = -0
    atomicAdd(&b[3], __ushort_as_bfloat16((unsigned short)0x8000));
    atomicAdd(&b[0], __float2bfloat16(3.0e38f));                         // overflow to infinity
    atomicAdd(&b[0], __float2bfloat16(3.0e38f));
}

// the bits of a float rounded to half or bfloat16, on the host
static unsigned half_bits(float x)
{
    __half h = __float2half(x);
    unsigned short bits;
    memcpy(&bits, &h, sizeof bits);
    return bits;
}

static unsigned bf16_bits(float x)
{
    __nv_bfloat16 b = __float2bfloat16(x);
    unsigned short bits;
    memcpy(&bits, &b, sizeof bits);
    return bits;
}

static int check(const char *what, unsigned got, unsigned want)
{
    if (got != want) {
        printf("FAIL %s: 0x%04x, expected 0x%04x\n", what, got, want);
        return 1;
    }
    return 0;
}

int main()
{
    __half *h;
    __half2 *h2;
    __nv_bfloat16 *b;
    __nv_bfloat162 *b2;
    int *old_sums;
    unsigned short *olds;
    hipMallocManaged(&h, 10 * sizeof(__half));
    hipMallocManaged(&h2, 6 * sizeof(__half2));
    hipMallocManaged(&b, 10 * sizeof(__nv_bfloat16));
    hipMallocManaged(&b2, 5 * sizeof(__nv_bfloat162));
    hipMallocManaged(&old_sums, 4 * sizeof(int));
    hipMallocManaged(&olds, 16 * sizeof(unsigned short));
    hipMemset(h, 0, 10 * sizeof(__half));
    hipMemset(h2, 0, 6 * sizeof(__half2));
    hipMemset(b, 0, 10 * sizeof(__nv_bfloat16));
    hipMemset(b2, 0, 5 * sizeof(__nv_bfloat162));
    hipMemset(old_sums, 0, 4 * sizeof(int));
    scatter_add<<<BLOCKS, THREADS>>>(h, h2, b, b2, old_sums);
    hipDeviceSynchronize();

    const int n = BLOCKS * THREADS;
    int failures = 0;
    // the sums the scatter must give, from the same formulas in exact host arithmetic
    float want_h[9] = {0}, want_h2[5][2] = {{0}}, want_b[9] = {0}, want_b2[5][2] = {{0}};
    for (int t = 0; t < n; t++) {
        int in_block = t % THREADS;
        float v = 0.125f * (t % 7);
        want_h[t % 5] += v;
        want_h2[t % 3][0] += 0.5f;
        want_h2[t % 3][1] += -0.25f * (t % 4);
        want_b[t % 6] += 0.25f * (t % 3);
        want_b2[t % 2][0] += 0.125f;
        want_b2[t % 2][1] += 2.0f;
        want_h[5 + t % 4] += v;
        want_h2[3 + t % 2][0] += v;
        want_h2[3 + t % 2][1] -= v;
        want_b[6 + t % 3] += 0.5f;
        want_b2[3 + in_block % 2][0] += 1.0f;
        want_b2[3 + in_block % 2][1] -= 0.5f;
    }
    want_b2[2][0] = 2.0f * n;            // the counters' totals
    want_b2[2][1] = (float)n;
    for (int i = 0; i < 2; i++) {        // the __shared__ pairs started at (0, 1) and (-1, 0) in each block
        want_h2[3 + i][1] += BLOCKS;
        want_b2[3 + i][0] -= BLOCKS;
    }
    // the results as bits: element i of a pair array is bits [2i] (.x) and [2i + 1] (.y)
    const unsigned short *hb = (const unsigned short *)h, *h2b = (const unsigned short *)h2;
    const unsigned short *bb = (const unsigned short *)b, *b2b = (const unsigned short *)b2;
    for (int i = 0; i < 9; i++) {
        failures += check("__half sum", hb[i], half_bits(want_h[i]));
        failures += check("bfloat16 sum", bb[i], bf16_bits(want_b[i]));
    }
    for (int i = 0; i < 5; i++) {
        failures += check("__half2 sum .x", h2b[2 * i], half_bits(want_h2[i][0]));
        failures += check("__half2 sum .y", h2b[2 * i + 1], half_bits(want_h2[i][1]));
        failures += check("bfloat162 sum .x", b2b[2 * i], bf16_bits(want_b2[i][0]));
        failures += check("bfloat162 sum .y", b2b[2 * i + 1], bf16_bits(want_b2[i][1]));
    }
    const int triangle = n * (n - 1) / 2;
    failures += check("__half counter", hb[9], half_bits((float)n));
    failures += check("bfloat16 counter", bb[9], bf16_bits((float)n));
    failures += check("sum of __half olds", old_sums[0], triangle);
    failures += check("sum of bfloat16 olds", old_sums[1], triangle);
    failures += check("sum of __half2 olds", old_sums[2], triangle + 1000 * 2 * triangle);
    failures += check("sum of bfloat162 olds", old_sums[3], 2 * triangle + 1000 * triangle);
    for (int i = 0; i < 5; i++) {
        printf("scatter %d: h %04x b %04x h2 %04x %04x b2 %04x %04x\n", i, hb[i], bb[i], h2b[2 * i], h2b[2 * i + 1],
               b2b[2 * i], b2b[2 * i + 1]);
    }

    hipMemset(h, 0, 10 * sizeof(__half));
    hipMemset(b, 0, 10 * sizeof(__nv_bfloat16));
    rounding_chain<<<1, 32>>>(h, b, olds);
    hipDeviceSynchronize();
    // half: 0, 2048, 2048 (2049 ties to even), 2052, 2052 (2053 ties to even), -2048
    const unsigned short want_half_olds[8] = {0x0000, 0x6800, 0x6800, 0x6802, 0x6802, 0xe800, 0xe800, 0xe800};
    // bfloat16: 0, 256, 256 (257 ties to even), 260, 260 (260.5 rounds down), -1e30 (0xf14a), +0 (-1e30 + 1e30), +0
    const unsigned short want_bf16_olds[8] = {0x0000, 0x4380, 0x4380, 0x4382, 0x4382, 0xf14a, 0x0000, 0x0000};
    for (int i = 0; i < 8; i++) {
        failures += check("__half old", olds[i], want_half_olds[i]);
        failures += check("bfloat16 old", olds[8 + i], want_bf16_olds[i]);
    }
    failures += check("__half subnormals", hb[1], 0x0002);
    failures += check("__half overflow", hb[2], 0x7c00);
    failures += check("__half -0 + -0", hb[3], 0x8000);
    failures += check("__half +0 + -0", hb[4], 0x0000);
    failures += check("bfloat16 subnormals", bb[2], 0x0002);
    failures += check("bfloat16 -0 + -0", bb[3], 0x8000);
    failures += check("bfloat16 overflow", bb[0], 0x7f80);
    for (int i = 0; i < 16; i++) {
        printf("%04x%c", olds[i], i % 8 == 7 ? '\n' : ' ');
    }

    hipFree(h);
    hipFree(h2);
    hipFree(b);
    hipFree(b2);
    hipFree(old_sums);
    hipFree(olds);
    printf("%s\n", failures ? "FAIL" : "PASS");
    return failures ? 1 : 0;
}
