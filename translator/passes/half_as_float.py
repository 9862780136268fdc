"""OpenCL without cl_khr_fp16 (PoCL among others): `f16` values live in floats, half only in memory.

OpenCL C lets a program without the extension name `half` only as the pointee of a pointer, reached
through vload_half/vstore_half. So every f16 value becomes an f32 that holds a half-representable
number:

    variables, parameters, private and __shared__ arrays of f16     f32 (exact: half -> float is exact)
    a read of f16 global/constant memory  p[i], *p                  math.load_half(p, i)    (vload_half)
    a write  p[i] = v                                               math.store_half(v, p, i) (vstore_half_rte)
    convert<f16>(x), x a float or an integer of up to 16 bits       math.round_half(x): round to nearest even
    convert<f16>(literal)                                           the literal rounded to half, in Python

The frontend computes all half arithmetic in float already (frontend/half.py), so rounding at each
conversion to f16 keeps every value what CUDA computes. Conversions that would round twice (double
or 32/64-bit integers to half) are refused rather than computed through float.

Requires: infer_address_spaces (pointers into shared or private memory of f16 become float pointers,
since their arrays do). Guarantees: f16 appears only as the pointee of global/constant pointers.
"""

from __future__ import annotations

import struct

from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import Node, map_children, walk
from translator.ir.types import F32, VOID, Array, Pointer, Scalar, Struct, element_types, innermost
from translator.passes.address_spaces import space_of

F16 = Scalar("f16")
_MEMORY = ("global", "constant")
_EXACT_IN_FLOAT = ("bool", "i8", "u8", "i16", "u16", "f16", "f32")


def _retype(t):
    if t == F16:
        return F32
    if isinstance(t, Array):
        return Array(_retype(t.elem), t.size)
    if isinstance(t, Pointer) and t.pointee == F16 and t.space not in _MEMORY:
        return Pointer(F32, t.space, t.const, t.restrict)
    if isinstance(t, Pointer) and isinstance(t.pointee, (Array, Pointer)):
        return Pointer(_retype(t.pointee), t.space, t.const, t.restrict)
    return t


def _fail(node, message: str):
    loc = node.loc
    where = (loc.path, loc.line, loc.col) if loc else ("<ir>", 0, 0)
    raise CutransError(error("L003", message, *where))


def _half_memory(e, env: dict) -> tuple | None:
    """(pointer, index) when `e` reads or writes f16 global/constant memory, else None. The space comes
    from the declarations (`env`): inference sets it there, not on every reference."""
    if e.type != F16:
        return None
    if isinstance(e, N.Index) and isinstance(e.base.type, Pointer) and space_of(e.base, env) in _MEMORY:
        return e.base, e.index
    if isinstance(e, N.UnOp) and e.op == "*" and isinstance(e.operand.type, Pointer) \
            and space_of(e.operand, env) in _MEMORY:
        return e.operand, N.IntLit(0, Scalar("i32"), loc=e.loc)
    return None


def _half_literal(value: float) -> float:
    return struct.unpack("<e", struct.pack("<e", value))[0]


class _Rewriter:
    def __init__(self):
        self.env: dict = {}          # pointer name -> the space it points into, in the current function

    def expr(self, e):
        if e is None:
            return None
        if isinstance(e, N.Assign) and _half_memory(e.target, self.env) is not None:
            if e.op != "=":
                _fail(e, "a compound assignment to __half memory is not translated for OpenCL yet")
            ptr, index = _half_memory(e.target, self.env)
            return N.MathCall("store_half", "exact", [self.expr(e.value), self.expr(ptr), self.expr(index)], VOID,
                              loc=e.loc)
        memory = _half_memory(e, self.env)
        if memory is not None:
            ptr, index = memory
            return N.MathCall("load_half", "exact", [self.expr(ptr), self.expr(index)], F32, loc=e.loc)
        if isinstance(e, N.Cast) and e.type == F16:
            return self.to_half(e)
        self.children(e)
        if hasattr(e, "type"):
            e.type = _retype(e.type)
        return e

    def to_half(self, e: N.Cast):
        v = e.value
        if isinstance(v, (N.IntLit, N.FloatLit)):
            return N.FloatLit(_half_literal(float(v.value)), "", F32, loc=e.loc)
        source = v.type
        if not isinstance(source, Scalar) or source.name not in _EXACT_IN_FLOAT:
            _fail(e, f"converting {source} to __half would round twice through float on OpenCL without "
                     f"cl_khr_fp16; convert to float first")
        value = self.expr(v)
        if value.type != F32:
            value = N.Cast(value, True, F32, loc=e.loc)
        if source == F16:
            return value
        return N.MathCall("round_half", "exact", [value], F32, loc=e.loc)

    def children(self, node: Node):
        map_children(node, self.node)

    def node(self, n):
        if isinstance(n, N.Expr):
            return self.expr(n)
        if isinstance(n, (N.VarDecl, N.Param)):
            n.type = _retype(n.type)
        if isinstance(n, N.VarDecl) and n.init is not None:
            n.init = self.expr(n.init)
            return n
        self.children(n)
        return n


def half_as_float(module: N.Module) -> N.Module:
    uses_half = any(isinstance(getattr(n, "type", None), Scalar) and n.type == F16 or
                    isinstance(getattr(n, "type", None), (Pointer, Array)) and F16 in element_types(n.type)
                    for n in walk(module))
    if not uses_half:
        return module
    for s in {t for n in walk(module) for t in _structs(getattr(n, "type", None))}:
        if any(t == F16 or F16 in element_types(t) for _, t in s.fields):
            _fail(module.functions[0] if module.functions else module, f"struct '{s.name}' holds a __half, which "
                  f"OpenCL without cl_khr_fp16 cannot lay out; not translated yet")
    rewriter = _Rewriter()
    for g in module.globals:
        if g.type == F16 or isinstance(g.type, Array) and F16 in element_types(g.type):
            _fail(g, f"__half global '{g.name}' is not translated for OpenCL yet")
    for f in module.functions:
        rewriter.env = {d.name: d.type.space for d in [*f.params, *walk(f.body)]
                        if isinstance(d, (N.Param, N.VarDecl)) and isinstance(d.type, Pointer)}
        if f.ret == F16:
            f.ret = F32
        rewriter.node(f)
    return module


def _structs(t):
    inner = innermost(t)
    return [inner] if isinstance(inner, Struct) else []
