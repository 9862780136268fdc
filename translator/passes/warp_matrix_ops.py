"""CPU target: tensor-core ops run once per warp, on whole tiles kept once per warp.

The portable lowering (lower_matrix_ops.py) lets every thread compute alone, so each of a warp's 32
threads loads its own copy of the whole a and b tiles and runs scalar loops that no compiler vectorizes
across threads. On the CPU target a warp's threads run in one loop anyway. So here a kernel's fragments
become block storage with one tile per warp (`__shared__ T f[32][rows * cols]`: a block has at most 32
warps), and each run of consecutive fragment ops becomes

    __syncthreads();
    if (lane == 0) { warp_load(f[warp], p, ldm); warp_mma(acc[warp], a[warp], b[warp], acc[warp]); ... }
    __syncthreads();

The first thread of each warp does its warp's ops with the arguments it computed itself (CUDA requires
the pointer, ldm and fill value to be the same in every thread of the warp). The `warp_*` helpers
(lower_matrix_ops.py) work row by row on tiles whose a/b elements were converted once, when loaded
(Fragment.held): loops a C compiler vectorizes. An accumulator's `f.x[t]` in lane l stays element
`l + 32 t` of the row-major tile (now `f[warp][l + 32 t]`), and every element of D is computed by the
same steps in the same order as in the portable lowering, so the results are the same bits.

A kernel keeps the portable lowering, which is exact too (so no diagnostic), unless all of this holds:
every fragment op is a statement of its own, in control flow every thread of the block takes alike
(passes/uniformity.py, as for barriers), with no `return` (a kernel's outermost `if (c) return; rest`
is first read as `if (!c) { rest }`) and no `break`/`continue` out of a loop every thread runs alike
taken by only some threads; each fragment is declared once; a and b fragments are only used by
fragment ops (their `x[i]` would need every thread's own copy, but see below); the ops' other arguments have no side
effects (only the warp's first thread evaluates them); and the tiles fit in MAX_BLOCK_BYTES per block.
The one use of a and b elements kept is a loop that rewrites each element from itself (_Rewrite.element_loop).
Device functions always keep the portable lowering.

Requires: verify_module. Runs before lower_matrix_ops, which writes the helpers of the `warp_*` ops;
the barriers it adds are scheduled by the CPU backend like the program's own.
"""

from __future__ import annotations

import copy

from translator.ir import nodes as N
from translator.ir.base import map_children, walk
from translator.ir.effects import has_effects, is_effect
from translator.ir.matrix import WARP, Fragment, lane, warp_index
from translator.ir.types import BOOL, U32, VOID, Array, size_align
from translator.passes.statements import early_exit_as_if, rewrite_nested
from translator.passes.uniformity import Uniformity

MAX_WARPS = 1024 // WARP
MAX_BLOCK_BYTES = 512 * 1024            # per block, on each OpenMP thread's stack
# op -> (positions of its fragment arguments, how many arguments the per-warp op keeps: not the lane)
OPS = {"fill": ((0,), 2), "load": ((0,), 3), "store": ((1,), 3), "mma": ((0, 1, 2, 3), 4)}
_JUMPS = (N.Break, N.Continue)


class _Portable(Exception):
    """The kernel keeps the portable lowering."""


def _root(e):
    while isinstance(e, N.Index):
        e = e.base
    return e.name if isinstance(e, N.VarRef) else None


def _rounding(n) -> bool:
    """__float_to_tf32, the one matrix op that is a plain function of its argument."""
    return isinstance(n, N.MatrixOp) and n.op == "to_tf32"


def _fragment_op(s) -> N.MatrixOp | None:
    if isinstance(s, N.ExprStmt) and isinstance(s.expr, N.MatrixOp) and s.expr.op in OPS:
        return s.expr
    return None


def _fragments(f: N.Function) -> dict:
    """fragment variable name -> its Fragment, from the fragment ops' arguments."""
    frags: dict = {}
    for n in walk(f.body):
        if isinstance(n, N.MatrixOp) and n.op in OPS:
            positions, _ = OPS[n.op]
            for pos, frag in zip(positions, n.frags):
                name = _root(n.args[pos])
                if name is None or frags.setdefault(name, frag) != frag:
                    raise _Portable
    return frags


def _warp_type(t, frag: Fragment):
    """The type of a fragment variable (a fragment or an array of them) with each fragment a whole tile."""
    return frag.tile if t == frag.storage else Array(_warp_type(t.elem, frag), t.size)


class _Placement:
    """Checks that every fragment op can run at block level (the barriers it gets need every thread)."""

    def __init__(self, f: N.Function):
        self.uniformity = Uniformity(f)

    def stmts(self, stmts, uniform: bool, loop_uniform: bool) -> None:
        for s in stmts:
            self.stmt(s, uniform, loop_uniform)

    def stmt(self, s, uniform: bool, loop_uniform: bool) -> None:
        if s is None:
            return
        if isinstance(s, N.Return) or isinstance(s, _JUMPS) and loop_uniform and not uniform:
            raise _Portable                   # (the CPU target has no return before a barrier yet)
        op = _fragment_op(s)
        if op is not None:
            if not uniform:
                raise _Portable
            return
        if isinstance(s, N.Block):
            self.stmts(s.stmts, uniform, loop_uniform)
        elif isinstance(s, N.If):
            inner = uniform and self.uniformity.is_uniform(s.cond)
            self.stmt(s.then, inner, loop_uniform)
            self.stmt(s.orelse, inner, loop_uniform)
        elif isinstance(s, (N.For, N.While, N.DoWhile)):
            inner = uniform and self.uniformity.loop_problem(s) is None
            self.stmt(s.body, inner, inner)
        elif isinstance(s, N.Switch):
            inner = uniform and self.uniformity.is_uniform(s.cond)
            self.stmt(s.body, inner, inner)
        if _has_fragment_op(s) and _fragment_op(s) is None \
                and not isinstance(s, (N.Block, N.If, N.For, N.While, N.DoWhile, N.Switch)):
            raise _Portable                   # a fragment op inside some other statement or expression


class _Rewrite:
    def __init__(self, f: N.Function, frags: dict):
        self.frags = frags
        self.decls = {name: [d for d in walk(f.body) if isinstance(d, N.VarDecl) and d.name == name]
                      for name in frags}
        if any(len(ds) != 1 or ds[0].init is not None or ds[0].space != "private" for ds in self.decls.values()) \
                or frags.keys() & {p.name for p in f.params}:
            raise _Portable
        self.types = {name: Array(_warp_type(ds[0].type, frags[name]), MAX_WARPS) for name, ds in self.decls.items()}
        if sum(size_align(t)[0] for t in self.types.values()) > MAX_BLOCK_BYTES:
            raise _Portable

    # -- expressions ------------------------------------------------------------------------------
    def view(self, e):
        """The warp's tile (or array of tiles) that a fragment expression names."""
        if isinstance(e, N.VarRef):
            whole = N.VarRef(e.name, self.types[e.name], loc=e.loc)
            return N.Index(whole, warp_index(e.loc), whole.type.elem, loc=e.loc)
        base = self.view(e.base)
        return N.Index(base, self.expr(e.index), base.type.elem, loc=e.loc)

    def expr(self, e):
        if e is None:
            return None
        name = _root(e)
        if name in self.frags:
            frag = self.frags[name]
            if not (isinstance(e, N.Index) and e.base.type == frag.storage and frag.use == "acc"):
                raise _Portable              # only an accumulator's x[t] may be used outside fragment ops
            loc = e.loc
            t = self.expr(e.index)
            t = t if t.type == U32 else N.Cast(t, False, U32, loc=loc)
            spread = N.BinOp("*", N.IntLit(WARP, U32, loc=loc), t, U32, loc=loc)
            return N.Index(self.view(e.base), N.BinOp("+", lane(loc), spread, U32, loc=loc), e.type, loc=loc)
        self.children(e)
        return e

    def children(self, node) -> None:
        map_children(node, self.expr)

    def warp_op(self, op: N.MatrixOp) -> N.MatrixOp:
        positions, arity = OPS[op.op]
        args = [self.view(a) if i in positions else self.expr(a) for i, a in enumerate(op.args[:arity])]
        if any(has_effects(a) for i, a in enumerate(args) if i not in positions):
            raise _Portable                  # only the warp's first thread evaluates the arguments
        return N.MatrixOp("warp_" + op.op, op.frags, op.layout, args, VOID, loc=op.loc)

    # -- statements -------------------------------------------------------------------------------
    def stmts(self, stmts: list) -> list:
        out, run = [], []
        for s in stmts:
            if _fragment_op(s) is not None:
                run.append(s)
                continue
            out += self.group(run) + self.stmt(s)
            run = []
        return out + self.group(run)

    def group(self, run: list) -> list:
        if not run:
            return []
        loc = run[0].loc
        first = N.BinOp("==", lane(loc), N.IntLit(0, U32, loc=loc), BOOL, loc=loc)
        ops = [N.ExprStmt(self.warp_op(s.expr), loc=s.loc) for s in run]
        guard = N.If(first, N.Block(ops, loc=loc), None, loc=loc)
        return [N.Barrier("block", loc=loc), guard, N.Barrier("block", loc=loc)]

    def element_loop(self, s: N.For) -> N.For:
        """`for (i = 0; i < f.num_elements; i++) f.x[i] = g(f.x[i]);` over a and b fragments, which hold
        the whole tile (e.g. CUDA's tf32 idiom `f.x[i] = __float_to_tf32(f.x[i])`): element i of the warp's
        one tile is done by lane i % 32, so each element once. Only assignments of elements from elements
        at the same i, through functions without side effects, and only where a tile element is the
        fragment's own element type (tf32, double): anything else keeps the portable lowering."""
        i = s.init.name if isinstance(s.init, N.VarDecl) else None
        stmts = s.body.stmts if isinstance(s.body, N.Block) else [s.body]
        accesses = [n for n in walk(s.body) if self.element(n)]
        if not self.rewrites_each_element(s, i, stmts, accesses):
            raise _Portable
        for n in accesses:
            n.base = self.view(n.base)
        loc = s.loc
        mine = N.BinOp("==", N.BinOp("&", N.Cast(N.VarRef(i, s.init.type, loc=loc), False, U32, loc=loc),
                                     N.IntLit(WARP - 1, U32, loc=loc), U32, loc=loc), lane(loc), BOOL, loc=loc)
        s.body = N.Block([N.If(mine, N.Block(stmts, loc=loc), None, loc=loc)], loc=loc)
        return s

    def rewrites_each_element(self, s: N.For, i, stmts: list, accesses: list) -> bool:
        """Is loop `s`, over `i`, `f.x[i] = g(...)` statements and nothing else, with every element access
        at [i], `i` used for nothing else, no side effect but the rounding, over all of each fragment's
        elements, and fragments whose tiles hold their own element type?"""
        if not (isinstance(s.cond, N.BinOp) and s.cond.op == "<" and isinstance(s.cond.lhs, N.VarRef)
                and s.cond.lhs.name == i and isinstance(s.cond.rhs, N.IntLit)):
            return False
        if not all(isinstance(st, N.ExprStmt) and isinstance(st.expr, N.Assign) and st.expr.op == "="
                   and self.element(st.expr.target) for st in stmts):
            return False
        frags = [self.frags[_root(n)] for n in accesses]
        if not all(isinstance(n.index, N.VarRef) and n.index.name == i for n in accesses) \
                or any(f.held != f.elem or f.per_thread != s.cond.rhs.value for f in frags):
            return False
        if any(is_effect(n) and not _rounding(n) for st in stmts for n in walk(st.expr.value)):
            return False
        indices = [a.index for a in accesses]
        return not any(isinstance(n, N.VarRef) and n.name == i and not any(n is x for x in indices)
                       for n in walk(s.body))

    def element(self, n) -> bool:
        """Is `n` an element access `f.x[i]` of an a or b fragment?"""
        name = _root(n) if isinstance(n, N.Index) else None
        return name in self.frags and self.frags[name].use != "acc" and n.base.type == self.frags[name].storage

    def stmt(self, s) -> list:
        if isinstance(s, N.For) and any(self.element(n) for n in walk(s.body)) \
                and not any(isinstance(n, (N.For, N.While, N.DoWhile)) for n in walk(s.body)):
            return [self.element_loop(s)]
        if isinstance(s, N.VarDecl) and s.name in self.frags:
            return [N.VarDecl(s.name, self.types[s.name], "shared", None, loc=s.loc)]
        if isinstance(s, N.Block):
            s.stmts = self.stmts(s.stmts)
            return [s]
        for field, kind in s._fields:
            value = getattr(s, field)
            if kind != "child" or value is None:
                continue
            if isinstance(value, N.Expr):
                setattr(s, field, self.expr(value))
            elif isinstance(s, N.For) and field == "init":
                s.init = self.stmt(value)[0]
            else:
                setattr(s, field, rewrite_nested(value, lambda x: self.stmts([x])))
        return [s]


def _has_fragment_op(s) -> bool:
    return any(isinstance(n, N.MatrixOp) and n.op in OPS for n in walk(s))


def _per_warp(f: N.Function) -> N.Function:
    frags = _fragments(f)
    if not frags:
        return f
    rewritten = copy.deepcopy(f)
    rewritten.body.stmts = early_exit_as_if(rewritten.body.stmts, _has_fragment_op)
    _Placement(rewritten).stmts(rewritten.body.stmts, True, False)
    rewrite = _Rewrite(rewritten, frags)
    rewritten.body.stmts = rewrite.stmts(rewritten.body.stmts)
    return rewritten


def warp_matrix_ops(module: N.Module) -> N.Module:
    functions = []
    for f in module.functions:
        try:
            functions.append(_per_warp(f) if f.kind == "kernel" else f)
        except _Portable:
            functions.append(f)
    module.functions = functions
    return module
