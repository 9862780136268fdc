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

A product kept in a local variable contracts too, into every addition that uses the variable, when
nothing else uses it (nvcc's code contracts `t = a * b; x = t + c; y = t - d;` twice, and keeps `t = a * b;
o = t; x = t + c;` apart): the variable's uses become the product, which then contracts as above. This is
done only where it is safe to compute the product later: the variable is assigned once, by its
declaration, and each operand of the product is a literal or a variable that nothing assigns after its
declaration and whose address is not taken (no name in the function is declared twice). Otherwise the
variable stays, and the results differ from real CUDA's in the last bits. Not done: contraction across a
call of a device function that returns a product, and the effect of nvcc computing two equal products
once (a product whose twin is stored elsewhere is not contracted by nvcc, and is here).

Mixed types never contract (a float product added to a double), nor do half-precision operations, nor
calls such as `__fmaf_rn`. Initializers of device globals are left alone: the compiler folds those
constants with one rounding per operation. The emulation (runtime_shims/emulate) compiles device code
with GCC's contraction, which follows the same rule. `--fmad=false` (CompileOptions.fmad) turns this pass
off, as nvcc's option does.

Requires: a lowered module. Guarantees: no `+`/`-` of F32 or F64 has a same-typed product operand
(outside a compound assignment to an expression with side effects).
"""

from __future__ import annotations

import copy

from translator.ir import nodes as N
from translator.ir.base import Node, map_children, walk
from translator.ir.types import F32, F64

FLOATS = (F32, F64)


def contract_fma(module: N.Module) -> N.Module:
    for f in module.functions:
        _forward_products(f)
        _rewrite(f)
    return module


# -- products kept in variables ------------------------------------------------------------------------

def _forward_products(f: N.Function) -> None:
    """Replace each use of a local that holds a product, and is used only by additions, with the product."""
    declared, unstable = _declarations(f)
    candidates = {name: d for name, d in declared.items()
                  if name not in unstable and d.space == "private" and d.type in FLOATS and _product(d.init)
                  and _stable(d.init, unstable)}
    if not candidates:
        return
    uses: dict[str, int] = {}
    by_addition: dict[str, int] = {}
    for n in walk(f.body):
        if isinstance(n, N.VarRef) and n.name in candidates:
            uses[n.name] = uses.get(n.name, 0) + 1
        for operand in _addition_operands(n):
            if isinstance(operand, N.VarRef) and operand.name in candidates and operand.type == n.type:
                by_addition[operand.name] = by_addition.get(operand.name, 0) + 1
    forwarded = {name: candidates[name].init for name, count in uses.items() if by_addition.get(name) == count}
    if forwarded:
        _substitute(f.body, forwarded)
        _drop_declarations(f.body, set(forwarded))


def _declarations(f: N.Function) -> tuple[dict[str, N.VarDecl], set[str]]:
    """The function's local declarations by name, and the names that are not safe to read later: assigned
    after their declaration, address taken, or declared more than once (parameters count as declared)."""
    declared: dict[str, N.VarDecl] = {}
    unstable: set[str] = set()
    seen = {p.name for p in f.params}
    for n in walk(f.body):
        if isinstance(n, N.VarDecl):
            if n.name in seen:
                unstable.add(n.name)
            seen.add(n.name)
            declared[n.name] = n
        elif isinstance(n, N.Assign) and isinstance(n.target, N.VarRef):
            unstable.add(n.target.name)
        elif isinstance(n, N.UnOp) and n.op in ("++", "--", "post++", "post--", "&") and \
                isinstance(n.operand, N.VarRef):
            unstable.add(n.operand.name)
    return declared, unstable


def _stable(e, unstable: set[str]) -> bool:
    """A product whose operands are literals or variables that keep their values (looking through casts
    and negation): computing it later gives the same value."""
    if isinstance(e, N.Cast):
        return _stable(e.value, unstable)
    if isinstance(e, N.UnOp) and e.op == "-":
        return _stable(e.operand, unstable)
    if isinstance(e, N.BinOp) and e.op == "*":
        return _stable(e.lhs, unstable) and _stable(e.rhs, unstable)
    if isinstance(e, N.VarRef):
        return e.name not in unstable
    return isinstance(e, (N.IntLit, N.FloatLit))


def _addition_operands(n) -> tuple:
    if isinstance(n, N.BinOp) and n.op in ("+", "-"):
        return n.lhs, n.rhs
    if isinstance(n, N.Assign) and n.op in ("+=", "-="):
        return (n.value,)
    return ()


def _substitute(node: Node, forwarded: dict):
    """`node` with every reference to a forwarded variable replaced by a copy of its product."""
    if isinstance(node, N.VarRef) and node.name in forwarded:
        return copy.deepcopy(forwarded[node.name])
    map_children(node, lambda child: _substitute(child, forwarded))
    return node


def _drop_declarations(node: Node, names: set[str]) -> None:
    """Remove the now unused declarations (their initializers are products of stable operands: no effects)."""
    for n in walk(node):
        if isinstance(n, N.Block):
            n.stmts[:] = [s for s in n.stmts if not (isinstance(s, N.VarDecl) and s.name in names)]


# -- contraction within an expression --------------------------------------------------------------------


def _rewrite(node: Node) -> Node:
    """Rewrite `node`'s children bottom-up, then `node` itself; returns what replaces it."""
    map_children(node, _rewrite)
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
