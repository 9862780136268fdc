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


def _cell(result) -> str:
    return _CELLS[result.status]


def _hip_note() -> str:
    """How the HIP column was produced: hipcc's compile check, then a run on the CPU emulation at the
    target's wavefront width (translator/verify/hip_on_cpu.py)."""
    from translator.diagnostics import CutransError
    from translator.backends import hip_arch
    from translator.verify import toolchain
    hipcc = toolchain.find_hipcc()
    arch = hip_arch.cpu_arch(None if isinstance(hipcc, str) else hipcc.offload_arch)
    check = f"hipcc compile check skipped ({hipcc})" if isinstance(hipcc, str) else f"compiled with hipcc ({hipcc.offload_arch})"
    try:
        wave = f"wave {hip_arch.wave_width(arch)}"
    except CutransError:
        wave = "an unknown wave width"
    return f"{check}; run on the CPU emulation at {wave} ({arch})"


def matrix(results, names: dict | None = None) -> str:
    """One row per program; `names` maps a result's path to the row's name (default: the file's name)."""
    names = names or {}
    rows: dict[str, dict[str, str]] = {}
    for r in results:
        rows.setdefault(names.get(r.path, Path(r.path).name), {})[r.target] = _cell(r)
    width = max([len("sample")] + [len(n) for n in rows])
    head = f"{'sample':<{width}}  " + "  ".join(f"{t:<12}" for t in TARGETS)
    lines = [head, "-" * len(head)]
    for name, cells in rows.items():
        lines.append(f"{name:<{width}}  " + "  ".join(f"{cells.get(t, '-'):<12}" for t in TARGETS))
    return "\n".join(lines)


def linked_sources(folder: Path) -> list[Path]:
    """The sources of the program in sample folder `folder`, as `verify --link` takes them: its main.cu or
    main.cpp first (the program is named after it), then its other .cu and .cpp files by name."""
    sources = sorted(p for p in folder.iterdir() if p.suffix in (".cu", ".cpp"))
    return sorted(sources, key=lambda p: p.stem != "main")


def sample_programs(folder: Path) -> list[list[Path]]:
    """The programs in a samples folder, each as its list of sources: every .cu file alone, and every
    sub-folder holding a main.cu or main.cpp as one program of several files (`linked_sources`)."""
    single = [[p] for p in sorted(folder.glob("*.cu"))]
    linked = [linked_sources(d) for d in sorted(folder.iterdir())
              if d.is_dir() and any((d / f"main{s}").is_file() for s in (".cu", ".cpp"))]
    return sorted(single + linked, key=lambda sources: _program_name(sources))


def _program_name(sources: list[Path]) -> str:
    """How the demo's table names a program: the file's name, or the folder's for several files."""
    return sources[0].name if len(sources) == 1 else f"{sources[0].parent.name}/"


def run_demo(samples_dir: str | None, fmt: str = "text") -> int:
    from translator.verify.program import verify_program
    folder = Path(samples_dir) if samples_dir else SAMPLES
    results, names = [], {}
    for main, *also in sample_programs(folder):
        names[str(main)] = _program_name([main, *also])
        print(f"verifying {names[str(main)]} ...", file=sys.stderr, flush=True)
        results += verify_program(str(main), TARGETS, options=CompileOptions(), cwd=str(main.parent), also=also)
    if fmt == "json":
        print(render_json(results))
    elif fmt == "junit":
        print(render_junit(results))
    else:
        print(matrix(results, names))
        notable = [r for r in results if r.status != "pass"]
        if notable:
            print()
            print(render_text(notable))
        print(f"\nhip: {_hip_note()}")
    return exit_code(results)
