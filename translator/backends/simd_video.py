"""The C helper functions that spell CUDA's SIMD intrinsics: the video ones on bytes and halfwords
(translator/ir/simd_video.py) and the DPX ones (translator/ir/dpx.py).

One generator writes every helper from the two tables: the text is C that is also OpenCL C and HIP
C++, so the CPU and OpenCL preambles take the helpers a program calls (STYLE rule 4) and the HIP
compatibility header carries all of them (`python -m translator.backends.simd_video --write|--check`
regenerates its section).
"""

from __future__ import annotations

import sys
from pathlib import Path

from translator.ir import dpx
from translator.ir.dpx import DPX, DpxOp
from translator.ir.simd_video import LANE_OPS, SIMD_VIDEO, LaneOp

_LANES = {8: "byte", 16: "halfword", 32: "word"}
BY_FUNC: dict[str, LaneOp | DpxOp] = {op.func: op for op in (*SIMD_VIDEO.values(), *DPX.values())}


def helper_name(op: LaneOp | DpxOp) -> str:
    return f"cutrans_{op.func}"


def _operands(op: LaneOp | DpxOp) -> int:
    """The helper's parameters: the values, then a DPX function's predicate pointers."""
    return op.arity + getattr(op, "predicates", 0)


def helpers() -> dict[tuple[str, str], tuple[str, int]]:
    """(IR function, operand type) -> (the helper that spells it, its arity)."""
    return {(op.func, getattr(op, "operand_type", "u32")): (helper_name(op), _operands(op)) for op in BY_FUNC.values()}


def math_entries() -> dict[tuple[str, str], str]:
    """(IR function, operand type) -> spelling, for a backend's math table."""
    return {key: f"{name}({', '.join('{%d}' % i for i in range(arity))})" for key, (name, arity) in helpers().items()}


def _as_lane(bits: str, op: LaneOp | DpxOp, held: str = "int", mask_suffix: str = "u") -> str:
    """`bits` (an unsigned expression, its literals suffixed `mask_suffix`) cut to the lane's width and read as
    the lane does, signed or not, in a `held` (an int, or a long for DPX's 32-bit lanes)."""
    masked = f"({bits} & {(1 << op.bits) - 1:#x}{mask_suffix})"
    if not op.signed:
        return f"({held}){masked}"
    sign = 1 << (op.bits - 1)
    return f"({held})({masked} ^ {sign:#x}{mask_suffix}) - {sign:#x}{'L' if held == 'long' else ''}"


def _lane(word: str, op: LaneOp | DpxOp, held: str = "int") -> str:
    """The lane at bit `i` of `word` as an int (a long for DPX, which holds an unsigned 32-bit lane),
    sign-extended when the lanes are signed."""
    return _as_lane(f"({word} >> i)", op, held)


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


def helper_definition(op: LaneOp | DpxOp, qualifier: str = "", name: str = "", bool_type: str = "bool") -> str:
    """The C definition of `op`'s helper (or of `name`), after `qualifier` (`static inline`, `__device__ ...`);
    `bool_type` spells a DPX predicate's type."""
    if isinstance(op, DpxOp):
        return dpx_definition(op, qualifier, name, bool_type)
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


def _dpx_wrap(value: str, op: DpxOp) -> str:
    """`value` (a long) wrapped to the lane's width, as the lane type reads it."""
    return _as_lane(f"(unsigned long){value}", op, "long", "UL")


def dpx_definition(op: DpxOp, qualifier: str = "", name: str = "", bool_type: str = "bool") -> str:
    """The C definition of DPX function `op`'s helper: the lanes are held in longs (64 bits in OpenCL C and
    on LP64 hosts), so no operation overflows; the words go in as unsigned int (an int converts exactly)."""
    arity, step, result, predicate = dpx.OPS[op.op]
    words = "abc"[:arity]
    pointers = ["pred"] if op.predicates == 1 else ["pred_hi", "pred_lo"][:op.predicates]
    params = ", ".join([f"unsigned int {w}" for w in words] + [f"{bool_type} *{p}" for p in pointers])
    body = [f"long {v} = {_lane(w, op, 'long')};" for v, w in zip("xyz", words)]
    if step:
        body.append(f"long s = {_dpx_wrap(f'({step})', op) if op.op in dpx.WRAPPED_STEPS else step};")
    body.append(f"long v = {result};")
    if op.relu:
        body.append("v = v > 0 ? v : 0;")
    if predicate:
        target = "*pred" if op.predicates == 1 else "*(i == 0u ? pred_lo : pred_hi)"
        body.append(f"{target} = {predicate};")
    body.append(f"r |= (unsigned int)((unsigned long)v & {(1 << op.bits) - 1:#x}UL) << i;")
    inner = "".join(f"        {line}\n" for line in body)
    head = f"{qualifier} " if qualifier else ""
    ret = "int" if op.lanes == "s32" else "unsigned int"
    back = "(int)((long)(r ^ 0x80000000u) - 0x80000000L)" if ret == "int" else "r"
    what = (f"{step.replace('x + y', 'x + y wrapped')}, then " if step else "") + result + \
        (f"; *{pointers[0] if op.predicates == 1 else 'pred_hi/lo'} = {predicate}" if predicate else "") + \
        (", then ReLU" if op.relu else "")
    return (f"/* CUDA {op.cuda} on {'signed' if op.signed else 'unsigned'} {_LANES[op.bits]}s: {what}. */\n"
            f"{head}{ret} {name or helper_name(op)}({params})\n{{\n    unsigned int r = 0u;\n"
            f"    for (unsigned int i = 0u; i < 32u; i += {op.bits}u) {{\n{inner}    }}\n    return {back};\n}}\n")


def used_helpers(features, qualifier: str, bool_type: str = "bool") -> list[str]:
    """The definitions of the helpers among `features` (helper names noted while emitting), sorted."""
    return [helper_definition(BY_FUNC[f[len("cutrans_"):]], qualifier, bool_type=bool_type)
            for f in sorted(features) if f.startswith("cutrans_v") and f[len("cutrans_"):] in BY_FUNC]


# -- the HIP compatibility header's section ---------------------------------------------------------------
HIP_HEADER = Path(__file__).resolve().parents[2] / "runtime_shims" / "hip" / "cutrans_hip_compat.h"
BEGIN = "/* ---- begin generated: CUDA SIMD video and DPX intrinsics -- do not edit; edit translator/ir/simd_video.py " \
        "or translator/ir/dpx.py and rerun python -m translator.backends.simd_video --write */\n"
END = "/* ---- end generated: CUDA SIMD video and DPX intrinsics */\n"


def hip_section() -> str:
    """Every helper, and CUDA's names (which HIP lacks) as macros onto them, as for __hmax: a HIP release
    that gains its own functions of these names keeps building."""
    parts = [BEGIN]
    for op in BY_FUNC.values():
        names = "abcdef"[:_operands(op)]
        parts += ["\n", helper_definition(op, "__device__ static inline"),
                  f"#define {op.cuda}({', '.join(names)}) {helper_name(op)}({', '.join(f'({w})' for w in names)})\n"]
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
        print(f"{HIP_HEADER}: the SIMD video and DPX section is stale; run python -m translator.backends.simd_video --write")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
