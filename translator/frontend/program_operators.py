"""A program's own binary operator, given to a library's reduction (CUB's BlockReduce and WarpReduce, cg::reduce):
libclang cursor of the argument -> combine(a, b, ty, loc), the IR of one step `op(a, b)`.

    struct AbsMax { __device__ float operator()(const float &a, const float &b) const; };    a functor without data
    __device__ SumMax merge(SumMax a, SumMax b);       cg::reduce(warp, v, merge)            a device function

The libraries call the operator on two lvalues of the element type T (`op(T &, T &)`), so a functor's operator()
(a member template too: frontend/deduction.py) is lowered for those arguments, and a device function is lowered
as it is written. Each of its two parameters takes T by value (converted where it is another scalar type) or by
reference (given the variable's address); its result is converted back to T.

Refused (L003): a lambda, a functor with data, a function template or an overloaded name, a function without a
body in the translation unit, and parameters that do not take T.
"""

from __future__ import annotations

import clang.cindex as ci

from translator.frontend import stateless
from translator.frontend.clang_ops import is_closure_type, is_reference, strip_parens, type_declaration
from translator.ir import nodes as N
from translator.ir.types import Pointer, Scalar

K = ci.CursorKind
UNSUPPORTED = "L003"


def combine_of(fl, arg, elem, spelling: str, who: str, accepted: str) -> tuple:
    """(a name for the operator, its combine(a, b, ty, loc)) for the argument `arg` of `who` (e.g.
    "cub::BlockReduce::Reduce"); `accepted` lists the library's own operators, for the refusal's message."""
    function = _function(arg)
    if function is not None:
        definition = function.get_definition()
        if function.specialized_template is not None:
            fl.fail(arg, UNSUPPORTED, f"'{function.spelling}', an instance of a function template, as the operator "
                                      f"of {who} is not translated; wrap it in a functor")
        if definition is None:
            fl.fail(arg, UNSUPPORTED, f"'{function.spelling}', the operator of {who}, has no body in this translation "
                                      f"unit")
        return _call_of(fl, arg, fl.m.require(definition, fl.loc(arg)), definition, elem, who)
    decl = type_declaration(strip_parens(arg).type)
    if decl is None or decl.kind not in (K.STRUCT_DECL, K.CLASS_DECL) or is_closure_type(decl.type):
        fl.fail(arg, UNSUPPORTED, f"{who} is translated with {accepted}, a functor (a struct with operator()) or a "
                                  f"device function named directly; not with a lambda, a function template or a "
                                  f"pointer")
    name, definition = stateless.call_operator(fl, decl, [f"{spelling} &"] * 2, arg)
    return _call_of(fl, arg, name, definition, elem, who)


def _function(arg):
    """The device function `arg` names (`merge`, `&merge`), or None."""
    inner = strip_parens(arg)
    if inner.kind == K.UNARY_OPERATOR:
        inner = strip_parens(next(iter(inner.get_children()), inner))
    ref = inner.referenced if inner.kind == K.DECL_REF_EXPR else None
    return ref if ref is not None and ref.kind == K.FUNCTION_DECL else None


def _call_of(fl, arg, name: str, definition, t, who: str) -> tuple:
    function = fl.m.done[name]
    by_address = [is_reference(p.type) for p in definition.get_arguments()]
    if len(function.params) != 2 or len(by_address) != 2 or not all(
            p.type.pointee == t if address else p.type == t or isinstance(p.type, Scalar) and isinstance(t, Scalar)
            for address, p in zip(by_address, function.params)) or \
            function.ret != t and not (isinstance(function.ret, Scalar) and isinstance(t, Scalar)):
        label = definition.spelling if definition.kind == K.FUNCTION_DECL else \
            f"{definition.semantic_parent.type.spelling}::{definition.spelling}"
        fl.fail(arg, UNSUPPORTED, f"'{label}' as the operator of {who} must take two values of the "
                                  f"element type, by value or by reference, and nothing else, and return one")

    def make(a, b, ty, loc):
        args = [N.UnOp("&", x, Pointer(ty, "generic"), loc=loc) if address else
                x if p.type == ty else N.Cast(x, True, p.type, loc=loc)
                for x, address, p in zip((a, b), by_address, function.params)]
        result = N.Call(name, args, function.ret, loc=loc)
        return result if function.ret == ty else N.Cast(result, True, ty, loc=loc)
    return name, make
