// The launcher: one fiber per CUDA thread, blocks run one after another on the calling OS thread.
//
// A fiber runs threads of the block one after another until one of them waits (barrier, warp
// operation); the scheduler then starts another fiber for the next threads. A kernel without barriers
// therefore runs a whole block on one fiber, and a barrier kernel gets one fiber per thread. Fibers and
// their stacks are kept for the next block and the next launch.
#pragma once

#include <sys/mman.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "context.h"
#include "errors.h"
#include "vector_types.h"

#ifndef CUEMU_STACK_KIB
#define CUEMU_STACK_KIB 256
#endif
#ifndef CUEMU_DYNAMIC_SHARED_BYTES
#define CUEMU_DYNAMIC_SHARED_BYTES (227u * 1024u)
#endif
// Exit status of a program stopped by the emulator (deadlock, divergent barrier, bad launch from a kernel).
#define CUEMU_FATAL_EXIT 3
// Lanes per warp: 32 as on NVIDIA GPUs, or 64 to run code at the wavefront width of AMD's CDNA GPUs.
// Lane masks are as wide as the warp.
#ifndef CUEMU_WARP_SIZE
#define CUEMU_WARP_SIZE 32
#endif
#if CUEMU_WARP_SIZE == 32
typedef unsigned int cuemu_lanemask_t;
#elif CUEMU_WARP_SIZE == 64
typedef unsigned long long cuemu_lanemask_t;
#else
#error "CUEMU_WARP_SIZE must be 32 or 64"
#endif

typedef struct CUstream_st *cudaStream_t;

inline thread_local uint3 threadIdx;
inline thread_local uint3 blockIdx;
inline thread_local dim3 blockDim;
inline thread_local dim3 gridDim;
constexpr int warpSize = CUEMU_WARP_SIZE;

namespace cuemu {

constexpr unsigned warp_lanes = CUEMU_WARP_SIZE;
using lanemask = cuemu_lanemask_t;
constexpr lanemask all_lanes = ~lanemask(0);

inline constexpr lanemask lane_bit(unsigned lane) { return lanemask(1) << lane; }
inline constexpr bool has_lane(lanemask mask, unsigned lane) { return ((mask >> lane) & 1u) != 0; }
inline constexpr unsigned first_lane(lanemask mask) { return static_cast<unsigned>(__builtin_ctzll(mask)); }
// A mask as printed in messages: 0x%0*llx with the warp's width in hex digits.
#define CUEMU_MASK_FMT "0x%0*llx"
#define CUEMU_MASK_ARG(mask) static_cast<int>(::cuemu::warp_lanes / 4), static_cast<unsigned long long>(mask)

[[noreturn]] inline void fatal(const char *fmt, ...)
{
    std::fflush(nullptr);
    std::va_list args;
    va_start(args, fmt);
    std::fputs("cuemu: error: ", stderr);
    std::vfprintf(stderr, fmt, args);
    std::fputc('\n', stderr);
    va_end(args);
    std::fflush(stderr);
    std::_Exit(CUEMU_FATAL_EXIT);
}

enum class State : unsigned char { unstarted, running, at_barrier, at_warp, ready, done };

// Sixteen bytes of rendezvous input or output: enough for every type a warp operation moves.
struct Slot {
    alignas(16) unsigned char bytes[16];
};

template <class T>
Slot to_slot(const T &value)
{
    static_assert(sizeof(T) <= sizeof(Slot), "value too large for a warp operation");
    Slot slot{};
    std::memcpy(slot.bytes, &value, sizeof(T));
    return slot;
}

template <class T>
T from_slot(const Slot &slot)
{
    T value;
    std::memcpy(&value, slot.bytes, sizeof(T));
    return value;
}

struct EmuThread {
    uint3 idx;
    State state;
    int fiber;
    int arg;
    int width;
    Slot value;
    Slot result;
};

struct WarpGroup {
    lanemask mask;
    lanemask arrived;
    int kind;
};

struct Warp {
    lanemask live;
    std::vector<WarpGroup> pending;
};

struct Barrier {
    unsigned arrived;
    unsigned count;
    const char *file;
    int line;
};

struct Fiber {
    Context ctx;
    void *stack;
};

struct Kernel {
    const char *name;
    void (*invoke)(void *);
    void *data;
};

using WarpCompute = void (*)(EmuThread *lanes, lanemask arrived);

struct WarpOpInfo {
    const char *name;
    WarpCompute compute;
};

inline const WarpOpInfo &warp_op(int kind);

inline std::size_t stack_bytes()
{
    static const std::size_t bytes = [] {
        const char *env = std::getenv("CUEMU_STACK_KIB");
        long kib = env ? std::atol(env) : CUEMU_STACK_KIB;
        return std::size_t(kib < 16 ? 16 : kib) * 1024;
    }();
    return bytes;
}

// The lowest page of each stack is a guard page, so an overflow faults instead of corrupting memory.
inline void *allocate_stack(std::size_t bytes)
{
    const std::size_t guard = 4096;
    void *base = mmap(nullptr, bytes + guard, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                      -1, 0);
    if (base == MAP_FAILED) {
        fatal("cannot allocate a %zu-byte fiber stack", bytes);
    }
    mprotect(base, guard, PROT_NONE);
    return static_cast<unsigned char *>(base) + guard;
}

class Scheduler {
public:
    void run_grid(const Kernel &kernel, dim3 grid, dim3 block);
    int block_barrier(const char *file, int line, int predicate, unsigned *arrived);
    Slot warp_rendezvous(int kind, lanemask mask, const Slot &value, int arg, int width);
    lanemask live_lanes() const { return warps_[current_ / warp_lanes].live; }
    unsigned current_lane() const { return static_cast<unsigned>(current_) % warp_lanes; }
    bool in_kernel() const { return kernel_ != nullptr; }
    void fiber_loop();

private:
    void setup_block(uint3 block);
    void run_block();
    void run_thread(int t);
    void enter(int t);
    void resume(int t);
    void start_fiber();
    void wait(State state);
    void thread_exit(int t);
    void release_barrier();
    void complete_group(unsigned warp, std::size_t index);
    void try_complete_groups(unsigned warp);
    WarpGroup &find_group(Warp &warp, lanemask mask, int kind);
    [[noreturn]] void deadlock() const;
    [[noreturn]] void divergent_barrier(const char *file, int line) const;

    const Kernel *kernel_ = nullptr;
    Context main_ctx_;
    std::deque<Fiber> fibers_;
    std::vector<int> idle_fibers_;
    int running_fiber_ = -1;
    std::vector<EmuThread> threads_;
    std::vector<Warp> warps_;
    std::deque<int> ready_;
    unsigned next_unstarted_ = 0;
    unsigned live_ = 0;
    int current_ = -1;
    Barrier barrier_{};
};

inline thread_local Scheduler scheduler;

[[noreturn]] inline void fiber_main()
{
    scheduler.fiber_loop();
    std::abort();
}

inline void Scheduler::run_grid(const Kernel &kernel, dim3 grid, dim3 block)
{
    kernel_ = &kernel;
    gridDim = grid;
    blockDim = block;
    for (unsigned z = 0; z < grid.z; ++z) {
        for (unsigned y = 0; y < grid.y; ++y) {
            for (unsigned x = 0; x < grid.x; ++x) {
                setup_block(uint3{x, y, z});
                run_block();
            }
        }
    }
    kernel_ = nullptr;
    current_ = -1;
}

inline void Scheduler::setup_block(uint3 block)
{
    blockIdx = block;
    const unsigned n = blockDim.x * blockDim.y * blockDim.z;
    threads_.assign(n, EmuThread{});
    for (unsigned t = 0; t < n; ++t) {
        threads_[t].idx = uint3{t % blockDim.x, (t / blockDim.x) % blockDim.y, t / (blockDim.x * blockDim.y)};
        threads_[t].state = State::unstarted;
        threads_[t].fiber = -1;
    }
    warps_.assign((n + warp_lanes - 1) / warp_lanes, Warp{all_lanes, {}});
    if (n % warp_lanes) {
        warps_.back().live = lane_bit(n % warp_lanes) - 1;
    }
    next_unstarted_ = 0;
    live_ = n;
    barrier_ = Barrier{};
    ready_.clear();
}

inline void Scheduler::run_block()
{
    for (;;) {
        if (!ready_.empty()) {
            int t = ready_.front();
            ready_.pop_front();
            resume(t);
        } else if (next_unstarted_ < threads_.size()) {
            start_fiber();
        } else if (live_ == 0) {
            return;
        } else {
            deadlock();
        }
    }
}

inline void Scheduler::fiber_loop()
{
    for (;;) {
        while (next_unstarted_ < threads_.size()) {
            run_thread(static_cast<int>(next_unstarted_++));
        }
        idle_fibers_.push_back(running_fiber_);
        context_switch(fibers_[running_fiber_].ctx, main_ctx_);
    }
}

inline void Scheduler::run_thread(int t)
{
    threads_[t].fiber = running_fiber_;
    threads_[t].state = State::running;
    enter(t);
    kernel_->invoke(kernel_->data);
    thread_exit(t);
}

inline void Scheduler::enter(int t)
{
    current_ = t;
    threadIdx = threads_[t].idx;
}

inline void Scheduler::resume(int t)
{
    threads_[t].state = State::running;
    running_fiber_ = threads_[t].fiber;
    enter(t);
    context_switch(main_ctx_, fibers_[running_fiber_].ctx);
}

inline void Scheduler::start_fiber()
{
    if (idle_fibers_.empty()) {
        Fiber &fiber = fibers_.emplace_back();
        fiber.stack = allocate_stack(stack_bytes());
        context_init(fiber.ctx, fiber.stack, stack_bytes(), fiber_main);
        idle_fibers_.push_back(static_cast<int>(fibers_.size() - 1));
    }
    running_fiber_ = idle_fibers_.back();
    idle_fibers_.pop_back();
    context_switch(main_ctx_, fibers_[running_fiber_].ctx);
}

inline void Scheduler::wait(State state)
{
    threads_[current_].state = state;
    context_switch(fibers_[running_fiber_].ctx, main_ctx_);
}

inline void Scheduler::thread_exit(int t)
{
    threads_[t].state = State::done;
    --live_;
    warps_[t / warp_lanes].live &= ~lane_bit(t % warp_lanes);
    if (barrier_.arrived != 0 && barrier_.arrived == live_) {
        release_barrier();
    }
    try_complete_groups(t / warp_lanes);
}

inline int Scheduler::block_barrier(const char *file, int line, int predicate, unsigned *arrived)
{
    if (barrier_.arrived == 0) {
        barrier_.file = file;
        barrier_.line = line;
    } else if (barrier_.line != line || std::strcmp(barrier_.file, file) != 0) {
        divergent_barrier(file, line);
    }
    ++barrier_.arrived;
    barrier_.count += predicate != 0;
    if (barrier_.arrived == live_) {
        release_barrier();
    } else {
        wait(State::at_barrier);
    }
    const EmuThread &me = threads_[current_];
    *arrived = from_slot<unsigned>(me.value);
    return from_slot<int>(me.result);
}

// Every thread at the barrier gets the predicate count in `result` and the number of participants in
// `value`; the waiting ones become ready in thread order.
inline void Scheduler::release_barrier()
{
    for (std::size_t t = 0; t < threads_.size(); ++t) {
        EmuThread &thread = threads_[t];
        if (thread.state == State::at_barrier || (static_cast<int>(t) == current_ && thread.state == State::running)) {
            thread.result = to_slot(static_cast<int>(barrier_.count));
            thread.value = to_slot(barrier_.arrived);
        }
        if (thread.state == State::at_barrier) {
            thread.state = State::ready;
            ready_.push_back(static_cast<int>(t));
        }
    }
    barrier_ = Barrier{};
}

inline WarpGroup &Scheduler::find_group(Warp &warp, lanemask mask, int kind)
{
    for (WarpGroup &group : warp.pending) {
        if (group.mask == mask) {
            if (group.kind != kind) {
                fatal("kernel '%s', block (%u,%u,%u), thread (%u,%u,%u): %s with mask " CUEMU_MASK_FMT " meets %s with the same mask"
                      " (divergent warp operations)",
                      kernel_->name, blockIdx.x, blockIdx.y, blockIdx.z, threadIdx.x, threadIdx.y, threadIdx.z,
                      warp_op(kind).name, CUEMU_MASK_ARG(mask), warp_op(group.kind).name);
            }
            return group;
        }
    }
    return warp.pending.emplace_back(WarpGroup{mask, 0, kind});
}

inline Slot Scheduler::warp_rendezvous(int kind, lanemask mask, const Slot &value, int arg, int width)
{
    const unsigned warp_id = current_ / warp_lanes;
    const unsigned lane = current_lane();
    if (!has_lane(mask, lane)) {
        fatal("kernel '%s', block (%u,%u,%u), thread (%u,%u,%u): %s called with mask " CUEMU_MASK_FMT
              ", which excludes lane %u",
              kernel_->name, blockIdx.x, blockIdx.y, blockIdx.z, threadIdx.x, threadIdx.y, threadIdx.z,
              warp_op(kind).name, CUEMU_MASK_ARG(mask), lane);
    }
    EmuThread &me = threads_[current_];
    me.value = value;
    me.arg = arg;
    me.width = width;
    Warp &warp = warps_[warp_id];
    WarpGroup &group = find_group(warp, mask, kind);
    group.arrived |= lane_bit(lane);
    if (group.arrived == (group.mask & warp.live)) {
        complete_group(warp_id, static_cast<std::size_t>(&group - warp.pending.data()));
    } else {
        wait(State::at_warp);
    }
    return me.result;
}

// Called when a lane exits: groups that waited only for it can complete now.
inline void Scheduler::try_complete_groups(unsigned warp_id)
{
    Warp &warp = warps_[warp_id];
    for (std::size_t i = 0; i < warp.pending.size();) {
        const WarpGroup &group = warp.pending[i];
        if (group.arrived == (group.mask & warp.live)) {
            complete_group(warp_id, i);
        } else {
            ++i;
        }
    }
}

inline void Scheduler::complete_group(unsigned warp_id, std::size_t index)
{
    Warp &warp = warps_[warp_id];
    const WarpGroup group = warp.pending[index];
    warp.pending.erase(warp.pending.begin() + static_cast<std::ptrdiff_t>(index));
    EmuThread *lanes = &threads_[warp_id * warp_lanes];
    warp_op(group.kind).compute(lanes, group.arrived);
    for (unsigned lane = 0; lane < warp_lanes; ++lane) {
        EmuThread &thread = lanes[lane];
        if (has_lane(group.arrived, lane) && thread.state == State::at_warp) {
            thread.state = State::ready;
            ready_.push_back(static_cast<int>(warp_id * warp_lanes + lane));
        }
    }
}

inline void Scheduler::deadlock() const
{
    unsigned at_barrier = 0, at_warp = 0, exited = 0;
    int first_warp_waiter = -1;
    for (std::size_t t = 0; t < threads_.size(); ++t) {
        at_barrier += threads_[t].state == State::at_barrier;
        exited += threads_[t].state == State::done;
        if (threads_[t].state == State::at_warp) {
            first_warp_waiter = first_warp_waiter < 0 ? static_cast<int>(t) : first_warp_waiter;
            ++at_warp;
        }
    }
    lanemask mask = 0;
    int kind = 0;
    if (first_warp_waiter >= 0) {
        for (const WarpGroup &group : warps_[first_warp_waiter / warp_lanes].pending) {
            if (has_lane(group.arrived, first_warp_waiter % warp_lanes)) {
                mask = group.mask;
                kind = group.kind;
            }
        }
    }
    fatal("deadlock in kernel '%s', block (%u,%u,%u) of %zu threads: %u wait at __syncthreads() (%s:%d), "
          "%u wait in warp operations (first: thread %d in %s with mask " CUEMU_MASK_FMT "), %u have exited",
          kernel_->name, blockIdx.x, blockIdx.y, blockIdx.z, threads_.size(), at_barrier,
          barrier_.file ? barrier_.file : "-", barrier_.line, at_warp, first_warp_waiter,
          first_warp_waiter >= 0 ? warp_op(kind).name : "-", CUEMU_MASK_ARG(mask), exited);
}

inline void Scheduler::divergent_barrier(const char *file, int line) const
{
    fatal("divergent __syncthreads() in kernel '%s', block (%u,%u,%u): thread (%u,%u,%u) waits at %s:%d while %u "
          "other threads wait at %s:%d",
          kernel_->name, blockIdx.x, blockIdx.y, blockIdx.z, threadIdx.x, threadIdx.y, threadIdx.z, file, line,
          barrier_.arrived, barrier_.file, barrier_.line);
}

// ---- launch ----

struct config {
    dim3 grid;
    dim3 block;
    std::size_t shmem;
    cudaStream_t stream;
    config(dim3 g, dim3 b, std::size_t sh = 0, cudaStream_t s = nullptr) : grid(g), block(b), shmem(sh), stream(s) {}
};

inline cudaError_t check_config(const config &cfg)
{
    const unsigned long long threads = 1ull * cfg.block.x * cfg.block.y * cfg.block.z;
    const bool bad_block = threads == 0 || threads > 1024 || cfg.block.x > 1024 || cfg.block.y > 1024 || cfg.block.z > 64;
    const bool bad_grid = cfg.grid.x == 0 || cfg.grid.y == 0 || cfg.grid.z == 0 || cfg.grid.x > 0x7fffffffu ||
                          cfg.grid.y > 65535 || cfg.grid.z > 65535;
    if (bad_block || bad_grid) {
        return cudaErrorInvalidConfiguration;
    }
    return cfg.shmem > CUEMU_DYNAMIC_SHARED_BYTES ? cudaErrorInvalidValue : cudaSuccess;
}

// The launch's dynamic shared memory (`extern __shared__`): one buffer per OS thread, which every
// extern __shared__ array views, whatever its element type (in CUDA they all alias).
inline unsigned char *dynamic_shared_base()
{
    thread_local unsigned char *base =
        static_cast<unsigned char *>(std::aligned_alloc(256, CUEMU_DYNAMIC_SHARED_BYTES));
    return base;
}

struct DynamicShared {
    template <class T>
    operator T *() const
    {
        return reinterpret_cast<T *>(dynamic_shared_base());
    }
};

inline DynamicShared dynamic_shared() { return DynamicShared{}; }

// A launch argument that is a null pointer constant alone (`0`, `NULL`): translator/verify/reference.py passes
// it as zero_literal(), which, like the literal, converts to a pointer as well as to a number. Copied into
// the launch's tuple as an int or a long, it would no longer convert to a pointer.
struct zero_literal {
    template <class T, class = decltype(static_cast<T>(0))>
    constexpr operator T() const { return static_cast<T>(0); }
};

inline int plain_argument(zero_literal) { return 0; }
template <class A>
A &plain_argument(A &a) { return a; }

// Calls the kernel with the launch's arguments as they are, or, where a zero_literal cannot be passed so (a
// parameter whose template argument the literal deduces, which CUDA deduces as int), with int 0 instead.
template <class Call, class... A>
void call_kernel(Call &&call, A &...args)
{
    if constexpr (std::is_invocable_v<Call &, A &...>) {
        call(args...);
    } else {
        call(plain_argument(args)...);
    }
}

// kernel<<<cfg>>>(args) arrives here as launch("kernel", body, cfg, args): the arguments are evaluated
// and copied once, and every CUDA thread calls body(copies...), which calls the kernel.
template <class Body, class... Args>
void launch(const char *name, Body &&body, const config &cfg, Args &&...args)
{
    if (scheduler.in_kernel()) {
        fatal("kernel '%s' launched from device code: dynamic parallelism is not emulated", name);
    }
    if (fail(check_config(cfg)) != cudaSuccess) {
        return;
    }
    std::tuple<std::decay_t<Args>...> params(std::forward<Args>(args)...);
    auto invoke = [&] { std::apply(body, params); };
    Kernel kernel{name, [](void *data) { (*static_cast<decltype(invoke) *>(data))(); }, &invoke};
    scheduler.run_grid(kernel, cfg.grid, cfg.block);
}

}  // namespace cuemu
