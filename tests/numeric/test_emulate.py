"""The CPU emulation reference (runtime_shims/emulate + translator/verify/reference.py): every sample
builds, runs, says PASS and prints exactly its samples/<name>.expected; emulation-specific cases check
barriers, warp lane semantics, atomics, launch shapes and the error reports.

Set CUTRANS_UPDATE_EXPECTED=1 to rewrite samples/*.expected from the emulated runs."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import LINKED_SAMPLES
from translator.diagnostics import CutransError
from translator.verify.reference import build_reference

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.cu"))
CASES = Path(__file__).resolve().parent / "emulate_cases"

pytestmark = [
    pytest.mark.toolchain("c++"),
    pytest.mark.skipif(shutil.which(os.environ.get("CXX", "c++").split()[0]) is None,
                       reason="no host C++ compiler (c++ or $CXX) to build the emulation reference"),
]

# name -> (source, defines)
BUILDS = {
    **{p.stem: (p, ()) for p in SAMPLES},
    **{f"linked_{s[0].parent.name}": (s, ()) for s in LINKED_SAMPLES},
    **{f"case_{p.stem}": (p, ()) for p in sorted(CASES.glob("*.cu"))},
    "barrier_removed": (CASES / "barrier.cu", ("NO_BARRIER",)),
    "barrier_ucontext": (CASES / "barrier.cu", ("CUEMU_USE_UCONTEXT",)),
    "warp_ucontext": (CASES / "warp.cu", ("CUEMU_USE_UCONTEXT",)),
}


@pytest.fixture(scope="module")
def built(reference_builds):
    """name -> executable, each built on first use."""
    return reference_builds(BUILDS)


def run(built, name) -> subprocess.CompletedProcess:
    exe = built[name]
    if isinstance(exe, CutransError):
        pytest.fail(f"reference build of {name} failed:\n{exe}")
    return subprocess.run([str(exe)], capture_output=True, text=True, timeout=60,
                          errors="surrogateescape")   # samples/latin1_source_bytes.cu prints Latin-1


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_sample_passes_and_matches_expected(built, sample):
    done = run(built, sample.stem)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "PASS"
    expected = sample.with_suffix(".expected")
    if os.environ.get("CUTRANS_UPDATE_EXPECTED"):
        expected.write_text(done.stdout, errors="surrogateescape")
    assert done.stdout == expected.read_text(errors="surrogateescape")


@pytest.mark.parametrize("sources", LINKED_SAMPLES, ids=lambda s: s[0].parent.name)
def test_linked_sample_passes_and_matches_expected(built, sources):
    """A program of several sources (samples/<name>/) builds from all of them and prints <main>.expected."""
    done = run(built, f"linked_{sources[0].parent.name}")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "PASS"
    expected = sources[0].with_suffix(".expected")
    if os.environ.get("CUTRANS_UPDATE_EXPECTED"):
        expected.write_text(done.stdout, errors="surrogateescape")
    assert done.stdout == expected.read_text(errors="surrogateescape")


def test_every_sample_has_an_expected_output():
    assert SAMPLES, "samples/ holds no .cu programs"
    assert all(p.with_suffix(".expected").is_file() for p in SAMPLES)
    assert LINKED_SAMPLES, "samples/ holds no program of several sources"
    assert all(s[0].with_suffix(".expected").is_file() for s in LINKED_SAMPLES)


@pytest.mark.parametrize("name", ["case_barrier", "case_warp", "case_atomics", "case_launches",
                                  "barrier_ucontext", "warp_ucontext"])
def test_emulation_case_passes(built, name):
    done = run(built, name)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1] == "PASS"


def test_missing_barrier_changes_the_answer(built):
    done = run(built, "barrier_removed")
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1] == "FAIL"


def test_device_printf_and_strings_survive(built):
    out = run(built, "case_launches").stdout
    assert "hello from block 1 thread 0 tag 42\n" in out
    assert "a string with <<<1, 2>>>(x) in it stays\n" in out
    assert "cudaErrorInvalidConfiguration" in out


def test_divergent_barrier_is_reported(built):
    done = run(built, "case_divergent_barrier")
    assert done.returncode == 3
    assert "not reached" not in done.stdout
    assert "divergent __syncthreads() in kernel 'split'" in done.stderr
    assert "divergent_barrier.cu:8" in done.stderr and "divergent_barrier.cu:11" in done.stderr


def test_deadlock_is_reported(built):
    done = run(built, "case_deadlock")
    assert done.returncode == 3
    assert "deadlock in kernel 'stuck'" in done.stderr
    assert "16 wait at __syncthreads()" in done.stderr and "__shfl_sync" in done.stderr


def test_compile_error_maps_to_the_original_line(tmp_path):
    source = tmp_path / "broken.cu"
    source.write_text("__global__ void k(int *p)\n{\n    p[0] = undefined_name;\n}\n"
                      "int main() { k<<<1,\n 1>>>(nullptr); return 0; }\n")
    before = source.read_bytes()
    with pytest.raises(CutransError) as info:
        build_reference(source, tmp_path / "broken", workdir=tmp_path / "work")
    diag = info.value.diagnostics[0]
    assert (diag.code, diag.path, diag.line) == ("V001", str(source), 3)
    assert "undefined_name" in diag.message
    assert source.read_bytes() == before


def test_unreadable_source_is_a_diagnostic(tmp_path):
    with pytest.raises(CutransError) as info:
        build_reference(tmp_path / "missing.cu", tmp_path / "x", workdir=tmp_path / "work")
    assert info.value.diagnostics[0].code == "V001"
    assert "cannot read" in info.value.diagnostics[0].message


def test_kernels_in_the_programs_own_headers_are_normalized_too(tmp_path):
    """Regression (HeCBench scatterAdd): `extern __shared__` in a kernel in an included header did not
    build, since only the main file was normalized; the header also holds a launch, and an error in it
    must still point at the header itself."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "kern.cuh").write_text(
        "__global__ void twice(int *p)\n{\n    extern __shared__ int buf[];\n    buf[threadIdx.x] = p[threadIdx.x];\n"
        "    __syncthreads();\n    p[threadIdx.x] = 2 * buf[blockDim.x - 1 - threadIdx.x];\n}\n"
        '#include "launch.cuh"\n')
    (tmp_path / "sub" / "launch.cuh").write_text(
        "static void run(int *d) { twice<<<1, 8, 8 * sizeof(int)>>>(d); }\n#ifdef BROKEN\nint x = undefined_name;\n#endif\n")
    source = tmp_path / "main.cu"
    source.write_text('#include <cstdio>\n#include "sub/kern.cuh"\nint main() {\n    int h[8], *d;\n'
                      "    for (int i = 0; i < 8; ++i) h[i] = i;\n    cudaMalloc((void **)&d, sizeof h);\n"
                      "    cudaMemcpy(d, h, sizeof h, cudaMemcpyHostToDevice);\n    run(d);\n"
                      "    cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);\n"
                      '    for (int i = 0; i < 8; ++i) printf("%d ", h[i]);\n    return 0;\n}\n')
    build_reference(source, tmp_path / "ok", workdir=tmp_path / "work")
    done = subprocess.run([str(tmp_path / "ok")], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["14", "12", "10", "8", "6", "4", "2", "0"]
    with pytest.raises(CutransError) as info:
        build_reference(source, tmp_path / "broken", defines=("BROKEN",), workdir=tmp_path / "work2")
    diag = info.value.diagnostics[0]
    assert (diag.path, diag.line) == (str(tmp_path / "sub" / "launch.cuh"), 3)
