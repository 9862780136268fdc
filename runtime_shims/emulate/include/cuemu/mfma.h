// AMD CDNA matrix instructions for HIP code run on the CPU emulation: the 16-block forms that
// runtime_shims/hip/cutrans_hip_wmma.h uses in matrix-core mode, under the names of the clang builtins
// (v_mfma_f32_4x4x4f16, v_mfma_f32_4x4x1f32, v_mfma_i32_4x4x4i8; on gfx940+ these are the *_16b forms).
//
// Each group of four consecutive lanes of a wavefront computes one 4 x 4 block D = A x B + C together. Lane r
// of the group gives row r of the block's A (its k values in order), column r of B and column r of C, and
// gets column r of D, register i holding row i. That is where AMD's matrix instruction calculator puts the
// elements of these instructions on CDNA1-CDNA3. The groups are independent: no lane outside a group takes
// part in its block, so a wavefront whose two 32-lane halves run different code still gets every block right.
//
// The arithmetic is the emulation's model, not a measurement (there is no AMD GPU here): the products of half,
// tf32 and 8-bit operands are exact; a floating sum starts from C and adds the products in k order, rounding
// to float after each addition; an integer sum wraps modulo 2^32. A real matrix core may round its floating
// sums differently, which is why cutrans treats code that uses them as an unsafe rewrite.
#pragma once

#include "warp.h"

namespace cuemu {

// What the builtins take and return: four values, indexed like clang's vector types.
template <class T> struct mfma_vec {
    T v[4];
    T &operator[](int i) { return v[i]; }
    const T &operator[](int i) const { return v[i]; }
};
typedef mfma_vec<float> mfma_f16x4;   // halves, carried as the floats of the same value (every half is one)
typedef mfma_vec<float> mfma_f32x4;
typedef mfma_vec<int> mfma_i32x4;

// One lane's part of a block: its row of A and column of B (k values), its column of C, and of D once done.
struct MfmaLane {
    int k;
    float a[4], b[4], c[4], d[4];
    int ia[4], ib[4], ic[4], id[4];
};

inline void mfma_float_block(void *const *data)
{
    MfmaLane *const lane[4] = {static_cast<MfmaLane *>(data[0]), static_cast<MfmaLane *>(data[1]),
                               static_cast<MfmaLane *>(data[2]), static_cast<MfmaLane *>(data[3])};
    for (int col = 0; col < 4; ++col) {
        for (int row = 0; row < 4; ++row) {
            float sum = lane[col]->c[row];
            for (int kk = 0; kk < lane[col]->k; ++kk) {
                const float product = lane[row]->a[kk] * lane[col]->b[kk];
                sum = sum + product;
            }
            lane[col]->d[row] = sum;
        }
    }
}

inline void mfma_int_block(void *const *data)
{
    MfmaLane *const lane[4] = {static_cast<MfmaLane *>(data[0]), static_cast<MfmaLane *>(data[1]),
                               static_cast<MfmaLane *>(data[2]), static_cast<MfmaLane *>(data[3])};
    for (int col = 0; col < 4; ++col) {
        for (int row = 0; row < 4; ++row) {
            unsigned sum = static_cast<unsigned>(lane[col]->ic[row]);
            for (int kk = 0; kk < 4; ++kk) {
                sum += static_cast<unsigned>(lane[row]->ia[kk] * lane[col]->ib[kk]);
            }
            lane[col]->id[row] = static_cast<int>(sum);
        }
    }
}

// The builtins' last three arguments (CBSZ, ABID, BLGP) broadcast operands between blocks; only the plain
// form, all zero, is emulated.
inline void mfma_plain_only(const char *name, int cbsz, int abid, int blgp)
{
    if (cbsz != 0 || abid != 0 || blgp != 0) {
        fatal("%s: only cbsz = abid = blgp = 0 is emulated (got %d, %d, %d)", name, cbsz, abid, blgp);
    }
}

// A float block of k steps: this lane's k values of A and of B, and its column of C.
inline mfma_f32x4 mfma_float(int k, const float *a, const float *b, const mfma_f32x4 &c)
{
    MfmaLane me{};
    me.k = k;
    for (int i = 0; i < 4; ++i) {
        me.a[i] = i < k ? a[i] : 0.0f;
        me.b[i] = i < k ? b[i] : 0.0f;
        me.c[i] = c[i];
    }
    meet_lane_group(4, mfma_float_block, &me);
    return mfma_f32x4{{me.d[0], me.d[1], me.d[2], me.d[3]}};
}

inline mfma_f32x4 mfma_f32_4x4x4f16(const mfma_f16x4 &a, const mfma_f16x4 &b, const mfma_f32x4 &c, int cbsz, int abid,
                                    int blgp)
{
    mfma_plain_only("__builtin_amdgcn_mfma_f32_4x4x4f16", cbsz, abid, blgp);
    return mfma_float(4, a.v, b.v, c);
}

inline mfma_f32x4 mfma_f32_4x4x1f32(float a, float b, const mfma_f32x4 &c, int cbsz, int abid, int blgp)
{
    mfma_plain_only("__builtin_amdgcn_mfma_f32_4x4x1f32", cbsz, abid, blgp);
    return mfma_float(1, &a, &b, c);
}

// Four signed bytes per operand, k = 0 in the low byte.
inline mfma_i32x4 mfma_i32_4x4x4i8(int a, int b, const mfma_i32x4 &c, int cbsz, int abid, int blgp)
{
    mfma_plain_only("__builtin_amdgcn_mfma_i32_4x4x4i8", cbsz, abid, blgp);
    MfmaLane me{};
    me.k = 4;
    for (int i = 0; i < 4; ++i) {
        me.ia[i] = static_cast<signed char>(static_cast<unsigned>(a) >> (8 * i));
        me.ib[i] = static_cast<signed char>(static_cast<unsigned>(b) >> (8 * i));
        me.ic[i] = c[i];
    }
    meet_lane_group(4, mfma_int_block, &me);
    return mfma_i32x4{{me.id[0], me.id[1], me.id[2], me.id[3]}};
}

}  // namespace cuemu

#define __builtin_amdgcn_mfma_f32_4x4x4f16(a, b, c, cbsz, abid, blgp) \
    ::cuemu::mfma_f32_4x4x4f16((a), (b), (c), (cbsz), (abid), (blgp))
#define __builtin_amdgcn_mfma_f32_4x4x1f32(a, b, c, cbsz, abid, blgp) \
    ::cuemu::mfma_f32_4x4x1f32((a), (b), (c), (cbsz), (abid), (blgp))
#define __builtin_amdgcn_mfma_i32_4x4x4i8(a, b, c, cbsz, abid, blgp) \
    ::cuemu::mfma_i32_4x4x4i8((a), (b), (c), (cbsz), (abid), (blgp))
