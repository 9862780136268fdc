/* Stand-in for CUDA's <cuda_fp16.h> (parsing only): the __half type, its conversions and arithmetic.
 * Declarations only: nothing here is ever compiled. The translator gives each call its meaning
 * (translator/frontend/half.py): __half is the IR's f16, arithmetic is done in float and rounded to half
 * once per operation, as CUDA's own functions are defined; __half2 is a pair of them (the IR's half2), on
 * which each function works lane by lane. A function not declared here stops at parsing (P002) rather
 * than being translated wrongly. */
#ifndef CUTRANS_STANDIN_CUDA_FP16_H
#define CUTRANS_STANDIN_CUDA_FP16_H
#define __CUDA_FP16_H__ /* CUDA's own guard */

#include "cuda_runtime.h"

struct __half_raw {
    unsigned short x;
};

struct __half {
    unsigned short __x;
    __half() = default; /* trivial, as in CUDA: __shared__ arrays of __half need it */
    __host__ __device__ __half(const __half_raw &r);
    __host__ __device__ __half(float f);
    __host__ __device__ __half(double d);
    __host__ __device__ __half(int i);
    __host__ __device__ __half(unsigned int i);
    __host__ __device__ __half(short i);
    __host__ __device__ __half(unsigned short i);
    __host__ __device__ __half(long long i);
    __host__ __device__ __half(unsigned long long i);
    __host__ __device__ operator float() const;
    __host__ __device__ __half &operator=(float f);
    __host__ __device__ __half &operator=(double d);
    __host__ __device__ __half &operator=(int i);
    __host__ __device__ __half &operator=(unsigned int i);
    __host__ __device__ __half &operator=(short i);
    __host__ __device__ __half &operator=(unsigned short i);
    __host__ __device__ __half &operator=(long long i);
    __host__ __device__ __half &operator=(unsigned long long i);
};
typedef __half half;

struct __half2_raw {
    unsigned short x;
    unsigned short y;
};

struct __attribute__((aligned(4))) __half2 {
    __half x;
    __half y;
    __half2() = default;
    __host__ __device__ __half2(const __half &a, const __half &b);
    __host__ __device__ __half2(const __half2_raw &r);
};
typedef __half2 half2;

__host__ __device__ __half __float2half(float f);
__host__ __device__ __half __float2half_rn(float f);
__host__ __device__ float __half2float(__half h);
__host__ __device__ __half __int2half_rn(int i);
__host__ __device__ __half __short2half_rn(short i);
__host__ __device__ __half __ushort2half_rn(unsigned short i);
__host__ __device__ __half __double2half(double d);
__host__ __device__ unsigned short __half_as_ushort(__half h);
__host__ __device__ __half __ushort_as_half(unsigned short u);
__host__ __device__ short __half_as_short(__half h);
__host__ __device__ __half __short_as_half(short s);

__host__ __device__ __half2 make_half2(__half a, __half b);
__host__ __device__ __half2 __halves2half2(__half a, __half b);
__host__ __device__ __half2 __half2half2(__half a);
__host__ __device__ __half2 __float2half2_rn(float f);
__host__ __device__ __half2 __floats2half2_rn(float a, float b);
__host__ __device__ __half2 __float22half2_rn(float2 v);
__host__ __device__ float2 __half22float2(__half2 h);
__host__ __device__ __half __low2half(__half2 h);
__host__ __device__ __half __high2half(__half2 h);
__host__ __device__ float __low2float(__half2 h);
__host__ __device__ float __high2float(__half2 h);
__host__ __device__ __half2 __lows2half2(__half2 a, __half2 b);
__host__ __device__ __half2 __highs2half2(__half2 a, __half2 b);
__host__ __device__ __half2 __low2half2(__half2 h);
__host__ __device__ __half2 __high2half2(__half2 h);
__host__ __device__ __half2 __lowhigh2highlow(__half2 h);

__host__ __device__ __half __hfma(__half a, __half b, __half c);
__host__ __device__ __half __hadd(__half a, __half b);
__host__ __device__ __half __hsub(__half a, __half b);
__host__ __device__ __half __hmul(__half a, __half b);
__host__ __device__ __half __hdiv(__half a, __half b);
// the _rn forms round each operation: nvcc never contracts them into a fused multiply-add
__host__ __device__ __half __hadd_rn(__half a, __half b);
__host__ __device__ __half __hsub_rn(__half a, __half b);
__host__ __device__ __half __hmul_rn(__half a, __half b);
__host__ __device__ __half __hneg(__half a);
__host__ __device__ __half __habs(__half a);
__host__ __device__ __half __hmax(__half a, __half b);
__host__ __device__ __half __hmin(__half a, __half b);
__host__ __device__ bool __heq(__half a, __half b);
__host__ __device__ bool __hne(__half a, __half b);
__host__ __device__ bool __hlt(__half a, __half b);
__host__ __device__ bool __hle(__half a, __half b);
__host__ __device__ bool __hgt(__half a, __half b);
__host__ __device__ bool __hge(__half a, __half b);
__host__ __device__ bool __hisnan(__half a);

__host__ __device__ __half2 __hadd2(__half2 a, __half2 b);
__host__ __device__ __half2 __hsub2(__half2 a, __half2 b);
__host__ __device__ __half2 __hmul2(__half2 a, __half2 b);
__host__ __device__ __half2 __h2div(__half2 a, __half2 b);
__host__ __device__ __half2 __hadd2_rn(__half2 a, __half2 b);
__host__ __device__ __half2 __hsub2_rn(__half2 a, __half2 b);
__host__ __device__ __half2 __hmul2_rn(__half2 a, __half2 b);
__host__ __device__ __half2 __hfma2(__half2 a, __half2 b, __half2 c);
__host__ __device__ __half2 __hneg2(__half2 a);
__host__ __device__ __half2 __habs2(__half2 a);
__host__ __device__ __half2 __hmax2(__half2 a, __half2 b);
__host__ __device__ __half2 __hmin2(__half2 a, __half2 b);
__host__ __device__ __half2 __heq2(__half2 a, __half2 b);
__host__ __device__ __half2 __hne2(__half2 a, __half2 b);
__host__ __device__ __half2 __hlt2(__half2 a, __half2 b);
__host__ __device__ __half2 __hle2(__half2 a, __half2 b);
__host__ __device__ __half2 __hgt2(__half2 a, __half2 b);
__host__ __device__ __half2 __hge2(__half2 a, __half2 b);
__host__ __device__ __half2 __hisnan2(__half2 a);
__host__ __device__ __half hsqrt(__half a);
__host__ __device__ __half hfloor(__half a);
__host__ __device__ __half hceil(__half a);
__host__ __device__ __half htrunc(__half a);
__host__ __device__ __half hrint(__half a);
__host__ __device__ __half2 h2sqrt(__half2 a);
__host__ __device__ __half2 h2floor(__half2 a);
__host__ __device__ __half2 h2ceil(__half2 a);
__host__ __device__ __half2 h2trunc(__half2 a);
__host__ __device__ __half2 h2rint(__half2 a);
__host__ __device__ bool __hbeq2(__half2 a, __half2 b);
__host__ __device__ bool __hbneu2(__half2 a, __half2 b);
__host__ __device__ bool __hbne2(__half2 a, __half2 b);
__host__ __device__ bool __hblt2(__half2 a, __half2 b);
__host__ __device__ bool __hble2(__half2 a, __half2 b);
__host__ __device__ bool __hbgt2(__half2 a, __half2 b);
__host__ __device__ bool __hbge2(__half2 a, __half2 b);

__host__ __device__ __half operator+(const __half &a, const __half &b);
__host__ __device__ __half operator-(const __half &a, const __half &b);
__host__ __device__ __half operator*(const __half &a, const __half &b);
__host__ __device__ __half operator/(const __half &a, const __half &b);
__host__ __device__ __half operator-(const __half &a);
__host__ __device__ __half operator+(const __half &a);
__host__ __device__ __half &operator+=(__half &a, const __half &b);
__host__ __device__ __half &operator-=(__half &a, const __half &b);
__host__ __device__ __half &operator*=(__half &a, const __half &b);
__host__ __device__ __half &operator/=(__half &a, const __half &b);
__host__ __device__ __half &operator++(__half &a);
__host__ __device__ __half &operator--(__half &a);
__host__ __device__ __half operator++(__half &a, int);
__host__ __device__ __half operator--(__half &a, int);
__host__ __device__ bool operator==(const __half &a, const __half &b);
__host__ __device__ bool operator!=(const __half &a, const __half &b);
__host__ __device__ bool operator<(const __half &a, const __half &b);
__host__ __device__ bool operator<=(const __half &a, const __half &b);
__host__ __device__ bool operator>(const __half &a, const __half &b);
__host__ __device__ bool operator>=(const __half &a, const __half &b);

__host__ __device__ __half2 operator+(const __half2 &a, const __half2 &b);
__host__ __device__ __half2 operator-(const __half2 &a, const __half2 &b);
__host__ __device__ __half2 operator*(const __half2 &a, const __half2 &b);
__host__ __device__ __half2 operator/(const __half2 &a, const __half2 &b);
__host__ __device__ __half2 operator-(const __half2 &a);
__host__ __device__ __half2 operator+(const __half2 &a);
__host__ __device__ __half2 &operator+=(__half2 &a, const __half2 &b);
__host__ __device__ __half2 &operator-=(__half2 &a, const __half2 &b);
__host__ __device__ __half2 &operator*=(__half2 &a, const __half2 &b);
__host__ __device__ __half2 &operator/=(__half2 &a, const __half2 &b);
__host__ __device__ __half2 &operator++(__half2 &a);
__host__ __device__ __half2 &operator--(__half2 &a);
__host__ __device__ bool operator==(const __half2 &a, const __half2 &b);
__host__ __device__ bool operator!=(const __half2 &a, const __half2 &b);
__host__ __device__ bool operator<(const __half2 &a, const __half2 &b);
__host__ __device__ bool operator<=(const __half2 &a, const __half2 &b);
__host__ __device__ bool operator>(const __half2 &a, const __half2 &b);
__host__ __device__ bool operator>=(const __half2 &a, const __half2 &b);

/* warp shuffles (__half and __half2), as CUDA declares them: a shuffle moves the
 * value's bits unchanged, a pair as one value; no forms without a mask, as for the other types (__cutrans_device.h) */
__CUTRANS_SHFL(__half)
__CUTRANS_SHFL(__half2)

/* declared so that a call names its construct; the frontend refuses it (L003: not translated yet) */
__device__ __half atomicAdd(__half *address, __half val);
__device__ __half2 atomicAdd(__half2 *address, __half2 val);

#endif
