"""The work-item loop of the CPU target (STYLE.md rule 6c): how the threads of one block are walked.

The loop is a z/y/x nest with `omp simd` on the innermost x loop, so `threadIdx.x` IS the vectorized
loop counter: no thread needs a division to find its 3-D index, and a 1-D block runs the outer two
loops once. The x counter is a signed `int` (blockDim.x <= 1024, checked at launch), so the compiler
sees it as an affine induction variable:

    for (unsigned int cutrans_tz = 0; cutrans_tz < blockDim.z; ++cutrans_tz)
    for (unsigned int cutrans_ty = 0; cutrans_ty < blockDim.y; ++cutrans_ty) {
        const int cutrans_trow = (int)((cutrans_tz * blockDim.y + cutrans_ty) * blockDim.x);
        #pragma omp simd
        for (int cutrans_tx = 0; cutrans_tx < (int)blockDim.x; ++cutrans_tx) {
            const int cutrans_t = cutrans_trow + cutrans_tx;        (the linear index, x fastest)
            const cutrans_uint3 threadIdx = {(unsigned int)cutrans_tx, cutrans_ty, cutrans_tz};
            ...

The global index `blockIdx.x * blockDim.x + threadIdx.x` is unsigned arithmetic in CUDA: it may wrap,
so converted to `int` it is not affine in the loop counter and the compiler cannot vectorize the
accesses it indexes. When the launch satisfies gridDim.x * blockDim.x <= 2^31 (`cutrans_fits_x`,
computed once per launch), every value of that expression is below 2^31 and equals the signed sum
`cutrans_gx + cutrans_tx` (cutrans_gx = blockIdx.x * blockDim.x), with no overflow and no wrap, so
a work-item loop that uses the index is emitted twice, `if (cutrans_fits_x) <loop> else <loop>`: the
first spells the index `(unsigned int)(cutrans_gx + cutrans_tx)` (affine, so it vectorizes), the second
as written. Both spellings have the same value whenever the first is used: results are bit-identical.
(A vote loop, cpu_uniform_check.py, is not versioned; it spells the index as the conditional
`cutrans_fits_x ? fast : generic`, which the compiler may unswitch itself.)
"""

from __future__ import annotations

import copy
import dataclasses
import typing

from translator.ir import nodes as N
from translator.ir.base import map_children, walk
from translator.ir.effects import has_effects
from translator.ir.matrix import WARP
from translator.ir.types import BOOL, Scalar
from translator.passes.statements import as_list
from translator.passes.uniformity import assigned_name

THREAD = "cutrans_t"
FITS_X = "cutrans_fits_x"
BLOCK_BASE_X = "cutrans_gx"

# declared before the block loop / inside it, when a kernel uses the fast global index
LAUNCH_DECL = f"const int {FITS_X} = (unsigned long long)gridDim.x * blockDim.x <= 2147483648ull;"
BLOCK_DECL = f"const int {BLOCK_BASE_X} = (int)(blockIdx.x * blockDim.x);"


def _reg(e, reg: str) -> bool:
    while isinstance(e, N.Cast) and e.implicit:
        e = e.value
    return isinstance(e, N.SpecialReg) and e.reg == reg and e.dim == "x"


def _either(e, test_a, test_b) -> bool:
    return (test_a(e.lhs) and test_b(e.rhs)) or (test_b(e.lhs) and test_a(e.rhs))


def is_global_x_index(e) -> bool:
    """`blockIdx.x * blockDim.x + threadIdx.x`, in any operand order."""
    if not (isinstance(e, N.BinOp) and e.op == "+"):
        return False

    def product(p):
        return (isinstance(p, N.BinOp) and p.op == "*"
                and _either(p, lambda a: _reg(a, "block_idx"), lambda b: _reg(b, "block_dim")))
    return _either(e, product, lambda t: _reg(t, "thread_idx"))


# the global x index inside a thread loop, by how the loop was versioned: "fast" in the version for
# launches with cutrans_fits_x, "generic" in the other, "select" where the loop is not versioned
INDEX_FORMS = {
    "fast": f"(unsigned int)({BLOCK_BASE_X} + cutrans_tx)",
    "generic": "{generic}",
    "select": f"({FITS_X} ? (unsigned int)({BLOCK_BASE_X} + cutrans_tx) : {{generic}})",
}


@dataclasses.dataclass(frozen=True)
class Bound:
    """A region `T v = A + threadIdx.x; ... if (v < N) { S }` (A and N the same in every thread): only the
    threads with threadIdx.x < N - A do anything, so the x loop stops there and runs S unguarded. A lower
    bound `v > F` (or `>=`; a stencil's `j > 0`) starts the loop where it first holds, and either bound may
    come alone. The test may be a conjunction `v < N && rest` (in any order; `rest` without effects, a 2-D
    kernel's row check): then the loop runs `if (rest) { S }`, which GCC vectorizes where it did not
    vectorize the whole test (a masked load from an address that is the same in every thread of the row,
    PolyBench doitgen). The terms of `rest` that are the same in every thread of a row (they read
    threadIdx.y or .z, not .x; no load, no division) are `row`, tested once per row before the x loop
    (PolyBench convolution-2d's `i > 0 && i < NI - 1`). Every thread runs the same statements as before;
    the vector loop needs no masked stores, which are slow (microcoded AVX2 vmaskmov on AMD Zen)."""
    base: object          # A: an int expression (IR), or None for the global index's cutrans_gx
    limit: object         # N (None: no upper bound), where v < N + limit_plus must hold
    then: list            # S, its statements
    limit_plus: int = 0
    first: object = None  # F (None: no lower bound), where v >= F + first_plus must hold
    first_plus: int = 0
    row: object = None    # a test the same in every thread of a row (threadIdx.y, .z), checked before the x loop


XEND = "cutrans_xend"
# the x loop's ends under a Bound: (the bound's value less the block's base, as long long; the clamped int)
LOOP_ENDS = {"end": ("cutrans_xlim", XEND), "begin": ("cutrans_xfirst", "cutrans_xbegin")}
# the body's first line in every work-item loop, once cutrans_tx, cutrans_ty and cutrans_tz are known
THREAD_IDX_DECL = "const cutrans_uint3 threadIdx = {(unsigned int)cutrans_tx, cutrans_ty, cutrans_tz};"


def _int32(e) -> bool:
    return isinstance(getattr(e, "type", None), Scalar) and e.type.name == "i32"


def _minus_thread_x(e):
    """(True, A) for an int `A + (int)threadIdx.x`; (True, None) for the global x index; else (False, None)."""
    inner = e.value if isinstance(e, N.Cast) else e
    if is_global_x_index(inner):
        return True, None
    if isinstance(e, N.BinOp) and e.op == "+" and _int32(e):
        for a, t in ((e.lhs, e.rhs), (e.rhs, e.lhs)):
            if isinstance(t, N.Cast) and _reg(t.value, "thread_idx") and _int32(a):
                return True, a
    return False, None


_INVARIANT = (N.VarRef, N.IntLit, N.BinOp, N.Cast, N.SpecialReg)


def region_bound(stmts: list, per_thread: set, fast: bool) -> Bound | None:
    """The Bound of a region's statements, or None. `per_thread`: variables with a value per thread (context
    arrays); `fast`: the version for launches whose global index fits in int (the only one where the global
    index is cutrans_gx + cutrans_tx)."""
    if not stmts or not isinstance(stmts[-1], N.If) or stmts[-1].orelse is not None:
        return None
    lead, test = stmts[:-1], stmts[-1]
    if not _private_lead(lead, per_thread):
        return None
    local = {d.name for d in lead if isinstance(d, N.VarDecl)} | per_thread
    assigned = {name for s in stmts for n in walk(s) if (name := assigned_name(n)) is not None}
    varying = local | assigned

    def invariant(e) -> bool:
        return all(isinstance(n, _INVARIANT) and not (isinstance(n, N.VarRef) and n.name in varying)
                   and not (isinstance(n, N.SpecialReg) and n.reg in ("thread_idx", "thread_linear"))
                   for n in walk(e))
    terms = _conjuncts(test.cond)
    ends: dict[str, _BoundTerm] = {}      # "end" | "first" -> the first term that bounds it, all on one variable
    used = set()                          # the indices of those terms
    for k, cond in enumerate(terms):
        term = _bound_term(cond, lead, fast, invariant)
        if term is not None and term.end not in ends and all(t.var == term.var for t in ends.values()):
            ends[term.end] = term
            used.add(k)
    if not ends:
        return None
    # `if (v < N && rest)`: where the loop runs, v < N holds, so `rest` alone decides. `rest` has no
    # effects, so that the threads the bound drops may skip it
    rest = [t for k, t in enumerate(terms) if k not in used]
    if any(has_effects(t) for t in rest):
        return None
    # the terms the same in every thread of a row (`i > 0` of a 2-D kernel) are tested once per row, before
    # the x loop: GCC neither unswitched nor hoisted them, and vectorized the loop with masked stores
    inits = {d.name: N.Cast(d.init, False, d.type, loc=d.loc) for d in lead  # as the declaration converts it
             if isinstance(d, N.VarDecl) and d.init is not None and d.name not in assigned}
    row, inner = [], []
    for t in rest:
        (row if _row_invariant(t, inits, varying) else inner).append(t)
    then = list(as_list(test.then))
    if inner:
        then = [N.If(_conjunction(inner), N.Block(then, loc=test.loc), None, loc=test.loc)]
    end, first = ends.get("end"), ends.get("first")
    return Bound((end or first).base, end.value if end else None, then, end.added if end else 0,
                 first.value if first else None, first.added if first else 0,
                 _substitute(copy.deepcopy(_conjunction(row)), inits) if row else None)


# what a row test may contain: no load (a thread may not read what no thread of the row would have read)
# and no division (by a value that, where the row's x range is empty, no thread would have divided by)
_ROW_TRAPS = ("/", "%")


def _row_invariant(e, inits: dict, varying: set) -> bool:
    """Is `e` the same in every thread of a row, and safe to evaluate once per row? Its variables are
    invariant, or declared before the test with an initializer that is (substituted by `_substitute`)."""
    for n in walk(e):
        if isinstance(n, N.VarRef) and n.name in inits:
            if not _row_invariant(inits[n.name], inits, varying):
                return False
        elif isinstance(n, N.VarRef) and n.name in varying:
            return False
        elif isinstance(n, N.SpecialReg) and (n.reg == "thread_linear" or n.reg == "thread_idx" and n.dim == "x"):
            return False
        elif not isinstance(n, _INVARIANT) or isinstance(n, N.BinOp) and n.op in _ROW_TRAPS:
            return False
    return True


def _substitute(e, inits: dict):
    """`e` with each variable of `inits` replaced by a copy of its initializer (itself substituted)."""
    if isinstance(e, N.VarRef) and e.name in inits:
        return _substitute(copy.deepcopy(inits[e.name]), inits)
    map_children(e, lambda child: _substitute(child, inits))
    return e


def _private_lead(lead: list, per_thread: set) -> bool:
    """The statements before a region's test run in the threads the bound drops too, so they may only make
    values private to the thread that nothing after the region reads: declarations without effects, and
    assignments without other effects to variables those declare (PolyBench's `c11 = +0.2;`)."""
    declared = set()
    for s in lead:
        if isinstance(s, N.VarDecl) and s.name not in per_thread and not has_effects(s):
            declared.add(s.name)
        elif not (isinstance(s, N.ExprStmt) and isinstance(s.expr, N.Assign) and s.expr.op == "="
                  and isinstance(s.expr.target, N.VarRef) and s.expr.target.name in declared
                  and not has_effects(s.expr.value)):
            return False
    return True


def _conjuncts(cond) -> list:
    """`a && b && c` as [a, b, c]."""
    if isinstance(cond, N.BinOp) and cond.op == "&&":
        return _conjuncts(cond.lhs) + _conjuncts(cond.rhs)
    return [cond]


def _conjunction(terms: list):
    result = terms[0]
    for t in terms[1:]:
        result = N.BinOp("&&", result, t, BOOL, loc=result.loc)
    return result


# a comparison of v with a value the same in every thread, v on the left -> (which end of the x loop it
# bounds, what to add to the value): v < N ends the loop at N, v <= N at N + 1, v >= F starts it at F...
_BOUND_FORMS = {"<": ("end", 0), "<=": ("end", 1), ">=": ("first", 0), ">": ("first", 1)}
_MIRRORED = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}      # c < v is v > c


class _BoundTerm(typing.NamedTuple):
    end: str              # "end" | "first": which end of the x loop the term bounds
    var: str              # v
    base: object          # A of v = A + threadIdx.x (None: the global index)
    value: object         # the value v is compared with
    added: int            # what to add to it (_BOUND_FORMS)


def _bound_term(cond, lead: list, fast: bool, invariant) -> _BoundTerm | None:
    """The reading of `cond` when it compares v with a value the same in every thread (`invariant`), v an
    int declared in `lead` as `A + threadIdx.x` (A None: the global index); else None."""
    if not (isinstance(cond, N.BinOp) and cond.op in _BOUND_FORMS and _int32(cond.lhs) and _int32(cond.rhs)):
        return None
    op, var, value = cond.op, cond.lhs, cond.rhs
    if not isinstance(var, N.VarRef):
        op, var, value = _MIRRORED[op], cond.rhs, cond.lhs
        if not isinstance(var, N.VarRef):
            return None
    decl = next((d for d in lead if isinstance(d, N.VarDecl) and d.name == var.name), None)
    if decl is None or decl.init is None or not _int32(decl):
        return None
    found, base = _minus_thread_x(decl.init)
    if not found or (base is None and not fast):
        return None
    if not invariant(value) or (base is not None and not invariant(base)):
        return None
    return _BoundTerm(_BOUND_FORMS[op][0], var.name, base, value, _BOUND_FORMS[op][1])


def _first_lane_test(cond) -> bool:
    """`(linear thread id & 31) == 0` or `linear thread id % 32 == 0`: true in the first thread of each warp."""
    if not (isinstance(cond, N.BinOp) and cond.op == "==" and isinstance(cond.rhs, N.IntLit) and cond.rhs.value == 0):
        return False
    lane = cond.lhs
    return (isinstance(lane, N.BinOp) and isinstance(lane.lhs, N.SpecialReg) and lane.lhs.reg == "thread_linear"
            and isinstance(lane.rhs, N.IntLit) and (lane.op, lane.rhs.value) in (("&", WARP - 1), ("%", WARP)))


def warp_leaders(stmts: list) -> list | None:
    """The statements of a region that is only `if (lane == 0) { S }` (the per-warp tensor-core ops of
    passes/warp_matrix_ops.py, a warp's partial sum written by its first thread): S, which a loop over the
    first thread of each warp runs (`leader_head`) instead of a walk of every thread that tests each one.
    The same threads run S, in the same order, with the same thread index."""
    if len(stmts) != 1 or not isinstance(stmts[0], N.If) or stmts[0].orelse is not None:
        return None
    return list(as_list(stmts[0].then)) if _first_lane_test(stmts[0].cond) else None


def leader_head(pad: str) -> str:
    """The opening lines of the loop over the first thread of each warp (linear ids 0, 32, 64, ...), with
    the names a work-item loop's body may use; the caller closes it with `}`."""
    inner = pad + "    "
    return (f"{pad}for (int {THREAD} = 0; {THREAD} < (int)cutrans_nthreads; {THREAD} += {WARP}) {{\n"
            f"{inner}const int cutrans_tx = {THREAD} % (int)blockDim.x;\n"
            f"{inner}const unsigned int cutrans_ty = (unsigned int){THREAD} / blockDim.x % blockDim.y;\n"
            f"{inner}const unsigned int cutrans_tz = (unsigned int){THREAD} / (blockDim.x * blockDim.y);\n"
            f"{inner}{THREAD_IDX_DECL}\n")


def loop_head(pad: str, inner: str, simd: str = "#pragma omp simd", end: str = "(int)blockDim.x",
              begin: str = "0", row: str = "") -> str:
    """The nest's opening lines, up to and including the innermost body's first lines; the caller
    closes it with `loop_tail`. `begin`, `end`: where the x loop starts and stops; `row`: a line that
    skips the row of threads (`row_check`)."""
    return (f"{pad}for (unsigned int cutrans_tz = 0; cutrans_tz < blockDim.z; ++cutrans_tz)\n"
            f"{pad}for (unsigned int cutrans_ty = 0; cutrans_ty < blockDim.y; ++cutrans_ty) {{\n"
            f"{inner}const int cutrans_trow = (int)((cutrans_tz * blockDim.y + cutrans_ty) * blockDim.x);\n"
            + (f"{inner}{row}\n" if row else "") +
            f"{inner}{simd}\n"
            f"{inner}for (int cutrans_tx = {begin}; cutrans_tx < {end}; ++cutrans_tx) {{\n"
            f"{inner}    const int {THREAD} = cutrans_trow + cutrans_tx;\n"
            f"{inner}    {THREAD_IDX_DECL}\n")


def row_check(test: str) -> str:
    """The line that skips a row of threads whose Bound.row `test` (C text) fails; threadIdx.x is not
    known there, and the test does not read it."""
    head = "const cutrans_uint3 threadIdx = {0u, cutrans_ty, cutrans_tz}; " if "threadIdx" in test else ""
    return f"{{ {head}if (!({test})) continue; }}"


def loop_tail(pad: str, inner: str) -> str:
    return f"{inner}}}\n{pad}}}"
