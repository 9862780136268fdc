"""Inline the device functions that use warp operations (and, for the CPU target, block barriers) into
their callers, down to the kernels.

Without sub-groups a warp operation becomes an exchange through `__shared__` scratch memory between
block barriers (lower_warp_ops.py). Both must sit in the kernel: the CPU target splits a kernel into
parallel regions at its barriers, which it cannot do inside a called function, and the scratch arrays
are per kernel. So a call `r = f(a, b)` of such a device function becomes, in place,

    T r_k;  { P1 p_k = a; P2 q_k = b;  <f's body, its names suffixed _k>;  r_k = <returned value>; }

and the call's value is `r_k`. Arguments are evaluated once, in order, before the rest of the
statement, as the operands of a statement's warp operations are. Exact only where that order is one
C allows, so a call stays refused (L007) where it is evaluated conditionally or repeatedly: an operand
of `&&`, `||` or `?:`, or a loop's condition or step; and `f` must return only at its end.

The CPU target also inlines the device functions that reach a block barrier (`__syncthreads()` in a
helper that fills a `__shared__` tile): a barrier is the end of a parallel region, which exists only
in a kernel (`inline_barrier_functions`, in the CPU pipeline before lower_warp_ops). OpenCL keeps
such functions: its `barrier()` may be called from any function a kernel calls.

Requires: a module whose functions come after the functions they call (the frontend's order).
Guarantees: no function other than a kernel contains a WarpOp; device functions that did are gone.
"""

from __future__ import annotations

import copy

from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.types import VOID
from translator.passes.statements import rewrite_all, rewrite_nested

DIVERGENT = "L007"


def _refuse(loc, message: str):
    where = (loc.path, loc.line, loc.col) if loc else ("<ir>", 0, 0)
    raise CutransError(error(DIVERGENT, message, *where))


_WARP_ONLY = (N.WarpOp,)
_WARP_OR_BARRIER = (N.WarpOp, N.Barrier)


def _uses(node, kinds) -> bool:
    return node is not None and any(isinstance(n, kinds) for n in walk(node))


def _calls(node, names) -> list:
    return [n for n in walk(node) if isinstance(n, N.Call) and n.func in names] if node is not None else []


class _Inliner:
    def __init__(self, warp_functions: dict, counter: list):
        self.functions = warp_functions         # name -> Function, already free of calls to each other
        self.counter = counter

    # statements
    def block(self, stmts: list) -> list:
        return rewrite_all(stmts, self.stmt)

    def nested(self, s):
        return rewrite_nested(s, self.stmt)

    def stmt(self, s) -> list:
        if not _calls(s, self.functions):
            return [s]
        if isinstance(s, N.Block):
            s.stmts = self.block(s.stmts)
            return [s]
        prelude: list = []
        if isinstance(s, (N.For, N.While, N.DoWhile)):
            for part in (s.cond, getattr(s, "step", None)):
                self.forbid(part, "in a loop's condition or step, which runs repeatedly")
            init = self.stmt(s.init) if isinstance(s, N.For) and s.init is not None else []
            if isinstance(s, N.For):
                prelude, s.init = init[:-1], init[-1] if init else None
            s.body = self.nested(s.body)
            return prelude + [s] if not prelude else [N.Block(prelude + [s], loc=s.loc)]
        if isinstance(s, N.If):
            s.cond = self.expr(s.cond, prelude)
            s.then, s.orelse = self.nested(s.then), self.nested(s.orelse)
        elif isinstance(s, N.Switch):
            s.cond = self.expr(s.cond, prelude)
            s.body = self.nested(s.body)
        elif isinstance(s, N.ExprStmt) and isinstance(s.expr, N.Call) and s.expr.func in self.functions:
            return self.inline(s.expr, None)
        else:                                    # ExprStmt, VarDecl, Return: their one child expression
            for name, kind in s._fields:
                if kind == "child" and getattr(s, name) is not None:
                    setattr(s, name, self.expr(getattr(s, name), prelude))
        return prelude + [s]

    def forbid(self, e, why: str):
        call = next(iter(_calls(e, self.functions)), None)
        if call is not None:
            _refuse(call.loc, f"call to '{call.func}', which uses warp operations or barriers, {why}: it must be "
                              f"inlined into the kernel here (no sub-groups, or the CPU target's barrier regions), "
                              f"where it would then run a different number of times; call it in a statement of "
                              f"its own")

    # expressions
    def expr(self, e, prelude: list):
        """`e` with each call of a warp function replaced by its result, its body added to `prelude`."""
        lazy = (isinstance(e, N.BinOp) and e.op in ("&&", "||")) or isinstance(e, N.Conditional)
        for i, (name, kind) in enumerate(e._fields):
            value = getattr(e, name)
            if kind == "child" and value is not None:
                if lazy and name != ("lhs" if isinstance(e, N.BinOp) else "cond"):
                    self.forbid(value, "in an operand of '&&', '||' or '?:' that only some threads evaluate")
                setattr(e, name, self.expr(value, prelude))
            elif kind == "list":
                setattr(e, name, [self.expr(v, prelude) for v in value])
        if isinstance(e, N.Call) and e.func in self.functions:
            result = f"cutrans_inl{self.counter[0]}_ret"
            prelude.extend(self.inline(e, result))
            return N.VarRef(result, e.type, loc=e.loc)
        return e

    def inline(self, call: N.Call, result: str | None) -> list:
        f = self.functions[call.func]
        k = self.counter[0]
        self.counter[0] += 1
        body = copy.deepcopy(f.body)
        names = {p.name for p in f.params} | {n.name for n in walk(body) if isinstance(n, N.VarDecl)}
        suffix = f"_cutrans_inl{k}"
        for n in walk(body):
            if isinstance(n, (N.VarDecl, N.VarRef)) and n.name in names:
                n.name += suffix
        stmts = [N.VarDecl(p.name + suffix, p.type, "private", a, loc=call.loc) for p, a in zip(f.params, call.args)]
        stmts += body.stmts
        out = []
        if stmts and isinstance(stmts[-1], N.Return):
            ret = stmts.pop()
            if ret.value is not None and result is not None:
                stmts.append(N.ExprStmt(N.Assign("=", N.VarRef(result, call.type, loc=ret.loc), ret.value,
                                                 call.type, loc=ret.loc), loc=ret.loc))
            elif ret.value is not None:
                stmts.append(N.ExprStmt(ret.value, loc=ret.loc))
        if result is not None and call.type != VOID:
            out.append(N.VarDecl(result, call.type, "private", None, loc=call.loc))
        return out + [N.Block(stmts, loc=call.loc)]


def _check_single_exit(f: N.Function):
    returns = [n for n in walk(f.body) if isinstance(n, N.Return)]
    last = f.body.stmts[-1] if f.body.stmts else None
    early = next((r for r in returns if r is not last), None)
    if early is not None:
        _refuse(early.loc, f"'return' before the end of '{f.name}', which uses warp operations or barriers: the "
                           f"function is inlined into the kernel here, which needs a single exit at its end")


def inline_warp_functions(module: N.Module, kinds: tuple = _WARP_ONLY) -> N.Module:
    """Inline every device function whose body has a node of `kinds` (warp operations by default)."""
    warp_functions: dict = {}
    counter = [0]
    for f in module.functions:                 # callees come before their callers
        if f.body is None:
            continue
        if _calls(f.body, warp_functions):
            f.body.stmts = _Inliner(warp_functions, counter).block(f.body.stmts)
        if f.kind != "kernel" and _uses(f.body, kinds):
            _check_single_exit(f)
            warp_functions[f.name] = f
    module.functions = [f for f in module.functions if f.name not in warp_functions]
    return module


def inline_barrier_functions(module: N.Module) -> N.Module:
    """The CPU target's inlining: device functions with warp operations or block barriers."""
    return inline_warp_functions(module, _WARP_OR_BARRIER)
