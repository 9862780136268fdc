#!/usr/bin/env python3
"""How well models of tensor-core arithmetic reproduce what a GPU computed (docs/tensor_cores.md).

    python benchmarks/tensor_core_models.py FOLDER [--tiles 32]

FOLDER holds the fp16.bin, bf16.bin and tf32.bin that benchmarks/tensor_core_probe.cu wrote on an NVIDIA
GPU. For each element d = c + sum_k a_k * b_k of the first TILES tiles, every model computes d from the
same inputs (products of the inputs are exact in binary64 and summed as exact fractions), and the table
gives the share of elements each model reproduces bit for bit:

    sequential   c + p_0 + p_1 + ... in float, one rounding per step (the emulation and the translations)
    nearest      the exact sum rounded to float once, to nearest
    toward zero  the exact sum rounded to float once, toward zero
    aligned+2    the 17 terms aligned to the largest exponent among them, each truncated 2 bits below
                 float's 24, summed exactly, rounded toward zero (after Fasi et al., 2021)
"""

from __future__ import annotations

import argparse
import math
import struct
from fractions import Fraction
from pathlib import Path

import numpy as np

TYPES = {"fp16": "float16", "bf16": "bfloat16", "tf32": "float32"}


def load(path: Path, kind: str):
    raw = path.read_bytes()
    tiles, k, size = struct.unpack("3i", raw[:12])
    count, offset = tiles * 16 * k, 12

    def operand(at):
        if kind == "float16":
            return np.frombuffer(raw, np.float16, count, at).astype(np.float64)
        if kind == "bfloat16":
            return (np.frombuffer(raw, np.uint16, count, at).astype(np.uint32) << 16).view(np.float32).astype(np.float64)
        return np.frombuffer(raw, np.float32, count, at).astype(np.float64)
    a, b = operand(offset), operand(offset + count * size)
    offset += 2 * count * size
    c = np.frombuffer(raw, np.float32, tiles * 256, offset)
    d = np.frombuffer(raw, np.float32, tiles * 256, offset + tiles * 1024)
    return tiles, k, a.reshape(tiles, 16, k), b.reshape(tiles, 16, k), c.reshape(tiles, 16, 16), d.reshape(tiles, 16, 16)


def toward_zero(x: Fraction) -> np.float32:
    f = np.float32(float(x))
    if abs(Fraction(float(f))) > abs(x):
        f = np.nextafter(f, np.float32(0))
    return f


def aligned(terms: list[Fraction], extra: int = 2) -> np.float32:
    nonzero = [t for t in terms if t]
    if not nonzero:
        return np.float32(0)
    top = max(math.frexp(float(abs(t)))[1] - 1 for t in nonzero)
    unit = Fraction(2) ** (top - 23 - extra)
    return toward_zero(sum(math.trunc(t / unit) for t in terms) * unit)


def sequential(c: float, products) -> np.float32:
    acc = np.float32(c)
    for p in products:
        acc = np.float32(acc + np.float32(p))
    return acc


MODELS = {
    "sequential": lambda c, ps, exact: sequential(c, ps),
    "nearest": lambda c, ps, exact: np.float32(float(exact)),
    "toward zero": lambda c, ps, exact: toward_zero(exact),
    "aligned+2": lambda c, ps, exact: aligned([Fraction(float(c))] + [Fraction(p) for p in ps]),
}


def shares(path: Path, kind: str, tiles: int) -> dict[str, float]:
    count, k, a, b, c, d = load(path, kind)
    hits = dict.fromkeys(MODELS, 0)
    total = 0
    for t in range(min(tiles, count)):
        for i in range(16):
            for j in range(16):
                products = [a[t, i, kk] * b[t, j, kk] for kk in range(k)]
                exact = Fraction(float(c[t, i, j])) + sum(Fraction(p) for p in products)
                total += 1
                for name, model in MODELS.items():
                    hits[name] += model(c[t, i, j], products, exact) == d[t, i, j]
    return {name: n / total for name, n in hits.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--tiles", type=int, default=32, help="tiles per type (256 elements each)")
    args = parser.parse_args(argv)
    print(f"{'model':<12}  " + "  ".join(f"{name:>6}" for name in TYPES))
    results = {name: shares(args.folder / f"{name}.bin", kind, args.tiles) for name, kind in TYPES.items()}
    for model in MODELS:
        print(f"{model:<12}  " + "  ".join(f"{results[name][model]:>6.1%}" for name in TYPES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
