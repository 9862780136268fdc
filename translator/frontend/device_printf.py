"""Device `printf`: libclang cursors -> an IR `Printf`, with its format checked against its arguments.

The format must be a string literal. It is cut into conversions (`parse_format`); each conversion's
argument gets C's default argument promotions (as CUDA applies them: float -> double, integers narrower
than int -> int) and must then have the type the conversion reads. What the targets would not print
as CUDA does (`%n`, `%p`, `%a`, `*` widths, wide characters...) is refused with a diagnostic, never
passed through. The result of printf differs between targets (CUDA: the argument count, OpenCL: 0,
C: the characters written), so a printf is lowered only as a statement.
"""

from __future__ import annotations

import dataclasses
import re

import clang.cindex as ci

from translator.frontend.clang_ops import strip_parens
from translator.ir import nodes as N
from translator.ir.types import F64, I32, Pointer, Scalar, VOID, is_scalar

K = ci.CursorKind
CODE = "L010"
MAX_ARGS = 32              # CUDA's printf takes at most 32 arguments besides the format
STRING_TYPE = Pointer(Scalar("i8"), "constant", const=True)

# conversion character -> the class of argument it reads
CONVERSIONS = {
    "d": "int", "i": "int", "o": "int", "u": "int", "x": "int", "X": "int", "c": "char", "s": "string",
    "f": "float", "F": "float", "e": "float", "E": "float", "g": "float", "G": "float",
}
REFUSED_CONVERSIONS = {
    "n": "'%n' writes through a pointer, which CUDA's printf ignores and the targets do not",
    "p": "'%p' prints an address, whose text differs between CUDA and every target",
    "a": "'%a' (hexadecimal floating point) is not printed the same way by OpenCL implementations",
    "A": "'%A' (hexadecimal floating point) is not printed the same way by OpenCL implementations",
}
# (argument class, length modifier) -> the IR types its argument may have after the default promotions
ARGUMENT_TYPES = {
    ("int", ""): {"i32", "u32"}, ("int", "hh"): {"i32", "u32"}, ("int", "h"): {"i32", "u32"},
    ("int", "l"): {"i64", "u64"}, ("int", "ll"): {"i64", "u64"},
    ("char", ""): {"i32", "u32"},
    ("float", ""): {"f64"}, ("float", "l"): {"f64"},
    ("string", ""): {"string"},
}
LENGTHS = ("hh", "h", "ll", "l", "j", "z", "t", "L", "q")   # longest first where one is a prefix of another
FLAGS = "-+ #0"
PROMOTED = {"bool": I32, "i8": I32, "u8": I32, "i16": I32, "u16": I32, "f32": F64}

_SPEC = re.compile(r"%(?P<flags>[^A-Za-z1-9.*%]*)(?P<width>\*|[1-9]\d*)?(?:\.(?P<precision>\*|\d*))?"
                   r"(?P<length>" + "|".join(LENGTHS) + r")?(?P<conv>.?)")


class FormatError(ValueError):
    """A format the targets cannot print as CUDA does; `offset` is where in the format it starts."""

    def __init__(self, offset: int, message: str):
        super().__init__(message)
        self.offset = offset


@dataclasses.dataclass(frozen=True)
class Conversion:
    offset: int            # where the '%' is in the format
    text: str              # the whole specification, e.g. '%-8.3lf'
    flags: str
    width: str
    precision: str | None  # None: no '.'; '' : a '.' alone (precision 0)
    length: str
    conv: str

    @property
    def argument(self) -> str:
        return CONVERSIONS[self.conv]

    @property
    def types(self) -> set:
        return ARGUMENT_TYPES[(self.argument, self.length)]


def parse_format(fmt: str) -> list[Conversion]:
    """The conversions of `fmt` that read an argument, in order ('%%' reads none). Raises FormatError."""
    out, i = [], fmt.find("%")
    while i >= 0:
        m = _SPEC.match(fmt, i)
        conv = m.group("conv")
        if conv == "%" and m.end() - i == 2:
            i = fmt.find("%", m.end())
            continue
        out.append(_conversion(i, m))
        i = fmt.find("%", m.end())
    return out


def _conversion(i: int, m: re.Match) -> Conversion:
    text, flags, length, conv = m.group(0), m.group("flags"), m.group("length") or "", m.group("conv")
    bad_flag = next((f for f in flags if f not in FLAGS), None)
    if bad_flag is not None:
        raise FormatError(i, f"'{text}': the flag '{bad_flag}' is not one of C's ('{FLAGS}')")
    if "*" in (m.group("width"), m.group("precision")):
        raise FormatError(i, f"'{text}': a width or precision taken from an argument ('*') is not accepted "
                             "by OpenCL's printf")
    if not conv:
        raise FormatError(i, f"'{text}': the format ends inside a conversion")
    if conv in REFUSED_CONVERSIONS:
        raise FormatError(i, REFUSED_CONVERSIONS[conv])
    if conv not in CONVERSIONS:
        raise FormatError(i, f"'{text}': '%{conv}' is not a conversion the targets' printf share")
    if conv == "s" and m.group("precision") is not None:
        raise FormatError(i, f"'{text}': PoCL's printf does not honour a precision on '%s' (print the "
                             "shortened literal instead)")
    if (CONVERSIONS[conv], length) not in ARGUMENT_TYPES:
        raise FormatError(i, f"'{text}': the length modifier '{length}' with '%{conv}' is not printed the same "
                             "way by every target")
    return Conversion(i, text, flags, m.group("width") or "", m.group("precision"), length, conv)


_DECODE = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "\\": "\\", '"': '"',
           "'": "'", "?": "?", "e": "\x1b"}
_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))", re.S)


def decode_literal(spelling: str) -> str:
    """The characters of a narrow string literal as libclang spells it (one literal, C escapes). Raises
    FormatError for a prefixed (wide, UTF) literal or a character outside ASCII."""
    if not (spelling.startswith('"') and spelling.endswith('"') and len(spelling) >= 2):
        raise FormatError(0, "only narrow string literals can be printed (not L\"\", u\"\", U\"\" or u8\"\")")

    def one(m: re.Match) -> str:
        if m.group(1) or m.group(2):
            return chr(int(m.group(1), 8) if m.group(1) else int(m.group(2), 16))
        if m.group(3) not in _DECODE:
            raise FormatError(0, f"unknown escape '\\{m.group(3)}' in a string literal")
        return _DECODE[m.group(3)]

    text = _ESCAPE.sub(one, spelling[1:-1])
    if any(ord(ch) > 0x7F or ch == "\0" for ch in text):
        raise FormatError(0, "a printed string may hold only ASCII characters and no NUL")
    return text


# -- lowering ------------------------------------------------------------------------------------
def _string_cursor(c):
    """The STRING_LITERAL under an argument's implicit conversions and parentheses, or None."""
    c = strip_parens(c)
    return c if c.kind == K.STRING_LITERAL else None


def _string(fl, c, what: str) -> N.StrLit:
    lit = _string_cursor(c)
    if lit is None:
        fl.fail(c, CODE, f"{what} must be a string literal: the targets' printf cannot print a string "
                         "computed at run time")
    try:
        return N.StrLit(decode_literal(lit.spelling), STRING_TYPE, loc=fl.loc(lit))
    except FormatError as exc:
        fl.fail(lit, CODE, f"printf: {exc}")


def _argument(fl, c, conversion: Conversion) -> N.Expr:
    if conversion.argument == "string":
        return _string(fl, c, f"the argument of '{conversion.text}'")
    value = fl.expr(c)
    if is_scalar(value.type) and value.type.name in PROMOTED:
        value = N.Cast(value, True, PROMOTED[value.type.name], loc=value.loc)
    name = value.type.name if isinstance(value.type, Scalar) else None
    if name not in conversion.types:
        fl.fail(c, CODE, f"printf: '{conversion.text}' reads {' or '.join(sorted(conversion.types))}, but this "
                         f"argument is {value.type} after C's default promotions")
    return value


def lower_printf(fl, c) -> N.Printf:
    """`printf("%d %f\\n", i, x)` -> Printf("%d %f\\n", i, convert<f64>(x)), checked; a statement only."""
    args = list(c.get_arguments())
    if not args:
        fl.fail(c, CODE, "printf needs a format")
    fmt = _string(fl, args[0], "printf's format")
    try:
        conversions = parse_format(fmt.value)
    except FormatError as exc:
        fl.fail(args[0], CODE, f"printf: {exc}")
    if len(args) - 1 != len(conversions):
        fl.fail(c, CODE, f"printf: the format has {len(conversions)} conversions but the call passes "
                         f"{len(args) - 1} arguments")
    if len(conversions) > MAX_ARGS:
        fl.fail(c, CODE, f"printf: CUDA's printf takes at most {MAX_ARGS} arguments besides the format")
    values = [_argument(fl, a, conv) for a, conv in zip(args[1:], conversions)]
    return N.Printf(fmt, values, VOID, loc=fl.loc(c))


def refuse_value_use(fl, c):
    """printf used for its result: refused (its result differs between CUDA and the targets)."""
    fl.fail(c, CODE, "printf's result differs between CUDA, OpenCL and C; call printf as a statement")


def refuse_string(fl, c):
    """A string literal anywhere but as printf's format or a '%s' argument."""
    fl.fail(c, CODE, "a string literal in device code can only be printf's format or a '%s' argument")
