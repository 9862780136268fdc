"""The IR verifier: structural checks every pass may rely on.

Checks: each name a VarRef uses is declared in an enclosing scope; each Call names a function of
the module defined before its caller; expression types are set; barriers only inside functions;
break/continue only inside loops; returns match the function's result type; a Member names a
field of its base's struct and has that field's type.
"""

from __future__ import annotations

from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import Expr
from translator.ir.types import VOID, Struct

_LOOPS = (N.For, N.While, N.DoWhile)


class _Verifier:
    def __init__(self, module: N.Module):
        self.defined: set[str] = set()
        self.module = module

    def fail(self, node, message: str):
        loc = node.loc
        where = (loc.path, loc.line, loc.col) if loc else ("<ir>", 0, 0)
        raise CutransError(error("L006", f"IR verifier: {message}", *where))

    def function(self, f: N.Function) -> None:
        scope = [{g.name for g in self.module.globals}, {p.name for p in f.params}]
        self.node(f.body, scope, f, loops=0)
        self.defined.add(f.name)

    def node(self, n, scope: list, f: N.Function, loops: int, switches: int = 0) -> None:
        if isinstance(n, Expr) and n.type is None:
            self.fail(n, f"expression {n!r} has no type")
        if isinstance(n, N.VarRef) and not any(n.name in s for s in scope):
            self.fail(n, f"'{n.name}' is used but not declared")
        if isinstance(n, N.Call) and n.func not in self.defined:
            self.fail(n, f"call to '{n.func}', which is not defined before '{f.name}'")
        if isinstance(n, N.Break) and loops == 0 and switches == 0:
            self.fail(n, "break outside a loop or switch")
        if isinstance(n, N.Continue) and loops == 0:
            self.fail(n, "continue outside a loop")
        if isinstance(n, (N.Case, N.Default)) and switches == 0:
            self.fail(n, "case label outside a switch")
        if isinstance(n, N.Member):
            self.member(n)
        if isinstance(n, N.Return) and (n.value is None) != (f.ret == VOID):
            self.fail(n, f"return does not match the result type {f.ret} of '{f.name}'")
        opens = isinstance(n, (N.Block, N.For))
        if opens:
            scope.append(set())
        inner_loops = loops + isinstance(n, _LOOPS)
        inner_switches = switches + isinstance(n, N.Switch)
        for child in n:
            self.node(child, scope, f, inner_loops, inner_switches)
            if isinstance(child, N.VarDecl):
                scope[-1].add(child.name)
        if opens:
            scope.pop()


    def member(self, n: N.Member) -> None:
        base = n.base.type
        if not isinstance(base, Struct) or base.field(n.field) is None:
            self.fail(n, f"member '{n.field}' of {base}, which has no such field")
        if base.field(n.field) != n.type:
            self.fail(n, f"member '{n.field}' has type {n.type}, but the field is {base.field(n.field)}")


def verify_module(module: N.Module) -> N.Module:
    v = _Verifier(module)
    for f in module.functions:
        v.function(f)
    return module
