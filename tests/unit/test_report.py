"""translator.verify.report: the results model, exit codes, and the text, JSON and JUnit renderings."""

import json
import xml.etree.ElementTree as ET

import pytest

from translator.diagnostics import error
from translator.verify.report import STATUSES, TargetResult, exit_code, render_json, render_junit, render_text

PASS = TargetResult("samples/vecadd.cu", "opencl", "pass", "outputs match (8 numbers on 2 lines)", 1.234)
FAIL = TargetResult("samples/reduce_with_a_long_name.cu", "cpu", "fail",
                    "2 mismatches (8 numbers compared)\nfirst: line 1, token 2: expected 1.0, got <2.0> & more",
                    0.5)
ERROR = TargetResult("samples/y.cu", "opencl", "error", "the translation could not be built", None,
                     [error("V002", "cc exited with status 1", "samples/y.cu", 3, 4)])
UNSUPPORTED = TargetResult("samples/x.cu", "hip", "unsupported", "hipcc is not installed")
ALL = [PASS, FAIL, ERROR, UNSUPPORTED]


def test_status_must_be_known():
    with pytest.raises(ValueError):
        TargetResult("a.cu", "cpu", "passed", "")


def test_diagnostics_and_path_are_normalized():
    from pathlib import Path
    result = TargetResult(Path("a.cu"), "cpu", "pass", diagnostics=[error("V003", "x")])
    assert result.path == "a.cu" and isinstance(result.diagnostics, tuple)


@pytest.mark.parametrize("statuses, strict, code", [
    ([], False, 0),
    (["pass", "pass"], False, 0),
    (["pass", "unsupported"], False, 0),
    (["pass", "unsupported"], True, 1),
    (["pass", "error"], False, 2),
    (["error", "fail"], False, 1),
    (["error", "unsupported"], True, 1),
    (["fail"], False, 1),
])
def test_exit_code(statuses, strict, code):
    results = [TargetResult(f"p{i}.cu", "cpu", s) for i, s in enumerate(statuses)]
    assert exit_code(results, strict=strict) == code


# --- text -------------------------------------------------------------------------------------------------

def test_text_table_is_aligned():
    lines = render_text(ALL).splitlines()
    header, rule, rows = lines[0], lines[1], lines[2:6]
    assert header.split() == ["program", "target", "status", "time", "detail"]
    columns = [header.index(word) for word in ("target", "status", "time", "detail")]
    for row in rows:
        assert all(row[c - 2:c] == "  " and row[c] != " " for c in columns)
    assert set(rule.replace(" ", "")) == {"-"}
    assert rows[0].split()[:5] == ["samples/vecadd.cu", "opencl", "pass", "1.23", "s"]
    assert rows[2].split()[3] == "-"  # no time


def test_text_detail_column_is_one_line_and_truncated():
    long = TargetResult("a.cu", "cpu", "fail", "x" * 200)
    row = render_text([long]).splitlines()[2]
    assert row.endswith("x...") and len(row.split()[-1]) == 60
    multi = render_text([FAIL]).splitlines()[2]
    assert multi.endswith("2 mismatches (8 numbers compared)...")


def test_text_lists_counts_and_full_detail_of_non_pass_rows():
    text = render_text(ALL)
    assert "pass 1, fail 1, error 1, unsupported 1" in text
    assert "samples/reduce_with_a_long_name.cu [cpu]: fail\n  2 mismatches" in text
    assert "  first: line 1, token 2: expected 1.0, got <2.0> & more" in text
    assert "  samples/y.cu:3:4: error: cc exited with status 1 [V002]" in text
    assert "samples/x.cu [hip]: unsupported\n  hipcc is not installed" in text
    assert "samples/vecadd.cu [opencl]" not in text


def test_text_escapes_terminal_control_characters():
    text = render_text([TargetResult("a.cu", "cpu", "fail", "got \x1b[31mred\x1b[0m")])
    assert "\x1b" not in text and "\\x1b[31mred" in text


# --- JSON -------------------------------------------------------------------------------------------------

def test_json_shape():
    data = json.loads(render_json(ALL))
    assert list(data) == ["results"]
    assert [(r["path"], r["target"], r["status"]) for r in data["results"]] == [
        (r.path, r.target, r.status) for r in ALL]
    first = data["results"][0]
    assert {"path", "target", "status", "detail"} <= set(first)
    assert first["detail"] == PASS.detail and first["seconds"] == 1.234
    assert data["results"][2]["diagnostics"][0]["code"] == "V002"
    assert data["results"][3]["seconds"] is None


def test_json_of_no_results():
    assert json.loads(render_json([])) == {"results": []}


# --- JUnit ------------------------------------------------------------------------------------------------

def _suite(xml_text):
    root = ET.fromstring(xml_text.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    return suites[0]


def test_junit_counts_and_cases():
    suite = _suite(render_junit(ALL))
    assert {k: suite.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "4", "failures": "1", "errors": "1", "skipped": "1"}
    cases = suite.findall("testcase")
    assert [(c.get("classname"), c.get("name")) for c in cases] == [(r.path, r.target) for r in ALL]
    assert [[child.tag for child in c] for c in cases] == [[], ["failure"], ["error"], ["skipped"]]
    assert cases[0].get("time") == "1.234" and float(suite.get("time")) == pytest.approx(1.734)


def test_junit_escapes_markup_and_control_characters():
    result = TargetResult('a&b<"c">.cu', "cpu", "fail", "expected <1> & got \x1b[0m \x00 ]]> done")
    case = _suite(render_junit([result])).find("testcase")
    assert case.get("classname") == 'a&b<"c">.cu'
    failure = case.find("failure")
    assert failure.text == "expected <1> & got \\x1b[0m \\x00 ]]> done"
    assert failure.get("message") == failure.text


def test_junit_strict_reports_unsupported_as_failure():
    suite = _suite(render_junit([PASS, UNSUPPORTED], strict=True))
    assert (suite.get("failures"), suite.get("skipped")) == ("1", "0")
    assert suite.findall("testcase")[1].find("failure").get("type") == "unsupported"


def test_junit_failure_body_holds_detail_and_diagnostics():
    error_case = _suite(render_junit([ERROR])).find("testcase/error")
    assert error_case.get("message") == "the translation could not be built"
    assert error_case.text.splitlines() == ["the translation could not be built",
                                            "samples/y.cu:3:4: error: cc exited with status 1 [V002]"]


def test_every_status_renders_everywhere():
    results = [TargetResult("a.cu", f"t{i}", s, f"detail {s}", 0.1) for i, s in enumerate(STATUSES)]
    assert all(s in render_text(results) for s in STATUSES)
    assert len(json.loads(render_json(results))["results"]) == len(STATUSES)
    assert _suite(render_junit(results)).get("tests") == str(len(STATUSES))
