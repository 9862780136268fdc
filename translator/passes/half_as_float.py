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
(`(const half2 *)h` on a `half *`). So do the bytes of other data in private or local memory: a pointer
to halves made by a cast from a pointer to other data (`(half2 *)&float4_local`, a `__half *` into an
`extern __shared__ char` buffer) is a *byte view* (passes/half_views.py) and is read and written with
vload_half/vstore_half like a pointer into global memory. A pointer to a half or half2 that lives in a
float (`&h` of a local) cast to another type would read the float's bits instead: refused.

Requires: infer_address_spaces (pointers into shared or private memory of f16 become float pointers,
since their arrays do). Guarantees: f16 appears only as the pointee of global/constant pointers, half2
nowhere.
"""

from __future__ import annotations

import struct

from translator.ir import nodes as N
from translator.ir.base import Node, map_children, walk
from translator.ir.types import (F16, F32, F64, HALF2, I32, U16, U32, VOID, Array, Pointer, Scalar, Struct,
                                 innermost, vector_struct)
from translator.passes.address_spaces import space_of
from translator.passes.half_views import MEMORY, Views, byte_views, elements, fail, scalar_of, storage_root

FLOAT2 = vector_struct("float2")
_EXACT_IN_FLOAT = ("bool", "i8", "u8", "i16", "u16", "f16", "f32")
_IN_REGISTERS = {F16: F32, HALF2: FLOAT2}          # a half type -> the type that holds its values
_IN_MEMORY = {F16: F16, HALF2: U32}                # -> the pointee of a pointer into global/constant memory
_AS_BYTES = {F16: U16, HALF2: U32}                 # -> the element of a variable stored as bytes (half_views)
_LANES = {"x": 0, "y": 1}
# atomicAdd on __half or __half2 adds in float and rounds to half: an op of its own here, since the values
# (and on __shared__ memory the cells) are floats now (backends/opencl.py's HALF_ATOMICS)
HALF_ATOMICS = {"add": "add_half"}


def _retype(t, view: bool = False, stored: bool = False, memory: bool = False):
    """The type that holds a value of type t; `view`: t is a pointer into the bytes of other data, `stored`:
    t is the type of a variable or array stored as bytes, `memory`: of a row of halves that a pointer into
    global memory or a byte view reaches (`__half (*rows)[40]`), spelled as a pointer into memory spells them."""
    if t in _IN_REGISTERS:
        return (_AS_BYTES if stored else _IN_MEMORY if memory else _IN_REGISTERS)[t]
    if isinstance(t, Array):
        return Array(_retype(t.elem, stored=stored, memory=memory), t.size)
    if isinstance(t, Pointer) and t.pointee in _IN_REGISTERS:
        pointee = _IN_MEMORY[t.pointee] if t.space in MEMORY or view else _IN_REGISTERS[t.pointee]
        return Pointer(pointee, t.space, t.const, t.restrict)
    if isinstance(t, Pointer) and isinstance(t.pointee, Array):    # rows of halves: bytes where CUDA's are
        return Pointer(_retype(t.pointee, memory=view or t.space in MEMORY), t.space, t.const, t.restrict)
    if isinstance(t, Pointer) and isinstance(t.pointee, Pointer):
        return Pointer(_retype(t.pointee), t.space, t.const, t.restrict)
    return t


def _holds_half(t) -> bool:
    return t is not None and (t in _IN_REGISTERS or innermost(t) in _IN_REGISTERS)


def _in_memory(ptr, views: Views) -> bool:
    """Whether pointer `ptr` reaches halves as CUDA's bytes: global/constant memory, or a byte view. The
    space comes from the declarations (`views.env`): inference sets it there, not on every reference."""
    if isinstance(ptr.type, Array):                     # an array, which decays to a pointer
        return _row_in_memory(ptr, views)
    return space_of(ptr, views.env) in MEMORY or views.pointer(ptr)


def _row_in_memory(e, views: Views) -> bool:
    """Whether array-valued `e` (a variable, or a row `r[i]` of a pointer to rows) holds CUDA's bytes: stored as
    bytes, a row of a byte view, or a row in global/constant memory."""
    return views.element_of(e) or space_of(e, views.env) in MEMORY


def _half_memory(e, views: Views) -> tuple | None:
    """(pointer, index, lane) when `e` reads or writes a half or a half2 of memory that holds CUDA's bytes,
    else None. lane: None for a whole value (a half at p[index], or a pair at p[index] of a half2 pointer),
    "x" or "y" for one half of the pair p[index]."""
    if isinstance(e, N.Member) and e.field in _LANES and e.base.type == HALF2:
        pair = _half_memory(e.base, views)
        return (pair[0], pair[1], e.field) if pair is not None else None
    if e.type not in _IN_REGISTERS:
        return None
    if isinstance(e, N.Index) and isinstance(e.base.type, (Pointer, Array)) and _in_memory(e.base, views):
        return e.base, e.index, None
    if isinstance(e, N.VarRef) and e.name in views.stored:     # a __half variable stored as bytes
        return e, N.IntLit(0, I32, loc=e.loc), None
    if isinstance(e, N.UnOp) and e.op == "*" and isinstance(e.operand.type, Pointer) \
            and _in_memory(e.operand, views):
        return e.operand, N.IntLit(0, I32, loc=e.loc), None
    return None


def _half_literal(value: float) -> float:
    return struct.unpack("<e", struct.pack("<e", value))[0]


class _Rewriter:
    def __init__(self, views: Views):
        self.views = views           # the current function's byte views, and its pointers' spaces

    def memory(self, ptr, index, lane):
        """The rewritten (half pointer, index of a half) of an access that _half_memory found, and whether
        it is a whole half2."""
        pair = HALF2 in (ptr.type, elements(ptr.type))
        (ptr, space), index = self.pointer(ptr), self.expr(index)
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
            (ptr, _), index = self.pointer(ptr), self.expr(index)
        return N.BinOp("+", ptr, index, ptr.type, loc=e.loc)

    def pointer(self, ptr) -> tuple:
        """The rewritten pointer of an access that _half_memory found, and the space it points into: a
        pointer into global memory or a byte view as it is; for a variable or an array stored as bytes, a
        pointer to its first half (or pair, as a uint)."""
        if isinstance(ptr.type, Pointer):
            space = space_of(ptr, self.views.env) or ptr.type.space
            return self.expr(ptr), space
        root = storage_root(ptr)
        space = self.views.stored[root] if root in self.views.stored else space_of(ptr, self.views.env)
        if isinstance(ptr.type, Array):
            held, storage = ptr.type.elem, self.expr(ptr)              # retyped to ushort or uint: it decays
        else:
            held = ptr.type
            variable = N.VarRef(ptr.name, _AS_BYTES[ptr.type], loc=ptr.loc)
            storage = N.UnOp("&", variable, Pointer(variable.type, space), loc=ptr.loc)
        return N.Cast(storage, False, Pointer(_IN_MEMORY[held], space), loc=ptr.loc), space

    def expr(self, e):
        if e is None:
            return None
        if isinstance(e, N.Assign) and _half_memory(e.target, self.views) is not None:
            if e.op != "=":
                fail(e, "a compound assignment to __half memory is not translated for OpenCL yet")
            ptr, index, pair = self.memory(*_half_memory(e.target, self.views))
            return N.MathCall("store_half2" if pair else "store_half", "exact", [self.expr(e.value), ptr, index],
                              VOID, loc=e.loc)
        if isinstance(e, N.UnOp) and e.op == "&" and (element := _half_memory(e.operand, self.views)) is not None:
            return self.address(e, *element)
        if isinstance(e, N.Atomic) and _holds_half(e.type):
            e.op = HALF_ATOMICS[e.op]
        memory = _half_memory(e, self.views)
        if memory is not None:
            ptr, index, pair = self.memory(*memory)
            return N.MathCall("load_half2" if pair else "load_half", "exact", [ptr, index],
                              FLOAT2 if pair else F32, loc=e.loc)
        if isinstance(e, N.Cast) and e.type == F16:
            return self.to_half(e)
        if isinstance(e, N.Cast) and isinstance(e.type, Pointer):
            self.check_reinterpretation(e)
        # a pointer into the bytes of other data, or into global memory where its own type's space was never
        # set (`result_v + i`: its operand's was)
        view = isinstance(e, N.Expr) and (self.views.pointer(e) or isinstance(e.type, Pointer) and
                                          _holds_half(e.type.pointee) and _in_memory(e, self.views))
        array = isinstance(getattr(e, "type", None), Array)
        stored = array and self.views.in_storage(e)
        memory = array and not stored and _row_in_memory(e, self.views)
        self.children(e)
        if hasattr(e, "type"):
            e.type = _retype(e.type, view, stored, memory)
        return e

    def check_reinterpretation(self, e: N.Cast):
        """A pointer to halves held in floats (not in global/constant memory) must not become a pointer to
        another type: it would see the floats' bytes. A cast from other data makes a byte view, and a byte
        view may become anything."""
        source = scalar_of(elements(e.value.type))
        if not isinstance(e.type, Pointer) or scalar_of(e.type.pointee) == source:   # `(__half *)rows` too
            return
        if source not in _IN_REGISTERS or _in_memory(e.value, self.views):
            return
        name = '__half2' if source == HALF2 else '__half'
        fail(e, f"a pointer to {name} values outside global memory (a variable, or a __shared__ array of "
                 f"{name}) is cast to '{e.type.pointee}': on OpenCL without cl_khr_fp16 those halves are held as "
                 f"float, so through that pointer the program would see the floats' bytes, not the halves'; "
                 f"read the bits with __half_as_ushort/__ushort_as_half, or keep the data that is reinterpreted in "
                 f"global memory or in a buffer of another type (a uint4 variable, an extern __shared__ char array)")

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
            n.type = _retype(n.type, n.name in self.views.names, n.name in self.views.stored)
        if isinstance(n, N.VarDecl) and n.init is not None:
            n.init = self.expr(n.init)
            if n.name in self.views.stored:         # a __half stored as bytes starts as the value's bits
                n.init = N.MathCall("half_as_ushort", "exact", [n.init], U16, loc=n.loc)
            return n
        self.children(n)
        return n


def half_as_float(module: N.Module) -> N.Module:
    if not any(_holds_half(getattr(n, "type", None)) for n in walk(module)):
        return module
    for s in {t for n in walk(module) for t in _structs(getattr(n, "type", None))}:
        if s != HALF2 and any(_holds_half(t) for _, t in s.fields):
            fail(module.functions[0] if module.functions else module, f"struct '{s.name}' holds a __half, which "
                  f"OpenCL without cl_khr_fp16 cannot lay out; not translated yet")
    for g in module.globals:
        if _holds_half(g.type) and not isinstance(g.type, Pointer):
            fail(g, f"__half global '{g.name}' is not translated for OpenCL yet")
    views = byte_views(module, _pointer_spaces)
    for f in module.functions:
        f.ret = _retype(f.ret)
        _Rewriter(views[f.name]).node(f)
    return module


def _pointer_spaces(f: N.Function) -> dict:
    """pointer name -> the space it points into, in f"""
    return {d.name: d.type.space for d in [*f.params, *walk(f.body)]
            if isinstance(d, (N.Param, N.VarDecl)) and isinstance(d.type, Pointer)}


def _structs(t):
    inner = innermost(t)
    return [inner] if isinstance(inner, Struct) else []
