"""libclang types -> IR types."""

from __future__ import annotations

from translator.diagnostics import CutransError, error
from translator.frontend.records import lower_record
from translator.ir.types import Array, Pointer, Scalar

_SCALAR_KINDS = {
    "VOID": "void", "BOOL": "bool", "CHAR_S": "i8", "SCHAR": "i8", "CHAR_U": "u8", "UCHAR": "u8",
    "SHORT": "i16", "USHORT": "u16", "INT": "i32", "UINT": "u32", "LONG": "i64", "ULONG": "u64",
    "LONGLONG": "i64", "ULONGLONG": "u64", "FLOAT": "f32", "DOUBLE": "f64", "HALF": "f16",
    "FLOAT16": "f16", "BFLOAT16": "bf16",
}


def lower_type(ctype, where, default_space: str = "generic"):
    """Lower a clang Type; `where` is (path, line, col) for the diagnostic when it has no IR form."""
    t = ctype.get_canonical()
    kind = t.kind.name
    if kind in _SCALAR_KINDS:
        return Scalar(_SCALAR_KINDS[kind])
    if kind == "POINTER":
        pointee = t.get_pointee()
        if pointee.get_canonical().kind.name == "FUNCTIONPROTO":
            raise CutransError(error("L003", "function pointers are not supported in device code", *where))
        return Pointer(lower_type(pointee, where), default_space, pointee.is_const_qualified(),
                       t.is_restrict_qualified())
    if kind == "CONSTANTARRAY":
        return Array(lower_type(t.element_type, where, default_space), t.element_count)
    if kind == "RECORD":
        return lower_record(t, where, lower_type)
    raise CutransError(error("L003", f"type '{ctype.spelling}' is not supported in device code yet", *where))
