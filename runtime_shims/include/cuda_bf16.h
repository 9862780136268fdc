/* Stand-in for CUDA's <cuda_bf16.h> (parsing only): the __nv_bfloat16 type, its conversions and arithmetic.
 * Declarations only: nothing here is ever compiled. The translator gives each call its meaning
 * (translator/frontend/half.py): __nv_bfloat16 is the IR's bf16, arithmetic is done in float and rounded to
 * bfloat16 once per operation, as CUDA's own functions are defined; __nv_bfloat162 is a pair of them (the
 * IR's bfloat162), on which each function works lane by lane. A function not declared here stops at
 * parsing (P002) rather than being translated wrongly: the approximate math (hexp...) and the conversions
 * from 64-bit integers (__ll2bfloat16_rn...) among them. */
#ifndef CUTRANS_STANDIN_CUDA_BF16_H
#define CUTRANS_STANDIN_CUDA_BF16_H
#define __CUDA_BF16_H__ /* CUDA's own guard */

#include "cuda_runtime.h"

struct __nv_bfloat16_raw {
    unsigned short x;
};

struct __nv_bfloat16 {
    unsigned short __x;
    __nv_bfloat16() = default; /* trivial, as in CUDA: __shared__ arrays of __nv_bfloat16 need it */
    __host__ __device__ __nv_bfloat16(const __nv_bfloat16_raw &r);
    __host__ __device__ __nv_bfloat16(float f);
    __host__ __device__ __nv_bfloat16(double d);
    __host__ __device__ __nv_bfloat16(int i);
    __host__ __device__ __nv_bfloat16(unsigned int i);
    __host__ __device__ __nv_bfloat16(short i);
    __host__ __device__ __nv_bfloat16(unsigned short i);
    __host__ __device__ __nv_bfloat16(long long i);           /* refused: it would round twice */
    __host__ __device__ __nv_bfloat16(unsigned long long i);
    __host__ __device__ operator float() const;
    __host__ __device__ __nv_bfloat16 &operator=(float f);
    __host__ __device__ __nv_bfloat16 &operator=(double d);
    __host__ __device__ __nv_bfloat16 &operator=(int i);
    __host__ __device__ __nv_bfloat16 &operator=(unsigned int i);
    __host__ __device__ __nv_bfloat16 &operator=(short i);
    __host__ __device__ __nv_bfloat16 &operator=(unsigned short i);
    __host__ __device__ __nv_bfloat16 &operator=(long long i);
    __host__ __device__ __nv_bfloat16 &operator=(unsigned long long i);
};
typedef __nv_bfloat16 nv_bfloat16;

struct __nv_bfloat162_raw {
    unsigned short x;
    unsigned short y;
};

struct __attribute__((aligned(4))) __nv_bfloat162 {
    __nv_bfloat16 x;
    __nv_bfloat16 y;
    __nv_bfloat162() = default;
    __host__ __device__ __nv_bfloat162(const __nv_bfloat16 &a, const __nv_bfloat16 &b);
    __host__ __device__ __nv_bfloat162(const __nv_bfloat162_raw &r);
};
typedef __nv_bfloat162 nv_bfloat162;

__host__ __device__ __nv_bfloat16 __float2bfloat16(float f);
__host__ __device__ __nv_bfloat16 __float2bfloat16_rn(float f);
__host__ __device__ float __bfloat162float(__nv_bfloat16 h);
__host__ __device__ __nv_bfloat16 __int2bfloat16_rn(int i);
__host__ __device__ __nv_bfloat16 __uint2bfloat16_rn(unsigned int i);
__host__ __device__ __nv_bfloat16 __short2bfloat16_rn(short i);
__host__ __device__ __nv_bfloat16 __ushort2bfloat16_rn(unsigned short i);
__host__ __device__ __nv_bfloat16 __double2bfloat16(double d);
__host__ __device__ unsigned short __bfloat16_as_ushort(__nv_bfloat16 h);
__host__ __device__ __nv_bfloat16 __ushort_as_bfloat16(unsigned short u);
__host__ __device__ short __bfloat16_as_short(__nv_bfloat16 h);
__host__ __device__ __nv_bfloat16 __short_as_bfloat16(short s);

__host__ __device__ __nv_bfloat162 make_bfloat162(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ __nv_bfloat162 __halves2bfloat162(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ __nv_bfloat162 __bfloat162bfloat162(__nv_bfloat16 a);
__host__ __device__ __nv_bfloat162 __float2bfloat162_rn(float f);
__host__ __device__ __nv_bfloat162 __floats2bfloat162_rn(float a, float b);
__host__ __device__ __nv_bfloat162 __float22bfloat162_rn(float2 v);
__host__ __device__ float2 __bfloat1622float2(__nv_bfloat162 h);
__host__ __device__ __nv_bfloat16 __low2bfloat16(__nv_bfloat162 h);
__host__ __device__ __nv_bfloat16 __high2bfloat16(__nv_bfloat162 h);
__host__ __device__ float __low2float(__nv_bfloat162 h);
__host__ __device__ float __high2float(__nv_bfloat162 h);
__host__ __device__ __nv_bfloat162 __lows2bfloat162(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __highs2bfloat162(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __low2bfloat162(__nv_bfloat162 h);
__host__ __device__ __nv_bfloat162 __high2bfloat162(__nv_bfloat162 h);
__host__ __device__ __nv_bfloat162 __lowhigh2highlow(__nv_bfloat162 h);

__host__ __device__ __nv_bfloat16 __hfma(__nv_bfloat16 a, __nv_bfloat16 b, __nv_bfloat16 c);
__host__ __device__ __nv_bfloat16 __hadd(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ __nv_bfloat16 __hsub(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ __nv_bfloat16 __hmul(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ __nv_bfloat16 __hdiv(__nv_bfloat16 a, __nv_bfloat16 b);
// the _rn forms round each operation: nvcc never contracts them into a fused multiply-add
__host__ __device__ __nv_bfloat16 __hadd_rn(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ __nv_bfloat16 __hsub_rn(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ __nv_bfloat16 __hmul_rn(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ __nv_bfloat16 __hneg(__nv_bfloat16 a);
__host__ __device__ __nv_bfloat16 __habs(__nv_bfloat16 a);
__host__ __device__ __nv_bfloat16 __hmax(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ __nv_bfloat16 __hmin(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ bool __heq(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ bool __hne(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ bool __hlt(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ bool __hle(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ bool __hgt(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ bool __hge(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ bool __hisnan(__nv_bfloat16 a);
__host__ __device__ bool __hequ(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ bool __hneu(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ bool __hltu(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ bool __hleu(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ bool __hgtu(__nv_bfloat16 a, __nv_bfloat16 b);
__host__ __device__ bool __hgeu(__nv_bfloat16 a, __nv_bfloat16 b);

__host__ __device__ __nv_bfloat162 __hadd2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hsub2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hmul2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __h2div(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hadd2_rn(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hsub2_rn(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hmul2_rn(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hfma2(__nv_bfloat162 a, __nv_bfloat162 b, __nv_bfloat162 c);
__host__ __device__ __nv_bfloat162 __hneg2(__nv_bfloat162 a);
__host__ __device__ __nv_bfloat162 __habs2(__nv_bfloat162 a);
__host__ __device__ __nv_bfloat162 __hmax2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hmin2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __heq2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hne2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hlt2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hle2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hgt2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hge2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hisnan2(__nv_bfloat162 a);
__host__ __device__ __nv_bfloat162 __hequ2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hneu2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hltu2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hleu2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hgtu2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat162 __hgeu2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ bool __hbequ2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ bool __hbltu2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ bool __hbleu2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ bool __hbgtu2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ bool __hbgeu2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ __nv_bfloat16 hsqrt(__nv_bfloat16 a);
__host__ __device__ __nv_bfloat16 hfloor(__nv_bfloat16 a);
__host__ __device__ __nv_bfloat16 hceil(__nv_bfloat16 a);
__host__ __device__ __nv_bfloat16 htrunc(__nv_bfloat16 a);
__host__ __device__ __nv_bfloat16 hrint(__nv_bfloat16 a);
__host__ __device__ __nv_bfloat162 h2sqrt(__nv_bfloat162 a);
__host__ __device__ __nv_bfloat162 h2floor(__nv_bfloat162 a);
__host__ __device__ __nv_bfloat162 h2ceil(__nv_bfloat162 a);
__host__ __device__ __nv_bfloat162 h2trunc(__nv_bfloat162 a);
__host__ __device__ __nv_bfloat162 h2rint(__nv_bfloat162 a);
__host__ __device__ bool __hbeq2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ bool __hbneu2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ bool __hbne2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ bool __hblt2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ bool __hble2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ bool __hbgt2(__nv_bfloat162 a, __nv_bfloat162 b);
__host__ __device__ bool __hbge2(__nv_bfloat162 a, __nv_bfloat162 b);

__host__ __device__ __nv_bfloat16 operator+(const __nv_bfloat16 &a, const __nv_bfloat16 &b);
__host__ __device__ __nv_bfloat16 operator-(const __nv_bfloat16 &a, const __nv_bfloat16 &b);
__host__ __device__ __nv_bfloat16 operator*(const __nv_bfloat16 &a, const __nv_bfloat16 &b);
__host__ __device__ __nv_bfloat16 operator/(const __nv_bfloat16 &a, const __nv_bfloat16 &b);
__host__ __device__ __nv_bfloat16 operator-(const __nv_bfloat16 &a);
__host__ __device__ __nv_bfloat16 operator+(const __nv_bfloat16 &a);
__host__ __device__ __nv_bfloat16 &operator+=(__nv_bfloat16 &a, const __nv_bfloat16 &b);
__host__ __device__ __nv_bfloat16 &operator-=(__nv_bfloat16 &a, const __nv_bfloat16 &b);
__host__ __device__ __nv_bfloat16 &operator*=(__nv_bfloat16 &a, const __nv_bfloat16 &b);
__host__ __device__ __nv_bfloat16 &operator/=(__nv_bfloat16 &a, const __nv_bfloat16 &b);
__host__ __device__ __nv_bfloat16 &operator++(__nv_bfloat16 &a);
__host__ __device__ __nv_bfloat16 &operator--(__nv_bfloat16 &a);
__host__ __device__ __nv_bfloat16 operator++(__nv_bfloat16 &a, int);
__host__ __device__ __nv_bfloat16 operator--(__nv_bfloat16 &a, int);
__host__ __device__ bool operator==(const __nv_bfloat16 &a, const __nv_bfloat16 &b);
__host__ __device__ bool operator!=(const __nv_bfloat16 &a, const __nv_bfloat16 &b);
__host__ __device__ bool operator<(const __nv_bfloat16 &a, const __nv_bfloat16 &b);
__host__ __device__ bool operator<=(const __nv_bfloat16 &a, const __nv_bfloat16 &b);
__host__ __device__ bool operator>(const __nv_bfloat16 &a, const __nv_bfloat16 &b);
__host__ __device__ bool operator>=(const __nv_bfloat16 &a, const __nv_bfloat16 &b);

__host__ __device__ __nv_bfloat162 operator+(const __nv_bfloat162 &a, const __nv_bfloat162 &b);
__host__ __device__ __nv_bfloat162 operator-(const __nv_bfloat162 &a, const __nv_bfloat162 &b);
__host__ __device__ __nv_bfloat162 operator*(const __nv_bfloat162 &a, const __nv_bfloat162 &b);
__host__ __device__ __nv_bfloat162 operator/(const __nv_bfloat162 &a, const __nv_bfloat162 &b);
__host__ __device__ __nv_bfloat162 operator-(const __nv_bfloat162 &a);
__host__ __device__ __nv_bfloat162 operator+(const __nv_bfloat162 &a);
__host__ __device__ __nv_bfloat162 &operator+=(__nv_bfloat162 &a, const __nv_bfloat162 &b);
__host__ __device__ __nv_bfloat162 &operator-=(__nv_bfloat162 &a, const __nv_bfloat162 &b);
__host__ __device__ __nv_bfloat162 &operator*=(__nv_bfloat162 &a, const __nv_bfloat162 &b);
__host__ __device__ __nv_bfloat162 &operator/=(__nv_bfloat162 &a, const __nv_bfloat162 &b);
__host__ __device__ __nv_bfloat162 &operator++(__nv_bfloat162 &a);
__host__ __device__ __nv_bfloat162 &operator--(__nv_bfloat162 &a);
__host__ __device__ bool operator==(const __nv_bfloat162 &a, const __nv_bfloat162 &b);
__host__ __device__ bool operator!=(const __nv_bfloat162 &a, const __nv_bfloat162 &b);
__host__ __device__ bool operator<(const __nv_bfloat162 &a, const __nv_bfloat162 &b);
__host__ __device__ bool operator<=(const __nv_bfloat162 &a, const __nv_bfloat162 &b);
__host__ __device__ bool operator>(const __nv_bfloat162 &a, const __nv_bfloat162 &b);
__host__ __device__ bool operator>=(const __nv_bfloat162 &a, const __nv_bfloat162 &b);

/* warp shuffles (__nv_bfloat16 and __nv_bfloat162), as CUDA declares them: a shuffle moves the
 * value's bits unchanged, a pair as one value; no forms without a mask, as for the other types (__cutrans_device.h) */
__CUTRANS_SHFL(__nv_bfloat16)
__CUTRANS_SHFL(__nv_bfloat162)

/* declared so that a call names its construct; the frontend refuses it (L003: not translated yet) */
__device__ __nv_bfloat16 atomicAdd(__nv_bfloat16 *address, __nv_bfloat16 val);
__device__ __nv_bfloat162 atomicAdd(__nv_bfloat162 *address, __nv_bfloat162 val);

#endif
