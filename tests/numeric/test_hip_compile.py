"""The HIP output of every sample compiles with hipcc (device and host code, for the offload arch that
translator.verify.toolchain.find_hipcc picks, gfx90a on Debian's HIP 5.2), and the HIP names
in the mapping table exist in the installed HIP headers. Skipped, with the reason, without hipcc."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from translator.backends.hip import HipBackend
from translator.frontend.clang_setup import SHIMS, parse
from translator.frontend.host_sites import collect_host_sites
from translator.mappings import load_table
from translator.pipeline import Unit
from translator.verify.toolchain import find_hipcc

ROOT = Path(__file__).resolve().parents[2]
INPUTS = sorted((ROOT / "samples").glob("*.cu")) + sorted((ROOT / "tests/golden/hip/inputs").glob("*.cu"))
MODES = {"chevron": {}, "ggl": {"launch_syntax": "hipLaunchKernelGGL"}}
HIP_INCLUDE = Path("/usr/include/hip")
pytestmark = pytest.mark.toolchain("hipcc")
HIP = find_hipcc()
needs_hipcc = pytest.mark.skipif(isinstance(HIP, str), reason=HIP if isinstance(HIP, str) else "")


def _translate(path: Path, options: dict, out_dir: Path) -> Path:
    tu, source, _ = parse(str(path))
    out = HipBackend().translate(Unit(str(path), source, collect_host_sites(tu, str(path), source), None),
                                 options)
    for rel in out.runtime_files:
        shutil.copy(SHIMS / rel, out_dir / Path(rel).name)
    ((name, text),) = out.files.items()
    (out_dir / name).write_bytes(text)
    return out_dir / name


@needs_hipcc
@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_hip_output_compiles(path: Path, mode: str, tmp_path: Path):
    hip_file = _translate(path, MODES[mode], tmp_path)
    env = {**os.environ, **dict(HIP.env)}
    run = subprocess.run([*HIP.command, *HIP.flags, "-c", str(hip_file), "-o", str(tmp_path / "out.o")],
                         capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, f"hipcc failed on {hip_file.name}:\n{run.stderr[-4000:]}"


@pytest.mark.skipif(not HIP_INCLUDE.is_dir(), reason=f"no HIP headers in {HIP_INCLUDE}")
def test_supported_hip_names_exist_in_the_hip_headers():
    words = set()
    for header in HIP_INCLUDE.rglob("*.h"):
        words.update(re.findall(r"\b\w+\b", header.read_text(errors="replace")))
    missing = [r.name for r in load_table("runtime")
               if r.flag("hip") in ("supported", "deprecated", "removed") and r.hip not in words]
    assert missing == [], "HIP names not in the installed headers (flag them 'experimental' or fix them)"
