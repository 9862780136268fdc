"""Default member initializers (`struct Box { int x0 = 0, nx = 0; float* data = nullptr; };`) in device code.

C++ runs them wherever an object is made without a value for the field: `Box b;`, `Box b{7};` (the fields after
the 7), `Box{}`, a `__device__ Box g;`, and the same for a struct or array that holds a Box. Each of those is
lowered to a braced list that spells every field: its default member initializer, or zero where it has none
(an indeterminate value in C++, of which zero is one). A default member initializer must be a constant expression
here (clang folds it), so the list means the same in every backend; anything else is refused (L003). A
constructor the program wrote starts its object from the same list (methods.constructor_body), then runs its
member initializers and body.
A struct the host fills in and passes to a kernel never runs them in device code, so it needs nothing.
"""
from __future__ import annotations

import clang.cindex as ci

from translator.diagnostics import CutransError, error
from translator.frontend.clang_ops import held_record
from translator.frontend.globals import initializer, initializer_offset
from translator.ir import nodes as N
from translator.ir.types import Array, Pointer, Struct, is_float

K = ci.CursorKind
MAX_ELEMENTS = 256         # elements of an array of such structs spelled out one by one


def default_expression(field):
    """The expression of FIELD_DECL `field`'s default member initializer, or None."""
    equals = initializer_offset(field)
    kids = [k for k in field.get_children() if equals is not None and k.extent.start.offset > equals]
    return kids[-1] if kids else None


def _fields(ctype) -> list:
    """The FIELD_DECLs of the struct an object of type `ctype` is or holds (none for other types)."""
    decl = held_record(ctype)
    return [f for f in decl.get_children() if f.kind == K.FIELD_DECL] if decl is not None else []


def has_defaults(ctype) -> bool:
    """Whether making an object of clang type `ctype` runs default member initializers (its own or a field's)."""
    return any(default_expression(f) is not None or has_defaults(f.type) for f in _fields(ctype))


def made(fl, ctype, ty, at) -> N.Expr | None:
    """The value an object of type `ctype` (IR type `ty`) that device code makes without one starts with, where
    default member initializers give it one; None where they do not (the object is left as C leaves it)."""
    return default_value(fl, ctype, ty, at) if has_defaults(ctype) else None


def default_value(fl, ctype, ty, at) -> N.Expr:
    """The value a made object of IR type `ty` (clang type `ctype`) starts with, as a braced list (see above)."""
    loc = fl.loc(at)
    if isinstance(ty, Array):
        if ty.size > MAX_ELEMENTS:
            fl.fail(at, "L003", f"an array of {ty.size} structs with default member initializers; up to "
                                f"{MAX_ELEMENTS} are supported in device code")
        elem = ctype.get_canonical().element_type
        return N.InitList([default_value(fl, elem, ty.elem, at) for _ in range(ty.size)], ty, loc=loc)
    if isinstance(ty, Struct) and not ty.vector:
        return N.InitList([field_default(fl, f, t, at) for f, (_, t) in zip(_fields(ctype), ty.fields)], ty, loc=loc)
    if isinstance(ty, Struct):
        return N.InitList([_zero(t, loc) for _, t in ty.fields], ty, loc=loc)
    return _zero(ty, loc)


def field_default(fl, field, ty, at) -> N.Expr:
    """The value field `field` (IR type `ty`) gets when an initializer leaves it out."""
    if default_expression(field) is None:
        return default_value(fl, field.type, ty, at)
    try:
        return initializer(fl, field, ty, constant=True)
    except CutransError as e:
        where = (field.location.file.name, field.location.line, field.location.column) if field.location.file else ()
        raise CutransError(error("L003", f"default member initializer of '{field.semantic_parent.spelling}::"
                                         f"{field.spelling}' is not a constant expression; device code supports "
                                         f"constant ones only ({e.diagnostics[0].message})", *where)) from None


def missing_fields(fl, c, s: Struct, given: int) -> list[N.Expr]:
    """The values of the fields after the first `given` that braced list `c` (of struct s) leaves out: their
    default member initializers where the struct has any, else nothing (the list's zeros, as C has it)."""
    if given >= len(s.fields) or not has_defaults(c.type):
        return []
    return [field_default(fl, f, t, c) for f, (_, t) in zip(_fields(c.type)[given:], s.fields[given:])]


def missing_elements(fl, c, ty: Array, given: int) -> list[N.Expr]:
    """The elements after the first `given` that braced list `c` (of array type ty) leaves out, where they are
    structs with default member initializers; else nothing (the list's zeros)."""
    elem = c.type.get_canonical().element_type
    if given >= ty.size or elem.kind == ci.TypeKind.INVALID or not has_defaults(elem):
        return []
    return [default_value(fl, elem, ty.elem, c) for _ in range(ty.size - given)]


def _zero(ty, loc) -> N.Expr:
    if isinstance(ty, (Array, Struct)):
        items = [_zero(t, loc) for _, t in ty.fields] if isinstance(ty, Struct) else \
            [_zero(ty.elem, loc) for _ in range(ty.size)]
        return N.InitList(items, ty, loc=loc)
    if isinstance(ty, Pointer) or not is_float(ty):
        return N.IntLit(0, ty, loc=loc)
    return N.FloatLit(0.0, "", ty, loc=loc)
