"""cuda_fp16.h's functions on `__half` and `__half2`, and cuda_bf16.h's on `__nv_bfloat16` and
`__nv_bfloat162`, as IR, one table entry each.

A `__half2` is the IR struct `half2` (fields x and y, each an f16), and every function on it works lane by
lane with the meaning of the scalar function of the same family (frontend/half.py): arithmetic in float,
rounded to half once. An entry gives the parameter types and builds the result from IR operands:

    __hadd(a, b)     convert<f16>(f32(a) + f32(b))
    __hadd2(a, b)    half2{ convert<f16>(f32(a.x) + f32(b.x)), convert<f16>(f32(a.y) + f32(b.y)) }
    __hlt2(a, b)     each lane 1.0 or 0.0;  __hblt2(a, b): whether both lanes compare true
    __hfma(a, b, c)  convert<f16>(f64(a) * f64(b) + f64(c))

bfloat16 (`bf16`, pairs `bfloat162`) has the same functions under the same names (cuda_bf16.h overloads
__hadd and the rest on __nv_bfloat16) and its own names for making and taking apart pairs
(`make_bfloat162`, `__low2bfloat16`...): FUNCTIONS has one table per scalar type, built by one function.

Where an entry reads an operand once, the call becomes that expression. Where it reads one twice (a lane
function reads a.x and a.y, an ordered `!=` compares twice), the module gets a device function of that
body over its parameters, `cutrans_hadd2(a, b)` (`cutrans_hadd2_bf16` for bfloat16), made once, so that an
argument with side effects is evaluated exactly once, as in CUDA.

Why the arithmetic is exact: a float holds 24 bits, at least the 2 * 11 + 2 that make rounding twice
(exact result -> float -> half) harmless for + - * / and sqrt, and more than bfloat16's 2 * 8 + 2. A fused
multiply-add is not covered by that bound and float would round it wrongly (1.5 * 0.6669921875 + 2^-24
lands on a half tie in float), so __hfma on halves computes in double: the product of two halves is exact
there, and so is the sum, since half's range spans fewer than 53 - 22 binades below the product's last bit
(the smallest half is 2^-24, the largest product below 2^32). The conversion from double rounds once. A
bfloat16's range is float's, so a tiny addend can fall off a double sum (9 * 29 + 2^-100 would become the
tie 261 and round to 260, not 262): __hfma on bfloat16 is the IR function `fma_bf16`, whose helper in each
backend rounds the double sum to odd with the exact error of the addition, then to bfloat16 once.
"""

from __future__ import annotations

import copy

from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.effects import has_effects
from translator.ir.types import BF16, BFLOAT162, BOOL, F16, F32, F64, HALF2, U16, U32, bits, is_integer, vector_struct

FLOAT2 = vector_struct("float2")


def to_float(e: N.Expr) -> N.Expr:
    return e if e.type == F32 else N.Cast(e, True, F32, loc=e.loc)


def to_half(e: N.Expr, t=F16) -> N.Expr:
    """`e` converted to the 16-bit float type `t` (f16 or bf16), rounded to nearest even."""
    return e if e.type == t else N.Cast(e, False, t, loc=e.loc)


def _lane(v: N.Expr, field: str) -> N.Expr:
    return N.Member(copy.deepcopy(v), field, v.type.field(field), loc=v.loc)


def _float_lit(value: float, loc) -> N.FloatLit:
    return N.FloatLit(value, f"{value!r}f", F32, loc=loc)


# -- operations on one lane (f16 operands -> IR) -------------------------------------------------------
# Each operation's result has its first operand's type (f16 or bf16).
def _arithmetic(op):
    return lambda a, b: to_half(N.BinOp(op, to_float(a), to_float(b), F32, loc=a.loc), a.type)


def _math(func):
    return lambda *xs: to_half(N.MathCall(func, "ieee", [to_float(x) for x in xs], F32, loc=xs[0].loc), xs[0].type)


def _extremum(func: str, merge: str):
    """__hmax (__hmin): a NaN operand gives the other one, as fmax (fmin) does; +0 and -0 compare equal, and
    CUDA's max gives +0 (min -0) where fmax leaves it to the implementation, so equal operands merge their
    float bits, `&` for max and `|` for min (for other equal values the bits are the same)."""
    def build(a, b):
        fa, fb = to_float(a), to_float(b)
        bits_of = [N.MathCall("float_as_uint", "exact", [copy.deepcopy(x)], U32, loc=a.loc) for x in (fa, fb)]
        merged = N.MathCall("uint_as_float", "exact", [N.BinOp(merge, *bits_of, U32, loc=a.loc)], F32, loc=a.loc)
        ordered = N.MathCall(func, "ieee", [copy.deepcopy(fa), copy.deepcopy(fb)], F32, loc=a.loc)
        same = N.BinOp("==", fa, fb, BOOL, loc=a.loc)
        return to_half(N.Conditional(same, merged, ordered, F32, loc=a.loc), a.type)
    return build


def _negate(a):
    return to_half(N.UnOp("-", to_float(a), F32, loc=a.loc), a.type)


def _fma(a, b, c):
    if a.type == BF16:          # rounded once by the backends' helper (see the module docstring)
        return N.MathCall("fma_bf16", "exact", [to_float(x) for x in (a, b, c)], BF16, loc=a.loc)
    wide = [N.Cast(to_float(x), True, F64, loc=x.loc) for x in (a, b, c)]
    product = N.BinOp("*", wide[0], wide[1], F64, loc=a.loc)
    return to_half(N.BinOp("+", product, wide[2], F64, loc=a.loc), a.type)


def _compare(op):
    """An ordered comparison (false where a lane holds a NaN) for == < <= > >=; `!=` is C's, unordered."""
    return lambda a, b: N.BinOp(op, to_float(a), to_float(b), BOOL, loc=a.loc)


def _ordered_unequal(a, b):
    less, more = _compare("<")(a, b), _compare(">")(copy.deepcopy(a), copy.deepcopy(b))
    return N.BinOp("||", less, more, BOOL, loc=a.loc)


def _negation(compare):
    """The unordered comparison that is true where `compare` (ordered) is false: ltu(a, b) = !(a >= b)."""
    return lambda a, b: N.UnOp("!", compare(a, b), BOOL, loc=a.loc)


def _is_nan(a):
    return N.BinOp("!=", to_float(a), to_float(copy.deepcopy(a)), BOOL, loc=a.loc)


LANE_OPS = {"add": _arithmetic("+"), "sub": _arithmetic("-"), "mul": _arithmetic("*"), "div": _arithmetic("/"),
            "max": _extremum("fmax", "&"), "min": _extremum("fmin", "|"), "fabs": _math("fabs"), "neg": _negate,
            "fma": _fma,
            # correctly rounded in CUDA (hsqrt: round to nearest even) and exact in float, then rounded once
            **{name: _math(name) for name in ("sqrt", "floor", "ceil", "trunc", "rint")}}
# cuda_fp16.h's math functions with an exact result: name -> lane op (h2<name> is the pair's). The others
# (hexp, hlog, hrcp, hrsqrt...) are approximations whose GPU results were not measured here: not declared.
_EXACT_MATH = {"sqrt": "sqrt", "floor": "floor", "ceil": "ceil", "trunc": "trunc", "rint": "rint"}
COMPARISONS = {"eq": _compare("=="), "lt": _compare("<"), "le": _compare("<="), "gt": _compare(">"),
               "ge": _compare(">="), "ne": _ordered_unequal, "neu": _compare("!="),
               "equ": _negation(_ordered_unequal), "ltu": _negation(_compare(">=")),
               "leu": _negation(_compare(">")), "gtu": _negation(_compare("<=")), "geu": _negation(_compare("<"))}


# -- whole functions (IR operands of the parameter types -> IR result) ----------------------------------
def _lanes(op):
    """A pair function applying `op` to the x lanes, then to the y lanes, of its operands."""
    def build(*vs):
        return N.InitList([op(*[_lane(v, f) for v in vs]) for f in "xy"], vs[0].type, loc=vs[0].loc)
    return build


def _flags(predicate):
    """__h<cmp>2: 1.0 in each lane where `predicate` holds, else 0.0."""
    def flag(*xs):
        loc = xs[0].loc
        value = N.Conditional(predicate(*xs), _float_lit(1.0, loc), _float_lit(0.0, loc), F32, loc=loc)
        return to_half(value, xs[0].type)
    return _lanes(flag)


def _both(predicate):
    """__hb<cmp>2: whether `predicate` holds in both lanes."""
    return lambda a, b: N.BinOp("&&", predicate(_lane(a, "x"), _lane(b, "x")), predicate(_lane(a, "y"), _lane(b, "y")),
                                BOOL, loc=a.loc)


def _pair(pair, first, second):
    """A `pair` (half2, bfloat162) from two lanes, each chosen from the operands: `first`/`second` map the
    operands to a lane value."""
    lane = pair.field("x")
    return lambda *vs: N.InitList([to_half(first(*vs), lane), to_half(second(*vs), lane)], pair, loc=vs[0].loc)


def _of(index, field=None):
    """Operand `index`, or its lane `field`."""
    return lambda *vs: _lane(vs[index], field) if field else copy.deepcopy(vs[index])


def _to_float2(h):
    return N.InitList([to_float(_lane(h, "x")), to_float(_lane(h, "y"))], FLOAT2, loc=h.loc)


def _float2_lane(field):
    return lambda v: N.Member(copy.deepcopy(v), field, F32, loc=v.loc)


F, F2 = F32, FLOAT2
# The names that differ between the two families: role -> (cuda_fp16.h's name, cuda_bf16.h's name)
_PAIR_NAMES = {
    "make": ("make_half2", "make_bfloat162"), "halves": ("__halves2half2", "__halves2bfloat162"),
    "splat": ("__half2half2", "__bfloat162bfloat162"), "float_splat": ("__float2half2_rn", "__float2bfloat162_rn"),
    "floats": ("__floats2half2_rn", "__floats2bfloat162_rn"), "float2": ("__float22half2_rn", "__float22bfloat162_rn"),
    "to_float2": ("__half22float2", "__bfloat1622float2"), "low": ("__low2half", "__low2bfloat16"),
    "high": ("__high2half", "__high2bfloat16"), "lows": ("__lows2half2", "__lows2bfloat162"),
    "highs": ("__highs2half2", "__highs2bfloat162"), "low2": ("__low2half2", "__low2bfloat162"),
    "high2": ("__high2half2", "__high2bfloat162"),
}


def _table(H, H2, names: dict) -> dict:
    """CUDA name -> (result type, parameter types, builder) for the scalar `H` and its pair `H2`."""
    return {
        **{f"__h{name}": (H, (H, H), LANE_OPS[name]) for name in ("add", "sub", "mul", "div", "max", "min")},
        "__hneg": (H, (H,), LANE_OPS["neg"]), "__habs": (H, (H,), LANE_OPS["fabs"]), "__hfma": (H, (H, H, H), _fma),
        **{f"__h{name}": (BOOL, (H, H), compare) for name, compare in COMPARISONS.items()},
        "__hisnan": (BOOL, (H,), _is_nan),
        **{f"__h{name}2": (H2, (H2, H2), _lanes(LANE_OPS[name])) for name in ("add", "sub", "mul", "max", "min")},
        "__h2div": (H2, (H2, H2), _lanes(LANE_OPS["div"])), "__hfma2": (H2, (H2, H2, H2), _lanes(_fma)),
        "__hneg2": (H2, (H2,), _lanes(_negate)), "__habs2": (H2, (H2,), _lanes(LANE_OPS["fabs"])),
        **{f"__h{name}2": (H2, (H2, H2), _flags(compare)) for name, compare in COMPARISONS.items()},
        **{f"__hb{name}2": (BOOL, (H2, H2), _both(compare)) for name, compare in COMPARISONS.items()},
        "__hisnan2": (H2, (H2,), _flags(_is_nan)),
        **{f"h{name}": (H, (H,), LANE_OPS[op]) for name, op in _EXACT_MATH.items()},
        **{f"h2{name}": (H2, (H2,), _lanes(LANE_OPS[op])) for name, op in _EXACT_MATH.items()},
        names["make"]: (H2, (H, H), _pair(H2, _of(0), _of(1))), names["halves"]: (H2, (H, H), _pair(H2, _of(0), _of(1))),
        names["splat"]: (H2, (H,), _pair(H2, _of(0), _of(0))),
        names["float_splat"]: (H2, (F,), _pair(H2, _of(0), _of(0))),
        names["floats"]: (H2, (F, F), _pair(H2, _of(0), _of(1))),
        names["float2"]: (H2, (F2,), _pair(H2, _float2_lane("x"), _float2_lane("y"))),
        names["to_float2"]: (F2, (H2,), _to_float2),
        names["low"]: (H, (H2,), _of(0, "x")), names["high"]: (H, (H2,), _of(0, "y")),
        "__low2float": (F, (H2,), lambda h: to_float(_lane(h, "x"))),
        "__high2float": (F, (H2,), lambda h: to_float(_lane(h, "y"))),
        names["lows"]: (H2, (H2, H2), _pair(H2, _of(0, "x"), _of(1, "x"))),
        names["highs"]: (H2, (H2, H2), _pair(H2, _of(0, "y"), _of(1, "y"))),
        names["low2"]: (H2, (H2,), _pair(H2, _of(0, "x"), _of(0, "x"))),
        names["high2"]: (H2, (H2,), _pair(H2, _of(0, "y"), _of(0, "y"))),
        "__lowhigh2highlow": (H2, (H2,), _pair(H2, _of(0, "y"), _of(0, "x"))),
    }


# The _rn forms compute what the plain ones do; they differ only in never being contracted with a product
# (frontend/half.py, `contract`), so each is its plain form here, helper included.
ROUNDED = {f"__h{op}{pair}_rn": f"__h{op}{pair}" for op in ("add", "sub", "mul") for pair in ("", "2")}


def _with_rounded(table: dict) -> dict:
    return {**table, **{rounded: table[plain] for rounded, plain in ROUNDED.items()}}


# scalar type -> its family's table; PAIRS: scalar type -> its pair
FUNCTIONS = {F16: _with_rounded(_table(F16, HALF2, {role: pair[0] for role, pair in _PAIR_NAMES.items()})),
             BF16: _with_rounded(_table(BF16, BFLOAT162, {role: pair[1] for role, pair in _PAIR_NAMES.items()}))}
PAIRS = {F16: HALF2, BF16: BFLOAT162}

# C++ operators on __half2 -> the function CUDA's operator calls (cuda_fp16.hpp); `!=` is the unordered one
HALF2_OPERATORS = {"+": "__hadd2", "-": "__hsub2", "*": "__hmul2", "/": "__h2div", "==": "__hbeq2",
                   "!=": "__hbneu2", "<": "__hblt2", "<=": "__hble2", ">": "__hbgt2", ">=": "__hbge2"}
HALF2_UPDATES = {"+=": "__hadd2", "-=": "__hsub2", "*=": "__hmul2", "/=": "__h2div", "++": "__hadd2",
                 "--": "__hsub2"}


def _coerce(e: N.Expr, t) -> N.Expr:
    if t in PAIRS:
        return to_half(e, t)
    return e if e.type == t or t in (*PAIRS.values(), FLOAT2) else N.Cast(e, True, t, loc=e.loc)


def helper_name(name: str, scalar=F16) -> str:
    return "cutrans_" + name.lstrip("_") + ("" if scalar == F16 else f"_{scalar.name}")


def _reads_twice(body: N.Expr, names: list[str]) -> bool:
    uses = [n.name for n in walk(body) if isinstance(n, N.VarRef)]
    return any(uses.count(name) > 1 for name in names)


def call(module_lowerer, name: str, arguments, loc, scalar=F16) -> N.Expr:
    """The IR of CUDA function `name` (a key of FUNCTIONS[scalar]: f16 for cuda_fp16.h, bf16 for
    cuda_bf16.h) on the lowered arguments `arguments()` returns. A device function it needs is made before
    the arguments are lowered, as a call of a program's own function makes its callee first, so that the
    output order does not depend on how a call is spelled."""
    name = ROUNDED.get(name, name)
    result, params, build = FUNCTIONS[scalar][name]
    names = ["a", "b", "c"][:len(params)]
    refs = [N.VarRef(n, t, loc=loc) for n, t in zip(names, params)]
    body = build(*refs)
    helper = helper_name(name, scalar)
    if _reads_twice(body, names) and helper not in module_lowerer.done:
        fn_params = [N.Param(n, t, loc=loc) for n, t in zip(names, params)]
        module_lowerer.done[helper] = N.Function(helper, "device", result, fn_params,
                                                 N.Block([N.Return(body, loc=loc)], loc=loc), loc=loc)
        module_lowerer.order.append(helper)
    args = [_coerce(a, t) for a, t in zip(arguments(), params)]
    if helper in module_lowerer.done:
        return N.Call(helper, args, result, loc=loc)
    return build(*args)


# -- `*(T *)&x`: a half's (a pair's) bits as an integer of its size, or the reverse ------------------------
_BIT_WIDTHS = {F16: 16, HALF2: 32}


def _bits_of(x: N.Expr) -> N.Expr:
    if x.type == F16:
        return N.MathCall("half_as_ushort", "exact", [x], U16, loc=x.loc)
    lanes = [N.Cast(_bits_of(_lane(x, f)), False, U32, loc=x.loc) for f in "xy"]
    high = N.BinOp("<<", lanes[1], N.IntLit(16, U32, loc=x.loc), U32, loc=x.loc)
    return N.BinOp("|", lanes[0], high, U32, loc=x.loc)


def _from_bits(u: N.Expr, t) -> N.Expr:
    if t == F16:
        return N.MathCall("ushort_as_half", "exact", [N.Cast(u, False, U16, loc=u.loc)], F16, loc=u.loc)
    word = N.Cast(u, False, U32, loc=u.loc)
    low = N.BinOp("&", word, N.IntLit(0xFFFF, U32, loc=u.loc), U32, loc=u.loc)
    high = N.BinOp(">>", copy.deepcopy(word), N.IntLit(16, U32, loc=u.loc), U32, loc=u.loc)
    return N.InitList([_from_bits(low, F16), _from_bits(high, F16)], HALF2, loc=u.loc)


def reinterpretation(e: N.Expr) -> N.Expr | None:
    """`*(unsigned short *)&h`, `*(unsigned *)&pair`, `*(half2 *)&word`: the same bits as the other type,
    as __half_as_ushort / __ushort_as_half compute them, or None for any other expression. Read through
    the pointer, the bits exist only where a half lives in memory as CUDA's 16 bits; OpenCL without
    cl_khr_fp16 keeps it in a float (passes/half_as_float.py). The operand is read once per half."""
    if not (isinstance(e, N.UnOp) and e.op == "*" and isinstance(e.operand, N.Cast)):
        return None
    address = e.operand
    while isinstance(address, N.Cast):
        address = address.value
    if not (isinstance(address, N.UnOp) and address.op == "&") or has_effects(address.operand):
        return None
    x, target = address.operand, e.type
    if x.type in _BIT_WIDTHS and is_integer(target) and bits(target) == _BIT_WIDTHS[x.type]:
        return N.Cast(_bits_of(x), False, target, loc=e.loc)
    if target in _BIT_WIDTHS and is_integer(x.type) and bits(x.type) == _BIT_WIDTHS[target]:
        return _from_bits(x, target)
    return None
