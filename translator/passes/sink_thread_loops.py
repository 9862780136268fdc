"""CPU: run a uniform loop of a barrier-free kernel at block level, with the block's threads inside it.

The CPU target runs a block's threads as one loop (a parallel region per stretch between barriers).
A kernel whose threads each walk a column of a row-major matrix (PolyBench's `s[j] += r[i] * A[i*NY + j]`,
j the thread, i a loop every thread runs alike) then walks memory column by column: each vector of
threads goes down the whole matrix before the next one starts. Running the loop at block level, with
the threads inside each iteration, sweeps each row once instead: for i, for every thread, one step.

This is an order of execution CUDA allows: nothing orders the statements of different threads between
barriers, and each thread still runs its own statements in its own order. The pass asks the barrier
regions (backends/cpu_schedule.py) for that order by ending each iteration with a block barrier, which
on the CPU is only the end of a thread loop. It applies only where that is plainly safe:

  * the kernel has no barrier, warp operation, shared memory, `printf` or atomic (whose lines or results
    would come in another order than the reference's), and no `return` but an early exit at its outermost
    level (`if (i >= n) return;`);
  * its body is thread-index declarations, then the statements, optionally all inside one `if` that
    does not change (`if (i < n && j < m) { ...; for (...) {...}; ...; for (...) {...} }`); each loop at
    that level that qualifies runs at block level, and the statements around them run thread by thread
    between them (PolyBench gramschmidt: a store, then two column walks);
  * the loop's start, condition and step are the same in every thread (passes/uniformity.py), its body
    leaves no loop early and writes no variable of its condition;
  * and it pays: some array index in the loop multiplies the loop's variable (a row stride) and also
    varies between threads (a column). A loop whose threads walk their own rows is left alone.

A grid-stride loop (`for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride)`, start less
threadIdx.x, bound and stride the same in every thread) is not uniform, but runs the same way in rounds:
`for (int r = start; r < n; r += stride) { int i = r + threadIdx.x; if (i < n) body }`, each thread running
its own iterations in its own order, and each round's threads touching consecutive elements where each
thread used to walk the whole array `stride` elements at a time. It applies when the body leaves no loop
early, keeps `i`, and writes only elements indexed by `i`.

The guarding condition is tested around each part (computed again where it is cheap arithmetic on thread
indices, else kept in a variable of each thread), so every thread runs exactly the statements it ran before.
A loop variable declared without a value and used only by loops that start by assigning it (`int i; ...
for (i = 0; ...)`) becomes each loop's own.
"""

from __future__ import annotations

import copy
import functools
import itertools

from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.effects import STEPS
from translator.ir.types import BOOL, U32, Scalar
from translator.passes.statements import as_list, early_exit_as_if, loop_escapes
from translator.passes.uniformity import Uniformity, assigned_name

GUARD = "cutrans_active"
_FORBIDDEN = (N.Barrier, N.WarpOp, N.Printf, N.Atomic)    # and N.Return, once early exits are `if`s


def sink_thread_loops(module: N.Module) -> N.Module:
    for f in module.functions:
        if f.kind == "kernel" and _eligible(f):
            body = _rewrite(f)
            if body is not None:
                f.body = body
    return module


def _eligible(f: N.Function) -> bool:
    return not any(isinstance(n, _FORBIDDEN) or (isinstance(n, N.VarDecl) and n.space != "private")
                   for n in walk(f.body))


def _has_loop(s) -> bool:
    return any(isinstance(n, N.For) for n in walk(s))


def _rewrite(f: N.Function) -> N.Block | None:
    stmts = early_exit_as_if(list(f.body.stmts), _has_loop)      # `if (i >= n) return;` -> `if (i < n) {...}`
    if any(isinstance(n, N.Return) for s in stmts for n in walk(s)):
        return None
    lead = 0
    while lead < len(stmts) and isinstance(stmts[lead], N.VarDecl) and stmts[lead].init is not None:
        lead += 1
    decls, rest = stmts[:lead], stmts[lead:]
    guard = None
    if len(rest) == 1 and isinstance(rest[0], N.If) and rest[0].orelse is None:
        guard, rest = rest[0].cond, list(as_list(rest[0].then))     # evaluated once, where it was
    segments, loops = _split(f, _own_loop_variables(rest), {d.name for d in decls})
    if not loops:
        return None
    sunk = _assemble(f, decls, guard, segments, loops)
    if sunk is None:
        return None
    unread = [d for d in "xyz" if not _reads_thread_dim(f, d)]
    if not unread:
        return sunk
    one = [N.BinOp("==", N.SpecialReg("block_dim", d, U32, loc=f.loc), N.IntLit(1, U32, loc=f.loc), BOOL,
                   loc=f.loc) for d in unread]
    cond = functools.reduce(lambda a, b: N.BinOp("&&", a, b, BOOL, loc=f.loc), one)
    own = {n.name: f"{n.name}_cutrans0" for s in stmts for n in walk(s) if isinstance(n, N.VarDecl)}
    original = N.Block([_renamed(s, own) for s in stmts], loc=f.body.loc)   # blocks whose threads it cannot tell apart
    return N.Block([N.If(cond, sunk, original, loc=f.loc)], loc=f.body.loc)


def _split(f: N.Function, rest: list, indices: set) -> tuple[list, list]:
    """(segments, loops): the loops of `rest` (its outermost statements) that run at block level, as (loop,
    body) pairs, and the statements around them, one more segment than loops."""
    segments, loops = [[]], []
    declared: set = set()              # what the segments so far declare
    for s in rest:
        form = _block_level_form(f, s, indices) if isinstance(s, N.For) else None
        if form is not None and not declared & (_reads(form[0].init) | _reads(form[0].cond) | _reads(form[0].step)):
            loops.append(form)         # (a bound computed under the guard: threads outside it would not have it)
            segments.append([])
        else:
            segments[-1].append(s)
            declared |= {n.name for n in walk(s) if isinstance(n, N.VarDecl)}
    return segments, loops


def _block_level_form(f: N.Function, loop: N.For, indices: set):
    """(loop, body) to run at block level: the uniform loop itself, or a grid-stride loop's rounds; None."""
    if isinstance(loop.init, N.VarDecl) and _sinkable(f, loop, indices):
        return loop, list(as_list(loop.body))
    return _grid_stride_rounds(f, loop)


def _reads_thread_dim(f: N.Function, dim: str) -> bool:
    return any(isinstance(n, N.SpecialReg) and (n.reg == "thread_linear" or n.reg == "thread_idx" and n.dim == dim)
               for n in walk(f.body))


def _assemble(f: N.Function, decls: list, guard, segments: list, loops: list) -> N.Block | None:
    """decls; [flag;] if (guard) {segment 0}  for (...) { [decls again;] if (guard) {body} barrier }  [decls
    again;] if (guard) {segment 1}  for ...  Where the declarations are cheap arithmetic on values no statement
    changes (thread indices), each part computes them again under new names, and so the guard; otherwise
    they and a flag holding the guard live across the parts in per-thread storage (the barrier regions'
    context arrays)."""
    params = {p.name for p in f.params}
    written = {name for n in walk(f.body) if (name := assigned_name(n)) is not None}
    known = params - written
    cheap = True
    for d in decls:
        cheap = cheap and isinstance(d.type, Scalar) and d.name not in written and _pure(d.init, known)
        known.add(d.name)
    recompute = cheap and (guard is None or _pure(guard, known))
    flag = None
    if guard is not None and not recompute:
        flag = N.VarDecl(GUARD, BOOL, "private", guard, loc=guard.loc)

    def part(stmts: list, k: int) -> tuple[list, list]:
        """(declarations computed again, the statements under the guard) for part k (0: the first)."""
        mapping = {d.name: f"{d.name}_cutrans{k}" for d in decls} if recompute and k else {}
        again = [_renamed(d, mapping) for d in decls] if mapping else []
        cond = None if guard is None else N.VarRef(GUARD, BOOL, loc=guard.loc) if flag else \
            _renamed(guard, mapping)
        stmts = [_renamed(s, mapping) for s in stmts]
        if cond is not None and stmts:
            stmts = [N.If(cond, N.Block(stmts, loc=cond.loc), None, loc=cond.loc)]
        return again, stmts

    hoisted = []
    if guard is not None:                   # `if (g) { T v = e; ...` -> `T v; if (g) { v = e; ...`: v outlives the if
        for k, segment in enumerate(segments):
            outside, segments[k] = _declared_outside(segment)
            if outside is None:
                return None
            hoisted += outside
    _, first = part(segments[0], 0)
    out = decls + ([flag] if flag else []) + hoisted + first
    number = itertools.count(1)
    for (loop, body), segment in zip(loops, segments[1:]):
        again, inside = part(body, next(number))
        out.append(N.For(loop.init, loop.cond, loop.step,
                         N.Block(again + inside + [N.Barrier("block", loc=loop.loc)], loc=loop.loc), loop.unroll,
                         loc=loop.loc))
        if segment:
            again, after = part(segment, next(number))
            out += again + after
    return N.Block(out, loc=f.body.loc)


def _declared_outside(pre: list):
    """(declarations without values, statements assigning their values) for the variables `pre` declares
    at its outermost level; (None, pre) for an array or a variable whose value is not one expression."""
    hoisted, stmts = [], []
    for s in pre:
        if not isinstance(s, N.VarDecl):
            stmts.append(s)
            continue
        if not isinstance(s.type, Scalar) or isinstance(s.init, N.InitList):
            return None, pre
        hoisted.append(N.VarDecl(s.name, s.type, s.space, None, loc=s.loc))
        if s.init is not None:
            stmts.append(N.ExprStmt(N.Assign("=", N.VarRef(s.name, s.type, loc=s.loc), s.init, s.type, loc=s.loc),
                                    loc=s.loc))
    return hoisted, stmts


_PURE = (N.VarRef, N.SpecialReg, N.IntLit, N.FloatLit, N.BoolLit, N.BinOp, N.Cast)


def _pure(e, known: set) -> bool:
    """Is `e` arithmetic on literals, built-in indices and the variables in `known` (no memory, no calls)?"""
    return all(isinstance(n, _PURE) and (not isinstance(n, N.VarRef) or n.name in known) or
               isinstance(n, N.UnOp) and n.op in ("-", "+", "!", "~") for n in walk(e))


def _renamed(node, mapping: dict):
    """A copy of `node` with the variables in `mapping` renamed."""
    node = copy.deepcopy(node)
    if mapping:
        for n in walk(node):
            if isinstance(n, (N.VarRef, N.VarDecl)) and n.name in mapping:
                n.name = mapping[n.name]
    return node



def _reads(e) -> set:
    return set() if e is None else {n.name for n in walk(e) if isinstance(n, N.VarRef)}


def _own_loop_variables(rest: list) -> list:
    """`int i; ... for (i = 0; ...) ...; for (i = 0; ...)` -> each of those loops declares its own `i`, when
    nothing but them uses `i` (gramschmidt's two loops over one `i`)."""
    by_name: dict = {}
    for s in rest:
        init = s.init.expr if isinstance(s, N.For) and isinstance(s.init, N.ExprStmt) else None
        if isinstance(init, N.Assign) and init.op == "=" and isinstance(init.target, N.VarRef):
            by_name.setdefault(init.target.name, []).append(s)
    for name, loops in by_name.items():
        decl = next((s for s in rest if isinstance(s, N.VarDecl) and s.name == name and s.init is None), None)
        others = [s for s in rest if s is not decl and all(s is not loop for loop in loops)]
        if decl is None or any(name in _reads(s) for s in others) or any(
                isinstance(n, N.VarDecl) and n.name == name for s in others for n in walk(s)):
            continue
        own = {id(loop): N.For(N.VarDecl(name, decl.type, "private", loop.init.expr.value, loc=decl.loc), loop.cond,
                               loop.step, loop.body, loop.unroll, loc=loop.loc) for loop in loops}
        rest = [own.get(id(s), s) for s in rest if s is not decl]
    return rest


def _sinkable(f: N.Function, loop: N.For, indices: set) -> bool:
    if next(loop_escapes(loop.body), None) is not None:
        return False
    for n in walk(loop.body):         # every thread writes its own elements (`s[j] += ...`, not `s[0] += ...`)
        target = _writes_memory(n)
        if target is not None and not (isinstance(target, N.Index) and _reads(target.index) & indices):
            return False
    uniformity = Uniformity(f)
    if uniformity.loop_problem(loop) is not None:
        return False
    var = loop.init.name
    return any(_row_stride(n.index, var) and not uniformity.is_uniform(n.index)
               for n in walk(loop.body) if isinstance(n, N.Index))


def _thread_x(e) -> bool:
    return isinstance(e, N.SpecialReg) and e.reg == "thread_idx" and e.dim == "x" or \
        isinstance(e, N.Cast) and _thread_x(e.value)


def _minus_thread_x(e):
    """`e` without its `+ threadIdx.x` term (e = base + threadIdx.x, under casts), or None."""
    if isinstance(e, N.Cast):
        base = _minus_thread_x(e.value)
        return None if base is None else N.Cast(base, e.implicit, e.type, loc=e.loc)
    if isinstance(e, N.BinOp) and e.op == "+":
        if _thread_x(e.rhs):
            return e.lhs
        if _thread_x(e.lhs):
            return e.rhs
    return None


def _grid_stride_rounds(f: N.Function, loop: N.For):
    """A grid-stride loop `for (int i = base + threadIdx.x; i < n; i += stride) body` (base, n and stride the
    same in every thread) as rounds run at block level, (round loop, body): `for (int r = base; r < n; r +=
    stride) { int i = r + threadIdx.x; if (i < n) body }`. Thread t ran i = base + t, base + t + stride, ...
    while i < n; round k runs i = base + k stride + t in every thread where that is below n, so each thread
    runs the same iterations in the same order, and a round's threads touch consecutive elements. None
    unless the body only writes elements indexed by i and leaves the loop only at its end."""
    init, cond, step = loop.init, loop.cond, loop.step
    if not (isinstance(init, N.VarDecl) and isinstance(init.type, Scalar) and init.init is not None):
        return None
    var, base = init.name, _minus_thread_x(init.init)
    if base is None or not (isinstance(cond, N.BinOp) and cond.op == "<" and isinstance(cond.lhs, N.VarRef)
                            and cond.lhs.name == var):
        return None
    stride = step.value if isinstance(step, N.Assign) and step.op == "+=" and isinstance(step.target, N.VarRef) \
        and step.target.name == var else None
    uniformity = Uniformity(f)
    if stride is None or not all(uniformity.is_uniform(e) for e in (base, cond.rhs, stride)):
        return None
    if next(loop_escapes(loop.body), None) is not None or \
            any(assigned_name(n) == var for n in walk(loop.body)):
        return None
    for n in walk(loop.body):             # every iteration writes its own elements (`y[i] = ...`)
        target = _writes_memory(n)
        if target is not None and not (isinstance(target, N.Index) and var in _reads(target.index)):
            return None
    if not any(isinstance(n, N.Index) and var in _reads(n.index) and not _row_stride(n.index, var)
               for n in walk(loop.body)):
        return None                       # nothing walks memory with i: nothing to gain
    loc, ty = loop.loc, init.type
    rounds = f"{var}_cutrans_round"
    ref = N.VarRef(rounds, ty, loc=loc)
    thread = N.Cast(N.SpecialReg("thread_idx", "x", U32, loc=loc), False, ty, loc=loc)
    round_loop = N.For(N.VarDecl(rounds, ty, "private", base, loc=init.loc),
                       N.BinOp("<", ref, copy.deepcopy(cond.rhs), BOOL, loc=cond.loc),
                       N.Assign("+=", copy.deepcopy(ref), copy.deepcopy(stride), ty, loc=step.loc), None, None, loc=loc)
    body = [N.VarDecl(var, ty, "private", N.BinOp("+", copy.deepcopy(ref), thread, ty, loc=loc), loc=init.loc),
            N.If(cond, loop.body if isinstance(loop.body, N.Block) else N.Block([loop.body], loc=loc), None, loc=loc)]
    return round_loop, body


def _writes_memory(n):
    """The memory target that node `n` stores to (an assignment or increment of anything but a variable)."""
    if isinstance(n, N.Assign) and not isinstance(n.target, N.VarRef):
        return n.target
    if isinstance(n, N.UnOp) and n.op in STEPS and not isinstance(n.operand, N.VarRef):
        return n.operand
    return None


def _row_stride(index, var: str) -> bool:
    """Does `index` multiply loop variable `var` (by anything but a literal 1)?"""
    for n in walk(index):
        if isinstance(n, N.BinOp) and n.op == "*":
            for a, b in ((n.lhs, n.rhs), (n.rhs, n.lhs)):
                if var in _reads(a) and not (isinstance(b, N.IntLit) and b.value == 1):
                    return True
    return False
