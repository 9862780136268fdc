"""Lambdas in device code: each becomes a device function, its captures extra parameters.

    auto scale = [=](float v) { return a * v; };        float k_lambda_5_18(float a, float v)
    auto bump = [&](int d) { count += d; };             void k_lambda_6_17(int* count, int d)
    y[i] = scale(x[i]); bump(2);                        y[i] = k_lambda_5_18(k_lambda_5_18_a, x[i]); ...

A variable of the enclosing function that the body names is a capture:
  * by value (`[=]`, `[x]`): the lambda keeps the value the variable had where the lambda was made, so
    that point declares a copy (`<function>_<variable>`) and every call passes the copy;
  * by reference (`[&]`, `[&x]`) where the body writes the variable (assigns it, increments it, takes
    its address, binds a reference to it), and a `__shared__` variable (static storage: never copied):
    the parameter is a pointer (frontend/references.py), every call passes the variable's address, and
    the body reads and writes through it; an array is passed as the pointer it decays to. One captured by
    reference that the body only reads, that is not itself a reference (two may name one variable), and
    whose address the enclosing function never takes (nor binds a reference to it), is passed by value at
    each call: the body runs within the call, where nothing
    else can change a thread's own variable.
An immediately invoked lambda (`[&] { ... }()`) passes the variables' values and addresses at the call.
The function is named after the enclosing function and the lambda's line and column.

Refused (L002), never translated approximately: `mutable` lambdas and init-captures (the closure keeps
state between calls), `this`, generic lambdas (`auto` parameters), a lambda used other than by calling a
variable initialized with it or the lambda expression itself (passed to a device function: named in the
message; copied), a lambda
that calls another lambda of the enclosing function, an array captured by value, a cooperative group or
tensor-core fragment captured at all, and a pointer that the body assigns through a capture by reference.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import clang.cindex as ci

from translator.frontend import references
from translator.frontend.clang_ops import is_closure_type, strip_parens, unary_operator
from translator.frontend.clang_types import ARRAY_KINDS
from translator.ir import nodes as N
from translator.ir.types import Array, Pointer

K = ci.CursorKind
CODE = "L002"
_LOCAL_PARENTS = (K.FUNCTION_DECL, K.CXX_METHOD, K.FUNCTION_TEMPLATE, K.LAMBDA_EXPR)


@dataclass(frozen=True)
class Capture:
    var: object          # the VAR_DECL or PARM_DECL cursor
    mode: str            # "copy" (by value), "read" (by reference, only read), "pointer" (by reference, written)

    @property
    def name(self) -> str:
        return self.var.spelling

    @property
    def by_reference(self) -> bool:
        return self.mode == "pointer"


def lambda_expr(c):
    """The LAMBDA_EXPR that expression `c` or variable `c` stands for, or None."""
    if c.kind == K.VAR_DECL:
        init = [k for k in c.get_children() if k.kind.is_expression() or k.kind == K.UNEXPOSED_EXPR]
        return lambda_expr(init[-1]) if init else None
    c = strip_parens(c)
    if c.kind == K.LAMBDA_EXPR:
        return c
    if c.kind == K.DECL_REF_EXPR and c.referenced is not None and c.referenced.kind == K.VAR_DECL:
        return lambda_expr(c.referenced)
    return None


def _introducer(fl, lam) -> tuple[str | None, dict[str, bool]]:
    """The capture default ('=', '&' or None) and the explicit captures (name -> by reference) of `lam`."""
    tokens = _tokens(fl, lam)
    end = tokens.index("]")
    items, item = [], []
    for t in tokens[1:end]:
        if t == ",":
            items.append(item)
            item = []
        else:
            item.append(t)
    if item:
        items.append(item)
    default, explicit = None, {}
    for it in items:
        if it in (["="], ["&"]):
            default = it[0]
        elif len(it) == 1 and it[0].isidentifier() and it[0] != "this":
            explicit[it[0]] = False
        elif len(it) == 2 and it[0] == "&" and it[1].isidentifier():
            explicit[it[1]] = True
        else:
            fl.fail(lam, CODE, f"lambda capture '{' '.join(it)}' is not supported in device code (captures of "
                               f"variables by value or by reference are)")
    if "mutable" in tokens[end:tokens.index("{") if "{" in tokens else len(tokens)]:
        fl.fail(lam, CODE, "a mutable lambda keeps state between calls, which device code here cannot hold")
    return default, explicit


def _tokens(fl, lam) -> list[str]:
    """The tokens of lambda `lam` as written; a lambda that a macro writes has none of its own to read."""
    tokens = list(lam.get_tokens())
    start = lam.extent.start
    if not tokens or tokens[0].spelling != "[" or (tokens[0].location.line, tokens[0].location.column) != \
            (start.line, start.column) or "]" not in [t.spelling for t in tokens]:
        fl.fail(lam, CODE, "a lambda written by a macro is not supported in device code; write it out")
    return [t.spelling for t in tokens]


def _parameter_tokens(fl, lam) -> list[str]:
    """The tokens of `lam`'s parameter list (none when it has no list)."""
    tokens = _tokens(fl, lam)
    at = tokens.index("]") + 1
    if at >= len(tokens) or tokens[at] != "(":
        return []
    depth, out = 0, []
    for t in tokens[at:]:
        depth += (t == "(") - (t == ")")
        out.append(t)
        if depth == 0:
            return out
    return out


def _inside(c, outer) -> bool:
    loc, start, end = c.extent.start, outer.extent.start, outer.extent.end
    return loc.file is not None and start.file is not None and loc.file.name == start.file.name and \
        start.offset <= loc.offset < end.offset


def _is_static_storage(var) -> bool:
    return var.kind == K.VAR_DECL and any(k.kind == K.CUDASHARED_ATTR for k in var.get_children())


def captures(fl, lam) -> list[Capture]:
    """The variables of enclosing functions that the body of `lam` names, in order of first use."""
    default, explicit = _introducer(fl, lam)
    body = next(k for k in lam.get_children() if k.kind == K.COMPOUND_STMT)
    writes = _written(body)
    aliases: dict = {}                       # enclosing function (clang's hash) -> the variables it aliases

    def aliased(function) -> list:
        if function.hash not in aliases:
            aliases[function.hash] = _written(function, aliases_only=True)
        return aliases[function.hash]

    out: dict[str, Capture] = {}
    for c in body.walk_preorder():
        if c.kind != K.DECL_REF_EXPR or c.referenced is None or c.referenced.kind not in (K.VAR_DECL, K.PARM_DECL):
            continue
        var = c.referenced
        parent = var.semantic_parent
        if parent is None or parent.kind not in _LOCAL_PARENTS or _inside(var, lam) or var.spelling in out:
            continue
        if _is_static_storage(var):
            out[var.spelling] = Capture(var, "pointer")
            continue
        by_reference = explicit.get(var.spelling, default == "&")
        if var.spelling not in explicit and default is None and not var.type.is_const_qualified():
            fl.fail(c, CODE, f"lambda names '{var.spelling}' without capturing it")
        _check_capturable(fl, c, var, by_reference)
        if not by_reference:
            mode = "copy"
        elif _is_array(var) or references.is_reference(var.type) or var in writes or var in aliased(parent):
            mode = "pointer"
        else:
            mode = "read"
        if mode == "pointer" and var.type.get_canonical().kind.name == "POINTER":
            fl.fail(c, CODE, f"lambda assigns pointer '{var.spelling}', which it captures by reference (a pointer "
                             f"to a pointer would need an address space for each level)")
        out[var.spelling] = Capture(var, mode)
    return list(out.values())


def _written(root, aliases_only: bool = False) -> list:
    """The variables that code `root` assigns (a member or an element of an array member too), increments,
    calls a method of, takes the address of, binds a reference to, or passes to a reference parameter;
    with `aliases_only`, only the last three (what lets code elsewhere write the variable)."""
    out = []
    for c in root.walk_preorder():
        targets = []
        if c.kind in (K.BINARY_OPERATOR, K.COMPOUND_ASSIGNMENT_OPERATOR) and not aliases_only:
            children = list(c.get_children())
            if children and (c.kind == K.COMPOUND_ASSIGNMENT_OPERATOR or c.binary_operator.name == "Assign"):
                targets.append(children[0])
        elif c.kind == K.UNARY_OPERATOR and unary_operator(c) in ("++", "--", "post++", "post--", "&"):
            targets += list(c.get_children()) if unary_operator(c) == "&" or not aliases_only else []
        elif c.kind == K.CALL_EXPR and c.referenced is not None and c.referenced.kind in (K.FUNCTION_DECL,
                                                                                           K.CXX_METHOD):
            arguments, params = list(c.get_arguments()), list(c.referenced.get_arguments())
            arguments = arguments[len(arguments) - len(params):] if len(arguments) > len(params) else arguments
            targets += [a for a, p in zip(arguments, params) if references.is_reference(p.type)]
            callee = next(c.get_children(), None)
            if c.referenced.kind == K.CXX_METHOD and callee is not None and callee.kind == K.MEMBER_REF_EXPR:
                targets += list(callee.get_children())[:1]          # x.method(): may change x
        elif c.kind == K.VAR_DECL and references.is_reference(c.type):
            targets += [k for k in c.get_children() if k.kind.is_expression() or k.kind == K.UNEXPOSED_EXPR]
        out += [v for v in map(_stored_variable, targets) if v is not None]
    return out


def _stored_variable(e):
    """The variable that lvalue `e` is part of: x for x, x.f, x.a[i]; None through a pointer (p->f, p[i])."""
    while True:
        e = strip_parens(e)
        if e.kind == K.DECL_REF_EXPR:
            return e.referenced
        children = list(e.get_children())
        if e.kind not in (K.MEMBER_REF_EXPR, K.ARRAY_SUBSCRIPT_EXPR) or not children:
            return None
        base = strip_parens(children[0])
        if base.type.get_canonical().kind.name == "POINTER":
            return None
        e = base


def _check_capturable(fl, c, var, by_reference: bool) -> None:
    from translator.frontend import cooperative_groups, wmma
    if is_closure_type(var.type):
        fl.fail(c, CODE, f"lambda calls '{var.spelling}', another lambda of the enclosing function; call it outside, "
                         f"or define it inside this lambda")
    if cooperative_groups.is_group_type(var.type) or wmma.is_fragment_type(var.type):
        fl.fail(c, CODE, f"lambda captures '{var.spelling}', a cooperative group or fragment, which has no value "
                         f"to pass in the translation; name it outside the lambda")
    if not by_reference and _is_array(var):
        fl.fail(c, CODE, f"lambda captures array '{var.spelling}' by value (a copy of the whole array); capture "
                         f"it by reference")


def function_name(fl, lam) -> str:
    loc = fl.loc(lam)
    return f"{fl.m.active[-1]}_lambda_{loc.line}_{loc.col}"


def snapshot_name(fl, lam, var) -> str:
    return f"{function_name(fl, lam)}_{var.spelling}"


def declare(fl, v) -> list:
    """`auto f = [...](...) {...};`: the copies of the variables it captures by value."""
    lam = lambda_expr(v)
    if lam is None:
        fl.fail(v, CODE, f"'{v.spelling}' holds a lambda made elsewhere; call lambdas through the variable they "
                         f"initialize")
    out = []
    for cap in captures(fl, lam):
        if cap.mode == "copy":
            ty = _value_type(fl, cap.var)
            value = fl.expr(_reference_to(fl, lam, cap.var), want=ty)
            out.append(N.VarDecl(snapshot_name(fl, lam, cap.var), ty, "private", value, loc=fl.loc(v)))
    return out


def _reference_to(fl, lam, var):
    """A DECL_REF_EXPR cursor naming `var` in the lambda's body (to lower a use of it at the definition)."""
    return next(c for c in lam.walk_preorder() if c.kind == K.DECL_REF_EXPR and c.referenced == var)


def _lowerer(fl, method, caps: list[Capture]):
    """A lowerer of the same kind as `fl` (a template instance's keeps its bindings) for the lambda `method`."""
    from translator.frontend.lower import FunctionLowerer
    lowerer = copy.copy(fl)
    FunctionLowerer.__init__(lowerer, fl.m, method)
    lowerer.captures = {cap.name: cap for cap in caps}
    return lowerer


def refuse_passed(fl, call) -> None:
    """A lambda passed to a device function (`apply(f, x)` with `template <class F> ... apply(F f, ...)`)
    is refused by name: its type cannot be spelled in the function's instance, nor its captures passed."""
    for a in call.get_arguments():
        if is_closure_type(a.type):
            fl.fail(a, CODE, f"a lambda passed to device function '{call.spelling}' is not supported yet; call "
                             f"the lambda in the function that makes it")


def is_call(c) -> bool:
    method = c.referenced
    return method is not None and method.kind == K.CXX_METHOD and method.spelling == "operator()" and \
        method.semantic_parent is not None and is_closure_type(method.semantic_parent.type)


def call(fl, c) -> N.Expr | None:
    """The call of a lambda's `operator()`, or None when `c` is another call."""
    if not is_call(c):
        return None
    method = c.referenced
    arguments = list(c.get_arguments())
    params = list(method.get_arguments())
    if len(arguments) != len(params) + 1:
        fl.fail(c, CODE, "this call of a lambda is not supported in device code")
    obj, arguments = arguments[0], arguments[1:]
    lam = lambda_expr(obj)
    if lam is None:
        fl.fail(c, CODE, "a lambda passed to a function or copied is not supported in device code; call it "
                         "through the variable it initializes")
    if "auto" in _parameter_tokens(fl, lam):
        fl.fail(c, CODE, "a generic lambda (auto parameters) is not supported in device code")
    caps = captures(fl, lam)
    named = strip_parens(obj).kind != K.LAMBDA_EXPR
    name = fl.m.require(method, fl.loc(c), function_name(fl, lam), lambda: _lowerer(fl, method, caps))
    passed = []
    for cap in caps:
        use = _reference_to(fl, lam, cap.var)
        if cap.by_reference and not _is_array(cap.var):
            passed.append(references.address_of(fl, use, f"variable '{cap.name}' captured by reference"))
        elif named and cap.mode == "copy":
            ty = _value_type(fl, cap.var)
            passed.append(N.VarRef(snapshot_name(fl, lam, cap.var), ty, loc=fl.loc(c)))
        else:
            passed.append(fl.expr(use, want=_capture_type(fl, cap)))
    return fl.lowered_call(c, method, name, fl.type_of(c), arguments, leading=passed)


def _is_array(var) -> bool:
    return var.type.get_canonical().kind.name in ARRAY_KINDS


def _capture_type(fl, cap: Capture):
    """The parameter type of a capture: its own by value; by reference a pointer to it, or for an array the
    pointer to its first element that it decays to."""
    ty = _value_type(fl, cap.var)
    if not cap.by_reference:
        return ty
    return Pointer(ty.elem if isinstance(ty, Array) else ty, "generic", _referent(cap.var).is_const_qualified())


def _referent(var):
    """The clang type of `var`'s value: a reference's referent, else its own."""
    return var.type.get_pointee() if references.is_reference(var.type) else var.type


def _value_type(fl, var):
    """The IR type of `var`'s value."""
    return fl.type_of(var, _referent(var))


def capture_params(fl) -> list:
    """The parameters that lambda function `fl` (FunctionLowerer.captures) takes before its own."""
    return [N.Param(cap.name, _capture_type(fl, cap), loc=fl.loc(cap.var)) for cap in fl.captures.values()]


def captured_ref(fl, c) -> N.Expr | None:
    """In a lambda's body, a use of captured variable `c`: the parameter, through its pointer when captured
    by reference (an array's pointer is used as the array); None for any other name."""
    cap = fl.captures.get(c.spelling)
    if cap is None or c.referenced != cap.var:
        return None
    ty = _capture_type(fl, cap)
    ref = N.VarRef(cap.name, ty, loc=fl.loc(c))
    if not cap.by_reference or _is_array(cap.var):
        return ref
    return N.UnOp("*", ref, ty.pointee, loc=fl.loc(c))
