"""Kernel mode without a toolchain: argument declarations, input synthesis, element comparison, the harness."""

from __future__ import annotations

import math

import numpy as np
import pytest

from translator.diagnostics import CutransError
from translator.verify import buffers
from translator.verify.harness import harness_source
from translator.verify.kernel_spec import BufferArg, ScalarArg, case_from_table, load_project, parse_arg


def _case(**over):
    table = {"file": "k.cu", "kernel": "k", "grid": [2], "block": [32], "args": ["in float32[64]", "int32 64"]}
    table.update(over)
    return case_from_table(table, __import__("pathlib").Path("/src"), "test")


# ----------------------------------------------------------------------------------------- declarations

def test_buffer_declarations():
    a = parse_arg("inout float32[16, 4] = uniform(-2, 3)", "t")
    assert isinstance(a, BufferArg)
    assert (a.direction, a.shape, a.elements, a.fill.kind, a.fill.low, a.fill.high) == ("inout", (16, 4), 64,
                                                                                        "uniform", -2.0, 3.0)
    assert a.pointer_type == "float*"
    out = parse_arg("out uint64[3]", "t")
    assert out.fill.kind == "zeros" and out.pointer_type == "unsigned long long*"
    assert parse_arg("in float64[8]", "t").fill.kind == "random"
    rec = parse_arg("inout {float32, int32}[10] as Pair = special", "t")
    assert rec.record and rec.dtype_name == "{float32, int32}" and rec.pointer_type == "Pair*"
    assert buffers.record_dtype(rec).itemsize == 8
    assert parse_arg("in int8[5] as char", "t").pointer_type == "char*"
    assert parse_arg("in float[4] = 2.5", "t").fill.describe() == "2.5"
    # an alias keeps its own C type: `unsigned long *` and `unsigned long long *` do not convert
    assert parse_arg("in ulong[4]", "t").pointer_type == "unsigned long*"
    assert parse_arg("out char[4]", "t").pointer_type == "char*"
    assert parse_arg("in size_t[2]", "t").dtype_name == "uint64"


def test_aside_buffers_are_made_but_not_passed_so_a_struct_can_hold_them():
    aside = parse_arg("aside out float32[8] = ones", "t")
    assert isinstance(aside, BufferArg) and not aside.passed and aside.direction == "out" and aside.fill.kind == "ones"
    assert parse_arg("out float32[8]", "t").passed
    case = _case(args=["in float32[64]", "aside inout int32[4]", "Pair {d_arg1 + 1, 3}"])
    text = harness_source(case, "")
    assert "cudaMalloc((void**)&d_arg1" in text and "Pair arg2 = {d_arg1 + 1, 3};" in text
    assert "k<<<dim3(2, 1, 1), dim3(32, 1, 1), 0>>>(d_arg0, arg2);" in text
    assert [i for i, _ in case.buffers] == [0, 1]


def test_scalar_declarations():
    s = parse_arg("float32 0.5", "t")
    assert isinstance(s, ScalarArg) and s.ctype == "float" and s.value == "0.5f"
    assert parse_arg("uint64 3000", "t").value == "(unsigned long long)3000ULL"
    assert parse_arg("int32 -7", "t").value == "(int)-7"
    assert parse_arg("float64 inf", "t").value == "(double)(INFINITY)"
    assert parse_arg("Params {0.01f, 9.8f, 50}", "t").value == "{0.01f, 9.8f, 50}"
    assert parse_arg("long -3", "t").ctype == "long"


@pytest.mark.parametrize("text, message", [
    ("in float32[]", "positive integers"),
    ("in float32[0]", "positive integers"),
    ("in complex64[4]", "unknown dtype"),
    ("in {float32, int32}[4]", "needs 'as CTYPE'"),
    ("in float32[4] = gaussian", "unknown fill"),
    ("in float32[4] = uniform(3, 1)", "low < high"),
    ("int32 1.5", "integer value"),
    ("int32 many", "must be a number"),
    ("Params {1; 2}", "one C initializer"),
    ("out", "not a buffer declaration"),
    ("float32", "neither a buffer"),
])
def test_bad_declarations_are_usage_errors(text, message):
    with pytest.raises(CutransError) as info:
        parse_arg(text, "pyproject.toml")
    [d] = info.value.diagnostics
    assert d.code == "U003" and message in d.message and d.path == "pyproject.toml"


def test_case_tables():
    case = _case(grid="4x2", seed=3)
    assert case.grid == (4, 2, 1) and case.block == (32, 1, 1) and case.seed == 3 and case.name == "k:k"
    assert case.file == "/src/k.cu"
    for bad, message in [({"grid": [0]}, "positive integers"), ({"grid": [1, 2, 3, 4]}, "1 to 3"),
                         ({"rel_tol": 1e-3}, "must say why"), ({"colour": 1}, "unknown key"),
                         ({"seed": -1}, "non-negative"), ({"kernel": "not a name"}, "not a kernel name"),
                         ({"unchecked": {"arg1": "x"}}, "not a buffer argument"),
                         ({"unchecked": {"arg0": " "}}, "must say why")]:
        with pytest.raises(CutransError, match=message):
            _case(**bad)
    widened = _case(rel_tol=1e-3, reason="reassociated sum")
    assert widened.tolerance == {"rel_tol": 1e-3, "reason": "reassociated sum"}
    assert _case(unchecked={"arg0": "racy by design"}).unchecked == {0: "racy by design"}


def test_project_cases(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[[tool.cutrans.verify]]\nfile = "a.cu"\nkernel = "k"\ngrid = [1]\nblock = [8]\nargs = ["int32 1"]\n'
        '[[tool.cutrans.verify]]\nname = "second"\nfile = "a.cu"\nkernel = "k<float>"\ngrid = 1\nblock = 8\n'
        'args = []\n')
    cases = load_project(tmp_path / "pyproject.toml")
    assert [c.name for c in cases] == ["a:k", "second"]
    assert cases[0].file == str(tmp_path / "a.cu")
    (tmp_path / "dup.toml").write_text('[[tool.cutrans.verify]]\nfile = "a.cu"\nkernel = "k"\ngrid = [1]\n'
                                       'block = [1]\nargs = []\n' * 1 + '[[tool.cutrans.verify]]\nfile = "a.cu"\n'
                                       'kernel = "k"\ngrid = [1]\nblock = [1]\nargs = []\n')
    with pytest.raises(CutransError, match="unique"):
        load_project(tmp_path / "dup.toml")
    (tmp_path / "bad.toml").write_text("[[tool.cutrans.verify]\n")
    with pytest.raises(CutransError, match="not valid TOML"):
        load_project(tmp_path / "bad.toml")


# ---------------------------------------------------------------------------------------------- inputs

def test_inputs_are_reproducible_per_seed_and_argument():
    arg = parse_arg("in float32[1000]", "t")
    a, b = buffers.synthesize(arg, 0, 5), buffers.synthesize(arg, 0, 5)
    assert a.tobytes() == b.tobytes()
    assert a.tobytes() != buffers.synthesize(arg, 0, 6).tobytes()
    assert a.tobytes() != buffers.synthesize(arg, 1, 5).tobytes()
    assert a.min() >= -1.0 and a.max() < 1.0


def test_special_values_cover_the_edges():
    f = buffers.synthesize(parse_arg("in float32[64] = special", "t"), 0, 0)
    assert np.isnan(f).any() and np.isposinf(f).any() and np.isneginf(f).any()
    assert (f == np.finfo(np.float32).max).any() and (f == np.finfo(np.float32).smallest_subnormal).any()
    assert any(x == 0 and math.copysign(1, x) < 0 for x in f)
    i = buffers.synthesize(parse_arg("in int32[32] = special", "t"), 0, 0)
    assert i.min() == np.iinfo(np.int32).min and i.max() == np.iinfo(np.int32).max
    u = buffers.synthesize(parse_arg("in uint8[32] = special", "t"), 0, 0)
    assert u.max() == 255 and u.min() == 0
    r = buffers.synthesize(parse_arg("in uint8[300] = range", "t"), 0, 0)
    assert r[255] == 255 and r[256] == 0


def test_bfloat16_rounds_to_nearest_even():
    bits = buffers._bf16_bits(np.array([1.0, 1.00390625, 1.01171875, np.nan], dtype=np.float32))
    assert list(bits[:3]) == [0x3F80, 0x3F80, 0x3F82] and bits[3] == 0x7FC0


# ------------------------------------------------------------------------------------------ comparison

def _compare(decl, expected, actual, **over):
    arg = parse_arg(decl, "t")
    dt = buffers.record_dtype(arg)
    return buffers.compare_buffer("arg0", arg, np.array(expected, dtype=dt), np.array(actual, dtype=dt), over)


def test_float_elements_within_max_ulp_match():
    one = np.float32(1.0)
    four_up = one
    for _ in range(4):
        four_up = np.nextafter(four_up, np.float32(2))
    five_up = np.nextafter(four_up, np.float32(2))
    ok = _compare("out float32[2]", [1.0, 2.0], [four_up, 2.0], rel_tol=0.0, abs_tol=0.0, reason="ulp only")
    assert ok["mismatches"] == 0
    bad = _compare("out float32[2]", [1.0, 2.0], [five_up, 2.0], rel_tol=0.0, abs_tol=0.0, reason="ulp only")
    assert bad["mismatches"] == 1 and bad["first"]["ulp"] == 5 and bad["first"]["index"] == [0]
    assert bad["tolerance"] == {"max_ulp": 4, "rel_tol": 0.0, "abs_tol": 0.0, "reason": "ulp only"}


def test_special_float_semantics():
    nan, inf = float("nan"), float("inf")
    same = _compare("out float64[5]", [nan, inf, -inf, 0.0, -0.0], [-nan, inf, -inf, -0.0, 0.0])
    assert same["mismatches"] == 0
    diff = _compare("out float64[3]", [nan, inf, 1.0], [1.0, -inf, nan])
    assert diff["mismatches"] == 3
    assert diff["first"] == {"index": [0], "expected": "nan", "actual": "1.0", "ulp": None}
    assert diff["worst"]["ulp"] is None


def test_subnormal_ulps_cross_zero():
    tiny = float(np.finfo(np.float32).smallest_subnormal)
    r = _compare("out float32[1]", [tiny * 3], [-tiny * 2], max_ulp=4, rel_tol=0.0, abs_tol=0.0, reason="t")
    assert r["mismatches"] == 1 and r["first"]["ulp"] == 5


def test_integers_are_exact_and_worst_is_the_largest_difference():
    r = _compare("out int64[6, 1]", [[1], [2], [3], [4], [5], [6]], [[1], [3], [3], [-100], [5], [6]])
    assert r["mismatches"] == 2 and r["first"]["index"] == [1, 0] and r["worst"]["index"] == [3, 0]
    assert r["tolerance"]["max_ulp"] == 0 and r["worst"]["expected"] == "4" and r["worst"]["actual"] == "-100"


def test_record_fields_are_compared_by_their_own_dtype():
    arg = parse_arg("out {float32, int32}[3] as P", "t")
    dt = buffers.record_dtype(arg)
    e = np.array([(1.0, 1), (2.0, 2), (3.0, 3)], dtype=dt)
    a = np.array([(1.0, 1), (2.0000002, 2), (3.0, 4)], dtype=dt)
    r = buffers.compare_buffer("arg0", arg, e, a, {})
    assert r["mismatches"] == 1 and r["first"]["index"] == [2, 1]
    assert "1 of 3 elements differ" in buffers.describe(r)


def test_read_buffer_checks_the_size(tmp_path):
    arg = parse_arg("out float32[4]", "t")
    np.zeros(3, dtype=np.float32).tofile(tmp_path / "x.bin")
    assert "holds 3 elements, 4 were declared" in buffers.read_buffer(tmp_path / "x.bin", arg)
    assert "cannot read" in buffers.read_buffer(tmp_path / "missing.bin", arg)


# --------------------------------------------------------------------------------------------- harness

def test_harness_appends_a_main_after_the_untouched_source():
    case = _case(kernel="scale<float, 3>", grid=[4, 2], block=[8, 8], shared=256,
                 args=["inout {float32, int32}[10] as Pair", "out float32[8,4] as float4", "int32 10",
                       "Params {1.0f, 2}"])
    source = "int main() { return 1; }\n__global__ void k() {}"
    text = harness_source(case, source)
    assert text.startswith(source + "\n")
    tail = text[len(source):]
    assert "#undef main" in tail and "int main(int argc, char** argv)" in tail
    assert "scale<float, 3><<<dim3(4, 2, 1), dim3(8, 8, 1), 256>>>(d_arg0, d_arg1, arg2, arg3);" in tail
    assert "static_assert(sizeof(Pair) == 8" in tail and "static_assert(128 % sizeof(float4) == 0" in tail
    assert "Params arg3 = {1.0f, 2};" in tail
    assert 'cutrans_harness_store(argv[2], "arg1.bin", h_arg1, 128);' in tail
