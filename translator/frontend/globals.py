"""File-scope variables that device code reads: `__constant__` and `__device__` globals, and plain
`const` globals whose value the compiler knows (folded into literals)."""

from __future__ import annotations

import functools
import os

import clang.cindex as ci

from translator.frontend import string_literals
from translator.frontend.evaluate import evaluate
from translator.ir import nodes as N
from translator.ir.types import Array, Scalar, Struct, is_float

K = ci.CursorKind
SPACES = {K.CUDACONSTANT_ATTR: "constant", K.CUDADEVICE_ATTR: "global"}


def global_space(cursor) -> str | None:
    """'constant' or 'global' for a file-scope __constant__ / __device__ variable, else None."""
    for child in cursor.get_children():
        if child.kind in SPACES:
            return SPACES[child.kind]
    return None


def initializer(fl, cursor, ty, constant: bool = True):
    """The IR for a declaration's initializer (an expression, or a braced list), or None.
    `constant`: a device global's initializer must be literals (it is emitted at file scope)."""
    equals = initializer_offset(cursor)
    kids = [c for c in cursor.get_children() if equals is not None and c.extent.start.offset > equals]
    if not kids:
        return None
    return _value(fl, kids[-1], ty, constant)


def initializer_offset(cursor) -> int | None:
    """Where the `=` (or C++11 `{`, or a direct `(`) of a declaration's initializer is; array sizes are children of
    the declaration too, before it. For `T x(v)` and `T x{}` it is just before the name: clang's construction
    of a class (`__half2 r{}`) starts at the name itself, and was missed (r left uninitialized). From the tokens, or
    where libclang gives none (an extent that starts in a macro such as `__constant__`) from the file's bytes. A
    declaration that a macro writes (`#define D int q = 5;`) has no tokens of its own, only the macro's use: there
    clang's own initializer tells (_expanded_initializer_offset)."""
    depth, tokens = 0, list(cursor.get_tokens()) or _tokens_from_name(cursor)
    if tokens and not any(t.spelling == cursor.spelling and t.extent.start.offset == cursor.location.offset
                          for t in tokens):
        return _expanded_initializer_offset(cursor)
    for t in tokens:
        after_name = t.extent.start.offset > cursor.location.offset
        if depth == 0 and t.spelling == "(" and after_name:
            return cursor.location.offset - 1   # `T x(v)`: a class's construction starts at the name itself
        depth += {"[": 1, "(": 1, "]": -1, ")": -1}.get(t.spelling, 0)
        if depth == 0 and t.spelling == "=" and after_name:
            return t.extent.start.offset
        if depth == 0 and t.spelling == "{" and after_name:
            return cursor.location.offset - 1
    if tokens:
        return None
    start, end = cursor.extent.start, cursor.extent.end
    if start.file is None or not os.path.isfile(start.file.name):
        return None
    stat = os.stat(start.file.name)
    text = _file_bytes(start.file.name, stat.st_mtime_ns, stat.st_size)[cursor.location.offset:end.offset]
    start_offset = cursor.location.offset
    depth = 0
    for i, ch in enumerate(text):
        if depth == 0 and ch == ord("("):
            return start_offset - 1
        depth += {ord("["): 1, ord("("): 1, ord("]"): -1, ord(")"): -1}.get(ch, 0)
        if depth == 0 and ch == ord("="):
            return start_offset + i
        if depth == 0 and ch == ord("{"):
            return start_offset - 1                         # `{` alone: C++11 brace initialization
    return None


def _expanded_initializer_offset(cursor) -> int | None:
    """For a declaration written by a macro, whose children all sit at the macro's use: just before them when clang
    gives the variable an initializer (it is then the last child), else None."""
    return None if _var_initializer(cursor) is None else cursor.location.offset - 1


def _var_initializer(cursor):
    """clang's initializer expression of variable `cursor` (clang_Cursor_getVarDeclInitializer), or None."""
    get = ci.conf.lib.clang_Cursor_getVarDeclInitializer
    if get.restype is not ci.Cursor:
        get.argtypes, get.restype = [ci.Cursor], ci.Cursor
    return ci.Cursor.from_result(get(cursor), cursor)


def _tokens_from_name(cursor) -> list:
    """The declaration's tokens from its name on, where its extent starts inside a macro (libclang
    gives no tokens for such an extent). They come from the text libclang parsed, which is not the
    file on disk when the file was parsed with unsaved contents (template instances)."""
    loc, end = cursor.location, cursor.extent.end
    if loc.file is None or end.file is None or loc.file.name != end.file.name or end.offset <= loc.offset:
        return []
    return list(cursor.translation_unit.get_tokens(extent=ci.SourceRange.from_locations(loc, end)))


@functools.lru_cache(maxsize=16)
def _file_bytes(path: str, mtime_ns: int, size: int) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def local_value(fl, c, ty):
    """The IR of initializer `c` of a local of type `ty`: a braced list of a struct or an array (nested ones
    too), a string for a char array, or any expression."""
    return _value(fl, c, ty, constant=False)


def _value(fl, c, ty, constant: bool = True):
    while c.kind == K.UNEXPOSED_EXPR and len(list(c.get_children())) == 1 and isinstance(ty, Array):
        c = next(iter(c.get_children()))
    if c.kind == K.INIT_LIST_EXPR and isinstance(ty, Struct):
        refuse_designated(fl, c)
        items = list(c.get_children())
        if ty.union or len(items) > len(ty.fields):
            fl.fail(c, "L001", f"unsupported initializer of {'union' if ty.union else 'struct'} '{ty.name}'")
        # fields without an initializer are zero, in C as in C++, unless they have default member initializers
        from translator.frontend.member_defaults import missing_fields
        given = [_value(fl, item, t, constant) for item, (_, t) in zip(items, ty.fields)]
        return N.InitList(given + missing_fields(fl, c, ty, len(given)), ty, loc=fl.loc(c))
    if c.kind == K.INIT_LIST_EXPR:
        if not isinstance(ty, Array):
            items = list(c.get_children())
            return _value(fl, items[0], ty, constant) if len(items) == 1 else \
                fl.fail(c, "L001", "unsupported initializer")
        items = [_value(fl, item, ty.elem, constant) for item in c.get_children()]
        if len(items) > ty.size:
            fl.fail(c, "L001", "too many initializers")
        from translator.frontend.member_defaults import missing_elements
        return N.InitList(items + missing_elements(fl, c, ty, len(items)), ty, loc=fl.loc(c))
    if string_literals.is_string_initializer(c, ty):
        return string_literals.items(fl, c, ty)
    if isinstance(ty, Array):
        fl.fail(c, "L001", "this array initializer is not supported in device code")
    value = fl.expr(c, want=ty)
    if constant and not _is_constant(value):
        # a constant expression of other constants (`static __device__ const uint8_t b = a << 4;`): clang's value
        folded = evaluate(c) if isinstance(ty, Scalar) else None
        if folded is None:
            fl.fail(c, "L001", "a device global's initializer must be a constant expression")
        return _literal(fl, c, ty, folded)
    return value


def refuse_designated(fl, c) -> None:
    """Refuse a designated initializer (`{.y = 1.0f}`): libclang lists only the items written, which then do
    not line up with the fields (x would get 1.0f)."""
    toks = [t.spelling for t in c.get_tokens()]
    if any(t == "." and before in ("{", ",") for before, t in zip(toks, toks[1:])):
        fl.fail(c, "L003", "designated initializers are not supported in device code")


def _is_constant(e) -> bool:
    if isinstance(e, (N.IntLit, N.FloatLit, N.BoolLit)):
        return True
    if isinstance(e, N.Cast):
        return _is_constant(e.value)
    if isinstance(e, N.UnOp) and e.op in ("-", "+", "~"):
        return _is_constant(e.operand)
    if isinstance(e, N.BinOp):
        return _is_constant(e.lhs) and _is_constant(e.rhs)
    return False


def folded_constant(fl, c, ref):
    """A `const` file-scope scalar with a known value, as a literal; None if it is not one."""
    if not ref.type.is_const_qualified():
        return None
    ty = fl.type_of(c)
    if not isinstance(ty, Scalar):
        return None
    value = evaluate(ref)
    return None if value is None else _literal(fl, c, ty, value)


def _literal(fl, c, ty: Scalar, value):
    if is_float(ty):
        return N.FloatLit(float(value), "", ty, loc=fl.loc(c))
    return N.IntLit(int(value), ty, loc=fl.loc(c))
