// Function and variable qualifiers of CUDA C++, mapped onto host C++.
// Blocks run one at a time per OS thread and every CUDA thread of a block is a fiber of that OS thread,
// so `static thread_local` storage is exactly one copy per running block.
#pragma once

#define __CUDACC__ 1
#define __CUEMU__ 1
#ifndef CUDART_VERSION
#define CUDART_VERSION 12000
#endif

#define __global__
#define __device__
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
