"""translator.verify.report: the results model, exit codes, and the text, JSON and JUnit renderings."""

import json
import xml.etree.ElementTree as ET

import pytest

from translator.diagnostics import error
from translator.verify.report import (STATUSES, TargetResult, check_buffer, exit_code, render_json, render_junit,
                                     render_text, results_from_json)

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
    assert list(data) == ["version", "results"] and data["version"] == 1
    assert [(r["path"], r["target"], r["status"]) for r in data["results"]] == [
        (r.path, r.target, r.status) for r in ALL]
    first = data["results"][0]
    assert {"path", "target", "status", "detail"} <= set(first)
    assert first["detail"] == PASS.detail and first["seconds"] == 1.234
    assert data["results"][2]["diagnostics"][0]["code"] == "V002"
    assert data["results"][3]["seconds"] is None


def test_json_of_no_results():
    assert json.loads(render_json([])) == {"version": 1, "results": []}


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


# --- kernel mode: case, seed, reference, buffers -----------------------------------------------------------

def _buffer(name="y", mismatches=2, elements=1024, first=None, worst=None, reason=None, ulp=4194304):
    first = first or {"index": [3], "expected": "1.0", "actual": "1.5", "ulp": ulp}
    worst = worst or {"index": [17], "expected": "2.0", "actual": "9.0", "ulp": ulp and 7340032}
    return {"name": name, "dtype": "float32", "elements": elements, "mismatches": mismatches,
            "tolerance": {"max_ulp": 4, "rel_tol": 1e-5, "abs_tol": 1e-6, "reason": reason},
            "first": first if mismatches else None, "worst": worst if mismatches else None}


KERNEL_FAIL = TargetResult("samples/saxpy.cu", "cpu", "fail", "2 of 2048 elements differ", 0.25,
                           case="saxpy:saxpy", seed=42, reference="emulate",
                           buffers=(_buffer("x", 0), _buffer("y")))
KERNEL_PASS = TargetResult("samples/saxpy.cu", "opencl", "pass", "", 0.5, case="saxpy:saxpy", seed=42,
                           reference="emulate", buffers=(_buffer("y", 0),))


def test_kernel_fields_default_to_program_mode():
    assert (PASS.case, PASS.seed, PASS.reference, PASS.buffers) == (None, None, None, ())


def test_kernel_fields_are_keyword_only():
    with pytest.raises(TypeError):
        TargetResult("a.cu", "cpu", "pass", "", None, (), "case")


def test_buffer_records_are_normalized():
    import numpy as np
    raw = _buffer(first={"index": (np.int64(1), 2), "expected": "1", "actual": "2", "ulp": np.uint32(1)})
    raw["elements"], raw["tolerance"]["rel_tol"] = np.int64(1024), np.float32(0.5)
    buffer = TargetResult("a.cu", "cpu", "fail", buffers=[raw], seed=np.int32(7)).buffers[0]
    assert buffer["first"]["index"] == [1, 2] and type(buffer["first"]["index"][0]) is int
    assert type(buffer["elements"]) is int and type(buffer["tolerance"]["rel_tol"]) is float
    assert list(buffer) == ["name", "dtype", "elements", "mismatches", "tolerance", "first", "worst"]
    json.dumps(buffer)


@pytest.mark.parametrize("change", [
    lambda b: b.pop("worst"),
    lambda b: b.update(extra=1),
    lambda b: b["tolerance"].pop("reason"),
    lambda b: b.update(mismatches=-1),
    lambda b: b.update(mismatches=2000),
    lambda b: b.update(elements=True),
    lambda b: b.update(dtype=None),
    lambda b: b["first"].update(index=[]),
    lambda b: b["first"].update(index="3"),
    lambda b: b["first"].update(ulp=1.5),
    lambda b: b["tolerance"].update(rel_tol=-1.0),
    lambda b: b.update(first="3"),
])
def test_malformed_buffer_records_are_rejected(change):
    buffer = _buffer()
    change(buffer)
    with pytest.raises(ValueError):
        check_buffer(buffer)


def test_seed_must_be_an_integer():
    with pytest.raises(ValueError):
        TargetResult("a.cu", "cpu", "pass", seed="42")


def test_text_shows_case_buffers_and_seed():
    text = render_text([KERNEL_PASS, KERNEL_FAIL])
    rows = text.splitlines()[2:4]
    assert rows[0].split()[:3] == ["saxpy:saxpy", "opencl", "pass"] and rows[0].endswith("1 buffer match")
    assert rows[1].endswith("2 of 2048 elements differ")
    section = text.split("saxpy:saxpy [cpu]: fail\n", 1)[1].splitlines()
    assert section == [
        "  2 of 2048 elements differ",
        "  buffer x (float32, 1024 elements): all match",
        "  buffer y (float32, 1024 elements): 2 mismatches; tolerance max_ulp 4, rel_tol 1e-05, abs_tol 1e-06",
        "    first at [3]: expected 1.0, actual 1.5, ulp 4194304",
        "    worst at [17]: expected 2.0, actual 9.0, ulp 7340032",
        "  file samples/saxpy.cu, reference emulate, seed 42",
    ]
    assert "saxpy:saxpy [opencl]" not in text


def test_text_row_summarizes_buffers_when_there_is_no_detail():
    result = TargetResult("k.cu", "cpu", "fail", buffers=[_buffer("a", 1, first={"index": [0, 2], "expected": "3",
                                                                                  "actual": "4", "ulp": None},
                                                          worst={"index": [0, 2], "expected": "3", "actual": "4",
                                                                 "ulp": None}, reason="fast math"),
                                                          _buffer("b", 0)], seed=0)
    text = render_text([result])
    assert text.splitlines()[2].endswith("1 mismatch in 1 of 2 buffers")
    assert "  buffer a (float32, 1024 elements): 1 mismatch; tolerance max_ulp 4, rel_tol 1e-05, abs_tol 1e-06 " \
           "(fast math)\n    first at [0, 2]: expected 3, actual 4\n" in text
    assert "  seed 0\n" in text


def test_text_escapes_control_characters_in_buffers():
    first = {"index": [0], "expected": "a\x1bb", "actual": "c", "ulp": None}
    result = TargetResult("k.cu", "cpu", "fail", buffers=[_buffer("q\x07", 1, first=first, worst=first)],
                          case="c\x1b")
    text = render_text([result])
    assert "\x1b" not in text and "\x07" not in text and "expected a\\x1bb" in text and "c\\x1b [cpu]" in text


def test_json_carries_kernel_fields():
    data = json.loads(render_json([PASS, KERNEL_FAIL]))
    program, kernel = data["results"]
    assert (program["case"], program["seed"], program["reference"], program["buffers"]) == (None, None, None, [])
    assert (kernel["case"], kernel["seed"], kernel["reference"]) == ("saxpy:saxpy", 42, "emulate")
    assert kernel["buffers"] == [_buffer("x", 0), _buffer("y")]


def test_json_round_trips():
    results = ALL + [KERNEL_PASS, KERNEL_FAIL]
    assert results_from_json(render_json(results)) == results


@pytest.mark.parametrize("text", ['{"version": 2, "results": []}', '{"results": {}}', '[]',
                                  '{"version": 1, "results": [{"path": "a.cu"}]}'])
def test_json_reader_rejects_other_documents(text):
    with pytest.raises(ValueError):
        results_from_json(text)


def test_junit_kernel_case_properties_and_classname():
    suite = _suite(render_junit([KERNEL_PASS, KERNEL_FAIL, PASS]))
    cases = suite.findall("testcase")
    assert [(c.get("classname"), c.get("name")) for c in cases] == [
        ("saxpy:saxpy", "opencl"), ("saxpy:saxpy", "cpu"), ("samples/vecadd.cu", "opencl")]
    props = {p.get("name"): p.get("value") for p in cases[1].findall("properties/property")}
    assert props == {"case": "saxpy:saxpy", "seed": "42", "reference": "emulate"}
    assert cases[2].find("properties") is None
    assert [child.tag for child in cases[1]] == ["properties", "failure"]
    body = cases[1].find("failure").text
    assert "\n  worst at [17]: expected 2.0, actual 9.0, ulp 7340032\n" in body and "seed 42" in body
    assert suite.get("failures") == "1"


def test_path_like_detail_is_text():
    from pathlib import Path
    result = TargetResult("a.cu", "hip", "unsupported", Path("out/hip/a"))
    assert json.loads(render_json([result]))["results"][0]["detail"] == str(Path("out/hip/a"))
