"""benchmarks/wmma_gemm.py without a toolchain: the table shows both sides and their ratio, and sizes the
kernel's 32 x 32 block tile cannot cover are refused before anything is built."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import wmma_gemm  # noqa: E402


def test_the_table_gives_both_sides_and_the_ratio():
    text = wmma_gemm.render([{"n": 1024, "cutrans_gflops": 12.5, "numpy_gflops": 50.0, "ratio": 0.25}])
    assert "WMMA fp16 GEMM" in text
    row = text.splitlines()[-1]
    assert row.split("|")[0].strip() == "1024" and "12.50" in row and "50.0" in row and "0.250" in row


def test_sizes_must_be_multiples_of_the_block_tile(capsys):
    with pytest.raises(SystemExit) as info:
        wmma_gemm.main(["--sizes", "1000"])
    assert info.value.code == 2 and "multiple of 32" in capsys.readouterr().err
