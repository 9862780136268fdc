"""benchmarks/corpus.py: its program list loads and is well-formed, and its table renders (no suite needed)."""

from __future__ import annotations

import importlib.util
import shlex
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "corpus.py"


@pytest.fixture(scope="module")
def corpus():
    spec = importlib.util.spec_from_file_location("corpus_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_toml_loads_with_both_tiers_and_the_reserves(corpus):
    suites, programs = corpus.load_programs()
    assert {"HeCBench", "cuda-samples", "PolyBench-ACC"} <= set(suites)
    tiers = [p.tier for p in programs]
    assert tiers.count("a") == 17
    assert tiers.count("b") == 30
    assert tiers.count("r") == 17       # CORPUS.md's reserves for tier (b)
    assert tiers.count("h") == 12       # HeCBench beyond CORPUS.md: BlockReduce, type traits, stream priorities...


def test_the_default_tiers_are_the_47_programs_the_issues_count(corpus):
    args = corpus.parse_args(["/tmp"])
    assert args.tier == "ab"
    assert corpus.parse_args(["/tmp", "--tier", "r"]).tier == "r"
    with pytest.raises(SystemExit):
        corpus.parse_args(["/tmp", "--tier", "c"])


def test_every_entry_is_well_formed(corpus):
    suites, programs = corpus.load_programs()
    names = [p.name for p in programs]
    assert len(names) == len(set(names))
    for p in programs:
        assert p.suite in suites, p.name
        assert p.main.endswith((".cu", ".cpp")) and not p.main.startswith("/"), p.name
        assert all(Path(f).suffix in (".cu", ".cpp") and len(Path(f).parts) == 1 for f in p.link), p.name
        assert ".." not in Path(p.main).parts, p.name
        assert all(not inc.startswith("/") for inc in p.include), p.name
        assert all(d and not d.startswith("-") for d in p.defines), p.name
        shlex.split(p.args)
        assert 0 < p.timeout <= 600 and p.wall_limit >= p.timeout, p.name
        argv = corpus.verify_argv(Path("/corpus"), suites, p, corpus.TARGETS)
        assert f"--args={p.args}" in argv   # one token: arguments that start with '-' stay arguments
        assert argv[argv.index("--targets") + 1] == "opencl,cpu,hip"
        assert argv.count("-I") == len(p.include) and argv.count("-D") == len(p.defines)
        assert ("--link" in argv) == bool(p.link) and argv[argv.index("verify") + 2:][:len(p.link)] == [
            str(Path("/corpus", suites[p.suite]["folder"], p.main).parent / f) for f in p.link], p.name


def test_sorted_by_tier_then_name(corpus):
    _, programs = corpus.load_programs()
    keys = [(p.tier, p.name.lower()) for p in programs]
    assert keys == sorted(keys)


def test_malformed_entry_is_refused(corpus, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[suites.S]\nfolder = "S"\n[programs.x]\nsuite = "S"\ntier = "c"\nmain = "x.cu"\n')
    with pytest.raises(ValueError, match="tier"):
        corpus.load_programs(bad)
    bad.write_text('[suites.S]\nfolder = "S"\n[programs.x]\nsuite = "S"\ntier = "a"\nmain = "x.cu"\nargz = ""\n')
    with pytest.raises(ValueError, match="unknown field"):
        corpus.load_programs(bad)


def _fabricated(corpus):
    O = corpus.Outcome
    tmpl = {"code": "L001", "message": "template kernel 'k<int>' is not translated yet"}
    tmpl2 = {"code": "L001", "message": "template kernel 'other<float>' is not translated yet"}
    build = {"code": "V002", "message": "compiling the OpenCL host program failed:\nx.cpp:3:1: error: 'fabs' was not declared"}
    return [
        O("zeta", "b", "ok", {"hip": "built", "opencl": "unsup", "cpu": "unsup"}, {"opencl": tmpl2, "cpu": tmpl2}),
        O("alpha", "b", "ok", {"hip": "built", "opencl": "error", "cpu": "pass"}, {"opencl": build}),
        O("beta", "a", "ok", {"hip": "unsup", "opencl": "unsup", "cpu": "unsup"},
          {"hip": tmpl, "opencl": tmpl, "cpu": tmpl}),
        O("gone", "a", "missing", {t: "missing" for t in corpus.TARGETS}, {}),
        O("boom", "a", "crash", {t: "crash" for t in corpus.TARGETS},
          {t: {"code": "U002", "message": "internal error: KeyError: 'x'"} for t in corpus.TARGETS},
          crash="Traceback ..."),
    ]


def test_table_is_sorted_and_deterministic(corpus):
    outcomes = _fabricated(corpus)
    text = corpus.render_table(outcomes)
    assert text == corpus.render_table(list(reversed(outcomes)))
    lines = text.splitlines()
    assert [c.strip() for c in lines[0].split(" | ")[:6]] == ["tier", "program", "reference", "hip", "opencl", "cpu"]
    order = [ln.split(" | ")[1].strip() for ln in lines[2:7]]
    assert order == ["beta", "boom", "gone", "alpha", "zeta"]


def test_totals_histogram_missing_and_crashes(corpus):
    text = corpus.render_table(_fabricated(corpus))
    assert "Totals over 4 programs run (1 missing)" in text
    assert "cpu       crash 1, pass 1, unsup 2" in text
    # the two template kernels differ only in a quoted name: one histogram line, two programs
    hist = [ln for ln in text.splitlines() if "L001 template kernel" in ln and "|" not in ln]
    assert len(hist) == 1 and hist[0].split()[0] == "2" and "beta, zeta" in hist[0]
    assert any("V002 compiling the OpenCL host program failed: error: '_' was not declared" in ln
               for ln in text.splitlines())
    assert "Missing from the given folder (1): gone" in text
    assert "internal error (U002) on: boom" in text
    # pass and HIP-built cells carry no diagnostic
    alpha = next(ln for ln in text.splitlines() if " alpha " in ln)
    assert "opencl: V002" in alpha and "cpu:" not in alpha and "hip:" not in alpha


def test_cell_mapping(corpus):
    assert corpus._cell({"status": "unsupported", "detail": "compiled with hipcc (gfx90a); running HIP needs "
                                                           "an AMD GPU", "diagnostics": []}) == "built"
    assert corpus._cell({"status": "fail", "detail": "ran past the 5 s time limit [V004]"}) == "timeout"
    assert corpus._cell({"status": "fail", "detail": "3 numbers differ"}) == "FAIL"
    assert corpus._cell({"status": "error", "detail": "x",
                         "diagnostics": [{"code": "U002", "message": "internal"}]}) == "crash"
    assert corpus._first_diag({"status": "fail", "detail": "number 3 differs"})["code"] == "V003"
