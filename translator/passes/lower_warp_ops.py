"""Lower warp operations onto a block-sized shared scratch array and block barriers.

For targets without sub-groups (the CPU target; OpenCL devices such as PoCL that report none).
Each shuffle or vote of a kernel becomes an exchange through `__shared__ T cutrans_warp_<T>[N]`:

    cutrans_warp_<T>[tid] = value;  barrier;  T r = cutrans_warp_<T>[<source slot>];  ...;  barrier;

where `tid` is the linear thread id (x + y*Dx + z*Dx*Dy), lanes are `tid % 32` and warps are
consecutive groups of 32 ids, as in CUDA. T is the value's own type, so a shuffle moves the value as the
target holds it and never converts it: a __half2 or __nv_bfloat162 pair is one element, a __half on OpenCL
without cl_khr_fp16 the float that half_as_float makes of it, a bfloat16 its 16 bits. The source slot
follows CUDA's rules exactly, computed by small helper functions the pass adds to the module
(`cutrans_warp_shfl_*`, `cutrans_warp_ballot`, `cutrans_warp_live`). The second barrier keeps the next
exchange from overwriting slots still being read; it follows the statement that uses the result, so the
result rarely outlives a barrier.

Choices where CUDA leaves the result undefined (documented; the CPU emulation behaves the same):
  * a source lane that does not exist in the block (the last warp of a block whose size is not a
    multiple of 32), or that the mask excludes, yields the caller's own value;
  * ballot bits of lanes that do not exist, or that the mask excludes, are 0; `__all_sync` compares
    with the lanes of the mask that exist; `__activemask()` is the set of lanes that exist.
`__reduce_*_sync(mask, v)` reads the slots of the lanes of the warp that exist and are in the mask
(`cutrans_warp_reduce_<op>_<type>`): the lanes outside the mask need not call it, as in CUDA; add wraps
modulo 2^32 (it adds in unsigned), int min/max compare signed. `__syncwarp()` becomes a block barrier. The block votes `__syncthreads_count/_and/_or` are the same
exchange over the whole block: each thread counts the non-zero slots (`cutrans_warp_block_count`).
`block_shfl(value, thread)` (the collectives of cooperative groups' multi-warp tiles) reads the slot of
any thread of the block, the caller's own past the block's last thread.

This is exact only when every thread of the block reaches the operation, so an operation under
control flow that may differ between the threads of a block (passes/uniformity.py decides) gets a
diagnostic naming the construct, except where predication is exact: an 'if' whose condition may
differ between threads evaluates it once into a flag, every thread runs the exchanges' barriers and
the flag guards everything else (no return/break/continue may leave the 'if', its loops must be
uniform). A kernel's outermost `if (c) return; rest` is first read as `if (!c) { rest }`. Device
functions with warp operations are inlined into their kernels first (inline_warp_functions.py).

Requires: a verified module, before address spaces and hoist_shared (which places the scratch
arrays like any other `__shared__` variable). Guarantees: no WarpOp remains.
"""

from __future__ import annotations

from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import map_children, walk
from translator.ir.builtins import BLOCK_VOTES, STRUCT_SHUFFLES, WARP, WARP_LANES, WARP_REDUCTIONS, WARP_SHUFFLES
from translator.ir.types import BOOL, U32, Array, Pointer, Scalar, is_float
from translator.passes.statements import early_exit_as_if, has_barrier, rewrite_all, rewrite_nested
from translator.passes.inline_warp_functions import inline_warp_functions
from translator.passes.uniformity import Uniformity

I32 = Scalar("i32")
DIVERGENT = "L007"           # the stable code of a warp operation this lowering cannot place
MAX_BLOCK_THREADS = 1024
_CUDA_NAMES = {op: name for name, (op, _) in WARP.items() if name not in STRUCT_SHUFFLES.values()}
_CUDA_NAMES["block_shfl"] = "a collective of a tile larger than a warp"   # cooperative_groups.py makes them


def _element_stores(decl: N.VarDecl, target, init, ty) -> list:
    """The assignments that give `target` (of type `ty`) the value of initializer `init`: one for a scalar,
    one per element for an array initialized by a brace list (elements it leaves out become zero)."""
    loc = decl.loc
    if not isinstance(ty, Array):
        return [N.ExprStmt(N.Assign("=", target, init, ty, loc=loc), loc=loc)]
    if not isinstance(init, N.InitList):
        _refuse(decl, f"array '{decl.name}' initialized inside a predicated 'if' around warp operations is "
                      f"supported only with a brace list; declare it before the 'if'")
    stores = []
    for i in range(ty.size):
        element = N.Index(target, N.IntLit(i, Scalar("i32"), loc=loc), ty.elem, loc=loc)
        value = init.items[i] if i < len(init.items) else None
        if value is None and isinstance(ty.elem, Array):
            value = N.InitList([], ty.elem, loc=loc)
        elif value is None and not isinstance(ty.elem, Scalar):
            _refuse(decl, f"array '{decl.name}' initialized inside a predicated 'if' around warp operations: give "
                          f"every element a value, or declare it before the 'if'")
        stores += _element_stores(decl, element, value if value is not None else N.IntLit(0, ty.elem, loc=loc),
                                  ty.elem)
    return stores


def _refuse(node, message: str):
    loc = node.loc
    where = (loc.path, loc.line, loc.col) if loc else ("<ir>", 0, 0)
    raise CutransError(error(DIVERGENT, message, *where))


def has_warp_op(node) -> bool:
    return node is not None and any(isinstance(n, N.WarpOp) for n in walk(node))


def has_sync(node) -> bool:
    """A warp operation or a block barrier: something every thread of the block must reach."""
    return node is not None and any(isinstance(n, (N.WarpOp, N.Barrier)) for n in walk(node))


def _traps(e) -> bool:
    """Whether evaluating `e` may fault where its thread should not have evaluated it: a read through
    memory, a call, or an integer division or remainder by anything but a non-zero literal."""
    for n in walk(e):
        if isinstance(n, (N.Index, N.Member, N.Call, N.Atomic, N.WarpOp, N.Printf)) or (
                isinstance(n, N.UnOp) and n.op == "*"):
            return True
        if isinstance(n, N.BinOp) and n.op in ("/", "%") and not is_float(n.type) and not _never_zero(n.rhs):
            return True
    return False


_NEVER_ZERO_REGS = ("block_dim", "grid_dim", "warp_size", "block_threads")     # sizes are at least 1


def _never_zero(e) -> bool:
    """A divisor that cannot be zero: a non-zero literal, or a size of the launch (blockDim.x...)."""
    while isinstance(e, N.Cast):
        e = e.value
    return (isinstance(e, N.IntLit) and e.value != 0) or (isinstance(e, N.SpecialReg) and e.reg in _NEVER_ZERO_REGS)


# -- checking: every warp operation must be reached by every thread of the block ----------------------

class _Checker:
    def __init__(self, kernel: N.Function, exits: set):
        self.uniformity = Uniformity(kernel)
        self.exits = exits          # ids of the 'if's early_exit_as_if made of early returns
        self.exit = None            # a `return` that only some threads may take, seen so far
        self.predicated: set = set()  # ids of the 'if's whose warp operations run predicated
        self.depth = 0              # how many predicated 'if's enclose the statement being checked
        self.inside_exit = 0        # how many 'if's of early returns that cannot be predicated enclose it
        self.guarded: dict[str, list] = {}      # the declarations inside predicated 'if's, by name

    def shared_by_all(self, s, parts):
        """Inside a predicated 'if', the conditions of a statement around barriers or warp operations (a
        uniform loop or 'if') are evaluated by every thread, so the values they read must be too: a
        value the guard of the 'if' keeps from the threads it leaves out cannot be read there."""
        if not self.depth or not has_sync(s):
            return
        for part in parts:
            for n in walk(part):
                if isinstance(n, N.VarRef) and any(d.init is not None and _traps(d.init) for d in self.guarded.get(n.name, ())):
                    _refuse(n, f"'{n.name}' is computed only by the threads that did not return early (its "
                               f"value is read through memory or divides by a variable), but the threads that "
                               f"returned must still run the barriers this condition controls; compute it "
                               f"before the 'return'")

    def must_predicate(self, s: N.If) -> bool:
        """Warp operations under `s`, or barriers where `s` (or a predicated 'if' around it) stands for
        an early return: a thread that returned must not hold up the others' barriers."""
        return has_warp_op(s.then) or has_warp_op(s.orelse) or (
            (id(s) in self.exits or self.depth > 0) and (has_barrier(s.then) or has_barrier(s.orelse)))

    def stmt(self, s, why):
        """Check statement `s`; `why` is None where every thread gets here, else the reason not."""
        if s is None:
            return
        if isinstance(s, N.Block):
            for child in s.stmts:
                self.stmt(child, why)
        elif isinstance(s, N.If):
            self.expr(s.cond, why)
            uniform = self.uniformity.is_uniform(s.cond)
            jump = _escaping_jump(s.then, False, False) or _escaping_jump(s.orelse, False, False)
            if uniform:
                self.shared_by_all(s, [s.cond])
            if why is None and not uniform and self.must_predicate(s) and jump is None:
                self.predicate(s)
                return
            inner = why or (None if uniform else "inside an 'if' whose condition may differ between threads")
            if inner is not None and jump is not None and not why:
                inner = (f"inside an 'if' whose condition may differ between threads and which a "
                         f"'{type(jump).__name__.lower()}' (line {jump.loc.line}) leaves, so it cannot be predicated")
            exiting = id(s) in self.exits and not uniform
            self.inside_exit += exiting
            self.stmt(s.then, inner)
            self.stmt(s.orelse, inner)
            self.inside_exit -= exiting
        elif isinstance(s, (N.For, N.While)):
            self.loop(s, why)
        elif isinstance(s, (N.DoWhile, N.Switch)):
            kind = "do-while loop" if isinstance(s, N.DoWhile) else "switch statement"
            self.expr(s.cond, why or f"in the condition of a {kind}")
            self.stmt(s.body, why or f"inside a {kind}")
        elif isinstance(s, N.Return):
            self.expr(s.value, why)
            if why is not None and self.exit is None:
                self.exit = s
        elif isinstance(s, N.VarDecl) and self.depth:
            self.guarded.setdefault(s.name, []).append(s)
            self.expr(s, why)
        elif isinstance(s, N.Barrier) and why is not None and (self.depth or self.inside_exit):
            _refuse(s, f"__syncthreads() {why}, after a 'return' that only some threads take: the threads "
                       f"that returned must pass it without running anything, which is possible only in code "
                       f"that every thread runs alike; make the control flow around it the same for the whole "
                       f"block")
        else:
            self.expr(s, why)

    def predicate(self, s: N.If):
        """An 'if' whose condition may differ between threads, around warp operations or the barriers
        after an early return, and which no jump leaves: predicated (every thread runs the exchanges and
        barriers, only those for which it holds run the rest)."""
        self.predicated.add(id(s))
        self.depth += 1
        self.stmt(s.then, None)
        self.stmt(s.orelse, None)
        self.depth -= 1

    def loop(self, s, why):
        self.shared_by_all(s, [s.cond, getattr(s, "step", None), getattr(s, "init", None)])
        for part in (s.cond, getattr(s, "step", None)):
            self.expr(part, why or "in a loop's condition or step")
        init = getattr(s, "init", None)
        (self.expr if isinstance(init, N.VarDecl) else self.stmt)(init, why)    # every thread runs the header
        problem = self.uniformity.loop_problem(s)
        jump = _divergent_jump(s.body, self.uniformity, False, True)
        inner = why or ("inside a loop whose iterations may differ between threads" if problem else
                        f"inside a loop that some threads may leave early (line {jump.loc.line})" if jump else None)
        self.stmt(s.body, inner)

    def expr(self, e, why, partial: bool = False):
        """Check the warp operations of expression `e`; `partial`: only some threads evaluate it."""
        if e is None:
            return
        if isinstance(e, N.WarpOp):
            self.op(e, why or ("in an operand of '&&', '||' or '?:' that only some threads evaluate"
                               if partial else None))
        lazy = (isinstance(e, N.BinOp) and e.op in ("&&", "||")) or isinstance(e, N.Conditional)
        for i, child in enumerate(e):
            self.expr(child, why, partial or (lazy and i > 0))

    def op(self, e: N.WarpOp, why):
        name = _CUDA_NAMES[e.op]
        if why is None and self.exit is not None:
            why = f"after a 'return' (line {self.exit.loc.line}) that only some threads may take"
        if why is None and self.depth and e.op == "activemask":
            why = "inside an 'if' whose condition may differ between threads (it names the threads that arrive)"
        if why is not None:
            _refuse(e, f"'{name}' {why}: without sub-groups it is lowered through shared memory and block "
                       f"barriers, which every thread of the block must reach; make the control flow the same "
                       f"for the whole block")


def _escaping_jump(s, in_loop: bool, in_switch: bool):
    """A return, or a break/continue that leaves `s` or targets a loop with warp operations in it:
    the jumps that would make predicated threads skip exchanges the others run."""
    if s is None:
        return None
    if isinstance(s, N.Return) or (isinstance(s, N.Break) and not (in_loop or in_switch)) or (
            isinstance(s, N.Continue) and not in_loop):
        return s
    if isinstance(s, (N.For, N.While, N.DoWhile)):
        return _escaping_jump(s.body, not has_warp_op(s), False)
    if isinstance(s, N.Switch):
        return _escaping_jump(s.body, in_loop, True)
    if isinstance(s, N.If):
        return _escaping_jump(s.then, in_loop, in_switch) or _escaping_jump(s.orelse, in_loop, in_switch)
    if isinstance(s, N.Block):
        return next((j for j in (_escaping_jump(c, in_loop, in_switch) for c in s.stmts) if j), None)
    return None


def _divergent_jump(s, uniformity: Uniformity, branch: bool, loop_level: bool):
    """A break/continue (of this loop) or return under a condition that may differ between threads."""
    if isinstance(s, N.Return) or (loop_level and isinstance(s, (N.Break, N.Continue))):
        return s if branch else None
    if isinstance(s, N.If):
        inner = branch or not uniformity.is_uniform(s.cond)
        return _divergent_jump(s.then, uniformity, inner, loop_level) or (
            _divergent_jump(s.orelse, uniformity, inner, loop_level) if s.orelse is not None else None)
    if isinstance(s, N.Block):
        return next((j for j in (_divergent_jump(c, uniformity, branch, loop_level) for c in s.stmts) if j), None)
    if isinstance(s, (N.For, N.While, N.DoWhile, N.Switch)):   # their breaks are their own
        return _divergent_jump(s.body, uniformity, True, False)
    return None


# -- rewriting ----------------------------------------------------------------------------------------

class _Builder:
    """Small constructors for the IR the pass writes; every node gets the location `loc`."""

    def __init__(self, loc):
        self.loc = loc

    def ref(self, name, ty):
        return N.VarRef(name, ty, loc=self.loc)

    def u32(self, value):
        return N.IntLit(value, U32, loc=self.loc)

    def i32(self, value):
        return N.IntLit(value, I32, loc=self.loc)

    def bin(self, op, a, b, ty=None):
        boolean = op in ("<", ">", "<=", ">=", "==", "!=", "&&", "||")
        return N.BinOp(op, a, b, BOOL if boolean else (ty or a.type), loc=self.loc)

    def cast(self, e, ty):
        return N.Cast(e, False, ty, loc=self.loc)

    def var(self, name, ty, init):
        return N.VarDecl(name, ty, "private", init, loc=self.loc)

    def call(self, name, args, ty=U32):
        return N.Call(name, args, ty, loc=self.loc)

    def thread(self):
        return N.SpecialReg("thread_linear", "", U32, loc=self.loc)

    def threads(self):
        return N.SpecialReg("block_threads", "", U32, loc=self.loc)

    def param(self, name, ty):
        return N.Param(name, ty, loc=self.loc)


def _shuffle_helper(op: str, loc) -> N.Function:
    """`unsigned cutrans_warp_<op>(unsigned t, unsigned n, unsigned mask, int arg, int width)`: the slot
    thread t of a block of n threads reads: its source lane's, or its own when CUDA gives it its own
    value (outside the width segment, past the warp) or the source lane does not exist or is masked out."""
    b = _Builder(loc)
    t, n, mask, arg, width = (b.ref("t", U32), b.ref("n", U32), b.ref("mask", U32), b.ref("arg", I32),
                              b.ref("width", I32))
    lane, base, src = b.ref("lane", I32), b.ref("base", U32), b.ref("src", I32)
    in_segment = b.bin("&", lane, b.bin("-", width, b.i32(1)))
    formula = {
        "shfl_idx": (b.bin("+", b.bin("&", lane, N.UnOp("-", width, I32, loc=loc)),
                           b.bin("&", arg, b.bin("-", width, b.i32(1)))), None),
        "shfl_up": (b.bin("-", lane, arg), b.bin(">=", b.bin("-", in_segment, arg), b.i32(0))),
        "shfl_down": (b.bin("+", lane, arg), b.bin("<", b.bin("+", in_segment, arg), width)),
        "shfl_xor": (b.bin("^", lane, arg), b.bin("<=", src, b.bin("|", lane, b.bin("-", width, b.i32(1))))),
    }[op]
    checks = ([formula[1]] if formula[1] is not None else []) + [
        b.bin(">=", src, b.i32(0)), b.bin("<", src, b.i32(WARP_LANES)),
        b.bin("<", b.bin("+", base, b.cast(src, U32)), n),
        b.bin("!=", b.bin("&", b.bin(">>", mask, src), b.u32(1)), b.u32(0))]
    cond = checks[0]
    for c in checks[1:]:
        cond = b.bin("&&", cond, c)
    body = [b.var("lane", I32, b.cast(b.bin("&", t, b.u32(WARP_LANES - 1)), I32)),
            b.var("base", U32, b.bin("-", t, b.cast(lane, U32))),
            b.var("src", I32, formula[0]),
            N.If(cond, N.Return(b.bin("+", base, b.cast(src, U32)), loc=loc), None, loc=loc),
            N.Return(t, loc=loc)]
    params = [b.param("t", U32), b.param("n", U32), b.param("mask", U32), b.param("arg", I32),
              b.param("width", I32)]
    return N.Function(f"cutrans_warp_{op}", "device", U32, params, N.Block(body, loc=loc), loc=loc)


def _ballot_helper(loc) -> N.Function:
    """`unsigned cutrans_warp_ballot(shared unsigned *slots, unsigned t, unsigned n, unsigned mask)`: bit l
    set when lane l of t's warp exists, is in the mask and holds a non-zero slot."""
    b = _Builder(loc)
    slots, t, n, mask = (b.ref("slots", Pointer(U32, "shared")), b.ref("t", U32), b.ref("n", U32),
                         b.ref("mask", U32))
    base, bits, lane = b.ref("base", U32), b.ref("bits", U32), b.ref("l", U32)
    slot = b.bin("+", base, lane)
    cond = b.bin("&&", b.bin("&&", b.bin("<", slot, n),
                             b.bin("!=", b.bin("&", b.bin(">>", mask, lane), b.u32(1)), b.u32(0))),
                 b.bin("!=", N.Index(slots, slot, U32, loc=loc), b.u32(0)))
    set_bit = N.ExprStmt(N.Assign("|=", bits, b.bin("<<", b.u32(1), lane), U32, loc=loc), loc=loc)
    loop = N.For(b.var("l", U32, b.u32(0)), b.bin("<", lane, b.u32(WARP_LANES)), N.UnOp("++", lane, U32, loc=loc),
                 N.Block([N.If(cond, N.Block([set_bit], loc=loc), None, loc=loc)], loc=loc), loc=loc)
    body = [b.var("base", U32, b.bin("-", t, b.bin("&", t, b.u32(WARP_LANES - 1)))),
            b.var("bits", U32, b.u32(0)), loop, N.Return(bits, loc=loc)]
    params = [b.param("slots", Pointer(U32, "shared")), b.param("t", U32), b.param("n", U32), b.param("mask", U32)]
    return N.Function("cutrans_warp_ballot", "device", U32, params, N.Block(body, loc=loc), loc=loc)


def _live_helper(loc) -> N.Function:
    """`unsigned cutrans_warp_live(unsigned t, unsigned n)`: the lanes of t's warp that exist."""
    b = _Builder(loc)
    t, n, rest = b.ref("t", U32), b.ref("n", U32), b.ref("rest", U32)
    value = N.Conditional(b.bin(">=", rest, b.u32(WARP_LANES)), b.u32(0xFFFFFFFF),
                          b.bin("-", b.bin("<<", b.u32(1), rest), b.u32(1)), U32, loc=loc)
    body = [b.var("rest", U32, b.bin("-", n, b.bin("-", t, b.bin("&", t, b.u32(WARP_LANES - 1))))),
            N.Return(value, loc=loc)]
    params = [b.param("t", U32), b.param("n", U32)]
    return N.Function("cutrans_warp_live", "device", U32, params, N.Block(body, loc=loc), loc=loc)


def _block_count_helper(loc) -> N.Function:
    """`unsigned cutrans_warp_block_count(shared unsigned *slots, unsigned n)`: how many of the n slots
    of the block are non-zero (the slots hold 0 or 1): __syncthreads_count/_and/_or."""
    b = _Builder(loc)
    slots, n, count, i = b.ref("slots", Pointer(U32, "shared")), b.ref("n", U32), b.ref("count", U32), b.ref("i", U32)
    add = N.ExprStmt(N.Assign("+=", count, N.Index(slots, i, U32, loc=loc), U32, loc=loc), loc=loc)
    loop = N.For(b.var("i", U32, b.u32(0)), b.bin("<", i, n), N.UnOp("++", i, U32, loc=loc),
                 N.Block([add], loc=loc), loc=loc)
    body = [b.var("count", U32, b.u32(0)), loop, N.Return(count, loc=loc)]
    params = [b.param("slots", Pointer(U32, "shared")), b.param("n", U32)]
    return N.Function("cutrans_warp_block_count", "device", U32, params, N.Block(body, loc=loc), loc=loc)


def _reduce_helper(op: str, ty: Scalar, loc) -> N.Function:
    """`T cutrans_warp_<op>_<T>(shared T *slots, unsigned t, unsigned n, unsigned mask)`: the reduction
    `op` of the slots of the lanes of t's warp that exist and are in the mask. min, max, and, or start from
    the caller's own slot (CUDA requires the caller in the mask; they are idempotent), add and xor from 0;
    add adds in unsigned, so that a signed sum wraps modulo 2^32 as CUDA's does."""
    b = _Builder(loc)
    slots, t, n, mask = b.ref("slots", Pointer(ty, "shared")), b.ref("t", U32), b.ref("n", U32), b.ref("mask", U32)
    base, lane = b.ref("base", U32), b.ref("l", U32)
    acc_type = U32 if op == "reduce_add" else ty
    acc, slot = b.ref("acc", acc_type), b.bin("+", base, lane)
    value = N.Index(slots, slot, ty, loc=loc)
    if op in ("reduce_min", "reduce_max"):
        better = b.bin("<" if op == "reduce_min" else ">", value, acc)
        combine = N.Assign("=", acc, N.Conditional(better, value, acc, ty, loc=loc), ty, loc=loc)
    else:
        compound = {"reduce_add": "+=", "reduce_and": "&=", "reduce_or": "|=", "reduce_xor": "^="}[op]
        combine = N.Assign(compound, acc, value if acc_type == ty else b.cast(value, acc_type), acc_type, loc=loc)
    cond = b.bin("&&", b.bin("<", slot, n), b.bin("!=", b.bin("&", b.bin(">>", mask, lane), b.u32(1)), b.u32(0)))
    loop = N.For(b.var("l", U32, b.u32(0)), b.bin("<", lane, b.u32(WARP_LANES)), N.UnOp("++", lane, U32, loc=loc),
                 N.Block([N.If(cond, N.Block([N.ExprStmt(combine, loc=loc)], loc=loc), None, loc=loc)], loc=loc),
                 loc=loc)
    start = N.IntLit(0, acc_type, loc=loc) if op in ("reduce_add", "reduce_xor") else N.Index(slots, t, ty, loc=loc)
    body = [b.var("base", U32, b.bin("-", t, b.bin("&", t, b.u32(WARP_LANES - 1)))),
            b.var("acc", acc_type, start), loop, N.Return(acc if acc_type == ty else b.cast(acc, ty), loc=loc)]
    params = [b.param("slots", Pointer(ty, "shared")), b.param("t", U32), b.param("n", U32), b.param("mask", U32)]
    return N.Function(f"cutrans_warp_{op}_{ty.name}", "device", ty, params, N.Block(body, loc=loc), loc=loc)


def _helper(name: str, loc) -> N.Function:
    if name.startswith("reduce_"):
        op, ty = name.rsplit("_", 1)
        return _reduce_helper(op, Scalar(ty), loc)
    if name == "block_count":
        return _block_count_helper(loc)
    if name == "ballot":
        return _ballot_helper(loc)
    if name == "live":
        return _live_helper(loc)
    return _shuffle_helper(name, loc)


class _KernelRewriter:
    def __init__(self, kernel: N.Function, helpers: dict, checker: _Checker):
        self.kernel = kernel
        self.helpers = helpers              # helper name -> location of its first use
        self.size = kernel.max_threads or MAX_BLOCK_THREADS
        self.scratch: dict[str, N.VarDecl] = {}
        self.count = 0
        self.predicated = checker.predicated    # ids of the 'if's to predicate (the checker chose them)
        self.exits = checker.exits          # ids of the 'if's that stand for early returns
        self.uniform = checker.uniformity.uniform
        self.flag = None                    # the flag of the innermost predicated 'if' being rewritten
        self.unguarded: set = set()         # ids of statements every thread runs even under a flag
        self.guards: set = set()            # ids of the 'if's `guard` made

    def need(self, helper: str, loc) -> str:
        self.helpers.setdefault(helper, loc)
        return f"cutrans_warp_{helper}"

    def scratch_ref(self, ty, loc) -> N.VarRef:
        name = f"cutrans_warp_{ty.name}"
        if ty.name not in self.scratch:
            self.scratch[ty.name] = N.VarDecl(name, Array(ty, self.size), "shared", None, loc=self.kernel.loc)
        return N.VarRef(name, Array(ty, self.size), loc=loc)

    def run(self) -> None:
        body = self.kernel.body
        body.stmts = self.stmts(body.stmts)
        body.stmts[:0] = [self.scratch[k] for k in sorted(self.scratch)]

    # statements
    def stmts(self, stmts: list) -> list:
        return self.merge_guards(rewrite_all(stmts, self.stmt))

    def block(self, s):
        return rewrite_nested(s, self.stmt)

    def stmt(self, s) -> list:
        """`s` rewritten, preceded by the exchanges of its warp operations and followed by the barrier
        that frees the scratch again; inside a predicated 'if', all but the barriers guarded by its flag."""
        if not has_sync(s):
            return self.guard([s])
        if isinstance(s, N.ExprStmt) and isinstance(s.expr, N.WarpOp) and s.expr.op == "syncwarp":
            return [N.Barrier("block", loc=s.loc)]
        if isinstance(s, N.Block):
            s.stmts = self.stmts(s.stmts)
            return [s]
        if isinstance(s, (N.For, N.While, N.DoWhile, N.Switch)) and not has_warp_op(getattr(s, "init", None)):
            s.body = self.block(s.body)          # a uniform header: every thread runs it
            return [s]
        prelude: list = []
        if isinstance(s, N.If) and id(s) in self.predicated:
            return self.predicate(s)
        if isinstance(s, N.If):
            s.cond = self.expr(s.cond, prelude)
            s.then, s.orelse = self.block(s.then), self.block(s.orelse)
            return self.guard(prelude) + ([N.Barrier("block", loc=s.loc)] if prelude else []) + [s]
        if isinstance(s, N.For):                 # the exchanges of its init run before the loop
            s.init = self.expr(s.init, prelude)
            s.body = self.block(s.body)
            return self.guard(prelude) + [N.Barrier("block", loc=s.loc), s]
        s = self.expr(s, prelude)
        return self.guard(prelude + [s]) + ([N.Barrier("block", loc=s.loc)] if prelude else [])

    def predicate(self, s: N.If) -> list:
        """`if (c) A else B` -> `bool f = c; {A guarded by f}  bool g = !f; {B guarded by g}`, with the
        flags of enclosing predicated 'if's and-ed in; the barriers inside stay unguarded."""
        b, prelude = _Builder(s.loc), []
        cond = self.expr(s.cond, prelude)
        out = self.guard(prelude) + ([N.Barrier("block", loc=s.loc)] if prelude else [])
        outer, self.count = self.flag, self.count + 1
        role = "warp_if" if id(s) not in self.exits else "stays" if s.orelse is None else "returns"
        flag = b.ref(f"cutrans_{role}_{self.count - 1}", BOOL)
        out.append(b.var(flag.name, BOOL, cond if outer is None else b.bin("&&", outer, cond)))
        for branch, value in ((s.then, flag), (s.orelse, N.UnOp("!", flag, BOOL, loc=s.loc))):
            if branch is None:
                continue
            if branch is s.orelse:
                value = value if outer is None else b.bin("&&", outer, value)
                out.append(b.var(flag.name + "_else", BOOL, value))
                value = b.ref(flag.name + "_else", BOOL)
            self.flag = value
            inner = self.stmt(branch)
            out.append(inner[0] if len(inner) == 1 and isinstance(inner[0], N.Block) else N.Block(inner, loc=branch.loc))
        self.flag = outer
        return out

    def guard(self, stmts: list) -> list:
        """Inside a predicated 'if': each statement but a barrier runs only where its flag holds (a
        declaration stays in its scope, its initialization is guarded). A value the same in every thread
        whose computation cannot fault is computed by all, since conditions around the barriers that
        every thread runs may need it."""
        if self.flag is None:
            return stmts
        out = []
        for s in stmts:
            if isinstance(s, N.Barrier) or (isinstance(s, N.VarDecl) and s.init is None) or id(s) in self.unguarded:
                out.append(s)
            elif isinstance(s, N.VarDecl) and s.name in self.uniform and not _traps(s.init):
                out.append(s)
            elif isinstance(s, N.VarDecl):
                target = N.VarRef(s.name, s.type, loc=s.loc)
                stores = _element_stores(s, target, s.init, s.type)
                out += [N.VarDecl(s.name, s.type, s.space, None, loc=s.loc), self.guarded(stores, s.loc)]
            else:
                out.append(self.guarded([s], s.loc))
        return out

    def guarded(self, stmts: list, loc) -> N.If:
        if len(stmts) == 1 and isinstance(stmts[0], N.Block):
            stmts = stmts[0].stmts
        made = N.If(self.flag, N.Block(stmts, loc=loc), None, loc=loc)
        self.guards.add(id(made))
        return made

    def merge_guards(self, stmts: list) -> list:
        """Neighbouring statements guarded by the same flag share one 'if'. A declaration between them
        (whose initialization the next one guards) moves above that 'if' when nothing in it names it."""
        out: list = []
        run = None                          # the guarding 'if' the next guarded statement may join
        for s in stmts:
            if run is not None and id(s) in self.guards and s.cond is run.cond:
                run.then.stmts += s.then.stmts
            elif run is not None and isinstance(s, N.VarDecl) and s.init is None and not any(
                    isinstance(n, N.VarRef) and n.name == s.name for n in walk(run)):
                out.insert(len(out) - 1, s)
            else:
                out.append(s)
                run = s if id(s) in self.guards else None
        return out

    # expressions
    def expr(self, e, prelude: list):
        """`e` with each warp operation replaced by its result (post-order: operands first)."""
        map_children(e, lambda child: self.expr(child, prelude))
        if not isinstance(e, N.WarpOp):
            return e
        if e.op == "activemask":
            b = _Builder(e.loc)
            return b.call(self.need("live", e.loc), [b.thread(), b.threads()])
        if prelude:
            prelude.append(N.Barrier("block", loc=e.loc))
        return self.exchange(e, prelude)

    def exchange(self, e: N.WarpOp, prelude: list):
        b = _Builder(e.loc)
        self.count += 1
        result = f"cutrans_warp_{self.count - 1}"
        if e.op in WARP_SHUFFLES:
            mask, value, arg, width = e.args
            slots, source = self.scratch_ref(e.type, e.loc), value
            arg = arg if arg.type == I32 else b.cast(arg, I32)
            read = N.Index(slots, b.call(self.need(e.op, e.loc), [b.thread(), b.threads(), mask, arg, width]),
                           e.type, loc=e.loc)
        elif e.op == "block_shfl":           # any thread of the block; the caller's own value past the block
            value, thread = e.args
            prelude.append(b.var(result + "_src", U32, thread))
            thread = b.ref(result + "_src", U32)
            slots, source = self.scratch_ref(e.type, e.loc), value
            slot = N.Conditional(b.bin("<", thread, b.threads()), thread, b.thread(), U32, loc=e.loc)
            read = N.Index(slots, slot, e.type, loc=e.loc)
        elif e.op in WARP_REDUCTIONS:
            mask, value = e.args
            slots, source = self.scratch_ref(e.type, e.loc), value
            read = b.call(self.need(f"{e.op}_{e.type.name}", e.loc), [slots, b.thread(), b.threads(), mask], e.type)
        elif e.op in BLOCK_VOTES:
            slots, source = self.scratch_ref(U32, e.loc), b.cast(b.bin("!=", e.args[0], b.i32(0)), U32)
            count = b.call(self.need("block_count", e.loc), [slots, b.threads()])
            read = b.cast({"block_count": count, "block_and": b.bin("==", count, b.threads()),
                           "block_or": b.bin("!=", count, b.u32(0))}[e.op], e.type)
        else:
            mask, pred = e.args
            slots = self.scratch_ref(U32, e.loc)
            source = b.cast(b.bin("!=", pred, b.i32(0)), U32)
            if e.op == "all" and not isinstance(mask, (N.IntLit, N.VarRef)):
                prelude.append(b.var(result + "_mask", U32, mask))
                mask = b.ref(result + "_mask", U32)
            ballot = b.call(self.need("ballot", e.loc), [slots, b.thread(), b.threads(), mask])
            if e.op == "any":
                ballot = b.cast(b.bin("!=", ballot, b.u32(0)), I32)
            elif e.op == "all":
                live = b.call(self.need("live", e.loc), [b.thread(), b.threads()])
                ballot = b.cast(b.bin("==", ballot, b.bin("&", mask, live)), I32)
            read = ballot
        store = N.Index(slots, b.thread(), slots.type.elem, loc=e.loc)
        write = N.ExprStmt(N.Assign("=", store, source, store.type, loc=e.loc), loc=e.loc)
        if self.flag is not None and e.op in _VOTE_ABSENT:
            # a thread the flag leaves out votes as CUDA counts a thread that has exited (or not arrived)
            absent = b.u32(_VOTE_ABSENT[e.op])
            write.expr.value = N.Conditional(self.flag, source, absent, U32, loc=e.loc)
            self.unguarded.add(id(write))
        prelude += [write, N.Barrier("block", loc=e.loc), b.var(result, e.type, read)]
        return b.ref(result, e.type)


# What the slot of a thread outside a predicated 'if' holds in a vote: CUDA counts only the threads that
# arrive (__syncthreads_count/_or), and __ballot/__any/__all_sync look at the non-exited threads of the mask.
_VOTE_ABSENT = {"block_count": 0, "block_or": 0, "block_and": 1, "ballot": 0, "any": 0, "all": 1}


_HELPER_ORDER = ("shfl_idx", "shfl_up", "shfl_down", "shfl_xor", "ballot", "live", "block_count")


def lower_warp_ops(module: N.Module) -> N.Module:
    helpers: dict = {}
    module = inline_warp_functions(module)
    checkers = {}
    for f in module.functions:
        made: list = []
        if has_sync(f.body):
            f.body.stmts = early_exit_as_if(f.body.stmts, has_sync, made)
        if has_warp_op(f.body) or made:
            checker = _Checker(f, {id(m) for m in made})
            checker.stmt(f.body, None)
            checkers[f.name] = checker
    for f in module.functions:
        if f.name in checkers:
            _KernelRewriter(f, helpers, checkers[f.name]).run()
    order = [h for h in _HELPER_ORDER if h in helpers] + sorted(h for h in helpers if h not in _HELPER_ORDER)
    module.functions[:0] = [_helper(h, helpers[h]) for h in order]
    return module
