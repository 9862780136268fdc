"""translator.verify.compare: tokenizing, tolerances, ignored lines, line alignment, summaries."""

import math

import pytest

from translator.diagnostics import CutransError
from translator.verify.compare import (DEFAULT_IGNORE_PATTERNS, DEFAULT_POLICY, ComparePolicy, compare_outputs,
                                       compare_runs, tokenize)
from translator.verify.run import RunResult


def kinds(line):
    return [(t.text, t.kind) for t in tokenize(line)]


def same(expected, actual, policy=DEFAULT_POLICY):
    return compare_outputs(expected, actual, policy).ok


# --- tokenizing -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("x=1.5, y=-2e-3", [("x=", "text"), ("1.5", "float"), (",", "text"), ("y=", "text"), ("-2e-3", "float")]),
    ("count is 5.", [("count", "text"), ("is", "text"), ("5", "int"), (".", "text")]),
    ("sum 1.5.", [("sum", "text"), ("1.5", "float"), (".", "text")]),
    ("a[3] = +7", [("a[", "text"), ("3", "int"), ("]", "text"), ("=", "text"), ("+7", "int")]),
    ("-nan inf -Infinity NaN", [("-nan", "float"), ("inf", "float"), ("-Infinity", "float"), ("NaN", "float")]),
    ("1e5 .5 3. 2E+08", [("1e5", "float"), (".5", "float"), ("3", "int"), (".", "text"),
                          ("2E+08", "float")]),  # a trailing dot ends a sentence
])
def test_tokenize_numbers_and_text(line, expected):
    assert kinds(line) == expected


@pytest.mark.parametrize("word", ["v1.2", "0x1F", "sm_80", "Info", "nanosecond", "3e", "x86"])
def test_numbers_inside_words_stay_text(word):
    assert kinds(word) == [(word, "text")]


def test_whitespace_is_normalized():
    assert same("result:   1.0\t 2.0  \n", "result: 1.0 2.0\n")


# --- tolerances ---------------------------------------------------------------------------------------------

def test_relative_tolerance_edge_is_inclusive_and_exact():
    policy = ComparePolicy(rel_tol=1e-5, abs_tol=0.0)
    assert same("1.00000", "1.00001", policy)  # exactly 1e-5 relative, no binary rounding
    assert not same("1.00000", "1.000011", policy)
    assert same("-200.000", "-200.002", policy)
    assert not same("-200.000", "-200.0021", policy)


def test_absolute_tolerance_edge_near_zero():
    policy = ComparePolicy(rel_tol=0.0, abs_tol=1e-6)
    assert same("0.000000", "0.000001", policy)
    assert same("0.000000", "-0.000001", policy)
    assert not same("0.000000", "0.0000011", policy)


def test_either_bound_suffices():
    policy = ComparePolicy(rel_tol=1e-3, abs_tol=1e-2)
    assert same("1000.0", "1001.0", policy)  # relative
    assert same("0.001", "0.009", policy)  # absolute
    assert not same("1000.0", "1002.0", policy)


def test_relative_bound_is_relative_to_the_reference():
    policy = ComparePolicy(rel_tol=0.5, abs_tol=0.0)
    assert same("2.0", "1.0", policy)  # |1-2| / 2 = 0.5
    assert not same("1.0", "2.0", policy)  # |2-1| / 1 = 1


def test_defaults_absorb_last_digit_of_percent_g_and_percent_f():
    assert same("1.00000", "1.00001")  # %g, six significant digits
    assert same("0.000001", "0.000002")  # %f, six decimals
    assert not same("1.00000", "1.00003")


def test_integers_are_exact():
    assert not same("100000000", "100000001", ComparePolicy(rel_tol=0.1, abs_tol=10.0))
    assert same("123456789012345678901234567890", "123456789012345678901234567890")
    assert not same("123456789012345678901234567890", "123456789012345678901234567891")


def test_integer_reference_needs_an_integer():
    result = compare_outputs("3", "3.0")
    assert not result.ok and result.first.kind == "number" and result.first.abs_diff == 0.0


def test_float_reference_accepts_integer_within_tolerance():
    assert same("3.0", "3")
    assert same("2.5e0", "2.500001")


def test_negative_zero_matches_zero():
    assert same("-0.0 -0 0.000000", "0.0 0 -0.000000")


def test_nan_matches_nan_of_either_sign():
    assert same("nan -nan NaN", "-nan nan nan")
    result = compare_outputs("nan", "1.0")
    assert not result.ok and math.isnan(result.first.abs_diff)
    assert not same("1.0", "nan")


def test_infinities():
    assert same("inf -inf", "Infinity -INF")
    result = compare_outputs("inf", "-inf")
    assert not result.ok and result.first.abs_diff == math.inf
    assert not same("inf", "1e308")
    assert not same("3.4e38", "inf")


def test_text_must_match_exactly():
    result = compare_outputs("status: ok", "status: OK")
    assert not result.ok
    assert (result.first.kind, result.first.expected, result.first.actual) == ("text", "ok", "OK")


def test_number_against_text_is_a_text_mismatch():
    result = compare_outputs("value 1.5", "value abc")
    assert result.first.kind == "text" and result.first.abs_diff is None


@pytest.mark.parametrize("kwargs", [{"rel_tol": -1.0}, {"abs_tol": math.nan}, {"rel_tol": math.inf},
                                    {"rel_tol": "1e-5"}, {"max_recorded": 2.5}, {"max_recorded": -1}])
def test_bad_tolerance_is_a_diagnostic(kwargs):
    with pytest.raises(CutransError) as info:
        ComparePolicy(**kwargs)
    assert info.value.diagnostics[0].code == "U001"


# --- ignored lines ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line", ["Kernel time: 3.2 ms", "Elapsed 1.5", "GPU runtime 12.0", "took 4 seconds",
                                  "Bandwidth: 120.5 GB/s", "Throughput 3 GFLOP/s", "TIME = 9", "done in 12ms",
                                  "TFLOPS: 0.13", "Avg. speedup gained (serialized - overlapped): 1.9",
                                  "Total GByte/s (GPU memory) = 13.1", "Lookups/s:             1,234,567",
                                  "31 million keys per second"])
def test_timing_lines_are_ignored_by_default(line):
    assert same(f"sum 1.0\n{line}\n", f"sum 1.0\n{line.replace('1', '7').replace('3', '8')}\n")


def test_ignored_line_present_on_one_side_only_does_not_shift_alignment():
    assert same("a 1\nelapsed 3 sec\nb 2\n", "a 1\nb 2\n")


def test_ordinary_words_are_not_taken_for_timings():
    lines = ["sometimes 3", "msg 1", "usage 2", "timestamp_id 4", "secret 5", "ns_count 6", "FLOP count 31",
             "a/b = 3", "ratio 1/3", "dims 4/s2 8"]
    assert [line for line in lines if DEFAULT_POLICY.ignores(line)] == []


def test_ignore_patterns_can_be_added_and_replaced():
    added = DEFAULT_POLICY.with_ignored(r"^seed\b")
    assert added.ignore_patterns == DEFAULT_IGNORE_PATTERNS + (r"^seed\b",)
    assert same("seed 1\nx 2\n", "seed 9\nx 2\n", added)
    assert not same("seed 1\n", "seed 9\n")
    replaced = DEFAULT_POLICY.replace_ignored([r"^seed\b"])
    assert not same("time 1\n", "time 2\n", replaced)
    assert not same("time 1\n", "time 2\n", DEFAULT_POLICY.replace_ignored([]))


@pytest.mark.parametrize("pattern", ["(unclosed", None])
def test_bad_ignore_pattern_is_a_diagnostic(pattern):
    with pytest.raises(CutransError) as info:
        DEFAULT_POLICY.with_ignored(pattern)
    assert info.value.diagnostics[0].code == "U001" and repr(pattern) in info.value.diagnostics[0].message


def test_ignore_patterns_may_carry_their_own_flags():
    policy = DEFAULT_POLICY.replace_ignored([r"(?-i:^Seed)", r"(?x) ^ iter \s \d+"])
    assert policy.ignores("Seed 1") and not policy.ignores("seed 1") and policy.ignores("ITER 3")


def test_blank_lines_are_ignored():
    assert same("a 1\n\n   \nb 2\n", "a 1\nb 2\n\n")


# --- lines, positions, first and worst ------------------------------------------------------------------------

def _grid(values):
    return "".join(f"row {i}: {v:.6f}\n" for i, v in enumerate(values))


def test_one_perturbed_value_is_found():
    values = [i * 0.25 + 1.0 for i in range(50)]
    perturbed = list(values)
    perturbed[17] *= 1.01
    result = compare_outputs(_grid(values), _grid(perturbed))
    assert not result.ok and result.count == 1
    assert result.first is result.worst
    assert (result.first.expected_line, result.first.actual_line, result.first.token) == (18, 18, 4)
    assert result.first.rel_diff == pytest.approx(0.01, rel=1e-4)
    assert result.numbers == 100 and result.expected_lines == result.actual_lines == 50


def test_first_and_worst_differ():
    result = compare_outputs("a 1.0\nb 2.0\nc 3.0\n", "a 1.1\nb 4.0\nc 3.3\n")
    assert result.count == 3
    assert result.first.expected_line == 1 and result.worst.expected_line == 2
    assert result.worst.abs_diff == pytest.approx(2.0) and result.worst.rel_diff == pytest.approx(1.0)


def test_worst_prefers_the_earliest_among_equals_and_counts_nan_as_worst():
    equal = compare_outputs("1.0 1.0", "2.0 2.0")
    assert equal.worst.token == 1
    with_nan = compare_outputs("1.0 1.0", "100.0 nan")
    assert with_nan.worst.token == 2


def test_no_numeric_mismatch_means_no_worst():
    result = compare_outputs("a b", "a c")
    assert result.worst is None and result.first.kind == "text"


def test_missing_and_extra_lines():
    missing = compare_outputs("a 1\nb 2\nc 3\n", "a 1\n")
    assert missing.count == 2 and [m.kind for m in missing.mismatches] == ["missing-line"] * 2
    assert (missing.first.expected_line, missing.first.actual_line, missing.first.expected) == (2, None, "b 2")
    extra = compare_outputs("a 1\n", "a 1\nz 9\n")
    assert (extra.first.kind, extra.first.expected_line, extra.first.actual_line, extra.first.actual) == (
        "extra-line", None, 2, "z 9")


def test_line_numbers_are_those_of_each_output():
    result = compare_outputs("head\ntime 1 ms\nv 1.0\n", "head\nv 2.0\n")
    assert (result.first.expected_line, result.first.actual_line) == (3, 2)


def test_missing_and_extra_tokens():
    result = compare_outputs("v 1 2 3", "v 1")
    assert [(m.kind, m.token, m.expected) for m in result.mismatches] == [("missing-token", 3, "2"),
                                                                         ("missing-token", 4, "3")]
    extra = compare_outputs("v 1", "v 1 2")
    assert (extra.first.kind, extra.first.token, extra.first.actual) == ("extra-token", 3, "2")


def test_recorded_mismatches_are_capped_but_all_counted():
    policy = ComparePolicy(max_recorded=5)
    result = compare_outputs(_grid(range(40)), _grid(range(1, 41)), policy)
    assert result.count == 40 and len(result.mismatches) == 5
    assert result.first.expected_line == 1
    assert result.worst.expected_line == 1 and result.worst.rel_diff == math.inf  # 0 -> 1


def test_exit_status_must_match():
    result = compare_outputs("a 1", "a 1", expected_status=0, actual_status=3)
    assert not result.ok and result.count == 0 and result.exit_status == (0, 3)


def test_compare_runs_uses_stdout_and_exit_status():
    def run(out, code, err=""):
        return RunResult(("p",), code, out, err, 0.1, False, None)
    assert compare_runs(run("x 1.0\n", 0, "noise"), run("x 1.0\n", 0, "other noise")).ok
    crashed = compare_runs(run("x 1.0\n", 0), run("x 1.0\n", -11))
    assert crashed.exit_status == (0, -11) and "SIGSEGV" in crashed.summary()


def test_deterministic():
    a, b = _grid([1.0, 2.0, 3.0]), _grid([1.5, 2.0, 9.0])
    assert compare_outputs(a, b) == compare_outputs(a, b)


# --- summary --------------------------------------------------------------------------------------------------

def test_summary_of_a_match():
    assert compare_outputs("a 1.0 2\nb 3\n", "a 1.0 2\nb 3\n").summary() == "outputs match (3 numbers on 2 lines)"


def test_summary_of_mismatches():
    result = compare_outputs("a 1.0\nb 2.0\nc 3.0\nd 4\n", "a 1.1\nb 4.0\nc 3.0\n", expected_status=0,
                             actual_status=1)
    assert result.summary().splitlines() == [
        "3 mismatches (3 numbers compared; reference 4 lines, translation 3 lines)",
        "first: line 1, token 2: expected 1.0, got 1.1 (abs diff 0.1, rel diff 0.1)",
        "worst: line 2, token 2: expected 2.0, got 4.0 (abs diff 2, rel diff 1)",
        "missing lines: the translation printed 1 fewer",
        "exit status: expected 0, got 1",
    ]


def test_summary_shows_worst_only_when_it_differs_from_first():
    text = compare_outputs("a 1.0", "a 2.0").summary()
    assert "first: line 1, token 2" in text and "worst" not in text


def test_summary_of_extra_line_names_the_actual_line():
    text = compare_outputs("a 1\n", "a 1\nb 2\n").summary()
    assert "first: actual line 2: expected (nothing), got b 2" in text
    assert "extra lines: the translation printed 1 more" in text
