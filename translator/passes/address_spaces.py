"""Give every pointer an address space.

Requires: kernel pointer parameters are `global` (set by the frontend).
Guarantees: no `generic` pointer remains in a VarDecl or a device-function parameter, or a
diagnostic (L001) names the pointer whose space cannot be decided (device functions called with
pointers into different spaces need cloning, which arrives with the OpenCL issue).
"""

from __future__ import annotations

from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.types import Array, Pointer, with_space


def space_of(e, env: dict) -> str | None:
    """The address space a pointer-valued expression points into, if known."""
    if isinstance(e, N.VarRef):
        return env.get(e.name)
    if isinstance(e, N.Cast):
        return space_of(e.value, env)
    if isinstance(e, N.BinOp) and e.op in "+-":
        return space_of(e.lhs, env) or space_of(e.rhs, env)
    if isinstance(e, N.UnOp) and e.op == "&":
        base = e.operand
        while isinstance(base, N.Index):
            base = base.base
        return space_of(base, env)
    if isinstance(e, N.Conditional):
        return space_of(e.then, env) or space_of(e.orelse, env)
    return None


def _env_entry(t, space):
    """What a reference to a variable of type t stored in `space` points into (for &var and arrays)."""
    if isinstance(t, Pointer):
        return t.space
    return "shared" if space == "shared" else "private"


def _fail(node, message):
    loc = node.loc
    raise CutransError(error("L001", message, loc.path, loc.line, loc.col))


def _infer_function(f: N.Function, param_spaces: dict) -> dict:
    """Set the spaces of f's generic pointers; return the name -> space environment."""
    env = {}
    for p in f.params:
        if isinstance(p.type, Pointer) and p.type.space == "generic" and p.name in param_spaces:
            p.type = with_space(p.type, param_spaces[p.name])
        env[p.name] = _env_entry(p.type, "private")
    for node in walk(f.body):
        if isinstance(node, N.VarDecl):
            if isinstance(node.type, Pointer) and node.type.space == "generic":
                node.type = with_space(node.type, _decl_space(f, node, env))
            env[node.name] = _env_entry(node.type, node.space)
    for node in walk(f.body):      # `(unsigned long long*)&counts[i]` points where its operand points
        if isinstance(node, N.Cast) and isinstance(node.type, Pointer) and node.type.space == "generic":
            space = space_of(node.value, env)
            if space is None:
                _fail(node, "cannot tell which memory this pointer cast points into")
            node.type = with_space(node.type, space)
    return env


def _decl_space(f: N.Function, decl: N.VarDecl, env: dict) -> str:
    """The space a local pointer points into: from its initializer, else from every assignment to it
    (they must agree: one pointer variable cannot point into two kinds of memory in OpenCL)."""
    values = [decl.init] if decl.init is not None else [
        n.value for n in walk(f.body)
        if isinstance(n, N.Assign) and n.op == "=" and isinstance(n.target, N.VarRef) and n.target.name == decl.name]
    spaces = {space_of(v, env) for v in values}
    if len(spaces) != 1 or None in spaces:
        what = "points into different kinds of memory" if len(spaces) > 1 else "points into"
        _fail(decl, f"cannot tell which memory pointer '{decl.name}' {what}; assign it from one "
                    f"kind of memory (global, shared or local)")
    return spaces.pop()


def _record_calls(f: N.Function, env: dict, by_name: dict, found: dict) -> None:
    """Note the space of every pointer argument f passes to a device function."""
    for node in walk(f.body):
        if not (isinstance(node, N.Call) and node.func in by_name):
            continue
        callee = by_name[node.func]
        for p, arg in zip(callee.params, node.args):
            if not (isinstance(p.type, Pointer) and p.type.space == "generic"):
                continue
            space = space_of(arg, env)
            if space is None:
                _fail(arg, f"cannot tell which memory the argument for '{p.name}' of '{callee.name}' points into")
            prev = found.setdefault(callee.name, {}).setdefault(p.name, space)
            if prev != space:
                _fail(node, f"device function '{callee.name}' is called with parameter '{p.name}' "
                            f"pointing into {prev} and {space} memory; per-space cloning is not supported yet")


def infer_address_spaces(module: N.Module) -> N.Module:
    by_name = {f.name: f for f in module.functions}
    found: dict = {}
    # Callees are lowered before their callers, so the reverse order visits every caller first.
    for f in reversed(module.functions):
        env = _infer_function(f, found.get(f.name, {}))
        _record_calls(f, env, by_name, found)
    for f in module.functions:
        for p in f.params:
            if isinstance(p.type, Pointer) and p.type.space == "generic":
                _fail(p, f"pointer parameter '{p.name}' of '{f.name}' gets no argument of a known memory space")
    return module
