"""`__shared__` variables declared in device functions become parameters (OpenCL and CPU targets).

OpenCL C allows `__local` variables only at a kernel's outermost scope, and the CPU target allocates a
block's shared memory in the kernel. CUDA gives a `__shared__` variable of a device function one instance
per block, whichever call of the function uses it (two calls from one kernel see the same memory). So each
kernel that reaches such a function, through any chain of calls, declares the variable once, at its top,
as `<function>_<variable>`, and passes its address down: the function and every device function between it
and the kernel get one more parameter per variable they reach, a pointer into shared memory of that name
(an array `T v[N]` becomes `T *v`, `T v[N][M]` becomes `T (*v)[M]`, a scalar `T v` becomes `T *v`, read
as `*v`). Two kernels that call the function each have their own variable, as in CUDA.

Requires: a verified module whose functions come after the functions they call (the frontend's order),
before the inlining passes (which then inline the parameter like any other) and address-space inference
(which gives every pointer its space). Guarantees: no device function declares a static `__shared__`
variable; a view of the launch's dynamic shared memory is left alone (functions get it as a parameter).
"""

from __future__ import annotations

import dataclasses

from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import map_children, walk
from translator.ir.types import I32, Array, Pointer
from translator.passes.hoist_shared import check_unique, collect


@dataclasses.dataclass(frozen=True)
class _Hidden:
    """A device function's `__shared__` variable, as the parameters and the kernels' declaration name it."""
    name: str           # <function>_<variable>
    type: object        # the variable's own type


def _pointer(t) -> Pointer:
    return Pointer(t.elem if isinstance(t, Array) else t, "shared")


def _renamed(node, renames: dict):
    """`node` with each use of a variable of `renames` (old name -> _Hidden) read through its parameter. The
    address of a whole array (`&v`, as a reference to the array passes it) is the parameter's value, as a
    pointer to the array: not the address of the parameter."""
    if isinstance(node, N.UnOp) and node.op == "&" and isinstance(node.operand, N.VarRef) \
            and node.operand.name in renames and isinstance(renames[node.operand.name].type, Array):
        hidden = renames[node.operand.name]
        ref = N.VarRef(hidden.name, _pointer(hidden.type), loc=node.loc)
        return N.Cast(ref, False, Pointer(hidden.type, "shared"), loc=node.loc)
    if isinstance(node, N.VarRef) and node.name in renames:
        hidden = renames[node.name]
        ref = N.VarRef(hidden.name, _pointer(hidden.type), loc=node.loc)
        return ref if isinstance(hidden.type, Array) else N.UnOp("*", ref, hidden.type, loc=node.loc)
    map_children(node, lambda child: _renamed(child, renames))
    return node


def _address(hidden: _Hidden, ref_type, loc) -> N.Expr:
    """What a kernel passes for `hidden`: the address of its first element, or of the variable."""
    ref = N.VarRef(hidden.name, ref_type, loc=loc)
    if isinstance(hidden.type, Array):
        ref = N.Index(ref, N.IntLit(0, I32, loc=loc), hidden.type.elem, loc=loc)
    return N.UnOp("&", ref, _pointer(hidden.type), loc=loc)


def _own(f: N.Function) -> list[_Hidden]:
    """Take `f`'s static `__shared__` declarations out of its body; the variables it reads through
    parameters from now on."""
    decls: list = []
    collect(f.body, decls, take=lambda s: isinstance(s, N.VarDecl) and s.space == "shared")
    if not decls:
        return []
    check_unique(f, decls)
    hidden = [_Hidden(f"{f.name}_{d.name}", d.type) for d in decls]
    f.body = _renamed(f.body, {d.name: h for d, h in zip(decls, hidden)})
    return hidden


def shared_params(module: N.Module) -> N.Module:
    reaches: dict[str, list[_Hidden]] = {}      # function -> the variables it or its callees declare
    for f in module.functions:                  # callees come first
        own = [] if f.kind == "kernel" else _own(f)
        called = [n.func for n in walk(f.body) if isinstance(n, N.Call) and n.func in reaches]
        needed = list(dict.fromkeys(own + [h for g in called for h in reaches[g]]))
        if f.kind == "kernel":
            _pass_down(f, reaches, needed, declare=True)
        else:
            reaches[f.name] = needed
            # after every parameter the frontend made, the launch's dynamic shared memory included, as the
            # calls get their arguments after all of theirs
            f.params += [N.Param(h.name, _pointer(h.type), loc=f.loc) for h in needed]
            _pass_down(f, reaches, needed, declare=False)
    return module


def _pass_down(f: N.Function, reaches: dict, needed: list, declare: bool) -> None:
    """Append to each call in `f` the variables its callee reaches: a kernel declares them first, at its top."""
    for call in (n for n in walk(f.body) if isinstance(n, N.Call) and reaches.get(n.func)):
        for h in reaches[call.func]:
            call.args.append(_address(h, h.type, call.loc) if declare else
                             N.VarRef(h.name, _pointer(h.type), loc=call.loc))
    if declare and needed:
        taken = {n.name for n in walk(f.body) if isinstance(n, N.VarDecl)} | {p.name for p in f.params}
        clash = next((h for h in needed if h.name in taken), None)
        if clash is not None:
            raise CutransError(error("L001", f"kernel '{f.name}' has a variable named '{clash.name}', the name its "
                                             f"copy of a device function's __shared__ variable takes; rename it",
                                     f.loc.path, f.loc.line, f.loc.col))
        f.body.stmts[:0] = [N.VarDecl(h.name, h.type, "shared", None, loc=f.loc) for h in needed]
