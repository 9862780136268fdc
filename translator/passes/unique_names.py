"""Give every local variable of a function a name of its own.

Requires: nothing. Guarantees: within each function, no two VarDecls (or a VarDecl and a
parameter) share a name, and every VarRef names the declaration it resolved to in the source.
The CPU backend relies on this when it turns variables that live across barriers into
per-thread arrays: a name then means one variable.

`unique_names(module, only=pred)` renames less: a declaration keeps a name used before unless it
or an earlier declaration of that name satisfies `pred`. OpenCL passes `located`, so that every
pointer, array and __shared__ variable (whose memory space passes look up by name) has a name of
its own, while two loop counters `i` in sibling loops stay `i`.
"""

from __future__ import annotations

from translator.ir import nodes as N
from translator.ir.types import Array, Pointer


class _Renamer:
    def __init__(self, taken: set[str], only=None):
        self.taken = set(taken)
        self.scopes: list[dict[str, str]] = [{n: n for n in taken}]
        self.only = only
        self.marked = set(taken)        # names whose declarations satisfy `only`

    def fresh(self, decl: N.VarDecl) -> str:
        name = decl.name
        marked = self.only is None or self.only(decl)
        if name not in self.taken or not (marked or name in self.marked):
            self.taken.add(name)
            self.marked |= {name} if marked else set()
            return name
        i = 1
        while f"{name}_{i}" in self.taken:
            i += 1
        self.taken.add(f"{name}_{i}")
        return f"{name}_{i}"

    def resolve(self, name: str) -> str:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return name

    def visit(self, node) -> None:
        if isinstance(node, N.VarRef):
            node.name = self.resolve(node.name)
            return
        opens = isinstance(node, (N.Block, N.For))
        if opens:
            self.scopes.append({})
        for child in node:
            self.visit(child)
            if isinstance(child, N.VarDecl):
                new = self.fresh(child)
                self.scopes[-1][child.name] = new
                child.name = new
        if opens:
            self.scopes.pop()


def located(decl: N.VarDecl) -> bool:
    """A declaration whose memory space matters: a pointer, an array or a __shared__ variable."""
    return isinstance(decl.type, (Pointer, Array)) or decl.space == "shared"


def unique_names(module: N.Module, only=None) -> N.Module:
    for f in module.functions:
        _Renamer({p.name for p in f.params}, only).visit(f.body)
    return module
