"""Numeric tests: every sample, translated to OpenCL (PoCL) and CPU, matches the emulated original;
and verify catches a translation that computes a different number."""

from __future__ import annotations

import json

import pytest

from tests.conftest import LINKED_SAMPLES, ROOT, SAMPLES, need
from translator import driver
from translator.cli import main
from translator.frontend.clang_setup import CompileOptions
from translator.verify import toolchain
from translator.verify.program import verify_program


def _tools(target: str) -> None:
    need("cpu", toolchain.find_cxx())
    if target == "opencl":
        need("opencl", toolchain.find_opencl())
    if target == "cpu":
        need("cpu", toolchain.find_openmp())


@pytest.mark.toolchain
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_matches_the_reference_on_opencl_and_cpu(sample):
    _tools("opencl")
    _tools("cpu")
    results = verify_program(str(sample), ["opencl", "cpu"], options=CompileOptions(), cwd=str(ROOT))
    for r in results:
        assert r.status == "pass", f"{sample.name} on {r.target}: {r.status}\n{r.detail}"


def _perturbing(monkeypatch, target: str, old: bytes, new: bytes):
    """Make the backend for `target` emit `new` where it would emit `old` in its device file."""
    original = driver.backend_for

    def backend_for(t):
        backend = original(t)
        if t != target:
            return backend
        translate = backend.translate

        def perturbed(unit, options):
            out = translate(unit, options)
            device = next(name for name in out.files if name.endswith((".cl", ".kernels.c")))
            assert old in out.files[device], "the perturbation no longer applies"
            out.files[device] = out.files[device].replace(old, new, 1)
            return out
        backend.translate = perturbed
        return backend
    monkeypatch.setattr(driver, "backend_for", backend_for)


@pytest.mark.toolchain
@pytest.mark.parametrize("target, old, new", [
    ("opencl", b"c[i] = a[i] + b[i];", b"c[i] = a[i] + b[i] * 1.0001f;"),
    ("cpu", b"c[i] = a[i] + b[i];", b"c[i] = i == 4242 ? 0.0f : a[i] + b[i];"),
])
def test_verify_fails_with_a_useful_report_when_a_translation_is_perturbed(monkeypatch, target, old, new):
    _tools(target)
    _perturbing(monkeypatch, target, old, new)
    [result] = verify_program(str(ROOT / "samples" / "vector_add.cu"), [target], options=CompileOptions(),
                              cwd=str(ROOT))
    assert result.status == "fail"
    assert "first" in result.detail and "worst" in result.detail
    assert "mismatch" in result.detail.lower()


@pytest.mark.toolchain
def test_verify_command_exit_codes_and_json(monkeypatch, capsys):
    _tools("cpu")
    sample = str(ROOT / "samples" / "saxpy_grid_stride.cu")
    assert main(["verify", sample, "--targets", "cpu", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"][0]["status"] == "pass" and data["results"][0]["target"] == "cpu"
    _perturbing(monkeypatch, "cpu", b"fmaf(a, x[i], y[i])", b"fmaf(a, x[i], -y[i])")
    assert main(["verify", sample, "--targets", "cpu"]) == 1
    assert "FAIL" in capsys.readouterr().out.upper()


_SLOW_HOST = """
#include <cstdio>
#include <unistd.h>
__global__ void fill(float *x) { x[threadIdx.x] = 1.0f; }
int main() {
    float *d;
    cudaMalloc((void **)&d, 32 * sizeof(float));
    fill<<<1, 32>>>(d);
    cudaDeviceSynchronize();
    sleep(30);
    printf("done\\n");
    return 0;
}
"""


@pytest.mark.toolchain
def test_a_reference_out_of_time_still_has_each_translation_built(tmp_path, monkeypatch):
    """Nothing can be compared when the reference runs past its limit, but a translation that does not build is
    still reported as such (cuda-samples' cudaTensorCoreGemm built on no target, and said only "timeout")."""
    _tools("cpu")
    src = tmp_path / "slow.cu"
    src.write_text(_SLOW_HOST)
    [built] = verify_program(str(src), ["cpu"], options=CompileOptions(), cwd=str(tmp_path), timeout=2)
    assert built.status == "error"
    assert "reference run timed out [V004]" in built.detail and "the translation built" in built.detail
    _perturbing(monkeypatch, "cpu", b"x[threadIdx.x] = 1.0f;", b"x[threadIdx.x] = 1.0f +;")
    [broken] = verify_program(str(src), ["cpu"], options=CompileOptions(), cwd=str(tmp_path), timeout=2)
    assert broken.status == "error" and "V002" in broken.detail and "timed out" not in broken.detail


@pytest.mark.toolchain
def test_unsupported_construct_is_reported_as_unsupported_with_its_diagnostic(tmp_path):
    _tools("cpu")
    src = tmp_path / "divergent.cu"
    src.write_text("""
#include <cstdio>
__global__ void k(int* o) {
    __shared__ int s[32];
    s[threadIdx.x] = threadIdx.x;
    if (threadIdx.x < 16) __syncthreads();
    o[threadIdx.x] = s[31 - threadIdx.x];
}
int main() {
    int* d; cudaMalloc((void**)&d, 32 * sizeof(int));
    k<<<1, 32>>>(d);
    int h[32]; cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
    printf("%d\\n", h[0]);
    return 0;
}
""")
    [result] = verify_program(str(src), ["cpu"], options=CompileOptions(), cwd=str(tmp_path))
    # refused when translating, or (cpu_uniform_check.py) stopped at run time by the barrier check
    assert result.status in ("unsupported", "error", "fail")
    assert "L005" in result.detail or "V001" in result.detail or "divergent barrier" in result.detail


@pytest.mark.toolchain
@pytest.mark.parametrize("sources", LINKED_SAMPLES, ids=lambda s: s[0].parent.name)
def test_program_of_several_sources_matches_on_every_target(sources):
    """verify --link: each source translated on its own, the pieces linked (HIP through its compile check, when
    hipcc is installed, and the CPU emulation at its wavefront)."""
    _tools("opencl")
    _tools("cpu")
    main_file, *also = sources
    results = verify_program(str(main_file), ["opencl", "cpu", "hip"], options=CompileOptions(),
                             cwd=str(main_file.parent), also=also)
    for r in results:
        assert r.status == "pass", f"{main_file.parent.name} on {r.target}: {r.status}\n{r.detail}"


@pytest.mark.toolchain
def test_link_joins_the_sources_and_a_missing_piece_fails_to_build(tmp_path, capsys):
    _tools("cpu")
    (tmp_path / "k.cu").write_text("__global__ void k(int *p) { p[threadIdx.x] = 3 * threadIdx.x; }\n"
                                   "void run(int *d) { k<<<1, 8>>>(d); }\n")
    (tmp_path / "main.cpp").write_text("""
#include <cstdio>
void run(int *);
int main(int argc, char **argv) {
    int *d, h[8];
    cudaMalloc(&d, sizeof h);
    run(d);
    cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
    printf("%s %d %d\\n", argv[0], h[1], h[7]);
    return 0;
}
""")
    files = [str(tmp_path / "main.cpp"), str(tmp_path / "k.cu")]
    # argv[0] is the same in every run (./main), so a program that prints its own name still compares
    assert main(["verify", *files, "--link", "--targets", "cpu,opencl", "--format", "json"]) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    assert [r["status"] for r in results] == ["pass", "pass"]
    # without --link each file is a program of its own: main.cpp alone does not link (no run())
    assert main(["verify", files[0], "--targets", "cpu", "--format", "json"]) != 0
    [alone] = json.loads(capsys.readouterr().out)["results"]
    assert alone["status"] == "error" and "V001" in alone["detail"]
