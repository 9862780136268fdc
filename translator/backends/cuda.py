"""CUDA C++ from IR. Not a conversion target: it closes the round trip parse -> IR -> CUDA -> parse
that the unit tests use to check the frontend and the IR against each other."""

from __future__ import annotations

from translator.backends.base import PRECEDENCE, CFamilyEmitter
from translator.ir import nodes as N
from translator.ir.builtins import ATOMIC_NAMES, DYNAMIC_SHARED, MATH, STRUCT_SHUFFLES, WARP
from translator.ir.base import walk
from translator.ir.types import BF16, BFLOAT162, Scalar, Struct, innermost

F16 = Scalar("f16")
# cuda_bf16.h's functions the frontend makes IR functions of (frontend/half.py): IR function -> CUDA name
_BF16_NAMES = {"bf16_as_ushort": "__bfloat16_as_ushort", "bf16_as_short": "__bfloat16_as_short",
               "ushort_as_bf16": "__ushort_as_bfloat16", "short_as_bf16": "__short_as_bfloat16", "fma_bf16": "__hfma"}

# (IR function, operand type, precision) -> the CUDA name that produced it; of several (rint, nearbyint), the
# one named after the function
_CUDA_NAMES = {}
for _name, (_func, _ty, _prec) in sorted(MATH.items(), key=lambda kv: (kv[0].startswith("__"),
                                                                        kv[0] not in (kv[1][0], kv[1][0] + "f"),
                                                                        kv[0])):
    _CUDA_NAMES.setdefault((_func, _ty, _prec), _name)


_ATOMIC_NAMES = ATOMIC_NAMES
_WARP_NAMES = {op: name for name, (op, _) in WARP.items() if name not in STRUCT_SHUFFLES.values()}


def _is_dynamic_view(v) -> bool:
    return isinstance(v, N.VarDecl) and isinstance(v.init, N.Cast) and isinstance(v.init.value, N.VarRef) \
        and v.init.value.name == DYNAMIC_SHARED


class CudaEmitter(CFamilyEmitter):
    name = "cuda"
    kernel_qualifier = "__global__"
    device_qualifier = "__device__"
    restrict_keyword = "__restrict__"
    space_prefix = {**CFamilyEmitter.space_prefix, "shared": "__shared__ ", "cuda_constant": "__constant__ ",
                    "cuda_device": "__device__ "}
    global_spaces = {"constant": "cuda_constant", "global": "cuda_device"}
    qualify_pointees = False
    type_map = {**CFamilyEmitter.type_map, "f16": "__half", "bf16": "__nv_bfloat16"}
    # Spelled as the expressions they stand for, parenthesized only where an operator needs it, so that
    # parsing the output and printing it again gives the same text (the round trip's fixed point).
    special_regs = {**CFamilyEmitter.special_regs,
                    "thread_linear": "threadIdx.x + threadIdx.y * blockDim.x + threadIdx.z * blockDim.x * blockDim.y",
                    "block_threads": "blockDim.x * blockDim.y * blockDim.z", "warp_size": "warpSize"}
    special_reg_precs = {"thread_linear": PRECEDENCE["+"], "block_threads": PRECEDENCE["*"]}

    def visit_VarDecl(self, v: N.VarDecl, depth: int = 0) -> str:
        if _is_dynamic_view(v):
            return f"extern __shared__ {self.declare(v.type.pointee, v.name + '[]', 'private', v)};"
        return super().visit_VarDecl(v, depth)

    def signature(self, f: N.Function) -> str:
        visible = [p for p in f.params if p.name != DYNAMIC_SHARED]
        text = super().signature(N.Function(f.name, f.kind, f.ret, visible, f.body, loc=f.loc))
        if f.max_threads is not None:
            text = text.replace(f"{self.kernel_qualifier} ", f"{self.kernel_qualifier} __launch_bounds__({f.max_threads}) ", 1)
        return text

    def visit_Call(self, e: N.Call):
        """The launch's dynamic shared memory that the IR passes to a device function is CUDA's extern
        __shared__ array, which the function names itself: no argument."""
        shown = [a for a in e.args if not (isinstance(a, N.VarRef) and a.name == DYNAMIC_SHARED)]
        return super().visit_Call(N.Call(e.func, shown, e.type, loc=e.loc))

    def visit_Atomic(self, e: N.Atomic):
        args = ", ".join(self.expr(a, PRECEDENCE["assign"]) for a in e.args)
        return f"{_ATOMIC_NAMES[e.op]}({args})", PRECEDENCE["postfix"]

    def visit_WarpOp(self, e: N.WarpOp):
        args = ", ".join(self.expr(a, PRECEDENCE["assign"]) for a in e.args)
        name = STRUCT_SHUFFLES[e.op] if isinstance(e.type, Struct) and e.op in STRUCT_SHUFFLES else _WARP_NAMES[e.op]
        return f"{name}({args})", PRECEDENCE["postfix"]

    def bf16_conversion(self, e: N.Cast):
        """A C++ cast: __nv_bfloat16's constructors and its conversion to float are the ones CUDA defines."""
        return self.c_cast(e)

    def visit_MathCall(self, e: N.MathCall):
        if e.func in _BF16_NAMES:     # __hfma's operands are the bfloat16s the IR widened to float
            args = [a.value if e.func == "fma_bf16" and isinstance(a, N.Cast) else a for a in e.args]
            return f"{_BF16_NAMES[e.func]}({', '.join(self.expr(a, PRECEDENCE['assign']) for a in args)})", \
                PRECEDENCE["postfix"]
        func, tname = self.math_key(e)
        name = _CUDA_NAMES.get((func, tname, e.precision)) or _CUDA_NAMES.get((func, "", e.precision))
        if name is None:
            self.unsupported(e, f"math function {func} on {tname}")
        args = ", ".join(self.expr(a, PRECEDENCE["assign"]) for a in e.args)
        return f"{name}({args})", PRECEDENCE["postfix"]

    def defines(self, s: Struct) -> bool:
        return not s.vector           # CUDA's vector types come with CUDA

    def struct_name(self, s: Struct) -> str:
        return "__nv_bfloat162" if s == BFLOAT162 else super().struct_name(s)

    def struct_definition(self, s: Struct, node) -> str:
        fields = "".join(f"{self.indent_unit}{self.declare(t, f, 'private', node)};\n" for f, t in s.fields)
        aligned = f" __align__({s.align})" if s.align else ""
        return f"struct{aligned} {s.name} {{\n{fields}}};\n"

    def visit_InitList(self, e: N.InitList):
        """A struct value: make_float4(...) for a vector, `Name{...}` for a user struct."""
        if not isinstance(e.type, Struct):
            return super().visit_InitList(e)
        items = ", ".join(self.expr(i, PRECEDENCE["assign"]) for i in e.items)
        maker = "make_bfloat162" if e.type == BFLOAT162 else f"make_{e.type.name}"
        text = f"{maker}({items})" if e.type.vector else f"{e.type.name}{self.init_text(e)}"
        return text, PRECEDENCE["postfix"]

    def visit_Module(self, m: N.Module) -> str:
        used = {innermost(getattr(n, "type", None)) for n in walk(m)}
        includes = [f"#include <{h}>\n" for t, h in ((F16, "cuda_fp16.h"), (BF16, "cuda_bf16.h")) if t in used]
        return "\n".join(includes + self.struct_definitions(m)
                         + [self.visit(g) for g in m.globals] + [self.visit(f) for f in m.functions])
