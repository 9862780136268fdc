"""libclang types -> IR types."""

from __future__ import annotations

from translator.diagnostics import CutransError, error
from translator.frontend import cub_block, cub_scan, cub_warp, half, wmma
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
    if kind == "INCOMPLETEARRAY":        # only a parameter `T a[]` gets here (extern __shared__ is lowered apart)
        elem = t.element_type
        return Pointer(lower_type(elem, where, default_space), default_space, _const(t))
    if kind == "CONSTANTARRAY":
        return Array(lower_type(t.element_type, where, default_space), t.element_count)
    if kind == "RECORD" and half.is_half_record(t):
        return half.record_type(t)
    if kind == "RECORD":
        def fail(code, message):
            _fail(code, message, where)
        frag = wmma.fragment_of(t, fail)
        if frag is not None:
            return frag.storage
        elem_type = lambda elem: lower_type(elem, where)                                  # noqa: E731
        storage = cub_block.storage_type(t, elem_type, fail) or cub_scan.storage_type(t, elem_type, fail) or \
            cub_warp.storage_type(t)
        return storage if storage is not None else lower_record(t, where, lower_type)
    if kind == "ENUM":                  # an enum (plain or `enum class`) is its underlying integer type
        return lower_type(t.get_declaration().enum_type, where, default_space)
    raise CutransError(error("L003", f"type '{ctype.spelling}' is not supported in device code yet", *where))


def _fail(code: str, message: str, where):
    raise CutransError(error(code, message, *where))


ARRAY_KINDS = ("CONSTANTARRAY", "INCOMPLETEARRAY")


def lower_param_type(ctype, where, space: str):
    """A parameter's type: an array parameter (`float a[4][16]`, `int b[]`) is the pointer it decays
    to, as in C (`float (*a)[16]`, `int *b`), pointing into `space`."""
    t = ctype.get_canonical()
    if t.kind.name in ARRAY_KINDS:
        elem = t.element_type
        return Pointer(lower_type(elem, where, space), space, _const(t))
    return lower_type(ctype, where, space)


def _const(array_type) -> bool:
    """Are the elements of an array type const? (clang may keep the qualifier on the array type.)"""
    return array_type.is_const_qualified() or array_type.element_type.is_const_qualified()
