"""Barrier regions for the CPU target (STYLE.md rule 6, the work-item-loop design).

A kernel body is split at its barriers into parallel regions. Each region becomes a loop over
the block's threads; statements that contain barriers stay at block level and must be uniform
(every thread of the block takes the same path), as CUDA requires for `__syncthreads`. Where the
static analysis shared with the warp-operation lowering (passes/uniformity.py) proves a condition
uniform, the statement is emitted as it is at block level; otherwise each thread evaluates the
condition in a vote region and a run-time check that all threads agree decides the control flow
(cpu_uniform_check.py describes that scheme).
"""

from __future__ import annotations

import dataclasses

from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.passes.statements import as_list, has_barrier, loop_escapes
from translator.passes.uniformity import Uniformity
from translator.backends.cpu_uniform_check import Vote


@dataclasses.dataclass
class Region:
    stmts: list


@dataclasses.dataclass
class BlockLevel:
    """A statement containing barriers; `parts` are the schedules of its bodies. When `checked`, its
    condition is not provably uniform and a Vote decides it at run time (cpu_uniform_check.py): a
    checked loop is emitted as `for (;;)` with its votes inside `parts[0]`, a checked `if` follows
    the Vote that decides it."""
    stmt: N.Stmt
    parts: list
    checked: Vote | None = None


def _refuse(node, message: str):
    loc = node.loc
    raise CutransError(error("L005", message, loc.path, loc.line, loc.col))


class Scheduler:
    def __init__(self, kernel: N.Function):
        self.uniformity = Uniformity(kernel)
        self.votes = 0
        self.escapes: set[int] = set()      # ids of the break/continue statements of uniform barrier loops

    def is_uniform(self, e) -> bool:
        return self.uniformity.is_uniform(e)

    def schedule(self, stmts: list) -> list:
        out: list = []
        for s in stmts:
            if self.is_uniform_decl(s):
                out.insert(len(out) - 1 if out and isinstance(out[-1], Region) else len(out), s)
            elif any(id(n) in self.escapes for n in walk(s)):
                out.extend(self.escape(s))
            elif not has_barrier(s):
                if out and isinstance(out[-1], Region):
                    out[-1].stmts.append(s)
                else:
                    out.append(Region([s]))
            elif isinstance(s, N.Barrier):
                out.append(s)
            else:
                out.extend(self.block_level(s))
        return out

    def is_uniform_decl(self, s) -> bool:
        """A private variable with the same value in every thread (passes/uniformity.py) is declared
        once at block level, ahead of the region it appears in: block-level conditions may use it,
        and it needs no per-thread storage. Its initializer reads only uniform values, which are
        all defined before that region starts, so moving it up changes nothing."""
        return (isinstance(s, N.VarDecl) and s.space == "private" and s.init is not None
                and s.name in self.uniformity.uniform and not has_barrier(s))

    def block_level(self, s) -> list:
        handler = {N.Block: self.block, N.For: self.loop, N.While: self.loop, N.DoWhile: self.loop,
                   N.If: self.branch}.get(type(s))
        if handler is None:
            _refuse(s, "__syncthreads() inside this statement cannot be placed on the CPU target yet")
        return handler(s)

    def block(self, s: N.Block) -> list:
        return [BlockLevel(s, [self.schedule(s.stmts)])]

    def vote(self, cond, kind: str, node) -> Vote:
        self.votes += 1
        return Vote(cond, f"cutrans_vote{self.votes}", kind, cond.loc or node.loc)

    def escape(self, s) -> list:
        """A statement holding a `break`/`continue` of a uniform loop with barriers: it leaves the loop for the
        whole block, so it runs at block level, under conditions every thread takes alike."""
        if isinstance(s, (N.Break, N.Continue)):
            return [s]
        if isinstance(s, N.Block):
            return self.block(s)
        if isinstance(s, N.If) and self.is_uniform(s.cond):
            return [BlockLevel(s, [self.schedule(as_list(s.then)),
                                   self.schedule(as_list(s.orelse)) if s.orelse is not None else []])]
        _refuse(s, "a 'break' or 'continue' out of a loop containing __syncthreads() must be taken by every "
                   "thread of the block alike (under conditions the same for all of them) on the CPU target")

    def loop(self, s) -> list:
        escapes = list(loop_escapes(s.body))
        if not isinstance(s, N.DoWhile) and self.uniformity.loop_problem(s) is None:
            self.escapes |= {id(e) for e in escapes}
            return [BlockLevel(s, [self.schedule(as_list(s.body))])]
        for escape in escapes:
            _refuse(escape, "'break' or 'continue' in a loop containing __syncthreads() whose condition may differ "
                            "between threads is not supported on the CPU target yet")
        if isinstance(getattr(s, "init", None), N.VarDecl):
            self.uniformity.uniform.discard(s.init.name)     # a per-thread variable in a checked loop
        if s.cond is None:
            _refuse(s, "a loop containing __syncthreads() must start from a value and have a step that are the "
                       "same for every thread of the block (CPU target)")
        vote = self.vote(s.cond, "loop", s)
        body = self.schedule(as_list(s.body))
        if isinstance(s, N.DoWhile):
            return [BlockLevel(s, [body + [vote]], vote)]
        init = [Region([s.init])] if isinstance(s, N.For) and s.init is not None else []
        step = [Region([N.ExprStmt(s.step, loc=s.loc)])] if isinstance(s, N.For) and s.step is not None else []
        return init + [BlockLevel(s, [[vote] + body + step], vote)]

    def branch(self, s: N.If) -> list:
        parts = [self.schedule(as_list(s.then))]
        parts.append(self.schedule(as_list(s.orelse)) if s.orelse is not None else [])
        if self.is_uniform(s.cond):
            return [BlockLevel(s, parts)]
        vote = self.vote(s.cond, "if", s)
        return [vote, BlockLevel(s, parts, vote)]



def regions(schedule: list):
    """Every Region in a schedule, in order, nested ones included."""
    for item in schedule:
        if isinstance(item, (Region, Vote)):
            yield item
        elif isinstance(item, BlockLevel):
            for part in item.parts:
                yield from regions(part)


def context_variables(schedule: list) -> dict[str, N.VarDecl]:
    """Per-thread variables declared in one region and used in another: they need per-thread storage."""
    declared: dict[str, tuple[int, N.VarDecl]] = {}
    used: dict[str, set[int]] = {}
    for i, region in enumerate(regions(schedule)):
        for s in region.stmts:
            if isinstance(s, N.VarDecl) and s.space == "private":
                declared[s.name] = (i, s)
            for n in walk(s):
                if isinstance(n, N.VarRef):
                    used.setdefault(n.name, set()).add(i)
    return {name: decl for name, (i, decl) in declared.items() if used.get(name, set()) - {i}}


def check_returns(schedule: list) -> None:
    """A thread that returns before a barrier would have to skip later regions. lower_warp_ops predicates
    the early returns of a kernel's outermost level (`if (c) return;`); refuse any other."""
    last = schedule[-1] if schedule and isinstance(schedule[-1], Region) else None
    for region in regions(schedule):
        if region is last:
            continue
        for s in region.stmts:
            for n in walk(s):
                if isinstance(n, N.Return):
                    _refuse(n, "'return' before a later __syncthreads() is supported on the CPU target only at the "
                               "kernel's outermost level (`if (c) return;` or `if (c) { ...; return; }`), not inside a "
                               "loop or a nested 'if'; keep a flag instead")
