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


def need(name: str, tool):
    """Return a toolchain record; when it is a reason string instead, skip with that reason, or
    fail where CI asked for the tool (CUTRANS_REQUIRE_TOOLS=opencl,cpu,hip) so it cannot skip silently."""
    import os
    if not isinstance(tool, str):
        return tool
    required = {t.strip() for t in os.environ.get("CUTRANS_REQUIRE_TOOLS", "").split(",") if t.strip()}
    if name in required:
        pytest.fail(f"{name} is required in this run (CUTRANS_REQUIRE_TOOLS) but unavailable: {tool}")
    pytest.skip(f"{name} unavailable: {tool}")
