"""Block uniformity: which values are the same for every thread of a block.

Both the CPU target's barrier regions (translator/backends/cpu_schedule.py) and the lowering of
warp operations onto block barriers (lower_warp_ops.py) may place a barrier only where every thread
of the block arrives. They decide it with this one analysis, which is deliberately simple and
conservative: a value is uniform when it is built from literals, built-in sizes and indices other
than threadIdx, kernel parameters the kernel never writes, and the variables of loops already found
uniform. Anything read through memory, any call and any other local variable counts as varying.
"""

from __future__ import annotations

from translator.ir import nodes as N
from translator.ir.base import walk

_MUTATING = ("++", "--", "post++", "post--")
VARYING_REGS = ("thread_idx", "thread_linear")     # special registers that differ between a block's threads


class Uniformity:
    def __init__(self, kernel: N.Function):
        written = {n.target.name for n in walk(kernel.body)
                   if isinstance(n, N.Assign) and isinstance(n.target, N.VarRef)}
        written |= {n.operand.name for n in walk(kernel.body)
                    if isinstance(n, N.UnOp) and n.op in _MUTATING and isinstance(n.operand, N.VarRef)}
        self.uniform = {p.name for p in kernel.params if p.name not in written}

    def is_uniform(self, e) -> bool:
        for n in walk(e):
            if isinstance(n, N.VarRef) and n.name not in self.uniform:
                return False
            if isinstance(n, N.SpecialReg) and n.reg in VARYING_REGS:
                return False
            if isinstance(n, (N.Index, N.Call, N.Atomic, N.MathCall, N.WarpOp)) or (
                    isinstance(n, N.UnOp) and n.op == "*"):
                return False
        return True

    def loop_problem(self, s):
        """None when loop `s` (For/While) runs the same iterations in every thread, else (node, reason).
        A uniform loop's own variable becomes uniform (the loop must then be visited in order)."""
        init = getattr(s, "init", None)
        if init is not None:
            if not (isinstance(init, N.VarDecl) and init.init is not None and self.is_uniform(init.init)):
                return s, "start"
            self.uniform.add(init.name)
        for part in (s.cond, getattr(s, "step", None)):
            if part is not None and not self.is_uniform(part):
                return part, "condition"
        return None
