// CUDA 12's DPX integer intrinsics, all 36 of them: 3-way min/max (__vimax3_*, __vimin3_*), min/max with
// ReLU (__vimax_s32_relu, ..._relu), add-then-min/max (__viaddmax_*, __viaddmin_*) and min/max with a
// predicate (__vibmax_*, __vibmin_*), on a whole int or unsigned (s32, u32) or on the two 16-bit lanes of an
// unsigned int (s16x2, u16x2). Every pair of the edge words below is tried, with a third word cycling through
// kThird, so the lanes meet 0, -1, INT_MAX/INT_MIN and 0x7fff/0x8000/0xffff: signed against unsigned order
// (0x80000000 is the least s32 and a large u32), the sum of __viaddmax/__viaddmin wrapping to the lane's
// width before it is compared (0x7fffffff + 1 is INT_MIN; 0x7fff + 1 is -32768 in an s16 lane and 0x8000 in
// a u16 one), ReLU on each lane, and the predicates of __vib*, which hold on ties (a >= b for max, a <= b for
// min), kept in local bools whose addresses the kernel passes, one per lane (pred_hi for the high lane).
// The host prints the results of four threads and two checksums per result (and per predicate slot, stored
// as pred or pred_hi * 2 + pred_lo), which it checks against kExpected: computed from a Python model of
// CUDA's documented semantics (tests/unit/test_dpx.py), not from the translator.
#include <cstdio>
#include <cstdlib>
#include <hip/hip_runtime.h>
#include "cutrans_hip_compat.h"

#define NSLOTS 44

__global__ void dpx(const unsigned int *a, const unsigned int *b, const unsigned int *c, unsigned int *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    const unsigned int x = a[i], y = b[i], z = c[i];
    const int sx = (int)x, sy = (int)y, sz = (int)z;
    unsigned int *o = out + (size_t)i * NSLOTS;
    bool p, hi, lo;
    o[0] = __vimax_s32_relu(sx, sy);
    o[1] = __vimax_s16x2_relu(x, y);
    o[2] = __vimin_s32_relu(sx, sy);
    o[3] = __vimin_s16x2_relu(x, y);
    o[4] = __vimax3_s32(sx, sy, sz);
    o[5] = __vimax3_u32(x, y, z);
    o[6] = __vimax3_s16x2(x, y, z);
    o[7] = __vimax3_u16x2(x, y, z);
    o[8] = __vimin3_s32(sx, sy, sz);
    o[9] = __vimin3_u32(x, y, z);
    o[10] = __vimin3_s16x2(x, y, z);
    o[11] = __vimin3_u16x2(x, y, z);
    o[12] = __vimax3_s32_relu(sx, sy, sz);
    o[13] = __vimax3_s16x2_relu(x, y, z);
    o[14] = __vimin3_s32_relu(sx, sy, sz);
    o[15] = __vimin3_s16x2_relu(x, y, z);
    o[16] = __viaddmax_s32(sx, sy, sz);
    o[17] = __viaddmax_u32(x, y, z);
    o[18] = __viaddmax_s16x2(x, y, z);
    o[19] = __viaddmax_u16x2(x, y, z);
    o[20] = __viaddmin_s32(sx, sy, sz);
    o[21] = __viaddmin_u32(x, y, z);
    o[22] = __viaddmin_s16x2(x, y, z);
    o[23] = __viaddmin_u16x2(x, y, z);
    o[24] = __viaddmax_s32_relu(sx, sy, sz);
    o[25] = __viaddmax_s16x2_relu(x, y, z);
    o[26] = __viaddmin_s32_relu(sx, sy, sz);
    o[27] = __viaddmin_s16x2_relu(x, y, z);
    o[28] = __vibmax_s32(sx, sy, &p);
    o[29] = p;
    o[30] = __vibmax_u32(x, y, &p);
    o[31] = p;
    o[32] = __vibmax_s16x2(x, y, &hi, &lo);
    o[33] = hi * 2 + lo;
    o[34] = __vibmax_u16x2(x, y, &hi, &lo);
    o[35] = hi * 2 + lo;
    o[36] = __vibmin_s32(sx, sy, &p);
    o[37] = p;
    o[38] = __vibmin_u32(x, y, &p);
    o[39] = p;
    o[40] = __vibmin_s16x2(x, y, &hi, &lo);
    o[41] = hi * 2 + lo;
    o[42] = __vibmin_u16x2(x, y, &hi, &lo);
    o[43] = hi * 2 + lo;
}

static const char *const kNames[NSLOTS] = {
    "__vimax_s32_relu", "__vimax_s16x2_relu", "__vimin_s32_relu", "__vimin_s16x2_relu", "__vimax3_s32",
    "__vimax3_u32", "__vimax3_s16x2", "__vimax3_u16x2", "__vimin3_s32", "__vimin3_u32", "__vimin3_s16x2",
    "__vimin3_u16x2", "__vimax3_s32_relu", "__vimax3_s16x2_relu", "__vimin3_s32_relu", "__vimin3_s16x2_relu",
    "__viaddmax_s32", "__viaddmax_u32", "__viaddmax_s16x2", "__viaddmax_u16x2", "__viaddmin_s32",
    "__viaddmin_u32", "__viaddmin_s16x2", "__viaddmin_u16x2", "__viaddmax_s32_relu", "__viaddmax_s16x2_relu",
    "__viaddmin_s32_relu", "__viaddmin_s16x2_relu", "__vibmax_s32", "__vibmax_s32.p", "__vibmax_u32",
    "__vibmax_u32.p", "__vibmax_s16x2", "__vibmax_s16x2.p", "__vibmax_u16x2", "__vibmax_u16x2.p",
    "__vibmin_s32", "__vibmin_s32.p", "__vibmin_u32", "__vibmin_u32.p", "__vibmin_s16x2", "__vibmin_s16x2.p",
    "__vibmin_u16x2", "__vibmin_u16x2.p"};

static const unsigned int kWords[] = {0x00000000u, 0xffffffffu, 0x7fffffffu, 0x80000000u, 0x7fff8000u, 0x80007fffu,
                                      0xffff0001u, 0x0001fffeu, 0x12345678u, 0x00000001u, 0xfffffffeu, 0x7fff7fffu,
                                      0x80008000u, 0xedcba988u, 0x00017fffu, 0xffff8001u};
// thread i = (index of a) * 16 + (index of b) takes c = kThird[i % 9]
static const unsigned int kThird[] = {0xffffffffu, 0x7fffffffu, 0x80000000u, 0x00010001u, 0xfffe7fffu,
                                      0x00000000u, 0x80017ffeu, 0x0000ffffu, 0x12345678u};

// per slot: the sum and the FNV-style mix of its values over all threads
static const unsigned int kExpected[NSLOTS][2] = {
    {0x474df14eu, 0x48a79138u}, {0x471cf18du, 0xfd58e213u}, {0xff8cdd32u, 0x327a8f88u}, {0xff7ddd53u, 0xf83f2d9bu},
    {0xa1cffebcu, 0xe7afdfd0u}, {0x5c0f753du, 0x5c899de1u}, {0xa1907808u, 0x72ba71beu}, {0x5c3e4edcu, 0x92fe933eu},
    {0x3877eb20u, 0x91770632u}, {0x904b4b5cu, 0xc80c5006u}, {0x38abbacbu, 0x8b855017u}, {0x901da20fu, 0x2c80045du},
    {0xb403555au, 0x76d82bceu}, {0xb3cb781cu, 0xa090f938u}, {0x124a5674u, 0xe28fb4c6u}, {0x1242acf4u, 0xc4f64a14u},
    {0x90bcedc4u, 0x3ba9cf42u}, {0x8018ff33u, 0x6d580dadu}, {0x906013b6u, 0x658ec5b8u}, {0x6dc68282u, 0x2bf029a2u},
    {0x6d75860fu, 0x7af68cdbu}, {0x7e1974a0u, 0x582549f4u}, {0x6d5c601du, 0xa0b9eac9u}, {0x8ff5f151u, 0xb38412e3u},
    {0x35319ad0u, 0x4c390d38u}, {0x34c713e3u, 0xdb4702d9u}, {0xb61ee0a8u, 0xd266c3bcu}, {0xb6100d9cu, 0x37540bc0u},
    {0x47d513eeu, 0xe0904d24u}, {0x00000088u, 0xbf6eabeeu}, {0x011a450eu, 0x635058dcu}, {0x00000088u, 0x50ca6c22u},
    {0x47b31406u, 0x6a3f973cu}, {0x000001bcu, 0x33981abeu}, {0x013844c6u, 0xef8dbce0u}, {0x000001bcu, 0x1d595e9eu},
    {0xb86aeb52u, 0x9a00cbecu}, {0x00000088u, 0x5b5073e6u}, {0xff25ba32u, 0x8ec9c82cu}, {0x00000088u, 0xff721d0au},
    {0xb88ceb3au, 0x5feed340u}, {0x000001bcu, 0xef53e2c2u}, {0xff07ba7au, 0xabcb871cu}, {0x000001bcu, 0xa01e3ee2u}};

int main()
{
    const int words = (int)(sizeof kWords / sizeof kWords[0]);
    const int thirds = (int)(sizeof kThird / sizeof kThird[0]);
    const int n = words * words;
    unsigned int *ha = (unsigned int *)malloc(n * sizeof(unsigned int));
    unsigned int *hb = (unsigned int *)malloc(n * sizeof(unsigned int));
    unsigned int *hc = (unsigned int *)malloc(n * sizeof(unsigned int));
    unsigned int *hout = (unsigned int *)malloc((size_t)n * NSLOTS * sizeof(unsigned int));
    for (int i = 0; i < n; ++i) {
        ha[i] = kWords[i / words];
        hb[i] = kWords[i % words];
        hc[i] = kThird[i % thirds];
    }
    unsigned int *da, *db, *dc, *dout;
    hipMalloc((void **)&da, n * sizeof(unsigned int));
    hipMalloc((void **)&db, n * sizeof(unsigned int));
    hipMalloc((void **)&dc, n * sizeof(unsigned int));
    hipMalloc((void **)&dout, (size_t)n * NSLOTS * sizeof(unsigned int));
    hipMemcpy(da, ha, n * sizeof(unsigned int), hipMemcpyHostToDevice);
    hipMemcpy(db, hb, n * sizeof(unsigned int), hipMemcpyHostToDevice);
    hipMemcpy(dc, hc, n * sizeof(unsigned int), hipMemcpyHostToDevice);
    dpx<<<(n + 63) / 64, 64>>>(da, db, dc, dout, n);
    hipMemcpy(hout, dout, (size_t)n * NSLOTS * sizeof(unsigned int), hipMemcpyDeviceToHost);
    int failures = 0;
    // the threads (a, b, c) = (0x7fffffff, 0x00000001, 0x00000000), (0x7fff8000, 0x80007fff, 0x80017ffe),
    // (0xffff0001, 0x0001fffe, 0xfffe7fff) and (0x80000000, 0xffffffff, 0xfffe7fff)
    const int shown[4] = {2 * words + 9, 4 * words + 5, 6 * words + 7, 3 * words + 1};
    for (int f = 0; f < NSLOTS; ++f) {
        unsigned int sum = 0u, mix = 0u;
        for (int i = 0; i < n; ++i) {
            const unsigned int r = hout[(size_t)i * NSLOTS + f];
            sum += r;
            mix = (mix ^ r) * 16777619u;
        }
        printf("%-22s", kNames[f]);
        for (int s = 0; s < 4; ++s) {
            printf(" %08x", hout[(size_t)shown[s] * NSLOTS + f]);
        }
        printf("  sum %08x mix %08x\n", sum, mix);
        if (sum != kExpected[f][0] || mix != kExpected[f][1]) {
            printf("MISMATCH %s\n", kNames[f]);
            ++failures;
        }
    }
    printf("%s\n", failures == 0 ? "PASS" : "FAIL");
    hipFree(da);
    hipFree(db);
    hipFree(dc);
    hipFree(dout);
    free(ha);
    free(hb);
    free(hc);
    free(hout);
    return failures == 0 ? 0 : 1;
}
