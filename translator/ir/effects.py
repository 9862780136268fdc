"""Side effects in the IR: what a pass must not evaluate twice, or in fewer threads than the program does;
and which expressions name storage (whose address may be taken)."""

from __future__ import annotations

from translator.ir import nodes as N
from translator.ir.base import walk

STEPS = ("++", "--", "post++", "post--")          # the unary operators that write their operand
# Nodes that write memory or a variable, or may (a call; every matrix op but to_tf32 writes a fragment or
# memory, and to_tf32 is excluded where that matters by the caller's own test).
_WRITERS = (N.Assign, N.Call, N.Atomic, N.WarpOp, N.Printf, N.MatrixOp)


def is_effect(n) -> bool:
    """Does node `n` itself have a side effect?"""
    return isinstance(n, _WRITERS) or isinstance(n, N.UnOp) and n.op in STEPS


def has_effects(e) -> bool:
    """Does evaluating `e` have a side effect anywhere?"""
    return any(is_effect(n) for n in walk(e))


def is_lvalue(e) -> bool:
    """Does `e` name storage (a variable, element, member or dereference), so that `&e` is its address?"""
    return isinstance(e, (N.VarRef, N.Index, N.Member)) or (isinstance(e, N.UnOp) and e.op == "*")
