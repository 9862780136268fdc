"""Tensor-core fragments in the IR: what a `wmma::fragment` is, as data.

A fragment names a tile of one operand of D = A x B + C: `use` says which (a: m x k, b: k x n,
acc: m x n), `precision` the element type the instruction computes in (tf32 loads floats and
multiplies in tf32) and `layout` how an a/b fragment was laid out in memory ("" for accumulators,
whose memory layout is an argument of each load and store).

The IR holds a fragment as a private array of `Fragment.storage` elements per thread. Which
elements a thread holds is the portable lowering's choice (passes/lower_matrix_ops.py), because CUDA
leaves the element-to-thread mapping unspecified: a/b fragments hold the whole tile, accumulators
hold one element in 32 (`lane + 32 * t`), so that the 32 threads of a warp compute each element of
D once. A program may touch `frag.x[i]` only in loops over `num_elements` that do the same to every
element (the frontend checks this), so no result depends on that choice.

`SHAPES` is the table CUDA defines: precision -> the (m, n, k) shapes it has, the input element
type and the accumulator types.
"""

from __future__ import annotations

import dataclasses

from translator.ir import nodes as N
from translator.ir.types import U32, Array, Scalar

WARP = 32


def lane(loc) -> N.Expr:
    """The thread's lane in its CUDA warp: its linear id within the block, mod 32."""
    return N.BinOp("&", N.SpecialReg("thread_linear", "", U32, loc=loc), N.IntLit(WARP - 1, U32, loc=loc), U32, loc=loc)


def warp_index(loc) -> N.Expr:
    """Which of its block's warps the thread is in: its linear id within the block, divided by 32."""
    return N.BinOp("/", N.SpecialReg("thread_linear", "", U32, loc=loc), N.IntLit(WARP, U32, loc=loc), U32, loc=loc)


@dataclasses.dataclass(frozen=True)
class Precision:
    inputs: str            # IR scalar type of a/b elements as stored in memory and in the fragment
    accumulators: tuple    # IR scalar types an accumulator may have
    shapes: tuple          # ((m, n, k), ...)


_HALF_SHAPES = ((16, 16, 16), (32, 8, 16), (8, 32, 16))
SHAPES = {
    "f16": Precision("f16", ("f32", "f16"), _HALF_SHAPES),
    "bf16": Precision("bf16", ("f32",), _HALF_SHAPES),
    "tf32": Precision("f32", ("f32",), ((16, 16, 8),)),
    "s8": Precision("i8", ("i32",), _HALF_SHAPES),
    "u8": Precision("u8", ("i32",), _HALF_SHAPES),
    "f64": Precision("f64", ("f64",), ((8, 8, 4),)),
}
# input precision -> the type its elements are multiplied in, where it is not the stored type: halves and
# bfloat16s convert to float exactly (a bfloat16 is a float's upper 16 bits), 8-bit integers to int
_MULTIPLIED = {"f16": "f32", "bf16": "f32", "s8": "i32", "u8": "i32"}


@dataclasses.dataclass(frozen=True)
class Fragment:
    use: str               # "a" | "b" | "acc"
    m: int
    n: int
    k: int
    precision: str         # a key of SHAPES for a/b; the accumulator's own scalar type name for acc
    layout: str = ""       # "row" | "col" for a/b; "" for acc

    @property
    def rows(self) -> int:
        return self.k if self.use == "b" else self.m

    @property
    def cols(self) -> int:
        return self.k if self.use == "a" else self.n

    @property
    def elem(self) -> Scalar:
        """The scalar type of one element as the fragment stores it."""
        return Scalar(self.precision if self.use == "acc" else SHAPES[self.precision].inputs)

    @property
    def per_thread(self) -> int:
        """How many elements each thread holds (the `num_elements` the program sees)."""
        tile = self.rows * self.cols
        return tile // WARP if self.use == "acc" else tile

    @property
    def storage(self) -> Array:
        return Array(self.elem, self.per_thread)

    @property
    def held(self) -> Scalar:
        """The scalar type an element is kept in where a whole warp's tile is stored once (the CPU target's
        per-warp ops, passes/warp_matrix_ops.py): a/b elements converted, exactly, to the type the multiply
        takes (halves as floats, 8-bit integers as int; tf32 stays the float it was loaded as, truncated
        by each mma), accumulators as themselves."""
        return self.elem if self.use == "acc" else Scalar(_MULTIPLIED.get(self.precision, self.elem.name))

    @property
    def tile(self) -> Array:
        """The storage of the whole tile, row-major, in `held` elements."""
        return Array(self.held, self.rows * self.cols)

    @property
    def shape(self) -> str:
        return f"m{self.m}n{self.n}k{self.k}"

    def __str__(self) -> str:
        layout = f", {self.layout}" if self.layout else ""
        return f"fragment<{self.use}, {self.shape}, {self.precision}{layout}>"
