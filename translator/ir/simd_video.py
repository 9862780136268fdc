"""CUDA's SIMD-within-a-word ("video") intrinsics as data: `__vaddss4`, `__vcmpgtu2`, `__vsads4`...

Each takes one or two `unsigned int` words, splits them into lanes (suffix 2: two 16-bit halfwords,
suffix 4: four bytes, lane 0 in the low bits), reads each lane as signed or unsigned, applies one lane
operation and packs the lanes back into an `unsigned int` (the `sad` operations sum them instead).
The semantics, from CUDA 13's crt/device_functions.h and the PTX video instructions behind them:

- `add`/`sub`/`neg`/`abs` wrap around (`__vabs4(0x80)` is 0x80); their `s`-saturated forms (`__vaddss4`,
  `__vaddus4`, `__vabsss4`, `__vnegss4`) clamp to the lane's signed or unsigned range.
- `avg` (`__vavgs`, `__vavgu`) rounds half away from zero: (a + b + 1) >> 1 for a non-negative sum,
  (a + b) >> 1 for a negative one; `hadd` (`__vhaddu`) truncates: (a + b) >> 1.
- `absdiff` is |a - b| computed without overflow, kept in the lane's bits (as unsigned).
- `cmp<pred>` gives an all-ones lane (0xff or 0xffff) where the predicate holds, else 0; `set<pred>`
  gives 1 per lane (CUDA's comments say "returns 1 if both parts compare", but vset2/vset4 and the
  software fallbacks of older CUDA releases set each lane to 0 or 1).
- `sad` is the sum over the lanes of |a - b|, an unsigned int.

Every function here is exact: each backend must reproduce it bit for bit. builtins.MATH maps each CUDA
name to the IR math function of the same name without the underscores (`vaddss4`) on `u32`.
"""

from __future__ import annotations

from dataclasses import dataclass

# How a lane's result (an int holding the exact value) goes back into the word.
#   wrap: its low `bits` bits; sat: clamped to the lane's range first; mask: all ones if it is
#   non-zero; one: 1 if it is non-zero; sum: added to a running unsigned total (no packing).
STORES = ("wrap", "sat", "mask", "one", "sum")

_ABSDIFF = "x < y ? y - x : x - y"
_PREDICATES = {"eq": "x == y", "ne": "x != y", "ge": "x >= y", "gt": "x > y", "le": "x <= y", "lt": "x < y"}

# lane operation -> (C expression over the lane values x and y as ints, store, operand count)
LANE_OPS: dict[str, tuple[str, str, int]] = {
    "add": ("x + y", "wrap", 2), "adds": ("x + y", "sat", 2),
    "sub": ("x - y", "wrap", 2), "subs": ("x - y", "sat", 2),
    "hadd": ("(x + y) / 2", "wrap", 2),     # only unsigned: the sum is non-negative, so / 2 truncates as >> 1
    "avg": ("(x + y + (x + y < 0 ? -1 : 1)) / 2", "wrap", 2),    # / truncates: half away from zero
    "abs": ("x < 0 ? -x : x", "wrap", 1), "abss": ("x < 0 ? -x : x", "sat", 1),
    "neg": ("-x", "wrap", 1), "negs": ("-x", "sat", 1),
    "absdiff": (_ABSDIFF, "wrap", 2), "sad": (_ABSDIFF, "sum", 2),
    "min": ("x < y ? x : y", "wrap", 2), "max": ("x > y ? x : y", "wrap", 2),
    **{f"cmp{p}": (expr, "mask", 2) for p, expr in _PREDICATES.items()},
    **{f"set{p}": (expr, "one", 2) for p, expr in _PREDICATES.items()},
}

# CUDA's name without `__v` and the lane count -> (lane operation, are the lanes signed?). Where CUDA's
# name has no s/u (add, sub, eq, ne), the result does not depend on it: those read unsigned lanes.
_STEMS = {
    "abs": ("abs", True), "absss": ("abss", True), "neg": ("neg", True), "negss": ("negs", True),
    "add": ("add", False), "addss": ("adds", True), "addus": ("adds", False),
    "sub": ("sub", False), "subss": ("subs", True), "subus": ("subs", False),
    "haddu": ("hadd", False), "avgs": ("avg", True), "avgu": ("avg", False),
    "absdiffs": ("absdiff", True), "absdiffu": ("absdiff", False),
    "sads": ("sad", True), "sadu": ("sad", False),
    "mins": ("min", True), "minu": ("min", False), "maxs": ("max", True), "maxu": ("max", False),
    **{f"{kind}{p}": (f"{kind}{p}", False) for kind in ("cmp", "set") for p in ("eq", "ne")},
    **{f"{kind}{p}{s}": (f"{kind}{p}", s == "s") for kind in ("cmp", "set") for p in ("ge", "gt", "le", "lt")
       for s in "su"},
}
LANE_BITS = {"2": 16, "4": 8}     # CUDA's suffix (lanes per word) -> bits per lane


@dataclass(frozen=True)
class LaneOp:
    """One CUDA SIMD intrinsic: `cuda` applies `op` to `32 // bits` lanes read as `signed` or not."""
    cuda: str
    op: str
    bits: int
    signed: bool

    def __post_init__(self):
        assert self.op in LANE_OPS and self.bits in (8, 16), self
        assert LANE_OPS[self.op][1] in STORES, self

    @property
    def func(self) -> str:
        """The IR math function (`vaddss4`)."""
        return self.cuda[2:]

    @property
    def arity(self) -> int:
        return LANE_OPS[self.op][2]

    @property
    def lane_range(self) -> tuple[int, int]:
        """The smallest and largest value of a lane."""
        return (-(1 << (self.bits - 1)), (1 << (self.bits - 1)) - 1) if self.signed else (0, (1 << self.bits) - 1)


SIMD_VIDEO: dict[str, LaneOp] = {
    f"__v{stem}{lanes}": LaneOp(f"__v{stem}{lanes}", op, bits, signed)
    for stem, (op, signed) in _STEMS.items() for lanes, bits in LANE_BITS.items()
}
BY_FUNC: dict[str, LaneOp] = {op.func: op for op in SIMD_VIDEO.values()}
