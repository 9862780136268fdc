// CUDA's SIMD-within-a-word ("video") intrinsics, all 82 of them: two 16-bit or four 8-bit lanes of an
// unsigned int, each read as signed or unsigned. Every pair of the edge words below is tried, so the lanes
// meet 0x7f/0x80/0xff/0x00/0x01 and 0x7fff/0x8000/0xffff: wrap-around versus saturation (__vadd4 and
// __vaddss4/__vaddus4), |-128| (__vabs4 keeps 0x80, __vabsss4 gives 0x7f), the rounding of averages
// (__vavgs rounds half away from zero, __vavgu up, __vhaddu down), all-ones lanes from __vcmp* versus
// 1 per lane from __vset*, and the unsigned sum of __vsad*. The host prints every result of four pairs
// and two checksums per intrinsic over all pairs, which it checks against kExpected: computed from a
// Python model of CUDA's documented semantics (tests/unit/test_simd_video.py), not from the translator.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define NFUNCS 82

__global__ void simd_video(const unsigned int *a, const unsigned int *b, unsigned int *out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    const unsigned int x = a[i], y = b[i];
    unsigned int *o = out + (size_t)i * NFUNCS;
    o[0] = __vabs2(x);
    o[1] = __vabs4(x);
    o[2] = __vabsss2(x);
    o[3] = __vabsss4(x);
    o[4] = __vneg2(x);
    o[5] = __vneg4(x);
    o[6] = __vnegss2(x);
    o[7] = __vnegss4(x);
    o[8] = __vadd2(x, y);
    o[9] = __vadd4(x, y);
    o[10] = __vaddss2(x, y);
    o[11] = __vaddss4(x, y);
    o[12] = __vaddus2(x, y);
    o[13] = __vaddus4(x, y);
    o[14] = __vsub2(x, y);
    o[15] = __vsub4(x, y);
    o[16] = __vsubss2(x, y);
    o[17] = __vsubss4(x, y);
    o[18] = __vsubus2(x, y);
    o[19] = __vsubus4(x, y);
    o[20] = __vhaddu2(x, y);
    o[21] = __vhaddu4(x, y);
    o[22] = __vavgs2(x, y);
    o[23] = __vavgs4(x, y);
    o[24] = __vavgu2(x, y);
    o[25] = __vavgu4(x, y);
    o[26] = __vabsdiffs2(x, y);
    o[27] = __vabsdiffs4(x, y);
    o[28] = __vabsdiffu2(x, y);
    o[29] = __vabsdiffu4(x, y);
    o[30] = __vsads2(x, y);
    o[31] = __vsads4(x, y);
    o[32] = __vsadu2(x, y);
    o[33] = __vsadu4(x, y);
    o[34] = __vmins2(x, y);
    o[35] = __vmins4(x, y);
    o[36] = __vminu2(x, y);
    o[37] = __vminu4(x, y);
    o[38] = __vmaxs2(x, y);
    o[39] = __vmaxs4(x, y);
    o[40] = __vmaxu2(x, y);
    o[41] = __vmaxu4(x, y);
    o[42] = __vcmpeq2(x, y);
    o[43] = __vcmpeq4(x, y);
    o[44] = __vcmpne2(x, y);
    o[45] = __vcmpne4(x, y);
    o[46] = __vseteq2(x, y);
    o[47] = __vseteq4(x, y);
    o[48] = __vsetne2(x, y);
    o[49] = __vsetne4(x, y);
    o[50] = __vcmpges2(x, y);
    o[51] = __vcmpges4(x, y);
    o[52] = __vcmpgeu2(x, y);
    o[53] = __vcmpgeu4(x, y);
    o[54] = __vcmpgts2(x, y);
    o[55] = __vcmpgts4(x, y);
    o[56] = __vcmpgtu2(x, y);
    o[57] = __vcmpgtu4(x, y);
    o[58] = __vcmples2(x, y);
    o[59] = __vcmples4(x, y);
    o[60] = __vcmpleu2(x, y);
    o[61] = __vcmpleu4(x, y);
    o[62] = __vcmplts2(x, y);
    o[63] = __vcmplts4(x, y);
    o[64] = __vcmpltu2(x, y);
    o[65] = __vcmpltu4(x, y);
    o[66] = __vsetges2(x, y);
    o[67] = __vsetges4(x, y);
    o[68] = __vsetgeu2(x, y);
    o[69] = __vsetgeu4(x, y);
    o[70] = __vsetgts2(x, y);
    o[71] = __vsetgts4(x, y);
    o[72] = __vsetgtu2(x, y);
    o[73] = __vsetgtu4(x, y);
    o[74] = __vsetles2(x, y);
    o[75] = __vsetles4(x, y);
    o[76] = __vsetleu2(x, y);
    o[77] = __vsetleu4(x, y);
    o[78] = __vsetlts2(x, y);
    o[79] = __vsetlts4(x, y);
    o[80] = __vsetltu2(x, y);
    o[81] = __vsetltu4(x, y);
}

static const char *const kNames[NFUNCS] = {
    "__vabs2", "__vabs4", "__vabsss2", "__vabsss4", "__vneg2", "__vneg4",
    "__vnegss2", "__vnegss4", "__vadd2", "__vadd4", "__vaddss2", "__vaddss4",
    "__vaddus2", "__vaddus4", "__vsub2", "__vsub4", "__vsubss2", "__vsubss4",
    "__vsubus2", "__vsubus4", "__vhaddu2", "__vhaddu4", "__vavgs2", "__vavgs4",
    "__vavgu2", "__vavgu4", "__vabsdiffs2", "__vabsdiffs4", "__vabsdiffu2", "__vabsdiffu4",
    "__vsads2", "__vsads4", "__vsadu2", "__vsadu4", "__vmins2", "__vmins4",
    "__vminu2", "__vminu4", "__vmaxs2", "__vmaxs4", "__vmaxu2", "__vmaxu4",
    "__vcmpeq2", "__vcmpeq4", "__vcmpne2", "__vcmpne4", "__vseteq2", "__vseteq4",
    "__vsetne2", "__vsetne4", "__vcmpges2", "__vcmpges4", "__vcmpgeu2", "__vcmpgeu4",
    "__vcmpgts2", "__vcmpgts4", "__vcmpgtu2", "__vcmpgtu4", "__vcmples2", "__vcmples4",
    "__vcmpleu2", "__vcmpleu4", "__vcmplts2", "__vcmplts4", "__vcmpltu2", "__vcmpltu4",
    "__vsetges2", "__vsetges4", "__vsetgeu2", "__vsetgeu4", "__vsetgts2", "__vsetgts4",
    "__vsetgtu2", "__vsetgtu4", "__vsetles2", "__vsetles4", "__vsetleu2", "__vsetleu4",
    "__vsetlts2", "__vsetlts4", "__vsetltu2", "__vsetltu4"};

static const unsigned int kWords[] = {0x00000000u, 0xffffffffu, 0x7f80ff01u, 0x807f01ffu, 0x7fff8000u, 0x80007fffu,
                                      0xffff0001u, 0x0001fffeu, 0xfe017f80u, 0x12345678u, 0x9abcdef0u, 0x80808080u,
                                      0x7f7f7f7fu};

// per intrinsic: the sum and the FNV-style mix of its results over all pairs
static const unsigned int kExpected[NFUNCS][2] = {
    {0x114ba568u, 0x03e5ef68u}, {0x4565bfb6u, 0xd759ab8au}, {0x113ea55bu, 0x35493ad1u}, {0x1e4ba59cu, 0xae36c9d8u},
    {0x523bc36cu, 0x3a011f18u}, {0xe12f526cu, 0xe8afe818u}, {0x522ec35fu, 0x3fd096b5u}, {0xba153852u, 0x939894aau},
    {0x5c707928u, 0x3efc7880u}, {0x16762828u, 0x2cfea780u}, {0xa35b47acu, 0xf71fffa8u}, {0x7bc20e98u, 0x46fedef6u},
    {0xfc95659cu, 0xc9ce803cu}, {0xeca44fabu, 0x910110a7u}, {0x004e0000u, 0x697ca4a8u}, {0x47464800u, 0x7e5880a8u},
    {0x0037ffecu, 0x400dc948u}, {0x29302deeu, 0x34887aa6u}, {0x06d71fbau, 0x6bef19d6u}, {0x158f35aau, 0x58e37646u},
    {0xae363c6au, 0xf05addc6u}, {0x8636126au, 0xe3ed87c6u}, {0xae583c96u, 0xdbc4a066u}, {0xb05c4086u, 0xb57e9daeu},
    {0xae8a3cbeu, 0x9eff8bd2u}, {0xd68a66beu, 0xa11db4d2u}, {0x85ca1e7cu, 0x0f2d4f98u}, {0xabba3888u, 0xfa601714u},
    {0x0dae3f74u, 0x245d2238u}, {0x2b1e6b54u, 0xa2097fa8u}, {0x007ba40cu, 0x2ee4144cu}, {0x0000db8cu, 0x2617c7e4u},
    {0x007e4ce0u, 0xb0cd5f68u}, {0x00011034u, 0xe5f77074u}, {0xeba52d56u, 0x3731b942u}, {0x02ad4a50u, 0x27143132u},
    {0xa7891cdau, 0x98d1ad7eu}, {0x98d106eau, 0x255ed4fau}, {0x711b4bd2u, 0xbbe921b6u}, {0x5a132ed8u, 0x2610fffau},
    {0xb5375c4eu, 0x1570a656u}, {0xc3ef723eu, 0xeb5d8aaau}, {0xfffdfff3u, 0xeab372bdu}, {0xfe01fbe7u, 0xcabedf3du},
    {0x0001ff64u, 0xd9c4d3d0u}, {0x01fe0370u, 0x6085cec0u}, {0x000f000du, 0xc33f8d43u}, {0x1d1b1d19u, 0xae56edc3u},
    {0x009a009cu, 0x3886d3d0u}, {0x8c8e8c90u, 0xb8e96ac0u}, {0xfffeffa5u, 0x937a2411u}, {0xff00fd9fu, 0x9c3d2ed7u},
    {0xfffeffa5u, 0x5240ff91u}, {0xff00fd9fu, 0xefa643b3u}, {0x0000ffb2u, 0x47369f18u}, {0x00ff01b8u, 0xf9a95b4eu},
    {0x0000ffb2u, 0x22f7fe48u}, {0x00ff01b8u, 0x58685c06u}, {0xfffeffa5u, 0x28a920c9u}, {0xff00fd9fu, 0xbd1a8defu},
    {0xfffeffa5u, 0xa20328f1u}, {0xff00fd9fu, 0x2df7bf77u}, {0x0000ffb2u, 0x22d5beb0u}, {0x00ff01b8u, 0xe8923f86u},
    {0x0000ffb2u, 0x4c716568u}, {0x00ff01b8u, 0xd6af3f4au}, {0x005c005bu, 0x1ebcdbefu}, {0x63626361u, 0xf478fe29u},
    {0x005c005bu, 0x3bb4006fu}, {0x63626361u, 0x7d109b4du}, {0x004d004eu, 0x17fa9f18u}, {0x46474648u, 0xb3c4314eu},
    {0x004d004eu, 0x318bfe48u}, {0x46474648u, 0xb94c2a06u}, {0x005c005bu, 0xe227df37u}, {0x63626361u, 0x24f88b11u},
    {0x005c005bu, 0xf86bd70fu}, {0x63626361u, 0x6e05d589u}, {0x004d004eu, 0x03c7beb0u}, {0x46474648u, 0xe195c786u},
    {0x004d004eu, 0x70556568u}, {0x46474648u, 0x7da7ff4au}};

int main()
{
    const int words = (int)(sizeof kWords / sizeof kWords[0]);
    const int n = words * words;
    unsigned int *ha = (unsigned int *)malloc(n * sizeof(unsigned int));
    unsigned int *hb = (unsigned int *)malloc(n * sizeof(unsigned int));
    unsigned int *hout = (unsigned int *)malloc((size_t)n * NFUNCS * sizeof(unsigned int));
    for (int i = 0; i < n; ++i) {
        ha[i] = kWords[i / words];
        hb[i] = kWords[i % words];
    }
    unsigned int *da, *db, *dout;
    cudaMalloc((void **)&da, n * sizeof(unsigned int));
    cudaMalloc((void **)&db, n * sizeof(unsigned int));
    cudaMalloc((void **)&dout, (size_t)n * NFUNCS * sizeof(unsigned int));
    cudaMemcpy(da, ha, n * sizeof(unsigned int), cudaMemcpyHostToDevice);
    cudaMemcpy(db, hb, n * sizeof(unsigned int), cudaMemcpyHostToDevice);
    simd_video<<<(n + 63) / 64, 64>>>(da, db, dout, n);
    cudaMemcpy(hout, dout, (size_t)n * NFUNCS * sizeof(unsigned int), cudaMemcpyDeviceToHost);
    int failures = 0;
    // the pairs (0x7f80ff01, 0x807f01ff), (0x7fff8000, 0x80007fff), (0xffff0001, 0x0001fffe), (0xfe017f80, 0x7f7f7f7f)
    const int shown[4] = {2 * words + 3, 4 * words + 5, 6 * words + 7, 8 * words + 12};
    for (int f = 0; f < NFUNCS; ++f) {
        unsigned int sum = 0u, mix = 0u;
        for (int i = 0; i < n; ++i) {
            const unsigned int r = hout[(size_t)i * NFUNCS + f];
            sum += r;
            mix = (mix ^ r) * 16777619u;
        }
        printf("%-12s", kNames[f]);
        for (int s = 0; s < 4; ++s) {
            printf(" %08x", hout[(size_t)shown[s] * NFUNCS + f]);
        }
        printf("  sum %08x mix %08x\n", sum, mix);
        if (sum != kExpected[f][0] || mix != kExpected[f][1]) {
            printf("MISMATCH %s\n", kNames[f]);
            ++failures;
        }
    }
    printf("%s\n", failures == 0 ? "PASS" : "FAIL");
    cudaFree(da);
    cudaFree(db);
    cudaFree(dout);
    free(ha);
    free(hb);
    free(hout);
    return 0;
}
