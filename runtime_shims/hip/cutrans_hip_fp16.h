/* cutrans: <cuda_fp16.h> for HIP, with __half arithmetic on the host for HIP releases before 6.4.
 *
 * CUDA declares __half's arithmetic and comparison operators __host__ __device__. HIP declares them
 * __device__ only before ROCm 6.4 (Debian's HIP 5.2 included), so host code such as
 * `-static_cast<__half>(v)` or `a * b` on halves, common where programs prepare inputs, does not compile
 * ("invalid argument type '__half' to unary expression"). This header adds __host__ overloads of those
 * operators there; device code keeps HIP's own (clang resolves each call by the caller's side).
 *
 * The values are CUDA's: a sum, difference, product or quotient of two halves is computed in float and
 * rounded once to half (round to nearest even). That is the correctly rounded half result, because float
 * carries at least 2 * 11 + 2 significand bits, so rounding to float first cannot change the final
 * rounding. Negation flips the sign bit (NaNs included); comparisons are exact in float (NaN is unordered).
 * From HIP 6.4 on, or where a header already declares host operators
 * (CUTRANS_HIP_HOST_HALF_OPERATORS), this header only includes <hip/hip_fp16.h>. */
#ifndef CUTRANS_HIP_FP16_H
#define CUTRANS_HIP_FP16_H

#include <hip/hip_runtime.h>
#include <hip/hip_fp16.h>

#if !defined(__HIP_NO_HALF_OPERATORS__) && !defined(CUTRANS_HIP_HOST_HALF_OPERATORS) && \
    (HIP_VERSION_MAJOR < 6 || (HIP_VERSION_MAJOR == 6 && HIP_VERSION_MINOR < 4))

__host__ inline __half operator+(const __half& a) { return a; }

__host__ inline __half operator-(const __half& a) {
    __half_raw bits = a;
    bits.x ^= 0x8000u;
    return bits;
}

#define CUTRANS_HOST_HALF_ARITHMETIC(op)                                                \
    __host__ inline __half operator op(const __half& a, const __half& b) {             \
        return __float2half_rn(__half2float(a) op __half2float(b));                    \
    }                                                                                  \
    __host__ inline __half& operator op##=(__half& a, const __half& b) { return a = a op b; }
CUTRANS_HOST_HALF_ARITHMETIC(+)
CUTRANS_HOST_HALF_ARITHMETIC(-)
CUTRANS_HOST_HALF_ARITHMETIC(*)
CUTRANS_HOST_HALF_ARITHMETIC(/)
#undef CUTRANS_HOST_HALF_ARITHMETIC

#define CUTRANS_HOST_HALF_COMPARISON(op)                                                \
    __host__ inline bool operator op(const __half& a, const __half& b) {               \
        return __half2float(a) op __half2float(b);                                     \
    }
CUTRANS_HOST_HALF_COMPARISON(==)
CUTRANS_HOST_HALF_COMPARISON(!=)
CUTRANS_HOST_HALF_COMPARISON(<)
CUTRANS_HOST_HALF_COMPARISON(<=)
CUTRANS_HOST_HALF_COMPARISON(>)
CUTRANS_HOST_HALF_COMPARISON(>=)
#undef CUTRANS_HOST_HALF_COMPARISON

__host__ inline __half& operator++(__half& a) { return a += __float2half_rn(1.0f); }
__host__ inline __half& operator--(__half& a) { return a -= __float2half_rn(1.0f); }
__host__ inline __half operator++(__half& a, int) {
    __half old = a;
    ++a;
    return old;
}
__host__ inline __half operator--(__half& a, int) {
    __half old = a;
    --a;
    return old;
}

#endif

/* cuda_fp16.h functions that HIP 5.2 lacks: the _rn arithmetic (one rounding each, never fused) and
 * __double2half (one rounding from the double; a NaN keeps its sign and top payload bits, made quiet, as an
 * H100 converts). Templates, so that a HIP release with its own overloads wins overload resolution. */
#include <type_traits>
template <class H, class = typename std::enable_if<std::is_same<H, __half>::value>::type>
__host__ __device__ inline H __hadd_rn(H a, H b) { return __float2half_rn(__half2float(a) + __half2float(b)); }
template <class H, class = typename std::enable_if<std::is_same<H, __half>::value>::type>
__host__ __device__ inline H __hsub_rn(H a, H b) { return __float2half_rn(__half2float(a) - __half2float(b)); }
template <class H, class = typename std::enable_if<std::is_same<H, __half>::value>::type>
__host__ __device__ inline H __hmul_rn(H a, H b) { return __float2half_rn(__half2float(a) * __half2float(b)); }
#define CUTRANS_HIP_HALF2_RN(name, scalar)                                                              \
    template <class H, class = typename std::enable_if<std::is_same<H, __half2>::value>::type>          \
    __host__ __device__ inline H name(H a, H b)                                                         \
    {                                                                                                   \
        return __halves2half2(scalar(__low2half(a), __low2half(b)), scalar(__high2half(a), __high2half(b))); \
    }
CUTRANS_HIP_HALF2_RN(__hadd2_rn, __hadd_rn)
CUTRANS_HIP_HALF2_RN(__hsub2_rn, __hsub_rn)
CUTRANS_HIP_HALF2_RN(__hmul2_rn, __hmul_rn)
#undef CUTRANS_HIP_HALF2_RN
template <class D, class = typename std::enable_if<std::is_same<D, double>::value>::type>
__host__ __device__ inline __half __double2half(D d)
{
    const _Float16 h = static_cast<_Float16>(d);
    __half_raw r;
    __builtin_memcpy(&r.x, &h, 2);
    return r;
}

#include "cutrans_hip_atomic16.h"   /* atomicAdd on __half and __half2 */
#endif /* CUTRANS_HIP_FP16_H */
