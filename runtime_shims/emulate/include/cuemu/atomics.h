// Atomic functions. Fibers switch only at barriers and warp operations, so a plain read-modify-write
// is atomic here. The value operand takes the pointee's type, as in CUDA (atomicAdd(&f, 1) adds 1.0f).
#pragma once

namespace cuemu {

template <class T>
struct identity {
    using type = T;
};
template <class T>
using same_t = typename identity<T>::type;

template <class T, class Update>
T read_modify_write(T *address, Update update)
{
    const T old = *address;
    *address = update(old);
    return old;
}

}  // namespace cuemu

#define CUEMU_ATOMIC(name, expr)                                                              \
    template <class T>                                                                        \
    T name(T *address, cuemu::same_t<T> val)                                                  \
    {                                                                                         \
        return cuemu::read_modify_write(address, [val](T old) -> T { return (expr); });      \
    }                                                                                         \
    template <class T>                                                                        \
    T name##_block(T *address, cuemu::same_t<T> val) { return name(address, val); }           \
    template <class T>                                                                        \
    T name##_system(T *address, cuemu::same_t<T> val) { return name(address, val); }

CUEMU_ATOMIC(atomicAdd, old + val)
CUEMU_ATOMIC(atomicSub, old - val)
CUEMU_ATOMIC(atomicExch, val)
CUEMU_ATOMIC(atomicMin, val < old ? val : old)
CUEMU_ATOMIC(atomicMax, val > old ? val : old)
CUEMU_ATOMIC(atomicAnd, old & val)
CUEMU_ATOMIC(atomicOr, old | val)
CUEMU_ATOMIC(atomicXor, old ^ val)
CUEMU_ATOMIC(atomicInc, old >= val ? 0 : old + 1)
CUEMU_ATOMIC(atomicDec, (old == 0 || old > val) ? val : old - 1)

#undef CUEMU_ATOMIC

template <class T>
T atomicCAS(T *address, cuemu::same_t<T> compare, cuemu::same_t<T> val)
{
    return cuemu::read_modify_write(address, [compare, val](T old) -> T { return old == compare ? val : old; });
}

template <class T>
T atomicCAS_block(T *address, cuemu::same_t<T> compare, cuemu::same_t<T> val) { return atomicCAS(address, compare, val); }

template <class T>
T atomicCAS_system(T *address, cuemu::same_t<T> compare, cuemu::same_t<T> val) { return atomicCAS(address, compare, val); }
