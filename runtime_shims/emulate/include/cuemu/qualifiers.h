// Function and variable qualifiers of CUDA C++, mapped onto host C++.
// Blocks run one at a time per OS thread and every CUDA thread of a block is a fiber of that OS thread,
// so `static thread_local` storage is exactly one copy per running block.
#pragma once

#define __CUDACC__ 1
#define __CUEMU__ 1
#ifndef CUDART_VERSION
#define CUDART_VERSION 12000
#endif

// Device code contracts a * b + c into fused multiply-adds, as nvcc's default -fmad=true does, when the
// build defines CUEMU_FMAD (translator/verify/reference.py adds it, and -mfma on x86): GCC then fuses a
// product into the additions and subtractions that use it when nothing else uses it, which is the rule
// nvcc's code follows (translator/passes/contract_fma.py). Host code keeps -ffp-contract=off, as nvcc's
// host compiler computes without FMA instructions. A __host__ __device__ function is contracted on both
// sides here (one copy serves both), where CUDA contracts only its device copy.
#ifdef CUEMU_FMAD
#define CUEMU_DEVICE_CODE __attribute__((optimize("fp-contract=fast")))
#else
#define CUEMU_DEVICE_CODE
#endif
#define __global__ CUEMU_DEVICE_CODE
#define __device__ CUEMU_DEVICE_CODE
#define __host__
#define __constant__
#define __managed__
#define __grid_constant__
#define __shared__ static thread_local
#define __forceinline__ inline
// Left empty on purpose: libstdc++ spells __attribute__((__noinline__)), which a non-empty macro would break.
#define __noinline__
#define __launch_bounds__(...)
#define __align__(n) __attribute__((aligned(n)))
#define __cudart_builtin__
