"""Pass `__device__` and `__constant__` variables to OpenCL kernels as buffers.

OpenCL C cannot write a program-scope variable from the host, so each global a function uses
(itself or through the functions it calls) becomes a trailing pointer parameter: `__constant T*`
for __constant__ memory, `__global T*` for __device__ memory. Scalars become one-element buffers
(`counter` -> `counter[0]`); arrays keep their indexing. The host side (launch glue) passes the
device buffer behind each variable, created from the host copy at first use.

Requires: address spaces inferred, names legal on the target. Guarantees: no VarRef names a
module global; `module.globals` still lists them, in order, for the launch glue.
"""

from __future__ import annotations

from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.types import I32, Array, Pointer


def _uses(module: N.Module) -> dict[str, list[str]]:
    """function name -> names of the globals it needs, its callees' included, in module order."""
    names = [g.name for g in module.globals]
    needs: dict[str, set[str]] = {}
    for f in module.functions:                      # callees come first
        found = {n.name for n in walk(f.body) if isinstance(n, N.VarRef) and n.name in names}
        for call in (n for n in walk(f.body) if isinstance(n, N.Call)):
            found |= needs.get(call.func, set())
        needs[f.name] = found
    return {f: [n for n in names if n in used] for f, used in needs.items()}


def param_type(g: N.GlobalVar) -> Pointer:
    elem = g.type.elem if isinstance(g.type, Array) else g.type
    return Pointer(elem, g.space)


def _rewrite_refs(f: N.Function, globals_: dict[str, N.GlobalVar]) -> None:
    sites = [(node, name, child) for node in walk(f.body) for name, child in node.children()
             if isinstance(child, N.VarRef) and child.name in globals_]
    for node, name, child in sites:      # collected first: a replacement holds a VarRef of the same name
        g = globals_[child.name]
        ref = N.VarRef(g.name, param_type(g), loc=child.loc)
        new = ref if isinstance(g.type, Array) else N.Index(ref, N.IntLit(0, I32), g.type, loc=child.loc)
        _replace(node, name, new)


def _replace(node, field: str, new) -> None:
    if "[" in field:
        base, index = field[:-1].split("[")
        getattr(node, base)[int(index)] = new
    else:
        setattr(node, field, new)


def _check_free(f: N.Function, used: list[str]) -> None:
    local = {p.name for p in f.params} | {n.name for n in walk(f.body) if isinstance(n, N.VarDecl)}
    for name in used:
        if name in local:
            loc = f.loc
            raise CutransError(error("L001", f"'{f.name}' declares a variable named like the device global "
                                     f"'{name}' it also uses; rename one of them", loc.path, loc.line, loc.col))


def globals_to_params(module: N.Module) -> N.Module:
    if not module.globals:
        return module
    by_name = {g.name: g for g in module.globals}
    uses = _uses(module)
    for f in module.functions:
        used = uses[f.name]
        _check_free(f, used)
        _rewrite_refs(f, by_name)
        f.params += [N.Param(n, param_type(by_name[n]), loc=by_name[n].loc) for n in used]
        for call in (n for n in walk(f.body) if isinstance(n, N.Call)):
            call.args += [N.VarRef(n, param_type(by_name[n])) for n in uses.get(call.func, [])]
    return module
