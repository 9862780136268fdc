// Fiber contexts: a hand-written switch on x86-64 (no signal-mask system call per switch, which matters
// because a barrier-heavy kernel switches millions of times), ucontext everywhere else or when
// CUEMU_USE_UCONTEXT is defined.
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__x86_64__) && !defined(CUEMU_USE_UCONTEXT)

// cuemu_switch_context(save, next): pushes the callee-saved registers, MXCSR and the x87 control word,
// stores the stack pointer to *save, loads `next` and pops the same frame from there.
__asm__(R"(
    .text
    .weak cuemu_switch_context
    .type cuemu_switch_context, @function
cuemu_switch_context:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    subq $8, %rsp
    stmxcsr (%rsp)
    fnstcw 4(%rsp)
    movq %rsp, (%rdi)
    movq %rsi, %rsp
    ldmxcsr (%rsp)
    fldcw 4(%rsp)
    addq $8, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret
    .size cuemu_switch_context, .-cuemu_switch_context
)");

extern "C" void cuemu_switch_context(void **save, void *next);

namespace cuemu {

struct Context {
    void *sp = nullptr;
};

inline void context_switch(Context &from, Context &to) { cuemu_switch_context(&from.sp, to.sp); }

// Lays out a frame that cuemu_switch_context pops: control word slot, six registers, then `entry` as
// the return address, with a null fake return address above it so `entry` starts with rsp % 16 == 8.
inline void context_init(Context &ctx, void *stack, std::size_t size, void (*entry)())
{
    auto top = (reinterpret_cast<std::uintptr_t>(stack) + size) & ~std::uintptr_t(15);
    auto *frame = reinterpret_cast<std::uint64_t *>(top);
    *--frame = 0;
    *--frame = reinterpret_cast<std::uint64_t>(entry);
    for (int reg = 0; reg < 6; ++reg) {
        *--frame = 0;
    }
    --frame;
    std::uint32_t mxcsr;
    std::uint16_t fpucw;
    __asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
    __asm__ volatile("fnstcw %0" : "=m"(fpucw));
    auto *control = reinterpret_cast<unsigned char *>(frame);
    __builtin_memcpy(control, &mxcsr, 4);
    __builtin_memcpy(control + 4, &fpucw, 2);
    ctx.sp = frame;
}

}  // namespace cuemu

#else

#include <ucontext.h>

namespace cuemu {

struct Context {
    ucontext_t uc;
};

inline void context_switch(Context &from, Context &to) { swapcontext(&from.uc, &to.uc); }

inline void context_init(Context &ctx, void *stack, std::size_t size, void (*entry)())
{
    getcontext(&ctx.uc);
    ctx.uc.uc_stack.ss_sp = stack;
    ctx.uc.uc_stack.ss_size = size;
    ctx.uc.uc_link = nullptr;
    makecontext(&ctx.uc, entry, 0);
}

}  // namespace cuemu

#endif
