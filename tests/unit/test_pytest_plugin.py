"""translator.verify.pytest_plugin: `cutrans verify` cases as pytest items.

The runs use a stand-in for `cutrans` (--cutrans-command) that prints canned JSON reports, so these tests
need no toolchain and do not depend on kernel mode itself."""

import json
import shlex
import sys
import textwrap
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

PLUGIN = ("-p", "translator.verify.pytest_plugin")
ROOT = Path(__file__).resolve().parents[2]

TWO_CASES = """
[[tool.cutrans.verify]]
name = "alpha"
file = "k/alpha.cu"
kernel = "alpha"
grid = [1]
block = [32]
args = ["out float32[32]"]
targets = ["cpu", "hip"]

[[tool.cutrans.verify]]
file = "k/saxpy.cu"
kernel = " saxpy "
grid = [4]
block = [128]
args = ["int32 500", "float32 2.5", "in float32[500]", "inout float32[500]"]
seed = 3
"""

# The stand-in for `cutrans`: records its argv, prints the canned report of the --case it is asked for.
FAKE = r'''
import json, pathlib, sys
here = pathlib.Path(__file__).parent
argv = sys.argv[1:]
with open(here / "calls.jsonl", "a") as calls:
    calls.write(json.dumps(argv) + "\n")
case, target = argv[argv.index("--case") + 1], argv[argv.index("--targets") + 1]
canned = json.loads((here / "canned.json").read_text())[case]
if isinstance(canned, str):
    sys.stderr.write("internal trouble\nTraceback: boom\n")
    print(canned)
    sys.exit(2)
result = {"path": "k/%s.cu" % case, "target": target, "status": "pass", "detail": "", "seconds": 0.5,
          "case": case, "seed": 3, "reference": "emulate", "buffers": [], "diagnostics": []}
result.update(canned)
print(json.dumps({"version": 1, "results": [result]}))
sys.exit({"pass": 0, "unsupported": 0, "fail": 1, "error": 2}[result["status"]])
'''

ELEMENT = {"index": [2, 7], "expected": "1.5", "actual": "1.75", "ulp": 2097152}
BUFFER = {"name": "y", "dtype": "float32", "elements": 500, "mismatches": 3,
          "tolerance": {"max_ulp": 4, "rel_tol": 1e-5, "abs_tol": 1e-6, "reason": None},
          "first": ELEMENT, "worst": dict(ELEMENT, index=[9, 1], actual="7.0", ulp=9999999)}
DIAG = {"path": "k/bad.cu", "line": 4, "column": 9, "severity": "error", "code": "V002",
        "message": "cc exited with status 1"}
CANNED = {
    "good": {"status": "pass", "buffers": [dict(BUFFER, mismatches=0, first=None, worst=None)]},
    "wrong": {"status": "fail", "detail": "3 of 500 elements differ", "seed": 11, "buffers": [BUFFER]},
    "broken": {"status": "error", "detail": "the translation could not be built", "diagnostics": [DIAG]},
    "exotic": {"status": "unsupported", "detail": "hipcc is not installed"},
    "crash": "this is not JSON",
    "elsewhere": {"case": "someone else"},
}


@pytest.fixture(autouse=True)
def _only_this_plugin(monkeypatch):
    """Load the plugin with -p whether or not its entry point is installed, and nothing else automatically."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")


def _project(pytester, cases: str, extra: str = "") -> Path:
    return pytester.makepyprojecttoml(textwrap.dedent(cases) + textwrap.dedent(extra))


def _fake_command(pytester) -> str:
    fake = pytester.path / "fake_cutrans.py"
    fake.write_text(FAKE)
    (pytester.path / "canned.json").write_text(json.dumps(CANNED))
    return shlex.join([sys.executable, str(fake)])


def _canned_cases(*names: str) -> str:
    return "".join(f'\n[[tool.cutrans.verify]]\nname = "{n}"\nfile = "k/{n}.cu"\nkernel = "{n}"\n' for n in names)


def _ids(result) -> list[str]:
    return [line for line in result.outlines if "::" in line]


# --- collection -------------------------------------------------------------------------------------------

def test_collects_one_item_per_case_and_target(pytester):
    _project(pytester, TWO_CASES)
    result = pytester.runpytest(*PLUGIN, "--cutrans-verify", "--collect-only", "-q")
    assert _ids(result) == ["pyproject.toml::alpha[cpu]", "pyproject.toml::saxpy:saxpy[opencl]",
                            "pyproject.toml::saxpy:saxpy[cpu]"]


def test_targets_option_is_intersected_with_the_case_targets(pytester):
    _project(pytester, TWO_CASES)
    result = pytester.runpytest(*PLUGIN, "--cutrans-verify", "--cutrans-targets", "hip, cpu,hip", "--collect-only",
                                "-q")
    assert _ids(result) == ["pyproject.toml::alpha[hip]", "pyproject.toml::alpha[cpu]",
                            "pyproject.toml::saxpy:saxpy[hip]", "pyproject.toml::saxpy:saxpy[cpu]"]


def test_nothing_is_collected_without_the_option(pytester):
    _project(pytester, TWO_CASES)
    pytester.makepyfile(test_plain="def test_plain():\n    pass\n")
    result = pytester.runpytest(*PLUGIN, "--collect-only", "-q")
    assert _ids(result) == ["test_plain.py::test_plain"]
    result = pytester.runpytest(*PLUGIN, "-q", "-k", "alpha")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_ini_option_enables_it(pytester):
    _project(pytester, TWO_CASES, """
        [tool.pytest.ini_options]
        cutrans_verify = true
        cutrans_targets = "cpu"
    """)
    result = pytester.runpytest(*PLUGIN, "--collect-only", "-q")
    assert _ids(result) == ["pyproject.toml::alpha[cpu]", "pyproject.toml::saxpy:saxpy[cpu]"]


def test_project_option_takes_a_file_or_a_folder(pytester):
    elsewhere = pytester.mkdir("elsewhere")
    (elsewhere / "pyproject.toml").write_text(_canned_cases("far"))
    pytester.makeini("[pytest]\n")
    for given in ("elsewhere", "elsewhere/pyproject.toml", str(elsewhere)):
        result = pytester.runpytest(*PLUGIN, "--cutrans-verify", "--cutrans-project", given, "--collect-only",
                                    "-q", "--cutrans-targets", "cpu")
        assert _ids(result) == ["elsewhere/pyproject.toml::far[cpu]"]


def test_keyword_selection_applies_to_cases(pytester):
    _project(pytester, TWO_CASES)
    result = pytester.runpytest(*PLUGIN, "--cutrans-verify", "--collect-only", "-q", "-k", "saxpy and cpu")
    assert _ids(result) == ["pyproject.toml::saxpy:saxpy[cpu]"]


@pytest.mark.parametrize("cases, message", [
    (_canned_cases("same", "same"), "more than one case is named same"),
    ('[[tool.cutrans.verify]]\nfile = "k.cu"\n', "needs 'file' and 'kernel'"),
    ('[[tool.cutrans.verify]]\nname = "a"\ntargets = "cpu"\n', "'targets' must be a list"),
    ("[tool.cutrans]\nverify = 3\n", "must be an array of tables"),
    ("[[tool.cutrans.verify]\n", "Expected"),
])
def test_malformed_cases_are_collection_errors(pytester, cases, message):
    pytester.makeini("[pytest]\n")     # pytest reads no ini options from a broken pyproject.toml of its own
    (pytester.path / "cases.toml").write_text(cases)
    result = pytester.runpytest(*PLUGIN, "--cutrans-verify", "--cutrans-project", "cases.toml")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.assert_outcomes(errors=1)
    assert message in result.stdout.str()


def test_missing_project_is_a_usage_error(pytester):
    pytester.makeini("[pytest]\n")
    result = pytester.runpytest(*PLUGIN, "--cutrans-verify", "--cutrans-project", "nowhere.toml")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "no project file" in result.stderr.str()


# --- running ----------------------------------------------------------------------------------------------

def _run(pytester, *names, targets="cpu"):
    _project(pytester, _canned_cases(*names))
    return pytester.runpytest(*PLUGIN, "--cutrans-verify", "--cutrans-command", _fake_command(pytester),
                              "--cutrans-targets", targets, "-rs")


def test_pass_passes_and_the_command_line_is_cutrans_verify(pytester):
    result = _run(pytester, "good", targets="opencl,cpu")
    result.assert_outcomes(passed=2)
    calls = [json.loads(line) for line in (pytester.path / "calls.jsonl").read_text().splitlines()]
    project = str(pytester.path / "pyproject.toml")
    assert calls == [["verify", "--project", project, "--case", "good", "--targets", t, "--format", "json"]
                     for t in ("opencl", "cpu")]


def test_fail_shows_buffers_and_seed(pytester):
    result = _run(pytester, "wrong")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*cutrans verify wrong [[]cpu[]]: fail",
        "*  3 of 500 elements differ",
        "*  buffer y (float32, 500 elements): 3 mismatches; tolerance max_ulp 4, rel_tol 1e-05, abs_tol 1e-06",
        "*    first at [[]2, 7[]]: expected 1.5, actual 1.75, ulp 2097152",
        "*    worst at [[]9, 1[]]: expected 1.5, actual 7.0, ulp 9999999",
        "*  file k/wrong.cu, reference emulate, seed 11",
        "*rerun: cutrans verify --project * --case wrong --targets cpu",
    ])
    assert "Traceback" not in result.stdout.str()   # the report, not a Python traceback of the plugin


def test_error_shows_diagnostics_and_stderr(pytester):
    result = _run(pytester, "broken")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*cutrans verify broken [[]cpu[]]: error",
        "*  the translation could not be built",
        "*  k/bad.cu:4:9: error: cc exited with status 1 [[]V002[]]",
    ])


def test_unsupported_is_skipped_with_the_detail(pytester):
    result = _run(pytester, "exotic")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["SKIPPED [[]1[]] pyproject.toml:1: hipcc is not installed"])


def test_unreadable_report_fails_with_the_output(pytester):
    result = _run(pytester, "crash")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*cutrans verify exited with status 2 and printed no readable report*",
        "*command: *fake_cutrans.py verify --project*",
        "*stderr (last 2 lines):",
        "*  Traceback: boom",
        "*  this is not JSON",
    ])


def test_a_report_about_another_case_fails(pytester):
    result = _run(pytester, "elsewhere")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*reported no result for elsewhere [[]cpu[]]*"])


def test_mixed_outcomes(pytester):
    result = _run(pytester, "good", "wrong", "broken", "exotic")
    result.assert_outcomes(passed=1, failed=2, skipped=1)
    assert result.ret == pytest.ExitCode.TESTS_FAILED


# --- registration -----------------------------------------------------------------------------------------

def test_entry_point_is_declared():
    try:
        import tomllib
    except ModuleNotFoundError:      # Python 3.10
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["entry-points"]["pytest11"] == {"cutrans": "translator.verify.pytest_plugin"}


def test_reports_point_at_the_case_table(pytester):
    result = _run(pytester, "good", "exotic")
    result.stdout.fnmatch_lines(["SKIPPED [[]1[]] pyproject.toml:6: hipcc is not installed"])
