"""IR types: scalars, pointers with address spaces, fixed arrays."""

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


Type = Scalar | Pointer | Array

# name -> (bits, kind) where kind is int | uint | float | bool | void
SCALARS = {
    "void": (0, "void"), "bool": (8, "bool"),
    "i8": (8, "int"), "u8": (8, "uint"), "i16": (16, "int"), "u16": (16, "uint"),
    "i32": (32, "int"), "u32": (32, "uint"), "i64": (64, "int"), "u64": (64, "uint"),
    "f16": (16, "float"), "bf16": (16, "float"), "f32": (32, "float"), "f64": (64, "float"),
}

VOID, BOOL = Scalar("void"), Scalar("bool")
I32, U32, I64, U64 = Scalar("i32"), Scalar("u32"), Scalar("i64"), Scalar("u64")
F32, F64 = Scalar("f32"), Scalar("f64")


def is_float(t) -> bool:
    return isinstance(t, Scalar) and SCALARS[t.name][1] == "float"


def is_integer(t) -> bool:
    return isinstance(t, Scalar) and SCALARS[t.name][1] in ("int", "uint", "bool")


def is_scalar(t) -> bool:
    return isinstance(t, Scalar) and t.name != "void"


def bits(t) -> int:
    return SCALARS[t.name][0]


def with_space(t: Type, space: str) -> Type:
    """The same pointer type in another address space (non-pointers unchanged)."""
    return dataclasses.replace(t, space=space) if isinstance(t, Pointer) else t


def parse_type(text: str) -> Type:
    """Inverse of str(): used by the IR text round trip."""
    text = text.strip()
    if text.endswith("]"):
        elem, _, size = text[:-1].rpartition("[")
        return Array(parse_type(elem), int(size))
    restrict = text.endswith(" restrict")
    if restrict:
        text = text[: -len(" restrict")]
    if "*" in text:
        pointee, _, space = text.rpartition("*")
        const = pointee.endswith(" const")
        return Pointer(parse_type(pointee[:-6] if const else pointee), space, const, restrict)
    if text not in SCALARS:
        raise ValueError(f"unknown IR type {text!r}")
    return Scalar(text)
