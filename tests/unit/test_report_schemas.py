"""docs/schemas: the JSON and JUnit renderings of translator.verify.report validate against their schemas,
and the schemas reject documents that break them."""

import copy
import json
from pathlib import Path

import pytest

from translator.diagnostics import CODES, Diagnostic, Severity, error, warning
from translator.verify.report import TargetResult, render_json, render_junit

jsonschema = pytest.importorskip("jsonschema", reason="the test extra (pip install -e .[test]) provides jsonschema")
xmlschema = pytest.importorskip("xmlschema", reason="the test extra (pip install -e .[test]) provides xmlschema")

SCHEMAS = Path(__file__).resolve().parents[2] / "docs" / "schemas"


@pytest.fixture(scope="module")
def json_validator():
    schema = json.loads((SCHEMAS / "verify-report.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def junit_schema():
    return xmlschema.XMLSchema(str(SCHEMAS / "junit.xsd"))


def _buffer(name, mismatches, ulp=3):
    element = {"index": [0, 5], "expected": "1.25", "actual": "1.2500002", "ulp": ulp}
    return {"name": name, "dtype": "float32", "elements": 64, "mismatches": mismatches,
            "tolerance": {"max_ulp": 1, "rel_tol": 0.0, "abs_tol": 0, "reason": "fast math" if ulp else None},
            "first": element if mismatches else None, "worst": dict(element, index=[3, 7]) if mismatches else None}


RESULTS = {
    "pass": [TargetResult("samples/vecadd.cu", "opencl", "pass", "8 numbers compared", 0.123)],
    "program fail": [TargetResult("samples/r.cu", "cpu", "fail", "2 mismatches\nfirst: line 1", 0.5)],
    "kernel fail with buffers": [
        TargetResult("k/saxpy.cu", "cpu", "fail", "", 0.01, case="saxpy:saxpy", seed=7, reference="emulate",
                     buffers=(_buffer("x", 0), _buffer("y", 2), _buffer("n", 1, ulp=None))),
        TargetResult("k/saxpy.cu", "opencl", "pass", "", 0.02, case="saxpy:saxpy", seed=7, reference="cuda",
                     buffers=(_buffer("y", 0),))],
    "error with diagnostics": [
        TargetResult("samples/y.cu", "hip", "error", "could not be built", None,
                     (error("V002", "cc exited with status 1", "samples/y.cu", 3, 4),
                      warning("M002", "deprecated"), Diagnostic(Severity.NOTE, "V005", "note")))],
    "unsupported": [TargetResult("samples/x.cu", "hip", "unsupported", "hipcc is not installed")],
    "control characters": [
        TargetResult('a&b<"c">\x1b.cu', "cpu", "fail", "got \x1b[31mred\x1b[0m \x00 \x7f ]]> \ud800 \ufffe", 1.0,
                     case="c\x01", buffers=(dict(_buffer("y\x02", 1), first={"index": [1], "expected": "\x1b",
                                                                               "actual": "\x00", "ulp": None}),))],
    "nothing": [],
}


@pytest.mark.parametrize("name", RESULTS)
def test_json_report_matches_schema(json_validator, name):
    json_validator.validate(json.loads(render_json(RESULTS[name])))


@pytest.mark.parametrize("name", RESULTS)
def test_junit_report_matches_schema(junit_schema, name):
    junit_schema.validate(render_junit(RESULTS[name]))
    junit_schema.validate(render_junit(RESULTS[name], strict=True, name="custom"))


def test_every_registered_diagnostic_code_matches_the_schema(json_validator):
    diags = tuple(error(code, "m") for code in CODES)
    json_validator.validate(json.loads(render_json([TargetResult("a.cu", "cpu", "error", diagnostics=diags)])))


def _valid_document():
    return json.loads(render_json(RESULTS["kernel fail with buffers"] + RESULTS["error with diagnostics"]))


@pytest.mark.parametrize("break_it", [
    lambda d: d.pop("version"),
    lambda d: d.update(version=2),
    lambda d: d.update(extra=True),
    lambda d: d["results"][0].update(status="passed"),
    lambda d: d["results"][0].update(target="cuda-emu"),
    lambda d: d["results"][0].pop("seed"),
    lambda d: d["results"][0].update(seed="7"),
    lambda d: d["results"][0].update(unknown=1),
    lambda d: d["results"][0]["buffers"][1].pop("worst"),
    lambda d: d["results"][0]["buffers"][1].update(mismatches=-1),
    lambda d: d["results"][0]["buffers"][1]["tolerance"].update(extra=0),
    lambda d: d["results"][0]["buffers"][1]["first"].update(index=[]),
    lambda d: d["results"][0]["buffers"][1]["first"].update(expected=1.25),
    lambda d: d["results"][2]["diagnostics"][0].update(severity="fatal"),
    lambda d: d["results"][2]["diagnostics"][0].update(code="X001"),
    lambda d: d["results"][2]["diagnostics"][0].pop("column"),
])
def test_json_schema_rejects_wrong_documents(json_validator, break_it):
    document = _valid_document()
    json_validator.validate(document)
    broken = copy.deepcopy(document)
    break_it(broken)
    with pytest.raises(jsonschema.ValidationError):
        json_validator.validate(broken)


@pytest.mark.parametrize("xml_text", [
    "<testsuites><testsuite tests='1'/></testsuites>",                                  # no name
    "<testsuites><testsuite name='s' tests='-1'/></testsuites>",                         # negative count
    "<testsuites><testsuite name='s' tests='1'><testcase/></testsuite></testsuites>",    # testcase without name
    "<testsuites><testsuite name='s' tests='1'><testcase name='t' time='soon'/></testsuite></testsuites>",
    "<testsuites><testsuite name='s' tests='1'><testcase name='t'><failure/><properties/></testcase>"
    "</testsuite></testsuites>",                                                         # properties after outcome
    "<testsuites><testsuite name='s' tests='1'><testcase name='t'><passed/></testcase></testsuite></testsuites>",
    "<testsuites><testsuite name='s' tests='1'><testcase name='t'><properties><property value='v'/>"
    "</properties></testcase></testsuite></testsuites>",                                 # property without name
    "<testsuite name='s' tests='0' colour='red'/>",
])
def test_junit_schema_rejects_wrong_documents(junit_schema, xml_text):
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        junit_schema.validate(xml_text)


def test_junit_schema_accepts_common_extras(junit_schema):
    junit_schema.validate(
        "<testsuites name='all' tests='1' time='0.5'><testsuite name='s' tests='1' failures='0' errors='0' "
        "skipped='0' timestamp='2024-01-01T00:00:00' hostname='ci'><properties><property name='k' value='v'/>"
        "</properties><testcase classname='c' name='t' time='0.5'><system-out>out</system-out></testcase>"
        "<system-err>err</system-err></testsuite></testsuites>")
