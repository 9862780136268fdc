"""Opt-in unsafe rewrites: translations that may change results within stated bounds, never by default.

A rewrite is asked for by name (`cutrans convert/verify --unsafe NAME`). The backends it applies to change
their output as `effect` says; `cutrans verify` then compares those targets with the wider bounds below
and names the rewrite as the reason in every report. Targets a rewrite does not apply to keep the exact
translation and the normal bounds. REWRITES is the only place that lists them.

fast-math is nvcc's `-use_fast_math`: CUDA itself then computes division, square root and the math
library with approximate instructions and may contract a*b+c, so results move by more than the default
bounds allow. The bounds are those of approximate single-precision functions (a few ulp each) carried
through a handful of dependent operations and reassociated sums: 1e-4 relative, and 1e-5 absolute for
values near zero; in ulp, 2^9 (about 6e-5 relative at float32).

tensor-core-intrinsics (`--tensor-core intrinsics`) runs nvcuda::wmma's mma_sync on the matrix cores of AMD's
CDNA GPUs (MFMA builtins; docs/tensor_cores.md). Their products are exact, but they add the k products of one
instruction in an order and with a rounding of their own, where cutrans's semantics add them one at a time with
a rounding each. Reordering a sum of k float terms moves it by at most (k - 1) * 2^-24 times the sum of their
magnitudes: for k = 16 (half), about 1e-6 of that magnitude per mma_sync. A GEMM chains K / 16 of them and
an epilogue scales the result, so the bounds are those of fast-math: 1e-4 relative, 1e-5 absolute, 2^9 ulp.
Integer (8-bit) products are exact either way.
"""

from __future__ import annotations

import dataclasses

from translator.diagnostics import CutransError, error


TENSOR_CORE_INTRINSICS = "tensor-core-intrinsics"     # the HIP backend tests for it


@dataclasses.dataclass(frozen=True)
class UnsafeRewrite:
    name: str
    summary: str
    effect: dict[str, str]                 # target -> what changes in its output
    rel_tol: float                         # widened bounds, printed numbers and float buffers alike
    abs_tol: float
    max_ulp: int

    @property
    def reason(self) -> str:
        return f"unsafe rewrite {self.name}: {self.summary}"


REWRITES: dict[str, UnsafeRewrite] = {r.name: r for r in (
    UnsafeRewrite(
        "fast-math",
        "approximate division, square root and math functions, contraction and reassociation "
        "(nvcc -use_fast_math)",
        {"opencl": "the program is built with -cl-fast-relaxed-math instead of correctly rounded divide/sqrt",
         "cpu": "the kernels are compiled with fast-math (GCC optimize pragma, clang fp pragmas)"},
        rel_tol=1e-4, abs_tol=1e-5, max_ulp=512),
    UnsafeRewrite(
        TENSOR_CORE_INTRINSICS,
        "mma_sync on AMD matrix cores (MFMA builtins), which add float sums in their own order and rounding",
        {"hip": "#include <mma.h> becomes cutrans_hip_wmma_mfma.h: mma_sync runs on the 16-block MFMA "
                "instructions of CDNA GPUs (gfx908, gfx90a, gfx940-gfx942)"},
        rel_tol=1e-4, abs_tol=1e-5, max_ulp=512),
)}

# `--tensor-core MODE`: the rewrite each mode asks for (portable asks for none).
TENSOR_CORE_MODES = {"portable": (), "intrinsics": (TENSOR_CORE_INTRINSICS,)}


def check(names) -> tuple[str, ...]:
    """The requested rewrites, validated, in a stable order."""
    unknown = sorted(set(names) - set(REWRITES))
    if unknown:
        raise CutransError(error("U001", f"unknown unsafe rewrite(s) {', '.join(unknown)}; "
                                 f"choose from {', '.join(REWRITES)}"))
    return tuple(n for n in REWRITES if n in set(names))


def applied(options: dict | None, target: str) -> tuple[UnsafeRewrite, ...]:
    """The rewrites a translation for `target` applies, given the backend options."""
    names = (options or {}).get("unsafe", ())
    return tuple(REWRITES[n] for n in check(names) if target in REWRITES[n].effect)
