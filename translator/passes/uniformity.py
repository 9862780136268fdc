"""Block uniformity: which values are the same for every thread of a block.

Both the CPU target's barrier regions (translator/backends/cpu_schedule.py) and the lowering of
warp operations onto block barriers (lower_warp_ops.py) may place a barrier only where every thread
of the block arrives. They decide it with this one analysis, which is deliberately simple and
conservative: a value is uniform when it is built from literals, built-in sizes and indices other
than threadIdx, kernel parameters the kernel never writes, private variables never written after a
uniform initialization (a write to a member or an element, `f.x += v`, writes the variable), and the
variables of loops already found uniform (a loop whose body writes a variable of its condition is
not). Anything read through memory and any call counts as varying.
"""

from __future__ import annotations

from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.effects import STEPS
from translator.ir.types import Array, Pointer

VARYING_REGS = ("thread_idx", "thread_linear")     # special registers that differ between a block's threads


class Uniformity:
    def __init__(self, kernel: N.Function):
        nodes = list(walk(kernel.body))
        written = {name for n in nodes if (name := assigned_name(n)) is not None}
        params = {p.name for p in kernel.params}
        self.uniform = params - written
        self._decls: dict[str, list] = {}
        for n in nodes:
            if isinstance(n, N.VarDecl):
                self._decls.setdefault(n.name, []).append(n)
        self._candidates = {name for name, ds in self._decls.items() if name not in written | params and all(
            d.space == "private" and d.init is not None and not isinstance(d.type, Array) for d in ds)}
        self._add_constant_locals()

    def _add_constant_locals(self) -> None:
        """A private scalar never written after its declaration (nor through its address) is uniform
        when every declaration of its name has a uniform initializer: e.g. the parameters of an
        inlined device function, bound to uniform arguments, or a value computed from the variable of a
        uniform loop (run again when loop_problem finds one)."""
        changed = True
        while changed:
            found = {name for name in self._candidates - self.uniform
                     if all(self.is_uniform(d.init) for d in self._decls[name])}
            self.uniform |= found
            changed = bool(found)

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
        problem = self._loop_bound_problem(s)
        if problem is not None:
            if init is not None:
                self.uniform.discard(init.name)
            return problem
        if init is not None:
            self._add_constant_locals()          # values computed from the loop's variable
        return None

    def _loop_bound_problem(self, s):
        for part in (s.cond, getattr(s, "step", None)):
            if part is not None and not self.is_uniform(part):
                return part, "condition"
        loop_vars = {n.name for n in walk(s.cond) if isinstance(n, N.VarRef)} if s.cond is not None else set()
        body_writes = next((n for n in walk(s.body) if assigned_name(n) in loop_vars), None)
        if body_writes is not None:
            return body_writes, "body"
        return None


def assigned_name(n):
    """The name of the variable node `n` assigns, increments or takes the address of, in whole or in part
    (`f = ...`, `f.x += ...`, `a.v[i]++`, `&f.y`: each changes f, or may), else None."""
    if isinstance(n, N.Assign):
        return stored_variable(n.target)
    if isinstance(n, N.UnOp) and n.op in STEPS + ("&",):
        return stored_variable(n.operand)
    return None


def stored_variable(e):
    """The variable that lvalue `e` is part of: x for x, x.f, x.a[i]; None through a pointer (p[i], (*p).f)."""
    while isinstance(e, (N.Member, N.Index)):
        if isinstance(e, N.Index) and isinstance(e.base.type, Pointer):
            return None
        e = e.base
    return e.name if isinstance(e, N.VarRef) else None
