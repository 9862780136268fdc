"""CUB's block-wide prefix sums of integers (`cub::BlockScan`) on the OpenCL and CPU targets: libclang cursors ->
existing IR.

    using BlockScan = cub::BlockScan<int, X[, ALGORITHM, Y, Z]>;
    __shared__ typename BlockScan::TempStorage temp;       a __shared__ array of T, one per thread and one more
    BlockScan(temp).ExclusiveSum(v, out[, aggregate])      aggregate = a call of the module's scan of
    BlockScan(temp).InclusiveSum(v, out[, aggregate])      (kind, T, X, Y, Z), made on first use:
                                                           T s(T v, T *temp, T *out)

Integer addition wraps modulo 2^n and is associative, so every order of the additions gives CUB's results, bit for
bit, whichever algorithm the template names: each thread stores its value at its row-major id (from the template's
dimensions), thread 0 adds them up in id order between two barriers, and each thread reads its prefix; the block's
total is the aggregate. Every thread of the block must make the call, as CUB requires, and, as in CUB, a barrier
must come before the storage is used again.

Refused (L003): a floating-point scan (its digits depend on the order of CUB's algorithm), an element type that is
not a scalar, the scans with an operator, an initial value or a prefix callback (ExclusiveScan, InclusiveScan),
arrays of items per thread, and the default constructor (CUB's private storage).
"""

from __future__ import annotations

import dataclasses

from translator.frontend.cub_ops import (I32, UNSUPPORTED, Builder, block_dims, collective_call, is_object,
                                         module_function, specialization, storage_expression)
from translator.frontend.clang_ops import strip_parens
from translator.ir import nodes as N
from translator.ir.types import BOOL, Array, Pointer, Scalar

_COLLECTIVE = "BlockScan"
_METHODS = {"ExclusiveSum": "exclusive", "InclusiveSum": "inclusive"}


@dataclasses.dataclass(frozen=True)
class Collective:
    """One `cub::BlockScan<T, X, ALGORITHM, Y, Z>`."""
    elem: Scalar
    dims: tuple

    @property
    def threads(self) -> int:
        return self.dims[0] * self.dims[1] * self.dims[2]


def collective_of(spec, lower_type, fail) -> Collective:
    dims = block_dims(spec, fail)
    elem = lower_type(spec.get_template_argument_type(0))
    if not isinstance(elem, Scalar) or elem.name[0] not in "iu":
        fail(UNSUPPORTED, f"'{spec.spelling}': cub::BlockScan is translated for integers only; a floating-point "
                          f"scan's digits depend on the order of CUB's algorithm, which is not reproduced")
    return Collective(elem, dims)


def storage_type(ctype, lower_type, fail) -> Array | None:
    """`BlockScan<T, ...>::TempStorage` -> T[threads + 1] (each thread's value, then the block's total)."""
    spec, storage = specialization(ctype, _COLLECTIVE)
    if spec is None or not storage:
        return None
    c = collective_of(spec, lower_type, fail)
    return Array(c.elem, c.threads + 1)


def is_collective_type(ctype) -> bool:
    return is_object(ctype, _COLLECTIVE)


def call(fl, c) -> N.Expr | None:
    """`BlockScan(temp).ExclusiveSum(v, out[, aggregate])` -> `[aggregate =] scan(v, temp, &out)`; None for any
    other call."""
    spec = collective_call(c, _COLLECTIVE)
    if spec is None:
        return None
    collective = collective_of(spec, lambda t: fl.type_of(c, t), lambda code, message: fl.fail(c, code, message))
    args = list(c.get_arguments())
    if c.spelling not in _METHODS or len(args) not in (2, 3):
        fl.fail(c, UNSUPPORTED, f"cub::BlockScan::{c.spelling} with {len(args)} arguments is not translated; "
                                f"ExclusiveSum and InclusiveSum of one item per thread are")
    if strip_parens(args[0]).type.get_canonical().kind.name == "CONSTANTARRAY":
        fl.fail(c, UNSUPPORTED, f"cub::BlockScan::{c.spelling} of an array of items per thread is not translated")
    loc, ty = fl.loc(c), collective.elem
    kind = _METHODS[c.spelling]
    x, y, z = collective.dims
    name = module_function(fl, f"cutrans_cub_block_scan_{kind}_sum_{ty.name}_{x}x{y}x{z}",
                           lambda n: _scan_function(n, kind, collective, Builder(loc)))
    out = fl.expr(args[1])
    scan = N.Call(name, [fl.expr(args[0], want=ty), fl.expr(storage_expression(fl, c, _COLLECTIVE)),
                         N.UnOp("&", out, Pointer(out.type, "generic"), loc=loc)], ty, loc=loc)
    if len(args) == 2:
        return scan
    aggregate = fl.expr(args[2])
    return N.Assign("=", aggregate, scan if aggregate.type == ty else N.Cast(scan, True, aggregate.type, loc=loc),
                    aggregate.type, loc=loc)


def _scan_function(name: str, kind: str, collective: Collective, b: Builder) -> N.Function:
    """T name(T v, T *temp, T *out): the module docstring's steps; returns the block's total."""
    ty, loc = collective.elem, b.loc
    tid = b.row_major_id(collective.dims)
    temp, out = b.var("temp", Pointer(ty, "shared")), b.var("out", Pointer(ty, "generic"))
    run, item, i = b.var("run", ty), b.var("item", ty), b.var("i")
    total = N.IntLit(collective.threads, I32, loc=loc)
    prefix = b.bin("+", run, item, ty) if kind == "inclusive" else run
    loop = N.For(b.decl("i", I32, b.lit(0)), b.bin("<", i, total, BOOL), N.UnOp("++", i, I32, loc=loc), N.Block([
        b.decl("item", ty, N.Index(temp, i, ty, loc=loc)),
        b.assign(N.Index(temp, i, ty, loc=loc), prefix),
        b.assign(run, b.bin("+", run, item, ty))], loc=loc), loc=loc)
    body = [b.decl("tid", I32, tid),
            b.assign(N.Index(temp, b.var("tid"), ty, loc=loc), b.var("v", ty)),
            N.Barrier("block", loc=loc),
            b.when(b.bin("==", b.var("tid"), b.lit(0), BOOL),
                   b.decl("run", ty, N.IntLit(0, ty, loc=loc)), loop,
                   b.assign(N.Index(temp, total, ty, loc=loc), run)),
            N.Barrier("block", loc=loc),
            b.assign(N.UnOp("*", out, ty, loc=loc), N.Index(temp, b.var("tid"), ty, loc=loc)),
            N.Return(N.Index(temp, total, ty, loc=loc), loc=loc)]
    params = [N.Param("v", ty, loc=loc), N.Param("temp", Pointer(ty, "shared"), loc=loc),
              N.Param("out", Pointer(ty, "generic"), loc=loc)]
    return N.Function(name, "device", ty, params, N.Block(body, loc=loc), loc=loc)
