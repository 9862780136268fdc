"""Give every local variable of a function a name of its own.

Requires: nothing. Guarantees: within each function, no two VarDecls (or a VarDecl and a
parameter) share a name, and every VarRef names the declaration it resolved to in the source.
The CPU backend relies on this when it turns variables that live across barriers into
per-thread arrays: a name then means one variable.
"""

from __future__ import annotations

from translator.ir import nodes as N


class _Renamer:
    def __init__(self, taken: set[str]):
        self.taken = set(taken)
        self.scopes: list[dict[str, str]] = [{n: n for n in taken}]

    def fresh(self, name: str) -> str:
        if name not in self.taken:
            self.taken.add(name)
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
                new = self.fresh(child.name)
                self.scopes[-1][child.name] = new
                child.name = new
        if opens:
            self.scopes.pop()


def unique_names(module: N.Module) -> N.Module:
    for f in module.functions:
        _Renamer({p.name for p in f.params}).visit(f.body)
    return module
