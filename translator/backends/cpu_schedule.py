"""Barrier regions for the CPU target (STYLE.md rule 6, the work-item-loop design).

A kernel body is split at its barriers into parallel regions. Each region becomes a loop over
the block's threads; statements that contain barriers stay at block level and must be uniform
(every thread of the block takes the same path), as CUDA requires for `__syncthreads`; the
analysis that decides it is shared with the warp-operation lowering (passes/uniformity.py).
"""

from __future__ import annotations

import dataclasses

from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.passes.uniformity import Uniformity


@dataclasses.dataclass
class Region:
    stmts: list


@dataclasses.dataclass
class BlockLevel:
    """A uniform statement containing barriers; `parts` are the schedules of its bodies."""
    stmt: N.Stmt
    parts: list


def has_barrier(node) -> bool:
    return any(isinstance(n, N.Barrier) for n in walk(node))


def _refuse(node, message: str):
    loc = node.loc
    raise CutransError(error("L005", message, loc.path, loc.line, loc.col))


class Scheduler:
    def __init__(self, kernel: N.Function):
        self.uniformity = Uniformity(kernel)

    def is_uniform(self, e) -> bool:
        return self.uniformity.is_uniform(e)

    def schedule(self, stmts: list) -> list:
        out: list = []
        for s in stmts:
            if not has_barrier(s):
                if out and isinstance(out[-1], Region):
                    out[-1].stmts.append(s)
                else:
                    out.append(Region([s]))
            elif isinstance(s, N.Barrier):
                out.append(s)
            else:
                out.append(self.block_level(s))
        return out

    def block_level(self, s) -> BlockLevel:
        handler = {N.Block: self.block, N.For: self.loop, N.While: self.loop, N.If: self.branch}.get(type(s))
        if handler is None:
            _refuse(s, "__syncthreads() inside this statement cannot be placed on the CPU target yet")
        return handler(s)

    def block(self, s: N.Block) -> BlockLevel:
        return BlockLevel(s, [self.schedule(s.stmts)])

    def loop(self, s) -> BlockLevel:
        problem = self.uniformity.loop_problem(s)
        if problem is not None and problem[1] == "start":
            _refuse(s, "a loop containing __syncthreads() must start from a value that is the same "
                       "for every thread of the block (CPU target)")
        if problem is not None:
            _refuse(problem[0], "a loop containing __syncthreads() must have a condition and step that are the "
                                "same for every thread of the block (CPU target)")
        return BlockLevel(s, [self.schedule(_stmts(s.body))])

    def branch(self, s: N.If) -> BlockLevel:
        if not self.is_uniform(s.cond):
            _refuse(s, "__syncthreads() under a condition that may differ between threads is undefined "
                       "behaviour in CUDA; the CPU target cannot place it")
        parts = [self.schedule(_stmts(s.then))]
        parts.append(self.schedule(_stmts(s.orelse)) if s.orelse is not None else [])
        return BlockLevel(s, parts)


def _stmts(s) -> list:
    return s.stmts if isinstance(s, N.Block) else [s]


def regions(schedule: list):
    """Every Region in a schedule, in order, nested ones included."""
    for item in schedule:
        if isinstance(item, Region):
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
    """A thread that returns before a barrier would have to skip later regions: refuse that for now."""
    last = schedule[-1] if schedule and isinstance(schedule[-1], Region) else None
    for region in regions(schedule):
        if region is last:
            continue
        for s in region.stmts:
            for n in walk(s):
                if isinstance(n, N.Return):
                    _refuse(n, "'return' before a later __syncthreads() is not supported on the CPU target yet")
