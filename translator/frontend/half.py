"""`__half` (CUDA's <cuda_fp16.h>): libclang cursors -> IR on `f16` values.

In C++ `__half` is a class whose conversions and operators are function calls; here it is the IR
scalar `f16`, and each of those calls becomes what CUDA defines it to compute:

    __half(x), __float2half(x), h = x   convert<f16>(x)               (round to nearest even)
    float(h), __half2float(h)           convert<f32>(h)               (exact)
    a + b, __hadd(a, b), - * / too      convert<f16>(f32(a) + f32(b)) (one rounding to half)
    a < b, __hlt(a, b), ...             f32(a) < f32(b)
    -a, __hneg, __habs, __hmax/__hmin   the float operation, converted back (exact)

Computing in float and rounding once gives the correctly rounded half result for + - * /: a float
holds 24 bits, at least the 2 * 11 + 2 that make double rounding harmless. Everything else on
`__half` (fma, compound assignment, bit reinterpretation, __half2) is refused or fails to parse
against the stand-in header, never translated approximately.
"""

from __future__ import annotations

import copy

import clang.cindex as ci

from translator.ir import nodes as N
from translator.ir.effects import has_effects
from translator.ir.types import BOOL, F32, Scalar

K = ci.CursorKind
F16 = Scalar("f16")
UNSUPPORTED = "L003"

_ARITHMETIC = {"+": "+", "-": "-", "*": "*", "/": "/"}
_UPDATES = {"+=": "+", "-=": "-", "*=": "*", "/=": "/", "++": "+", "--": "-"}
_COMPARISONS = {"==": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}
_TO_HALF = ("__float2half", "__float2half_rn", "__double2half", "__int2half_rn", "__short2half_rn",
            "__ushort2half_rn")
_BINARY = {"__hadd": "+", "__hsub": "-", "__hmul": "*", "__hdiv": "/"}
_COMPARE = {"__heq": "==", "__hlt": "<", "__hle": "<=", "__hgt": ">", "__hge": ">="}
_EXTREMES = {"__hmax": "fmax", "__hmin": "fmin"}
FUNCTIONS = set(_TO_HALF) | set(_BINARY) | set(_COMPARE) | set(_EXTREMES) | {"__half2float", "__hneg", "__habs",
                                                                               "__hisnan"}


def is_half_record(ctype) -> bool:
    decl = ctype.get_canonical().get_declaration()
    return decl is not None and decl.kind == K.STRUCT_DECL and decl.spelling == "__half" and \
        decl.semantic_parent is not None and decl.semantic_parent.kind == K.TRANSLATION_UNIT


def _is_half(c) -> bool:
    return is_half_record(c.type)


def is_half_call(c) -> bool:
    if c.kind != K.CALL_EXPR or c.referenced is None:
        return False
    ref = c.referenced
    if ref.kind in (K.CONSTRUCTOR, K.CONVERSION_FUNCTION, K.CXX_METHOD):
        return ref.semantic_parent is not None and is_half_record(ref.semantic_parent.type)
    if ref.kind != K.FUNCTION_DECL or not (c.spelling in FUNCTIONS or c.spelling.startswith("operator")):
        return False
    # an overload on __half (CUDA's integer __hadd(int, int) shares the name of the half one)
    return _is_half(c) or any(_is_half(a) for a in c.get_arguments())


def to_half(e: N.Expr, loc) -> N.Expr:
    return e if e.type == F16 else N.Cast(e, False, F16, loc=loc)


def _float(fl, c) -> N.Expr:
    e = fl.expr(c)
    return e if e.type == F32 else N.Cast(e, True, F32, loc=e.loc)


def _object(c):
    """The object of a member call `h.f(...)` (`h.operator float()`, `h = x`)."""
    callee = next(c.get_children())
    while callee.kind == K.UNEXPOSED_EXPR:
        callee = next(callee.get_children())
    return next(k for k in callee.get_children() if not k.kind.is_reference())


def _constructor(fl, c, args, loc):
    if len(args) != 1:
        fl.fail(c, UNSUPPORTED, "a __half made without a value is uninitialized; give it one")
    if _is_half(args[0]):
        return fl.expr(args[0])                       # a copy
    if args[0].type.get_canonical().kind == ci.TypeKind.RECORD:
        fl.fail(c, UNSUPPORTED, "a __half made from raw bits (__half_raw) is not translated yet")
    return to_half(fl.expr(args[0]), loc)


def _method(fl, c, args, loc):
    name = c.spelling
    if name == "operator=" and len(args) in (1, 2):
        # `h = x` is an operator call whose arguments are both sides; `h.operator=(x)` names the object apart
        target = fl.expr(args[0]) if len(args) == 2 else fl.expr(_object(c))
        source = args[-1]
        value = fl.expr(source) if _is_half(source) else to_half(fl.expr(source), loc)
        return N.Assign("=", target, value, F16, loc=loc)
    fl.fail(c, UNSUPPORTED, f"'__half::{name}' is not translated yet")


def _conversion(fl, c, args, loc):
    target = fl.type_of(c)
    value = fl.expr(_object(c))
    return N.Cast(value, True, target, loc=loc)


def _arithmetic(op, a, b, loc):
    return to_half(N.BinOp(op, a, b, F32, loc=loc), loc)


def _update(fl, c, op, args, loc):
    """`h op= x`, `++h`, `--h`: h = half(float(h) op float(x)), the new value, as CUDA's operators define them.
    The postfix forms, whose value is the old one, and a target with side effects (read twice here) are
    refused."""
    if len(args) != (2 if op.endswith("=") else 1):
        fl.fail(c, UNSUPPORTED, f"postfix '{op}' on a __half is not translated yet; use the prefix form")
    target = fl.expr(args[0])
    if has_effects(target):
        fl.fail(args[0], UNSUPPORTED, f"'{op}' on a __half whose location has side effects: compute the "
                                      "location into a variable first")
    step = _float(fl, args[1]) if len(args) == 2 else N.FloatLit(1.0, "1.0f", F32, loc=loc)
    current = N.Cast(copy.deepcopy(target), True, F32, loc=loc)
    return N.Assign("=", target, _arithmetic(_UPDATES[op], current, step, loc), F16, loc=loc)


def _free(fl, c, args, loc):
    name = c.spelling
    op = name[len("operator"):] if name.startswith("operator") else None
    if op in _ARITHMETIC and len(args) == 2:
        return _arithmetic(_ARITHMETIC[op], _float(fl, args[0]), _float(fl, args[1]), loc)
    if op == "+" and len(args) == 1:
        return fl.expr(args[0])
    if op in _UPDATES:
        return _update(fl, c, op, args, loc)
    if op == "-" and len(args) == 1 or name == "__hneg":
        return to_half(N.UnOp("-", _float(fl, args[0]), F32, loc=loc), loc)
    if op in _COMPARISONS:
        return N.BinOp(_COMPARISONS[op], _float(fl, args[0]), _float(fl, args[1]), BOOL, loc=loc)
    if name in _TO_HALF:
        return to_half(fl.expr(args[0]), loc)
    if name == "__half2float":
        return _float(fl, args[0])
    if name in _BINARY:
        return _arithmetic(_BINARY[name], _float(fl, args[0]), _float(fl, args[1]), loc)
    if name in _COMPARE:
        return N.BinOp(_COMPARE[name], _float(fl, args[0]), _float(fl, args[1]), BOOL, loc=loc)
    if name in _EXTREMES:
        pair = [_float(fl, a) for a in args]
        return to_half(N.MathCall(_EXTREMES[name], "ieee", pair, F32, loc=loc), loc)
    if name == "__habs":
        return to_half(N.MathCall("fabs", "ieee", [_float(fl, args[0])], F32, loc=loc), loc)
    if name == "__hisnan":                     # x != x reads its operand twice: only one without side effects
        x = _float(fl, args[0])
        if has_effects(x):
            fl.fail(args[0], UNSUPPORTED, "__hisnan of an expression with side effects: store it in a variable first")
        return N.BinOp("!=", x, copy.deepcopy(x), BOOL, loc=loc)
    fl.fail(c, UNSUPPORTED, f"'{name}' on __half is not translated yet")


_BY_KIND = {K.CONSTRUCTOR: _constructor, K.CXX_METHOD: _method, K.CONVERSION_FUNCTION: _conversion}


def lower_call(fl, c) -> N.Expr:
    args = list(c.get_arguments())
    return _BY_KIND.get(c.referenced.kind, _free)(fl, c, args, fl.loc(c))


def member(fl, c) -> None:
    """`h.__x`: the bits of a __half are not reachable in the IR."""
    kids = [k for k in c.get_children() if not k.kind.is_reference()]
    if len(kids) == 1 and _is_half(kids[0]) and c.referenced is not None and c.referenced.kind == K.FIELD_DECL:
        fl.fail(c, UNSUPPORTED, "the bits of a __half ('__x') are not translated; use __half2float")
