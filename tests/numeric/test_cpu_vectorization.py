"""Issue 5, "vectorization that actually happens": the compiler's own vectorization report must say
that the thread loop (`for (unsigned int cutrans_t ...)`, the work-item loop of a block) of simple
memory-bound kernels was vectorized, so a change in the CPU emitter cannot lose it silently.

Today it is not, for two reasons found with `gcc -fopt-info-vec-missed` (gcc 12, znver3 and
x86-64-v4): (1) the CUDA index `blockIdx.x * blockDim.x + threadIdx.x` is unsigned arithmetic
converted to int, so its address is not an affine function of the loop counter (it may wrap) and
the masked loads under `if (i < n)` become gathers the target lacks ("no vectype for .MASK_LOAD");
(2) with the default -ftrapping-math gcc will not if-convert a floating-point add under that
condition ("control flow in loop"). The tests are strict xfails carrying that reason: they turn
into failures the day the loop vectorizes, and then the marker must go.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from translator.driver import backend_for, load_unit

THREAD_LOOP = re.compile(r"for \(unsigned int cutrans_t = 0;")
NOT_YET = ("the thread loop does not vectorize yet: unsigned CUDA index arithmetic makes the accesses "
           "non-affine, and -ftrapping-math blocks if-conversion (see this module's docstring)")

# compiler -> (flags that print the report, pattern of a line saying a loop at LINE was vectorized).
# A loop is reported at its `#pragma omp simd` (clang), its header, or its first statement (gcc):
# a report within NEAR lines of the loop header counts, which excludes loops nested in the body.
REPORTS = {
    "gcc": (["-fopt-info-vec-optimized"], r"{file}:(\d+):\d+: optimized: loop vectorized"),
    "clang": (["-Rpass=loop-vectorize"], r"{file}:(\d+):\d+: remark: vectorized loop"),
}
NEAR = (-1, 1)


def _compilers() -> list[str]:
    found = [cc for cc in REPORTS if shutil.which(cc)]
    found += [f"clang-{v}" for v in range(21, 14, -1) if shutil.which(f"clang-{v}") and "clang" not in found][:1]
    return found


def _report_kind(cc: str) -> str:
    return "clang" if cc.startswith("clang") else "gcc"


def _thread_loop_lines(text: str, kernel: str) -> list[int]:
    start = text.index(f"void cutrans_kernel_{kernel}(")
    first = text.count("\n", 0, start) + 1
    body = text[start:].split("\n}\n", 1)[0]
    return [first + i for i, line in enumerate(body.splitlines()) if THREAD_LOOP.search(line)]


def _vectorized_lines(cc: str, folder: Path, name: str, lines: list[int]) -> list[int]:
    flags, pattern = REPORTS[_report_kind(cc)]
    proc = subprocess.run([cc, "-std=gnu11", "-O3", "-march=native", "-fopenmp", "-I.", "-c", name,
                           "-o", "/dev/null", *flags], cwd=folder, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    reported = {int(m) for m in re.findall(pattern.format(file=re.escape(name)), proc.stderr)}
    return [ln for ln in lines if any(ln + d in reported for d in range(NEAR[0], NEAR[1] + 1))]


@pytest.mark.xfail(strict=True, reason=NOT_YET)
@pytest.mark.parametrize("sample,kernel", [("vector_add", "vector_add"), ("saxpy_grid_stride", "saxpy")])
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
