"""HIP output of every sample (and of the extra inputs under tests/golden/hip/inputs) against snapshots.

Snapshots: tests/golden/hip/<stem>.hip (launches kept as <<<>>>) and <stem>.ggl.hip
(launch_syntax="hipLaunchKernelGGL"). Refresh them with CUTRANS_UPDATE_GOLDEN=1.
A `// CHECK-HIP: text` comment in an input asserts that its line's HIP output contains `text`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from translator.backends.hip import HipBackend
from translator.frontend.clang_setup import parse
from translator.frontend.host_sites import collect_host_sites
from translator.pipeline import Unit

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).resolve().parent / "hip"
INPUTS = sorted((ROOT / "samples").glob("*.cu")) + sorted((SNAPSHOTS / "inputs").glob("*.cu"))
MODES = {"": {}, ".ggl": {"launch_syntax": "hipLaunchKernelGGL"}}
_CHECK = re.compile(r"//\s*CHECK-HIP:\s*(.+?)\s*$")


def translate(path: Path, options: dict):
    tu, source, _ = parse(str(path))
    unit = Unit(str(path), source, collect_host_sites(tu, str(path), source), None)
    return HipBackend().translate(unit, options)


@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_hip_output_matches_snapshot(path: Path, mode: str):
    out = translate(path, MODES[mode])
    (text,) = out.files.values()
    snapshot = SNAPSHOTS / f"{path.stem}{mode}.hip"
    if os.environ.get("CUTRANS_UPDATE_GOLDEN") == "1":
        snapshot.write_bytes(text)
    assert snapshot.is_file(), f"no snapshot {snapshot.name}: run with CUTRANS_UPDATE_GOLDEN=1"
    assert text.decode() == snapshot.read_text(), f"HIP output of {path.name} changed"


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_inline_checks(path: Path):
    out_lines = next(iter(translate(path, {}).files.values())).decode().splitlines()
    checks = [(i, m.group(1)) for i, line in enumerate(path.read_text().splitlines())
              if (m := _CHECK.search(line))]
    if not checks:
        pytest.skip(f"{path.name} has no CHECK-HIP lines")
    offset = len(out_lines) - len(path.read_text().splitlines())    # lines the compat include adds
    for index, expected in checks:
        assert expected in out_lines[index + offset], f"{path.name}:{index + 1}: expected {expected!r}"


def test_samples_exist():
    assert any(p.parent.name == "samples" for p in INPUTS), "samples/*.cu is empty"
