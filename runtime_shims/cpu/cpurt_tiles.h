/* cutrans CPU target: the tile routines of the per-warp tensor-core helpers (translator/passes/
 * lower_matrix_ops.py, docs/tensor_cores.md). Included by cpurt_device.h into the kernels, which are C.
 *
 * Each routine has vector paths for the machine the kernels are built for (-march=native: AVX-512F,
 * AVX with FMA and F16C) and a portable loop, and every path computes the same bits: conversions and
 * transposes only move exact values, and every element of an mma is the same chain of fused
 * multiply-adds, k ascending, whichever path runs it. C++ has no _Float16 here, so C only. */
#ifndef CUTRANS_CPURT_TILES_H
#define CUTRANS_CPURT_TILES_H

#if defined(__FLT16_MAX__) && !defined(__cplusplus)
#include <math.h>
#if defined(__AVX__)
#include <immintrin.h>
#endif

#if defined(__F16C__) && defined(__AVX__)
#define CUTRANS_F16C 1
#endif
#if defined(__FMA__) && defined(__AVX__)
#define CUTRANS_FMA_AVX 1
#endif

/* n halves from src, exactly as floats (every half is one), to dst: a whole run at a time, eight halves
 * per F16C instruction where the machine has it (GCC 12 converts a _Float16 only one at a time). */
static inline void cutrans_convert_halves(float *dst, const _Float16 *src, unsigned int n)
{
    unsigned int i = 0u;
#ifdef CUTRANS_F16C
    for (; i + 8u <= n; i += 8u) {
        _mm256_storeu_ps(dst + i, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(src + i))));
    }
#endif
    for (; i < n; ++i) {
        dst[i] = (float)src[i];
    }
}

#ifdef CUTRANS_F16C
/* The 8 x 8 floats in r[0..7] (rows) transposed in place: the usual unpack, shuffle, lane-swap steps. */
static inline void cutrans_transpose8(__m256 r[8])
{
    __m256 t[8], u[8];
    for (int i = 0; i < 4; ++i) {
        t[2 * i] = _mm256_unpacklo_ps(r[2 * i], r[2 * i + 1]);
        t[2 * i + 1] = _mm256_unpackhi_ps(r[2 * i], r[2 * i + 1]);
    }
    for (int h = 0; h < 2; ++h) {
        const __m256 *p = t + 4 * h;
        u[4 * h + 0] = _mm256_shuffle_ps(p[0], p[2], _MM_SHUFFLE(1, 0, 1, 0));
        u[4 * h + 1] = _mm256_shuffle_ps(p[0], p[2], _MM_SHUFFLE(3, 2, 3, 2));
        u[4 * h + 2] = _mm256_shuffle_ps(p[1], p[3], _MM_SHUFFLE(1, 0, 1, 0));
        u[4 * h + 3] = _mm256_shuffle_ps(p[1], p[3], _MM_SHUFFLE(3, 2, 3, 2));
    }
    for (int i = 0; i < 4; ++i) {
        r[i] = _mm256_permute2f128_ps(u[i], u[i + 4], 0x20);
        r[i + 4] = _mm256_permute2f128_ps(u[i], u[i + 4], 0x31);
    }
}
#endif

/* A rows x cols tile stored column by column (column c at src + c * ldm, its rows contiguous) as floats,
 * row-major in dst: dst[r * cols + c] = src[c * ldm + r]. Eight by eight blocks converted and transposed
 * in registers where the machine has F16C; a column-major WMMA b tile (docs/tensor_cores.md). */
static inline void cutrans_convert_halves_transposed(float *dst, const _Float16 *src, unsigned int rows,
                                                     unsigned int cols, unsigned int ldm)
{
#ifdef CUTRANS_F16C
    if (rows % 8u == 0u && cols % 8u == 0u) {
        for (unsigned int c0 = 0u; c0 < cols; c0 += 8u) {
            for (unsigned int r0 = 0u; r0 < rows; r0 += 8u) {
                __m256 block[8];
                for (unsigned int c = 0u; c < 8u; ++c) {
                    block[c] = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(src + (c0 + c) * ldm + r0)));
                }
                cutrans_transpose8(block);
                for (unsigned int r = 0u; r < 8u; ++r) {
                    _mm256_storeu_ps(dst + (r0 + r) * cols + c0, block[r]);
                }
            }
        }
        return;
    }
#endif
    for (unsigned int c = 0u; c < cols; ++c) {
        for (unsigned int r = 0u; r < rows; ++r) {
            dst[r * cols + c] = (float)src[c * ldm + r];
        }
    }
}

/* Eight rows of d = c + a x b, columns j to j + W - 1, with vectors of W floats: the rows' sums stay in
 * eight registers while k runs, and each b row is loaded once for all eight. */
#define CUTRANS_MMA_ROWS8(V, W, LOAD, STORE, SET1, FMA)                                                      \
    for (unsigned int j = 0u; j < n; j += (W)) {                                                             \
        for (unsigned int i = 0u; i < m; i += 8u) {                                                          \
            const float *ar = a + i * k;                                                                     \
            V s[8];                                                                                          \
            for (unsigned int r = 0u; r < 8u; ++r) {                                                         \
                s[r] = LOAD(c + (i + r) * n + j);                                                            \
            }                                                                                                \
            for (unsigned int kk = 0u; kk < k; ++kk) {                                                       \
                const V y = LOAD(b + kk * n + j);                                                            \
                for (unsigned int r = 0u; r < 8u; ++r) {                                                     \
                    s[r] = FMA(SET1(ar[r * k + kk]), y, s[r]);                                               \
                }                                                                                            \
            }                                                                                                \
            for (unsigned int r = 0u; r < 8u; ++r) {                                                         \
                STORE(d + (i + r) * n + j, s[r]);                                                            \
            }                                                                                                \
        }                                                                                                    \
    }

/* d = c + a x b for an m x k tile a, a k x n tile b and m x n tiles c and d, all row-major floats
 * (d may be c): d[i][j] = fma(a[i][k-1], b[k-1][j], ... fma(a[i][0], b[0][j], c[i][j])), one rounding
 * per step, k ascending: the f16 mma with float sums, whose products of halves are exact in float. */
static inline void cutrans_mma_f32(float *d, const float *a, const float *b, const float *c, unsigned int m,
                                   unsigned int n, unsigned int k)
{
#if defined(__AVX512F__)
    if (n % 16u == 0u && m % 8u == 0u) {
        CUTRANS_MMA_ROWS8(__m512, 16u, _mm512_loadu_ps, _mm512_storeu_ps, _mm512_set1_ps, _mm512_fmadd_ps)
        return;
    }
#endif
#ifdef CUTRANS_FMA_AVX
    if (n % 8u == 0u && m % 8u == 0u) {
        CUTRANS_MMA_ROWS8(__m256, 8u, _mm256_loadu_ps, _mm256_storeu_ps, _mm256_set1_ps, _mm256_fmadd_ps)
        return;
    }
#endif
    for (unsigned int i = 0u; i < m; ++i) {
        for (unsigned int j = 0u; j < n; ++j) {
            float s = c[i * n + j];
            for (unsigned int kk = 0u; kk < k; ++kk) {
                s = fmaf(a[i * k + kk], b[kk * n + j], s);
            }
            d[i * n + j] = s;
        }
    }
}
#undef CUTRANS_MMA_ROWS8

#endif
#endif
