"""The C helper functions that spell CUDA's SIMD video intrinsics (translator/ir/simd_video.py).

One generator writes every helper from the lane table: the text is C that is also OpenCL C and HIP
C++, so the CPU and OpenCL preambles take the helpers a program calls (STYLE rule 4) and the HIP
compatibility header carries all of them (`python -m translator.backends.simd_video --write|--check`
regenerates its section).
"""

from __future__ import annotations

import sys
from pathlib import Path

from translator.ir.simd_video import BY_FUNC, LANE_OPS, SIMD_VIDEO, LaneOp

_LANES = {8: "byte", 16: "halfword"}


def helper_name(op: LaneOp) -> str:
    return f"cutrans_{op.func}"


def helpers() -> dict[tuple[str, str], tuple[str, int]]:
    """(IR function, operand type) -> (the helper that spells it, its arity)."""
    return {(op.func, "u32"): (helper_name(op), op.arity) for op in SIMD_VIDEO.values()}


def math_entries() -> dict[tuple[str, str], str]:
    """(IR function, operand type) -> spelling, for a backend's math table."""
    return {key: f"{name}({', '.join('{%d}' % i for i in range(arity))})" for key, (name, arity) in helpers().items()}


def _lane(word: str, op: LaneOp) -> str:
    """The lane at bit `i` of `word` as an int, sign-extended when the lanes are signed."""
    mask = (1 << op.bits) - 1
    if not op.signed:
        return f"(int)(({word} >> i) & {mask:#x}u)"
    sign = 1 << (op.bits - 1)
    return f"(int)((({word} >> i) & {mask:#x}u) ^ {sign:#x}u) - {sign:#x}"


def _store(op: LaneOp) -> list[str]:
    """The statements that put the lane result `v` into `r`."""
    store, mask = LANE_OPS[op.op][1], (1 << op.bits) - 1
    if store == "sum":
        return ["r += (unsigned int)v;"]
    lines = []
    if store == "sat":
        lo, hi = op.lane_range
        lines.append(f"v = v < {lo} ? {lo} : v > {hi} ? {hi} : v;")
    value = {"wrap": f"(unsigned int)v & {mask:#x}u", "sat": f"(unsigned int)v & {mask:#x}u",
             "mask": f"v ? {mask:#x}u : 0u", "one": "v ? 1u : 0u"}[store]
    return lines + [f"r |= ({value}) << i;"]


def helper_definition(op: LaneOp, qualifier: str = "", name: str = "") -> str:
    """The C definition of `op`'s helper (or of `name`), after `qualifier` (`static inline`, `__device__ ...`)."""
    expr, store, arity = LANE_OPS[op.op]
    params = ", ".join(f"unsigned int {w}" for w in "ab"[:arity])
    then = {"wrap": " (wrapping)", "sat": ", saturated", "mask": " ? all ones : 0", "one": " ? 1 : 0",
            "sum": ", summed over the lanes"}[store]
    body = [f"int x = {_lane('a', op)};"] + ([f"int y = {_lane('b', op)};"] if arity == 2 else [])
    body += [f"int v = {expr};"] + _store(op)
    inner = "".join(f"        {line}\n" for line in body)
    head = f"{qualifier} " if qualifier else ""
    return (f"/* CUDA {op.cuda} on {'signed' if op.signed else 'unsigned'} {_LANES[op.bits]}s {'x, y' if arity == 2 else 'x'}: {expr}{then}. */\n"
            f"{head}unsigned int {name or helper_name(op)}({params})\n{{\n    unsigned int r = 0u;\n"
            f"    for (unsigned int i = 0u; i < 32u; i += {op.bits}u) {{\n{inner}    }}\n    return r;\n}}\n")


def used_helpers(features, qualifier: str) -> list[str]:
    """The definitions of the helpers among `features` (helper names noted while emitting), sorted."""
    return [helper_definition(BY_FUNC[f[len("cutrans_"):]], qualifier)
            for f in sorted(features) if f.startswith("cutrans_v") and f[len("cutrans_"):] in BY_FUNC]


# -- the HIP compatibility header's section ---------------------------------------------------------------
HIP_HEADER = Path(__file__).resolve().parents[2] / "runtime_shims" / "hip" / "cutrans_hip_compat.h"
BEGIN = "/* ---- begin generated: CUDA SIMD video intrinsics -- do not edit; edit translator/ir/simd_video.py " \
        "and rerun python -m translator.backends.simd_video --write */\n"
END = "/* ---- end generated: CUDA SIMD video intrinsics */\n"


def hip_section() -> str:
    """Every helper, and CUDA's names (which HIP lacks) as macros onto them, as for __hmax: a HIP release
    that gains its own functions of these names keeps building."""
    parts = [BEGIN]
    for op in SIMD_VIDEO.values():
        args = ", ".join("ab"[:op.arity])
        parts += ["\n", helper_definition(op, "__device__ static inline"),
                  f"#define {op.cuda}({args}) {helper_name(op)}({', '.join(f'({w})' for w in 'ab'[:op.arity])})\n"]
    return "".join(parts) + END


def hip_header_text(current: str) -> str:
    """`current` (the compat header) with its generated section replaced."""
    head, rest = current.split(BEGIN, 1)
    return head + hip_section() + rest.split(END, 1)[1]


def main(argv: list[str]) -> int:
    """--write regenerates the section, --check exits 1 when it is stale, --dry-run prints it."""
    mode = argv[0] if argv else "--check"
    current = HIP_HEADER.read_text(encoding="utf-8")
    wanted = hip_header_text(current)
    if mode == "--dry-run":
        sys.stdout.write(hip_section())
        return 0
    if mode == "--write":
        HIP_HEADER.write_text(wanted, encoding="utf-8")
        return 0
    if wanted != current:
        print(f"{HIP_HEADER}: the SIMD video section is stale; run python -m translator.backends.simd_video --write")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
