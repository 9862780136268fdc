"""Variable templates of device memory: `template <class T> __constant__ T mask[N];`.

Each instance that device code reads (`mask<float>`) becomes a device variable of its own, named after
its template arguments as a function template's instance is (`mask_float`). libclang exposes a variable
template and its instances only as unexposed declarations, with no template arguments; the arguments
come from the instance's USR (clang's own encoding of them, e.g. `c:@mask>#f`, `c:@table>#VI4#Vb1`),
which is exact for builtin types and integral values, the arguments device memory is sized and typed
by. Other arguments (pointers, structs) are refused.

Host code keeps naming `mask<T>`, often inside a host function template. On the targets that move device
memory out of the host file (OpenCL, CPU), each such name becomes `cutrans_symbol_mask<T>::ref()`: the
launch header declares class template `cutrans_symbol_mask` with one specialization per instance,
whose `ref()` returns the instance's host variable, so the C++ compiler picks the instance as it picked
the variable (`cudaMemcpyToSymbol(mask<T>, ...)` keeps its meaning). HIP keeps variable templates as
they are.
"""

from __future__ import annotations

import re
import weakref
from typing import NamedTuple

import clang.cindex as ci

from translator.frontend import tu_index
from translator.frontend.clang_ops import angle_list
from translator.frontend.sites import SymbolTemplateSite

K = ci.CursorKind
HOST_PREFIX = "cutrans_symbol_"
_ATTR_KINDS = {K.CUDACONSTANT_ATTR: "constant_variable", K.CUDADEVICE_ATTR: "device_variable"}
_KIND_WORDS = {"__constant__": "constant_variable", "__device__": "device_variable"}
# USR codes of builtin types (clang's USRGeneration): C++ spelling, part of an instance's name.
BUILTINS = {
    "b": ("bool", "bool"), "C": ("char", "char"), "r": ("signed char", "schar"), "c": ("unsigned char", "uchar"),
    "S": ("short", "short"), "s": ("unsigned short", "ushort"), "I": ("int", "int"), "i": ("unsigned int", "uint"),
    "L": ("long", "long"), "l": ("unsigned long", "ulong"), "K": ("long long", "longlong"),
    "k": ("unsigned long long", "ulonglong"), "f": ("float", "float"), "d": ("double", "double"),
}
_UNSIGNED = {"b", "c", "s", "i", "l", "k"}
_VALUE = re.compile(r"V([A-Za-z])(-?[0-9]+)")


class Argument(NamedTuple):
    mangled: str     # its part of the instance's name
    host: str        # as a template argument in generated host code


class Instance(NamedTuple):
    template: str            # the variable template's name
    name: str                # the device variable's name: mask_float
    host_args: str           # float


def is_template(cursor) -> bool:
    """Is `cursor` a file-scope variable template (its primary declaration)?"""
    return cursor.kind == K.UNEXPOSED_DECL and _usr_parts(cursor) is not None and ">" not in cursor.get_usr() \
        and [t.spelling for t in _tokens(cursor, 2)] == ["template", "<"]


def is_instance(cursor) -> bool:
    """Is `cursor` (what a name in code refers to) an instance of a file-scope variable template?"""
    parts = _usr_parts(cursor)
    return cursor.kind == K.UNEXPOSED_DECL and parts is not None and parts[1] is not None


def instance(cursor, fail) -> Instance:
    """The instance that `cursor` (is_instance) is; `fail(message)` raises for arguments that have no
    exact spelling here."""
    name, encoded = _usr_parts(cursor)
    args = [_argument(a, fail) for a in encoded.split("#")[1:]]
    host = ", ".join(a.host for a in args)
    return Instance(name, "_".join([name] + [a.mangled for a in args]), host)


def _usr_parts(cursor) -> tuple[str, str | None] | None:
    """(name, encoded template arguments or None) from a file-scope variable's USR `c:@name[>args]`."""
    match = re.fullmatch(r"c:@([A-Za-z_][A-Za-z0-9_]*)(>.*)?", cursor.get_usr() or "")
    return (match.group(1), match.group(2)) if match else None


def _argument(encoded: str, fail) -> Argument:
    if encoded in BUILTINS:
        spelling, word = BUILTINS[encoded]
        return Argument(word, spelling)
    value = _VALUE.fullmatch(encoded)
    if value and value.group(1) in BUILTINS and BUILTINS[value.group(1)][0] not in ("float", "double"):
        code, number = value.group(1), int(value.group(2))
        if code == "b":
            return Argument(str(number), "true" if number else "false")
        host = f"{number}u" if code in _UNSIGNED else str(number)
        return Argument(f"m{-number}" if number < 0 else str(number), host)
    fail(f"a template argument (clang's encoding '{encoded}') that is not a builtin arithmetic type or an "
         f"integral value")
    raise AssertionError("fail() returns")


def _tokens(cursor, limit: int | None = None) -> list:
    out = []
    for t in cursor.get_tokens():
        out.append(t)
        if limit is not None and len(out) == limit:
            break
    return out


def parameters(cursor) -> str:
    """The template parameter list of variable template `cursor` as written, defaults left out."""
    tokens = [t.spelling for t in _tokens(cursor)]
    depth, params, current = 0, [], []
    for t in tokens[2:]:
        if depth == 0 and t in (",", ">"):
            params.append(current)
            current = []
            if t == ">":
                break
            continue
        depth += {"<": 1, "(": 1, ">": -1, ")": -1}.get(t, 0)
        current.append(t)
    return ", ".join(" ".join(p[:p.index("=")] if "=" in p else p) for p in params)


def _space_kind(cursor, instances) -> str | None:
    """constant_variable / device_variable for a variable template in device memory (from an instance's
    attributes, or the template's own words when nothing instantiates it), None for any other."""
    for inst in instances:
        for child in inst.get_children():
            if child.kind in _ATTR_KINDS:
                return _ATTR_KINDS[child.kind]
    for t in _tokens(cursor):
        if t.spelling in _KIND_WORDS:
            return _KIND_WORDS[t.spelling]
    return None


_DEVICE_TEMPLATES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()   # tu -> {name: kind}


def device_templates(tu) -> dict[str, str]:
    """The file-scope variable templates in device memory that `tu` declares: name -> constant_variable or
    device_variable (the DeviceDeclSite kind). Scanned once per translation unit."""
    if tu not in _DEVICE_TEMPLATES:
        top = tu_index.of_kind(tu, K.UNEXPOSED_DECL)
        instances: dict[str, list] = {}
        for c in top:
            if is_instance(c):
                instances.setdefault(_usr_parts(c)[0], []).append(c)
        kinds = {c.spelling: _space_kind(c, instances.get(c.spelling, [])) for c in top if is_template(c)}
        _DEVICE_TEMPLATES[tu] = {name: kind for name, kind in kinds.items() if kind is not None}
    return _DEVICE_TEMPLATES[tu]


def reference_sites(fl, tu, templates) -> list[SymbolTemplateSite]:
    """Where host or device code of the file names an instance of one of `templates` (`mask<T>`): the
    name, checked against clang's cursor there (a local `mask < 4` is a comparison), and the `>` that
    closes its arguments."""
    if not templates:
        return []
    f = tu.get_file(fl.main)
    sites = []
    for i, (spelling, kind, start, end) in enumerate(fl.tokens):
        if spelling not in templates or kind != ci.TokenKind.IDENTIFIER or i + 1 >= len(fl.tokens) \
                or fl.tokens[i + 1][0] != "<" or (i and fl.tokens[i - 1][0] in (".", "->", "::")):
            continue
        cursor = ci.Cursor.from_location(tu, ci.SourceLocation.from_offset(tu, f, start))
        ref = cursor.referenced if cursor is not None and cursor.kind == K.DECL_REF_EXPR else None
        if ref is None or ref.kind != K.UNEXPOSED_DECL or (_usr_parts(ref) or ("",))[0] != spelling:
            continue
        close = _closing_angle(fl.tokens, i + 1)
        if close is not None:
            sites.append(SymbolTemplateSite(spelling, fl.span(start, end), close))
    return sites


def _closing_angle(tokens, opening: int) -> int | None:
    """The offset just past the `>` that closes the `<` at token index `opening`; None where that `>` is the first
    of a `>>` that closes an outer list too."""
    found = angle_list(tokens, opening)
    if found is None or found[0] + 1 != found[1]:
        return None
    return found[1]


def host_name(template: str) -> str:
    """What host code names variable template `template` by on the OpenCL and CPU targets."""
    return HOST_PREFIX + template
