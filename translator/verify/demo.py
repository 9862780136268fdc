"""`cutrans demo`: every sample translated to all three targets, verified, shown as one table."""

from __future__ import annotations

import sys
from pathlib import Path

from translator.frontend.clang_setup import CompileOptions
from translator.verify.report import exit_code, render_json, render_junit, render_text

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TARGETS = ["hip", "opencl", "cpu"]

# How a result shows in the demo's matrix.
_CELLS = {"pass": "pass", "fail": "FAIL", "error": "ERROR", "unsupported": "unsupported"}


# What a HIP result that could not run here shows, by how its detail begins.
_HIP_CELLS = {"compiled": "compiles", "translated": "translated"}


def _cell(result) -> str:
    if result.target == "hip" and result.status == "unsupported":
        for prefix, cell in _HIP_CELLS.items():
            if result.detail.startswith(prefix):
                return cell
    return _CELLS[result.status]


def _hip_note(results) -> str:
    details = {r.detail for r in results if r.target == "hip" and _cell(r) in ("compiles", "translated")}
    return "; ".join(sorted(details)) or "see the table"


def matrix(results) -> str:
    rows: dict[str, dict[str, str]] = {}
    for r in results:
        rows.setdefault(Path(r.path).name, {})[r.target] = _cell(r)
    width = max([len("sample")] + [len(n) for n in rows])
    head = f"{'sample':<{width}}  " + "  ".join(f"{t:<12}" for t in TARGETS)
    lines = [head, "-" * len(head)]
    for name, cells in rows.items():
        lines.append(f"{name:<{width}}  " + "  ".join(f"{cells.get(t, '-'):<12}" for t in TARGETS))
    return "\n".join(lines)


def run_demo(samples_dir: str | None, fmt: str = "text") -> int:
    from translator.verify.program import verify_program
    folder = Path(samples_dir) if samples_dir else SAMPLES
    results = []
    for sample in sorted(folder.glob("*.cu")):
        print(f"verifying {sample.name} ...", file=sys.stderr, flush=True)
        results += verify_program(str(sample), TARGETS, options=CompileOptions(), cwd=str(folder))
    if fmt == "json":
        print(render_json(results))
    elif fmt == "junit":
        print(render_junit(results))
    else:
        print(matrix(results))
        notable = [r for r in results if r.status != "pass" and _cell(r) not in ("compiles", "translated")]
        if notable:
            print()
            print(render_text(notable))
        print(f"\nhip: {_hip_note(results)}")
    return exit_code(results)
