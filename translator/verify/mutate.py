"""Mutation testing of `cutrans verify`: put a known bug into the lowered IR and check that verify sees it.

Each operator in OPERATORS finds the places in a unit's device IR where its bug can go (sites, in
pre-order over the module, so the order is fixed) and applies the bug to a deep copy of the unit's IR.
The OpenCL and CPU backends emit device code from that IR, so one mutant reaches every such target's
output. The HIP backend edits the original source text instead of emitting IR, so no IR mutant can
reach it: for HIP the same mutant is replayed as a text edit of the HIP output at the construct's
source location (translator/verify/mutate_source.py). A mutant whose edit has no unambiguous place
in the HIP text is "not applicable" there, with the reason.

A mutant is *killed* when verify reports `fail` (the numbers or the exit status differ: "killed by
numbers") or `error` (the mutated translation no longer builds or runs: "killed by build"), and
*survives* when verify says `pass`. A sample without a site for an operator has no mutant for it:
that is "not applicable", never a detection.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import re
import time
import types
from pathlib import Path
from typing import Callable, Iterator

from translator.ir import nodes as N
from translator.ir.builtins import WARP, WARP_SHUFFLES
from translator.ir.base import SourceLoc, Stmt
from translator.ir.printer import IRPrinter
from translator.ir.types import F32, F64, Pointer, is_integer
from translator.verify.mutate_source import NotApplicable, SourceMutatedHip
from translator.verify.program import ProgramVerifier

# Targets whose device code comes from the IR, so that an IR mutant reaches their output.
IR_TARGETS = ("opencl", "cpu")
# Targets that get the mutant as a source edit of their output (translator/verify/mutate_source.py).
SOURCE_TARGETS = ("hip",)
TARGETS = IR_TARGETS + SOURCE_TARGETS
# Samples written for 32-lane warps: on HIP they are verified at a wave-32 arch. At the default (gfx90a,
# wave 64) their unmutated HIP output already fails, a known issue of its own, so no mutant could be judged.

_PRINT = IRPrinter()
_INDEXED = re.compile(r"^(\w+)\[(\d+)\]$")


# -- paths: where a node sits, so that the same node can be found again in a deep copy

def _child(node, step: str):
    m = _INDEXED.match(step)
    return getattr(node, m[1])[int(m[2])] if m else getattr(node, step)


def _set_child(node, step: str, value) -> None:
    m = _INDEXED.match(step)
    if m:
        getattr(node, m[1])[int(m[2])] = value
    else:
        setattr(node, step, value)


def resolve(root, path: tuple) -> list:
    """The chain of nodes from `root` along `path`: [root, child, grandchild, ...]."""
    chain = [root]
    for step in path:
        chain.append(_child(chain[-1], step))
    return chain


def _walk(node, path=(), parents=()) -> Iterator[tuple[tuple, object, tuple]]:
    """Pre-order (path, node, ancestors) for `node` and everything below it."""
    yield path, node, parents
    for step, child in node.children():
        yield from _walk(child, path + (step,), parents + (node,))


# -- the sites of each operator. A finder yields (path within the function, node, preferred);
#    the deterministic site is the first preferred one, else the first.

def _loaded(node, parent, step: str) -> bool:
    """Whether subscript `node` is read: not the target of `=` and not under `&`."""
    if isinstance(parent, N.Assign) and step == "target" and parent.op == "=":
        return False
    return not (isinstance(parent, N.UnOp) and parent.op == "&")


def find_subscripts(fn: N.Function):
    """Every integer subscript; preferred: loads from a global buffer (before the address-space pass,
    a pointer's uses are still generic: a kernel's pointer parameters are what is known to be global)."""
    buffers = {p.name for p in fn.params if isinstance(p.type, Pointer) and p.type.space == "global"}
    for path, node, parents in _walk(fn):
        if isinstance(node, N.Index) and is_integer(node.index.type):
            base = node.base
            in_global = (isinstance(base, N.VarRef) and base.name in buffers) or (
                isinstance(base.type, Pointer) and base.type.space == "global")
            global_load = in_global and _loaded(node, parents[-1], path[-1])
            yield path, node, global_load


def _has_barrier(node) -> bool:
    return any(isinstance(n, N.Barrier) for _, n, _ in _walk(node))


def _restored_barrier(fn: N.Function, path: tuple, parent) -> bool:
    """Whether the OpenCL/CPU work-item-loop executors put this barrier back anyway: one that opens or
    closes the kernel (implicit entry/exit barriers), or stands right before a loop that holds a
    barrier (the normalisation of STYLE rule 6 adds a barrier there)."""
    if not isinstance(parent, N.Block) or not _INDEXED.match(path[-1]):
        return False
    i = int(_INDEXED.match(path[-1])[2])
    if parent is fn.body and fn.kind == "kernel" and i in (0, len(parent.stmts) - 1):
        return True
    after = parent.stmts[i + 1] if i + 1 < len(parent.stmts) else None
    while isinstance(after, N.Block) and after.stmts:    # `for (int a = 0, b = 1; ...)` sits in a block
        after = after.stmts[-1]
    return isinstance(after, _LOOPS) and _has_barrier(after)


def find_barriers(fn: N.Function):
    """Every barrier; preferred: one that the work-item-loop executors do not restore by themselves."""
    for path, node, parents in _walk(fn):
        if isinstance(node, N.Barrier):
            yield path, node, not _restored_barrier(fn, path, parents[-1])


# Warp shuffles are WarpOp nodes whose operands follow the roles of builtins.WARP; the lane operand
# is the role "lane" (shfl_idx), "delta" (shfl_up/down) or "lane_mask" (shfl_xor).
_SHUFFLE_ROLES = {op: roles for op, roles in WARP.values() if op in WARP_SHUFFLES}
_LANE_ROLES = ("lane", "delta", "lane_mask")


def _shuffle_lane(node) -> str | None:
    """The child step of a shuffle's lane/delta operand (`args[2]`), or None for anything else."""
    if type(node).__name__ != "WarpOp" or node.op not in _SHUFFLE_ROLES:
        return None
    roles = _SHUFFLE_ROLES[node.op]
    return next(f"args[{i}]" for i, role in enumerate(roles) if role in _LANE_ROLES)


def find_shuffles(fn: N.Function):
    for path, node, _ in _walk(fn):
        if _shuffle_lane(node):
            yield path, node, True


_ARITHMETIC = ("+", "-", "*", "/")
_LOOPS = (N.For, N.While, N.DoWhile)


def find_doubles(fn: N.Function):
    """Local double variables (preferred), then double arithmetic."""
    for path, node, _ in _walk(fn):
        if isinstance(node, N.VarDecl) and node.type == F64 and node.space == "private":
            yield path, node, True
    for path, node, _ in _walk(fn):
        if isinstance(node, N.BinOp) and node.type == F64 and node.op in _ARITHMETIC:
            yield path, node, False


def _statement_of(path: tuple, chain: list) -> int | None:
    """Index in `chain` of the statement that evaluates the expression at the end of `chain`
    unconditionally and sits in a Block's list (so a statement can go before it); else None."""
    for i in range(len(chain) - 2, 0, -1):
        node = chain[i]
        if isinstance(node, N.Conditional) or (isinstance(node, N.BinOp) and node.op in ("&&", "||")):
            return None
        if isinstance(node, Stmt):
            ok = isinstance(node, (N.ExprStmt, N.VarDecl, N.Return)) or (
                isinstance(node, N.If) and path[i] == "cond")
            return i if ok and isinstance(chain[i - 1], N.Block) else None
    return None


def _buffer_of(e):
    """The variable a pointer expression is based on (`&a[i]`, `(T*)p`, `p + 1` -> a, p, p)."""
    while not isinstance(e, N.VarRef):
        if isinstance(e, (N.Cast, N.UnOp)):
            e = e.value if isinstance(e, N.Cast) else e.operand
        elif isinstance(e, (N.Index, N.Member)):
            e = e.base
        elif isinstance(e, N.BinOp):
            e = e.lhs if isinstance(e.lhs.type, Pointer) else e.rhs
        else:
            return None
    return e.name


def find_atomic_adds(fn: N.Function):
    """Every atomicAdd (that a statement can go before); preferred: one on global memory, which
    threads of different blocks update, and blocks do run on different OS threads on OpenCL and CPU."""
    buffers = {p.name for p in fn.params if isinstance(p.type, Pointer) and p.type.space == "global"}
    for path, node, _ in _walk(fn):
        if isinstance(node, N.Atomic) and node.op == "add" and (
                path[-1] == "expr" or _statement_of(path, resolve(fn, path))):   # a statement of its own, or hoistable
            yield path, node, _buffer_of(node.args[0]) in buffers


# -- the appliers: change the node at `path` of function `fn` (a copy) and describe the change

def _where(chain: list) -> SourceLoc | None:
    return next((n.loc for n in reversed(chain) if getattr(n, "loc", None)), None)


def add_one_to_index(fn: N.Function, path: tuple) -> str:
    node = resolve(fn, path)[-1]
    before = _PRINT(node)
    one = N.IntLit(1, node.index.type, loc=node.index.loc)
    node.index = N.BinOp("+", node.index, one, node.index.type, loc=node.index.loc)
    return f"{before} -> {_PRINT(node)}"


def drop_barrier(fn: N.Function, path: tuple) -> str:
    parent = resolve(fn, path[:-1])[-1]
    m = _INDEXED.match(path[-1])
    if m:
        del getattr(parent, m[1])[int(m[2])]
    else:
        _set_child(parent, path[-1], N.Block([]))
    return "__syncthreads() removed"


def bump_shuffle_lane(fn: N.Function, path: tuple) -> str:
    node = resolve(fn, path)[-1]
    step = _shuffle_lane(node)
    lane = _child(node, step)
    _set_child(node, step, N.BinOp("+", lane, N.IntLit(1, lane.type), lane.type, loc=lane.loc))
    return f"{node.op} lane operand {_PRINT(lane)} -> ({_PRINT(lane)} + 1)"


def _retype_uses(fn: N.Function, name: str) -> None:
    for _, node, _ in _walk(fn):
        if isinstance(node, N.VarRef) and node.name == name and node.type == F64:
            node.type = F32


def double_to_float(fn: N.Function, path: tuple) -> str:
    chain = resolve(fn, path)
    node = chain[-1]
    if isinstance(node, N.VarDecl):
        node.type = F32
        _retype_uses(fn, node.name)
        return f"double {node.name} declared float"
    narrow = [N.Cast(x, False, F32, loc=x.loc) for x in (node.lhs, node.rhs)]
    wide = N.Cast(N.BinOp(node.op, *narrow, F32, loc=node.loc), False, F64, loc=node.loc)
    _set_child(chain[-2], path[-1], wide)
    return f"{_PRINT(node)} computed in float"


def atomic_to_plain(fn: N.Function, path: tuple) -> str:
    """`atomicAdd(p, v)` -> `*p += v`; where its old value is used, `old = *p; *p += v;` goes before
    the statement and the expression reads `old`."""
    chain = resolve(fn, path)
    node, parent = chain[-1], chain[-2]
    ptr, value = node.args[0], node.args[1]
    pointee = ptr.type.pointee if isinstance(ptr.type, Pointer) else node.type
    deref = lambda: N.UnOp("*", copy.deepcopy(ptr), pointee, loc=node.loc)  # noqa: E731
    update = N.Assign("+=", deref(), value, pointee, loc=node.loc)
    if isinstance(parent, N.ExprStmt):
        parent.expr = update
        return f"{_PRINT(node)} -> plain {_PRINT(update)}"
    at = _statement_of(path, chain)
    block, stmt = chain[at - 1], chain[at]
    old = f"mutant_old_{len(path)}_{stmt.loc.line if stmt.loc else 0}"
    i = next(k for k, s in enumerate(block.stmts) if s is stmt)
    block.stmts[i:i] = [N.VarDecl(old, node.type, "private", deref(), loc=node.loc),
                        N.ExprStmt(update, loc=node.loc)]
    _set_child(parent, path[-1], N.VarRef(old, node.type, loc=node.loc))
    return f"{_PRINT(node)} -> plain read {old} = *p, then {_PRINT(update)}"


@dataclasses.dataclass(frozen=True)
class Operator:
    name: str
    description: str
    find: Callable            # (function) -> iterable of (path, node, preferred)
    apply: Callable           # (function copy, path) -> one-line description


OPERATORS = {op.name: op for op in (
    Operator("off-by-one-index", "an array/pointer subscript reads one element further (index + 1)",
             find_subscripts, add_one_to_index),
    Operator("drop-barrier", "one __syncthreads() is removed", find_barriers, drop_barrier),
    Operator("shuffle-offset", "a warp shuffle's lane/delta operand + 1", find_shuffles, bump_shuffle_lane),
    Operator("double-to-float", "a double local variable (else a double operation) computed in float",
             find_doubles, double_to_float),
    Operator("atomic-to-plain", "an atomicAdd becomes a plain read-modify-write returning the old value",
             find_atomic_adds, atomic_to_plain),
)}


@dataclasses.dataclass
class Mutant:
    operator: str
    kernel: str               # the function holding the site (a kernel or a __device__ function)
    location: str             # file:line:col of the mutated construct
    description: str
    site: int                 # index among the operator's sites in this unit
    unit: object = dataclasses.field(repr=False, default=None)
    subscript: int = 0        # off-by-one-index: subscripts before the mutated one in its chain (a[i][j] at j: 1)
    declared: str = ""        # double-to-float: the variable whose declaration changes ("" for an operation)

    @property
    def key(self) -> str:
        return f"{self.operator}@{self.location}"


def sites(unit, operator: str) -> list[tuple[int, tuple, bool]]:
    """(function index, path within it, preferred) for each site of `operator`, in order."""
    found = []
    for i, fn in enumerate(unit.module.functions):
        found += [(i, path, preferred) for path, _, preferred in OPERATORS[operator].find(fn)]
    return found


def _location(unit, fn_index: int, path: tuple) -> str:
    loc = _where(resolve(unit.module.functions[fn_index], path))
    return f"{Path(loc.path).name}:{loc.line}:{loc.col}" if loc else "<ir>"


def _subscripts_before(node) -> int:
    """Subscripts that come before `node`'s own in its postfix chain (`a[i].x[j]` at j: 1)."""
    count, base = 0, node.base
    while isinstance(base, (N.Index, N.Member)):
        count += isinstance(base, N.Index)
        base = base.base
    return count


def _source_hints(node) -> dict:
    """What the source edit of mutate_source needs besides the location."""
    if isinstance(node, N.Index):
        return {"subscript": _subscripts_before(node)}
    if isinstance(node, N.VarDecl):
        return {"declared": node.name}
    return {}


def make_mutant(unit, operator: str, site: int) -> Mutant:
    """The unit with site number `site` of `operator` mutated (the original unit is not changed)."""
    fn_index, path, _ = sites(unit, operator)[site]
    hints = _source_hints(resolve(unit.module.functions[fn_index], path)[-1])
    mutated = dataclasses.replace(unit, module=copy.deepcopy(unit.module))
    fn = mutated.module.functions[fn_index]
    location = _location(unit, fn_index, path)
    text = OPERATORS[operator].apply(fn, path)
    return Mutant(operator, fn.name, location, text, site, mutated, **hints)


def chosen_site(unit, operator: str) -> int | None:
    """The deterministic site: the first preferred one, else the first; None when there is none."""
    found = sites(unit, operator)
    return next((k for k, s in enumerate(found) if s[2]), 0 if found else None)


def mutants(unit, operators=None, every_site: bool = False) -> list[Mutant]:
    """The mutants of `unit`, operator by operator in OPERATORS order, sites in pre-order."""
    out = []
    for name in operators or OPERATORS:
        if every_site:
            out += [make_mutant(unit, name, k) for k in range(len(sites(unit, name)))]
        elif (k := chosen_site(unit, name)) is not None:
            out.append(make_mutant(unit, name, k))
    return out


# -- running a mutant through verify

OUTCOMES = ("killed-numbers", "killed-build", "survived", "refused", "crashed", "baseline-broken",
            "not-applicable")


def outcome_of(status: str) -> str:
    """Verify's status for a mutant -> its outcome."""
    known = {"fail": "killed-numbers", "error": "killed-build", "pass": "survived", "crash": "crashed",
             "not-applicable": "not-applicable"}
    return known.get(status, "refused")


@dataclasses.dataclass
class MutantResult:
    sample: str
    target: str
    operator: str
    kernel: str
    location: str
    description: str
    outcome: str
    detail: str
    seconds: float


class MutationSession:
    """One sample: its reference is built and run once; each mutant is then verified per target
    with translator.verify.program.ProgramVerifier, each build in its own folder under `workdir`.
    On HIP the unmutated unit is translated and the mutant applied to the output text
    (mutate_source.SourceMutatedHip)."""

    def __init__(self, path: str, workdir: Path, options=None, timeout: float = 60.0, cwd: str | None = None,
                 program_args=()):
        from translator.driver import load_unit
        from translator.frontend.clang_setup import CompileOptions
        from translator.verify.compare import DEFAULT_POLICY
        self.path = path
        self.options = options or CompileOptions()
        self.work = Path(workdir)
        self.cwd = Path(cwd) if cwd else Path(path).resolve().parents[1]
        self.settings = (program_args, timeout, DEFAULT_POLICY)
        self.unit = load_unit(path, self.options)
        self._count = itertools.count(1)     # next() is atomic: safe from several threads
        self.reference_run = self._verifier("reference", "auto").reference()

    def _verifier(self, name: str, reference: str = "emulate", backend=None):
        """A verifier in a folder of its own (the reference choice matters only for the reference)."""
        folder = self.work / f"{next(self._count):04d}-{name}"
        folder.mkdir(parents=True)
        args, timeout, policy = self.settings
        return ProgramVerifier(self.path, self.options, args, timeout, policy, folder, self.cwd, reference,
                               backends={backend.name: backend} if backend else None)

    def verify(self, unit, target: str, backend=None):
        """verify's TargetResult for `unit` (the original or a mutant) on `target`, with `backend` standing
        in for the target's backend when given; a crash of the translator itself comes back as status
        "crash" (not as a detection)."""
        try:
            return self._verifier(target, backend=backend).target(target, [unit], self.reference_run)
        except Exception as exc:      # noqa: BLE001 - an internal error is reported, not raised
            return types.SimpleNamespace(path=self.path, target=target, status="crash",
                                         detail=f"{type(exc).__name__}: {exc}")

    def hip_backend(self, mutant: Mutant):
        """The HIP stand-in that applies `mutant` as a source edit; raises mutate_source.NotApplicable."""
        backend = SourceMutatedHip(mutant)
        backend.translate(self.unit)       # fails here, before any build, when the edit has no place
        return backend

    def run(self, mutant: Mutant, target: str) -> MutantResult:
        start = time.monotonic()
        if target in SOURCE_TARGETS:
            try:
                result = self.verify(self.unit, target, self.hip_backend(mutant))
            except NotApplicable as exc:
                result = types.SimpleNamespace(status="not-applicable", detail=f"not applicable on {target}: {exc}")
        else:
            result = self.verify(mutant.unit, target)
        return MutantResult(Path(self.path).name, target, mutant.operator, mutant.kernel, mutant.location,
                            mutant.description, outcome_of(result.status), result.detail or "",
                            time.monotonic() - start)
