"""Issue 5, "vectorization that actually happens": the compiler's own vectorization report must say
that the thread loop (the innermost `for (int cutrans_tx ...)` of a block's work-item loop nest,
translator/backends/cpu_thread_loop.py) of simple memory-bound kernels was vectorized, so a change in
the CPU emitter cannot lose it silently.

Two obstacles were removed (found with `gcc -fopt-info-vec-missed`, gcc 12): (1) the CUDA index
`blockIdx.x * blockDim.x + threadIdx.x` is unsigned arithmetic converted to int, not an affine function
of the loop counter; the emitter now writes an exact signed form that the compiler unswitches on
(cpu_thread_loop.py); (2) with the default -ftrapping-math gcc will not if-convert a floating-point add
under `if (i < n)` ("control flow in loop"); the kernels are built with -fno-trapping-math
(translator/verify/build.py CPU_KERNEL_FLAGS), and this test compiles with those same flags.

A grid-stride loop (saxpy_grid_stride.cu) still does not vectorize: the per-thread loop inside the
thread loop has a trip count unknown to the compiler ("control flow in loop"); that case is a strict
xfail, which turns into a failure the day it vectorizes, and then the marker must go.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from translator.driver import backend_for, load_unit
from translator.verify.build import CPU_KERNEL_FLAGS

RUNTIME = ROOT / "runtime_shims" / "cpu"
THREAD_LOOP = re.compile(r"for \(int cutrans_tx = \w+;")
VERSIONS = {"if (cutrans_fits_x) {": "fast", "} else {": "generic"}
LOOP_STATEMENT = re.compile(r"\s*(for|while|do)\b")
GRID_STRIDE = ("a grid-stride loop inside the thread loop has a trip count gcc cannot compute, so the thread "
               "loop is not vectorized (see this module's docstring)")

# compiler -> (flags that print the report, pattern of a line saying a loop at LINE was vectorized).
# A loop is reported at its `#pragma omp simd` (clang), its header, or a statement of its body (gcc: the
# first one it keeps, which is below the declarations of the thread's indices and may be inside an `if`).
# A report from the line above the header to the loop's closing brace counts, unless the line it names
# is in a loop nested in the body (that loop's own report).
REPORTS = {
    "gcc": (["-fopt-info-vec-optimized"], r"{file}:(\d+):\d+: optimized: loop vectorized"),
    "clang": (["-Rpass=loop-vectorize"], r"{file}:(\d+):\d+: remark: vectorized loop"),
}


def _closing_line(text: list[str], header: int) -> int:
    """The line (1-based) of the brace that closes the block opened on line `header`."""
    depth = 0
    for ln in range(header, len(text) + 1):
        depth += text[ln - 1].count("{") - text[ln - 1].count("}")
        if depth <= 0 and ln > header:
            return ln
    return len(text)


def _own_lines(text: list[str], header: int) -> set[int]:
    """The lines whose report stands for the loop whose header is on line `header`."""
    end = _closing_line(text, header)
    own = set(range(header - 1, end + 1))
    for ln in range(header + 1, end):
        if LOOP_STATEMENT.match(text[ln - 1]):
            own -= set(range(ln, _closing_line(text, ln) + 1))
    return own


def _compilers() -> list[str]:
    found = [cc for cc in REPORTS if shutil.which(cc)]
    found += [f"clang-{v}" for v in range(21, 14, -1) if shutil.which(f"clang-{v}") and "clang" not in found][:1]
    return found


def _report_kind(cc: str) -> str:
    return "clang" if cc.startswith("clang") else "gcc"


def _thread_loop_lines(text: str, kernel: str) -> list[int]:
    """The thread loops that must vectorize: all but those in the `else` version of a loop versioned
    on `if (cutrans_fits_x)`, which keeps CUDA's unsigned index for launches too large for int."""
    start = text.index(f"void cutrans_kernel_{kernel}(")
    first = text.count("\n", 0, start) + 1
    body = text[start:].split("\n}\n", 1)[0]
    lines, version = [], "fast"
    for i, line in enumerate(body.splitlines()):
        version = VERSIONS.get(line.strip(), version)
        if THREAD_LOOP.search(line) and version == "fast":
            lines.append(first + i)
    return lines


def _vectorized_lines(cc: str, folder: Path, name: str, lines: list[int]) -> list[int]:
    flags, pattern = REPORTS[_report_kind(cc)]
    proc = subprocess.run([cc, *CPU_KERNEL_FLAGS, "-fopenmp", "-I.", f"-I{RUNTIME}", "-c", name,
                           "-o", "/dev/null", *flags], cwd=folder, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    text = (folder / name).read_text().splitlines()
    reported = {int(m) for m in re.findall(pattern.format(file=re.escape(name)), proc.stderr)}
    return [ln for ln in lines if reported & _own_lines(text, ln)]


@pytest.mark.parametrize("sample,kernel", [
    ("vector_add", "vector_add"),
    ("two_dimensional_bounds_check", "scale_by_column_weight"),     # the parameters' private copies
    ("two_dimensional_bounds_check", "scale_by_row_weight"),        # a conjunction as the loop's bound
    ("stencil_interior_bounds_check", "smooth_interior"),           # lower and upper bounds, a row test
    pytest.param("saxpy_grid_stride", "saxpy", marks=pytest.mark.xfail(strict=True, reason=GRID_STRIDE)),
])
def test_thread_loop_is_vectorized(tmp_path, sample, kernel):
    compilers = _compilers()
    if not compilers:
        pytest.skip("no gcc or clang to produce a vectorization report")
    output = backend_for("cpu").translate(load_unit(str(ROOT / "samples" / f"{sample}.cu")), {})
    for name, data in output.files.items():
        (tmp_path / name).write_bytes(data if isinstance(data, bytes) else data.encode())
    name = f"{sample}.kernels.c"
    lines = _thread_loop_lines((tmp_path / name).read_text(), kernel)
    assert lines, "no thread loop found in the CPU output"
    for cc in compilers:
        assert _vectorized_lines(cc, tmp_path, name, lines) == lines, f"{cc}: thread loop not vectorized"


def test_report_parser_sees_a_vectorized_loop(tmp_path):
    """The report check itself can pass: a loop gcc/clang do vectorize is recognized as vectorized."""
    compilers = _compilers()
    if not compilers:
        pytest.skip("no gcc or clang to produce a vectorization report")
    (tmp_path / "plain.c").write_text(
        "void f(float *restrict c, const float *restrict a, int n)\n{\n"
        "    #pragma omp simd\n    for (int i = 0; i < n; ++i) {\n        c[i] = a[i] * 2.0f;\n    }\n}\n")
    for cc in compilers:
        assert _vectorized_lines(cc, tmp_path, "plain.c", [4]) == [4], cc
