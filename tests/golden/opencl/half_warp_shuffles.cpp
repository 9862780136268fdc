// Warp shuffles on CUDA's 16-bit float types: __shfl_sync, __shfl_up_sync, __shfl_down_sync and __shfl_xor_sync
// on __half, __half2 (cuda_fp16.h), __nv_bfloat16 and __nv_bfloat162 (cuda_bf16.h). A shuffle moves the value's
// bits (a pair as one 32-bit word), so main() checks every result against the bits its source lane held: a
// conversion on the way (through float, which quiets a signaling NaN) would be caught. The inputs are bit
// patterns: NaNs with payloads (signaling, quiet, negative), -0.0, the smallest and largest subnormals, the
// infinities, and pseudo-random words. Covered: full warps with widths 32, 16, 8 and 4 (a source index beyond
// the width wraps within it; up and down past the segment keep the caller's value; xor reaches earlier
// segments, not later ones), each 16-lane half of a warp shuffling with the mask of its own lanes, the even
// lanes exchanging under an 'if' with the mask of the even lanes while the odd ones call nothing (and the
// reverse with __shfl_up_sync), and butterfly reductions of __half sums and of __nv_bfloat162 pair sums,
// rounded at each step. Written for 32-lane warps.
//
// Each kernel also stores the value it shuffles as it holds it (a plain copy): OpenCL without cl_khr_fp16 keeps
// a __half in a float, whose conversions give every NaN the canonical payload, so there a __half NaN's copy
// is another NaN. main() accepts that for the copy alone (its bits are the input's on every other target and
// for bfloat16 everywhere), prints __half NaNs as "nan", and requires each shuffle to return its source
// lane's copy bit for bit.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include "oclrt.h"
#include "half_warp_shuffles.launch.h"
#include "cutrans_fp16.h"
#include "cutrans_bf16.h"

#define FULL_MASK 0xffffffffu
#define EVEN_LANES 0x55555555u
#define ODD_LANES 0xaaaaaaaau
#define RESULTS 9          // per thread: the copy, the four shuffles with `width`, four with sub-warp masks
#define BLOCK 64
#define GRID 2
#define THREADS (GRID * BLOCK)

// The copy, then each shuffle with `width` (an index past the width, up 3, down 5, xor 6), then each
// 16-lane half of the warp with the mask of its lanes (down 1, a reversed index), then the even lanes
// (xor 2) and the odd lanes (up 2) among themselves, each under an 'if' the other lanes skip.
/* cutrans: device function 'shuffle_all' moved to half_warp_shuffles.cl */























// One kernel per type: shuffles<__half>, shuffles<__half2>, shuffles<__nv_bfloat16>, shuffles<__nv_bfloat162>.
/* cutrans: kernel 'shuffles' moved to half_warp_shuffles.cl */






// Each warp's sum by a butterfly: every lane ends with the same sum, rounded at each of the five steps.
/* cutrans: kernel 'butterfly_sums' moved to half_warp_shuffles.cl */












// ---- host: values are 16-bit words (a pair is two), so that no host code depends on the types' layout

enum Type { HALF, HALF2, BFLOAT16, BFLOAT162 };
static const char *const TYPE_NAMES[] = {"half", "half2", "bfloat16", "bfloat162"};

static int words_of(Type type) { return type == HALF2 || type == BFLOAT162 ? 2 : 1; }
static int is_half(Type type) { return type == HALF || type == HALF2; }
static int half_nan(unsigned short w) { return (w & 0x7fffu) > 0x7c00u; }

// The lane (0-31) whose value result k of `lane` is, for shuffles of `width` lanes; the lane itself where
// CUDA gives the caller its own value.
static int source_lane(int k, int lane, int width)
{
    int segment = lane & -width, xor_lane = lane ^ 6;
    switch (k) {
    case 1: return segment + ((lane * 5 + 3) & (width - 1));
    case 2: return (lane & (width - 1)) - 3 < 0 ? lane : lane - 3;
    case 3: return (lane & (width - 1)) + 5 >= width ? lane : lane + 5;
    case 4: return xor_lane > (segment | (width - 1)) ? lane : xor_lane;
    case 5: return (lane & 15) == 15 ? lane : lane + 1;
    case 6: return (lane & 16) + 15 - lane % 16;
    case 7: return lane % 2 == 0 ? lane ^ 2 : lane;
    case 8: return lane % 2 == 1 && lane >= 2 ? lane - 2 : lane;
    default: return lane;
    }
}

// The inputs of one type: every third word a special pattern, the others pseudo-random.
static void make_inputs(Type type, unsigned short *words, int count)
{
    static const unsigned short half_specials[] = {0x7c01, 0x7e55, 0xfd00, 0x8000, 0x0001, 0x83ff, 0x03ff,
                                                   0x7c00, 0xfc00, 0x7bff, 0xfe00, 0x0400};
    static const unsigned short bf16_specials[] = {0x7f81, 0x7fa5, 0xffc1, 0x8000, 0x0001, 0x807f, 0x007f,
                                                   0x7f80, 0xff80, 0x7f7f, 0xffc0, 0x0080};
    const unsigned short *specials = is_half(type) ? half_specials : bf16_specials;
    unsigned state = 0x2545f491u + (unsigned)type;
    for (int i = 0; i < count; ++i) {
        state = state * 1664525u + 1013904223u;
        words[i] = i % 3 == 0 ? specials[(i / 3) % 12] : (unsigned short)(state >> 16);
    }
}

// One launch of type `type`'s kernel with `width`: checks every result, prints a checksum and lane 5's results.
static int run(Type type, int width)
{
    const int words = words_of(type), count = THREADS * words;
    const size_t in_bytes = count * sizeof(unsigned short), out_bytes = RESULTS * in_bytes;
    unsigned short *in = (unsigned short *)malloc(in_bytes), *out = (unsigned short *)malloc(out_bytes);
    make_inputs(type, in, count);
    void *d_in, *d_out;
    oclrtMalloc(&d_in, in_bytes);
    oclrtMalloc(&d_out, out_bytes);
    oclrtMemcpy(d_in, in, in_bytes, oclrtMemcpyHostToDevice);
    oclrtMemset(d_out, 0, out_bytes);
    if (type == HALF) {
        cutrans_launch_shuffles_half(GRID, BLOCK, 0, 0, (const __half *)d_in, (__half *)d_out, width);
    } else if (type == HALF2) {
        cutrans_launch_shuffles_half2(GRID, BLOCK, 0, 0, (const __half2 *)d_in, (__half2 *)d_out, width);
    } else if (type == BFLOAT16) {
        cutrans_launch_shuffles_nv_bfloat16(GRID, BLOCK, 0, 0, (const __nv_bfloat16 *)d_in, (__nv_bfloat16 *)d_out, width);
    } else {
        cutrans_launch_shuffles_nv_bfloat162(GRID, BLOCK, 0, 0, (const __nv_bfloat162 *)d_in, (__nv_bfloat162 *)d_out, width);
    }
    oclrtMemcpy(out, d_out, out_bytes, oclrtMemcpyDeviceToHost);
    oclrtFree(d_in);
    oclrtFree(d_out);
    int wrong = 0;
    unsigned checksum = 0;
    for (int i = 0; i < THREADS; ++i) {
        int lane = i % 32;
        for (int w = 0; w < words; ++w) {
            unsigned short input = in[i * words + w], copy = out[(RESULTS * i) * words + w];
            if (copy != input && !(is_half(type) && half_nan(input) && half_nan(copy))) {
                printf("%s width %d thread %d word %d: the copy is %04x, the input %04x\n", TYPE_NAMES[type], width,
                       i, w, copy, input);
                ++wrong;
            }
            for (int k = 1; k < RESULTS; ++k) {
                int source = i - lane + source_lane(k, lane, width);
                unsigned short got = out[(RESULTS * i + k) * words + w];
                unsigned short want = out[(RESULTS * source) * words + w];
                if (got != want) {
                    printf("%s width %d thread %d result %d word %d: %04x, expected %04x (thread %d's)\n",
                           TYPE_NAMES[type], width, i, k, w, got, want, source);
                    ++wrong;
                }
                checksum = checksum * 31u + (is_half(type) && half_nan(got) ? 0x7e00u : got);
            }
        }
    }
    printf("%s width %d: %d threads, checksum %08x, %d wrong\n  lane 5:", TYPE_NAMES[type], width, THREADS,
           checksum, wrong);
    for (int k = 0; k < RESULTS; ++k) {
        for (int w = 0; w < words; ++w) {
            unsigned short v = out[(RESULTS * 5 + k) * words + w];
            if (is_half(type) && half_nan(v)) {
                printf("%snan", w ? "/" : " ");
            } else {
                printf("%s%04x", w ? "/" : " ", v);
            }
        }
    }
    printf("\n");
    free(in);
    free(out);
    return wrong;
}

// Host arithmetic of one butterfly step: the sum of two halves (or two bfloat16s, T) given as bits, rounded once
// by T's conversion from float, as bits.
template <class T>
static unsigned short rounded_sum(unsigned short a, unsigned short b)
{
    T x, y;
    memcpy(&x, &a, 2);
    memcpy(&y, &b, 2);
    T s = T((float)x + (float)y);
    unsigned short bits;
    memcpy(&bits, &s, 2);
    return bits;
}

static int butterflies(void)
{
    // finite values whose sums round: tenths, a -0.0 and subnormals among them
    unsigned short halves[THREADS], pairs[2 * THREADS], sums[THREADS], pair_sums[2 * THREADS];
    for (int i = 0; i < THREADS; ++i) {
        __half h = __float2half((float)((i * 37) % 61 - 30) * 0.1f);
        __nv_bfloat16 lo = __float2bfloat16((float)((i * 53) % 47 - 23) * 0.3f);
        __nv_bfloat16 hi = __float2bfloat16((float)((i * 29) % 41 - 20) * 7.1f);
        memcpy(&halves[i], &h, 2);
        memcpy(&pairs[2 * i], &lo, 2);
        memcpy(&pairs[2 * i + 1], &hi, 2);
    }
    halves[3] = 0x8000;
    halves[40] = 0x0001;
    halves[41] = 0x83ff;
    void *d_halves, *d_pairs, *d_sums, *d_pair_sums;
    oclrtMalloc(&d_halves, sizeof halves);
    oclrtMalloc(&d_pairs, sizeof pairs);
    oclrtMalloc(&d_sums, sizeof sums);
    oclrtMalloc(&d_pair_sums, sizeof pair_sums);
    oclrtMemcpy(d_halves, halves, sizeof halves, oclrtMemcpyHostToDevice);
    oclrtMemcpy(d_pairs, pairs, sizeof pairs, oclrtMemcpyHostToDevice);
    cutrans_launch_butterfly_sums(GRID, BLOCK, 0, 0, (const __half *)d_halves, (__half *)d_sums, (const __nv_bfloat162 *)d_pairs, (__nv_bfloat162 *)d_pair_sums);
    oclrtMemcpy(sums, d_sums, sizeof sums, oclrtMemcpyDeviceToHost);
    oclrtMemcpy(pair_sums, d_pair_sums, sizeof pair_sums, oclrtMemcpyDeviceToHost);
    oclrtFree(d_halves);
    oclrtFree(d_pairs);
    oclrtFree(d_sums);
    oclrtFree(d_pair_sums);
    int wrong = 0;
    for (int warp = 0; warp < THREADS / 32; ++warp) {
        unsigned short h[32], lo[32], hi[32], nh[32], nlo[32], nhi[32];
        for (int l = 0; l < 32; ++l) {
            h[l] = halves[32 * warp + l];
            lo[l] = pairs[2 * (32 * warp + l)];
            hi[l] = pairs[2 * (32 * warp + l) + 1];
        }
        for (int offset = 16; offset > 0; offset >>= 1) {
            for (int l = 0; l < 32; ++l) {
                nh[l] = rounded_sum<__half>(h[l], h[l ^ offset]);
                nlo[l] = rounded_sum<__nv_bfloat16>(lo[l], lo[l ^ offset]);
                nhi[l] = rounded_sum<__nv_bfloat16>(hi[l], hi[l ^ offset]);
            }
            memcpy(h, nh, sizeof h);
            memcpy(lo, nlo, sizeof lo);
            memcpy(hi, nhi, sizeof hi);
        }
        for (int l = 0; l < 32; ++l) {
            int i = 32 * warp + l;
            if (sums[i] != h[l] || pair_sums[2 * i] != lo[l] || pair_sums[2 * i + 1] != hi[l]) {
                printf("butterfly thread %d: %04x %04x/%04x, expected %04x %04x/%04x\n", i, sums[i], pair_sums[2 * i],
                       pair_sums[2 * i + 1], h[l], lo[l], hi[l]);
                ++wrong;
            }
        }
        printf("butterfly warp %d: half sum %04x, bfloat162 sum %04x/%04x\n", warp, sums[32 * warp],
               pair_sums[64 * warp], pair_sums[64 * warp + 1]);
    }
    return wrong;
}

int main()
{
    static const int widths[] = {32, 16, 8, 4};
    int wrong = 0;
    for (int type = HALF; type <= BFLOAT162; ++type) {
        for (int w = 0; w < 4; ++w) {
            wrong += run((Type)type, widths[w]);
        }
    }
    wrong += butterflies();
    oclrtError_t err = oclrtGetLastError();
    if (err != oclrtSuccess) {
        printf("CUDA error: %s\n", oclrtGetErrorString(err));
        return 1;
    }
    printf("%s\n", wrong ? "FAIL" : "PASS");
    return wrong ? 1 : 0;
}
