"""Kernel-mode cases of `cutrans verify`: which kernel, its launch shape and its arguments.

A case comes from the command line (`verify FILE --kernel NAME --grid 4 --block 256 --arg ...`) or from a
`[[tool.cutrans.verify]]` table of a pyproject.toml. Each kernel parameter is declared by one argument
string, in parameter order:

    buffer   [aside] [in|out|inout] DTYPE[DIM, ...] [as CTYPE] [= FILL]
    scalar   DTYPE VALUE            (VALUE a number; for a C type such as a struct, a C initializer)

The harness names the device buffer of argument N `d_argN`, so a struct's initializer can hold the buffers of
earlier arguments (`Span {d_arg0 + 3, 100}`, for a kernel that takes its pointers inside a struct). An `aside`
buffer is made, filled and compared like the others but not passed to the kernel (it is there for such a
struct), so it declares no parameter.

DTYPE is one of DTYPES (int8 ... uint64, float16, bfloat16, float32, float64) or a record of them,
`{float32, float32, int32}`, laid out as a C struct with natural alignment. `as CTYPE` passes the buffer
as `CTYPE*` (a struct or vector type such as float4 whose bytes the DTYPE describes); the harness checks
the sizes agree at compile time. FILL (default `random` for in/inout, `zeros` for out) is one of
FILLS: random, uniform(LO, HI), zeros, ones, range, special, or a number.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

from translator.diagnostics import CutransError, error

DIRECTIONS = ("in", "out", "inout")


@dataclasses.dataclass(frozen=True)
class DType:
    name: str
    ctype: str          # the type the harness declares
    numpy: str          # numpy's name, little-endian
    kind: str           # "int" | "uint" | "float"
    bits: int


DTYPES: dict[str, DType] = {d.name: d for d in (
    DType("int8", "signed char", "<i1", "int", 8),
    DType("int16", "short", "<i2", "int", 16),
    DType("int32", "int", "<i4", "int", 32),
    DType("int64", "long long", "<i8", "int", 64),
    DType("uint8", "unsigned char", "<u1", "uint", 8),
    DType("uint16", "unsigned short", "<u2", "uint", 16),
    DType("uint32", "unsigned int", "<u4", "uint", 32),
    DType("uint64", "unsigned long long", "<u8", "uint", 64),
    DType("float16", "__half", "<f2", "float", 16),
    DType("bfloat16", "__nv_bfloat16", "<u2", "float", 16),   # numpy has no bf16: its bits, as uint16
    DType("float32", "float", "<f4", "float", 32),
    DType("float64", "double", "<f8", "float", 64),
)}
ALIASES = {"int": "int32", "unsigned": "uint32", "float": "float32", "double": "float64", "half": "float16",
           "char": "int8", "uchar": "uint8", "long": "int64", "ulong": "uint64", "size_t": "uint64"}
# aliases whose C type is not their dtype's (`in ulong[256]` is an `unsigned long *`, not `unsigned long long *`)
_ALIAS_CTYPES = {"char": "char", "long": "long", "ulong": "unsigned long", "size_t": "size_t"}

FILLS = ("random", "uniform", "zeros", "ones", "range", "special", "constant")
_IDENT = r"[A-Za-z_][\w:]*(?:<[^<>]*>)?"
_BUFFER = re.compile(
    r"^(?P<aside>aside\s+)?(?P<dir>in|out|inout)\s+(?P<dtype>\{[^}]*\}|\w+)\s*\[(?P<shape>[^\]]*)\]"
    r"(?:\s+as\s+(?P<ctype>" + _IDENT + r"))?(?:\s*=\s*(?P<fill>.+))?$")
_SCALAR = re.compile(r"^(?P<dtype>" + _IDENT + r")\s+(?P<value>.+)$")
_UNIFORM = re.compile(r"^uniform\(\s*(?P<lo>[^,]+),\s*(?P<hi>[^)]+)\)$")
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|0[xX][0-9a-fA-F]+|inf|nan)$")


@dataclasses.dataclass(frozen=True)
class Fill:
    kind: str                       # one of FILLS
    low: float | None = None        # uniform's bounds, constant's value in `low`
    high: float | None = None

    def describe(self) -> str:
        if self.kind == "uniform":
            return f"uniform({self.low:g}, {self.high:g})"
        return f"{self.low:g}" if self.kind == "constant" else self.kind


@dataclasses.dataclass(frozen=True)
class BufferArg:
    direction: str
    fields: tuple[DType, ...]       # one for a plain dtype; several for a record
    shape: tuple[int, ...]
    fill: Fill
    ctype: str | None = None        # `as CTYPE`
    text: str = ""
    passed: bool = True             # false for an `aside` buffer, which the kernel does not take

    @property
    def record(self) -> bool:
        return len(self.fields) > 1

    @property
    def elements(self) -> int:
        n = 1
        for dim in self.shape:
            n *= dim
        return n

    @property
    def dtype_name(self) -> str:
        return "{" + ", ".join(f.name for f in self.fields) + "}" if self.record else self.fields[0].name

    @property
    def pointer_type(self) -> str:
        """The C type the harness passes: CTYPE* (`as CTYPE`, required for records) or the dtype's own type."""
        return f"{self.ctype or self.fields[0].ctype}*"


@dataclasses.dataclass(frozen=True)
class ScalarArg:
    ctype: str
    value: str                      # C text of the value
    dtype: DType | None = None      # when the type is one of DTYPES
    text: str = ""


@dataclasses.dataclass(frozen=True)
class Tolerance:
    """A float element matches when within max_ulp ulps, or abs_tol, or rel_tol of the reference."""
    max_ulp: int
    rel_tol: float
    abs_tol: float
    reason: str | None = None

    def to_json(self) -> dict:
        return {"max_ulp": self.max_ulp, "rel_tol": self.rel_tol, "abs_tol": self.abs_tol, "reason": self.reason}


@dataclasses.dataclass(frozen=True)
class KernelCase:
    name: str
    file: str
    kernel: str
    grid: tuple[int, int, int]
    block: tuple[int, int, int]
    args: tuple[BufferArg | ScalarArg, ...]
    shared: int = 0
    seed: int = 0
    targets: tuple[str, ...] | None = None
    tolerance: dict[str, Any] = dataclasses.field(default_factory=dict)   # max_ulp/rel_tol/abs_tol/reason
    unchecked: dict[int, str] = dataclasses.field(default_factory=dict)   # buffer index -> why not compared

    @property
    def buffers(self) -> list[tuple[int, BufferArg]]:
        return [(i, a) for i, a in enumerate(self.args) if isinstance(a, BufferArg)]


def _fail(where: str, message: str) -> CutransError:
    return CutransError(error("U003", message, where))


def _known(name: str) -> DType | None:
    d = DTYPES.get(ALIASES.get(name, name))
    return dataclasses.replace(d, ctype=_ALIAS_CTYPES[name]) if d is not None and name in _ALIAS_CTYPES else d


def dtype(name: str, where: str) -> DType:
    d = _known(name.strip())
    if d is None:
        raise _fail(where, f"unknown dtype '{ALIASES.get(name.strip(), name.strip())}'; choose from "
                           f"{', '.join(DTYPES)} or a record {{f32, ...}}")
    return d


def _fields(text: str, where: str) -> tuple[DType, ...]:
    if text.startswith("{"):
        names = [n for n in text[1:-1].split(",") if n.strip()]
        if not names:
            raise _fail(where, "a record dtype needs at least one field, e.g. {float32, int32}")
        return tuple(dtype(n, where) for n in names)
    return (dtype(text, where),)


def _shape(text: str, where: str) -> tuple[int, ...]:
    try:
        dims = tuple(int(d, 0) for d in text.split(","))
    except ValueError:
        raise _fail(where, f"a buffer's shape is a list of positive integers, not [{text}]") from None
    if not dims or any(d <= 0 for d in dims):
        raise _fail(where, f"a buffer's shape is a list of positive integers, not [{text}]")
    return dims


def _number(text: str, where: str, what: str) -> float:
    try:
        return float(int(text, 0)) if re.fullmatch(r"[+-]?(0[xX][0-9a-fA-F]+|\d+)", text) else float(text)
    except ValueError:
        raise _fail(where, f"{what} must be a number, not '{text}'") from None


def parse_fill(text: str | None, direction: str, where: str) -> Fill:
    if text is None:
        return Fill("zeros" if direction == "out" else "random")
    text = text.strip()
    if text in ("random", "zeros", "ones", "range", "special"):
        return Fill(text)
    m = _UNIFORM.match(text)
    if m:
        lo, hi = _number(m["lo"].strip(), where, "uniform's low bound"), _number(m["hi"].strip(), where, "uniform's high bound")
        if not lo < hi:
            raise _fail(where, f"uniform({lo:g}, {hi:g}) needs low < high")
        return Fill("uniform", lo, hi)
    if _NUMBER.match(text):
        return Fill("constant", _number(text, where, "a constant fill"))
    raise _fail(where, f"unknown fill '{text}'; choose from random, uniform(LO, HI), zeros, ones, range, special "
                       f"or a number")


def parse_arg(text: str, where: str) -> BufferArg | ScalarArg:
    """One argument declaration (see the module docstring)."""
    text = " ".join(str(text).split())
    m = _BUFFER.match(text)
    if m:
        fields = _fields(m["dtype"], where)
        if len(fields) > 1 and not m["ctype"]:
            raise _fail(where, f"'{text}': a record buffer needs 'as CTYPE' naming the struct the kernel takes")
        return BufferArg(m["dir"], fields, _shape(m["shape"], where), parse_fill(m["fill"], m["dir"], where),
                         m["ctype"], text, passed=not m["aside"])
    if text.split(" ", 1)[0] in DIRECTIONS:
        raise _fail(where, f"'{text}' is not a buffer declaration: DIRECTION DTYPE[SHAPE] [as CTYPE] [= FILL]")
    m = _SCALAR.match(text)
    if not m:
        raise _fail(where, f"'{text}' is neither a buffer (in float32[1024]) nor a scalar (int32 1024)")
    name, value = m["dtype"], m["value"].strip()
    d = _known(name)
    if d is not None:
        number = _number(value, where, f"the value of '{text}'")
        if d.kind != "float" and number != int(number):
            raise _fail(where, f"'{text}': {d.name} takes an integer value")
        return ScalarArg(d.ctype, _c_literal(d, value), d, text)
    if ";" in value or value.count("{") != value.count("}"):
        raise _fail(where, f"'{text}': a {name} value must be one C initializer such as {{1.0f, 2}}")
    return ScalarArg(name, value, None, text)


def _c_literal(d: DType, value: str) -> str:
    if d.kind == "float":
        number = float(value)
        if number != number:
            return f"({d.ctype})NAN"
        if number in (float("inf"), float("-inf")):
            return f"({d.ctype})({'-' if number < 0 else ''}INFINITY)"
        literal = repr(number)
        return f"({d.ctype}){literal}" if d.bits == 16 else literal + ("f" if d.bits == 32 else "")
    number = int(_number(value, "", "a value"))
    suffix = {8: "", 16: "", 32: "" if d.kind == "int" else "u", 64: "LL" if d.kind == "int" else "ULL"}[d.bits]
    return f"({d.ctype}){number}{suffix}"


def _dim3(value, key: str, where: str) -> tuple[int, int, int]:
    if isinstance(value, int):
        value = [value]
    if isinstance(value, str):
        value = [v for v in re.split(r"[,x\s]+", value.strip()) if v]
    try:
        dims = [int(v) for v in value]
    except (TypeError, ValueError):
        raise _fail(where, f"{key} is 1 to 3 positive integers, e.g. [4] or [16, 16]") from None
    if not 1 <= len(dims) <= 3 or any(d <= 0 for d in dims):
        raise _fail(where, f"{key} is 1 to 3 positive integers, e.g. [4] or [16, 16]")
    return tuple(dims + [1] * (3 - len(dims)))  # type: ignore[return-value]


_KEYS = {"name", "file", "kernel", "grid", "block", "shared", "args", "seed", "targets", "max_ulp", "rel_tol",
         "abs_tol", "reason", "unchecked"}
_TOLERANCE_KEYS = ("max_ulp", "rel_tol", "abs_tol", "reason")


def case_from_table(table: dict, base: Path, where: str) -> KernelCase:
    """A case from a [[tool.cutrans.verify]] table (or the same keys from the command line)."""
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise _fail(where, f"unknown key(s) {', '.join(unknown)} in a verify case; known: {', '.join(sorted(_KEYS))}")
    for key in ("file", "kernel", "grid", "block", "args"):
        if key not in table:
            raise _fail(where, f"a verify case needs '{key}'")
    if not isinstance(table["args"], list):
        raise _fail(where, "'args' is a list of argument declarations, one per kernel parameter")
    file = str((base / str(table["file"])).resolve()) if not Path(str(table["file"])).is_absolute() else table["file"]
    kernel = str(table["kernel"]).strip()
    if not re.fullmatch(_IDENT, kernel):
        raise _fail(where, f"'{kernel}' is not a kernel name (templates: name<float, 128>)")
    tolerance = {k: table[k] for k in _TOLERANCE_KEYS if k in table}
    if any(k in tolerance for k in ("max_ulp", "rel_tol", "abs_tol")) and not tolerance.get("reason"):
        raise _fail(where, "a case that widens max_ulp/rel_tol/abs_tol must say why in 'reason'")
    targets = table.get("targets")
    seed, shared = table.get("seed", 0), table.get("shared", 0)
    for key, value in (("seed", seed), ("shared", shared)):
        if not isinstance(value, int) or value < 0:
            raise _fail(where, f"'{key}' is a non-negative integer")
    name = str(table.get("name") or f"{Path(file).stem}:{kernel}")
    args = tuple(parse_arg(a, where) for a in table["args"])
    unchecked = _unchecked(table.get("unchecked", {}), args, where)
    return KernelCase(name=name, file=file, kernel=kernel, grid=_dim3(table["grid"], "grid", where),
                      block=_dim3(table["block"], "block", where),
                      args=args, shared=shared, seed=seed, targets=tuple(targets) if targets else None,
                      tolerance=tolerance, unchecked=unchecked)


def _unchecked(table, args, where: str) -> dict[int, str]:
    """`unchecked = {arg2 = "why"}`: buffers whose final contents legitimately depend on the schedule."""
    if not isinstance(table, dict):
        raise _fail(where, "'unchecked' maps buffer names to reasons, e.g. {arg2 = \"atomicCAS winner depends on "
                           "the schedule\"}")
    out = {}
    for key, reason in table.items():
        m = re.fullmatch(r"arg(\d+)", str(key))
        if not m or int(m[1]) >= len(args) or not isinstance(args[int(m[1])], BufferArg):
            raise _fail(where, f"'unchecked' names '{key}', which is not a buffer argument (arg0, arg1, ...)")
        if not str(reason).strip():
            raise _fail(where, f"'unchecked' must say why {key} is not compared")
        out[int(m[1])] = str(reason)
    return out


def load_project(pyproject: str | Path) -> list[KernelCase]:
    """Every [[tool.cutrans.verify]] case of a pyproject.toml, paths relative to its folder."""
    try:
        import tomllib
    except ModuleNotFoundError:      # Python 3.10
        import tomli as tomllib      # type: ignore[no-redef]
    path = Path(pyproject)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CutransError(error("U003", f"cannot read {path}: {exc.strerror}", str(path))) from None
    except tomllib.TOMLDecodeError as exc:
        raise CutransError(error("U003", f"{path} is not valid TOML: {exc}", str(path))) from None
    tables = data.get("tool", {}).get("cutrans", {}).get("verify", [])
    if not isinstance(tables, list):
        raise CutransError(error("U003", "[tool.cutrans.verify] must be an array of tables: [[tool.cutrans.verify]]",
                                 str(path)))
    cases = [case_from_table(t, path.parent, f"{path}: [[tool.cutrans.verify]] #{i + 1}")
             for i, t in enumerate(tables)]
    names = [c.name for c in cases]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise CutransError(error("U003", f"verify case names must be unique: {', '.join(twice)}", str(path)))
    return cases
