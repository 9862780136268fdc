"""The results of `cutrans verify`, one per (program, target), and their renderings: text, JSON, JUnit XML.

Exit status (`exit_code`):
  1  some target failed: its output or exit status differs from the reference's
     (with strict=True an "unsupported" target counts as failed too);
  2  otherwise, some target could not be checked: an "error" (the reference or the translation could
     not be built or run, or ran past its time limit);
  0  every target passed ("unsupported" targets are reported and, unless strict, do not fail the run).
A failure outranks an error because it is a definite finding about the translation.

Kernel mode adds what a result needs to be reproduced and read: the case name, the input seed, which
reference was used, and one record per output buffer (see `check_buffer`). The JSON form is described by
docs/schemas/verify-report.schema.json and the JUnit form by docs/schemas/junit.xsd.
"""

from __future__ import annotations

import dataclasses
import json
import numbers
import re
import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any, Sequence

from translator.diagnostics import Diagnostic, Severity

STATUSES = ("pass", "fail", "error", "unsupported")
JSON_VERSION = 1
_DETAIL_WIDTH = 60
# Control characters (terminal escapes in a program's output, say) and what XML 1.0 cannot hold.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

_BUFFER_KEYS = ("name", "dtype", "elements", "mismatches", "tolerance", "first", "worst")
_TOLERANCE_KEYS = ("max_ulp", "rel_tol", "abs_tol", "reason")
_ELEMENT_KEYS = ("index", "expected", "actual", "ulp")


# --- buffer records -------------------------------------------------------------------------------------

def _keys(what: str, data: Any, keys: tuple[str, ...]) -> dict:
    if not isinstance(data, dict):
        raise ValueError(f"{what} must be a dict, not {type(data).__name__}")
    missing, extra = [k for k in keys if k not in data], sorted(set(data) - set(keys))
    if missing or extra:
        raise ValueError(f"{what}: missing keys {missing}, unexpected keys {extra}")
    return data


def _int(what: str, value: Any, optional: bool = False) -> int | None:
    if optional and value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        raise ValueError(f"{what} must be a non-negative integer, not {value!r}")
    return int(value)


def _real(what: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not value >= 0:
        raise ValueError(f"{what} must be a non-negative number, not {value!r}")
    return float(value)


def _str(what: str, value: Any, optional: bool = False) -> str | None:
    if optional and value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{what} must be a string, not {value!r}")
    return value


def _element(what: str, data: Any) -> dict | None:
    if data is None:
        return None
    _keys(what, data, _ELEMENT_KEYS)
    index = data["index"]
    if isinstance(index, (str, bytes)) or not hasattr(index, "__iter__"):
        raise ValueError(f"{what}.index must be a list of integers, not {index!r}")
    index = [_int(f"{what}.index", i) for i in index]
    if not index:
        raise ValueError(f"{what}.index is empty")
    return {"index": index, "expected": _str(f"{what}.expected", data["expected"]),
            "actual": _str(f"{what}.actual", data["actual"]), "ulp": _int(f"{what}.ulp", data["ulp"], True)}


def check_buffer(data: Any) -> dict:
    """A copy of one buffer record in its canonical form (plain ints, floats and lists, keys in order), or
    ValueError when it does not have exactly the keys

        name, dtype: str; elements, mismatches: int >= 0;
        tolerance: {"max_ulp": int, "rel_tol": float, "abs_tol": float, "reason": str | None};
        first, worst: None or {"index": [int, ...], "expected": str, "actual": str, "ulp": int | None}

    `first` is the mismatch with the lowest index, `worst` the one farthest from its expected value."""
    _keys("buffer", data, _BUFFER_KEYS)
    name = _str("buffer.name", data["name"])
    tol = _keys(f"buffer {name}: tolerance", data["tolerance"], _TOLERANCE_KEYS)
    record = {
        "name": name, "dtype": _str(f"buffer {name}: dtype", data["dtype"]),
        "elements": _int(f"buffer {name}: elements", data["elements"]),
        "mismatches": _int(f"buffer {name}: mismatches", data["mismatches"]),
        "tolerance": {"max_ulp": _int(f"buffer {name}: max_ulp", tol["max_ulp"]),
                      "rel_tol": _real(f"buffer {name}: rel_tol", tol["rel_tol"]),
                      "abs_tol": _real(f"buffer {name}: abs_tol", tol["abs_tol"]),
                      "reason": _str(f"buffer {name}: reason", tol["reason"], True)},
        "first": _element(f"buffer {name}: first", data["first"]),
        "worst": _element(f"buffer {name}: worst", data["worst"]),
    }
    if record["mismatches"] > record["elements"]:
        raise ValueError(f"buffer {name}: {record['mismatches']} mismatches in {record['elements']} elements")
    return record


# --- results --------------------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class TargetResult:
    path: str
    target: str
    status: str  # one of STATUSES
    detail: str = ""
    seconds: float | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    _: dataclasses.KW_ONLY
    case: str | None = None          # kernel mode: the case's name
    seed: int | None = None          # the seed the inputs were synthesized from
    reference: str | None = None     # what produced the expected values, e.g. "emulate" or "cuda"
    buffers: tuple[dict, ...] = ()   # kernel mode: one record per output buffer, see check_buffer

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status {self.status!r} is not one of {', '.join(STATUSES)}")
        if self.seed is not None and (isinstance(self.seed, bool) or not isinstance(self.seed, numbers.Integral)):
            raise ValueError(f"seed must be an integer, not {self.seed!r}")
        object.__setattr__(self, "diagnostics", tuple(self.diagnostics))
        object.__setattr__(self, "path", str(self.path))
        object.__setattr__(self, "detail", str(self.detail))
        object.__setattr__(self, "seed", None if self.seed is None else int(self.seed))
        object.__setattr__(self, "buffers", tuple(check_buffer(b) for b in self.buffers))

    @property
    def label(self) -> str:
        """The case name in kernel mode, else the program's path."""
        return self.case if self.case is not None else self.path


def _failed(result: TargetResult, strict: bool) -> bool:
    return result.status == "fail" or (strict and result.status == "unsupported")


def exit_code(results: Sequence[TargetResult], strict: bool = False) -> int:
    """0, 1 or 2 as the module docstring says."""
    if any(_failed(r, strict) for r in results):
        return 1
    return 2 if any(r.status == "error" for r in results) else 0


# --- text -----------------------------------------------------------------------------------------------

def _seconds_text(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds:.2f} s"


def _one_line(text: str, width: int = _DETAIL_WIDTH) -> str:
    """The first line of `text`, whitespace collapsed, cut to `width`; "..." marks anything left out."""
    lines = text.strip().splitlines()
    line = " ".join(_escaped(lines[0]).split()) if lines else ""
    more = len(lines) > 1
    if len(line) > width:
        line, more = line[:width - 3].rstrip(), True
    return line + "..." if more else line


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def _summary_line(results: Sequence[TargetResult]) -> str:
    counts = Counter(r.status for r in results)
    return ", ".join(f"{s} {counts[s]}" for s in STATUSES)


def _escaped(text: str) -> str:
    """`text` with control characters written as \\xNN, safe for a terminal and for XML 1.0."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _buffers_summary(buffers: Sequence[dict]) -> str:
    """One line for a result that has buffers but no detail, e.g. "3 mismatches in 1 of 2 buffers"."""
    bad = [b for b in buffers if b["mismatches"]]
    if not bad:
        return f"{len(buffers)} buffer{'s' * (len(buffers) != 1)} match"
    total = sum(b["mismatches"] for b in bad)
    return f"{total} mismatch{'es' * (total != 1)} in {len(bad)} of {len(buffers)} buffers"


def _row_detail(result: TargetResult) -> str:
    if not result.detail.strip() and result.buffers:
        return _buffers_summary(result.buffers)
    return result.detail


def _tolerance_text(tol: dict) -> str:
    text = f"max_ulp {tol['max_ulp']}, rel_tol {tol['rel_tol']:g}, abs_tol {tol['abs_tol']:g}"
    return text + (f" ({tol['reason']})" if tol["reason"] else "")


def _element_text(which: str, element: dict) -> str:
    index = ", ".join(str(i) for i in element["index"])
    ulp = "" if element["ulp"] is None else f", ulp {element['ulp']}"
    return f"{which} at [{index}]: expected {element['expected']}, actual {element['actual']}{ulp}"


def buffer_lines(buffer: dict) -> list[str]:
    """A buffer record as text: a head line with the count and tolerance, then the first and the worst
    mismatching element (index, both values, ulp), indented by two spaces."""
    head = f"buffer {buffer['name']} ({buffer['dtype']}, {buffer['elements']} elements): "
    if not buffer["mismatches"]:
        return [head + "all match"]
    lines = [head + f"{buffer['mismatches']} mismatch{'es' * (buffer['mismatches'] != 1)}; tolerance "
             + _tolerance_text(buffer["tolerance"])]
    for which in ("first", "worst"):
        if buffer[which] is not None:
            lines.append("  " + _element_text(which, buffer[which]))
    return lines


def _context_line(result: TargetResult) -> str | None:
    """"file F, reference R, seed N" for what is set: what a rerun needs to reproduce the result."""
    parts = [f"file {result.path}"] if result.case is not None else []
    parts += [f"reference {result.reference}"] if result.reference is not None else []
    parts += [f"seed {result.seed}"] if result.seed is not None else []
    return ", ".join(parts) or None


def detail_lines(result: TargetResult) -> list[str]:
    """Everything known about one result, one finding a line: its detail, its buffers, its context
    (file, reference, seed) and its diagnostics; control characters escaped."""
    lines = _escaped(result.detail).strip().splitlines()
    for buffer in result.buffers:
        lines += [_escaped(line) for line in buffer_lines(buffer)]
    context = _context_line(result)
    lines += [_escaped(context)] if context else []
    return lines + [_escaped(d.format()) for d in result.diagnostics]


def render_text(results: Sequence[TargetResult]) -> str:
    """An aligned table (program or case, target, status, time, one line of detail), a count per status,
    then the full detail, buffers, seed and diagnostics of every row that did not pass."""
    rows = [("program", "target", "status", "time", "detail")]
    rows += [(_escaped(r.label), r.target, r.status, _seconds_text(r.seconds), _one_line(_row_detail(r)))
             for r in results]
    lines = _table(rows) + ["", _summary_line(results)]
    for result in results:
        if result.status != "pass":
            lines += ["", f"{_escaped(result.label)} [{result.target}]: {result.status}"]
            lines += ["  " + line for line in detail_lines(result)]
    return "\n".join(lines) + "\n"


# --- JSON -----------------------------------------------------------------------------------------------

def _json_result(result: TargetResult) -> dict:
    return {"path": result.path, "target": result.target, "status": result.status, "detail": result.detail,
            "seconds": result.seconds, "case": result.case, "seed": result.seed, "reference": result.reference,
            "buffers": [dict(b) for b in result.buffers],
            "diagnostics": [d.to_json() for d in result.diagnostics]}


def render_json(results: Sequence[TargetResult]) -> str:
    """{"version": 1, "results": [{"path", "target", "status", "detail", "seconds", "case", "seed",
    "reference", "buffers", "diagnostics"}, ...]}, as docs/schemas/verify-report.schema.json says."""
    document = {"version": JSON_VERSION, "results": [_json_result(r) for r in results]}
    return json.dumps(document, indent=2) + "\n"


def _diagnostic_from_json(data: dict) -> Diagnostic:
    return Diagnostic(Severity[data["severity"].upper()], data["code"], data["message"], data["path"],
                      data["line"], data["column"])


def result_from_json(data: dict) -> TargetResult:
    """The inverse of one entry of render_json's "results" (KeyError/ValueError when it is malformed)."""
    return TargetResult(data["path"], data["target"], data["status"], data.get("detail", ""),
                        data.get("seconds"), tuple(_diagnostic_from_json(d) for d in data.get("diagnostics", ())),
                        case=data.get("case"), seed=data.get("seed"), reference=data.get("reference"),
                        buffers=tuple(data.get("buffers", ())))


def results_from_json(text: str) -> list[TargetResult]:
    """The results of a render_json document; ValueError for another version or a malformed one."""
    document = json.loads(text)
    if not isinstance(document, dict) or not isinstance(document.get("results"), list):
        raise ValueError("not a cutrans verify report: no \"results\" list")
    if document.get("version", JSON_VERSION) != JSON_VERSION:
        raise ValueError(f"report version {document.get('version')!r}; this cutrans reads {JSON_VERSION}")
    try:
        return [result_from_json(r) for r in document["results"]]
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"malformed result in the report: {exc!r}") from None


# --- JUnit ----------------------------------------------------------------------------------------------

_JUNIT_ELEMENT = {"fail": "failure", "error": "error", "unsupported": "skipped"}


def _properties(result: TargetResult) -> ET.Element | None:
    values = (("case", result.case), ("seed", result.seed), ("reference", result.reference))
    values = [(name, value) for name, value in values if value is not None]
    if not values:
        return None
    properties = ET.Element("properties")
    for name, value in values:
        ET.SubElement(properties, "property", name=name, value=_escaped(str(value)))
    return properties


def _testcase(result: TargetResult, strict: bool) -> ET.Element:
    case = ET.Element("testcase", classname=_escaped(result.label), name=_escaped(result.target),
                      time=f"{result.seconds or 0.0:.3f}")
    properties = _properties(result)
    if properties is not None:
        case.append(properties)
    tag = "failure" if _failed(result, strict) else _JUNIT_ELEMENT.get(result.status)
    if tag:
        child = ET.SubElement(case, tag, message=_one_line(_row_detail(result), 200) or result.status,
                              type=result.status)
        child.text = "\n".join(detail_lines(result))
    return case


def render_junit(results: Sequence[TargetResult], strict: bool = False, name: str = "cutrans verify") -> str:
    """JUnit XML (docs/schemas/junit.xsd): <testsuites> holding one <testsuite>, a <testcase> per result
    (classname = case name, else program; name = target) with <properties> case/seed/reference where set
    and a <failure>, <error> or <skipped> child for fail, error and unsupported."""
    cases = [_testcase(r, strict) for r in results]
    counts = Counter(child.tag for case in cases for child in case)
    total = sum(r.seconds or 0.0 for r in results)
    suite = ET.Element("testsuite", name=name, tests=str(len(cases)), failures=str(counts["failure"]),
                       errors=str(counts["error"]), skipped=str(counts["skipped"]), time=f"{total:.3f}")
    suite.extend(cases)
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
