"""HIP output of every sample (and of the extra inputs under tests/golden/hip/inputs) against snapshots.

Snapshots: tests/golden/hip/<stem>.hip (launches kept as <<<>>>) and <stem>.ggl.hip
(launch_syntax="hipLaunchKernelGGL"). Refresh them with CUTRANS_UPDATE_GOLDEN=1.
A `// CHECK-HIP: text` comment in an input asserts that its line's HIP output contains `text`.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

import pytest

from translator.backends.hip import HipBackend, output_name
from translator.diagnostics import CutransError
from translator.frontend.clang_setup import parse
from translator.frontend.host_sites import collect_host_sites
from translator.pipeline import Unit

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).resolve().parent / "hip"
INPUTS = sorted((ROOT / "samples").glob("*.cu")) + sorted((SNAPSHOTS / "inputs").glob("*.cu"))
MODES = {"": {}, ".ggl": {"launch_syntax": "hipLaunchKernelGGL"}}
_CHECK = re.compile(r"//\s*CHECK-HIP:\s*(.+?)\s*$")


@functools.lru_cache(maxsize=None)
def translate(path: Path, mode: str) -> bytes:
    tu, source, _ = parse(str(path))
    unit = Unit(str(path), source, collect_host_sites(tu, str(path), source), None)
    (text,) = HipBackend().translate(unit, MODES[mode]).files.values()
    return text


@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_hip_output_matches_snapshot(path: Path, mode: str):
    text = translate(path, mode)
    snapshot = SNAPSHOTS / f"{path.stem}{mode}.hip"
    if os.environ.get("CUTRANS_UPDATE_GOLDEN") == "1":
        snapshot.write_bytes(text)
    assert snapshot.is_file(), f"no snapshot {snapshot.name}: run with CUTRANS_UPDATE_GOLDEN=1"
    assert text.decode() == snapshot.read_text(), f"HIP output of {path.name} changed"


@pytest.mark.parametrize("path", [p for p in INPUTS if "CHECK-HIP:" in p.read_text()], ids=lambda p: p.stem)
def test_inline_checks(path: Path):
    out_lines = translate(path, "").decode().splitlines()
    checks = [(i, m.group(1)) for i, line in enumerate(path.read_text().splitlines())
              if (m := _CHECK.search(line))]
    offset = len(out_lines) - len(path.read_text().splitlines())    # lines the compat include adds
    for index, expected in checks:
        assert expected in out_lines[index + offset], f"{path.name}:{index + 1}: expected {expected!r}"


def test_samples_exist():
    assert any(p.parent.name == "samples" for p in INPUTS), "samples/*.cu is empty"


def _unit(tmp_path: Path, text: str) -> Unit:
    path = tmp_path / "snippet.cu"
    path.write_text(text)
    tu, source, _ = parse(str(path))
    return Unit(str(path), source, collect_host_sites(tu, str(path), source), None)


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
