"""CUB's block-wide reduction (`cub::BlockReduce`) on the OpenCL and CPU targets: libclang cursors -> existing IR.

    using BlockReduce = cub::BlockReduce<T, X[, ALGORITHM, Y, Z]>;
    __shared__ typename BlockReduce::TempStorage temp;     a __shared__ array of T, one per warp of the X*Y*Z threads
    BlockReduce(temp).Sum(v[, num_valid])                   a call of the module's reduction of (op, T, X, Y, Z),
    BlockReduce(temp).Reduce(v, cub::Max()[, num_valid])    made on first use: T r(T v, T *temp, int num_valid)
    BlockReduce reducer(temp);  reducer.Sum(v)              an object has no state: a use finds the storage in
                                                            the object's initializer

The function computes what CUB's default algorithm (BLOCK_REDUCE_WARP_REDUCTIONS) computes, step for step, so
floating-point results are CUDA's bit for bit (runtime_shims/emulate/include/cub/cub.cuh is the reference's
copy of the same steps):
  1. `tid` is the row-major thread id from the template's dimensions, lane = tid % 32, warp = tid / 32; a warp's
     valid lanes are those of the first `num_valid` threads (all X*Y*Z without it);
  2. for offset 1, 2, 4, 8, 16: o = shfl_down(v, offset); v = op(v, o) where lane + offset is a valid lane;
  3. lane 0 of each warp stores v in temp[warp]; a block barrier; thread 0 folds temp[1], temp[2]... into v in
     warp order, for each warp that has a valid lane.
Thread 0 returns the block's result; the others return the partial value CUB leaves them (CUB calls it
undefined). Every thread of the block must make the call, as CUB requires. The operators are cub::Sum (a + b),
cub::Max (a < b ? b : a) and cub::Min (b < a ? b : a), CUB's definitions, or a program's functor or device function:
a struct without data whose operator() (a member template too, as PyTorch's `Max` with `T &&` parameters) is
lowered as CUB calls it, `op(T &, T &)`, and called in each step (frontend/program_operators.py).

Refused (L003): the RAKING algorithms (another order of operations), fewer than 32 threads that are not a power
of two (CUB uses another warp algorithm), an element type that is not a scalar, a lambda or a functor with data
as the operator, an array of inputs per thread, and the default constructor (CUB's private storage).
"""

from __future__ import annotations

import dataclasses

import clang.cindex as ci

from translator.frontend.clang_ops import template_args
from translator.frontend.cub_ops import (I32, U32, UNSUPPORTED, Builder, block_dims, is_object, reduction_call,
                                         specialization, storage_expression, warp_steps)
from translator.ir import nodes as N
from translator.ir.builtins import WARP_LANES
from translator.ir.types import BOOL, Array, Pointer, Scalar

K = ci.CursorKind
_COLLECTIVE = "BlockReduce"
_DEFAULT_ALGORITHM = ("BLOCK_REDUCE_WARP_REDUCTIONS", "2")      # as clang spells the enumerator, or its value


@dataclasses.dataclass(frozen=True)
class Collective:
    """One `cub::BlockReduce<T, X, ALGORITHM, Y, Z>`."""
    elem: Scalar
    dims: tuple
    spelling: str = ""       # T as C++ spells it (canonical)

    @property
    def threads(self) -> int:
        return self.dims[0] * self.dims[1] * self.dims[2]

    @property
    def lanes(self) -> int:
        return self.threads

    @property
    def tag(self) -> str:
        return "x".join(map(str, self.dims))

    @property
    def warps(self) -> int:
        return (self.threads + WARP_LANES - 1) // WARP_LANES


def collective_of(ctype, lower_type, fail) -> Collective | None:
    """The Collective a `cub::BlockReduce<...>` type (or its TempStorage) is, or None for another type. `fail(code,
    message)` reports one the translation cannot reproduce."""
    spec, _ = specialization(ctype, _COLLECTIVE)
    if spec is None:
        return None
    dims = block_dims(spec, fail)
    args = template_args(spec.spelling)
    algorithm = args[2].rsplit("::", 1)[-1].strip("()") if len(args) > 2 else _DEFAULT_ALGORITHM[0]
    if not algorithm.endswith(_DEFAULT_ALGORITHM):
        fail(UNSUPPORTED, f"'{spec.spelling}': only cub::BLOCK_REDUCE_WARP_REDUCTIONS (the default) is translated; "
                          f"the RAKING algorithms combine the values in another order")
    elem = lower_type(spec.get_template_argument_type(0))
    if not isinstance(elem, Scalar):
        fail(UNSUPPORTED, f"'{spec.spelling}': cub::BlockReduce is translated for scalar element types only")
    threads = dims[0] * dims[1] * dims[2]
    if threads < WARP_LANES and threads & (threads - 1):
        fail(UNSUPPORTED, f"'{spec.spelling}': a block of {threads} threads (fewer than 32, not a power of two) is "
                          f"reduced by CUB with another warp algorithm, which is not translated")
    return Collective(elem, dims, spec.get_template_argument_type(0).get_canonical().spelling)


def storage_type(ctype, lower_type, fail) -> Array | None:
    """`BlockReduce<T, ...>::TempStorage` -> T[warps] (the warps' results); None for any other type."""
    spec, storage = specialization(ctype, _COLLECTIVE)
    if spec is None or not storage:
        return None
    c = collective_of(ctype, lower_type, fail)
    return Array(c.elem, c.warps)


def is_collective_type(ctype) -> bool:
    return is_object(ctype, _COLLECTIVE)


def call(fl, c) -> N.Expr | None:
    """`BlockReduce(temp).Sum(v)` and the like -> a call of the module's reduction; None for any other call."""
    return reduction_call(fl, c, _COLLECTIVE, collective_of, _reduce_function,
                          lambda: [fl.expr(storage_expression(fl, c, _COLLECTIVE))])


def _reduce_function(name: str, combine, collective: Collective, b: Builder) -> N.Function:
    """T name(T v, T *temp, int num_valid): the steps of the module docstring."""
    ty, loc = collective.elem, b.loc
    tid = b.row_major_id(collective.dims)
    v, temp, valid = b.var("v", ty), b.var("temp", Pointer(ty, "shared")), b.var("num_valid")
    lane, warp, rest = b.var("lane"), b.var("warp"), b.var("rest")
    body = [b.decl("tid", I32, tid),
            b.decl("lane", I32, b.bin("%", b.var("tid"), b.lit(WARP_LANES))),
            b.decl("warp", I32, b.bin("/", b.var("tid"), b.lit(WARP_LANES))),
            b.decl("rest", I32, b.bin("-", valid, b.bin("*", warp, b.lit(WARP_LANES)))),
            b.decl("warp_valid", I32, N.Conditional(b.bin("<", rest, b.lit(WARP_LANES), BOOL), rest,
                                                    b.lit(WARP_LANES), I32, loc=loc))]
    body += warp_steps(b, v, combine, lane, b.var("warp_valid"), WARP_LANES, b.lit(0xFFFFFFFF, U32))
    body += [b.when(b.bin("==", lane, b.lit(0), BOOL), b.assign(N.Index(temp, warp, ty, loc=loc), v)),
             N.Barrier("block", loc=loc)]
    folds = [b.when(b.bin("<", b.lit(w * WARP_LANES), valid, BOOL),
                    b.decl(f"addend{w}", ty, N.Index(temp, b.lit(w), ty, loc=loc)),
                    b.assign(v, combine(v, b.var(f"addend{w}", ty), ty, loc)))
             for w in range(1, collective.warps)]
    if folds:
        body.append(b.when(b.bin("==", b.var("tid"), b.lit(0), BOOL), *folds))
    body.append(N.Return(v, loc=loc))
    params = [N.Param("v", ty, loc=loc), N.Param("temp", Pointer(ty, "shared"), loc=loc),
              N.Param("num_valid", I32, loc=loc)]
    return N.Function(name, "device", ty, params, N.Block(body, loc=loc), loc=loc)
