"""Move `__shared__` declarations to the outermost scope of their kernel.

Requires: address spaces inferred. Guarantees: every shared VarDecl, and every view of the
launch's dynamic shared memory (`extern __shared__ T a[]`, lowered to `T* a = (T*)<dynamic>`), is a
direct child of a kernel's body, before any other statement, with a name unique in the kernel.
Such declarations are the same for every thread of a block. A static shared variable of a
device function is a parameter by now (shared_params.py), so one left there is an internal error,
reported with a diagnostic; a view of the dynamic shared memory stays where it is, since a device
function gets the launch's dynamic shared memory as a parameter from its callers.
"""

from __future__ import annotations

from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.builtins import DYNAMIC_SHARED


def is_block_scoped(s) -> bool:
    """A declaration every thread of a block shares: static shared memory or a dynamic-shared view."""
    if not isinstance(s, N.VarDecl):
        return False
    view = isinstance(s.init, N.Cast) and isinstance(s.init.value, N.VarRef) and s.init.value.name == DYNAMIC_SHARED
    return s.space == "shared" or view


def collect(block: N.Block, out: list, take=is_block_scoped) -> None:
    """Remove the declarations `take` holds for from `block` (recursively), appending them to `out`."""
    kept = []
    for s in block.stmts:
        if take(s):
            out.append(s)
            continue
        _descend(s, out, take)
        kept.append(s)
    block.stmts = kept


def _descend(node, out: list, take) -> None:
    """collect every block under `node`, however deep: a loop inside a plain `{ }` block, an else-if."""
    if isinstance(node, N.Block):
        collect(node, out, take)
        return
    for child in node:
        _descend(child, out, take)


def check_unique(f: N.Function, decls: list) -> None:
    names = [d.name for d in decls]
    local = {n.name for n in walk(f.body) if isinstance(n, N.VarDecl)} | {p.name for p in f.params}
    for d in decls:
        if names.count(d.name) > 1 or d.name in local:
            raise CutransError(error("L001", f"shared variable '{d.name}' shares its name with another "
                                     f"variable of '{f.name}'; rename one of them",
                                     d.loc.path, d.loc.line, d.loc.col))


def hoist_shared(module: N.Module) -> N.Module:
    for f in module.functions:
        if f.kind != "kernel":
            _refuse_static_shared(f)     # a view of the dynamic shared memory is a pointer parameter's copy
            continue
        decls: list = []
        collect(f.body, decls)
        check_unique(f, decls)
        f.body.stmts = decls + f.body.stmts
    return module


def _refuse_static_shared(f: N.Function) -> None:
    for d in walk(f.body):
        if isinstance(d, N.VarDecl) and d.space == "shared":
            raise CutransError(error("L001", f"__shared__ variable '{d.name}' inside device function "
                                     f"'{f.name}' is not supported yet; declare it in the kernel",
                                     d.loc.path, d.loc.line, d.loc.col))
