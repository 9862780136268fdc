"""CUB's block-wide reduction (`cub::BlockReduce`) on the OpenCL and CPU targets: libclang cursors -> existing IR.

    using BlockReduce = cub::BlockReduce<T, X[, ALGORITHM, Y, Z]>;
    __shared__ typename BlockReduce::TempStorage temp;     a __shared__ array of T, one per warp of the X*Y*Z threads
    BlockReduce(temp).Sum(v[, num_valid])                   a call of the module's reduction of (op, T, X, Y, Z),
    BlockReduce(temp).Reduce(v, cub::Max()[, num_valid])    made on first use: T r(T v, T *temp, int num_valid)
    BlockReduce reducer(temp);  reducer.Sum(v)              an object has no state: a use finds the storage in
                                                            the object's initializer

The function computes what CUB's default algorithm (BLOCK_REDUCE_WARP_REDUCTIONS) computes, step for step, so
floating-point results are CUDA's bit for bit (runtime_shims/emulate/include/cub/cub.cuh is the reference's
copy of the same steps):
  1. `tid` is the row-major thread id from the template's dimensions, lane = tid % 32, warp = tid / 32; a warp's
     valid lanes are those of the first `num_valid` threads (all X*Y*Z without it);
  2. for offset 1, 2, 4, 8, 16: o = shfl_down(v, offset); v = op(v, o) where lane + offset is a valid lane;
  3. lane 0 of each warp stores v in temp[warp]; a block barrier; thread 0 folds temp[1], temp[2]... into v in
     warp order, for each warp that has a valid lane.
Thread 0 returns the block's result; the others return the partial value CUB leaves them (CUB calls it
undefined). Every thread of the block must make the call, as CUB requires. The operators are cub::Sum (a + b),
cub::Max (a < b ? b : a) and cub::Min (b < a ? b : a), CUB's definitions, or a program's functor: a struct
without data whose operator() (a member template too, as PyTorch's `Max` with `T &&` parameters) is lowered as
CUB calls it, `op(T &, T &)`, and called in each step (frontend/stateless.call_operator).

Refused (L003): the RAKING algorithms (another order of operations), fewer than 32 threads that are not a power
of two (CUB uses another warp algorithm), an element type that is not a scalar, a lambda or a functor with data
as the operator, an array of inputs per thread, and the default constructor (CUB's private storage).
"""

from __future__ import annotations

import dataclasses

import clang.cindex as ci

from translator.frontend import stateless
from translator.frontend.clang_ops import is_closure_type, is_reference, strip_parens, template_args
from translator.frontend.namespaces import in_namespace
from translator.ir import nodes as N
from translator.ir.builtins import WARP_LANES
from translator.ir.types import BOOL, Array, Pointer, Scalar

K = ci.CursorKind
UNSUPPORTED = "L003"
I32, U32 = Scalar("i32"), Scalar("u32")
_COLLECTIVE = "BlockReduce"
_DEFAULT_ALGORITHM = ("BLOCK_REDUCE_WARP_REDUCTIONS", "2")      # as clang spells the enumerator, or its value
_METHODS = ("Sum", "Reduce")


def _combine(op: str):
    """CUB's operators (thread/thread_operators.cuh): Sum a + b, Max a < b ? b : a, Min b < a ? b : a."""
    def make(a, b, ty, loc):
        if op == "Sum":
            return N.BinOp("+", a, b, ty, loc=loc)
        less = N.BinOp("<", a, b, BOOL, loc=loc) if op == "Max" else N.BinOp("<", b, a, BOOL, loc=loc)
        return N.Conditional(less, b, a, ty, loc=loc)
    return make


_OPERATORS = {name: _combine(name) for name in ("Sum", "Max", "Min")}


@dataclasses.dataclass(frozen=True)
class Collective:
    """One `cub::BlockReduce<T, X, ALGORITHM, Y, Z>`."""
    elem: Scalar
    dims: tuple
    spelling: str = ""       # T as C++ spells it (canonical)

    @property
    def threads(self) -> int:
        return self.dims[0] * self.dims[1] * self.dims[2]

    @property
    def warps(self) -> int:
        return (self.threads + WARP_LANES - 1) // WARP_LANES


def _specialization(ctype):
    """The canonical `cub::BlockReduce<...>` type of `ctype` (the collective or its TempStorage), else None."""
    t = ctype.get_canonical()
    decl = t.get_declaration()
    if decl is None:
        return None, False
    storage = decl.spelling == "TempStorage"
    owner = decl.semantic_parent if storage else decl
    if owner is None or owner.spelling != _COLLECTIVE or not in_namespace(owner, "cub"):
        return None, False
    return owner.type.get_canonical(), storage


def collective_of(ctype, lower_type, fail) -> Collective | None:
    """The Collective a `cub::BlockReduce<...>` type (or its TempStorage) is, or None for another type. `fail(code,
    message)` reports one the translation cannot reproduce."""
    spec, _ = _specialization(ctype)
    if spec is None:
        return None
    args = template_args(spec.spelling)
    if len(args) < 2:
        fail(UNSUPPORTED, f"cannot read the block size of '{spec.spelling}'")
    algorithm = args[2].rsplit("::", 1)[-1].strip("()") if len(args) > 2 else _DEFAULT_ALGORITHM[0]
    if not algorithm.endswith(_DEFAULT_ALGORITHM):
        fail(UNSUPPORTED, f"'{spec.spelling}': only cub::BLOCK_REDUCE_WARP_REDUCTIONS (the default) is translated; "
                          f"the RAKING algorithms combine the values in another order")
    dims = tuple(int(args[i].rstrip("uUlL")) if len(args) > i else 1 for i in (1, 3, 4))
    elem = lower_type(spec.get_template_argument_type(0))
    if not isinstance(elem, Scalar):
        fail(UNSUPPORTED, f"'{spec.spelling}': cub::BlockReduce is translated for scalar element types only")
    threads = dims[0] * dims[1] * dims[2]
    if threads < WARP_LANES and threads & (threads - 1):
        fail(UNSUPPORTED, f"'{spec.spelling}': a block of {threads} threads (fewer than 32, not a power of two) is "
                          f"reduced by CUB with another warp algorithm, which is not translated")
    return Collective(elem, dims, spec.get_template_argument_type(0).get_canonical().spelling)


def storage_type(ctype, lower_type, fail) -> Array | None:
    """`BlockReduce<T, ...>::TempStorage` -> T[warps] (the warps' results); None for any other type."""
    spec, storage = _specialization(ctype)
    if spec is None or not storage:
        return None
    c = collective_of(ctype, lower_type, fail)
    return Array(c.elem, c.warps)


def is_collective_type(ctype) -> bool:
    spec, storage = _specialization(ctype)
    return spec is not None and not storage


def call(fl, c) -> N.Expr | None:
    """`BlockReduce(temp).Sum(v)` and the like -> a call of the module's reduction; None for any other call."""
    callee = c.referenced
    if c.kind != K.CALL_EXPR or c.spelling not in _METHODS or callee is None or callee.semantic_parent is None \
            or not is_collective_type(callee.semantic_parent.type):
        return None
    collective = collective_of(callee.semantic_parent.type, lambda t: fl.type_of(c, t),
                               lambda code, message: fl.fail(c, code, message))
    args = list(c.get_arguments())
    if c.spelling == "Sum":                       # Sum(input[, num_valid]); Reduce(input, op[, num_valid])
        op, values = ("sum", _OPERATORS["Sum"]), args
    else:
        op, values = _operator(fl, args[1] if len(args) > 1 else c, collective), args[:1] + args[2:]
    if not values or len(values) > 2:
        fl.fail(c, UNSUPPORTED, f"cub::BlockReduce::{c.spelling} with {len(args)} arguments is not translated")
    if strip_parens(values[0]).type.get_canonical().kind.name == "CONSTANTARRAY":
        fl.fail(c, UNSUPPORTED, f"cub::BlockReduce::{c.spelling} of an array of inputs per thread is not translated; "
                                f"reduce the thread's items first and pass one value")
    value = fl.expr(values[0], want=collective.elem)
    valid = fl.expr(values[1], want=I32) if len(values) > 1 else N.IntLit(collective.threads, I32, loc=fl.loc(c))
    storage = fl.expr(_storage(fl, c))
    name = _function(fl, op, collective, fl.loc(c))
    return N.Call(name, [value, storage, valid], collective.elem, loc=fl.loc(c))


def _operator(fl, arg, collective: Collective) -> tuple:
    """(a name for the operator, its combine(a, b, ty, loc)): one of CUB's, or a program's functor."""
    decl = strip_parens(arg).type.get_canonical().get_declaration()
    if decl is not None and decl.spelling in _OPERATORS and in_namespace(decl, "cub"):
        return decl.spelling.lower(), _OPERATORS[decl.spelling]
    if decl is None or decl.kind not in (K.STRUCT_DECL, K.CLASS_DECL) or is_closure_type(decl.type):
        fl.fail(arg, UNSUPPORTED, "cub::BlockReduce::Reduce is translated with cub::Sum(), cub::Max(), cub::Min() or "
                                  "a functor (a struct with operator()); not with a lambda or a function")
    return _functor(fl, arg, decl, collective)


def _functor(fl, arg, record, collective: Collective) -> tuple:
    """A program's functor as the operator: CUB calls it as `op(T &, T &)` (both lvalues of T, in
    warp_reduce_shfl.cuh and block_reduce_warp_reductions.cuh), so its operator() is lowered for those arguments;
    a parameter that takes T by value or by reference is given the variable or its address."""
    t = collective.elem
    name, definition = stateless.call_operator(fl, record, [f"{collective.spelling} &"] * 2, arg)
    function = fl.m.done[name]
    by_address = [is_reference(p.type) for p in definition.get_arguments()]
    if len(function.params) != 2 or len(by_address) != 2 or not all(
            p.type.pointee == t if address else isinstance(p.type, Scalar)
            for address, p in zip(by_address, function.params)):
        fl.fail(arg, UNSUPPORTED, f"'{record.type.spelling}::operator()' as a cub::BlockReduce operator must take two "
                                  f"values of the element type, by value or by reference, and nothing else")

    def make(a, b, ty, loc):
        args = [N.UnOp("&", x, Pointer(ty, "generic"), loc=loc) if address else
                x if p.type == ty else N.Cast(x, True, p.type, loc=loc)
                for x, address, p in zip((a, b), by_address, function.params)]
        result = N.Call(name, args, function.ret, loc=loc)
        return result if function.ret == ty else N.Cast(result, True, ty, loc=loc)
    return name, make


def _storage(fl, c):
    """The TempStorage the collective object was made with: in the object expression (`BlockReduce(temp)`), or in
    the initializer of the variable the object is (`BlockReduce r(temp); r.Sum(v)`)."""
    member = next(iter(c.get_children()), None)
    obj = next(iter(member.get_children()), None) if member is not None else None
    for root in (obj, _variable(obj)):
        found = _find_storage(root)
        if found is not None:
            return found
    fl.fail(c, UNSUPPORTED, "a cub::BlockReduce made without TempStorage (CUB's private storage) is not translated; "
                            "declare `__shared__ typename BlockReduce::TempStorage temp;` and pass it")


def _variable(obj):
    inner = strip_parens(obj) if obj is not None else None
    if inner is not None and inner.kind == K.DECL_REF_EXPR and inner.referenced is not None \
            and inner.referenced.kind == K.VAR_DECL:
        return inner.referenced
    return None


def _find_storage(root):
    """The first expression under `root` (preorder) whose type is a BlockReduce TempStorage."""
    if root is None:
        return None
    for node in root.walk_preorder():
        if node.kind.is_expression() or node.kind == K.UNEXPOSED_EXPR:
            spec, storage = _specialization(node.type)
            if spec is not None and storage:
                return node
    return None


def _function(fl, op: tuple, collective: Collective, loc) -> str:
    x, y, z = collective.dims
    key, combine = op
    name = f"cutrans_cub_block_reduce_{key}_{collective.elem.name}_{x}x{y}x{z}"
    if name not in fl.m.done:
        fl.m.done[name] = _reduce_function(name, combine, collective, loc)
        fl.m.order.append(name)
    return name


def _reduce_function(name: str, combine, collective: Collective, loc) -> N.Function:
    """T name(T v, T *temp, int num_valid): the steps of the module docstring."""
    ty = collective.elem
    x, y, z = collective.dims

    def lit(value, t=I32):
        return N.IntLit(value, t, loc=loc)

    def var(n, t=I32):
        return N.VarRef(n, t, loc=loc)

    def bin(op, a, b, t=I32):
        return N.BinOp(op, a, b, t, loc=loc)

    def thread(dim):
        return N.Cast(N.SpecialReg("thread_idx", dim, U32, loc=loc), False, I32, loc=loc)

    def assign(target, value):
        return N.ExprStmt(N.Assign("=", target, value, target.type, loc=loc), loc=loc)

    tid = thread("x")
    if y != 1:
        tid = bin("+", tid, bin("*", thread("y"), lit(x)))
    if z != 1:
        tid = bin("+", tid, bin("*", thread("z"), lit(x * y)))
    v, temp, valid = var("v", ty), var("temp", Pointer(ty, "shared")), var("num_valid")
    lane, warp, rest, warp_valid = var("lane"), var("warp"), var("rest"), var("warp_valid")
    body = [N.VarDecl("tid", I32, "private", tid, loc=loc),
            N.VarDecl("lane", I32, "private", bin("%", var("tid"), lit(WARP_LANES)), loc=loc),
            N.VarDecl("warp", I32, "private", bin("/", var("tid"), lit(WARP_LANES)), loc=loc),
            N.VarDecl("rest", I32, "private", bin("-", valid, bin("*", warp, lit(WARP_LANES))), loc=loc),
            N.VarDecl("warp_valid", I32, "private", N.Conditional(
                bin("<", rest, lit(WARP_LANES), BOOL), rest, lit(WARP_LANES), I32, loc=loc), loc=loc)]
    offset = 1
    while offset < WARP_LANES:
        other = var(f"other{offset}", ty)
        body += [N.VarDecl(other.name, ty, "private", N.WarpOp(
                     "shfl_down", [lit(0xFFFFFFFF, U32), v, lit(offset, U32), lit(WARP_LANES)], ty, loc=loc), loc=loc),
                 N.If(bin("<", bin("+", lane, lit(offset)), warp_valid, BOOL),
                      N.Block([assign(v, combine(v, other, ty, loc))], loc=loc), None, loc=loc)]
        offset *= 2
    body += [N.If(bin("==", lane, lit(0), BOOL),
                  N.Block([assign(N.Index(temp, warp, ty, loc=loc), v)], loc=loc), None, loc=loc),
             N.Barrier("block", loc=loc)]
    folds = [N.If(bin("<", lit(w * WARP_LANES), valid, BOOL), N.Block(
                 [N.VarDecl(f"addend{w}", ty, "private", N.Index(temp, lit(w), ty, loc=loc), loc=loc),
                  assign(v, combine(v, var(f"addend{w}", ty), ty, loc))], loc=loc), None, loc=loc)
             for w in range(1, collective.warps)]
    if folds:
        body.append(N.If(bin("==", var("tid"), lit(0), BOOL), N.Block(folds, loc=loc), None, loc=loc))
    body.append(N.Return(v, loc=loc))
    params = [N.Param("v", ty, loc=loc), N.Param("temp", Pointer(ty, "shared"), loc=loc),
              N.Param("num_valid", I32, loc=loc)]
    return N.Function(name, "device", ty, params, N.Block(body, loc=loc), loc=loc)
