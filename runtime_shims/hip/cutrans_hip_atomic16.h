/* cutrans: CUDA's atomicAdd on its 16-bit floats (__half, __half2, and through cutrans_hip_bf16.h
 * __nv_bfloat16 and __nv_bfloat162) for HIP releases that have none of them (Debian's HIP 5.2).
 *
 * A 16-bit value is updated by a compare-and-swap loop on the aligned 32-bit word that holds it, which
 * changes only its 16 bits; the new value is the type's own __hadd, the correctly rounded sum, as in
 * CUDA. A pair is two such updates, one per element: CUDA guarantees the atomicity of each element
 * separately, not of the pair as a whole.
 *
 * atomicAdd is a template here, constrained to the types cutrans_float16_atomic lists, so a HIP release
 * that declares its own (non-template) atomicAdd on one of them is the better match and is used. */
#ifndef CUTRANS_HIP_ATOMIC16_H
#define CUTRANS_HIP_ATOMIC16_H

#include <hip/hip_runtime.h>
#include <type_traits>

/* lanes: 1 for a 16-bit float, 2 for a pair of them (element: its type); 0 for any other type */
template <typename T> struct cutrans_float16_atomic { static constexpr int lanes = 0; };
template <> struct cutrans_float16_atomic<__half> { static constexpr int lanes = 1; typedef __half element; };
template <> struct cutrans_float16_atomic<__half2> { static constexpr int lanes = 2; typedef __half element; };

/* *p = __hadd(*p, v) atomically on the 16 bits of p; returns the old value */
template <typename T>
__device__ inline T cutrans_atomic_add16(T *p, T v)
{
    static_assert(sizeof(T) == 2, "a 16-bit type");
    const size_t offset = reinterpret_cast<size_t>(p) & 2;
    unsigned int *word = reinterpret_cast<unsigned int *>(reinterpret_cast<char *>(p) - offset);
    const unsigned int shift = offset ? 16u : 0u;        /* AMD GPUs are little-endian */
    unsigned int seen, old = *word;
    unsigned short bits;
    T x;
    do {
        seen = old;
        bits = (unsigned short)(seen >> shift);
        __builtin_memcpy(&x, &bits, sizeof bits);
        const T sum = __hadd(x, v);
        __builtin_memcpy(&bits, &sum, sizeof bits);
        old = atomicCAS(word, seen, (seen & ~(0xffffu << shift)) | (unsigned int)bits << shift);
    } while (old != seen);
    return x;
}

/* cutrans's CPU emulation of HIP output has CUDA's atomicAdd, on these types too */
#ifndef CUTRANS_HIP_NAMES_ARE_CUDA
template <typename T, typename std::enable_if<cutrans_float16_atomic<T>::lanes != 0, int>::type = 0>
__device__ inline T atomicAdd(T *p, typename std::common_type<T>::type v)
{
    typedef typename cutrans_float16_atomic<T>::element E;
    constexpr int lanes = cutrans_float16_atomic<T>::lanes;
    E value[lanes], old[lanes];
    __builtin_memcpy(value, &v, sizeof v);
    for (int i = 0; i < lanes; ++i) {
        old[i] = cutrans_atomic_add16(reinterpret_cast<E *>(p) + i, value[i]);
    }
    T result;
    __builtin_memcpy(&result, old, sizeof result);
    return result;
}
#endif

#endif /* CUTRANS_HIP_ATOMIC16_H */
