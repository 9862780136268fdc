"""The HIP output of every sample compiles with hipcc (device and host code, for the offload arch that
translator.verify.toolchain.find_hipcc picks, gfx90a on Debian's HIP 5.2, with the warp-size rewrite for
its 64-lane wavefronts; for the inputs that call warp intrinsics, the wave32 output for gfx1030; for those with
tensor-core code, the output of --tensor-core intrinsics, whose mma_sync uses gfx90a's MFMA builtins; for
those about --all-branches, its output in the configuration translated and in the ones that turn its inactive
branches on), and the HIP names in the mapping table exist in the installed HIP headers. Skipped, with the
reason, without hipcc."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import hip_params, loaded_unit, source_text
from translator.backends.hip import HipBackend, output_name
from translator.backends.hip_warp import WARP32_NAMES
from translator.frontend.clang_setup import SHIMS
from translator import mappings
from translator.mappings import load_table
from translator.verify import objcache, toolchain
from translator.verify.toolchain import find_hipcc

ROOT = Path(__file__).resolve().parents[2]
INPUTS = sorted((ROOT / "samples").glob("*.cu")) + sorted((ROOT / "tests/golden/hip/inputs").glob("*.cu"))
MODES = {"chevron": {}, "ggl": {"launch_syntax": "hipLaunchKernelGGL"}, "wave32": {"offload_arch": "gfx1030"},
         "matrix-cores": {"offload_arch": "gfx90a", "unsafe": ("tensor-core-intrinsics",)}}
USES_WARP = {p for p in INPUTS if any(name in source_text(p) for name in WARP32_NAMES)}
USES_WMMA = {p for p in INPUTS if "<mma.h>" in source_text(p)}
ONLY_FOR = {"wave32": USES_WARP, "matrix-cores": USES_WMMA}   # elsewhere these modes give the default output
# --all-branches inputs: the -D options of each configuration that turns inactive branches on, so that hipcc
# compiles what --all-branches rewrote there (besides the configuration translated, which needs none).
BRANCH_CONFIGURATIONS = {"inactive_preprocessor_branches": (("-DUSE_STREAMS", "-DUSE_EVENTS"), ("-DUSE_LEGACY_SYNC",)),
                         "skipped_preprocessor_branch": (("-DUSE_CUBLAS",),)}
HIP_INCLUDE = Path("/usr/include/hip")
pytestmark = pytest.mark.toolchain("hipcc")
HIP = find_hipcc()
needs_hipcc = pytest.mark.skipif(isinstance(HIP, str), reason=HIP if isinstance(HIP, str) else "")


def _translate(path: Path, options: dict, out_dir: Path) -> Path:
    out = HipBackend().translate(loaded_unit(path), options)
    for rel in out.runtime_files:
        shutil.copy(SHIMS / rel, out_dir / Path(rel).name)
    for name, text in out.files.items():          # the input's file, and its own headers converted with it
        (out_dir / name).write_bytes(text)
    return out_dir / output_name(str(path))


def _cases():
    """(input, mode) pairs; wave32 only for inputs with warp intrinsics, matrix-cores (--tensor-core intrinsics)
    only for those with tensor-core code."""
    for param in hip_params(INPUTS):
        path, marks = (param.values[0], param.marks) if hasattr(param, "values") else (param, ())
        for mode in sorted(MODES):
            if path in ONLY_FOR.get(mode, {path}):
                yield pytest.param(path, mode, marks=marks, id=f"{path.stem}-{mode}")


CASES = list(_cases())


@needs_hipcc
@pytest.mark.parametrize("path,mode", CASES)
def test_hip_output_compiles(path: Path, mode: str, tmp_path: Path):
    arch = MODES[mode].get("offload_arch", HIP.offload_arch)
    hip_file = _translate(path, {"offload_arch": arch, **MODES[mode]}, tmp_path)
    missing = toolchain.missing_hip_libraries(source_text(hip_file))
    if missing:
        pytest.skip(f"not installed here: {', '.join(missing)}")
    run = _hipcc(hip_file, path, arch, tmp_path)
    assert run.returncode == 0, f"hipcc failed on {hip_file.name}:\n{run.stderr[-4000:]}"


def _hipcc(hip_file: Path, path: Path, arch: str, tmp_path: Path, defines=()) -> subprocess.CompletedProcess:
    env = toolchain.scratch_env({**os.environ, **dict(HIP.env)}, tmp_path)
    flags = [f for f in HIP.flags if not f.startswith("--offload-arch=")] + [f"--offload-arch={arch}", *defines]
    flags.append("-std=c++17")      # the standard cutrans parses with by default (hipcc's own is older)
    # the output keeps including the program's own headers, found as the original found them: next to it
    command = [*HIP.command, *flags, f"-I{path.parent}", *toolchain.hip_host_flags(hip_file.parent)]
    runs = []

    def check():
        runs.append(subprocess.run([*command, "-c", str(hip_file), "-o", str(tmp_path / "out.o")],
                                   capture_output=True, text=True, env=env, timeout=300))
        if runs[-1].returncode:
            raise _Failed
    try:        # verify's compile check of the same text (test_hip_on_cpu) may have passed it already
        objcache.passed_check(command, [hip_file], tmp_path, check, env)
    except _Failed:
        pass
    return runs[-1] if runs else subprocess.CompletedProcess(command, 0, "", "")


class _Failed(Exception):
    pass


BRANCH_CASES = [pytest.param(path, defines, id=f"{path.stem}-{' '.join(defines) or 'as-translated'}")
                for path in INPUTS if "--all-branches" in source_text(path)
                for defines in ((), *BRANCH_CONFIGURATIONS.get(path.stem, ()))]


@needs_hipcc
@pytest.mark.parametrize("path,defines", BRANCH_CASES)
def test_all_branches_output_compiles_with_its_branches_on(path: Path, defines: tuple, tmp_path: Path):
    """The --all-branches output builds in the configuration translated and in each that turns its inactive
    branches on, so the names rewritten there are compiled too. A HIP library this machine lacks skips only
    where the configuration includes it (an inactive branch may include one)."""
    hip_file = _translate(path, {"offload_arch": HIP.offload_arch, "all_branches": True}, tmp_path)
    run = _hipcc(hip_file, path, HIP.offload_arch, tmp_path, defines)
    missing = [m for m in toolchain.missing_hip_libraries(hip_file.read_text()) if f"'{m.split()[-1]}' file not found"
               in run.stderr]
    if run.returncode and missing:
        pytest.skip(f"not installed here: {', '.join(missing)}")
    assert run.returncode == 0, f"hipcc {' '.join(defines)} failed on {hip_file.name}:\n{run.stderr[-4000:]}"


@pytest.mark.skipif(not HIP_INCLUDE.is_dir(), reason=f"no HIP headers in {HIP_INCLUDE}")
def test_supported_hip_names_exist_in_the_hip_headers():
    words = set()
    for header in HIP_INCLUDE.rglob("*.h"):
        words.update(re.findall(r"\b\w+\b", header.read_text(errors="replace")))
    # a member record (`hipDeviceProp_t::maxSharedMemoryPerMultiProcessor`): its struct and its field
    missing = [r.name for r in load_table("runtime")
               if r.flag("hip") in ("supported", "deprecated", "removed") and not set(r.hip.split("::")) <= words]
    assert missing == [], "HIP names not in the installed headers (flag them 'experimental' or fix them)"


@pytest.mark.parametrize("family", [f for f in mappings.families() if mappings.family_info(f)["title"]])
def test_library_hip_names_exist_in_the_installed_library_headers(family):
    """The library tables' HIP names against the installed HIP library (experimental: only in newer releases)."""
    headers = sorted({r.hip for r in load_table(family) if r.kind == "header" and r.hip})  # "": HIP has none
    missing_headers = [h for h in headers if not toolchain.hip_header_installed(h)]
    if missing_headers:
        more = f" and {len(missing_headers) - 1} more headers" if len(missing_headers) > 1 else ""
        pytest.skip(f"{missing_headers[0]}{more} not installed (Debian 12 does not package every HIP library)")
    words = set()
    for header in headers:
        folder = next(root / header for root in toolchain.HIP_SYSTEM_INCLUDES if (root / header).is_file()).parent
        for path in (p for p in folder.rglob("*.h*") if p.suffix in (".h", ".hpp")):   # hipCUB's are .hpp
            words.update(re.findall(r"\b\w+\b", path.read_text(errors="replace")))
    absent = [r.name for r in load_table(family) if r.kind != "header"    # hipcub::DeviceReduce: DeviceReduce
              and r.flag("hip") in ("supported", "deprecated", "removed") and mappings.last_part(r.hip) not in words]
    assert absent == [], "HIP names not in the installed headers (flag them 'experimental' or fix them)"


@needs_hipcc
def test_the_compile_check_leaves_nothing_in_tmpdir(tmp_path: Path, monkeypatch):
    """clang's HIP driver leaves an empty `<stem>-XXXXXX` folder in TMPDIR behind each compile and each
    `-E`; verify's compile check runs hipcc with TMPDIR inside its own work folder, which goes with it."""
    from translator.verify.build import _hip_compile_check
    system_tmp, work = tmp_path / "system-tmp", tmp_path / "work"
    system_tmp.mkdir()
    work.mkdir()
    monkeypatch.setenv("TMPDIR", str(system_tmp))
    monkeypatch.setenv("CUTRANS_OBJECT_CACHE", "0")
    (work / "leak_probe.hip").write_text("#include <hip/hip_runtime.h>\n__global__ void k(float *a) { a[0] = 1.0f; }\n")
    assert _hip_compile_check(["leak_probe.hip"], [], work).startswith("compiled with hipcc")
    assert not list(system_tmp.iterdir())
