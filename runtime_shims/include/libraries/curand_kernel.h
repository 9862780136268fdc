/* Stand-in for cuRAND's <curand_kernel.h> (parsing only): the names of translator/mappings, declared so that
 * libclang parses programs that use cuRAND without a CUDA toolkit. Nothing here is compiled into a program.
 * Enumerator values are not cuRAND's: code never sees them, as the translation keeps the names. */
#ifndef CUTRANS_STANDIN_CURAND_KERNEL_H
#define CUTRANS_STANDIN_CURAND_KERNEL_H
#include <curand.h>
/* Device generator states (the members are not cuRAND's; code only passes the states around). */
struct curandStateXORWOW { unsigned int cutrans_opaque[16]; };
typedef struct curandStateXORWOW curandStateXORWOW_t;
struct curandStatePhilox4_32_10 { unsigned int cutrans_opaque[16]; };
typedef struct curandStatePhilox4_32_10 curandStatePhilox4_32_10_t;
struct curandStateMRG32k3a { unsigned int cutrans_opaque[16]; };
typedef struct curandStateMRG32k3a curandStateMRG32k3a_t;
struct curandStateSobol32 { unsigned int cutrans_opaque[16]; };
typedef struct curandStateSobol32 curandStateSobol32_t;
struct curandStateMtgp32 { unsigned int cutrans_opaque[16]; };
typedef struct curandStateMtgp32 curandStateMtgp32_t;
typedef struct curandStateXORWOW curandState;
typedef struct curandStateXORWOW curandState_t;
/* Device functions, one template per name for every state type. */
template <class S> __device__ unsigned int curand(S *state);
template <class S> __device__ unsigned int curand_discrete(S *state, curandDiscreteDistribution_t distribution);
template <class S> __device__ void curand_init(unsigned long long seed, unsigned long long subsequence, unsigned long long offset, S *state);
template <class S> __device__ float curand_log_normal(S *state, float mean, float stddev);
template <class S> __device__ float2 curand_log_normal2(S *state, float mean, float stddev);
template <class S> __device__ double curand_log_normal_double(S *state, double mean, double stddev);
template <class S> __device__ float curand_normal(S *state);
template <class S> __device__ float2 curand_normal2(S *state);
template <class S> __device__ double2 curand_normal2_double(S *state);
template <class S> __device__ float4 curand_normal4(S *state);
template <class S> __device__ double curand_normal_double(S *state);
template <class S> __device__ unsigned int curand_poisson(S *state, double lambda);
template <class S> __device__ float curand_uniform(S *state);
template <class S> __device__ double2 curand_uniform2_double(S *state);
template <class S> __device__ float4 curand_uniform4(S *state);
template <class S> __device__ double curand_uniform_double(S *state);
template <class S> __device__ void skipahead(unsigned long long n, S *state);
template <class S> __device__ void skipahead_sequence(unsigned long long n, S *state);
#endif
