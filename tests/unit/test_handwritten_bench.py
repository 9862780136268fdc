"""benchmarks/handwritten.py and benchmarks/bandwidth.py without any suite: the program table loads and is
well-formed, and the arithmetic and rendering of ratios, geometric means and bandwidths are right."""

import math
import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))

import bandwidth  # noqa: E402
import handwritten  # noqa: E402


def test_program_table_loads_and_is_well_formed():
    suites, programs = handwritten.load_programs()
    names = [p.name for p in programs]
    assert len(names) == len(set(names)) >= 5
    assert {"atax", "gemm", "convolution-2d", "convolution-3d", "jacobi-2d"} <= set(names)
    for p in programs:
        assert p.cuda.startswith("CUDA/") and p.cuda.endswith(".cu")
        assert p.handwritten, p.name
        for target in handwritten.TARGETS:
            assert p.size_for(target), (p.name, target)
            assert all(re.fullmatch(r"[A-Z_][A-Z0-9_]*(=\d+)?", d) for d in p.size_for(target)), p.name
        # the sizes must be the same macros on both sides: a per-target size only adds dataset selectors
        for target, size in p.sizes.items():
            assert set(p.size) <= set(size), (p.name, target)
    suite = suites["PolyBench-ACC"]
    assert re.search(suite["timers"]["cuda"], "GPU Time in seconds:\n0.250000\n").group(1) == "0.250000"


def _write(tmp_path, text):
    path = tmp_path / "programs.toml"
    path.write_text(text)
    return path


SUITE = """
[suites.S]
folder = "S"
[suites.S.cuda]
include = []
[suites.S.cpu]
timer = '^([0-9.]+)$'
[suites.S.timers]
cuda = 'T: ([0-9.]+)'
"""


@pytest.mark.parametrize("entry, message", [
    ('suite = "S"\ncuda = "a.cu"\ncpu = "a.c"', "missing size"),
    ('suite = "S"\ncuda = "a.cu"\nsize = ["N=1"]', "no hand-written counterpart"),
    ('suite = "S"\ncuda = "a.cu"\nopencl = "a.c"\nsize = ["N=1"]', "has no [opencl] settings"),
    ('suite = "X"\ncuda = "a.cu"\ncpu = "a.c"\nsize = ["N=1"]', "unknown suite"),
    ('suite = "S"\ncuda = "a.cu"\ncpu = "a.c"\nsize = ["N=1"]\nspeed = 1', "unknown field"),
    ('suite = "S"\ncuda = "a.cu"\ncpu = "a.c"\nsize = "N=1"', "list of strings"),
    ('suite = "S"\ncuda = "a.cu"\ncpu = "a.c"\nsize = ["N=1"]\ncomparable = "no"', "true or false"),
])
def test_malformed_entries_are_refused(tmp_path, entry, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        handwritten.load_programs(_write(tmp_path, SUITE + "[programs.p]\n" + entry + "\n"))


def test_a_minimal_table_loads_with_per_target_sizes(tmp_path):
    path = _write(tmp_path, SUITE + '[programs.p]\nsuite = "S"\ncuda = "a.cu"\ncpu = "a.c"\nsize = ["N=8"]\n'
                                    'size_cpu = ["N=8", "LARGE_DATASET"]\n')
    _, (program,) = handwritten.load_programs(path)
    assert program.size_for("cpu") == ("N=8", "LARGE_DATASET")
    assert program.size_for("opencl") == ("N=8",)
    assert program.comparable


def test_ratio_and_geomean():
    assert handwritten.ratio(3.0, 1.5) == 2.0
    assert handwritten.ratio(None, 1.0) is None and handwritten.ratio(1.0, 0.0) is None
    assert handwritten.geomean([2.0, 0.5]) == pytest.approx(1.0)
    assert handwritten.geomean([1.0, 4.0, None]) == pytest.approx(2.0)
    assert handwritten.geomean([]) is None
    assert handwritten.median([3.0, 1.0, 2.0]) == 2.0


def test_timer_and_self_check_parsing():
    out = "GPU Time in seconds:\n0.500000\nCPU Time in seconds:\n9.000000\nNon-Matching ... Percent: 0\n"
    assert handwritten.parse_seconds(r"GPU Time in seconds:\s*\n\s*([0-9.]+)", out) == 0.5
    assert handwritten.parse_seconds(r"GPU Time in seconds:\s*\n\s*([0-9.]+)", "nothing") is None
    assert handwritten.parse_seconds(r"^([0-9.]+)$", "0.25\n0.50\n") == 0.75
    check = r"Percent: ([0-9]+)"
    assert handwritten.parse_check(check, out) == "ok"
    assert handwritten.parse_check(check, out + "Percent: 3\n") == "FAIL"
    assert handwritten.parse_check(check, "") == "none"
    assert handwritten.parse_check(None, out) == "-"


def test_build_timer_reading_is_parsed_from_stderr():
    err = "warning\n" + handwritten.BUILD_TIMER + "0.143089\n"
    assert handwritten.parse_build_seconds(err) == pytest.approx(0.143089)
    assert handwritten.parse_build_seconds("nothing") is None
    assert handwritten.BUILD_TIMER in handwritten.BUILD_TIMER_SOURCE
    assert handwritten.BUILD_INSIDE_TIMER["opencl"] == ("cutrans",)


def _result(name, cutrans, hand, comparable=True, checks=("ok", "ok")):
    r = handwritten.Result(name, "cpu", size=("N=1",), comparable=comparable)
    r.seconds = {"cutrans": list(cutrans), "handwritten": list(hand)}
    r.checks = dict(zip(handwritten.SIDES, checks))
    return r


def test_table_renders_medians_ratios_and_both_geomeans():
    results = [_result("b", [1.0, 3.0, 2.0], [4.0, 4.0, 4.0]),
               _result("a", [2.0], [1.0], comparable=False),
               _result("c", [1.0], [1.0], checks=("FAIL", "ok"))]
    assert results[0].ratio == 2.0 and results[2].ratio is None
    text = handwritten.render_table(results, "cpu")
    lines = text.splitlines()
    assert lines[0].split(" | ")[:3] == ["program", "cutrans s", "hand-written OpenMP s"]
    assert [ln.split()[0] for ln in lines[2:5]] == ["a", "b", "c"]
    row_b = [c.strip() for c in lines[3].split("|")]
    assert row_b[1:5] == ["2.0000", "4.0000", "2.00", "ok/ok"]
    assert "a *" in lines[2]
    assert f"all programs: {math.sqrt(2.0 * 0.5):.3f} over 2 of 3" in text
    assert "same work (no *): 2.000 over 1 of 2" in text
    assert "build s subtracted" not in text


def test_opencl_table_shows_the_subtracted_build_time():
    r = _result("gemm", [1.0], [1.0])
    r.target = "opencl"
    r.build_seconds = {"cutrans": [0.1, 0.3, 0.2], "handwritten": [0.05]}
    text = handwritten.render_table([r], "opencl")
    assert "hand-written OpenCL s" in text and "build s subtracted" in text
    assert [c.strip() for c in text.splitlines()[2].split("|")][5] == "0.200"


def test_bandwidth_arithmetic_and_driver():
    times = bandwidth.parse_times("triad 0.010\nvector_add 0.020\ntriad 0.020\ncheck 5\nvector_add 0.040\n")
    assert times == {"triad": [0.010, 0.020], "vector_add": [0.020, 0.040]}
    kernels = [k for k in bandwidth.KERNELS if k.name == "vector_add"]
    rows = bandwidth.summarize(times, 1_000_000, kernels)
    assert [r["kernel"] for r in rows] == ["triad", "vector_add"]
    assert rows[0]["best_gbps"] == pytest.approx(1.2)
    assert rows[1]["percent_of_triad"] == pytest.approx(50.0)
    assert "50%" in bandwidth.render(rows, 1_000_000)
    source = "void cutrans_kernel_vector_add(cutrans_dim3 gridDim, int n)\n{\n}\n"
    proto = bandwidth.prototype(source, "vector_add")
    assert proto == "void cutrans_kernel_vector_add(cutrans_dim3 gridDim, int n);"
    with pytest.raises(ValueError):
        bandwidth.prototype(source, "saxpy")
    driver = bandwidth.driver_source(kernels, [proto])
    assert proto in driver and "printf(\"vector_add %.9f\\n\"" in driver and "omp parallel for simd" in driver


def test_a_saved_run_renders_again_with_the_current_table():
    _, programs = handwritten.load_programs()
    rows = [_result("gemm", [2.0], [2.0]).to_json(), _result("atax", [8.0], [1.0]).to_json(),
            _result("no-such-program", [1.0], [1.0]).to_json()]
    results = handwritten.results_from_json({"target": "cpu", "results": rows}, programs)
    assert [r.name for r in results] == ["gemm", "atax"]
    assert [r.comparable for r in results] == [True, False]
    assert results[0].ratio == 1.0 and results[1].ratio == 0.125
    assert "same work (no *): 1.000 over 1 of 1" in handwritten.render_table(results, "cpu")
