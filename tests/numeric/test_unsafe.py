"""Opt-in unsafe rewrites (translator/unsafe.py): the output changes only when asked, and verify compares
the targets a rewrite applies to with its wider bounds, naming it as the reason."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT
from tests.numeric.test_verify import _tools
from translator import unsafe
from translator.cli import main
from translator.diagnostics import CutransError
from translator.driver import backend_for, load_unit

BLACK_SCHOLES = str(ROOT / "samples" / "black_scholes.cu")


def _files(target: str, names=()):
    out = backend_for(target).translate(load_unit(BLACK_SCHOLES), {"unsafe": names})
    return out, {k: v.decode() for k, v in out.files.items()}


def test_fast_math_changes_only_what_it_says():
    out, files = _files("opencl")
    assert '"-cl-fp32-correctly-rounded-divide-sqrt"' in files["black_scholes.launch.h"] and out.unsafe == ()
    out, files = _files("opencl", ("fast-math",))
    assert '"-cl-fast-relaxed-math"' in files["black_scholes.launch.h"] and out.unsafe == ("fast-math",)
    _, files = _files("cpu")
    assert "fp contract(off)" in files["black_scholes.kernels.c"] and "fast-math" not in files["black_scholes.kernels.c"]
    out, files = _files("cpu", ("fast-math",))
    assert '#pragma GCC optimize("fast-math")' in files["black_scholes.kernels.c"] and out.unsafe == ("fast-math",)
    assert set(unsafe.REWRITES["fast-math"].effect) == {"opencl", "cpu"}     # HIP keeps the exact translation
    assert backend_for("hip").translate(load_unit(BLACK_SCHOLES), {"unsafe": ("fast-math",)}).unsafe == ()


def test_unknown_rewrite_is_a_usage_error(capsys, tmp_path):
    with pytest.raises(CutransError, match="unknown unsafe rewrite"):
        unsafe.check(["fastest-math"])
    assert main(["convert", BLACK_SCHOLES, "--to", "cpu", "-o", str(tmp_path), "--unsafe", "nope"]) == 2
    assert "choose from fast-math" in capsys.readouterr().err


@pytest.mark.toolchain
def test_verify_widens_only_the_targets_the_rewrite_applies_to(capsys):
    _tools("opencl")
    _tools("cpu")
    argv = ["verify", BLACK_SCHOLES, "--kernel", "black_scholes", "--grid", "16", "--block", "256",
            "--reference", "emulate", "--targets", "opencl,cpu,hip", "--unsafe", "fast-math", "--format", "json"]
    for a in ["out float32[4000]", "out float32[4000]", "in float32[4000] = uniform(5, 30)",
              "in float32[4000] = uniform(1, 100)", "in float32[4000] = uniform(0.25, 10)", "float32 0.02",
              "float32 0.30", "int32 4000"]:
        argv += ["--arg", a]
    assert main(argv) == 0
    results = {r["target"]: r for r in json.loads(capsys.readouterr().out)["results"]}
    for target in ("opencl", "cpu"):
        tolerance = results[target]["buffers"][0]["tolerance"]
        assert tolerance["max_ulp"] == 512 and "unsafe rewrite fast-math" in tolerance["reason"]
    if "hip" in results and results["hip"]["buffers"]:
        assert results["hip"]["buffers"][0]["tolerance"] == {"max_ulp": 4, "rel_tol": 1e-05, "abs_tol": 1e-06,
                                                             "reason": None}
    assert main(["verify", BLACK_SCHOLES, "--targets", "cpu", "--unsafe", "fast-math", "--format", "json"]) == 0
    [program] = json.loads(capsys.readouterr().out)["results"]
    assert "tolerance widened to rel 0.0001, abs 1e-05 by unsafe rewrite fast-math" in program["detail"]
