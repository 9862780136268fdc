"""Kernel mode, end to end: every sample kernel declared in pyproject.toml runs alone on synthesized inputs
on OpenCL (PoCL) and the CPU and matches the emulated original buffer by buffer; and a translation that
is off in one element, or by more ulps than allowed, is caught with its index, values and seed."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, need, source_text
from tests.numeric.test_verify import _perturbing, _tools
from translator.cli import main
from translator.frontend.clang_setup import CompileOptions
from translator.verify import toolchain
from translator.verify.kernel import verify_kernel
from translator.verify.kernel_spec import case_from_table, load_project

CASES = load_project(ROOT / "pyproject.toml")
VECTOR_ADD = {"file": str(ROOT / "samples" / "vector_add.cu"), "kernel": "vector_add", "grid": [4], "block": [256],
              "args": ["in float32[1000]", "in float32[1000]", "out float32[1000]", "int32 1000"], "seed": 11}


def test_every_sample_kernel_has_a_case():
    import re
    declared = {(c.file, re.sub(r"<.*", "", c.kernel)) for c in CASES}
    for sample in sorted((ROOT / "samples").glob("*.cu")):
        for kernel in re.findall(r"__global__\s+void\s+(\w+)", source_text(sample)):
            assert (str(sample), kernel) in declared, f"no [[tool.cutrans.verify]] case for {sample.name}:{kernel}"


@pytest.mark.toolchain
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_every_declared_kernel_matches_the_reference(case):
    _tools("opencl")
    _tools("cpu")
    results = verify_kernel(case, ["opencl", "cpu", "hip"], options=CompileOptions(), reference="emulate")
    for r in results:
        assert r.status == "pass", f"{case.name} on {r.target}: {r.status}\n{r.detail}"
        assert r.buffers and all(b["mismatches"] == 0 for b in r.buffers) and r.seed == case.seed


@pytest.mark.toolchain
@pytest.mark.parametrize("target", ["opencl", "cpu"])
def test_one_wrong_element_is_reported_with_index_values_and_seed(monkeypatch, target):
    _tools(target)
    _perturbing(monkeypatch, target, b"c[i] = a[i] + b[i];", b"c[i] = a[i] + b[i] + (i == 777 ? 0.5f : 0.0f);")
    [r] = verify_kernel(case_from_table(VECTOR_ADD, ROOT, "t"), [target], options=CompileOptions(),
                        reference="emulate")
    assert r.status == "fail"
    [c] = [b for b in r.buffers if b["mismatches"]]
    assert c["name"] == "arg2" and c["mismatches"] == 1 and c["first"]["index"] == [777] == c["worst"]["index"]
    assert float(c["first"]["actual"]) == pytest.approx(float(c["first"]["expected"]) + 0.5, abs=1e-6)
    assert "seed 11" in r.detail and "arg2 (float32): 1 of 1000 elements differ" in r.detail


@pytest.mark.toolchain
def test_ulp_bound_decides(monkeypatch, capsys, tmp_path):
    """Three ulps too high in every element: within the default 4 ulp; caught by --max-ulp 2."""
    _tools("cpu")
    three_up = b"c[i] = nextafterf(nextafterf(nextafterf(a[i] + b[i], INFINITY), INFINITY), INFINITY);"
    _perturbing(monkeypatch, "cpu", b"c[i] = a[i] + b[i];", three_up)
    argv = ["verify", VECTOR_ADD["file"], "--kernel", "vector_add", "--grid", "4", "--block", "256",
            "--targets", "cpu", "--reference", "emulate", "--format", "json"]
    for a in VECTOR_ADD["args"]:
        argv += ["--arg", a]
    assert main(argv + ["--abs-tol", "0", "--rel-tol", "0", "--reason", "ulps only"]) == 0
    capsys.readouterr()
    assert main(argv + ["--max-ulp", "2", "--abs-tol", "0", "--rel-tol", "0", "--reason", "ulps only"]) == 1
    [result] = json.loads(capsys.readouterr().out)["results"]
    [c] = [b for b in result["buffers"] if b["mismatches"]]
    assert c["mismatches"] == 1000 and c["first"]["ulp"] == 3 and c["tolerance"]["max_ulp"] == 2
    assert result["seed"] == 0 and result["case"] == "vector_add:vector_add"


@pytest.mark.toolchain
def test_cases_run_from_the_command_line(capsys):
    _tools("cpu")
    assert main(["verify", "--project", str(ROOT / "pyproject.toml"), "--case", "template_kernel:scale<float>",
                 "--targets", "cpu", "--format", "json"]) == 0
    [result] = json.loads(capsys.readouterr().out)["results"]
    assert result["status"] == "pass" and result["buffers"][0]["elements"] == 1000


@pytest.mark.toolchain
def test_a_declaration_that_does_not_fit_the_kernel_is_an_error_at_the_users_file(capsys):
    need("cpu", toolchain.find_cxx())
    bad = dict(VECTOR_ADD, args=VECTOR_ADD["args"][:3])          # one argument short
    [r] = verify_kernel(case_from_table(bad, ROOT, "t"), ["cpu"], options=CompileOptions(), reference="emulate")
    assert r.status == "error" and "did not build" in r.detail
    assert "no matching function" in r.detail or "too few arguments" in r.detail


def test_usage_errors_exit_2(capsys, tmp_path):
    assert main(["verify", "--project", str(ROOT / "pyproject.toml"), "--case", "nope"]) == 2
    assert "no case named nope" in capsys.readouterr().err
    assert main(["verify", str(ROOT / "samples" / "vector_add.cu"), "--arg", "int32 1"]) == 2
    assert "belong(s) to kernel mode" in capsys.readouterr().err
    assert main(["verify", str(ROOT / "samples" / "vector_add.cu"), "--kernel", "vector_add", "--link"]) == 2
    assert "--link belongs to program mode" in capsys.readouterr().err
    assert main(["verify", str(ROOT / "samples" / "vector_add.cu"), "--kernel", "vector_add", "--grid", "1"]) == 2
    assert "needs --block" in capsys.readouterr().err
    assert main(["verify", str(ROOT / "samples" / "vector_add.cu"), "--kernel", "vector_add", "--grid", "1",
                 "--block", "1", "--arg", "in float32[2] = wobbly"]) == 2
    assert "[U003]" in capsys.readouterr().err
    assert main(["verify"]) == 2


@pytest.mark.toolchain
@pytest.mark.parametrize("case", [c for c in CASES if c.name in ("struct_particles:simulate", "template_kernel:scale<float>",
                                                                 "host_parameter_types:histogram_chars")],
                         ids=lambda c: c.name)
def test_harness_is_valid_cuda_for_nvcc(case, tmp_path):
    """Where a CUDA toolkit exists (no GPU needed), real nvcc accepts the generated harness."""
    from pathlib import Path

    from translator.verify import cuda_reference
    from translator.verify.harness import MAIN_DEFINE, harness_source
    if cuda_reference.nvcc() is None:
        pytest.skip("nvcc unavailable: no CUDA toolkit on this machine (optional)")
    harness = tmp_path / Path(case.file).name
    harness.write_text(harness_source(case, Path(case.file).read_text()))
    cuda_reference.build(harness, tmp_path / "h.o", include_dirs=[str(Path(case.file).parent)],
                         defines=[MAIN_DEFINE], arch="sm_90", compile_only=True)
    assert (tmp_path / "h.o").stat().st_size > 0
