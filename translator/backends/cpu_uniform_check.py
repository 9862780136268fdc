"""Runtime-checked barriers for the CPU target: loops and `if`s around `__syncthreads()` whose
condition the static uniformity analysis (passes/uniformity.py) cannot prove uniform.

CUDA requires every thread of a block to reach each `__syncthreads()`; a block whose threads
disagree on a condition that guards a barrier has undefined behaviour. So a guard that is not
provably uniform is still uniform in every correct program, and the CPU target may use it once it
has checked that. The scheme, for a statement `s` that contains a barrier:

    for (init; cond; step) body        init                      (a parallel region)
                                       for (;;) {
                                           vote(cond)            (a region: each thread evaluates
                                           if (none) break;       cond once, the votes are counted)
                                           body                  (scheduled as usual)
                                           step                  (a region)
                                       }
    while (cond) body                  for (;;) { vote(cond); if (none) break; body }
    do body while (cond)               for (;;) { body; vote(cond); if (none) break; }
    if (cond) a else b                 vote(cond); if (all) a else b

A vote is a work-item loop (cpu_thread_loop.py, its `omp simd` with a `+` reduction) that counts the threads whose
condition holds. `cutrans_check_uniform` (runtime_shims/cpu/cpurt_device.h) stops the program
with a message naming the kernel and the source line when the count is neither 0 nor the block's
size; otherwise all threads agree and that one answer drives the block-level control flow.
Each thread evaluates the condition exactly once per iteration, as in CUDA, so side effects in a
condition keep their count. Values that live across the new region boundaries (the loop variable,
anything the condition reads) go to the per-thread context arrays like any other.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from translator.backends import cpu_thread_loop as thread_loop
from translator.ir import nodes as N


@dataclasses.dataclass
class Vote:
    """Count, over the block's threads, those for which `cond` holds, and check that all agree.
    `stmts` holds the condition so that region-based analyses (context variables, returns) see it."""
    cond: object
    name: str
    kind: str             # "loop": leave the enclosing block-level loop when no thread votes yes; "if"
    loc: object = None

    @property
    def stmts(self) -> list:
        return [N.ExprStmt(self.cond, loc=self.loc)]


def vote_text(emitter, vote: Vote, kernel: str, depth: int) -> str:
    """The C for one vote; `emitter.expr` renders the condition inside the thread loop."""
    pad, inner = emitter.pad(depth), emitter.pad(depth + 1)
    loc = vote.loc
    path = Path(loc.path).name.replace("\\", "\\\\").replace('"', '\\"') if loc and loc.path else "?"
    line = loc.line if loc else 0
    text = (f"{pad}unsigned int {vote.name} = 0;\n"
            + thread_loop.loop_head(pad, inner, f"#pragma omp simd reduction(+:{vote.name})")
            + f"{emitter.pad(depth + 2)}{vote.name} += ({emitter.expr(vote.cond)}) ? 1u : 0u;\n"
            + thread_loop.loop_tail(pad, inner) + "\n"
            + f'{pad}cutrans_check_uniform({vote.name}, cutrans_nthreads, "{kernel}", "{path}", {line});')
    if vote.kind == "loop":
        text += f"\n{pad}if ({vote.name} == 0) break;"
    return text

