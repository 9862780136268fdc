"""`__half` and `__half2` (CUDA's <cuda_fp16.h>): libclang cursors -> IR on `f16` values and `half2` pairs.

In C++ `__half` is a class whose conversions and operators are function calls; here it is the IR
scalar `f16`, and each of those calls becomes what CUDA defines it to compute:

    __half(x), __float2half(x), h = x   convert<f16>(x)               (round to nearest even)
    float(h), __half2float(h)           convert<f32>(h)               (exact)
    a + b, __hadd(a, b), - * / too      convert<f16>(f32(a) + f32(b)) (one rounding to half)
    a < b, __hlt(a, b), ...             f32(a) < f32(b)
    -a, __hneg, __habs, __hmax/__hmin   the float operation, converted back (exact)

`__half2` is the IR struct `half2` (x and y), and its functions and operators work lane by lane. The
functions of both are a table (frontend/half_functions.py), which also says why the arithmetic is exact.

cuda_bf16.h's `__nv_bfloat16` is the IR scalar `bf16` and `__nv_bfloat162` the struct `bfloat162`, with the
same meanings (the arithmetic in float, rounded to bfloat16 once); `__bfloat16_as_ushort` and its kin are
IR functions on the bits. A 64-bit integer is not converted to bfloat16 (it would round twice).

Everything else (__half_raw, math functions such as hexp) is refused or fails to parse against the
stand-in headers, never translated approximately.
"""

from __future__ import annotations

import copy

import clang.cindex as ci

from translator.frontend import half_functions
from translator.frontend.half_functions import FUNCTIONS, HALF2_OPERATORS, HALF2_UPDATES, LANE_OPS, PAIRS, to_float, to_half
from translator.ir import nodes as N
from translator.ir.effects import has_effects
from translator.ir.types import BF16, BFLOAT162, F16, F32, HALF2, I64, U64, Scalar

K = ci.CursorKind
UNSUPPORTED = "L003"
_RECORDS = {"__half": F16, "__half2": HALF2, "__nv_bfloat16": BF16, "__nv_bfloat162": BFLOAT162}
_SCALAR_OF = {t: scalar for scalar, t in PAIRS.items()} | {scalar: scalar for scalar in PAIRS}
TYPES = frozenset(_RECORDS.values())                 # the IR types of cuda_fp16.h's and cuda_bf16.h's records

# C++ operators on __half -> the cuda_fp16.h function of the same meaning (operator!= is the unordered __hneu)
_OPERATORS = {"+": "__hadd", "-": "__hsub", "*": "__hmul", "/": "__hdiv", "==": "__heq", "!=": "__hneu",
              "<": "__hlt", "<=": "__hle", ">": "__hgt", ">=": "__hge"}
_UPDATES = {"+=": "__hadd", "-=": "__hsub", "*=": "__hmul", "/=": "__hdiv"}
_STEPS = {"++": "add", "--": "sub"}
# conversions to a 16-bit float (round to nearest even), and back to float (exact)
_TO_HALF = {**{name: F16 for name in ("__float2half", "__float2half_rn", "__double2half", "__int2half_rn",
                                        "__short2half_rn", "__ushort2half_rn")},
            **{name: BF16 for name in ("__float2bfloat16", "__float2bfloat16_rn", "__double2bfloat16",
                                         "__int2bfloat16_rn", "__uint2bfloat16_rn", "__short2bfloat16_rn",
                                         "__ushort2bfloat16_rn")}}
_TO_FLOAT = ("__half2float", "__bfloat162float")
# the bits of a bfloat16 and back: cuda_bf16.h's names -> (IR function, its operand type, result type)
_BF16_BITS = {"__bfloat16_as_ushort": ("bf16_as_ushort", "bf16", "u16"),
              "__bfloat16_as_short": ("bf16_as_short", "bf16", "i16"),
              "__ushort_as_bfloat16": ("ushort_as_bf16", "u16", "bf16"),
              "__short_as_bfloat16": ("short_as_bf16", "i16", "bf16")}
NAMES = set(_TO_HALF) | set(_TO_FLOAT) | set(_BF16_BITS) | {name for table in FUNCTIONS.values() for name in table}


def record_type(ctype):
    """F16 for cuda_fp16.h's __half, HALF2 for its __half2 (file-scope structs of those names), else None."""
    decl = ctype.get_canonical().get_declaration()
    if decl is None or decl.kind != K.STRUCT_DECL or decl.semantic_parent is None or \
            decl.semantic_parent.kind != K.TRANSLATION_UNIT:
        return None
    return _RECORDS.get(decl.spelling)


def is_half_record(ctype) -> bool:
    return record_type(ctype) is not None


def _is_half(c) -> bool:
    return is_half_record(c.type)


def _scalar(c, args) -> N.Type:
    """The family of call `c`: BF16 where an argument or the result is a bfloat16 (pair), else F16."""
    types = [record_type(a.type) for a in args] + [record_type(c.type)]
    return BF16 if any(t is not None and _SCALAR_OF[t] == BF16 for t in types) else F16


def narrow(fl, c, value: N.Expr, t) -> N.Expr:
    """`value` converted to `t` (f16 or bf16). A 64-bit integer would round twice on the way through the
    double that the backends convert from, so its conversion to bfloat16 is refused."""
    if t == BF16 and value.type in (I64, U64):
        fl.fail(c, UNSUPPORTED, "converting a 64-bit integer to __nv_bfloat16 is not translated yet; "
                                "convert it to float or double first")
    return to_half(value, t)


def is_half_call(c) -> bool:
    if c.kind != K.CALL_EXPR or c.referenced is None:
        return False
    ref = c.referenced
    if ref.kind in (K.CONSTRUCTOR, K.CONVERSION_FUNCTION, K.CXX_METHOD):
        return ref.semantic_parent is not None and is_half_record(ref.semantic_parent.type)
    if ref.kind != K.FUNCTION_DECL or not (c.spelling in NAMES or c.spelling.startswith("operator")):
        return False
    # an overload on __half (CUDA's integer __hadd(int, int) shares the name of the half one)
    return _is_half(c) or any(_is_half(a) for a in c.get_arguments())


def _object(c):
    """The object of a member call `h.f(...)` (`h.operator float()`, `h = x`)."""
    callee = next(c.get_children())
    while callee.kind == K.UNEXPOSED_EXPR:
        callee = next(callee.get_children())
    return next(k for k in callee.get_children() if not k.kind.is_reference())


def _is_copy(args, made) -> bool:
    """Whether a constructor of the record type `made` called with `args` copies a value of that type."""
    return len(args) == 1 and _is_half(args[0]) and record_type(args[0].type) == made


def _constructor(fl, c, args, loc):
    made = record_type(c.referenced.semantic_parent.type)
    if _is_copy(args, made):
        return fl.expr(args[0])                       # a copy
    if any(a.type.get_canonical().kind == ci.TypeKind.RECORD and not _is_half(a) for a in args):
        fl.fail(c, UNSUPPORTED, f"a {c.spelling} made from raw bits (__half_raw) is not translated yet")
    if made in PAIRS.values() and len(args) == 2:
        lane = made.field("x")
        return N.InitList([narrow(fl, c, fl.expr(a), lane) for a in args], made, loc=loc)
    if made in PAIRS and len(args) == 1:
        return narrow(fl, c, fl.expr(args[0]), made)
    if not args:                # `__half2 v = {};` (quantAQLM), `__half()`: value-initialized, so zero
        zero = N.FloatLit(0.0, "0.0f", F32, loc=loc)
        if made in PAIRS.values():
            return N.InitList([narrow(fl, c, zero, made.field("x")) for _ in range(2)], made, loc=loc)
        return narrow(fl, c, zero, made)
    fl.fail(c, UNSUPPORTED, f"this {c.spelling} constructor is not translated")


def _method(fl, c, args, loc):
    name = c.spelling
    if name == "operator=" and len(args) in (1, 2):
        # `h = x` is an operator call whose arguments are both sides; `h.operator=(x)` names the object apart
        target = fl.expr(args[0]) if len(args) == 2 else fl.expr(_object(c))
        value = fl.expr(args[-1])
        value = value if value.type == target.type else narrow(fl, c, value, target.type)
        return N.Assign("=", target, value, target.type, loc=loc)
    fl.fail(c, UNSUPPORTED, f"'{c.referenced.semantic_parent.spelling}::{name}' is not translated yet")


def _conversion(fl, c, args, loc):
    target = fl.type_of(c)
    value = fl.expr(_object(c))
    return N.Cast(value, True, target, loc=loc)


# -- contraction: a product that an addition takes fuses into one rounding, as nvcc compiles it ----------
# (runtime_shims/emulate/include/cuemu/contraction.h says what an H100 does; the emulation decides by the
# same expressions). _ADDITIONS: CUDA's name or operator of an addition -> its kind; _FUSED: whether the
# type is a pair -> (its fused multiply-add, its negation).
_PRODUCTS = {"operator*", "__hmul", "__hmul2"}
_ADDITIONS = {"+": "add", "-": "sub", "__hadd": "add", "__hsub": "sub", "__hadd2": "add", "__hsub2": "sub"}
_FUSED = {False: ("__hfma", "__hneg"), True: ("__hfma2", "__hneg2")}
_TRANSPARENT = (K.UNEXPOSED_EXPR, K.PAREN_EXPR)


def _as_product(c, made):
    """The two operand cursors if `c` is a half (pair) product of type `made` that contraction may take:
    `a * b`, `__hmul(a, b)`, `__hmul2(a, b)`, through parentheses and implicit copies; an explicit cast
    (`__half(a * b)`) or a variable is a rounded value and stays one."""
    while True:
        if c.kind in _TRANSPARENT:
            kids = list(c.get_children())
            if len(kids) != 1:
                return None
            c = kids[0]
        elif c.kind == K.CALL_EXPR and c.referenced is not None and c.referenced.kind == K.CONSTRUCTOR and \
                record_type(c.type) == made and _is_copy(list(c.get_arguments()), made):
            c = next(c.get_arguments())                # a copy of the temporary
        else:
            break
    if c.kind != K.CALL_EXPR or c.referenced is None or c.referenced.kind != K.FUNCTION_DECL or \
            c.spelling not in _PRODUCTS or record_type(c.type) != made:
        return None
    operands = list(c.get_arguments())
    return operands if len(operands) == 2 else None


def _fused(fl, made, scalar, loc, product, addend, negate: str | None) -> N.Expr:
    """fma(a, b, addend) for the product's operand cursors (a, b) and the addend's cursor (or its IR, an
    N.Expr), with the `negate`d side ("addend" or "product") negated: exact, as negation is."""
    fma, neg = _FUSED[made in PAIRS.values()]
    a, b = product

    def lowered(x):
        return x if isinstance(x, N.Expr) else fl.expr(x)

    def maybe_negated(x, side):
        return (lambda: half_functions.call(fl.m, neg, lambda: [lowered(x)], loc, scalar)) if negate == side \
            else (lambda: lowered(x))
    first, last = maybe_negated(a, "product"), maybe_negated(addend, "addend")
    return half_functions.call(fl.m, fma, lambda: [first(), fl.expr(b), last()], loc, scalar)


def contract(fl, name, args, loc, scalar):
    """`left + right` (or `-`, named by `name`, an operator or CUDA's function, `args` its two operands) as
    one fused multiply-add when one side is a product (the left one when both are), else None."""
    kind = _ADDITIONS.get(name)
    if kind is None or len(args) != 2:
        return None
    left, right = args
    made = record_type(left.type)
    if made not in TYPES or record_type(right.type) != made:
        return None
    product = _as_product(left, made)
    if product is not None:                           # a * b + c, a * b - c = fma(a, b, -c)
        return _fused(fl, made, scalar, loc, product, right, "addend" if kind == "sub" else None)
    product = _as_product(right, made)
    if product is not None:                           # c + a * b, c - a * b = fma(-a, b, c)
        return _fused(fl, made, scalar, loc, product, left, "product" if kind == "sub" else None)
    return None


def _update(fl, c, op, args, loc):
    """`h op= x`, `++h`, `--h`: h = h op x, the new value, as CUDA's operators define them. The postfix
    forms, whose value is the old one, and a target with side effects (read twice here) are refused."""
    if len(args) != (2 if op.endswith("=") else 1):
        fl.fail(c, UNSUPPORTED, f"postfix '{op}' on a {args[0].type.spelling} is not translated yet; use the "
                                f"prefix form")
    target = fl.expr(args[0])
    if has_effects(target):
        fl.fail(args[0], UNSUPPORTED, f"'{op}' on a {args[0].type.spelling} whose location has side effects: "
                                      f"compute the location into a variable first")
    one = N.FloatLit(1.0, "1.0f", F32, loc=loc)
    scalar = _SCALAR_OF[target.type]
    if target.type in PAIRS and len(args) == 1:        # ++h: h + 1.0f, one exact in float
        value = LANE_OPS[_STEPS[op]](copy.deepcopy(target), one)
    elif target.type in PAIRS.values():
        ones = N.InitList([to_half(one, scalar), to_half(one, scalar)], target.type, loc=loc)
        step = fl.expr(args[1]) if len(args) == 2 else ones
        value = half_functions.call(fl.m, HALF2_UPDATES[op], lambda: [copy.deepcopy(target), step], loc, scalar)
    else:
        value = half_functions.call(fl.m, _UPDATES[op], lambda: [copy.deepcopy(target), fl.expr(args[1])], loc,
                                    scalar)
    return N.Assign("=", target, value, target.type, loc=loc)


def _fused_update(fl, op, args, loc, scalar):
    """`z += a * b`, `z -= a * b`: z = fma(a, b, z), z = fma(-a, b, z), or None for any other update."""
    made = record_type(args[0].type) if args else None
    product = _as_product(args[1], made) if op in ("+=", "-=") and len(args) == 2 else None
    if product is None:
        return None
    target = fl.expr(args[0])
    if has_effects(target):
        return None                                   # refused by _update, as the unfused form is
    value = _fused(fl, made, scalar, loc, product, copy.deepcopy(target), "product" if op == "-=" else None)
    return N.Assign("=", target, value, target.type, loc=loc)


def _operator(fl, c, op, args, loc):
    pair = any(record_type(a.type) in PAIRS.values() for a in args)
    scalar = _scalar(c, args)
    if op in _UPDATES or op in _STEPS:
        return _fused_update(fl, op, args, loc, scalar) or _update(fl, c, op, args, loc)
    if op == "+" and len(args) == 1:
        return fl.expr(args[0])
    if op == "-" and len(args) == 1:
        return half_functions.call(fl.m, "__hneg2" if pair else "__hneg", lambda: [fl.expr(args[0])], loc, scalar)
    table = HALF2_OPERATORS if pair else _OPERATORS
    fused = contract(fl, op, args, loc, scalar)
    if fused is not None:
        return fused
    if op in table and len(args) == 2:
        return half_functions.call(fl.m, table[op], lambda: [fl.expr(a) for a in args], loc, scalar)
    fl.fail(c, UNSUPPORTED, f"operator '{op}' on {args[0].type.spelling} is not translated yet")


def _free(fl, c, args, loc):
    name = c.spelling
    if name.startswith("operator"):
        return _operator(fl, c, name[len("operator"):], args, loc)
    if name in _TO_HALF:
        return narrow(fl, c, fl.expr(args[0]), _TO_HALF[name])
    if name in _TO_FLOAT:
        return to_float(fl.expr(args[0]))
    if name in _BF16_BITS:
        func, operand, result = _BF16_BITS[name]
        return N.MathCall(func, "exact", [fl.expr(args[0], want=Scalar(operand))], Scalar(result), loc=loc)
    scalar = _scalar(c, args)
    fused = contract(fl, name, args, loc, scalar)
    if fused is not None:
        return fused
    if name in FUNCTIONS[scalar]:
        return half_functions.call(fl.m, name, lambda: [fl.expr(a) for a in args], loc, scalar)
    fl.fail(c, UNSUPPORTED, f"'{name}' on {scalar.name} is not translated yet")


_BY_KIND = {K.CONSTRUCTOR: _constructor, K.CXX_METHOD: _method, K.CONVERSION_FUNCTION: _conversion}


def lower_call(fl, c) -> N.Expr:
    args = list(c.get_arguments())
    return _BY_KIND.get(c.referenced.kind, _free)(fl, c, args, fl.loc(c))


def member(fl, c) -> None:
    """`h.__x`: the bits of a __half (an __nv_bfloat16) are not reachable in the IR."""
    kids = [k for k in c.get_children() if not k.kind.is_reference()]
    if len(kids) == 1 and record_type(kids[0].type) in PAIRS and c.referenced is not None and \
            c.referenced.kind == K.FIELD_DECL:
        fl.fail(c, UNSUPPORTED, f"the bits of a {kids[0].type.get_canonical().spelling} ('__x') are not translated; use "
                                f"__half_as_ushort or __bfloat16_as_ushort")
