"""C++ references in device code, lowered to pointers (C and OpenCL C have no references).

  * a `T&` / `const T&` / `T&&` parameter of a device function becomes a `T*` parameter; every call site
    passes the address of its argument, which must be an lvalue (or an xvalue, `std::move(x)`: x's address).
    A temporary has no address to pass: a call that binds one to a `const T&` or `T&&` parameter calls a
    variant of the function that takes that parameter by value (`by_value_variant`), which is exact, as
    nothing else can reach the temporary: the function cannot write a `const T&`, and what it writes
    through a `T&&` no one reads after it;
  * a local `T& r = lvalue;` becomes `T* r = &lvalue;`
  * every use of such a parameter or variable reads through the pointer: `r` -> `*r`.

The pointers start in the generic space; passes/address_spaces.py gives them the space of what they
point at (private, shared, global), so a reference to `__shared__` memory stays one in OpenCL.
"""

from __future__ import annotations

import copy

import clang.cindex as ci

from translator.frontend.clang_ops import is_reference
from translator.frontend.clang_types import lower_param_type
from translator.ir import nodes as N
from translator.ir.base import map_children
from translator.ir.effects import is_lvalue
from translator.ir.types import Pointer


def _is_rvalue_reference(ctype) -> bool:
    return ctype.get_canonical().kind.name == "RVALUEREFERENCE"


def _pointer_to_referent(fl, c, ctype) -> Pointer:
    referent = ctype.get_pointee()
    if referent.get_canonical().kind.name == "POINTER":      # would need a space for each pointer level
        fl.fail(c, "L003", f"reference to a pointer ('{ctype.spelling}') is not supported in device code yet")
    return Pointer(fl.type_of(c, referent), "generic", referent.is_const_qualified())


def param_type(fl, p, space: str):
    """The IR type of parameter `p`: a reference becomes a pointer to its referent (and an array
    parameter the pointer it decays to)."""
    if not is_reference(p.type):
        return lower_param_type(p.type, fl.where(p), space)
    if fl.is_kernel:
        fl.fail(p, "L003", f"kernel parameter '{p.spelling}' is a reference; kernels take their arguments by value")
    return _pointer_to_referent(fl, p, p.type)


def var_ref(fl, c, ref) -> N.Expr:
    """A use of the parameter or local variable `ref`: through its pointer when it is a reference."""
    if not is_reference(ref.type):
        is_param = ref.kind == ci.CursorKind.PARM_DECL
        ty = param_type(fl, ref, "global" if fl.is_kernel else "generic") if is_param else fl.type_of(c)
        return N.VarRef(c.spelling, ty, loc=fl.loc(c))
    pointer = _pointer_to_referent(fl, c, ref.type)
    return N.UnOp("*", N.VarRef(c.spelling, pointer, loc=fl.loc(c)), pointer.pointee, loc=fl.loc(c))


def address_of(fl, c, what: str) -> N.Expr:
    """The address of lvalue expression `c`, bound to a reference (`what` names the reference)."""
    e = fl.expr(c)
    if isinstance(e, N.UnOp) and e.op == "*":
        return e.operand                          # &*p is p: a reference passed on to another one
    if not is_lvalue(e):
        fl.fail(c, "L003", f"{what} is bound to a temporary value; only variables, array elements and "
                           f"members can be bound to references in device code")
    return N.UnOp("&", e, Pointer(e.type, "generic"), loc=e.loc)


def argument(fl, a, p) -> tuple[N.Expr, bool]:
    """The IR of call argument `a` for parameter `p` of a device function, and whether it is a temporary
    bound to a `const T&` parameter (then the value itself, which the callee must take by value)."""
    if not is_reference(p.type):
        return fl.expr(a, want=fl.type_of(p)), False
    if p.type.get_pointee().is_const_qualified() or _is_rvalue_reference(p.type):
        e = fl.expr(a)
        if not (isinstance(e, N.UnOp) and e.op == "*") and not is_lvalue(e):
            return e, True
    return address_of(fl, a, f"reference parameter '{p.spelling}'"), False


def by_value_variant(m, name: str, positions: list[int], at: int | None = None) -> str:
    """The name of a variant of lowered device function `name` (in module lowerer `m`) that takes its
    `const T&` parameters at `positions` by value: `name_by_value_<param>...`, made once. Its body reads
    such a parameter itself where the original read through the pointer, and passes its address on."""
    original = m.done[name]
    params = [original.params[i] for i in positions]
    key = f"cutrans:by_value:{name}:{positions}"          # stands for the variant among the functions' USRs
    variant = next((n for n, usr in m.function_usrs.items() if usr == key), None)
    if variant is not None:
        return variant
    variant = "_".join([name, "by_value", *(p.name for p in params)])
    while variant in m.function_usrs or variant in m.done:   # a function of the program's has the name
        variant += "_"
    m.function_usrs[variant] = key
    f = copy.deepcopy(original)
    f.name = variant
    for i in positions:
        p = f.params[i]
        p.type = p.type.pointee
        f.body = _read_by_value(f.body, p.name, p.type)
    m.done[variant] = f
    # where a call of the variant itself would have put it: `at`, or before the original this call lowered
    m.order.insert(m.order.index(name) if at is None else at, variant)
    m.by_value_originals.add(name)
    return variant


def _read_by_value(node, name: str, ty):
    """`node` with `*name` read as `name` (now of type `ty`) and any other use of the pointer `name` as `&name`."""
    if isinstance(node, N.UnOp) and node.op == "*" and isinstance(node.operand, N.VarRef) and node.operand.name == name:
        return N.VarRef(name, ty, loc=node.loc)
    if isinstance(node, N.VarRef) and node.name == name:
        return N.UnOp("&", N.VarRef(name, ty, loc=node.loc), Pointer(ty, "generic", True), loc=node.loc)
    map_children(node, lambda child: _read_by_value(child, name, ty))
    return node


def local(fl, v) -> N.VarDecl:
    """`T& name = lvalue;` -> `T* name = &lvalue;`"""
    init = [ch for ch in v.get_children() if ch.kind.is_expression() or ch.kind == ci.CursorKind.UNEXPOSED_EXPR]
    if not init:
        fl.fail(v, "L003", f"reference '{v.spelling}' has no initializer")
    pointer = _pointer_to_referent(fl, v, v.type)
    value = address_of(fl, init[-1], f"reference '{v.spelling}'")
    return N.VarDecl(v.spelling, pointer, "private", value, loc=fl.loc(v))
