"""Structs in device code: record types -> ir.types.Struct, member access, the implicit copies C++
makes of them, and CUDA's make_<vector> constructors.

Only plain C structs are lowered: fields of representable types, declared at file scope, no
base classes, bitfields or attributes (methods and constructors: methods.py; default member initializers:
member_defaults.py). Their
layout must be the one C gives them (what every backend emits), which is checked against clang's
where clang knows it. Anything else is refused with L003, never approximated.
"""

from __future__ import annotations

import dataclasses
import re

import clang.cindex as ci

from translator import mappings
from translator.diagnostics import CutransError, error
from translator.frontend import library_names, member_defaults, methods, templates
from translator.frontend.clang_ops import held_record, type_declaration
from translator.frontend.globals import initializer, initializer_offset, local_value, refuse_designated
from translator.ir import nodes as N
from translator.ir.types import (VECTOR_TYPES, Array, Pointer, Struct, field_offsets, innermost, size_align,
                                 vector_struct)

K = ci.CursorKind
_RECORD_KINDS = {K.STRUCT_DECL, K.CLASS_DECL, K.UNION_DECL}
# no data but fields: member typedefs and aliases (`using index_t = int;`), static_asserts, and methods (each
# called from device code becomes a device function of its object: methods.py)
_ALLOWED_MEMBERS = {K.FIELD_DECL, K.CXX_ACCESS_SPEC_DECL, K.TYPEDEF_DECL, K.TYPE_ALIAS_DECL, K.STATIC_ASSERT,
                    K.CXX_METHOD, K.CONSTRUCTOR, K.CONVERSION_FUNCTION, K.FRIEND_DECL,
                    K.ALIGNED_ATTR}      # `struct __align__(16) S`: the struct's alignment, read from its type
_COPIES = ("is_copy_constructor", "is_move_constructor")
_ASSIGNS = ("is_copy_assignment_operator_method", "is_move_assignment_operator_method")
_MAKERS = {f"make_{name}": name for name in VECTOR_TYPES}

_active: list[str] = []              # records being lowered (a struct that contains itself)


def _refuse(what: str, where):
    raise CutransError(error("L003", what, *where))


def lower_record(ctype, where, lower_type) -> Struct:
    """The Struct for clang record type `ctype` (canonical); `lower_type` lowers its fields."""
    decl = type_declaration(ctype)
    key = decl.get_usr() or decl.spelling
    if key in _active:
        _refuse(f"struct '{decl.spelling}' refers to itself, which is not supported in device code", where)
    _active.append(key)
    try:
        if decl.spelling in VECTOR_TYPES:
            return _vector(decl, where, lower_type)
        return _plain(decl, ctype, where, lower_type)
    finally:
        _active.pop()


def _fields(cursors, name: str, where, lower_type) -> tuple:
    fields = []
    for f in cursors:
        if f.is_bitfield():
            _refuse(f"bit-field '{f.spelling}' of struct '{name}' is not supported in device code", where)
        t = lower_type(f.type, where)
        if _constructed_struct(t, f.type):
            _refuse(f"field '{name}::{f.spelling}' is a struct with a constructor, which each "
                    f"'{name}' would run; this is not supported in device code", where)
        fields.append((f.spelling, t))
    return tuple(fields)


def _vector(decl, where, lower_type) -> Struct:
    """A CUDA vector type, with CUDA's alignment whatever the headers parsed say."""
    s = vector_struct(decl.spelling)
    fields = tuple((f.spelling, lower_type(f.type, where)) for f in decl.get_children() if f.kind == K.FIELD_DECL)
    if fields != s.fields:
        _refuse(f"type '{decl.spelling}' is not CUDA's vector type of that name", where)
    return s


def _plain(decl, ctype, where, lower_type) -> Struct:
    scoped = decl.semantic_parent is not None and decl.semantic_parent.kind != K.TRANSLATION_UNIT
    library = library_names.library_record(decl) if scoped else None
    if library is not None:                # a C++ library's type: cub::BlockReduce<...>::TempStorage
        raise CutransError(error("M001", mappings.refused_in_device_code(library), *where))
    instance = ctype.get_num_template_arguments() > 0
    pattern = decl.specialized_template if instance else None
    if instance and (pattern is None or pattern.kind not in _PATTERN_KINDS):
        _refuse(f"class template instance '{ctype.spelling}' is not supported in device code", where)
    if decl.is_anonymous_record_decl():
        kind = "union" if decl.kind == K.UNION_DECL else "struct"
        _refuse(f"anonymous {kind} member '{ctype.spelling}' (a {kind} without a name or a declarator, whose fields "
                f"belong to the enclosing one) is not supported in device code", where)
    name = _instance_name(ctype) if instance else output_name(decl, ctype, where)
    members = list(decl.get_children())
    if instance:
        # an explicit specialization lists its arguments (`Arr<char, 1>`) besides its own members; an implicit
        # instance lists none of its own: its template's
        members = [c for c in members if not (c.kind.is_expression() or c.kind.is_reference())] or \
            templates.members(pattern)
        _check_instance(pattern, ctype, where)
    extra = next((c for c in members if c.kind not in _ALLOWED_MEMBERS
                  and not (c.kind in _RECORD_KINDS and not c.is_anonymous_record_decl())), None)   # a nested type
    if extra is not None and extra.kind in _RECORD_KINDS:
        _refuse(f"struct '{name}' has an anonymous {'union' if extra.kind == K.UNION_DECL else 'struct'} member, "
                f"whose fields belong to '{name}'; that is not supported in device code (give it a name)", where)
    if extra is not None:
        _refuse(f"struct '{name}' has a {extra.kind.name.lower().replace('_', ' ')} ('{extra.spelling}'); only "
                f"structs of fields and methods are supported in device code", where)
    virtual = next((c for c in members if c.kind == K.CXX_METHOD and c.is_virtual_method()), None)
    if virtual is not None:
        _refuse(f"struct '{name}' has a virtual method ('{virtual.spelling}'); objects with a table of virtual "
                f"methods are not supported in device code", where)
    cursors = list(ctype.get_canonical().get_fields()) if instance else \
        [f for f in decl.get_children() if f.kind == K.FIELD_DECL]        # an instance's: with its argument types
    fields = _fields(cursors, name, where, lower_type)
    if not fields:
        _refuse(f"empty struct '{name}' is not supported in device code", where)
    hidden = any(f.access_specifier != ci.AccessSpecifier.PUBLIC for f in cursors)
    s = Struct(name, fields, union=decl.kind == K.UNION_DECL, private_fields=hidden)
    if ctype.get_align() > size_align(s)[1]:         # `struct __align__(16) S`, alignas(16)
        s = dataclasses.replace(s, align=ctype.get_align())
    _check_layout(s, ctype, where)
    return s


_PATTERN_KINDS = {K.CLASS_TEMPLATE}    # a partial specialization's instance: libclang cannot bind its parameters


def _instance_name(ctype) -> str:
    """`Pair<float>` -> `Pair_float`, `const Bins<int, 4>` -> `Bins_int_4`: the spelling without the object's own
    qualifiers, as an identifier."""
    spelling = ctype.get_canonical().spelling
    while spelling.startswith(("const ", "volatile ")):
        spelling = spelling.split(" ", 1)[1]
    return re.sub(r"\W+", "_", spelling).strip("_")


def _check_instance(pattern, ctype, where) -> None:
    """A class template instance (`Pair<float>`) is a struct of its fields, with the argument types, named by its
    spelling (`Pair_float`). What its template would have to run for it is refused: constructors the program
    wrote, and default member initializers (libclang shows them only uninstantiated)."""
    for m in pattern.get_children():
        if m.kind == K.CONSTRUCTOR and methods.written_constructor(m):
            _refuse(f"class template instance '{ctype.spelling}' has a constructor of its own; constructors of "
                    f"class template instances are not supported in device code", where)
        if m.kind == K.FIELD_DECL and member_defaults.default_expression(m) is not None:
            _refuse(f"class template instance '{ctype.spelling}': default member initializer of '{m.spelling}'; "
                    f"those of class templates are not supported in device code", where)


_SCOPES = {K.NAMESPACE, K.STRUCT_DECL, K.CLASS_DECL, K.UNION_DECL, K.FUNCTION_DECL, K.CXX_METHOD, K.CONSTRUCTOR}
_INSTANCE_COPY = re.compile(r"^__cutrans_inst_(\d+)_?(\w*)$")   # its namespace, and its functions' names
_FUNCTION_SCOPES = {K.FUNCTION_DECL, K.CXX_METHOD, K.CONSTRUCTOR}
_TEMPLATE_SCOPES = {K.CLASS_TEMPLATE, K.CLASS_TEMPLATE_PARTIAL_SPECIALIZATION, K.FUNCTION_TEMPLATE}


def output_name(decl, ctype, where) -> str:
    """The C name of a struct: its own at file scope; inside a namespace, class or function, its scopes' names
    joined by `_` (`geo::Vec` is `geo_Vec`, a `Local` in kernel `k` is `k_Local`); an unnamed struct or union
    that a declaration gives a variable (`union { float f; int i; } u;`) is named by where it is
    (`k_union_12_5`). In a function template's instance, the instance's copy is the scope (`k_inst1_Local`). In a
    template itself its fields could depend on the template's parameters: refused."""
    kind = "union" if decl.kind == K.UNION_DECL else "struct"
    unnamed = not decl.spelling or " " in decl.spelling
    parts = [f"{kind}_{decl.location.line}_{decl.location.column}" if unnamed else decl.spelling]
    scope = decl.semantic_parent
    while scope is not None and scope.kind != K.TRANSLATION_UNIT:
        if scope.kind in _TEMPLATE_SCOPES or scope.kind not in _SCOPES:
            _refuse(f"{kind} '{ctype.spelling}' is declared inside a template or a {scope.kind.name.lower()}; "
                    f"structs in namespaces, classes and functions are supported in device code, not there", where)
        word = methods.function_word(scope) if scope.kind in _FUNCTION_SCOPES else \
            scope.spelling or f"namespace_{scope.location.line}"
        copy = _INSTANCE_COPY.match(word)          # inside a template instance's copy (frontend/templates.py)
        if copy is None or copy[2]:
            parts.append(f"{copy[2]}_inst{copy[1]}" if copy else word)
        scope = scope.semantic_parent
    return "_".join(reversed(parts))


def _constructed_struct(t, ctype) -> bool:
    """Whether IR type `t` (of clang type `ctype`) holds a struct of the program's with a constructor it wrote
    (CUDA's own types, halves and vectors, have constructors in the stand-in headers, which make no code)."""
    s = innermost(t)
    held = held_record(ctype)
    return isinstance(s, Struct) and not s.vector and held is not None and methods.has_written_constructor(held)


def constructed(fl, v, ty) -> bool:
    """Whether local variable `v` (IR type `ty`) holds structs that a constructor the program wrote makes:
    a struct (methods.default_construction calls it); an array of them is refused."""
    if not _constructed_struct(ty, v.type):
        return False
    if isinstance(ty, Array):
        fl.fail(v, "L003", f"an array of '{innermost(ty).name}', whose constructor runs for each element, is "
                           f"not supported in device code")
    return True


def _check_layout(s: Struct, ctype, where) -> None:
    """The C layout every backend emits must be the one the compiler gave the struct. Structs with
    CUDA vectors inside are exempt: the stand-in headers do not give vectors CUDA's alignment, so
    clang's numbers are not CUDA's (the launch glue checks those against the host compiler)."""
    if _has_vector(s):
        return
    size, align = size_align(s)
    offsets = [ctype.get_offset(n) // 8 for n, _ in s.fields]
    if (ctype.get_size(), ctype.get_align(), offsets) != (size, align, field_offsets(s)):
        _refuse(f"struct '{s.name}' does not have the natural C layout (packed, or a field aligned on its own?); "
                f"it is not supported in device code", where)


def vector_layout(fl, c) -> int | None:
    """sizeof/alignof of a type with CUDA vectors inside, by CUDA's rules (the stand-in headers do
    not align vectors as CUDA does, so clang's answer would be wrong); None for other operands."""
    kids = list(c.get_children())
    operand = kids[0].type if kids else None
    if operand is None or operand.get_canonical().kind.name not in ("RECORD", "CONSTANTARRAY"):
        return None
    t = fl.type_of(c, operand)
    if not _has_vector(t):
        return None
    size, align = size_align(t)
    return size if fl.tokens(c)[:1] == ["sizeof"] else align


def _contains(t, test) -> bool:
    """Is `t`, or an array element or a field of it (at any depth), a struct for which `test` holds?"""
    if isinstance(t, Array):
        return _contains(t.elem, test)
    return isinstance(t, Struct) and (test(t) or any(_contains(f, test) for _, f in t.fields))


def _has_vector(t) -> bool:
    return _contains(t, lambda s: s.vector)


# -- expressions ---------------------------------------------------------------------------------
def member(fl, c) -> N.Expr:
    """`s.f` -> Member(s, f); `p->f` -> Member(*p, f)."""
    field = c.referenced
    if field is None or field.kind != K.FIELD_DECL:
        fl.fail(c, "L003", f"member '{c.spelling}' is not a data member of a struct; static members, and methods "
                           f"used other than by calling them, are not supported in device code")
    kids = [k for k in c.get_children() if not k.kind.is_reference()]
    if len(kids) > 1:
        fl.fail(c, "L003", f"unexpected form of member access '{c.spelling}'")
    # a member named alone, or through `this`, inside a method: the method's object (methods.py)
    base = methods.this_value(fl, c) if not kids or methods.is_this(kids[0]) else fl.expr(kids[0])
    if isinstance(base.type, Pointer):
        base = N.UnOp("*", base, base.type.pointee, loc=base.loc)
    if not isinstance(base.type, Struct) or base.type.field(c.spelling) is None:
        fl.fail(c, "L003", f"member '{c.spelling}' of type '{base.type}' is not supported in device code")
    return N.Member(base, c.spelling, base.type.field(c.spelling), loc=fl.loc(c))


def call(fl, c) -> N.Expr | None:
    """The IR of a call that is really a struct copy, a struct assignment or a make_<vector>;
    None for any other call."""
    callee = c.referenced
    if callee is None:
        return None
    if callee.kind == K.CONSTRUCTOR:
        return _construct(fl, c, callee)
    if callee.kind == K.CXX_METHOD and any(getattr(callee, m)() for m in _ASSIGNS):
        return _assign(fl, c)
    if callee.kind == K.FUNCTION_DECL and c.spelling in _MAKERS and callee.semantic_parent.kind == K.TRANSLATION_UNIT:
        return make_vector(fl, c, _MAKERS[c.spelling])
    return None


def _construct(fl, c, ctor) -> N.Expr:
    if methods.written_constructor(ctor):
        return methods.construct(fl, c, ctor)
    args = list(c.get_arguments())
    struct = fl.type_of(c)
    if not (any(getattr(ctor, m)() for m in _COPIES) and len(args) == 1 and isinstance(struct, Struct)):
        fl.fail(c, "L003", f"constructor call '{c.spelling}(...)' is not supported in device code; "
                           f"use an initializer list")
    return fl.expr(args[0])


def _assign(fl, c) -> N.Expr:
    kids = [k for k in c.get_children() if k.kind.is_expression() or k.kind == K.UNEXPOSED_EXPR]
    target, value = kids[0], kids[-1]
    lhs = fl.expr(target)
    if not isinstance(lhs.type, Struct):
        fl.fail(c, "L003", "this assignment operator is not supported in device code")
    return N.Assign("=", lhs, fl.expr(value), lhs.type, loc=fl.loc(c))


def make_vector(fl, c, name: str) -> N.Expr:
    """make_float4(a, b, c, d) -> InitList of the vector type, each argument converted to the element."""
    s = vector_struct(name)
    args = [fl.expr(a, want=t) for a, (_, t) in zip(c.get_arguments(), s.fields)]
    return N.InitList(args, s, loc=fl.loc(c))


def struct_initializer(fl, c, s: Struct) -> N.Expr:
    """A braced initializer `{a, b}` for struct `s`, with each item converted to its field's type; an array field
    takes a braced list of its own (`{{a, b}, c}`). Designated and nested-brace-elided forms are refused: their
    items do not line up with fields."""
    items = list(c.get_children())
    if len(items) > len(s.fields) or any(k.kind == K.INIT_LIST_EXPR and not isinstance(t, (Struct, Array))
                                         for k, (_, t) in zip(items, s.fields)):
        fl.fail(c, "L003", f"this initializer for struct '{s.name}' is not supported in device code")
    refuse_designated(fl, c)
    given = [_field_value(fl, k, t) for k, (_, t) in zip(items, s.fields)]
    return N.InitList(given + member_defaults.missing_fields(fl, c, s, len(given)), s, loc=fl.loc(c))


def _field_value(fl, k, t) -> N.Expr:
    if isinstance(t, Struct) and k.kind == K.INIT_LIST_EXPR:
        return struct_initializer(fl, k, t)
    if isinstance(t, Array) and k.kind == K.INIT_LIST_EXPR:
        return local_value(fl, k, t)            # an array field's braced list, as a local array's
    return fl.expr(k, want=t)


def init_list(fl, c) -> N.Expr:
    """A braced list where an expression stands (`P{a, b}`, `return {a, b};`): a struct value."""
    ty = fl.type_of(c)
    if not isinstance(ty, Struct):
        fl.fail(c, "L001", "a braced list is only supported here as a struct value")
    return struct_initializer(fl, c, ty)


def compound_literal(fl, c) -> N.Expr:
    """`(float2){a, b}`, C99's compound literal, which nvcc accepts in C++ (HeCBench fft): the struct value of
    its braced list."""
    ty = fl.type_of(c)
    braced = [k for k in c.get_children() if k.kind == K.INIT_LIST_EXPR]
    if not isinstance(ty, Struct) or len(braced) != 1:
        fl.fail(c, "L001", "a compound literal is only supported as a struct value in device code")
    return struct_initializer(fl, braced[0], ty)


def declared_initializer(fl, v, ty):
    """The initializer of local variable `v` of IR type `ty` (None if it has none): braced lists
    for structs here, everything else as globals.initializer does it."""
    if isinstance(ty, Array) and _contains(ty, lambda s: True):
        equals = initializer_offset(v)
        kids = [k for k in v.get_children() if equals is not None and k.extent.start.offset > equals]
        if not kids:
            return None
        items = list(kids[-1].get_children()) if kids[-1].kind == K.INIT_LIST_EXPR else None
        # one braced struct per element (`{{1, 2}, {3, 4}}`); elided braces (`{1, 2, 3, 4}`) do not line up
        if items is None or not isinstance(ty.elem, Struct) or \
                any(i.type.get_canonical().kind != ci.TypeKind.RECORD for i in items):
            fl.fail(v, "L003", "this initializer of an array of structs is not supported in device code (write "
                               "one braced list per element)")
        return local_value(fl, kids[-1], ty)
    if not isinstance(ty, Struct):
        return initializer(fl, v, ty, constant=False)
    equals = initializer_offset(v)
    kids = [k for k in v.get_children() if equals is not None and k.extent.start.offset > equals]
    if not kids:
        return None
    c = kids[-1]
    return struct_initializer(fl, c, ty) if c.kind == K.INIT_LIST_EXPR else fl.expr(c, want=ty)
