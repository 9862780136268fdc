"""CUDA 12's DPX intrinsics as data: `__vimax3_s32`, `__viaddmin_s16x2_relu`, `__vibmax_u32`...

Each works on one 32-bit integer (`s32`: int, `u32`: unsigned int) or on the two 16-bit lanes of an
unsigned int (`s16x2`, `u16x2`: lane 0 in the low bits, read as signed or unsigned), and applies, lane by
lane (semantics from CUDA's crt/device_functions.hpp and the PTX instructions behind them, sm_90 and
the software forms of older archs agreeing):

- `max`/`min` of two operands, only with `_relu` (`__vimax_s32_relu`);
- `max3`/`min3`: max(max(a, b), c), min(min(a, b), c);
- `addmax`/`addmin` (`__viaddmax_s32`): max(a + b, c), the sum wrapping to the lane's width first
  (`__viaddmax_s32(INT_MAX, 1, 0)` is 0: the sum wraps to INT_MIN, which 0 exceeds);
- `bmax`/`bmin` (`__vibmax_s32(a, b, &p)`): max(a, b) or min(a, b), and a predicate per lane through a
  `bool *` (two for 16x2, high lane first): a >= b for bmax, a <= b for bmin, so a tie sets it;
- `_relu` (signed forms only): then max(result, 0).

Every function here is exact: each backend must reproduce it bit for bit. builtins.MATH maps each CUDA
name to the IR math function of the same name without the underscores (`vimax3_s32`), on `i32` for the
`s32` forms and `u32` for the others; the predicate pointers keep their own types.
"""

from __future__ import annotations

from dataclasses import dataclass

# lane type suffix -> (bits per lane, signed?)
LANE_TYPES = {"s32": (32, True), "u32": (32, False), "s16x2": (16, True), "u16x2": (16, False)}

# operation -> (operand count, first step `s` over lanes x, y (None: none), C expression of the result over
# x, y, z and s, the predicate's C expression or None). An `add` first step wraps to the lane's width.
OPS: dict[str, tuple[int, str | None, str, str | None]] = {
    "max": (2, None, "x > y ? x : y", None), "min": (2, None, "x < y ? x : y", None),
    "max3": (3, "x > y ? x : y", "s > z ? s : z", None), "min3": (3, "x < y ? x : y", "s < z ? s : z", None),
    "addmax": (3, "x + y", "s > z ? s : z", None), "addmin": (3, "x + y", "s < z ? s : z", None),
    "bmax": (2, None, "x >= y ? x : y", "x >= y"), "bmin": (2, None, "x <= y ? x : y", "x <= y"),
}
WRAPPED_STEPS = ("addmax", "addmin")

# CUDA's spelling of each operation (__vi<stem>_<type>[_relu]) and the lane types it comes in, with ReLU or not
_FORMS = {
    "max": ("max", (), ("s32", "s16x2")), "min": ("min", (), ("s32", "s16x2")),
    "max3": ("max3", tuple(LANE_TYPES), ("s32", "s16x2")), "min3": ("min3", tuple(LANE_TYPES), ("s32", "s16x2")),
    "addmax": ("addmax", tuple(LANE_TYPES), ("s32", "s16x2")),
    "addmin": ("addmin", tuple(LANE_TYPES), ("s32", "s16x2")),
    "bmax": ("bmax", tuple(LANE_TYPES), ()), "bmin": ("bmin", tuple(LANE_TYPES), ()),
}


@dataclass(frozen=True)
class DpxOp:
    """One CUDA DPX intrinsic: `cuda` applies `op` to the lanes of `lanes` (`s32`...), then ReLU if `relu`."""
    cuda: str
    op: str
    lanes: str
    relu: bool

    def __post_init__(self):
        assert self.op in OPS and self.lanes in LANE_TYPES, self
        assert not self.relu or self.signed, self

    @property
    def func(self) -> str:
        """The IR math function (`vimax3_s32`)."""
        return self.cuda[2:]

    @property
    def bits(self) -> int:
        return LANE_TYPES[self.lanes][0]

    @property
    def signed(self) -> bool:
        return LANE_TYPES[self.lanes][1]

    @property
    def arity(self) -> int:
        """The operands, without the predicate pointers."""
        return OPS[self.op][0]

    @property
    def predicates(self) -> int:
        """How many `bool *` operands follow: one per lane for bmax/bmin."""
        return 32 // self.bits if OPS[self.op][3] else 0

    @property
    def operand_type(self) -> str:
        """The IR type of the value operands (and of the result, but for the 16x2 forms' unsigned words)."""
        return "i32" if self.lanes == "s32" else "u32"


DPX: dict[str, DpxOp] = {
    f"__vi{stem}_{lanes}{'_relu' * relu}": DpxOp(f"__vi{stem}_{lanes}{'_relu' * relu}", op, lanes, relu)
    for op, (stem, plain, with_relu) in _FORMS.items()
    for relu, types in ((False, plain), (True, with_relu)) for lanes in types
}
BY_FUNC: dict[str, DpxOp] = {op.func: op for op in DPX.values()}
