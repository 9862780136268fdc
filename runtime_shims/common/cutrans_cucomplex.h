/* cuComplex for every side of cutrans: cuFloatComplex (float2) and cuDoubleComplex (double2) with CUDA's
 * functions, computed with the same operations in the same order as CUDA's <cuComplex.h> (cuCdivf scales by
 * |re| + |im|, cuCabsf by the larger part, cuCfmaf adds the real product first), so results agree bit for bit
 * where the compilers contract alike.
 *
 * One text serves three includers:
 *   - a translated OpenCL or CPU program's host code (its `#include <cuComplex.h>` becomes this file): the
 *     functions are `static inline`, and float2/double2 are defined here unless the launch header defined them;
 *   - the stand-in <cuComplex.h> that libclang parses (runtime_shims/include/libraries), which defines
 *     CUTRANS_CX_FN as `__host__ __device__ static __inline__` and has CUDA's vector types already
 *     (CUTRANS_CX_HAVE_VECTORS): the translator lowers these bodies into OpenCL and CPU device code;
 *   - the CPU emulation of CUDA (runtime_shims/emulate/include/cuComplex.h), likewise. */
#ifndef CUTRANS_CUCOMPLEX_H
#define CUTRANS_CUCOMPLEX_H

#include <math.h>

#ifndef CUTRANS_CX_FN
#define CUTRANS_CX_FN static inline
#endif

#ifndef CUTRANS_CX_HAVE_VECTORS
#ifndef CUTRANS_HOST_VECTOR_float2
#define CUTRANS_HOST_VECTOR_float2
struct alignas(8) float2 { float x, y; };
static inline float2 make_float2(float x, float y) { return float2{x, y}; }
#endif
#ifndef CUTRANS_HOST_VECTOR_double2
#define CUTRANS_HOST_VECTOR_double2
struct alignas(16) double2 { double x, y; };
static inline double2 make_double2(double x, double y) { return double2{x, y}; }
#endif
#endif

typedef float2 cuFloatComplex;
typedef double2 cuDoubleComplex;
typedef cuFloatComplex cuComplex;

CUTRANS_CX_FN float cuCrealf(cuFloatComplex z) { return z.x; }
CUTRANS_CX_FN float cuCimagf(cuFloatComplex z) { return z.y; }

CUTRANS_CX_FN cuFloatComplex make_cuFloatComplex(float re, float im) {
    cuFloatComplex z;
    z.x = re;
    z.y = im;
    return z;
}

CUTRANS_CX_FN cuComplex make_cuComplex(float re, float im) { return make_cuFloatComplex(re, im); }
CUTRANS_CX_FN cuFloatComplex cuConjf(cuFloatComplex z) { return make_cuFloatComplex(z.x, -z.y); }

CUTRANS_CX_FN cuFloatComplex cuCaddf(cuFloatComplex a, cuFloatComplex b) {
    return make_cuFloatComplex(a.x + b.x, a.y + b.y);
}

CUTRANS_CX_FN cuFloatComplex cuCsubf(cuFloatComplex a, cuFloatComplex b) {
    return make_cuFloatComplex(a.x - b.x, a.y - b.y);
}

CUTRANS_CX_FN cuFloatComplex cuCmulf(cuFloatComplex a, cuFloatComplex b) {
    return make_cuFloatComplex((a.x * b.x) - (a.y * b.y), (a.x * b.y) + (a.y * b.x));
}

/* Both operands scaled by 1 / (|b.x| + |b.y|) first, against overflow and underflow in between. */
CUTRANS_CX_FN cuFloatComplex cuCdivf(cuFloatComplex a, cuFloatComplex b) {
    float scale = 1.0f / (fabsf(b.x) + fabsf(b.y));
    float ar = a.x * scale, ai = a.y * scale;
    float br = b.x * scale, bi = b.y * scale;
    float inverse = 1.0f / ((br * br) + (bi * bi));
    return make_cuFloatComplex(((ar * br) + (ai * bi)) * inverse, ((ai * br) - (ar * bi)) * inverse);
}

/* |z| as big * sqrt(1 + (small / big)^2); a zero or infinite part gives big + small instead. */
CUTRANS_CX_FN float cuCabsf(cuFloatComplex z) {
    float re = fabsf(z.x), im = fabsf(z.y);
    float big = re > im ? re : im;
    float small = re > im ? im : re;
    float ratio = small / big;
    float r = big * sqrtf(1.0f + ratio * ratio);
    if (big == 0.0f || big > 3.402823466e38f || small > 3.402823466e38f) r = big + small;
    return r;
}

/* a * b + d, the real parts' product added first. */
CUTRANS_CX_FN cuComplex cuCfmaf(cuComplex a, cuComplex b, cuComplex d) {
    float re = (a.x * b.x) + d.x;
    float im = (a.x * b.y) + d.y;
    re = -(a.y * b.y) + re;
    im = (a.y * b.x) + im;
    return make_cuComplex(re, im);
}

CUTRANS_CX_FN double cuCreal(cuDoubleComplex z) { return z.x; }
CUTRANS_CX_FN double cuCimag(cuDoubleComplex z) { return z.y; }

CUTRANS_CX_FN cuDoubleComplex make_cuDoubleComplex(double re, double im) {
    cuDoubleComplex z;
    z.x = re;
    z.y = im;
    return z;
}

CUTRANS_CX_FN cuDoubleComplex cuConj(cuDoubleComplex z) { return make_cuDoubleComplex(z.x, -z.y); }

CUTRANS_CX_FN cuDoubleComplex cuCadd(cuDoubleComplex a, cuDoubleComplex b) {
    return make_cuDoubleComplex(a.x + b.x, a.y + b.y);
}

CUTRANS_CX_FN cuDoubleComplex cuCsub(cuDoubleComplex a, cuDoubleComplex b) {
    return make_cuDoubleComplex(a.x - b.x, a.y - b.y);
}

CUTRANS_CX_FN cuDoubleComplex cuCmul(cuDoubleComplex a, cuDoubleComplex b) {
    return make_cuDoubleComplex((a.x * b.x) - (a.y * b.y), (a.x * b.y) + (a.y * b.x));
}

CUTRANS_CX_FN cuDoubleComplex cuCdiv(cuDoubleComplex a, cuDoubleComplex b) {
    double scale = 1.0 / (fabs(b.x) + fabs(b.y));
    double ar = a.x * scale, ai = a.y * scale;
    double br = b.x * scale, bi = b.y * scale;
    double inverse = 1.0 / ((br * br) + (bi * bi));
    return make_cuDoubleComplex(((ar * br) + (ai * bi)) * inverse, ((ai * br) - (ar * bi)) * inverse);
}

CUTRANS_CX_FN double cuCabs(cuDoubleComplex z) {
    double re = fabs(z.x), im = fabs(z.y);
    double big = re > im ? re : im;
    double small = re > im ? im : re;
    double ratio = small / big;
    double r = big * sqrt(1.0 + ratio * ratio);
    if (big == 0.0 || big > 1.79769313486231570e+308 || small > 1.79769313486231570e+308) r = big + small;
    return r;
}

CUTRANS_CX_FN cuDoubleComplex cuCfma(cuDoubleComplex a, cuDoubleComplex b, cuDoubleComplex d) {
    double re = (a.x * b.x) + d.x;
    double im = (a.x * b.y) + d.y;
    re = -(a.y * b.y) + re;
    im = (a.y * b.x) + im;
    return make_cuDoubleComplex(re, im);
}

CUTRANS_CX_FN cuDoubleComplex cuComplexFloatToDouble(cuFloatComplex z) {
    return make_cuDoubleComplex((double)z.x, (double)z.y);
}

CUTRANS_CX_FN cuFloatComplex cuComplexDoubleToFloat(cuDoubleComplex z) {
    return make_cuFloatComplex((float)z.x, (float)z.y);
}

#endif /* CUTRANS_CUCOMPLEX_H */
