"""Warp intrinsics and launch bounds: libclang cursors -> IR.

A call to one of builtins.WARP's functions becomes a `WarpOp` whose operands are all explicit: an
argument the call leaves to its default (CUDA's `width = warpSize`, `__syncwarp()`'s full mask)
is written out, so that passes and backends never need to know CUDA's defaults.
"""

from __future__ import annotations

import re

import clang.cindex as ci

from translator.ir import nodes as N
from translator.ir.builtins import WARP, WARP_DEFAULTS, WARP_OPERANDS
from translator.ir.types import Scalar

K = ci.CursorKind
MAX_BLOCK_THREADS = 1024          # CUDA's limit on the threads of one block


def _is_default_argument(c) -> bool:
    """libclang shows an argument the call leaves out (CXXDefaultArgExpr) as a bare unexposed expression."""
    return c.kind == K.UNEXPOSED_EXPR and not list(c.get_children()) and not list(c.get_tokens())


def lower_warp_call(fl, c) -> N.WarpOp:
    """`__shfl_down_sync(m, v, d)` -> warp.shfl_down(m, v, d, 32); operands converted to CUDA's types."""
    op, roles = WARP[c.spelling]
    call_type = fl.type_of(c)
    args = list(c.get_arguments())
    if len(args) > len(roles):
        fl.fail(c, "L001", f"'{c.spelling}' takes {len(roles)} arguments, not {len(args)}")
    loc = fl.loc(c)
    operands = []
    for i, role in enumerate(roles):
        want = Scalar(WARP_OPERANDS[role]) if WARP_OPERANDS[role] else call_type
        if i < len(args) and not _is_default_argument(args[i]):
            operands.append(fl.expr(args[i], want=want))
        elif role in WARP_DEFAULTS:
            operands.append(N.IntLit(WARP_DEFAULTS[role], want, loc=loc))
        else:
            fl.fail(c, "L001", f"'{c.spelling}' needs its {role} argument")
    return N.WarpOp(op, operands, call_type, loc=loc)


_LAUNCH_BOUNDS = re.compile(rb"\b(?:__launch_bounds__|launch_bounds)\s*\(\s*(\w+)")


def launch_bound(fl, cursor) -> int | None:
    """The first argument of `__launch_bounds__(N, ...)` on a kernel (the most threads a block of it
    may have), when it is an integer literal; None when absent or not a literal (then the passes
    assume CUDA's limit of 1024). Read from the declaration's text up to its body: libclang exposes
    the attribute without its arguments."""
    start, body = cursor.extent.start, next((ch for ch in cursor.get_children() if ch.kind == K.COMPOUND_STMT), None)
    if start.file is None or body is None or body.extent.start.file is None:
        return None
    try:
        with open(start.file.name, "rb") as f:
            head = f.read()[start.offset:body.extent.start.offset]
    except OSError:
        return None
    m = _LAUNCH_BOUNDS.search(head)
    if m is None:
        return None
    try:
        value = int(m.group(1).decode().rstrip("uUlL"), 0)
    except ValueError:
        return None
    return value if 0 < value <= MAX_BLOCK_THREADS else None
