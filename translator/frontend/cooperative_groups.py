"""Cooperative groups: libclang cursors -> existing IR.

A group object has no state in the IR: a variable of a group type disappears, and each use of it
(a member call, or a group passed to `cg::sync`/`cg::reduce`/`cg::tiled_partition`) is rewritten
from what the group is, which the frontend reads from the variable's initializer:

    this_thread_block()          the block: rank = the linear thread id, size = the block's threads
    tiled_partition<N>(parent)   a tile of N threads (a power of two up to the warp): rank = id % N,
    tiled_partition(parent, n)   lanes = an aligned range of one warp, so its shuffles and votes are
                                 `WarpOp`s with the tile's lane mask and width N
    tiled_partition<N>(parent)   a multi-warp tile (N = 64, 128, 256 or 512 consecutive threads, CUDA 11.1+):
      with N > 32                rank = id % N; sync() is a block barrier; reduce, shfl, any and all go
                                 through `block_shfl` WarpOps (an exchange between any two threads of the
                                 block, lowered like the warp's: every thread of the block must reach it)
    this_thread_block(scratch)   the block; CUDA's `__shared__ block_tile_memory<N> scratch` that multi-warp
                                 tiles communicate through has no IR: the lowering keeps its own scratch
    a group parameter            a device function given groups is made once per set of groups given
                                 (`f_tile32`, `f_block`); there the parameter is the group its callers
                                 pass, and the call passes nothing for it (cuda-samples reduction's
                                 `cg_reduce_n(v, tile)`)
    this_grid()                  the grid: rank and size only; its sync() is refused (blocks of a
                                 translated grid are never known to be co-resident)
    coalesced_threads()          the calling thread alone (warning L012): rank 0, size 1, a shuffle
                                 returns the caller's value, a vote its own predicate. Which threads of a
                                 warp run together in divergent code is the hardware's choice, and CUDA
                                 lets each run alone (independent thread scheduling); of the groupings
                                 CUDA allows, this is the one every target and the emulation compute
                                 alike, so code written for any grouping (aggregated atomics) computes
                                 the same numbers, and a result that depends on the grouping shows in verify

`cg::reduce(tile, v, op)` is a butterfly of xor shuffles (offsets N/2 ... 1), the order in which the
reference emulation (runtime_shims/emulate/include/cooperative_groups/reduce.h) combines values, so
floating-point results agree bit for bit. Over a multi-warp tile it is CUDA's two stages
(cooperative_groups/details/reduce.h): each warp's butterfly, then a butterfly over the tile's W = N/32
warp results (lane 0's), of which warp k of the tile gets the value its lane k would compute. Nothing here needs CUDA's own headers: runtime_shims/include declares them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import clang.cindex as ci

from translator.diagnostics import CutransError, Diagnostic, Severity, error
from translator.frontend import program_operators
from translator.frontend.namespaces import in_namespace
from translator.ir import nodes as N
from translator.ir.builtins import WARP_LANES
from translator.ir.types import BOOL, U32, Scalar

K = ci.CursorKind
NAMESPACE = "cooperative_groups"
I32, U64 = Scalar("i32"), Scalar("u64")
UNSUPPORTED = "L003"


@dataclass(frozen=True)
class Group:
    kind: str                         # "block" | "tile" | "grid" | "coalesced"
    width: int = 0                    # tiles: the number of threads
    parent: "Group | None" = None     # tiles: the group they were cut from


    @property
    def multi_warp(self) -> bool:
        return self.kind == "tile" and self.width > WARP_LANES


BLOCK, GRID, COALESCED = Group("block"), Group("grid"), Group("coalesced")
MAX_TILE = 512                        # CUDA's largest multi-warp tile
COALESCED_CODE = "L012"
MULTI_WARP_CODE = "L013"


# -- recognising cooperative-groups cursors -----------------------------------------------------------

def _in_namespace(cursor) -> bool:
    return in_namespace(cursor, NAMESPACE)


def is_group_call(c) -> bool:
    """A call of a cooperative-groups function or of a member of a group."""
    return c.kind == K.CALL_EXPR and c.referenced is not None and \
        c.referenced.kind in (K.FUNCTION_DECL, K.CXX_METHOD, K.FUNCTION_TEMPLATE) and _in_namespace(c.referenced)


def is_group_type(ctype) -> bool:
    decl = ctype.get_canonical().get_declaration()
    return decl is not None and decl.kind in (K.CLASS_DECL, K.STRUCT_DECL) and _in_namespace(decl) and \
        decl.spelling in ("thread_group", "thread_block", "grid_group", "thread_block_tile", "coalesced_group")


def mangled_type(ctype) -> str | None:
    """A group type's part of a template instance's name (`tile32`, `thread_block`), the same whichever
    headers declare it (CUDA's add an inline namespace and a parent type); None for any other type."""
    if not is_group_type(ctype):
        return None
    width = _TILE_TYPE.search(ctype.get_canonical().spelling)
    return f"tile{width.group(1)}" if width else ctype.get_canonical().get_declaration().spelling


def is_tile_memory(ctype) -> bool:
    """CUDA's `block_tile_memory<N>`, the scratch a thread block hands to multi-warp tiles."""
    decl = ctype.get_canonical().get_declaration()
    return decl is not None and decl.spelling == "block_tile_memory" and _in_namespace(decl)


def _strip(c):
    """The expression under parentheses, implicit casts, copies and conversions (CUDA's own headers wrap a
    `tiled_partition<N>(g)` result in a conversion operator; the stand-in headers do not)."""
    while True:
        kids = list(c.get_children())
        ref = c.referenced.kind if c.kind == K.CALL_EXPR and c.referenced is not None else None
        if c.kind in (K.UNEXPOSED_EXPR, K.PAREN_EXPR) and len(kids) == 1:
            c = kids[0]
        elif ref == K.CONSTRUCTOR and len(kids) == 1:
            c = kids[0]
        elif ref == K.CONVERSION_FUNCTION and len(kids) == 1 and kids[0].kind == K.MEMBER_REF_EXPR:
            c = next(kids[0].get_children())
        else:
            return c


# -- what a group expression denotes ------------------------------------------------------------------

def group_of(fl, c) -> Group:
    """The group that expression `c` (a group variable or a call that makes a group) denotes."""
    c = _strip(c)
    if c.kind == K.DECL_REF_EXPR and c.referenced is not None and c.referenced.kind == K.VAR_DECL:
        init = [k for k in c.referenced.get_children() if k.kind.is_expression() or k.kind == K.UNEXPOSED_EXPR]
        if not init:
            fl.fail(c, UNSUPPORTED, f"group '{c.spelling}' has no initializer the translator can follow")
        return group_of(fl, init[-1])
    if c.kind == K.DECL_REF_EXPR and c.referenced is not None and c.referenced.kind == K.PARM_DECL:
        passed = getattr(fl, "passed_groups", {})          # _Refusal has none
        position = next((i for i, p in enumerate(fl.fn.get_arguments()) if p == c.referenced), None) \
            if passed else None
        if position not in passed:
            fl.fail(c, UNSUPPORTED, f"group parameter '{c.spelling}': only a device function called with a group "
                                    f"the translator can follow may take one")
        return passed[position]
    if c.kind == K.CALL_EXPR and c.spelling in _MAKERS:
        return _MAKERS[c.spelling](fl, c)
    fl.fail(c, UNSUPPORTED, "this cooperative-groups expression is not supported; name the group through a "
                            "variable initialized by this_thread_block() or tiled_partition()")


def passed_groups(fl, call) -> dict[int, Group]:
    """The groups that a call of a device function passes, by argument position. A group has no state in
    the IR, so the callee is lowered once per set of groups passed to it (`instance_suffix` tells them
    apart), with each group parameter standing for the group its callers pass."""
    return {i: group_of(fl, a) for i, a in enumerate(call.get_arguments()) if is_group_type(a.type)}


def instance_suffix(groups: dict[int, Group]) -> str:
    """`_tile32`, `_block_tile64`...: the part of a callee's name that says which groups it was given."""
    return "".join(f"_{_tag(g)}" for _, g in sorted(groups.items()))


def _tag(g: Group) -> str:
    if g.kind != "tile":
        return g.kind
    return f"tile{g.width}" if g.parent.kind == "block" else f"{_tag(g.parent)}_tile{g.width}"


def _tiled_partition(fl, c) -> Group:
    args = list(c.get_arguments())
    parent = group_of(fl, args[0])
    if len(args) == 2:
        from translator.frontend.lower import evaluate
        width = evaluate(args[1])
        if width is None:
            fl.fail(args[1], UNSUPPORTED, "tiled_partition(group, n) needs a size known at compile time")
    else:
        width = _template_width(c)
        if width is None:
            fl.fail(c, UNSUPPORTED, "cannot read the tile size of this tiled_partition<N>")
    width = int(width)
    if width < 1 or width > MAX_TILE or width & (width - 1) or (len(args) == 2 and width > WARP_LANES):
        fl.fail(c, UNSUPPORTED, f"a tile of {width} threads: tiles must be a power of two no larger than "
                                f"{WARP_LANES}, or tiled_partition<N> with N = 64, 128, 256 or {MAX_TILE}")
    if parent.kind == "grid" or (parent.kind == "tile" and parent.width % width):
        fl.fail(c, UNSUPPORTED, "tiles must be cut from the thread block or from a larger tile")
    if width > WARP_LANES:
        _note(fl, c, MULTI_WARP_CODE, f"a tile of {width} threads spans {width // WARP_LANES} warps: its sync() is "
                                      f"a block barrier and its collectives are exchanges through the block, which "
                                      f"every thread of the block must reach (CUDA asks it of the tile's threads)")
    return Group("tile", width, parent)


def _note(fl, c, code: str, message: str, severity=Severity.NOTE) -> None:
    """A diagnostic at `c`, once however often the templates around it are instantiated (none where a
    group is only looked at, through _Refusal)."""
    if fl is _Refusal:
        return
    found = Diagnostic(severity, code, message, *fl.where(c))
    if found not in fl.m.diagnostics:
        fl.m.diagnostics.append(found)


_TILE_TYPE = re.compile(r"thread_block_tile<(\d+)U?[,>]")   # CUDA's headers add the parent type


def _template_width(c):
    """N of `thread_block_tile<N>`, the type of a tiled_partition<N>(...) call."""
    m = _TILE_TYPE.search(c.type.get_canonical().spelling)
    return int(m.group(1)) if m else None


def _coalesced(fl, c) -> Group:
    return COALESCED


_MAKERS = {
    "this_thread_block": lambda fl, c: BLOCK,
    "this_grid": lambda fl, c: GRID,
    "tiled_partition": _tiled_partition,
    "coalesced_threads": _coalesced,
}


# -- IR for the properties of a group -----------------------------------------------------------------

# Integer conversion rank for the usual arithmetic conversions between the types the lowering mixes.
_RANK = {"i32": 1, "u32": 2, "i64": 3, "u64": 4}


class _Ir:
    def __init__(self, loc):
        self.loc = loc

    def reg(self, name, dim="", ty=U32):
        return N.SpecialReg(name, dim, ty, loc=self.loc)

    def lit(self, value, ty=U32):
        return N.IntLit(value, ty, loc=self.loc)

    def bin(self, op, a, b):
        """a op b after C's usual arithmetic conversions (as clang would write them), so the IR is typed as
        if the expression had been parsed: a literal takes the wider type itself, anything else is converted."""
        ty = a.type
        if a.type != b.type:
            ty = max(a.type, b.type, key=lambda t: _RANK.get(getattr(t, "name", ""), 0))
            a, b = self.widen(a, ty), self.widen(b, ty)
        return N.BinOp(op, a, b, ty, loc=self.loc)

    def widen(self, e, ty):
        if e.type == ty:
            return e
        if isinstance(e, N.IntLit):
            return N.IntLit(e.value, ty, loc=e.loc)
        return N.Cast(e, True, ty, loc=self.loc)

    def cast(self, e, ty):
        return e if e.type == ty else N.Cast(e, False, ty, loc=self.loc)

    def block_rank(self):
        x, y, z = (self.cast(self.reg("block_idx", d), U64) for d in "xyz")
        gx, gy = (self.cast(self.reg("grid_dim", d), U64) for d in "xy")
        return self.bin("+", x, self.bin("*", gx, self.bin("+", y, self.bin("*", gy, z))))

    def num_blocks(self):
        gx, gy, gz = (self.cast(self.reg("grid_dim", d), U64) for d in "xyz")
        return self.bin("*", self.bin("*", gx, gy), gz)

    def rank(self, g: Group):
        if g.kind == "coalesced":
            return self.lit(0)
        if g.kind == "block":
            return self.reg("thread_linear")
        if g.kind == "tile":                 # parent rank % N == linear id % N: every tile size divides 32
            return self.bin("&", self.reg("thread_linear"), self.lit(g.width - 1))
        threads = self.cast(self.reg("block_threads"), U64)
        return self.bin("+", self.bin("*", self.block_rank(), threads), self.cast(self.reg("thread_linear"), U64))

    def size(self, g: Group):
        if g.kind == "coalesced":
            return self.lit(1)
        if g.kind == "block":
            return self.reg("block_threads")
        if g.kind == "tile":
            return self.lit(g.width)
        return self.bin("*", self.num_blocks(), self.cast(self.reg("block_threads"), U64))

    def lane_shift(self, g: Group):
        """The first lane of the caller's tile within its warp: id & (32 - N)."""
        return self.bin("&", self.reg("thread_linear"), self.lit(WARP_LANES - g.width))

    def mask(self, g: Group):
        if g.width == WARP_LANES:
            return self.lit(0xFFFFFFFF)
        return self.bin("<<", self.lit((1 << g.width) - 1), self.lane_shift(g))


def tile_rank_and_mask(width: int, loc) -> tuple:
    """(the caller's rank, its lanes' mask) in the aligned tile of `width` threads (up to a warp) it is in; CUB's
    logical warps are such tiles too (frontend/cub_warp.py)."""
    ir, tile = _Ir(loc), Group("tile", width)
    return ir.rank(tile), ir.mask(tile)


class _Refusal:
    """Stands in for a function lowerer where a group is only looked at: a problem raises CutransError."""

    @staticmethod
    def fail(c, code, message):
        raise CutransError(error(code, message))


# Tile members some HIP releases lack (Debian's HIP 5.2): the HIP backend calls their twins in
# runtime_shims/hip/cutrans_hip_compat.h, passing what the HIP tile does not know (its parent's size).
HIP5_MISSING_TILE_MEMBERS = ("ballot", "any", "all", "meta_group_rank", "meta_group_size")


def tile_parent_width(c) -> int | None:
    """For an expression naming a tile: the number of threads of the group it was cut from (0 for the thread
    block, whose size is known only at run time); None when `c` is not a tile the translator can follow."""
    try:
        g = group_of(_Refusal, c)
    except CutransError:
        return None
    return _width_as_parent(g.parent) if g.kind == "tile" else None


def _width_as_parent(group: Group) -> int | None:
    """What the HIP compat twins are told of a tile's parent: its width, 0 for the block, None otherwise."""
    return group.width if group.kind == "tile" else 0 if group.kind == "block" else None


def dependent_member_object(c):
    """The object of `c` when `c` is a member call whose type depends on a template parameter (libclang gives
    such a call and its member reference no name): `t` of `t.meta_group_rank()` in a template; else None."""
    children = list(c.get_children())
    if c.spelling or not children or children[0].kind != K.MEMBER_REF_EXPR or children[0].spelling:
        return None
    objects = [k for k in children[0].get_children() if k.kind == K.DECL_REF_EXPR]
    return objects[0] if objects else None


def dependent_tile_parent_width(c) -> int | None:
    """tile_parent_width for a variable initialized by `tiled_partition<N>(parent)` with N a template
    parameter (its size differs between instances; the group it is cut from does not). The parent may be
    the block made from a scratch whose type depends on one too (`this_thread_block(scratch)`)."""
    made = _dependent_maker(c)
    if made is None or made[0] != "tiled_partition" or len(made[1]) != 1:
        return None
    parent = made[1][0]
    block = _dependent_maker(_strip(parent))
    if block is not None:
        return 0 if block[0] == "this_thread_block" else None
    try:
        return _width_as_parent(group_of(_Refusal, parent))
    except CutransError:
        return None


def _dependent_maker(c):
    """(name, arguments) of the call that initializes variable `c` where libclang leaves the call unresolved
    (its arguments depend on a template parameter), else None."""
    if c.kind != K.DECL_REF_EXPR or c.referenced is None or c.referenced.kind != K.VAR_DECL:
        return None
    init = [k for k in c.referenced.get_children() if k.kind == K.CALL_EXPR and not k.spelling]
    if len(init) != 1:
        return None
    callee, *args = init[0].get_children()
    names = [k.spelling for k in callee.get_children() if k.kind == K.OVERLOADED_DECL_REF]
    return (names[0], args) if len(names) == 1 else None


# -- calls ----------------------------------------------------------------------------------------------

def member_object(c):
    """The object of a member call `g.f(...)`."""
    callee = next(c.get_children())
    if callee.kind == K.UNEXPOSED_EXPR:        # a static member called through an object (CUDA's headers)
        callee = next(callee.get_children())
    return next(k for k in callee.get_children() if not k.kind.is_reference())


def _need(fl, c, g: Group, kinds: tuple, what: str):
    if g.kind not in kinds:
        fl.fail(c, UNSUPPORTED, f"'{what}' of a {_KIND_NAMES[g.kind]} is not supported")


_KIND_NAMES = {"block": "thread block", "tile": "tile", "grid": "grid group", "coalesced": "coalesced group"}


def _member_rank(fl, c, g, ir, args):
    return ir.rank(g)


def _member_size(fl, c, g, ir, args):
    return ir.size(g)


def _meta_rank(fl, c, g, ir, args):
    _need(fl, c, g, ("tile",), "meta_group_rank")
    return ir.cast(ir.bin("/", ir.rank(g.parent), ir.lit(g.width)), U32)     # unsigned int, as in CUDA 12-13


def _meta_size(fl, c, g, ir, args):
    _need(fl, c, g, ("tile",), "meta_group_size")
    size = ir.size(g.parent)
    return ir.cast(ir.bin("/", ir.bin("+", size, ir.lit(g.width - 1, size.type)), ir.lit(g.width, size.type)), U32)


def _block_rank(fl, c, g, ir, args):
    _need(fl, c, g, ("grid",), "block_rank")
    return ir.block_rank()


def _num_blocks(fl, c, g, ir, args):
    _need(fl, c, g, ("grid",), "num_blocks")
    return ir.num_blocks()


def _operand(fl, ir, arg, want):
    """A tile operation's operand as the warp intrinsic takes it; a constant lane operand becomes a literal of
    the intrinsic's type (not the member's: CUDA declares shfl_xor's lane mask unsigned, __shfl_xor_sync's int)."""
    if want != U32 and want != I32:
        return fl.expr(arg, want=want)
    from translator.frontend.lower import evaluate
    value = evaluate(arg)
    return ir.lit(int(value), want) if value is not None and value == int(value) else fl.expr(arg, want=want)


def _warp(op: str, roles: tuple):
    """A tile operation: WarpOp `op` with the tile's mask, the call's operands and the tile's width."""
    def lower(fl, c, g, ir, args):
        _need(fl, c, g, ("tile", "coalesced"), c.spelling)
        ty = fl.type_of(c)
        if g.kind == "coalesced":
            return _alone(fl, ir, op, args[0], ty)
        if g.multi_warp:
            return _multi_warp_op(fl, c, g, ir, op, args, ty)
        operands = [_operand(fl, ir, a, ty if role == "value" else Scalar(role)) for a, role in zip(args, roles)]
        width = [ir.lit(g.width, I32)] if op.startswith("shfl") else []
        result = N.WarpOp(op, [ir.mask(g)] + operands + width, ty if op != "ballot" else U32, loc=ir.loc)
        if op == "ballot" and g.width != WARP_LANES:      # bit i stands for the tile's rank i
            return ir.bin(">>", result, ir.lane_shift(g))
        return result
    return lower


def _alone(fl, ir, op: str, arg, ty):
    """A warp operation of a group of one thread: a shuffle gives the caller's value back, a vote its own
    predicate (ballot: bit 0, the caller's rank)."""
    if op.startswith("shfl"):
        return fl.expr(arg, want=ty)
    return ir.cast(N.BinOp("!=", fl.expr(arg, want=I32), ir.lit(0, I32), BOOL, loc=ir.loc), ty)


def _multi_warp_op(fl, c, g, ir, op, args, ty):
    """shfl, any and all of a tile of several warps (the members CUDA gives such tiles): a shuffle reads
    the tile's thread `src % N` through the block; a vote is the tile's reduction of `pred != 0` with
    bit_or (any) or bit_and (all), which gives CUDA's 0 or 1."""
    if op == "shfl_idx":
        src = ir.bin("&", ir.cast(_operand(fl, ir, args[1], U32), U32), ir.lit(g.width - 1))
        first = ir.bin("&", ir.reg("thread_linear"), ir.lit(~(g.width - 1) & 0xFFFFFFFF))
        return block_shuffle(fl.expr(args[0], want=ty), ir.bin("+", first, src), ir.loc)
    if op in ("any", "all"):
        pred = ir.cast(N.BinOp("!=", fl.expr(args[0], want=I32), ir.lit(0, I32), BOOL, loc=ir.loc), I32)
        vote = "bit_or" if op == "any" else "bit_and"
        return ir.cast(_reduce_call(fl, ir, (vote, _OPERATORS[vote]), I32, pred, g), ty)
    fl.fail(c, UNSUPPORTED, f"'{c.spelling}' of a tile of {g.width} threads: CUDA gives tiles larger than a warp "
                            f"only sync, shfl, any, all and the reductions")


def block_shuffle(value, thread, loc) -> N.WarpOp:
    """The value that the block's thread `thread` (a linear id) passes; its own where there is none."""
    return N.WarpOp("block_shfl", [value, thread], value.type, loc=loc)


def _reduce(fl, c, g, ir, args):
    """`cg::reduce(tile, v, op)` -> a call of a device function the module gets once per (op, type, N):
    v = op(v, shfl_xor(v, o)) for o = N/2 ... 1, the order of the emulation's reduce. Its warp
    operations reach the kernel the way those of any device function do (passes/lower_warp_ops.py).
    `op` is one of cg's operators, or a program's functor or device function (frontend/program_operators.py);
    a struct value is shuffled whole."""
    _need(fl, c, g, ("tile", "coalesced"), "reduce")
    ty = fl.type_of(c)
    if g.kind == "coalesced":                    # one value: nothing to combine
        return fl.expr(args[0], want=ty)
    op = _operator_name(args[1])
    if op in _OPERATORS:
        return _reduce_call(fl, ir, (op, _OPERATORS[op]), ty, fl.expr(args[0], want=ty), g)
    spelling = c.type.get_canonical().spelling.removeprefix("const ")
    key, make = program_operators.combine_of(fl, args[1], ty, spelling, "cg::reduce",
                                             "cg::plus, less, greater, bit_and, bit_or or bit_xor")
    return _reduce_call(fl, ir, (key, lambda ir_, a, b, t: make(a, b, t, ir_.loc)), ty, fl.expr(args[0], want=ty), g)


def _reduce_call(fl, ir, op: tuple, ty, value, g: Group) -> N.Call:
    """A call of the module's reduction of `g` with `op` (its name, its combine(ir, a, b, ty)) on `ty` (made on
    first use)."""
    name = f"cutrans_cg_reduce_{op[0]}_{ty.name}_{g.width}"
    if name not in fl.m.done:
        make = _multi_warp_reduce_function if g.multi_warp else _reduce_function
        fl.m.done[name] = make(name, op[1], ty, g, _Ir(ir.loc))
        fl.m.order.append(name)
    return N.Call(name, [value] if g.multi_warp else [value, ir.mask(g)], ty, loc=ir.loc)


def _butterfly(ir: "_Ir", combine, v, widths: range, exchange, prefix: str) -> list:
    """`T <prefix>o = exchange(v, o); v = op(v, <prefix>o);` for each offset o of `widths`."""
    steps = []
    for offset in widths:
        other = N.VarRef(f"{prefix}{offset}", v.type, loc=ir.loc)
        steps += [N.VarDecl(other.name, v.type, "private", exchange(offset), loc=ir.loc),
                  N.ExprStmt(N.Assign("=", v, combine(ir, v, other, v.type), v.type, loc=ir.loc), loc=ir.loc)]
    return steps


def _halvings(n: int) -> list:
    return [n >> k for k in range(1, n.bit_length())]      # n/2, n/4, ..., 1


def _reduce_function(name: str, combine, ty, g: Group, ir: "_Ir") -> N.Function:
    """`T name(T v, unsigned mask) { T other16 = shfl_xor(mask, v, 16, N); v = op(v, other16); ...; return v; }`"""
    v, mask = N.VarRef("v", ty, loc=ir.loc), N.VarRef("mask", U32, loc=ir.loc)
    steps = _butterfly(ir, combine, v, _halvings(g.width), lambda o: N.WarpOp(
        "shfl_xor", [mask, v, ir.lit(o, I32), ir.lit(g.width, I32)], ty, loc=ir.loc), "other")
    body = N.Block(steps + [N.Return(v, loc=ir.loc)], loc=ir.loc)
    params = [N.Param("v", ty, loc=ir.loc), N.Param("mask", U32, loc=ir.loc)]
    return N.Function(name, "device", ty, params, body, loc=ir.loc)


def _multi_warp_reduce_function(name: str, combine, ty, g: Group, ir: "_Ir") -> N.Function:
    """`T name(T v)`: the warp's butterfly; then lane 0's result of each warp, and a butterfly over the W
    warps of the tile, each step reading the same lane of the warp `o` away (thread t ^ 32*o)."""
    v, t = N.VarRef("v", ty, loc=ir.loc), ir.reg("thread_linear")
    steps = _butterfly(ir, combine, v, _halvings(WARP_LANES), lambda o: N.WarpOp(
        "shfl_xor", [ir.lit(0xFFFFFFFF), v, ir.lit(o, I32), ir.lit(WARP_LANES, I32)], ty, loc=ir.loc), "other")
    lane0 = block_shuffle(v, ir.bin("&", t, ir.lit(~(WARP_LANES - 1) & 0xFFFFFFFF)), ir.loc)
    steps.append(N.ExprStmt(N.Assign("=", v, lane0, ty, loc=ir.loc), loc=ir.loc))
    steps += _butterfly(ir, combine, v, _halvings(g.width // WARP_LANES), lambda o: block_shuffle(
        v, ir.bin("^", t, ir.lit(o * WARP_LANES)), ir.loc), "warp")
    body = N.Block(steps + [N.Return(v, loc=ir.loc)], loc=ir.loc)
    return N.Function(name, "device", ty, [N.Param("v", ty, loc=ir.loc)], body, loc=ir.loc)


def _operator_name(c) -> str:
    decl = _strip(c).type.get_canonical().get_declaration()
    return decl.spelling if decl is not None and _in_namespace(decl) else ""


def _select(op):
    """less: b < a ? b : a;  greater: a < b ? b : a (the emulation's operators, NaN handling included)."""
    def combine(ir, a, b, ty):
        if op == "min":
            return N.Conditional(N.BinOp("<", b, a, BOOL, loc=ir.loc), b, a, ty, loc=ir.loc)
        return N.Conditional(N.BinOp("<", a, b, BOOL, loc=ir.loc), b, a, ty, loc=ir.loc)
    return combine


def _arith(op):
    return lambda ir, a, b, ty: N.BinOp(op, a, b, ty, loc=ir.loc)


_OPERATORS = {"plus": _arith("+"), "bit_and": _arith("&"), "bit_or": _arith("|"), "bit_xor": _arith("^"),
              "less": _select("min"), "greater": _select("max")}

# member or free function -> how it lowers: f(fl, call cursor, group, ir, the other arguments)
_CALLS = {
    "thread_rank": _member_rank,
    "size": _member_size,
    "num_threads": _member_size,
    "group_size": _member_size,
    "meta_group_rank": _meta_rank,
    "meta_group_size": _meta_size,
    "block_rank": _block_rank,
    "num_blocks": _num_blocks,
    "shfl": _warp("shfl_idx", ("value", "i32")),
    "shfl_down": _warp("shfl_down", ("value", "u32")),
    "shfl_up": _warp("shfl_up", ("value", "u32")),
    "shfl_xor": _warp("shfl_xor", ("value", "i32")),
    "any": _warp("any", ("i32",)),
    "all": _warp("all", ("i32",)),
    "ballot": _warp("ballot", ("i32",)),
    "reduce": _reduce,
}


def _split(c):
    """(group expression, other arguments) of a member call `g.f(a...)` or a free call `f(g, a...)`."""
    if c.referenced.kind == K.CXX_METHOD:
        return member_object(c), list(c.get_arguments())
    args = list(c.get_arguments())
    if not args:
        return None, []
    return args[0], args[1:]


def lower_call(fl, c) -> N.Expr:
    """The IR of a cooperative-groups call used as a value."""
    name = c.spelling
    if name in _MAKERS:
        group_of(fl, c)            # refuses what cannot be made; a group as a value has no IR
        fl.fail(c, UNSUPPORTED, f"'{name}()' used other than to initialize a group variable is not supported")
    if name == "sync":
        fl.fail(c, "L001", "'sync' must be used as a statement")
    if name not in _CALLS:
        fl.fail(c, "L002", f"cooperative-groups function '{name}' is not supported in device code yet")
    target, args = _split(c)
    group = group_of(fl, target)
    ir = _Ir(fl.loc(c))
    result = _CALLS[name](fl, c, group, ir, args)
    # typed as the header declares the call (clang converted the operands around it to that type)
    ty = fl.type_of(c)
    return ir.widen(result, ty) if isinstance(ty, Scalar) and isinstance(result.type, Scalar) else result


def statement(fl, c):
    """The IR of `g.sync()` / `cg::sync(g)` used as a statement; None for any other call."""
    if c.kind != K.CALL_EXPR or c.spelling != "sync" or not is_group_call(c):
        return None
    target, _ = _split(c)
    group = group_of(fl, target)
    loc = fl.loc(c)
    if group.kind == "block":
        return N.Barrier("block", loc=loc)
    if group.multi_warp:                         # its warps wait for each other: the block's barrier
        return N.Barrier("block", loc=loc)
    if group.kind == "tile":
        return N.ExprStmt(N.WarpOp("syncwarp", [_Ir(loc).mask(group)], Scalar("void"), loc=loc), loc=loc)
    if group.kind == "coalesced":                # the calling thread waits for itself
        return N.Block([], loc=loc)
    fl.fail(c, UNSUPPORTED, "grid-wide sync() cannot be translated: the blocks of a translated grid are not "
                            "guaranteed to run at the same time; split the kernel at this point")


def declare(fl, v) -> None:
    """A variable of a group type: check that the translator can follow what it denotes; no IR."""
    init = [k for k in v.get_children() if k.kind.is_expression() or k.kind == K.UNEXPOSED_EXPR]
    if not init:
        fl.fail(v, UNSUPPORTED, f"group '{v.spelling}' must be initialized where it is declared")
    if group_of(fl, init[-1]) == COALESCED:
        _note(fl, v, COALESCED_CODE, f"coalesced group '{v.spelling}' is translated as the calling thread alone "
                                     f"(rank 0, size 1): a grouping CUDA allows, as which threads run together is "
                                     f"the hardware's choice; a result that depends on the group's size differs "
                                     f"from a GPU's run", Severity.WARNING)


# The host side of an OpenCL or CPU translation: the directive that includes a cooperative-groups
# header (device-only declarations) becomes an empty namespace, so that the program's
# `namespace cg = cooperative_groups;` still compiles.
HOST_INCLUDES = {header: f"namespace {NAMESPACE} {{}}  /* cutrans: <{header}> is device-only */"
                 for header in ("cooperative_groups.h", "cooperative_groups/reduce.h", "cooperative_groups/scan.h")}
