"""Facts libclang knows but its Python bindings do not expose, read through the C API with ctypes.

unary_operator: which unary operator a UNARY_OPERATOR cursor applies (clang_getCursorUnaryOperatorKind,
libclang 17+). Reading tokens fails where the operator is written through a macro (`#define NOT !`);
the C API answers from the AST. Returns None where the library lacks the function.

strip_parens: the expression under parentheses and libclang's unexposed wrappers (implicit conversions).

template_args: the top-level template arguments of a type's spelling, which the bindings give only for types.
"""

from __future__ import annotations

import ctypes
import functools

from clang import cindex

# CXUnaryOperatorKind -> the IR's spelling (translator.ir UnOp.op); Real/Imag/Extension/Coawait are absent.
UNARY_KINDS = {1: "post++", 2: "post--", 3: "++", 4: "--", 5: "&", 6: "*", 7: "+", 8: "-", 9: "~", 10: "!"}


@functools.lru_cache(maxsize=1)
def _unary_kind_function():
    try:
        function = cindex.conf.lib.clang_getCursorUnaryOperatorKind
    except AttributeError:
        return None
    function.argtypes = [cindex.Cursor]
    function.restype = ctypes.c_int
    return function


def unary_operator(cursor) -> str | None:
    function = _unary_kind_function()
    return None if function is None else UNARY_KINDS.get(function(cursor))


def strip_parens(cursor):
    """The expression under parentheses and single-child unexposed wrappers (implicit conversions); a wrapper
    with several children is returned as it is."""
    transparent = (cindex.CursorKind.UNEXPOSED_EXPR, cindex.CursorKind.PAREN_EXPR)
    while cursor.kind in transparent:
        kids = list(cursor.get_children())
        if len(kids) != 1:
            break
        cursor = kids[0]
    return cursor


def template_args(spelling: str) -> list[str]:
    """The top-level template arguments of `ns::fragment<a, b<c, d>, e>`."""
    inner = spelling[spelling.index("<") + 1:spelling.rindex(">")]
    args, depth, start = [], 0, 0
    for i, ch in enumerate(inner):
        depth += {"<": 1, ">": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            args.append(inner[start:i].strip())
            start = i + 1
    return args + [inner[start:].strip()]


def angle_list(tokens, opening: int) -> tuple[int, int, int] | None:
    """The template argument list whose `<` is token `opening` of `tokens` ((spelling, kind, start, end) each):
    (offset of its closing `>`, end of the token holding that `>`, number of top-level arguments). A `>>` closes
    two lists, the first with its first character. None where a `;` comes before the list closes."""
    angles = parens = commas = 0
    for spelling, _, start, end in tokens[opening:]:
        if spelling in ("(", "[", "{"):
            parens += 1
        elif spelling in (")", "]", "}"):
            parens -= 1
        elif parens == 0 and spelling == "<":
            angles += 1
        elif parens == 0 and spelling in (">", ">>"):
            for k in range(len(spelling)):
                angles -= 1
                if angles == 0:
                    return start + k, end, commas + 1
        elif parens == 0 and angles == 1 and spelling == ",":
            commas += 1
        elif spelling == ";":
            return None
    return None


_REFERENCE_KINDS = ("LVALUEREFERENCE", "RVALUEREFERENCE")


def is_reference(ctype) -> bool:
    """Whether a declared type is a C++ reference (`T &`, `const T &`, `T &&`)."""
    return ctype.get_canonical().kind.name in _REFERENCE_KINDS or ctype.kind.name in _REFERENCE_KINDS


def type_declaration(ctype):
    """The declaration of `ctype`'s canonical type, its definition where there is one: libclang gives the first
    declaration, which for `typedef struct S S; struct S {...};` is the forward one, without S's members."""
    decl = ctype.get_canonical().get_declaration()
    return decl.get_definition() or decl if decl is not None else None


_RECORDS = (cindex.CursorKind.STRUCT_DECL, cindex.CursorKind.CLASS_DECL, cindex.CursorKind.UNION_DECL)
_ARRAYS = (cindex.TypeKind.CONSTANTARRAY, cindex.TypeKind.INCOMPLETEARRAY)


def held_record(ctype):
    """The struct, class or union declaration that an object of type `ctype` is or holds (through arrays), or None."""
    t = ctype.get_canonical()
    while t.kind in _ARRAYS:
        t = t.element_type.get_canonical()
    decl = type_declaration(t) if t.kind == cindex.TypeKind.RECORD else None
    return decl if decl is not None and decl.kind in _RECORDS else None


def is_closure_type(ctype) -> bool:
    """The type of a lambda (libclang names it `(lambda at file:line:col)`)."""
    decl = ctype.get_canonical().get_declaration()
    return decl is not None and decl.kind in (cindex.CursorKind.CLASS_DECL, cindex.CursorKind.STRUCT_DECL) and \
        decl.type.spelling.removeprefix("const ").startswith("(lambda at ")
