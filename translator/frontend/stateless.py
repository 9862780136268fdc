"""Structs without data whose methods are device functions (cuda-samples' `SharedMemory<T>`): no IR state.

    template <class T> struct SharedMemory {
        __device__ operator T *() { extern __shared__ int smem[]; return (T *)smem; }
    };
    template <> struct SharedMemory<float> {
        __device__ float *getPointer() { extern __shared__ float s_float[]; return s_float; }
    };
    T *sdata = SharedMemory<T>();      SharedMemory<float> smem;  float *f = smem.getPointer();

A value of such a type holds nothing, so it disappears, and a call of one of its methods (a conversion
operator too) becomes a call of a device function made from the method's body, named `<struct>_<method>`
(`SharedMemory_float_getPointer`, `SharedMemory_int_operator_int`). A method that the translation unit
defines as written (a plain struct, or an explicit specialization of a class template) is lowered as it
is. A method of an implicitly instantiated class template has no body with its template arguments in it:
the class template is copied with its type parameters bound (translator.frontend.templates.method_instance)
and the method of the copy is lowered. A member function template of a plain struct (PyTorch's `Max` with
`template <class T, class U> ... operator()(T &&t, U &&u) const`) is instantiated per call: its arguments are
deduced from the parameter types clang chose (frontend/deduction.py), and the struct is copied with them bound
(templates.member_template_instance). A static method, of this struct or of one with data, is lowered the same way:
it has no object either. A method that reads `this` (there is no data to read) is refused by the function
lowering like any other unsupported expression.
"""

from __future__ import annotations

import re

import clang.cindex as ci

from translator.frontend import templates
from translator.frontend.clang_ops import type_declaration

K = ci.CursorKind
_METHODS = (K.CXX_METHOD, K.CONVERSION_FUNCTION)
_MEMBERS = (*_METHODS, K.FUNCTION_TEMPLATE, K.CXX_ACCESS_SPEC_DECL)     # no constructor: making one may have effects
_NOT_A_NAME = re.compile(r"\W+")


def _record(ctype):
    decl = type_declaration(ctype)
    return decl if decl is not None and decl.kind in (K.STRUCT_DECL, K.CLASS_DECL) else None


def implicit_template(record):
    """The class template that `record` is an implicit instantiation of, or None (libclang shows no
    members of an implicit instantiation: those written are the template's)."""
    tmpl = record.specialized_template
    if tmpl is None or tmpl.kind != K.CLASS_TEMPLATE or any(True for _ in record.get_children()):
        return None
    return tmpl.get_definition()


def is_stateless(ctype) -> bool:
    """A struct or class with no data members and no bases, whose members are methods only."""
    decl = _record(ctype)
    if decl is None or not decl.is_definition():
        return False
    written = implicit_template(decl)
    members = templates.members(written) if written is not None else list(decl.get_children())
    return any(m.kind in (*_METHODS, K.FUNCTION_TEMPLATE) for m in members) and all(m.kind in _MEMBERS for m in members)


def function_name(method) -> str:
    """`SharedMemory<float>::getPointer` -> `SharedMemory_float_getPointer`."""
    words = (method.semantic_parent.type.get_canonical().spelling, method.spelling)
    return "_".join(_NOT_A_NAME.sub("_", w).strip("_") for w in words)


def method_call(fl, c):
    """The IR of `obj.method(args)` (or of an implicit conversion) on a stateless struct, and of a static method
    of any struct (`SumOp<float>::op(a, b)`: it has no object either); None for any other call."""
    callee = c.referenced
    if callee is None or callee.kind not in _METHODS or callee.semantic_parent is None or \
            not (callee.is_static_method() or is_stateless(callee.semantic_parent.type)):
        return None
    name = function_name(callee)
    pattern = callee.specialized_template
    if pattern is not None and pattern.kind == K.FUNCTION_TEMPLATE:          # a member template: its instance
        actuals = [a.type.get_canonical().spelling for a in callee.get_arguments()]
        return fl.device_method_call(c, templates.member_template_instance(pattern, actuals, name), name)
    written = implicit_template(callee.semantic_parent)
    if written is not None:
        return fl.device_method_call(c, templates.method_instance(callee, written, name), name)
    definition = callee.get_definition()
    if definition is None:
        fl.fail(c, "L003", f"method '{callee.spelling}' of '{callee.semantic_parent.type.spelling}' has no body "
                           f"in this translation unit")
    return fl.device_method_call(c, definition, name)


def call_operator(fl, record, actuals: list[str], at):
    """Lower the `operator()` of stateless struct `record` (a functor a library calls: CUB's reduction operator)
    as it is called with arguments of the C++ types `actuals`; its lowered name and the cursor of its definition.
    A member template is instantiated for `actuals`, as for a call written in the program; `at` (a cursor) is
    where a problem is reported."""
    written = implicit_template(record)
    found = [m for m in (templates.members(written) if written is not None else record.get_children())
             if m.spelling == "operator()" and m.kind in (K.CXX_METHOD, K.FUNCTION_TEMPLATE)]
    if written is not None or len(found) != 1 or not is_stateless(record.type):
        fl.fail(at, "L003", f"'{record.type.spelling}' is used as an operator in device code; only a struct without "
                            f"data, not a template, with one operator() is translated")
    method, name = found[0], function_name(found[0])
    if method.kind == K.FUNCTION_TEMPLATE:
        return fl.m.require_method(templates.member_template_instance(method, actuals, name), fl.loc(at))
    definition = method.get_definition()
    if definition is None or method.is_static_method():
        fl.fail(at, "L003", f"'{record.type.spelling}::operator()' has no body in this translation unit")
    return fl.m.require(definition, fl.loc(at), name), definition
