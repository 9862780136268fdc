"""CUB's warp-wide reduction (`cub::WarpReduce`) on the OpenCL and CPU targets: libclang cursors -> existing IR.

    using WarpReduce = cub::WarpReduce<T[, W]>;                  W: the logical warp's lanes, 32 by default
    __shared__ typename WarpReduce::TempStorage temp[warps];     kept, unused: CUB's shuffle algorithm needs none
    WarpReduce(temp[w]).Sum(v[, valid])                          a call of the module's reduction of (op, T, W),
    WarpReduce(temp[w]).Reduce(v, op[, valid])                   made on first use: T r(T v, int valid)

The function computes what CUB's WarpReduceShfl computes, step for step (frontend/cub_ops.py), over the logical
warp of W lanes the caller is in: the threads whose linear ids share id / W, W a power of two up to 32. Its first
`valid` lanes (all W without it) take part; lane 0 of each logical warp returns the reduction, as CUB documents.
The other lanes return the partial value of CUB's generic steps. CUB leaves those undefined, and for int and
unsigned cub::Sum, Min and Max over all lanes CUB 2 on sm_80 and later gives every lane the result instead
(`__reduce_add_sync`): a program that reads another lane's value reads something CUB does not promise.
runtime_shims/emulate/include/cub/cub.cuh is the reference's copy of the same steps.

The operators are CUB's (cub::Sum, Max, Min) or a program's functor without data or device function, as for
cub::BlockReduce.
Refused (L003): a logical warp that is not a power of two (CUB's WarpReduceSmem, another order of operations), the
segmented reductions (HeadSegmentedSum...), an element type that is not a scalar, a lambda or a functor with data
as the operator, and an array of inputs per thread.
"""

from __future__ import annotations

import dataclasses

from translator.frontend import cooperative_groups
from translator.frontend.clang_ops import template_args
from translator.frontend.cub_ops import (I32, U32, UNSUPPORTED, Builder, is_object, reduction_call, specialization,
                                         warp_steps)
from translator.ir import nodes as N
from translator.ir.builtins import WARP_LANES
from translator.ir.types import Array, Scalar

_COLLECTIVE = "WarpReduce"
_STORAGE = Array(Scalar("u8"), 1)      # CUB's TempStorage for the shuffle algorithm: one unused byte


@dataclasses.dataclass(frozen=True)
class Collective:
    """One `cub::WarpReduce<T, W>`."""
    elem: Scalar
    width: int
    spelling: str = ""       # T as C++ spells it (canonical)

    @property
    def lanes(self) -> int:
        return self.width

    @property
    def tag(self) -> str:
        return str(self.width)


def collective_of(spec, lower_type, fail) -> Collective:
    """The Collective of `cub::WarpReduce<...>` type `spec`; `fail(code, message)` reports one the translation
    cannot reproduce."""
    args = template_args(spec.spelling)
    width = int(args[1].rstrip("uUlL")) if len(args) > 1 else WARP_LANES
    if not 0 < width <= WARP_LANES or width & (width - 1):
        fail(UNSUPPORTED, f"'{spec.spelling}': a logical warp of {width} threads is reduced by CUB's WarpReduceSmem "
                          f"(another order of operations), which is not translated; use a power of two up to 32")
    elem = lower_type(spec.get_template_argument_type(0))
    if not isinstance(elem, Scalar):
        fail(UNSUPPORTED, f"'{spec.spelling}': cub::WarpReduce is translated for scalar element types only")
    return Collective(elem, width, spec.get_template_argument_type(0).get_canonical().spelling)


def storage_type(ctype) -> Array | None:
    """`WarpReduce<T, W>::TempStorage` -> one unused byte (CUB's shuffles need no memory); None for another type."""
    spec, storage = specialization(ctype, _COLLECTIVE)
    return _STORAGE if spec is not None and storage else None


def is_collective_type(ctype) -> bool:
    return is_object(ctype, _COLLECTIVE)


def call(fl, c) -> N.Expr | None:
    """`WarpReduce(temp).Sum(v)` and the like -> a call of the module's reduction; None for any other call. The
    storage is not read: the object expression has no effect but naming it."""
    return reduction_call(fl, c, _COLLECTIVE, collective_of, _reduce_function)


def _reduce_function(name: str, combine, collective: Collective, b: Builder) -> N.Function:
    """T name(T v, int valid): lane = linear id % W; CUB's steps over the lanes of the caller's logical warp."""
    ty, loc = collective.elem, b.loc
    lane, mask = cooperative_groups.tile_rank_and_mask(collective.width, loc)   # a logical warp is an aligned tile
    v = b.var("v", ty)
    body = [b.decl("lane", I32, N.Cast(lane, False, I32, loc=loc)), b.decl("mask", U32, mask)]
    body += warp_steps(b, v, combine, b.var("lane"), b.var("valid"), collective.width, b.var("mask", U32))
    body.append(N.Return(v, loc=loc))
    params = [N.Param("v", ty, loc=loc), N.Param("valid", I32, loc=loc)]
    return N.Function(name, "device", ty, params, N.Block(body, loc=loc), loc=loc)
