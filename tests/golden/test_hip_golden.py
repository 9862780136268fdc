"""HIP output of every sample (and of the extra inputs under tests/golden/hip/inputs) against snapshots.

Snapshots: tests/golden/hip/<stem>.hip (launches kept as <<<>>>, for gfx90a: wave64, so code written for
32-lane warps shows the warp-size rewrite), <stem>.ggl.hip (launch_syntax="hipLaunchKernelGGL"), for the
inputs that call warp intrinsics, <stem>.wave32.hip (gfx1030: no warp-size rewrite) and, for the inputs that
say they are about --all-branches, <stem>.all_branches.hip (inactive preprocessor branches rewritten too).
Refresh them with CUTRANS_UPDATE_GOLDEN=1.
A `// CHECK-HIP: text` comment in an input asserts that its line's HIP output contains `text`.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

import pytest

from tests.conftest import HIP_API_GAPS, loaded_unit, source_text
from translator.backends.hip import HipBackend, output_name
from translator.backends.hip_warp import WARP32_NAMES
from translator.diagnostics import CutransError
from translator.driver import load_unit

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).resolve().parent / "hip"
INPUTS = sorted((ROOT / "samples").glob("*.cu")) + sorted((SNAPSHOTS / "inputs").glob("*.cu"))
MODES = {"": {"offload_arch": "gfx90a"}, ".ggl": {"offload_arch": "gfx90a", "launch_syntax": "hipLaunchKernelGGL"},
         ".wave32": {"offload_arch": "gfx1030"}, ".all_branches": {"offload_arch": "gfx90a", "all_branches": True}}
USES_WARP = {p for p in INPUTS if any(name in source_text(p) for name in WARP32_NAMES)}
ALL_BRANCHES = {p for p in INPUTS if "--all-branches" in source_text(p)}
ONLY_FOR = {".wave32": USES_WARP, ".all_branches": ALL_BRANCHES}   # elsewhere these modes give the default output
_CHECK = re.compile(r"//\s*CHECK-HIP:\s*(.+?)\s*$")


@functools.lru_cache(maxsize=None)
def translate_all(path: Path, mode: str) -> dict[str, bytes]:
    """Every file of the HIP output: the input's, and its own headers with device code (converted too)."""
    return HipBackend().translate(loaded_unit(path), MODES[mode]).files


def translate(path: Path, mode: str) -> bytes:
    return translate_all(path, mode)[output_name(str(path))]


CASES = [(path, mode) for path in INPUTS for mode in sorted(MODES)
         if path in ONLY_FOR.get(mode, {path}) and path.stem not in HIP_API_GAPS]


@pytest.mark.parametrize("path,mode", CASES, ids=lambda v: v.stem if isinstance(v, Path) else v or "-")
def test_hip_output_matches_snapshot(path: Path, mode: str):
    for name, text in translate_all(path, mode).items():     # a converted header: <stem><mode>.<its name>
        snapshot = SNAPSHOTS / (f"{path.stem}{mode}.hip" if name == output_name(str(path)) else
                                f"{path.stem}{mode}.{name}")
        if os.environ.get("CUTRANS_UPDATE_GOLDEN") == "1":
            snapshot.write_bytes(text)
        assert snapshot.is_file(), f"no snapshot {snapshot.name}: run with CUTRANS_UPDATE_GOLDEN=1"
        assert text.decode(errors="surrogateescape") == source_text(snapshot), f"HIP output {name} of {path.name} changed"


@pytest.mark.parametrize("path", [p for p in INPUTS if "CHECK-HIP:" in source_text(p)], ids=lambda p: p.stem)
def test_inline_checks(path: Path):
    out_lines = translate(path, "").decode().splitlines()
    checks = [(i, m.group(1)) for i, line in enumerate(source_text(path).splitlines())
              if (m := _CHECK.search(line))]
    offset = len(out_lines) - len(source_text(path).splitlines())    # lines the compat include adds
    for index, expected in checks:
        code = out_lines[index + offset].split("// CHECK-HIP:")[0]      # not the check's own text
        assert expected in code, f"{path.name}:{index + 1}: expected {expected!r}"


def test_samples_exist():
    assert any(p.parent.name == "samples" for p in INPUTS), "samples/*.cu is empty"


def _unit(tmp_path: Path, text: str):
    path = tmp_path / "snippet.cu"
    path.write_text(text)
    return load_unit(str(path))


MACRO_LAUNCH = """#define LAUNCH(kern, ...) kern<<<1, 1>>>(__VA_ARGS__)
__global__ void k(int *p) {}
void f(int *p) { LAUNCH(k, p); }
"""


def test_no_cuda_include_gets_hip_runtime_prepended_and_output_is_named_hip(tmp_path: Path):
    out = HipBackend().translate(_unit(tmp_path, MACRO_LAUNCH), {})
    assert list(out.files) == ["snippet.hip"] and out.runtime_files == [] and out.diagnostics == []
    assert out.files["snippet.hip"].decode() == "#include <hip/hip_runtime.h>\n" + MACRO_LAUNCH


def test_launch_through_a_macro_is_reported_only_when_launches_are_rewritten(tmp_path: Path):
    out = HipBackend().translate(_unit(tmp_path, MACRO_LAUNCH), MODES[".ggl"])
    assert [(d.code, d.line) for d in out.diagnostics] == [("M003", 3)]
    assert "kern<<<1, 1>>>" in out.files["snippet.hip"].decode()


def test_unknown_launch_syntax_is_a_usage_error(tmp_path: Path):
    with pytest.raises(CutransError) as info:
        HipBackend().translate(_unit(tmp_path, MACRO_LAUNCH), {"launch_syntax": "triple-chevron"})
    assert info.value.diagnostics[0].code == "U001"


def test_header_keeps_its_name():
    assert output_name("lib/util.cuh") == "util.cuh" and output_name("a/b.cu") == "b.hip"
