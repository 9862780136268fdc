"""What CUB's reduction collectives (`cub::BlockReduce`, `cub::WarpReduce`; frontend/cub_block.py, cub_warp.py)
share: finding a collective's specialization from a type, reading a `Sum`/`Reduce` call, the operator (CUB's, or a
program's functor or function: frontend/program_operators.py), and the warp-level steps that both compute.

The steps are CUB's WarpReduceShfl (warp/specializations/warp_reduce_shfl.cuh), for a logical warp of W lanes
(a power of two, at most 32) of which the first `valid` take part:

    for offset 1, 2, 4, ... W/2:   o = shfl_down(v, offset, W);  v = op(v, o) where lane + offset < valid

`lane` is the caller's lane in its logical warp. Lane 0 ends with op folded over the valid lanes in CUB's order;
every other lane ends with the partial value CUB leaves it (CUB calls it undefined).
"""

from __future__ import annotations

import clang.cindex as ci

from translator.frontend import program_operators
from translator.frontend.clang_ops import strip_parens, template_args
from translator.frontend.namespaces import in_namespace
from translator.ir import nodes as N
from translator.ir.types import BOOL, Scalar

K = ci.CursorKind
UNSUPPORTED = "L003"
I32, U32 = Scalar("i32"), Scalar("u32")
METHODS = ("Sum", "Reduce")


def _combine(op: str):
    """CUB's operators (thread/thread_operators.cuh): Sum a + b, Max a < b ? b : a, Min b < a ? b : a."""
    def make(a, b, ty, loc):
        if op == "Sum":
            return N.BinOp("+", a, b, ty, loc=loc)
        less = N.BinOp("<", a, b, BOOL, loc=loc) if op == "Max" else N.BinOp("<", b, a, BOOL, loc=loc)
        return N.Conditional(less, b, a, ty, loc=loc)
    return make


OPERATORS = {name: _combine(name) for name in ("Sum", "Max", "Min")}


def specialization(ctype, collective: str):
    """(the canonical `cub::<collective><...>` type of `ctype`, whether `ctype` is its TempStorage); (None, False)
    for any other type."""
    decl = ctype.get_canonical().get_declaration()
    if decl is None:
        return None, False
    storage = decl.spelling == "TempStorage"
    owner = decl.semantic_parent if storage else decl
    if owner is None or owner.spelling != collective or not in_namespace(owner, "cub"):
        return None, False
    return owner.type.get_canonical(), storage


def is_object(ctype, collective: str) -> bool:
    """Whether `ctype` is a `cub::<collective><...>` itself (not its TempStorage)."""
    spec, storage = specialization(ctype, collective)
    return spec is not None and not storage


def block_dims(spec, fail) -> tuple:
    """(X, Y, Z) of a block collective `cub::<collective><T, X, ALGORITHM, Y, Z>` (Y and Z default to 1)."""
    args = template_args(spec.spelling)
    if len(args) < 2:
        fail(UNSUPPORTED, f"cannot read the block size of '{spec.spelling}'")
    return tuple(int(args[i].rstrip("uUlL")) if len(args) > i else 1 for i in (1, 3, 4))


def collective_call(c, collective: str):
    """The `cub::<collective><...>` type whose method `c` (a call cursor) calls; None for any other call."""
    callee = c.referenced
    if c.kind != K.CALL_EXPR or callee is None or callee.semantic_parent is None:
        return None
    spec, storage = specialization(callee.semantic_parent.type, collective)
    return None if storage else spec


def reduction_call(fl, c, collective: str, read, build, storage=lambda: []) -> N.Expr | None:
    """A `Sum`/`Reduce` call `c` of `cub::<collective>` -> a call of the module's reduction (made on first use);
    None for any other call. `read(spec, lower_type, fail)` gives the collective (its elem, spelling, tag for the
    function's name and `lanes`, the count of valid items without the argument); `build(name, combine, collective,
    Builder)` the function, which takes (input, *storage(), valid)."""
    spec = collective_call(c, collective)
    if spec is None:
        return None
    found = read(spec, lambda t: fl.type_of(c, t), lambda code, message: fl.fail(c, code, message))
    op, value, valid = reduction_operands(fl, c, collective, found.elem, found.spelling)
    loc = fl.loc(c)
    valid = fl.expr(valid, want=I32) if valid is not None else N.IntLit(found.lanes, I32, loc=loc)
    prefix = "".join("_" + ch.lower() if ch.isupper() else ch for ch in collective)      # _block_reduce
    name = module_function(fl, f"cutrans_cub{prefix}_{op[0]}_{found.elem.name}_{found.tag}",
                           lambda n: build(n, op[1], found, Builder(loc)))
    return N.Call(name, [fl.expr(value, want=found.elem), *storage(), valid], found.elem, loc=loc)


def reduction_operands(fl, c, collective: str, elem: Scalar, spelling: str):
    """`Sum(input[, valid])` or `Reduce(input, op[, valid])` -> ((operator key, combine), input cursor, valid
    cursor or None). Any other method of the collective is refused (L003)."""
    what = f"cub::{collective}::{c.spelling}"
    if c.spelling not in METHODS:
        fl.fail(c, UNSUPPORTED, f"{what} is not translated for the OpenCL and CPU targets; cub::{collective}'s Sum "
                                f"and Reduce are")
    args = list(c.get_arguments())
    if c.spelling == "Sum":
        op, values = ("sum", OPERATORS["Sum"]), args
    else:
        op, values = operator(fl, args[1] if len(args) > 1 else c, collective, elem, spelling), args[:1] + args[2:]
    if not values or len(values) > 2:
        fl.fail(c, UNSUPPORTED, f"{what} with {len(args)} arguments is not translated")
    if strip_parens(values[0]).type.get_canonical().kind.name == "CONSTANTARRAY":
        fl.fail(c, UNSUPPORTED, f"{what} of an array of inputs per thread is not translated; reduce the thread's "
                                f"items first and pass one value")
    return op, values[0], values[1] if len(values) > 1 else None


def operator(fl, arg, collective: str, elem: Scalar, spelling: str) -> tuple:
    """(a name for the operator, its combine(a, b, ty, loc)): one of CUB's, or a program's functor or function."""
    decl = strip_parens(arg).type.get_canonical().get_declaration()
    if decl is not None and decl.spelling in OPERATORS and in_namespace(decl, "cub"):
        return decl.spelling.lower(), OPERATORS[decl.spelling]
    return program_operators.combine_of(fl, arg, elem, spelling, f"cub::{collective}::Reduce",
                                        "cub::Sum(), cub::Max(), cub::Min()")


def storage_expression(fl, c, collective: str):
    """The TempStorage cursor the collective object of call `c` was made with: in the object expression
    (`BlockReduce(temp)`), or in the initializer of the variable the object is (`BlockReduce r(temp); r.Sum(v)`)."""
    member = next(iter(c.get_children()), None)
    obj = next(iter(member.get_children()), None) if member is not None else None
    for root in (obj, _variable(obj)):
        found = _find_storage(root, collective)
        if found is not None:
            return found
    fl.fail(c, UNSUPPORTED, f"a cub::{collective} made without TempStorage (CUB's private storage) is not "
                            f"translated; declare `__shared__ typename {collective}::TempStorage temp;` and pass it")


def _variable(obj):
    inner = strip_parens(obj) if obj is not None else None
    if inner is not None and inner.kind == K.DECL_REF_EXPR and inner.referenced is not None \
            and inner.referenced.kind == K.VAR_DECL:
        return inner.referenced
    return None


def _find_storage(root, collective: str):
    """The first expression under `root` (preorder) whose type is the collective's TempStorage."""
    if root is None:
        return None
    for node in root.walk_preorder():
        if node.kind.is_expression() or node.kind == K.UNEXPOSED_EXPR:
            spec, storage = specialization(node.type, collective)
            if spec is not None and storage:
                return node
    return None


def module_function(fl, name: str, make) -> str:
    """`name`, after adding the function `make(name)` builds to the module on first use."""
    if name not in fl.m.done:
        fl.m.done[name] = make(name)
        fl.m.order.append(name)
    return name


class Builder:
    """Small IR expressions at one source location."""

    def __init__(self, loc):
        self.loc = loc

    def lit(self, value, t=I32):
        return N.IntLit(value, t, loc=self.loc)

    def var(self, name, t=I32):
        return N.VarRef(name, t, loc=self.loc)

    def bin(self, op, a, b, t=I32):
        return N.BinOp(op, a, b, t, loc=self.loc)

    def decl(self, name, t, init):
        return N.VarDecl(name, t, "private", init, loc=self.loc)

    def assign(self, target, value):
        return N.ExprStmt(N.Assign("=", target, value, target.type, loc=self.loc), loc=self.loc)

    def when(self, cond, *stmts):
        return N.If(cond, N.Block(list(stmts), loc=self.loc), None, loc=self.loc)

    def row_major_id(self, dims: tuple):
        """CUB's thread id from a collective's block dimensions: x + y * X + z * X * Y (a dimension of 1 adds
        nothing)."""
        x, y, z = dims

        def thread(dim):
            return N.Cast(N.SpecialReg("thread_idx", dim, U32, loc=self.loc), False, I32, loc=self.loc)
        tid = thread("x")
        if y != 1:
            tid = self.bin("+", tid, self.bin("*", thread("y"), self.lit(x)))
        if z != 1:
            tid = self.bin("+", tid, self.bin("*", thread("z"), self.lit(x * y)))
        return tid



def warp_steps(b: Builder, v, combine, lane, valid, width: int, mask) -> list:
    """The statements of CUB's shuffle steps over a logical warp of `width` lanes (the module docstring); `v` is
    the variable that ends with the result, `lane` and `valid` are i32 expressions, `mask` the lanes exchanging."""
    steps, offset = [], 1
    while offset < width:
        other = b.var(f"other{offset}", v.type)
        steps += [b.decl(other.name, v.type, N.WarpOp(
                      "shfl_down", [mask, v, b.lit(offset, U32), b.lit(width)], v.type, loc=b.loc)),
                  b.when(b.bin("<", b.bin("+", lane, b.lit(offset)), valid, BOOL),
                         b.assign(v, combine(v, other, v.type, b.loc)))]
        offset *= 2
    return steps
