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

import dataclasses

from translator.ir import nodes as N
from translator.ir.base import walk
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
    threads with threadIdx.x < N - A do anything, so the x loop stops there and runs S unguarded. The test
    may be a conjunction `v < N && rest` (in any order; `rest` without effects, a 2-D kernel's row check):
    then the loop runs `if (rest) { S }`, which GCC vectorizes where it did not vectorize the whole test
    (a masked load from an address that is the same in every thread of the row, PolyBench doitgen). Every
    thread runs the same statements as before; the vector loop needs no masked stores, which are slow
    (microcoded AVX2 vmaskmov on AMD Zen)."""
    base: object          # A: an int expression (IR), or None for the global index's cutrans_gx
    limit: object         # N
    then: list            # S, its statements


XEND = "cutrans_xend"
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
    # the leading statements run in the threads the bound drops too: only declarations without effects,
    # whose variables nothing after this region reads
    if any(not isinstance(s, N.VarDecl) or s.name in per_thread or has_effects(s) for s in lead):
        return None
    local = {d.name for d in lead} | per_thread
    varying = local | {name for s in stmts for n in walk(s) if (name := assigned_name(n)) is not None}

    def invariant(e) -> bool:
        return all(isinstance(n, _INVARIANT) and not (isinstance(n, N.VarRef) and n.name in varying)
                   and not (isinstance(n, N.SpecialReg) and n.reg in ("thread_idx", "thread_linear"))
                   for n in walk(e))
    terms = _conjuncts(test.cond)
    for k, cond in enumerate(terms):
        bound = _bound_term(cond, lead, fast, invariant)
        if bound is None:
            continue
        # `if (v < N && rest)`: where the loop runs, v < N holds, so `rest` alone decides. `rest` has no
        # effects, so that the threads the bound drops may skip it
        rest = terms[:k] + terms[k + 1:]
        if any(has_effects(t) for t in rest):
            return None
        then = list(as_list(test.then))
        if rest:
            then = [N.If(_conjunction(rest), N.Block(then, loc=test.loc), None, loc=test.loc)]
        return Bound(bound[0], bound[1], then)
    return None


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


def _bound_term(cond, lead: list, fast: bool, invariant) -> tuple | None:
    """(A, N) when `cond` is `v < N`, v an int declared in `lead` as `A + threadIdx.x` (A None: the global
    index) and N the same in every thread (`invariant`); else None."""
    if not (isinstance(cond, N.BinOp) and cond.op == "<" and isinstance(cond.lhs, N.VarRef) and _int32(cond.lhs)
            and _int32(cond.rhs)):
        return None
    decl = next((d for d in lead if d.name == cond.lhs.name), None)
    if decl is None or decl.init is None or not _int32(decl):
        return None
    found, base = _minus_thread_x(decl.init)
    if not found or (base is None and not fast):
        return None
    if not invariant(cond.rhs) or (base is not None and not invariant(base)):
        return None
    return base, cond.rhs


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


def loop_head(pad: str, inner: str, simd: str = "#pragma omp simd", end: str = "(int)blockDim.x") -> str:
    """The nest's opening lines, up to and including the innermost body's first lines; the caller
    closes it with `loop_tail`. `end`: where the x loop stops."""
    return (f"{pad}for (unsigned int cutrans_tz = 0; cutrans_tz < blockDim.z; ++cutrans_tz)\n"
            f"{pad}for (unsigned int cutrans_ty = 0; cutrans_ty < blockDim.y; ++cutrans_ty) {{\n"
            f"{inner}const int cutrans_trow = (int)((cutrans_tz * blockDim.y + cutrans_ty) * blockDim.x);\n"
            f"{inner}{simd}\n"
            f"{inner}for (int cutrans_tx = 0; cutrans_tx < {end}; ++cutrans_tx) {{\n"
            f"{inner}    const int {THREAD} = cutrans_trow + cutrans_tx;\n"
            f"{inner}    {THREAD_IDX_DECL}\n")


def loop_tail(pad: str, inner: str) -> str:
    return f"{inner}}}\n{pad}}}"
