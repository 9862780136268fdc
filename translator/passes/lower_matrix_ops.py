"""Lower tensor-core `MatrixOp`s to calls of device functions written in plain IR (the portable lowering).

Each (op, fragments, layout) gets one device function, added to the module once, which every backend
emits like the user's own functions (OpenCL clones it per address space of its pointer). Which
elements a thread holds (ir/matrix.py): a/b fragments the whole tile, accumulators the elements
`lane + 32 * t`, t < num_elements, of the m x n tile in row-major order, lane = the thread's linear id
mod 32. So no op exchanges data between threads, and the 32 threads of a warp together compute each
element of D exactly once. The arithmetic is the project's defined semantics of `mma_sync`, which the
reference emulation (runtime_shims/emulate/include/mma.h) implements independently:

    d(i,j) = c(i,j) + a(i,0)*b(0,j) + a(i,1)*b(1,j) + ...     (k ascending, one rounding per step)
    tf32:  inputs truncated to tf32 (low 13 bits cleared, NaNs too); float products are then exact, sums in float
    f16:   products and sums in float (products of halves are exact); a half D is rounded once, at the end
    bf16:  the same, into float D only: a bfloat16 is a float's upper 16 bits, so it converts to float
           exactly, and two 8-bit significands multiply into 16 bits, which float's 24 hold exactly
           (only an overflow or a result below float's normal range rounds the product)
    s8/u8: 32-bit integer products and sums, wrapping (computed in unsigned)
    f64:   each step one fma

A GPU's tensor cores add in an order of their own, so against real CUDA these agree within a
tolerance, not bit for bit; against the emulation they agree exactly.

Requires: verify_module. Guarantees: no MatrixOp remains.
"""

from __future__ import annotations


from translator.ir import nodes as N
from translator.ir.base import Node, walk
from translator.ir.matrix import WARP, Fragment
from translator.ir.types import BOOL, F32, I32, U32, VOID, Array, Pointer


class _Builder:
    """Terse IR construction for the helpers' bodies (every node at one source location)."""

    def __init__(self, loc):
        self.loc = loc

    def lit(self, value, ty=U32):
        return N.IntLit(value, ty, loc=self.loc)

    def var(self, name, ty=U32):
        return N.VarRef(name, ty, loc=self.loc)

    def bin(self, op, a, b, ty=U32):
        return N.BinOp(op, a, b, BOOL if op in ("<", "==") else ty, loc=self.loc)

    def cast(self, e, ty):
        return e if e.type == ty else N.Cast(e, False, ty, loc=self.loc)

    def at(self, base, index):
        elem = base.type.elem if isinstance(base.type, Array) else base.type.pointee
        return N.Index(base, index, elem, loc=self.loc)

    def let(self, name, value, ty=U32):
        return N.VarDecl(name, ty, "private", value, loc=self.loc)

    def set(self, target, value):
        return N.ExprStmt(N.Assign("=", target, value, target.type, loc=self.loc), loc=self.loc)

    def loop(self, name, count, body: list, unroll=None):
        """for (unsigned name = 0; name < count; name += 1) { body }"""
        i = self.var(name)
        return N.For(self.let(name, self.lit(0)), self.bin("<", i, self.lit(count)),
                     N.Assign("+=", i, self.lit(1), U32, loc=self.loc), N.Block(body, loc=self.loc), unroll,
                     loc=self.loc)

    def owned(self, t: str, frag: Fragment) -> list:
        """e = lane + 32*t; i = e / cols; j = e % cols: the (i, j) of an accumulator's element t."""
        e = self.bin("+", self.var("lane"), self.bin("*", self.lit(WARP), self.var(t)))
        return [self.let("e", e), self.let("i", self.bin("/", self.var("e"), self.lit(frag.cols))),
                self.let("j", self.bin("%", self.var("e"), self.lit(frag.cols)))]

    def offset(self, layout: str, row, col):
        """The element (row, col) of a matrix in memory with leading dimension ldm."""
        ldm = self.var("ldm")
        if layout == "row":
            return self.bin("+", self.bin("*", row, ldm), col)
        return self.bin("+", row, self.bin("*", col, ldm))

    def param(self, name, ty):
        return N.Param(name, ty, loc=self.loc)

    def function(self, name, params, body) -> N.Function:
        return N.Function(name, "device", VOID, params, N.Block(body, loc=self.loc), loc=self.loc)


def _ptr(elem, const=False):
    return Pointer(elem, "generic", const)


# -- the helper of each op ------------------------------------------------------------------------------

def _fill(b: _Builder, op: N.MatrixOp, name: str) -> N.Function:
    frag = op.frags[0]
    body = [b.loop("t", frag.per_thread, [b.set(b.at(b.var("d", _ptr(frag.elem)), b.var("t")),
                                                 b.var("v", frag.elem))])]
    return b.function(name, [b.param("d", _ptr(frag.elem)), b.param("v", frag.elem)], body)


def _tile_loop(b: _Builder, frag: Fragment, body: list) -> list:
    """for r < rows: for c < cols: body -- over a whole tile."""
    return [b.loop("r", frag.rows, [b.loop("c", frag.cols, body)])]


def _tile_index(b: _Builder, frag: Fragment):
    """r * cols + c: the element (r, c) of a whole tile held row-major."""
    return b.bin("+", b.bin("*", b.var("r"), b.lit(frag.cols)), b.var("c"))


def _load_store(b: _Builder, op: N.MatrixOp, name: str) -> N.Function:
    frag, store = op.frags[0], op.op == "store"
    frag_ptr, mem = b.var("f", _ptr(frag.elem, store)), b.var("p", _ptr(frag.elem, not store))
    if frag.use == "acc":
        index, place = b.var("t"), b.offset(op.layout, b.var("i"), b.var("j"))
        move = [b.set(b.at(mem, place), b.at(frag_ptr, index))] if store else [b.set(b.at(frag_ptr, index), b.at(mem, place))]
        body = [b.loop("t", frag.per_thread, b.owned("t", frag) + move)]
    else:
        move = [b.set(b.at(frag_ptr, _tile_index(b, frag)), b.at(mem, b.offset(op.layout, b.var("r"), b.var("c"))))]
        body = _tile_loop(b, frag, move)
    params = [b.param("p", mem.type), b.param("f", frag_ptr.type)] if store else \
        [b.param("f", frag_ptr.type), b.param("p", mem.type)]
    params.append(b.param("ldm", U32))
    if frag.use == "acc":
        params.append(b.param("lane", U32))
    return b.function(name, params, body)


_TF32_MASK = 0xFFFFE000
# the input precisions whose elements are converted to float, exactly, before they are multiplied
_WIDENED = ("f16", "bf16")


def _input(b: _Builder, value, precision: str):
    """An a/b element as the multiply takes it."""
    if precision == "tf32":       # the low 13 mantissa bits dropped, whatever the value: an H100 turns a NaN
        bits = N.MathCall("float_as_uint", "exact", [value], U32, loc=b.loc)   # with only those bits into infinity
        return N.MathCall("uint_as_float", "exact", [b.bin("&", bits, b.lit(_TF32_MASK))], F32, loc=b.loc)
    if precision in ("s8", "u8"):
        return b.cast(value, I32)
    if precision in _WIDENED:
        return b.cast(value, F32)         # exact (a bf16 through cutrans_bf16_to_float, never its bits)
    return value


def _step(b: _Builder, acc, x, y, precision: str):
    """acc + x * y as the precision defines it."""
    if precision == "f64":
        return N.MathCall("fma", "ieee", [x, y, acc], acc.type, loc=b.loc)
    if precision in ("s8", "u8"):
        return b.bin("+", acc, b.cast(b.bin("*", x, y, I32), U32))
    return b.bin("+", acc, b.bin("*", x, y, F32), F32)


# input precision -> the type the sum is kept in, where it is not the accumulator's own: integer sums wrap
# (computed in unsigned); half products are summed in float even into a half accumulator, which is rounded
# to half once, when the sum is stored (bf16 has float accumulators only).
_SUM_TYPES = {"s8": U32, "u8": U32, "f16": F32, "bf16": F32}


def _mma(b: _Builder, op: N.MatrixOp, name: str) -> N.Function:
    d, a, bf, c = op.frags
    sum_type = _SUM_TYPES.get(a.precision, d.elem)
    acc = b.var("acc", sum_type)
    pa, pb = b.var("a", _ptr(a.elem, True)), b.var("b", _ptr(bf.elem, True))
    pd, pc = b.var("d", _ptr(d.elem)), b.var("c", _ptr(c.elem, True))
    kk = b.var("kk")
    x = _input(b, b.at(pa, b.bin("+", b.bin("*", b.var("i"), b.lit(a.cols)), kk)), a.precision)
    y = _input(b, b.at(pb, b.bin("+", b.bin("*", kk, b.lit(bf.cols)), b.var("j"))), a.precision)
    inner = b.loop("kk", a.k, [b.set(acc, _step(b, acc, x, y, a.precision))])
    body = b.owned("t", d) + [b.let("acc", b.cast(b.at(pc, b.var("t")), sum_type), sum_type), inner,
                              b.set(b.at(pd, b.var("t")), b.cast(acc, d.elem))]
    params = [b.param("d", pd.type), b.param("a", pa.type), b.param("b", pb.type), b.param("c", pc.type),
              b.param("lane", U32)]
    return b.function(name, params, [b.loop("t", d.per_thread, body)])


def _to_tf32(b: _Builder, op: N.MatrixOp, name: str) -> N.Function:
    """Round to nearest, ties away from zero, keeping 10 mantissa bits (PTX cvt.rna.tf32.f32): adding half
    of the dropped part's unit to the magnitude's bits carries into the kept ones exactly when the dropped
    part is at least half. An infinity is returned as it is and a NaN with its low 13 bits cleared, which
    makes a NaN whose payload lies only there an infinity, as an H100 does (docs/tensor_cores.md)."""
    bits = b.var("bits")
    exponent_all_ones = b.bin("==", b.bin("&", bits, b.lit(0x7F800000)), b.lit(0x7F800000))
    rounded = b.bin("&", b.bin("+", bits, b.lit(0x1000)), b.lit(_TF32_MASK))
    truncated = N.MathCall("uint_as_float", "exact", [b.bin("&", b.var("bits"), b.lit(_TF32_MASK))], F32, loc=b.loc)
    as_float = N.MathCall("uint_as_float", "exact", [rounded], F32, loc=b.loc)
    body = [b.let("bits", N.MathCall("float_as_uint", "exact", [b.var("x", F32)], U32, loc=b.loc)),
            N.If(exponent_all_ones, N.Return(truncated, loc=b.loc), None, loc=b.loc),
            N.Return(as_float, loc=b.loc)]
    return N.Function(name, "device", F32, [b.param("x", F32)], N.Block(body, loc=b.loc), loc=b.loc)


# -- the per-warp helpers (passes/warp_matrix_ops.py): one call does a whole warp's op on whole tiles, held
# row-major in Fragment.held elements; the same arithmetic in the same order as _mma, element by element.

def _held(b: _Builder, value, frag: Fragment):
    return b.cast(value, frag.held)


def _warp_fill(b: _Builder, op: N.MatrixOp, name: str) -> N.Function:
    frag = op.frags[0]
    d = b.var("d", _ptr(frag.held))
    body = _tile_loop(b, frag, [b.set(b.at(d, _tile_index(b, frag)), _held(b, b.var("v", frag.elem), frag))])
    return b.function(name, [b.param("d", d.type), b.param("v", frag.elem)], body)


def _warp_load_store(b: _Builder, op: N.MatrixOp, name: str) -> N.Function:
    frag, store = op.frags[0], op.op == "warp_store"
    tile, mem = b.var("f", _ptr(frag.held, store)), b.var("p", _ptr(frag.elem, not store))
    params = [b.param("p", mem.type), b.param("f", tile.type)] if store else \
        [b.param("f", tile.type), b.param("p", mem.type)]
    params.append(b.param("ldm", U32))
    if frag.use != "acc" and frag.precision == "f16":
        return b.function(name, params, _halves_to_tile(b, frag, op.layout, tile, mem))
    place = b.at(mem, b.offset(op.layout, b.var("r"), b.var("c")))
    held = b.at(tile, _tile_index(b, frag))
    return b.function(name, params, _tile_loop(b, frag, [b.set(place, held) if store else
                                                           b.set(held, _held(b, place, frag))]))


def _halves_to_tile(b: _Builder, frag: Fragment, layout: str, tile, mem) -> list:
    """Halves become floats whole runs of memory at a time (the CPU target's runtime_shims/cpu/cpurt_tiles.h
    converts eight per F16C instruction where the machine has it): a row-major tile's rows straight into
    the tile (convert_halves), a column-major tile eight by eight columns, transposed in registers
    (convert_halves_transposed; GCC 12 does the transposing copy one float at a time)."""
    def convert(func, args):
        return N.ExprStmt(N.MathCall(func, "exact", args, VOID, loc=b.loc), loc=b.loc)

    if layout == "row":
        def run_start(base, stride):
            return b.bin("+", base, b.bin("*", b.var("r"), stride), base.type)
        return [b.loop("r", frag.rows, [convert("convert_halves", [run_start(tile, b.lit(frag.cols)),
                                                                   run_start(mem, b.var("ldm")), b.lit(frag.cols)])])]
    return [convert("convert_halves_transposed", [tile, mem, b.lit(frag.rows), b.lit(frag.cols), b.var("ldm")])]


def _warp_step(b: _Builder, acc, x, y, precision: str):
    """_step, but a product of two halves (exact in float: 11-bit significands, and no overflow or
    underflow between 2^-48 and 65504^2) is added with one fma, which then rounds exactly as the
    separate multiply and add do, and runs twice as fast where the machine fuses. tf32 and bf16 products
    (float's exponent range) may overflow or fall below float's normal range, where a fused add would
    differ: they keep _step."""
    if precision == "f16":
        return N.MathCall("fma", "ieee", [x, y, acc], acc.type, loc=b.loc)
    return _step(b, acc, x, y, precision)


def _warp_mma(b: _Builder, op: N.MatrixOp, name: str) -> N.Function:
    """Row by row: a row of sums takes c's row, then each k in ascending order updates it, a loop along the
    row that a C compiler vectorizes, with the row in registers. The update loop is marked not to be
    unrolled: GCC 12 otherwise unrolls it whole and vectorizes across k instead, ten times slower
    (measured 2.2 against 55 GFLOP/s per core; k outermost over a tile of sums reached 33-47).
    An f16 mma with float c and d is one call of cutrans_mma_f32 (runtime_shims/cpu/cpurt_tiles.h), the
    same fused steps in the same order with eight rows of sums held in vector registers at once: GCC 12
    kept the row loop's sums in memory (the sample GEMM at n = 2048: 0.56 -> 0.44 s)."""
    d, a, bf, c = op.frags
    sum_type = _SUM_TYPES.get(a.precision, d.elem)

    def sums():                         # every use its own nodes: a later pass may rename one loop's variable
        return b.at(b.var("sums", Array(sum_type, d.n)), b.var("j"))

    def in_row(p):
        return b.at(p, b.bin("+", b.bin("*", b.var("i"), b.lit(d.n)), b.var("j")))

    pa, pb = b.var("a", _ptr(a.held, True)), b.var("b", _ptr(bf.held, True))
    pd, pc = b.var("d", _ptr(d.elem)), b.var("c", _ptr(c.elem, True))
    params = [b.param("d", pd.type), b.param("a", pa.type), b.param("b", pb.type), b.param("c", pc.type)]
    if a.precision == "f16" and d.elem == F32 and c.elem == F32:
        tile = N.MathCall("mma_f32", "exact", [pd, pa, pb, pc, b.lit(d.m), b.lit(d.n), b.lit(a.k)], VOID, loc=b.loc)
        return b.function(name, params, [N.ExprStmt(tile, loc=b.loc)])
    x = _input(b, b.at(pa, b.bin("+", b.bin("*", b.var("i"), b.lit(a.k)), b.var("kk"))), a.precision)
    y = _input(b, b.at(pb, b.bin("+", b.bin("*", b.var("kk"), b.lit(d.n)), b.var("j"))), a.precision)
    update = b.set(sums(), _warp_step(b, sums(), b.var("x", a.held), y, a.precision))
    body = [N.VarDecl("sums", Array(sum_type, d.n), "private", None, loc=b.loc),
            b.loop("j", d.n, [b.set(sums(), b.cast(in_row(pc), sum_type))]),
            b.loop("kk", a.k, [b.let("x", x, a.held), b.loop("j", d.n, [update], unroll=1)]),
            b.loop("j", d.n, [b.set(in_row(pd), b.cast(sums(), d.elem))])]
    return b.function(name, params, [b.loop("i", d.m, body)])


_HELPERS = {"fill": _fill, "load": _load_store, "store": _load_store, "mma": _mma, "to_tf32": _to_tf32,
            "warp_fill": _warp_fill, "warp_load": _warp_load_store, "warp_store": _warp_load_store,
            "warp_mma": _warp_mma}


def helper_name(op: N.MatrixOp) -> str:
    """A readable name that tells every helper apart: cutrans_wmma_mma_m16n16k8_tf32_f32..."""
    if op.op == "to_tf32":
        return "cutrans_wmma_to_tf32"
    frag = op.frags[0]
    parts = [op.op, frag.use if not op.op.endswith("mma") else "", frag.shape, op.layout or frag.layout]
    parts += [f.precision for f in op.frags]
    return "_".join(["cutrans_wmma"] + [p for p in parts if p])


# -- the pass ---------------------------------------------------------------------------------------

def _replace(node: Node, made: dict, order: list) -> None:
    for field, kind in node._fields:
        value = getattr(node, field)
        if kind == "list":
            setattr(node, field, [_lowered(v, made, order) for v in value])
            for v in getattr(node, field):
                _replace(v, made, order)
        elif kind == "child" and value is not None:
            setattr(node, field, _lowered(value, made, order))
            _replace(getattr(node, field), made, order)


def _lowered(node, made: dict, order: list):
    if not isinstance(node, N.MatrixOp):
        return node
    name = helper_name(node)
    if name not in made:
        made[name] = _HELPERS[node.op](_Builder(node.loc), node, name)
        order.append(name)
    return N.Call(name, node.args, node.type, loc=node.loc)


def lower_matrix_ops(module: N.Module) -> N.Module:
    if not any(isinstance(n, N.MatrixOp) for n in walk(module)):
        return module
    made, functions = {}, []
    for f in module.functions:
        order: list = []
        _replace(f, made, order)
        functions += [made[name] for name in order] + [f]   # each helper just before its first caller, in
    module.functions = functions                            # order of use, where the frontend puts callees
    return module
