/* cutrans: PTX's warp-level matrix multiply-accumulate (inline `asm("mma.sync.aligned...")`) in portable C++.
 *
 * cutrans recognizes an inline-assembly mma.sync of a form listed in translator/frontend/ptx.py and replaces it
 * with a call of the function of that form here (namespace cutrans_ptx): the OpenCL and CPU targets lower these functions like the
 * program's own device code (this header is parsed with every CUDA file), and HIP output includes the header
 * and calls them. Operands are PTX's registers, in the order the instruction names them: D's four floats (by
 * reference), A's and B's .f16x2 registers (two halves each, the lower-numbered element in the low 16 bits),
 * C's four floats.
 *
 * The fragments are PTX's (its ISA, "Matrix Fragments for mma.m16n8k16 / mma.m16n8k8 with floating point
 * type"). With g = lane / 4 and t = lane % 4 in the caller's 32-lane warp:
 *   A (16 x k), element i of the lane's registers: row g + 8 * (i / 2 % 2), column 2t + i % 2 + 8 * (i / 4);
 *   B (k x 8), element i: row 2t + i % 2 + 8 * (i / 2), column g;
 *   C and D (16 x 8), element i: row g + 8 * (i / 2), column 2t + i % 2.
 * Each lane gathers the A and B elements its four results need from the lanes that hold them, with shuffles of
 * the 32-lane warp, and computes d = c + a(row, 0) * b(0, col) + a(row, 1) * b(1, col) + ..., k ascending, one
 * rounding per addition (a product of two halves is exact in float). That is cutrans's tensor-core semantics
 * (docs/tensor_cores.md); a GPU's tensor cores add in their own order, so against real CUDA the results agree
 * within a bound that grows with k. All 32 lanes of the warp must call it together, as PTX requires. */
#ifndef CUTRANS_PTX_MMA_H
#define CUTRANS_PTX_MMA_H

#if defined(CUEMU_WARP_SIZE)
// HIP output on cutrans's CPU emulation: the lanes of the caller's 32-lane CUDA warp exchange
#define CUTRANS_PTX_SHFL(value, lane) __shfl_sync(0xffffffffull << (__lane_id() & ~31u), (value), (lane), 32)
#elif defined(__HIP_PLATFORM_AMD__)
// HIP: a CUDA warp is a 32-lane wavefront (RDNA) or half of a 64-lane one (CDNA); width 32 keeps it apart
#define CUTRANS_PTX_SHFL(value, lane) __shfl((value), (lane), 32)
#else
#define CUTRANS_PTX_SHFL(value, lane) __shfl_sync(0xffffffffu, (value), (lane))
#endif

/* In a namespace of their own, so that code cutrans writes from a program that used them (which defines
   functions of the same names at file scope) does not redefine them. */
namespace cutrans_ptx {

/* The float value of a half's bit pattern (exact: every half is a float). */
__device__ inline float cutrans_half_bits_to_float(unsigned h)
{
    const unsigned sign = (h & 0x8000u) << 16, exponent = (h >> 10) & 0x1fu, mantissa = h & 0x3ffu;
    if (exponent == 0) {                       /* zero or subnormal: mantissa * 2^-24 */
        const float magnitude = (float)mantissa * 5.9604644775390625e-8f;
        return sign ? -magnitude : magnitude;
    }
    if (exponent == 0x1fu) {                   /* infinity or NaN, payload kept */
        return __uint_as_float(sign | 0x7f800000u | (mantissa << 13));
    }
    return __uint_as_float(sign | ((exponent + 112u) << 23) | (mantissa << 13));
}

/* Half `high` (0: bits 0-15, 1: bits 16-31) of a .f16x2 register, as a float. */
__device__ inline float cutrans_f16x2_half(unsigned reg, unsigned high)
{
    return cutrans_half_bits_to_float(high ? reg >> 16 : reg & 0xffffu);
}

/* m16n8k16 (k = 16: A in a0..a3, B in b0, b1) and m16n8k8 (k = 8: A in a0, a1, B in b0), f32 = f16 x f16 + f32. */
__device__ inline void cutrans_mma_m16n8_f32_f16(int k, float &d0, float &d1, float &d2, float &d3, unsigned a0,
                                                 unsigned a1, unsigned a2, unsigned a3, unsigned b0, unsigned b1,
                                                 float c0, float c1, float c2, float c3)
{
    const unsigned a[4] = {a0, a1, a2, a3};
    const unsigned b[2] = {b0, b1};
    const unsigned lane = (threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z)) % 32u;
    const unsigned g = lane / 4, t = lane % 4;
    float s0 = c0, s1 = c1, s2 = c2, s3 = c3;  /* (g, 2t), (g, 2t + 1), (g + 8, 2t), (g + 8, 2t + 1) */
    for (int kk = 0; kk < k; ++kk) {
        /* A(r, kk) is in lane 4 (r % 8) + kk % 8 / 2, register 2 (kk / 8) + r / 8; B(kk, c) in lane
           4 c + kk % 8 / 2, register kk / 8; the half is kk % 2 */
        const unsigned column = (unsigned)(kk % 8 / 2), half = (unsigned)(kk % 2);
        const unsigned a_top = CUTRANS_PTX_SHFL(a[kk / 8 * 2], (int)(4 * g + column));
        const unsigned a_bottom = CUTRANS_PTX_SHFL(a[kk / 8 * 2 + 1], (int)(4 * g + column));
        const unsigned b_left = CUTRANS_PTX_SHFL(b[kk / 8], (int)(8 * t + column));
        const unsigned b_right = CUTRANS_PTX_SHFL(b[kk / 8], (int)(8 * t + 4 + column));
        const float x0 = cutrans_f16x2_half(a_top, half), x1 = cutrans_f16x2_half(a_bottom, half);
        const float y0 = cutrans_f16x2_half(b_left, half), y1 = cutrans_f16x2_half(b_right, half);
        s0 = s0 + x0 * y0;
        s1 = s1 + x0 * y1;
        s2 = s2 + x1 * y0;
        s3 = s3 + x1 * y1;
    }
    d0 = s0;
    d1 = s1;
    d2 = s2;
    d3 = s3;
}

/* mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 {d0..d3}, {a0..a3}, {b0, b1}, {c0..c3} */
__device__ inline void cutrans_mma_m16n8k16_f32_f16(float &d0, float &d1, float &d2, float &d3, unsigned a0,
                                                    unsigned a1, unsigned a2, unsigned a3, unsigned b0, unsigned b1,
                                                    float c0, float c1, float c2, float c3)
{
    cutrans_mma_m16n8_f32_f16(16, d0, d1, d2, d3, a0, a1, a2, a3, b0, b1, c0, c1, c2, c3);
}

/* mma.sync.aligned.m16n8k8.row.col.f32.f16.f16.f32 {d0..d3}, {a0, a1}, {b0}, {c0..c3} */
__device__ inline void cutrans_mma_m16n8k8_f32_f16(float &d0, float &d1, float &d2, float &d3, unsigned a0,
                                                   unsigned a1, unsigned b0, float c0, float c1, float c2, float c3)
{
    cutrans_mma_m16n8_f32_f16(8, d0, d1, d2, d3, a0, a1, 0u, 0u, b0, 0u, c0, c1, c2, c3);
}

}  // namespace cutrans_ptx

#endif /* CUTRANS_PTX_MMA_H */
