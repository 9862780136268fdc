"""OpenCL without cl_khr_fp16 (PoCL among others): `f16` values live in floats, half only in memory.

OpenCL C lets a program without the extension name `half` only as the pointee of a pointer, reached
through vload_half/vstore_half. So every f16 value becomes an f32 that holds a half-representable
number:

    variables, parameters, private and __shared__ arrays of f16     f32 (exact: half -> float is exact)
    a read of f16 global/constant memory  p[i], *p                  math.load_half(p, i)    (vload_half)
    a write  p[i] = v                                               math.store_half(v, p, i) (vstore_half_rte)
    its address  &p[i]                                              p + i
    atomicAdd(p, v) on f16 (or half2)                               op add_half: the backend rounds the sum
    convert<f16>(x)                                                 math.round_half(x): round to nearest even
    convert<f16>(literal)                                           the literal rounded to half, in Python

The frontend computes all half arithmetic in float already (frontend/half.py), so rounding at each
conversion to f16 keeps every value what CUDA computes. Conversions that would round twice through
float (double, 32/64-bit integers to half) round from double instead, which needs cl_khr_fp64: every
such integer is exact in double, or beyond half's range there too.

A `half2` (cuda_fp16.h's __half2) likewise lives in a float2, and in global/constant memory stays the
two halves CUDA stores, reached through a pointer to 32-bit words (so that pointer arithmetic steps by
pairs, as on `__half2*`):

    variables, parameters, private and __shared__ arrays of half2   float2
    a pointer to half2 global/constant memory                       uint*
    p[i], *p  (read / write)                                        vload_half2 / vstore_half2_rte
    p[i].x, p[i].y  (read / write)                                  vload_half / vstore_half_rte at 2i, 2i + 1
    &p[i], &p[i].x                                                  p + i, (half *)p + 2i

Memory always holds CUDA's bytes, so reinterpreting a pointer into global memory keeps its meaning
(`(const half2 *)h` on a `half *`). A pointer to a half or half2 that lives in a float (`&h` of a local)
cast to another type would read the float's bits instead: refused.

Requires: infer_address_spaces (pointers into shared or private memory of f16 become float pointers,
since their arrays do). Guarantees: f16 appears only as the pointee of global/constant pointers, half2
nowhere.
"""

from __future__ import annotations

import struct

from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import Node, map_children, walk
from translator.ir.types import (F16, F32, F64, HALF2, I32, U32, VOID, Array, Pointer, Scalar, Struct, innermost,
                                 vector_struct)
from translator.passes.address_spaces import space_of

FLOAT2 = vector_struct("float2")
_MEMORY = ("global", "constant")
_EXACT_IN_FLOAT = ("bool", "i8", "u8", "i16", "u16", "f16", "f32")
_IN_REGISTERS = {F16: F32, HALF2: FLOAT2}          # a half type -> the type that holds its values
_IN_MEMORY = {F16: F16, HALF2: U32}                # -> the pointee of a pointer into global/constant memory
_LANES = {"x": 0, "y": 1}
# atomicAdd on __half or __half2 adds in float and rounds to half: an op of its own here, since the values
# (and on __shared__ memory the cells) are floats now (backends/opencl.py's HALF_ATOMICS)
HALF_ATOMICS = {"add": "add_half"}


def _retype(t):
    if t in _IN_REGISTERS:
        return _IN_REGISTERS[t]
    if isinstance(t, Array):
        return Array(_retype(t.elem), t.size)
    if isinstance(t, Pointer) and t.pointee in _IN_REGISTERS:
        pointee = _IN_MEMORY[t.pointee] if t.space in _MEMORY else _IN_REGISTERS[t.pointee]
        return Pointer(pointee, t.space, t.const, t.restrict)
    if isinstance(t, Pointer) and isinstance(t.pointee, (Array, Pointer)):
        return Pointer(_retype(t.pointee), t.space, t.const, t.restrict)
    return t


def _holds_half(t) -> bool:
    return t is not None and (t in _IN_REGISTERS or innermost(t) in _IN_REGISTERS)


def _fail(node, message: str):
    loc = node.loc
    where = (loc.path, loc.line, loc.col) if loc else ("<ir>", 0, 0)
    raise CutransError(error("L003", message, *where))


def _half_memory(e, env: dict) -> tuple | None:
    """(pointer, index, lane) when `e` reads or writes a half or a half2 of global/constant memory, else None.
    lane: None for a whole value (a half at p[index], or a pair at p[index] of a half2 pointer), "x" or "y"
    for one half of the pair p[index]. The space comes from the declarations (`env`): inference sets it
    there, not on every reference."""
    if isinstance(e, N.Member) and e.field in _LANES and e.base.type == HALF2:
        pair = _half_memory(e.base, env)
        return (pair[0], pair[1], e.field) if pair is not None else None
    if e.type not in _IN_REGISTERS:
        return None
    if isinstance(e, N.Index) and isinstance(e.base.type, Pointer) and space_of(e.base, env) in _MEMORY:
        return e.base, e.index, None
    if isinstance(e, N.UnOp) and e.op == "*" and isinstance(e.operand.type, Pointer) \
            and space_of(e.operand, env) in _MEMORY:
        return e.operand, N.IntLit(0, I32, loc=e.loc), None
    return None


def _half_literal(value: float) -> float:
    return struct.unpack("<e", struct.pack("<e", value))[0]


class _Rewriter:
    def __init__(self):
        self.env: dict = {}          # pointer name -> the space it points into, in the current function

    def memory(self, ptr, index, lane):
        """The rewritten (half pointer, index of a half) of an access that _half_memory found, and whether
        it is a whole half2."""
        pair = ptr.type.pointee == HALF2
        space = space_of(ptr, self.env)
        ptr, index = self.expr(ptr), self.expr(index)
        if not pair:
            return ptr, index, False
        halves = N.Cast(ptr, False, Pointer(F16, space, ptr.type.const), loc=ptr.loc)
        if lane is None:
            return halves, index, True
        two = N.IntLit(2, index.type, loc=index.loc)
        first = N.BinOp("*", index, two, index.type, loc=index.loc)
        at = N.BinOp("+", first, N.IntLit(_LANES[lane], index.type, loc=index.loc), index.type, loc=index.loc)
        return halves, at, False

    def address(self, e: N.UnOp, ptr, index, lane):
        """`&p[i]` (or `&p[i].x`) of half memory: the pointer p + i, to a half, or a pair of them, or one of its
        halves, instead of the address of a value that vload_half has read."""
        if lane is not None:
            ptr, index, _ = self.memory(ptr, index, lane)
        else:
            ptr, index = self.expr(ptr), self.expr(index)
        return N.BinOp("+", ptr, index, ptr.type, loc=e.loc)

    def expr(self, e):
        if e is None:
            return None
        if isinstance(e, N.Assign) and _half_memory(e.target, self.env) is not None:
            if e.op != "=":
                _fail(e, "a compound assignment to __half memory is not translated for OpenCL yet")
            ptr, index, pair = self.memory(*_half_memory(e.target, self.env))
            return N.MathCall("store_half2" if pair else "store_half", "exact", [self.expr(e.value), ptr, index],
                              VOID, loc=e.loc)
        if isinstance(e, N.UnOp) and e.op == "&" and (element := _half_memory(e.operand, self.env)) is not None:
            return self.address(e, *element)
        if isinstance(e, N.Atomic) and _holds_half(e.type):
            e.op = HALF_ATOMICS[e.op]
        memory = _half_memory(e, self.env)
        if memory is not None:
            ptr, index, pair = self.memory(*memory)
            return N.MathCall("load_half2" if pair else "load_half", "exact", [ptr, index],
                              FLOAT2 if pair else F32, loc=e.loc)
        if isinstance(e, N.Cast) and e.type == F16:
            return self.to_half(e)
        if isinstance(e, N.Cast) and isinstance(e.type, Pointer):
            self.check_reinterpretation(e)
        self.children(e)
        if hasattr(e, "type"):
            e.type = _retype(e.type)
        return e

    def check_reinterpretation(self, e: N.Cast):
        """A pointer to halves held in floats (not in global/constant memory) must stay one, and a pointer to
        other data there must not become one (relu's `(half2 *)&float4_local`)."""
        source = e.value.type
        if not isinstance(source, Pointer) or not isinstance(e.type, Pointer) or e.type.pointee == source.pointee:
            return
        halves = [t for t in (source.pointee, e.type.pointee) if t in _IN_REGISTERS]
        if not halves or space_of(e.value, self.env) in _MEMORY:
            return
        name = '__half2' if halves[0] == HALF2 else '__half'
        if source.pointee in _IN_REGISTERS:
            what = f"a pointer to {name} values outside global memory (a variable, or a __shared__ array) is cast " \
                   f"to '{e.type.pointee}'"
        else:
            what = f"a pointer to '{source.pointee}' data outside global memory (a variable, or a __shared__ " \
                   f"array) is cast to a pointer to {name}"
        _fail(e, f"{what}: on OpenCL without cl_khr_fp16 halves there are held as float, so through that pointer "
                 f"the program would see the floats' bytes, not the halves'; read the bits with "
                 f"__half_as_ushort/__ushort_as_half, or keep the data that is reinterpreted in global memory")

    def to_half(self, e: N.Cast):
        v = e.value
        if isinstance(v, (N.IntLit, N.FloatLit)):
            return N.FloatLit(_half_literal(float(v.value)), "", F32, loc=e.loc)
        source = v.type
        value = self.expr(v)
        if source == F16:
            return value
        # through float where that is exact, else through double (vstore_half_rte rounds a double once)
        wide = F32 if isinstance(source, Scalar) and source.name in _EXACT_IN_FLOAT else F64
        if value.type != wide:
            value = N.Cast(value, True, wide, loc=e.loc)
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
    if not any(_holds_half(getattr(n, "type", None)) for n in walk(module)):
        return module
    for s in {t for n in walk(module) for t in _structs(getattr(n, "type", None))}:
        if s != HALF2 and any(_holds_half(t) for _, t in s.fields):
            _fail(module.functions[0] if module.functions else module, f"struct '{s.name}' holds a __half, which "
                  f"OpenCL without cl_khr_fp16 cannot lay out; not translated yet")
    rewriter = _Rewriter()
    for g in module.globals:
        if _holds_half(g.type) and not isinstance(g.type, Pointer):
            _fail(g, f"__half global '{g.name}' is not translated for OpenCL yet")
    for f in module.functions:
        rewriter.env = {d.name: d.type.space for d in [*f.params, *walk(f.body)]
                        if isinstance(d, (N.Param, N.VarDecl)) and isinstance(d.type, Pointer)}
        f.ret = _retype(f.ret)
        rewriter.node(f)
    return module


def _structs(t):
    inner = innermost(t)
    return [inner] if isinstance(inner, Struct) else []
