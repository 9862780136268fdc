"""Helpers for passes that rewrite one statement into a list of statements (the warp-op and matrix-op passes)."""

from __future__ import annotations

from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.types import BOOL


def as_list(s) -> list:
    """The statements of a block, or the one statement a loop body or branch is."""
    return s.stmts if isinstance(s, N.Block) else [s]


def has_barrier(node) -> bool:
    """Whether a block barrier is under `node` (None has none)."""
    return node is not None and any(isinstance(n, N.Barrier) for n in walk(node))


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


def _exit_branch(s) -> list | None:
    """The statements a branch `if (c) { A...; return; }` runs before its `return` (no value, none other
    in A), or None when `s` is no such 'if'."""
    if not isinstance(s, N.If) or s.orelse is not None:
        return None
    body = as_list(s.then)
    if not body or not isinstance(body[-1], N.Return) or body[-1].value is not None:
        return None
    if any(isinstance(n, N.Return) for b in body[:-1] for n in walk(b)):
        return None
    return body[:-1]


def early_exit_as_if(stmts: list, needs, made: list | None = None) -> list:
    """`if (c) return; rest...` at a kernel's outermost level, where `needs(statement)` holds for some
    statement of the rest (it holds a construct that every thread must reach) -> `if (!(c)) { rest... }`:
    the same threads run the rest, and where c is the same for every thread of a block the new 'if'
    is one every thread takes alike. A branch that does something before it returns,
    `if (c) { A...; return; } rest...`, becomes `if (c) { A... } else { rest... }`. The 'if's made are
    appended to `made` when it is given."""
    for i, s in enumerate(stmts):
        before = _exit_branch(s)
        rest = stmts[i + 1:]
        if before is None or not any(needs(r) for r in rest):
            continue
        rest = N.Block(early_exit_as_if(rest, needs, made), loc=s.loc)
        if before:
            branch = N.If(s.cond, N.Block(before, loc=s.then.loc), rest, loc=s.loc)
        else:
            branch = N.If(N.UnOp("!", s.cond, BOOL, loc=s.loc), rest, None, loc=s.loc)
        if made is not None:
            made.append(branch)
        return stmts[:i] + [branch]
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
