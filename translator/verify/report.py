"""The results of `cutrans verify`, one per (program, target), and their renderings: text, JSON, JUnit XML.

Exit status (`exit_code`):
  1  some target failed: its output or exit status differs from the reference's
     (with strict=True an "unsupported" target counts as failed too);
  2  otherwise, some target could not be checked: an "error" (the reference or the translation could
     not be built or run, or ran past its time limit);
  0  every target passed ("unsupported" targets are reported and, unless strict, do not fail the run).
A failure outranks an error because it is a definite finding about the translation.
"""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from typing import Sequence

from translator.diagnostics import Diagnostic

STATUSES = ("pass", "fail", "error", "unsupported")
_DETAIL_WIDTH = 60
# Control characters (terminal escapes in a program's output, say) and what XML 1.0 cannot hold.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


@dataclasses.dataclass(frozen=True)
class TargetResult:
    path: str
    target: str
    status: str  # one of STATUSES
    detail: str = ""
    seconds: float | None = None
    diagnostics: tuple[Diagnostic, ...] = ()

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status {self.status!r} is not one of {', '.join(STATUSES)}")
        object.__setattr__(self, "diagnostics", tuple(self.diagnostics))
        object.__setattr__(self, "path", str(self.path))


def _failed(result: TargetResult, strict: bool) -> bool:
    return result.status == "fail" or (strict and result.status == "unsupported")


def exit_code(results: Sequence[TargetResult], strict: bool = False) -> int:
    """0, 1 or 2 as the module docstring says."""
    if any(_failed(r, strict) for r in results):
        return 1
    return 2 if any(r.status == "error" for r in results) else 0


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


def _detail_lines(result: TargetResult) -> list[str]:
    lines = _escaped(result.detail).strip().splitlines()
    return lines + [_escaped(d.format()) for d in result.diagnostics]


def render_text(results: Sequence[TargetResult]) -> str:
    """An aligned table (program, target, status, time, one line of detail), a count per status,
    then the full detail and diagnostics of every row that did not pass."""
    rows = [("program", "target", "status", "time", "detail")]
    rows += [(r.path, r.target, r.status, _seconds_text(r.seconds), _one_line(r.detail)) for r in results]
    lines = _table(rows) + ["", _summary_line(results)]
    for result in results:
        if result.status != "pass":
            lines += ["", f"{result.path} [{result.target}]: {result.status}"]
            lines += ["  " + line for line in _detail_lines(result)]
    return "\n".join(lines) + "\n"


def _json_result(result: TargetResult) -> dict:
    return {"path": result.path, "target": result.target, "status": result.status, "detail": result.detail,
            "seconds": result.seconds, "diagnostics": [d.to_json() for d in result.diagnostics]}


def render_json(results: Sequence[TargetResult]) -> str:
    """{"results": [{"path", "target", "status", "detail", "seconds", "diagnostics"}, ...]}"""
    return json.dumps({"results": [_json_result(r) for r in results]}, indent=2) + "\n"


_JUNIT_ELEMENT = {"fail": "failure", "error": "error", "unsupported": "skipped"}


def _testcase(result: TargetResult, strict: bool) -> ET.Element:
    case = ET.Element("testcase", classname=_escaped(result.path), name=_escaped(result.target),
                      time=f"{result.seconds or 0.0:.3f}")
    tag = "failure" if _failed(result, strict) else _JUNIT_ELEMENT.get(result.status)
    if tag:
        child = ET.SubElement(case, tag, message=_one_line(result.detail, 200) or result.status,
                              type=result.status)
        child.text = "\n".join(_detail_lines(result))
    return case


def render_junit(results: Sequence[TargetResult], strict: bool = False, name: str = "cutrans verify") -> str:
    """JUnit XML: <testsuites> holding one <testsuite>, a <testcase> per result (classname = program,
    name = target) with a <failure>, <error> or <skipped> child for fail, error and unsupported."""
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
