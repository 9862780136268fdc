"""Shared test helpers: writing CUDA snippets to files and lowering them."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from translator.verify.demo import sample_programs

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.cu"))
# Programs of several sources, one sub-folder of samples/ each (verify --link): lists of sources, main first.
LINKED_SAMPLES = [p for p in sample_programs(ROOT / "samples") if len(p) > 1]


def source_text(path: Path) -> str:
    """A source as text; a byte that is not UTF-8 (samples/latin1_source_bytes.cu) stays one code point."""
    return path.read_bytes().decode("utf-8", "surrogateescape")


@functools.lru_cache(maxsize=8)
def loaded_unit(path: Path):
    """`path` parsed and lowered with the default options, once for the last few paths a test process asked
    for: a unit serves every target (a backend translates a copy of its IR), and a test file that runs one
    input's checks one after another (in several modes, for several targets) parses it once."""
    from translator.driver import load_unit
    return load_unit(str(path))


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


class ReferenceBuilds(dict):
    """name -> the emulation reference's executable (or the CutransError its build raised), built on first
    use from `programs` (name -> (source, defines)) under `root`: each test (and each pytest-xdist
    worker) builds only the programs it runs."""

    def __init__(self, root: Path, programs: dict):
        super().__init__()
        self.root, self.programs = root, programs

    def __missing__(self, name: str):
        from translator.diagnostics import CutransError
        from translator.verify.reference import build_reference
        source, defines = self.programs[name]
        main, *also = source if isinstance(source, list) else [source]     # a list: one program's sources
        try:
            build_reference(main, self.root / name, defines=defines, workdir=self.root / f"{name}.work", also=also)
            self[name] = self.root / name
        except CutransError as exc:
            self[name] = exc
        return self[name]


@pytest.fixture(scope="session")
def reference_builds(tmp_path_factory):
    """programs (name -> (source, defines)) -> ReferenceBuilds in a fresh folder."""
    return lambda programs: ReferenceBuilds(tmp_path_factory.mktemp("references"), programs)


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


# Samples that use an API Debian's HIP 5.2 (the HIP of CI) lacks: the HIP backend refuses them with M001 naming
# each missing name (translator/backends/hip.py), so their HIP tests are expected failures with the gap named.
# Strict: mapping the API onto HIP 5 turns XPASS red, and the entry must go.
HIP_API_GAPS: dict[str, str] = {}


def hip_params(paths):
    """`paths` as pytest parameters, the HIP_API_GAPS ones marked as expected failures with their reason."""
    return [pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=HIP_API_GAPS[p.stem]))
            if p.stem in HIP_API_GAPS else p for p in paths]
