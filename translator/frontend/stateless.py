"""Structs without data whose methods are device functions (cuda-samples' `SharedMemory<T>`): no IR state.

    template <> struct SharedMemory<float> {
        __device__ float *getPointer() { extern __shared__ float s_float[]; return s_float; }
    };
    SharedMemory<T> smem;  T *sdata = smem.getPointer();

A variable of such a type holds nothing, so it disappears, and a call of one of its methods becomes a call
of a device function made from the method's body, named `<struct>_<method>` (`SharedMemory_float_getPointer`).
Only methods that the translation unit defines as written (a plain struct, or an explicit specialization of
a class template) qualify: a method of an implicitly instantiated template has no body with its template
arguments in it, and is refused. A method that reads `this` (there is no data to read) is refused by the
function lowering like any other unsupported expression.
"""

from __future__ import annotations

import re

import clang.cindex as ci

K = ci.CursorKind
_MEMBERS = (K.CXX_METHOD, K.CXX_ACCESS_SPEC_DECL)     # no constructor: making one may have effects
_NOT_A_NAME = re.compile(r"\W+")


def _record(ctype):
    decl = ctype.get_canonical().get_declaration()
    return decl if decl is not None and decl.kind in (K.STRUCT_DECL, K.CLASS_DECL) else None


def is_stateless(ctype) -> bool:
    """A struct or class with no data members and no bases, whose members are methods only."""
    decl = _record(ctype)
    if decl is None or not decl.is_definition():
        return False
    members = list(decl.get_children())
    return any(m.kind == K.CXX_METHOD for m in members) and all(m.kind in _MEMBERS for m in members)


def function_name(method) -> str:
    """`SharedMemory<float>::getPointer` -> `SharedMemory_float_getPointer`."""
    record = _NOT_A_NAME.sub("_", method.semantic_parent.type.get_canonical().spelling).strip("_")
    return f"{record}_{method.spelling}"


def method_call(fl, c):
    """The IR of `obj.method(args)` on a stateless struct; None for any other call."""
    callee = c.referenced
    if callee is None or callee.kind != K.CXX_METHOD or callee.semantic_parent is None or \
            not is_stateless(callee.semantic_parent.type):
        return None
    definition = callee.get_definition()
    if definition is None or definition.semantic_parent is None or \
            definition.semantic_parent.kind == K.CLASS_TEMPLATE:
        fl.fail(c, "L003", f"method '{callee.spelling}' of '{callee.semantic_parent.type.spelling}' has no body "
                           f"written for these template arguments; give the struct an explicit specialization")
    if callee.is_static_method():
        fl.fail(c, "L003", f"static method '{callee.spelling}' is not supported in device code")
    return fl.device_method_call(c, definition, function_name(definition))
