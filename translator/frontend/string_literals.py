"""A character array initialized from a string literal (`const uchar table[] = "ABC...";`), in device code or
a device global: the literal's bytes become a braced list of integer literals, with the terminating zero
where the array has room for it, as in C."""

from __future__ import annotations

import clang.cindex as ci

from translator.ir import nodes as N
from translator.ir.types import Array, Scalar

K = ci.CursorKind

_CHARS = {"i8", "u8"}
_SIMPLE_ESCAPES = {"n": 10, "t": 9, "r": 13, "a": 7, "b": 8, "f": 12, "v": 11, "\\": 92, "'": 39, '"': 34, "?": 63}
_OCTAL = "01234567"
_HEX = "0123456789abcdefABCDEF"


def is_string_initializer(c, ty) -> bool:
    return c.kind == K.STRING_LITERAL and isinstance(ty, Array)


def items(fl, c, ty: Array) -> N.InitList:
    """The braced list for `ty` (an array of char, signed char or unsigned char) initialized by string literal
    cursor `c`. Refused: wide and UTF-16/32 literals, an array of another element type, a literal longer than
    the array, and a literal written through a macro (its tokens are not at hand)."""
    if not (isinstance(ty.elem, Scalar) and ty.elem.name in _CHARS):
        fl.fail(c, "L001", f"a string literal initializes an array of {ty.elem}; only arrays of char are supported")
    tokens = [t.spelling for t in c.get_tokens()]
    if not tokens:
        fl.fail(c, "L001", "a string literal that comes from a macro cannot initialize an array in device code")
    data = b"".join(_token_bytes(fl, c, t) for t in tokens)      # adjacent literals are one string
    if len(data) > ty.size:
        fl.fail(c, "L001", f"the string literal has {len(data)} characters, more than the array's {ty.size}")
    data += b"\0" * (len(data) < ty.size)             # C keeps the zero only where it fits; C++ requires the room
    signed = ty.elem.name == "i8"
    return N.InitList([N.IntLit(b - 256 if signed and b > 127 else b, ty.elem, loc=fl.loc(c)) for b in data],
                      ty, loc=fl.loc(c))


def _token_bytes(fl, c, token: str) -> bytes:
    prefix, _, rest = token.partition('"')
    if prefix not in ("", "u8") or not rest.endswith('"'):
        fl.fail(c, "L001", f"string literal {token[:20]} initializes an array in device code; only plain "
                           f"\"...\" and u8\"...\" literals can (not raw, wide or UTF-16/32 ones)")
    return _unescape(fl, c, rest[:-1])


def _unescape(fl, c, body: str) -> bytes:
    """The bytes of a literal's body: its characters in UTF-8, with C's escape sequences decoded."""
    out, i = bytearray(), 0
    while i < len(body):
        ch = body[i]
        if ch != "\\":
            out += ch.encode("utf-8")
            i += 1
            continue
        nxt = body[i + 1] if i + 1 < len(body) else ""
        if nxt in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[nxt])
            i += 2
        elif nxt and nxt in _OCTAL:
            j = i + 1
            while j < len(body) and j < i + 4 and body[j] in _OCTAL:
                j += 1
            if int(body[i + 1:j], 8) > 0xFF:
                fl.fail(c, "L001", f"the escape '{body[i:j]}' is not one byte")
            out.append(int(body[i + 1:j], 8))
            i = j
        elif nxt == "x":
            j = i + 2
            while j < len(body) and body[j] in _HEX:
                j += 1
            if j == i + 2 or int(body[i + 2:j], 16) > 0xFF:
                fl.fail(c, "L001", f"the escape '{body[i:j]}' is not one byte")
            out.append(int(body[i + 2:j], 16))
            i = j
        else:
            fl.fail(c, "L001", f"the escape '\\{nxt}' in a string literal is not supported in device code")
    return bytes(out)
