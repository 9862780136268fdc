/* Stand-in for CUDA's <cuda_fp16.h> (parsing only): the __half type, its conversions and arithmetic.
 * Declarations only: nothing here is ever compiled. The translator gives each call its meaning
 * (translator/frontend/half.py): __half is the IR's f16, arithmetic is done in float and rounded to half
 * once per operation, as CUDA's own functions are defined. __half2 is not declared yet, so code that uses
 * it stops at parsing (P002) rather than being translated wrongly. */
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
    __host__ __device__ operator float() const;
    __host__ __device__ __half &operator=(float f);
    __host__ __device__ __half &operator=(double d);
};
typedef __half half;

__host__ __device__ __half __float2half(float f);
__host__ __device__ __half __float2half_rn(float f);
__host__ __device__ float __half2float(__half h);
__host__ __device__ __half __int2half_rn(int i);
__host__ __device__ __half __short2half_rn(short i);
__host__ __device__ __half __ushort2half_rn(unsigned short i);
__host__ __device__ __half __double2half(double d);
__host__ __device__ unsigned short __half_as_ushort(__half h);
__host__ __device__ __half __ushort_as_half(unsigned short u);

__device__ __half __hadd(__half a, __half b);
__device__ __half __hsub(__half a, __half b);
__device__ __half __hmul(__half a, __half b);
__device__ __half __hdiv(__half a, __half b);
__device__ __half __hneg(__half a);
__device__ __half __habs(__half a);
__device__ __half __hmax(__half a, __half b);
__device__ __half __hmin(__half a, __half b);
__device__ bool __heq(__half a, __half b);
__device__ bool __hne(__half a, __half b);
__device__ bool __hlt(__half a, __half b);
__device__ bool __hle(__half a, __half b);
__device__ bool __hgt(__half a, __half b);
__device__ bool __hge(__half a, __half b);
__device__ bool __hisnan(__half a);

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

#endif
