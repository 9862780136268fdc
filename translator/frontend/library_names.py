"""Which qualified library name (`cub::DeviceReduce`, `thrust::cuda::par`) an identifier of the main file is.

C++ libraries keep short, common words in their namespaces: `thrust::copy` is a library name, `std::copy` and
a program's own `copy` are not. An identifier counts as a qualified record's name where the program writes
the whole qualified name (`thrust::cuda::par`), or where clang resolves it to a declaration in that scope
(`reduce` after `using namespace thrust`). The site then covers the qualifier as written, so that the rewrite
replaces `cub::DeviceReduce` as a whole; only the parts written are rewritten.
"""

from __future__ import annotations

import ctypes

import clang.cindex as ci

from translator import mappings
from translator.mappings import Record

_SCOPE_KINDS = {ci.CursorKind.NAMESPACE, ci.CursorKind.NAMESPACE_ALIAS, ci.CursorKind.STRUCT_DECL,
                ci.CursorKind.CLASS_DECL, ci.CursorKind.CLASS_TEMPLATE, ci.CursorKind.ENUM_DECL}
_BOUND = False


def _inline_namespace(cursor) -> bool:
    """An inline namespace (CCCL's versioned ABI namespaces) is not part of a name as programs write it.
    The Python binding does not wrap clang_Cursor_isInlineNamespace, so it is called through ctypes."""
    global _BOUND
    lib = ci.conf.lib
    if not _BOUND:
        lib.clang_Cursor_isInlineNamespace.argtypes = [ci.Cursor]
        lib.clang_Cursor_isInlineNamespace.restype = ctypes.c_uint
        _BOUND = True
    return cursor.kind == ci.CursorKind.NAMESPACE and bool(lib.clang_Cursor_isInlineNamespace(cursor))


def qualified_name(decl) -> str:
    """`cub::DeviceReduce` for the declaration of DeviceReduce in namespace cub; scoped enums, anonymous and
    inline namespaces are left out."""
    parts = [decl.spelling]
    parent = decl.semantic_parent
    while parent is not None and parent.kind in _SCOPE_KINDS:
        if parent.spelling and not _inline_namespace(parent) and not (
                parent.kind == ci.CursorKind.ENUM_DECL and not parent.is_scoped_enum()):
            parts.append(parent.spelling)
        parent = parent.semantic_parent
    return "::".join(reversed(parts))


def written_qualifier(tokens, i: int) -> int:
    """Index of the first token of the `a::b::` chain written just before token i (i itself when none)."""
    first = i
    while first >= 2 and tokens[first - 1][0] == "::" and tokens[first - 2][1] == ci.TokenKind.IDENTIFIER:
        first -= 2
    return first


def _resolved(tu, path: str, offset: int) -> str:
    """The qualified name of the library declaration (in a system header) the token at `offset` refers to."""
    cursor = ci.Cursor.from_location(tu, ci.SourceLocation.from_offset(tu, tu.get_file(path), offset))
    ref = cursor.referenced if cursor is not None else None
    if ref is None or ref.location.file is None or not ref.location.is_in_system_header:
        return ""
    return qualified_name(ref)


def match(tokens, i: int, candidates: tuple[Record, ...], tu, path: str) -> tuple[Record, int, int] | None:
    """For identifier token i, the qualified record it names among `candidates` (records whose name ends with
    it), the index of the site's first token and how many parts of the name the site covers; None when it
    names none of them."""
    first = written_qualifier(tokens, i)
    written = [tokens[j][0] for j in range(first, i + 1, 2)]
    for record in candidates:
        if record.name == "::".join(written):
            return record, first, len(written)
    resolved = _resolved(tu, path, tokens[i][2])
    for record in candidates:
        if record.name == resolved:
            tail = record.name.split("::")[-len(written):]
            return (record, first, len(written)) if tail == written else (record, i, 1)
    return None


def library_record(decl) -> Record | None:
    """The library record a declaration belongs to: its own (curand_init, cub::LaneId), else that of the nearest
    scope the tables name (cub::BlockReduce for BlockReduce<float, 128>::TempStorage); None for others."""
    name = qualified_name(decl)
    while name:
        record = mappings.lookup(name)
        if record is not None and record.title:
            return record
        name = name.rpartition("::")[0]
    return None


def defined_for_device_code(record: Record, callee) -> bool:
    """Whether a library function is translated into OpenCL and CPU device code from its definition in the stand-in
    headers (cuComplex's, runtime_shims/common/cutrans_cucomplex.h): its record says both targets support it under
    its own name, and the stand-in gives it a body."""
    return (callee is not None and record.kind == "function"
            and all(record.flag(t) == "supported" and record.target_name(t) == record.name for t in ("opencl", "cpu"))
            and callee.get_definition() is not None)
