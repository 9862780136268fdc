"""C++ lvalue references in device code, lowered to pointers (C and OpenCL C have no references).

  * a `T&` / `const T&` parameter of a device function becomes a `T*` parameter; every call site passes
    the address of its argument, which must be an lvalue (a temporary has no address to pass);
  * a local `T& r = lvalue;` becomes `T* r = &lvalue;`
  * every use of such a parameter or variable reads through the pointer: `r` -> `*r`.

The pointers start in the generic space; passes/address_spaces.py gives them the space of what they
point at (private, shared, global), so a reference to `__shared__` memory stays one in OpenCL.
"""

from __future__ import annotations

import clang.cindex as ci

from translator.frontend.clang_types import lower_param_type
from translator.ir import nodes as N
from translator.ir.effects import is_lvalue
from translator.ir.types import Pointer

_REFERENCE_KINDS = ("LVALUEREFERENCE",)


def is_reference(ctype) -> bool:
    return ctype.get_canonical().kind.name in _REFERENCE_KINDS or ctype.kind.name in _REFERENCE_KINDS


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


def argument(fl, a, p) -> N.Expr:
    """The IR of call argument `a` for parameter `p` of a device function."""
    if is_reference(p.type):
        return address_of(fl, a, f"reference parameter '{p.spelling}'")
    return fl.expr(a, want=fl.type_of(p))


def local(fl, v) -> N.VarDecl:
    """`T& name = lvalue;` -> `T* name = &lvalue;`"""
    init = [ch for ch in v.get_children() if ch.kind.is_expression() or ch.kind == ci.CursorKind.UNEXPOSED_EXPR]
    if not init:
        fl.fail(v, "L003", f"reference '{v.spelling}' has no initializer")
    pointer = _pointer_to_referent(fl, v, v.type)
    value = address_of(fl, init[-1], f"reference '{v.spelling}'")
    return N.VarDecl(v.spelling, pointer, "private", value, loc=fl.loc(v))
