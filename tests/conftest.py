"""Shared test helpers: writing CUDA snippets to files and lowering them."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.cu"))


@pytest.fixture
def cuda_file(tmp_path):
    """Write a CUDA snippet to a .cu file and return its path."""
    def make(text: str, name: str = "snippet.cu") -> str:
        path = tmp_path / name
        path.write_text(text)
        return str(path)
    return make


@pytest.fixture
def lower(cuda_file):
    """Parse and lower a CUDA snippet; return (module, diagnostics)."""
    from translator.frontend.clang_setup import parse
    from translator.frontend.lower import lower_module

    def run(text: str):
        path = cuda_file(text)
        tu, _, _ = parse(path)
        return lower_module(tu, path)
    return run
