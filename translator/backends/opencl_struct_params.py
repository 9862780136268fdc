"""Structs that hold pointers, for the OpenCL backend.

CUDA programs pass device pointers to kernels inside structs (`struct Params { const float* x; float* y; int n; }`,
`kernel<<<g, b>>>(params)`). OpenCL C forbids a kernel argument of such a struct, and the host's pointers in it
are the runtime's handles, not device addresses. So the OpenCL kernel takes the struct's fields one by one
(`__global const float* params_x, __global float* params_y, int params_n`, nested structs and arrays of fixed
size flattened too), rebuilds the struct on entry (`Params params = {params_x, params_y, params_n};`), and the
launch glue passes each field as the argument kind it is (a device pointer, or a value).

Inside the program such a struct is a private object whose pointer fields point into global memory: the only
memory a host-filled pointer can point into. Everything that would break that is refused (L003), never
approximated: a struct holding pointers in global, shared or constant memory (its pointers would be the host's
handles there), a pointer field given a pointer into other memory, a union holding pointers, a pointer to a
pointer, and a flattened kernel parameter with private fields (the glue names each field) or over
MAX_FLAT_FIELDS fields.
"""
from __future__ import annotations

import dataclasses

from translator.backends.program import where
from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.types import Array, Pointer, Struct
from translator.passes.address_spaces import is_null, space_of

MAX_FLAT_FIELDS = 64      # kernel arguments one struct parameter may become (OpenCL devices allow >= 128 in all)


@dataclasses.dataclass(frozen=True)
class Field:
    """One scalar, vector or pointer of a flattened struct: `path` reads it from the struct (`.rows[1].data`),
    `suffix` names its kernel parameter (`rows_1_data`)."""
    path: str
    suffix: str
    type: object


def holds_pointer(t) -> bool:
    """Whether an object of type t holds a pointer: is one, or has one in a field or an element."""
    if isinstance(t, Pointer):
        return True
    if isinstance(t, Array):
        return holds_pointer(t.elem)
    return isinstance(t, Struct) and not t.vector and any(holds_pointer(f) for _, f in t.fields)


def global_fields(t):
    """Type t with the pointers it holds pointing into global memory (how a struct holding pointers is defined)."""
    if isinstance(t, Pointer):
        return dataclasses.replace(t, space="global")
    if isinstance(t, Array):
        return dataclasses.replace(t, elem=global_fields(t.elem))
    return t


def check_definition(s: Struct, node) -> None:
    """Refuses a struct whose pointers cannot all be global pointers to plain data."""
    if s.union:
        _refuse(node, f"union '{s.name}' holds a pointer, which OpenCL cannot pass to a kernel or tell the memory of")
    for name, t in s.fields:
        inner = t.elem if isinstance(t, Array) else t
        if isinstance(inner, Pointer) and holds_pointer(inner.pointee):
            _refuse(node, f"field '{name}' of struct '{s.name}' points to pointers ({inner}); OpenCL cannot pass the "
                          f"pointers stored in device memory, which are the host's handles there")


def fields(p: N.Param) -> list[Field]:
    """The fields kernel parameter p (a struct holding pointers, by value) is passed as, in order."""
    found = _leaves(p.type, "", "", p)
    if len(found) > MAX_FLAT_FIELDS:
        _refuse(p, f"kernel parameter '{p.name}' of type '{p.type}' holds {len(found)} fields, over the "
                   f"{MAX_FLAT_FIELDS} kernel arguments one struct may become")
    return found


def flattened(p: N.Param) -> bool:
    if isinstance(p.type, Struct) and p.type.union and holds_pointer(p.type):
        check_definition(p.type, p)
    return _opened(p.type)


def _leaves(t, path: str, suffix: str, p: N.Param) -> list[Field]:
    if _opened(t):
        if t.private_fields:
            _refuse(p, f"kernel parameter '{p.name}': struct '{t.name}' holds pointers and private fields; the "
                       f"launch glue passes each field of such a struct and cannot name private ones")
        return [f for name, ft in t.fields for f in _leaves(ft, f"{path}.{name}", f"{suffix}_{name}", p)]
    if isinstance(t, Array):                      # OpenCL C takes no array argument: element by element
        return [f for i in range(min(t.size, MAX_FLAT_FIELDS + 1))
                for f in _leaves(t.elem, f"{path}[{i}]", f"{suffix}_{i}", p)]
    return [Field(path, suffix.lstrip("_"), global_fields(t))]


def initializer(t, prefix: str) -> str:
    """The braced initializer that rebuilds an object of type t from its flattened parameters `prefix_...`."""
    if _opened(t):
        return "{" + ", ".join(initializer(ft, f"{prefix}_{name}") for name, ft in t.fields) + "}"
    if isinstance(t, Array):
        return "{" + ", ".join(initializer(t.elem, f"{prefix}_{i}") for i in range(t.size)) + "}"
    return prefix


def _opened(t) -> bool:
    """Whether a flattened parameter passes the fields of t one by one (a struct holding pointers), rather than
    t as one value (a struct without pointers, which OpenCL passes as it is)."""
    return isinstance(t, Struct) and not t.vector and not t.union and holds_pointer(t)


def prefix(f: N.Function, p: N.Param) -> str:
    """The name the flattened parameters of p start with: p's own, unless that would meet another name of f."""
    names = {n.name for n in walk(f) if isinstance(n, (N.VarRef, N.VarDecl, N.Param))}
    taken = any(f"{p.name}_{leaf.suffix}" in names for leaf in fields(p))
    return f"cutrans_{p.name}" if taken else p.name


def check_module(module: N.Module, spaces_of) -> None:
    """Refuses what would put a struct holding pointers outside private memory, or a non-global pointer in one.
    `spaces_of(f)` is f's pointer-space environment (passes/address_spaces.pointer_spaces)."""
    for g in module.globals:
        if holds_pointer_struct(g.type):
            _refuse(g, f"__device__/__constant__ variable '{g.name}' holds a struct with pointers; the pointers "
                       f"the host stores there are its handles, not OpenCL device addresses")
    for f in module.functions:
        env = spaces_of(f)
        for n in walk(f):
            _check_node(n, env)


def holds_pointer_struct(t) -> bool:
    """Whether t is, or holds, a struct holding pointers (an object of t stores such a struct)."""
    if isinstance(t, Array):
        return holds_pointer_struct(t.elem)
    return isinstance(t, Struct) and holds_pointer(t)


def _check_node(n, env: dict) -> None:
    if isinstance(n, N.VarDecl) and n.space != "private" and holds_pointer_struct(n.type):
        _refuse(n, f"'{n.name}' keeps a struct holding pointers in {n.space} memory; OpenCL can only keep one "
                   f"in private memory")
    t = getattr(n, "type", None)
    if isinstance(t, Pointer) and t.space not in ("private", "generic") and holds_pointer_struct(t.pointee):
        _refuse(n, f"a pointer to '{t.pointee}' in {t.space} memory: the struct holds pointers, which OpenCL can "
                   f"only pass in private copies (by value)")
    if isinstance(n, N.Assign) and isinstance(n.target, (N.Member, N.Index)) and isinstance(n.target.type, Pointer) \
            and _in_struct(n.target):
        _require_global(n.value, env, n)
    if isinstance(n, N.InitList) and isinstance(n.type, Struct) and holds_pointer(n.type):
        for (name, ft), item in zip(n.type.fields, n.items):
            if isinstance(ft, Pointer):
                _require_global(item, env, item)


def _in_struct(target) -> bool:
    """Whether lvalue `target` is a pointer stored in a struct (`s.p`, `s.rows[i]`)."""
    while isinstance(target, N.Index) and isinstance(target.base.type, Array):
        target = target.base
    return isinstance(target, N.Member) and isinstance(target.base.type, Struct)


def _require_global(value, env: dict, node) -> None:
    if is_null(value):
        return
    space = space_of(value, env)
    if space != "global":
        what = f"{space} memory" if space else "memory this translation cannot tell"
        _refuse(node, f"a struct's pointer field gets a pointer into {what}; in OpenCL a struct's pointers point "
                      f"into global memory, as the host's do")


def _refuse(node, message: str):
    raise CutransError(error("L003", message, *where(node)))
