"""CUDA C++ from IR. Not a conversion target: it closes the round trip parse -> IR -> CUDA -> parse
that the unit tests use to check the frontend and the IR against each other."""

from __future__ import annotations

from translator.backends.base import PRECEDENCE, CFamilyEmitter
from translator.ir import nodes as N
from translator.ir.builtins import MATH

# (IR function, operand type, precision) -> the CUDA name that produced it.
_CUDA_NAMES = {}
for _name, (_func, _ty, _prec) in sorted(MATH.items(), key=lambda kv: (kv[0].startswith("__"), kv[0])):
    _CUDA_NAMES.setdefault((_func, _ty, _prec), _name)


class CudaEmitter(CFamilyEmitter):
    name = "cuda"
    kernel_qualifier = "__global__"
    device_qualifier = "__device__"
    space_prefix = {**CFamilyEmitter.space_prefix, "shared": "__shared__ "}

    def visit_MathCall(self, e: N.MathCall):
        func, tname = self.math_key(e)
        name = _CUDA_NAMES.get((func, tname, e.precision)) or _CUDA_NAMES.get((func, "", e.precision))
        if name is None:
            self.unsupported(e, f"math function {func} on {tname}")
        args = ", ".join(self.expr(a, PRECEDENCE["assign"]) for a in e.args)
        return f"{name}({args})", PRECEDENCE["postfix"]

    def visit_Module(self, m: N.Module) -> str:
        return "\n".join(self.visit(f) for f in m.functions)
