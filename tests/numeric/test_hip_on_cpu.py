"""HIP output run on the CPU emulation at the target's wavefront width (translator/verify/hip_on_cpu.py):
every sample passes `cutrans verify --targets hip`, and a program that prints its warp decomposition
shows 64-lane wavefronts on gfx90a and 32-lane ones on gfx1030."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import hip_params, source_text
from translator.diagnostics import CutransError
from translator.frontend.clang_setup import CompileOptions
from translator.backends import hip_arch
from translator.verify import hip_on_cpu

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.cu"))
WAVE_PROGRAM = Path(__file__).resolve().parent / "emulate_cases" / "wave_width.cu"

pytestmark = [
    pytest.mark.toolchain("c++"),
    pytest.mark.skipif(shutil.which(os.environ.get("CXX", "c++").split()[0]) is None,
                       reason="no host C++ compiler (c++ or $CXX) to build HIP for the CPU emulation"),
]


# Samples written for 32-lane warps (lane = tid % 32, 0xffffffff masks, 32 ballot bits): their HIP output keeps
# CUDA's 32-lane warps on 64-lane wavefronts (translator/backends/hip_warp.py), so they pass at wave 64. Without
# that rewrite verify must report them as failing there: the silent-wrong-result hazard it exists to catch.
ASSUMES_WARP_32 = {"warp_shuffle_reduction", "warp_vote", "warp_reduce_intrinsics", "half_warp_shuffles"}


@pytest.mark.parametrize("sample", hip_params(SAMPLES), ids=lambda p: p.stem)
def test_sample_passes_on_hip(sample):
    from translator.verify.program import verify_program
    [result] = verify_program(str(sample), ["hip"], options=CompileOptions(), cwd=str(sample.parent))
    assert result.status == "pass", result.detail


WMMA_SAMPLES = [p for p in SAMPLES if "<mma.h>" in source_text(p)]


@pytest.mark.parametrize("sample", hip_params(WMMA_SAMPLES), ids=lambda p: p.stem)
def test_wmma_sample_passes_on_matrix_cores(sample, monkeypatch):
    """--tensor-core intrinsics: mma_sync on the MFMA builtins (the emulation's model of them, cuemu/mfma.h),
    judged with the bounds of the unsafe rewrite, which the report names."""
    from translator.verify.program import verify_program
    monkeypatch.setenv("CUTRANS_HIP_ARCH", "gfx90a")
    [result] = verify_program(str(sample), ["hip"], options=CompileOptions(), cwd=str(sample.parent),
                              unsafe_rewrites=("tensor-core-intrinsics",))
    assert result.status == "pass", result.detail
    assert "wave 64" in result.detail and "unsafe rewrite tensor-core-intrinsics" in result.detail, result.detail


def test_matrix_cores_on_a_wave32_arch_is_an_error_naming_the_arch(monkeypatch):
    from translator.verify.program import verify_program
    monkeypatch.setenv("CUTRANS_HIP_ARCH", "gfx1030")
    sample = ROOT / "samples" / "wmma_fp16_gemm.cu"
    [result] = verify_program(str(sample), ["hip"], options=CompileOptions(), cwd=str(sample.parent),
                              unsafe_rewrites=("tensor-core-intrinsics",))
    assert result.status == "error"
    assert "gfx1030 does not have" in result.detail + str(result.diagnostics)


def _hip_without_warp_rewrite(monkeypatch):
    """Make verify translate HIP with the warp-size rewrite turned off."""
    from translator import driver
    original = driver.backend_for

    def backend_for(target):
        backend = original(target)
        if target == "hip":
            translate = backend.translate
            backend.translate = lambda unit, options: translate(unit, {**(options or {}), "warp_rewrite": False})
        return backend
    monkeypatch.setattr(driver, "backend_for", backend_for)


@pytest.mark.parametrize("rewrite", [True, False], ids=["rewritten", "as-written"])
@pytest.mark.parametrize("sample", sorted(ASSUMES_WARP_32))
def test_warp32_assumption_at_wave64(sample, rewrite, monkeypatch):
    """At wave 64 the code as written computes other numbers (verify says so); the rewritten code passes."""
    from translator.verify.program import verify_program
    monkeypatch.setenv("CUTRANS_HIP_ARCH", "gfx90a")
    if not rewrite:
        _hip_without_warp_rewrite(monkeypatch)
    path = ROOT / "samples" / f"{sample}.cu"
    [result] = verify_program(str(path), ["hip"], options=CompileOptions(), cwd=str(path.parent))
    assert "wave 64" in result.detail, result.detail
    assert result.status == ("pass" if rewrite else "fail"), result.detail


@pytest.mark.parametrize("arch, width", [("gfx908", 64), ("gfx90a", 64), ("gfx942", 64), ("gfx90a:xnack+", 64),
                                         ("gfx1030", 32), ("gfx1100", 32), ("gfx1201", 32)])
def test_wave_width_table(arch, width):
    assert hip_arch.wave_width(arch) == width


def test_unknown_arch_is_a_diagnostic():
    with pytest.raises(CutransError) as info:
        hip_arch.wave_width("sm_80")
    assert info.value.diagnostics[0].code == "V005"


def test_names_header_maps_hip_onto_cuda():
    header = hip_on_cpu.names_header()
    assert "#define hipMalloc cudaMalloc\n" in header
    assert "#define hipDeviceProp_t cudaDeviceProp\n" in header
    assert "#define hipDeviceSynchronize cudaDeviceSynchronize\n" in header
    # every macro name is an identifier: header records (hip/hip_complex.h) would define a macro `hip`
    assert all(re.fullmatch(r"#define \w+ \w+", line) for line in header.splitlines()[2:])


@pytest.fixture(scope="module")
def wave_hip(tmp_path_factory) -> Path:
    from translator.driver import backend_for, load_unit, write_output
    folder = tmp_path_factory.mktemp("wave")
    unit = load_unit(str(WAVE_PROGRAM), CompileOptions())
    write_output(backend_for("hip").translate(unit, {}), folder, inputs=set())
    return folder / "wave_width.hip"


@pytest.mark.parametrize("arch, expected", [
    ("gfx90a", ["warpSize 64", "warps per 128-thread block 2", "thread 100: warp 1 lane 36", "active lanes 64"]),
    ("gfx1030", ["warpSize 32", "warps per 128-thread block 4", "thread 100: warp 3 lane 4", "active lanes 32"]),
])
def test_wave_width_shows_in_the_run(wave_hip, tmp_path, arch, expected):
    exe = tmp_path / "wave"
    width = hip_on_cpu.build_on_cpu(wave_hip, exe, arch, workdir=tmp_path / "work")
    assert width == int(expected[0].split()[1])
    done = subprocess.run([str(exe)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == expected


def test_a_wrong_hip_translation_fails(monkeypatch):
    """A HIP output that computes a different number is reported as a failure, not as unsupported."""
    from translator import driver
    from translator.verify.program import verify_program
    original = driver.backend_for

    def backend_for(target):
        backend = original(target)
        if target == "hip":
            translate = backend.translate

            def perturbed(unit, options):
                out = translate(unit, options)
                name = next(n for n in out.files if n.endswith(".hip"))
                text = out.files[name]
                old, new = (b"c[i] = a[i] + b[i];", b"c[i] = a[i] + b[i] * 1.0001f;")
                if isinstance(text, str):
                    old, new = old.decode(), new.decode()
                assert old in text, "the perturbation no longer applies"
                out.files[name] = text.replace(old, new, 1)
                return out
            backend.translate = perturbed
        return backend
    monkeypatch.setattr(driver, "backend_for", backend_for)
    [result] = verify_program(str(ROOT / "samples" / "vector_add.cu"), ["hip"], options=CompileOptions(),
                              cwd=str(ROOT))
    assert result.status == "fail", result.detail
    assert "mismatch" in result.detail.lower()


def test_kernels_in_the_programs_own_headers_run_on_hip(tmp_path):
    """Regression (HeCBench scatterAdd): the HIP output keeps including the program's own headers from its
    folder, and a kernel there with `extern __shared__` must be normalized for the emulation like one in the
    main file; it did not build (only headers beside the HIP output were)."""
    from translator.verify.program import verify_program
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "kern.cuh").write_text(
        "__global__ void twice(int *p)\n{\n    extern __shared__ int buf[];\n    buf[threadIdx.x] = p[threadIdx.x];\n"
        "    __syncthreads();\n    p[threadIdx.x] = 2 * buf[blockDim.x - 1 - threadIdx.x];\n}\n")
    source = tmp_path / "main.cu"
    source.write_text('#include <cstdio>\n#include "sub/kern.cuh"\nint main() {\n    int h[64], *d;\n'
                      "    for (int i = 0; i < 64; ++i) h[i] = i * i;\n    cudaMalloc((void **)&d, sizeof h);\n"
                      "    cudaMemcpy(d, h, sizeof h, cudaMemcpyHostToDevice);\n"
                      "    twice<<<1, 64, 64 * sizeof(int)>>>(d);\n"
                      "    cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);\n"
                      '    for (int i = 0; i < 64; i += 7) printf("%d ", h[i]);\n    printf("\\n");\n    return 0;\n}\n')
    [result] = verify_program(str(source), ["hip"], options=CompileOptions(), cwd=str(tmp_path))
    assert result.status == "pass", result.detail


@pytest.mark.parametrize("arch", ["gfx90a", "gfx1030"])
def test_compat_warp_reductions_as_a_gpu_runs_them(tmp_path, arch):
    """cutrans_hip_compat.h reduces on a GPU by reading the active lanes one by one (cutrans_reduce_lanes);
    HIP output on the emulation takes its __reduce_*_sync instead, so this compares the two directly, with
    several groups of lanes reducing over different masks at once, at wave 64 and wave 32."""
    exe = tmp_path / "reduce"
    hip_on_cpu.build_on_cpu(WAVE_PROGRAM.parent / "hip_reduce_lanes.hip", exe, arch, workdir=tmp_path / "work",
                            include_dirs=(ROOT / "runtime_shims" / "hip",))
    done = subprocess.run([str(exe)], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, "differences 0\n"), done.stderr
