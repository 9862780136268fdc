"""The CPU target's per-warp tensor-core ops (passes/warp_matrix_ops.py) compute the same bits as the reference
emulation of the original (runtime_shims/emulate/include/mma.h), whose order of operations the portable
lowering shares: every WMMA kernel case of pyproject.toml, on two seeds, with no tolerance at all."""

from __future__ import annotations

import dataclasses

import pytest

from tests.conftest import ROOT
from tests.numeric.test_verify import _tools
from translator.frontend.clang_setup import CompileOptions
from translator.verify.kernel import verify_kernel
from translator.verify.kernel_spec import load_project

WMMA_CASES = [c for c in load_project(ROOT / "pyproject.toml") if "/samples/wmma_" in c.file.replace("\\", "/")]
EXACT = {"max_ulp": 0, "rel_tol": 0.0, "abs_tol": 0.0, "reason": "per-warp ops keep the portable order"}


def test_the_wmma_cases_are_found():
    assert len(WMMA_CASES) >= 8


@pytest.mark.toolchain
@pytest.mark.parametrize("seed", [0, 5])
@pytest.mark.parametrize("case", WMMA_CASES, ids=lambda c: c.name)
def test_per_warp_tiles_give_the_references_bits(case, seed):
    _tools("cpu")
    exact = dataclasses.replace(case, seed=seed, tolerance=EXACT)
    [result] = verify_kernel(exact, ["cpu"], options=CompileOptions(), reference="emulate")
    assert result.status == "pass", result.detail
    assert all(b["mismatches"] == 0 and b["tolerance"]["max_ulp"] == 0 for b in result.buffers), result.buffers
