"""IR types: scalars, pointers with address spaces, fixed arrays, structs (and CUDA vector types)."""

from __future__ import annotations

import dataclasses

SPACES = ("generic", "global", "shared", "constant", "local", "private")


@dataclasses.dataclass(frozen=True)
class Scalar:
    name: str          # one of SCALARS

    def __str__(self) -> str:
        return self.name


@dataclasses.dataclass(frozen=True)
class Pointer:
    pointee: "Type"
    space: str = "generic"
    const: bool = False        # the pointee is const
    restrict: bool = False

    def __post_init__(self):
        if self.space not in SPACES:
            raise ValueError(f"unknown address space {self.space!r}")

    def __str__(self) -> str:
        const = " const" if self.const else ""
        restrict = " restrict" if self.restrict else ""
        return f"{self.pointee}{const}*{self.space}{restrict}"


@dataclasses.dataclass(frozen=True)
class Array:
    elem: "Type"
    size: int

    def __str__(self) -> str:
        return f"{self.elem}[{self.size}]"


@dataclasses.dataclass(frozen=True)
class Struct:
    """A C struct: ordered (field name, type) pairs. `vector`: one of CUDA's built-in vector types
    (float4, int2...), which a backend may spell natively and which carries CUDA's alignment.
    `union`: a C union, whose fields all start at offset 0. `align`: an alignment above the natural
    one that the program asked for (`struct __align__(16) S`, alignas), else 0. `private_fields`: some field
    is private or protected, so host code outside the struct cannot name it (offsetof)."""
    name: str
    fields: tuple          # ((name, Type), ...)
    vector: bool = False
    union: bool = False
    align: int = 0
    private_fields: bool = False

    def __str__(self) -> str:
        return f"{'union' if self.union else 'struct'} {self.name}"

    def field(self, name: str):
        """The type of field `name`, or None."""
        return dict(self.fields).get(name)

    def definition(self) -> str:
        """The IR text of the definition: `struct float4 vector { x: f32; ... }`."""
        body = "; ".join(f"{n}: {t}" for n, t in self.fields)
        aligned = f" align({self.align})" if self.align else ""
        return f"{self}{' vector' if self.vector else ''}{aligned} {{ {body} }}"


Type = Scalar | Pointer | Array | Struct

# name -> (bits, kind) where kind is int | uint | float | bool | void
SCALARS = {
    "void": (0, "void"), "bool": (8, "bool"),
    "i8": (8, "int"), "u8": (8, "uint"), "i16": (16, "int"), "u16": (16, "uint"),
    "i32": (32, "int"), "u32": (32, "uint"), "i64": (64, "int"), "u64": (64, "uint"),
    "f16": (16, "float"), "bf16": (16, "float"), "f32": (32, "float"), "f64": (64, "float"),
}

VOID, BOOL = Scalar("void"), Scalar("bool")
I16, U16, I32, U32, I64, U64 = Scalar("i16"), Scalar("u16"), Scalar("i32"), Scalar("u32"), Scalar("i64"), Scalar("u64")
F16, BF16, F32, F64 = Scalar("f16"), Scalar("bf16"), Scalar("f32"), Scalar("f64")


def is_float(t) -> bool:
    return isinstance(t, Scalar) and SCALARS[t.name][1] == "float"


def is_integer(t) -> bool:
    return isinstance(t, Scalar) and SCALARS[t.name][1] in ("int", "uint", "bool")


def is_scalar(t) -> bool:
    return isinstance(t, Scalar) and t.name != "void"


def bits(t) -> int:
    return SCALARS[t.name][0]


def element_types(t) -> tuple:
    """The types under `t`'s pointers and arrays, outermost first (`f16**` -> (f16*, f16))."""
    out = []
    while isinstance(t, (Pointer, Array)):
        t = t.pointee if isinstance(t, Pointer) else t.elem
        out.append(t)
    return tuple(out)


def innermost(t):
    """What `t` is, or points to, or holds, under every pointer and array."""
    return (element_types(t) or (t,))[-1]


def with_space(t: Type, space: str) -> Type:
    """The same pointer type in another address space (non-pointers unchanged)."""
    return dataclasses.replace(t, space=space) if isinstance(t, Pointer) else t


def parse_type(text: str, structs: dict | None = None) -> Type:
    """Inverse of str(): used by the IR text round trip. `structs`: name -> Struct, for `struct N`."""
    text = text.strip()
    kind, _, name = text.partition(" ")
    if kind in ("struct", "union") and "*" not in text and not text.endswith("]"):
        return (structs or {})[name]
    if text.endswith("]"):
        elem, _, size = text[:-1].rpartition("[")
        return Array(parse_type(elem, structs), int(size))
    restrict = text.endswith(" restrict")
    if restrict:
        text = text[: -len(" restrict")]
    if "*" in text:
        pointee, _, space = text.rpartition("*")
        const = pointee.endswith(" const")
        return Pointer(parse_type(pointee[:-6] if const else pointee, structs), space, const, restrict)
    if text not in SCALARS:
        raise ValueError(f"unknown IR type {text!r}")
    return Scalar(text)


# CUDA's vector families: name prefix -> element type. `long`/`ulong` vectors hold 64-bit elements, as
# `long` is on the 64-bit Linux hosts the frontend parses for (LP64; the scalars are lowered likewise).
VECTOR_ELEMENTS = {
    "char": "i8", "uchar": "u8", "short": "i16", "ushort": "u16", "int": "i32", "uint": "u32",
    "long": "i64", "ulong": "u64", "longlong": "i64", "ulonglong": "u64", "float": "f32", "double": "f64",
}
VECTOR_TYPES = {f"{prefix}{n}": (Scalar(elem), n) for prefix, elem in VECTOR_ELEMENTS.items() for n in (2, 3, 4)}


def vector_struct(name: str) -> Struct:
    """The Struct for CUDA vector type `name` (float4: fields x, y, z, w of f32)."""
    elem, n = VECTOR_TYPES[name]
    return Struct(name, tuple((f, elem) for f in "xyzw"[:n]), vector=True)


# cuda_fp16.h's __half2: two halves, aligned to 4 bytes like CUDA's vectors of that size
HALF2 = Struct("half2", (("x", F16), ("y", F16)), vector=True)
# cuda_bf16.h's __nv_bfloat162: two bfloat16 values, aligned to 4 bytes likewise
BFLOAT162 = Struct("nv_bfloat162", (("x", BF16), ("y", BF16)), vector=True)


def size_align(t) -> tuple[int, int]:
    """(size, alignment) in bytes with CUDA's (and x86-64's) rules: scalars and pointers are
    naturally aligned; a 2- or 4-element vector is aligned to its size, at most 16 bytes."""
    if isinstance(t, Scalar):
        size = max(bits(t) // 8, 1)
        return size, size
    if isinstance(t, Pointer):
        return 8, 8
    if isinstance(t, Array):
        size, align = size_align(t.elem)
        return size * t.size, align
    offsets, end, align = _layout(t)
    if t.vector and len(t.fields) in (2, 4):
        align = min(end, 16)
    align = max(align, t.align)
    return -(-end // align) * align, align


def field_offsets(s: Struct) -> list[int]:
    """The byte offset of each field of `s`, in order."""
    return _layout(s)[0]


def _layout(s: Struct) -> tuple[list[int], int, int]:
    offsets, end, align = [], 0, 1
    for _, t in s.fields:
        size, a = size_align(t)
        start = 0 if s.union else -(-end // a) * a
        offsets.append(start)
        end, align = max(end, start + size), max(align, a)
    return offsets, end, align


def used_structs(nodes) -> list[Struct]:
    """The structs that IR `nodes` (for instance walk(module)) mention in their types, each after
    the structs its fields use."""
    found: list[Struct] = []
    for n in nodes:
        for t in (getattr(n, "type", None), getattr(n, "ret", None)):
            _add_structs(t, found)
    return found


def _add_structs(t, found: list) -> None:
    if isinstance(t, Pointer):
        _add_structs(t.pointee, found)
    elif isinstance(t, Array):
        _add_structs(t.elem, found)
    elif isinstance(t, Struct) and t not in found:
        for _, f in t.fields:
            _add_structs(f, found)
        found.append(t)
