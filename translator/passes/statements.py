"""Helpers for passes that rewrite one statement into a list of statements (the warp-op and matrix-op passes)."""

from __future__ import annotations

from translator.ir import nodes as N
from translator.ir.types import BOOL


def as_list(s) -> list:
    """The statements of a block, or the one statement a loop body or branch is."""
    return s.stmts if isinstance(s, N.Block) else [s]


def rewrite_all(stmts: list, rewrite) -> list:
    """The concatenation of `rewrite(s)` (a list) over `stmts`."""
    return [out for s in stmts for out in rewrite(s)]


def rewrite_nested(s, rewrite):
    """A nested statement (a loop body, a branch; None stays None) rewritten into a list by `rewrite`,
    back as one statement: the statement itself when it stayed alone and is no declaration, else a block."""
    if s is None:
        return None
    stmts = rewrite(s)
    return stmts[0] if len(stmts) == 1 and not isinstance(stmts[0], N.VarDecl) else N.Block(stmts, loc=s.loc)


def early_exit_as_if(stmts: list, needs) -> list:
    """`if (c) return; rest...` at a kernel's outermost level, where `needs(statement)` holds for some
    statement of the rest (it holds a construct that every thread must reach) -> `if (!(c)) { rest... }`:
    the same threads run the rest, and where c is the same for every thread of a block the new 'if'
    is one every thread takes alike."""
    for i, s in enumerate(stmts):
        exits = isinstance(s, N.If) and s.orelse is None and (
            isinstance(s.then, N.Return) or (isinstance(s.then, N.Block) and len(s.then.stmts) == 1
                                             and isinstance(s.then.stmts[0], N.Return)))
        rest = stmts[i + 1:]
        if exits and any(needs(r) for r in rest):
            cond = N.UnOp("!", s.cond, BOOL, loc=s.loc)
            return stmts[:i] + [N.If(cond, N.Block(early_exit_as_if(rest, needs), loc=s.loc), None, loc=s.loc)]
    return stmts


_LOOPS = (N.For, N.While, N.DoWhile)


def loop_escapes(node, in_switch: bool = False):
    """`break`/`continue` statements in `node` that leave the loop `node` is the body of."""
    if isinstance(node, N.Continue) or (isinstance(node, N.Break) and not in_switch):
        yield node
    if isinstance(node, _LOOPS) or not isinstance(node, N.Stmt):
        return
    for child in node:
        yield from loop_escapes(child, in_switch or isinstance(node, N.Switch))
