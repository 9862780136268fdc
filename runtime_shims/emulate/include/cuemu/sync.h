// Block barriers and memory fences. __syncthreads() records its call site so that threads waiting at
// two different barriers are reported instead of silently released together.
#pragma once

#include "scheduler.h"

namespace cuemu {

inline int syncthreads_count_at(const char *file, int line, int predicate)
{
    unsigned arrived = 0;
    return scheduler.block_barrier(file, line, predicate, &arrived);
}

inline int syncthreads_and_at(const char *file, int line, int predicate)
{
    unsigned arrived = 0;
    const int count = scheduler.block_barrier(file, line, predicate, &arrived);
    return static_cast<unsigned>(count) == arrived;
}

inline int syncthreads_or_at(const char *file, int line, int predicate)
{
    return syncthreads_count_at(file, line, predicate) != 0;
}

// Fibers switch only at barriers and warp operations, so every store is visible to the next thread
// that runs; a fence only has to stop the compiler from caching values across it.
inline void compiler_fence() { __asm__ volatile("" ::: "memory"); }

}  // namespace cuemu

#define __syncthreads() ((void)::cuemu::syncthreads_count_at(__FILE__, __LINE__, 0))
#define __syncthreads_count(predicate) ::cuemu::syncthreads_count_at(__FILE__, __LINE__, (predicate))
#define __syncthreads_and(predicate) ::cuemu::syncthreads_and_at(__FILE__, __LINE__, (predicate))
#define __syncthreads_or(predicate) ::cuemu::syncthreads_or_at(__FILE__, __LINE__, (predicate))

inline void __threadfence() { cuemu::compiler_fence(); }
inline void __threadfence_block() { cuemu::compiler_fence(); }
inline void __threadfence_system() { cuemu::compiler_fence(); }
inline void __nanosleep(unsigned) {}
[[noreturn]] inline void __trap() { cuemu::fatal("__trap() called in device code"); }
[[noreturn]] inline void __brkpt() { cuemu::fatal("__brkpt() called in device code"); }
