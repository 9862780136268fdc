"""Floating-point contraction as nvcc performs it by default (`-fmad=true`): `a * b + c` becomes `fma(a, b, c)`.

nvcc contracts a float or double product into the addition or subtraction that uses it, one rounding
instead of two. What it contracts was read off the machine code nvcc 13.0 makes for sm_90 (cuobjdump
-sass) and checked on an H100 (docs/verify.md, "Against real CUDA"):

    a * b + c, c + a * b        ->  fma(a, b, c)
    a * b - c                   ->  fma(a, b, -c)
    c - a * b, -(a * b) + c     ->  fma(-a, b, c)
    a * b + c * d               ->  fma(a, b, c * d)       the left product; the right one stays rounded
    (a * b) * e + c             ->  fma(a * b, e, c)
    s += a * b; s -= a * b      ->  s = fma(a, b, s); s = fma(-a, b, s)   (s evaluated once: no side effects)

Contraction stays within one expression here. nvcc also contracts a product kept in a variable into the
additions that use it when nothing else uses it; that is not done yet, and such a program's results
differ from real CUDA's in the last bits. Mixed types never contract (a float product added to a double),
nor do half-precision operations, nor the rounded-once intrinsics (`__fmul_rn`...), which are calls.
The emulation (runtime_shims/emulate) compiles device code with GCC's contraction, which follows the
same rule. `--fmad=false` (CompileOptions.fmad) turns this pass off, as nvcc's option does.

Requires: a lowered module. Guarantees: no `+`/`-` of F32 or F64 has a same-typed product operand
(outside a compound assignment to an expression with side effects).
"""

from __future__ import annotations

import copy

from translator.ir import nodes as N
from translator.ir.base import Node, walk
from translator.ir.types import F32, F64

FLOATS = (F32, F64)


def contract_fma(module: N.Module) -> N.Module:
    for g in module.globals:
        _rewrite(g)
    for f in module.functions:
        _rewrite(f)
    return module


def _rewrite(node: Node) -> Node:
    """Rewrite `node`'s children bottom-up, then `node` itself; returns what replaces it."""
    for name, kind in node._fields:
        value = getattr(node, name)
        if kind == "list":
            value[:] = [_rewrite(child) for child in value]
        elif kind == "child" and value is not None:
            setattr(node, name, _rewrite(value))
    if isinstance(node, N.BinOp):
        return _contract_binop(node)
    if isinstance(node, N.Assign):
        return _contract_update(node)
    return node


def _product(e) -> tuple | None:
    """(a, b) when `e` is `a * b` or `-(a * b)` (then (-a, b)) of a float type; else None."""
    negate = False
    if isinstance(e, N.UnOp) and e.op == "-":
        negate, e = True, e.operand
    if not (isinstance(e, N.BinOp) and e.op == "*" and e.type in FLOATS):
        return None
    a = N.UnOp("-", e.lhs, e.type, loc=e.loc) if negate else e.lhs
    return a, e.rhs


def _negated(e):
    return N.UnOp("-", e, e.type, loc=e.loc)


def _fma(a, b, c, like: N.Expr) -> N.MathCall:
    return N.MathCall("fma", "ieee", [a, b, c], like.type, loc=like.loc)


def _contract_binop(e: N.BinOp):
    if e.op not in ("+", "-") or e.type not in FLOATS:
        return e
    left, right = _product(e.lhs), _product(e.rhs)
    if left and e.lhs.type == e.type:
        return _fma(*left, e.rhs if e.op == "+" else _negated(e.rhs), e)
    if right and e.rhs.type == e.type:
        a, b = right
        return _fma(a if e.op == "+" else _negated(a), b, e.lhs, e)
    return e


def _contract_update(e: N.Assign):
    """`s += a * b` / `s -= a * b` of a float `s`, when `s` can be evaluated twice."""
    if e.op not in ("+=", "-=") or e.type not in FLOATS or e.value.type != e.type or not _pure(e.target):
        return e
    product = _product(e.value)
    if not product:
        return e
    a, b = product
    return N.Assign("=", e.target, _fma(a if e.op == "+=" else _negated(a), b, copy.deepcopy(e.target), e), e.type,
                    loc=e.loc)


def _pure(e) -> bool:
    """No call, assignment, increment or atomic anywhere in `e`: evaluating it twice changes nothing."""
    return not any(isinstance(n, (N.Call, N.Assign, N.Atomic, N.WarpOp)) or
                   (isinstance(n, N.UnOp) and n.op in ("++", "--", "post++", "post--")) for n in walk(e))
