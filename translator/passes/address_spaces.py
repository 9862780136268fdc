"""Give every pointer an address space.

Requires: kernel pointer parameters are `global` (set by the frontend).
Guarantees: no `generic` pointer remains in a VarDecl or a device-function parameter, or a
diagnostic (L001) names the pointer whose space cannot be decided. A device function called with
pointers into different spaces (e.g. a reference parameter bound to a private variable at one call
and to a __shared__ element at another) is cloned once per combination of spaces; the first
combination keeps the function's name, the others are named `<name>_as_<space>_<space>...`.
"""

from __future__ import annotations

import copy
import dataclasses

from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.types import Array, Pointer, Struct, with_space


# where a pointer that is only ever null points: any space holds the null pointer, and nothing is read through it
NULL_SPACE = "global"


def space_of(e, env: dict) -> str | None:
    """The address space a pointer-valued expression points into, if known."""
    if isinstance(e, N.VarRef):
        return env.get(e.name)
    if isinstance(e, N.Cast):
        return space_of(e.value, env)
    if isinstance(e, N.BinOp) and e.op in "+-":
        return space_of(e.lhs, env) or space_of(e.rhs, env)
    if isinstance(e, N.UnOp) and e.op == "&":
        return object_space(e.operand, env)
    if isinstance(e, N.Conditional):
        return space_of(e.then, env) or space_of(e.orelse, env)
    if isinstance(e, N.Call):                  # a device function whose every return points into one space,
        found = env.get(("returns", e.func))   # or where one of its pointer parameters points (_ParamSpace)
        if isinstance(found, _ParamSpace):
            return space_of(e.args[found.index], env) if found.index < len(e.args) else None
        return found
    if isinstance(e, (N.Index, N.Member)) and isinstance(e.type, Array):   # `a[i]` of `T a[2][8]` decays too
        return object_space(e, env)
    if isinstance(e, (N.Member, N.Index)) and isinstance(e.type, Pointer):
        return _host_field_space(e, env)
    return None


def _host_field_space(e, env: dict) -> str | None:
    """A pointer field of a struct that a kernel takes by value (`params.x_ptr`, also `params.rows[i].data`):
    the host filled it in before the launch, when only global memory existed to point to."""
    while isinstance(e, N.Member) or (isinstance(e, N.Index) and isinstance(e.base.type, Array)):
        e = e.base
    return "global" if isinstance(e, N.VarRef) and env.get(("host_struct", e.name)) else None


def object_space(e, env: dict) -> str | None:
    """The space of the object that lvalue `e` names: `a[i].f` lives where `a` does, `(*p).f` where p points."""
    while isinstance(e, (N.Index, N.Member)) or (isinstance(e, N.UnOp) and e.op == "*"):
        if isinstance(e, N.UnOp):
            return space_of(e.operand, env)
        if isinstance(e, N.Index) and isinstance(e.base.type, Pointer):
            return space_of(e.base, env)
        e = e.base
    if isinstance(e, N.VarRef) and isinstance(e.type, Pointer):
        return env.get(("storage", e.name))     # &p of a pointer variable: where p itself is stored
    return space_of(e, env)


def _env_entry(t, space):
    """What a reference to a variable of type t stored in `space` points into (for &var and arrays)."""
    if isinstance(t, Pointer):
        return t.space
    return "shared" if space == "shared" else "private"


def _fail(node, message):
    loc = node.loc
    raise CutransError(error("L001", message, loc.path, loc.line, loc.col))


def global_spaces(globals_: list) -> dict:
    """The environment entries of the module's `__device__` and `__constant__` variables: `tab` of a global
    array decays to a pointer into its space, `&g` points there, and a global pointer points where its type says."""
    env = {}
    for g in globals_:
        env[g.name] = g.type.space if isinstance(g.type, Pointer) else g.space
        env[("storage", g.name)] = g.space
    return env


@dataclasses.dataclass(frozen=True)
class _ParamSpace:
    """What a function returns points where its pointer parameter `index` points (`T *pick(bool f, T *a, T *b)`
    returning a or b, both pointing alike at each call): a call's result is in the space of that argument."""
    index: int


def _return_spaces(functions: list, base: dict) -> dict:
    """("returns", name) -> space for each device function that returns a pointer, when every `return` in it
    points into one space known without its callers (`return s_float;` of an extern __shared__ array), or
    a _ParamSpace when every `return` points where one pointer parameter does; the function's return type
    and the type of each call of it get a known space. Callees come first in `functions`, so a function
    returning what another returns is settled too."""
    returns: dict = {}
    for f in functions:
        if not (isinstance(f.ret, Pointer) and f.ret.space == "generic"):
            continue
        env = {**base, **returns}
        for i, p in enumerate(f.params):
            if isinstance(p.type, Pointer) and p.type.space == "generic":
                env[p.name] = _ParamSpace(i)
        for node in [*f.params, *(n for n in walk(f.body) if isinstance(n, N.VarDecl))]:
            if not (isinstance(node.type, Pointer) and node.type.space == "generic"):
                env[node.name] = _env_entry(node.type, getattr(node, "space", "private"))
        spaces = {space_of(r.value, env) for r in walk(f.body) if isinstance(r, N.Return) and r.value is not None}
        if len(spaces) == 1 and None not in spaces:
            found = spaces.pop()
            returns[("returns", f.name)] = found
            if isinstance(found, str):
                f.ret = with_space(f.ret, found)
    for f in functions:
        for node in walk(f.body):
            found = returns.get(("returns", node.func)) if isinstance(node, N.Call) else None
            if isinstance(found, str) and isinstance(node.type, Pointer):
                node.type = with_space(node.type, found)
    return returns


def _infer_function(f: N.Function, param_spaces: dict, returns: dict) -> dict:
    """Set the spaces of f's generic pointers; return the name -> space environment."""
    env = dict(returns)
    for p in f.params:
        if isinstance(p.type, Pointer) and p.type.space == "generic" and p.name in param_spaces:
            p.type = with_space(p.type, param_spaces[p.name])
        env[p.name] = _env_entry(p.type, "private")
        env[("storage", p.name)] = "private"
        env[("host_struct", p.name)] = f.kind == "kernel" and isinstance(p.type, Struct) and not _changed(f, p.name)
    for node in walk(f.body):
        if isinstance(node, N.VarDecl):
            if isinstance(node.type, Pointer) and node.type.space == "generic":
                node.type = with_space(node.type, _decl_space(f, node, env))
            env[node.name] = _env_entry(node.type, node.space)
            env[("storage", node.name)] = "shared" if node.space == "shared" else "private"
    if isinstance(f.ret, Pointer) and f.ret.space == "generic":       # returns where a parameter points
        spaces = {space_of(r.value, env) for r in walk(f.body) if isinstance(r, N.Return) and r.value is not None}
        if len(spaces) == 1 and None not in spaces:
            f.ret = with_space(f.ret, spaces.pop())
    for node in walk(f.body):      # `(unsigned long long*)&counts[i]` points where its operand points
        if isinstance(node, N.Cast) and isinstance(node.type, Pointer) and node.type.space == "generic":
            space = space_of(node.value, env)
            if space is None:
                _fail(node, "cannot tell which memory this pointer cast points into")
            node.type = with_space(node.type, space)
    return env


def _root(e):
    """The variable that lvalue `e` (`p.rows[i].data`) is part of, or None."""
    while isinstance(e, (N.Member, N.Index)):
        e = e.base
    return e.name if isinstance(e, N.VarRef) else None


def _changed(f: N.Function, name: str) -> bool:
    """Whether f's body assigns to variable `name` or a part of it, or takes its address (which could)."""
    for n in walk(f.body):
        if isinstance(n, N.Assign) and _root(n.target) == name:
            return True
        if isinstance(n, N.UnOp) and n.op in ("&", "++", "--", "post++", "post--") and _root(n.operand) == name:
            return True
    return False


def _decl_space(f: N.Function, decl: N.VarDecl, env: dict) -> str:
    """The space a local pointer points into: from its initializer, else from every assignment to it
    (they must agree: one pointer variable cannot point into two kinds of memory in OpenCL). A null pointer
    points nowhere, so it tells nothing: a pointer that is only ever null points into global memory."""
    values = [decl.init] if decl.init is not None and not is_null(decl.init) else [
        n.value for n in walk(f.body)
        if isinstance(n, N.Assign) and n.op == "=" and isinstance(n.target, N.VarRef) and n.target.name == decl.name
        and not is_null(n.value)]
    spaces = {space_of(v, env) for v in values} or {NULL_SPACE}
    if len(spaces) != 1 or None in spaces:
        what = "points into different kinds of memory" if len(spaces) > 1 else "points into"
        _fail(decl, f"cannot tell which memory pointer '{decl.name}' {what}; assign it from one "
                    f"kind of memory (global, shared or local)")
    return spaces.pop()


def is_null(e) -> bool:
    """A null pointer constant (`0`, `NULL`, `nullptr`, through casts)."""
    while isinstance(e, N.Cast):
        e = e.value
    return isinstance(e, N.IntLit) and e.value == 0


def _call_spaces(node: N.Call, callee: N.Function, env: dict) -> tuple:
    """(parameter, space) for every generic pointer parameter of `callee` at call `node`."""
    spaces = []
    for p, arg in zip(callee.params, node.args):
        if isinstance(p.type, Pointer) and p.type.space == "generic":
            space = space_of(arg, env) or (NULL_SPACE if is_null(arg) else None)
            if space is None:
                _fail(arg, f"cannot tell which memory the argument for '{p.name}' of '{callee.name}' points into")
            spaces.append((p.name, space))
    return tuple(spaces)


def _record_calls(f: N.Function, env: dict, by_name: dict, variants: dict, functions: list) -> int:
    """Bind every call from f to the variant of its callee for the spaces of its pointer arguments,
    cloning the callee (next to it in `functions`) for a new combination; returns the clones made."""
    made = 0
    for node in walk(f.body):
        if not (isinstance(node, N.Call) and node.func in by_name):
            continue
        callee = by_name[node.func]
        if isinstance(node.type, Pointer) and node.type.space == "generic":
            node.type = with_space(node.type, space_of(node, env) or "generic")
        spaces = _call_spaces(node, callee, env)
        if not spaces:
            continue
        known = variants.setdefault(callee.name, {})
        if spaces not in known:
            name = callee.name if not known else f"{callee.name}_as_{'_'.join(s for _, s in spaces)}"
            known[spaces] = name
            if name != callee.name:
                clone_before(callee, name, by_name, functions)
                made += 1
        node.func = known[spaces]
    return made


def clone_before(callee: N.Function, name: str, by_name: dict, functions: list) -> N.Function:
    """A copy of `callee` named `name`, registered in `by_name` and put in front of it in `functions` (so
    that callers_first, which has yet to reach `callee`, visits the copy too)."""
    clone = copy.deepcopy(callee)
    clone.name = name
    by_name[name] = clone
    functions.insert(functions.index(callee), clone)
    return clone


def callers_first(functions: list, visit) -> None:
    """Call `visit(f)` on every function, each caller before its callees (a module lists callees first).
    `visit` returns how many clones it put in front of callees (clone_before); they are visited too."""
    i = len(functions) - 1
    while i >= 0:
        i += visit(functions[i]) - 1


def infer_address_spaces(module: N.Module) -> N.Module:
    functions = module.functions
    by_name = {f.name: f for f in functions}
    variants: dict = {}               # callee name -> {((param, space), ...): name of the variant}
    globals_ = global_spaces(module.globals)
    returns = {**globals_, **_return_spaces(functions, globals_)}

    def visit(f: N.Function) -> int:
        spaces = next((dict(s) for known in variants.values() for s, name in known.items() if name == f.name), {})
        return _record_calls(f, _infer_function(f, spaces, returns), by_name, variants, functions)

    callers_first(functions, visit)
    for f in functions:
        for p in f.params:
            if isinstance(p.type, Pointer) and p.type.space == "generic":
                _fail(p, f"pointer parameter '{p.name}' of '{f.name}' gets no argument of a known memory space")
        if isinstance(f.ret, Pointer) and f.ret.space == "generic":
            _fail(f, f"cannot tell which memory the pointer that '{f.name}' returns points into; return pointers "
                     f"into one kind of memory (global, shared or local)")
    return module
