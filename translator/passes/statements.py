"""Helpers for passes that rewrite one statement into a list of statements (the warp-op passes)."""

from __future__ import annotations

from translator.ir import nodes as N


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
