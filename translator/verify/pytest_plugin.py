"""A pytest plugin that runs the `cutrans verify` cases of a project as pytest tests.

Registered as the `cutrans` entry point in the `pytest11` group, so pytest loads it wherever cutrans is
installed; it does nothing until asked (`pytest --cutrans-verify`, or `cutrans_verify = true` in the ini
options). Then it reads the `[[tool.cutrans.verify]]` tables of the project's pyproject.toml and adds one
test per (case, target) with the id `<case>[<target>]`. Each test runs

    python -m translator.cli verify --project PYPROJECT --case NAME --targets TARGET --format json

in a subprocess and reads the report: pass passes, fail and error fail with the report's text (buffers,
first and worst mismatch, seed; or the diagnostics), unsupported is skipped with its detail.

The plugin only reads the case names and targets from the tables; cutrans itself checks the rest and
reports a malformed case as an error of that case's tests. See docs/verify.md.
"""

from __future__ import annotations

import argparse
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

DEFAULT_TARGETS = ("opencl", "cpu")
_STDERR_LINES = 30


# --- options --------------------------------------------------------------------------------------------

def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cutrans", "cutrans verify cases ([[tool.cutrans.verify]] in pyproject.toml)")
    group.addoption("--cutrans-verify", action="store_true", default=False,
                    help="collect the [[tool.cutrans.verify]] cases as tests, one per (case, target)")
    group.addoption("--cutrans-project", metavar="PATH", default=None,
                    help="the pyproject.toml, or its folder, that declares the cases (default: the rootdir's)")
    group.addoption("--cutrans-targets", metavar="LIST", default=None,
                    help=f"comma-separated targets to verify on (default {','.join(DEFAULT_TARGETS)})")
    # The command that stands for `cutrans`, shell-quoted; for this plugin's own tests.
    group.addoption("--cutrans-command", default=None, help=argparse.SUPPRESS)
    parser.addini("cutrans_verify", "collect the cutrans verify cases as tests (like --cutrans-verify)",
                  type="bool", default=False)
    parser.addini("cutrans_project", "the pyproject.toml that declares the cases, relative to the rootdir",
                  default="")
    parser.addini("cutrans_targets", f"comma-separated targets (default {','.join(DEFAULT_TARGETS)})", default="")


def _enabled(config: pytest.Config) -> bool:
    return bool(config.getoption("cutrans_verify") or config.getini("cutrans_verify"))


def _project(config: pytest.Config) -> Path:
    given = config.getoption("cutrans_project")
    base = config.invocation_params.dir if given else config.rootpath
    path = Path(given or config.getini("cutrans_project") or "pyproject.toml")
    path = path if path.is_absolute() else base / path
    return path / "pyproject.toml" if path.is_dir() else path


def _targets(config: pytest.Config) -> tuple[str, ...]:
    text = config.getoption("cutrans_targets") or config.getini("cutrans_targets") or ",".join(DEFAULT_TARGETS)
    targets = tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))
    if not targets:
        raise pytest.UsageError(f"--cutrans-targets names no target: {text!r}")
    return targets


def _command(config: pytest.Config) -> list[str]:
    given = config.getoption("cutrans_command")
    return shlex.split(given) if given else [sys.executable, "-m", "translator.cli"]


# --- collection -----------------------------------------------------------------------------------------

@pytest.hookimpl(tryfirst=True)     # before -k, -m and --deselect filter the items
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list) -> None:
    if not _enabled(config):
        return
    path = _project(config)
    if not path.is_file():
        raise pytest.UsageError(f"cutrans verify: no project file {path} (see --cutrans-project)")
    _targets(config)                # a usage error, not a collection error, when it names none
    project = CutransProject.from_parent(session, path=path)
    items.extend(session.genitems(project))


def _load_toml(text: str) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:      # Python 3.10
        import tomli as tomllib      # type: ignore[no-redef]
    return tomllib.loads(text)


def _case_name(table: dict, where: str) -> str:
    if table.get("name"):           # as cutrans names it: an empty name means the default
        return str(table["name"])
    if not isinstance(table.get("file"), str) or not isinstance(table.get("kernel"), str):
        raise ValueError(f"{where}: a case without 'name' needs 'file' and 'kernel' strings")
    return f"{Path(table['file']).stem}:{table['kernel'].strip()}"


def _case_targets(table: dict, where: str) -> tuple[str, ...] | None:
    targets = table.get("targets")
    if targets is None:
        return None
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        raise ValueError(f"{where}: 'targets' must be a list of strings")
    return tuple(targets)


def _table_lines(text: str) -> list[int]:
    """The 0-based line of each `[[tool.cutrans.verify]]` header, in order (for report locations)."""
    return [number for number, line in enumerate(text.splitlines())
            if re.fullmatch(r"\[\[\s*tool\s*\.\s*cutrans\s*\.\s*verify\s*\]\](\s*#.*)?", line.strip())]


def read_cases(path: Path) -> list[tuple[str, tuple[str, ...] | None, int]]:
    """(name, own targets or None, 0-based line of its table) of every [[tool.cutrans.verify]] case in
    `path`; ValueError when a name cannot be made or is used twice, or the tables are not an array of tables."""
    text = path.read_text(encoding="utf-8")
    tables = _load_toml(text).get("tool", {}).get("cutrans", {}).get("verify", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise ValueError(f"{path}: [tool.cutrans.verify] must be an array of tables, [[tool.cutrans.verify]]")
    lines = _table_lines(text)
    lines = lines if len(lines) == len(tables) else [0] * len(tables)     # inline arrays of tables
    cases = []
    for number, (table, line) in enumerate(zip(tables, lines), 1):
        where = f"{path}: [[tool.cutrans.verify]] #{number}"
        cases.append((_case_name(table, where), _case_targets(table, where), line))
    names = [name for name, _, _ in cases]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise ValueError(f"{path}: more than one case is named {', '.join(twice)}; give each a distinct 'name'")
    return cases


class CutransProject(pytest.File):
    """The cases of one pyproject.toml."""

    def collect(self):
        try:
            cases = read_cases(self.path)
        except (OSError, ValueError) as exc:    # tomllib.TOMLDecodeError is a ValueError
            raise self.CollectError(f"cutrans verify: {exc}") from None
        targets = _targets(self.config)
        for name, own, line in cases:
            for target in targets:
                if own is None or target in own:
                    yield CutransCase.from_parent(self, name=f"{name}[{target}]", case=name, target=target,
                                                  line=line)


# --- running --------------------------------------------------------------------------------------------

class CaseFailed(Exception):
    """A case that failed or could not be checked; its message is what pytest shows."""


class CutransCase(pytest.Item):
    """One (case, target): one `cutrans verify` run."""

    def __init__(self, *, case: str, target: str, line: int = 0, **kwargs) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.target = target
        self.line = line

    def argv(self) -> list[str]:
        return [*_command(self.config), "verify", "--project", str(self.path), "--case", self.case,
                "--targets", self.target, "--format", "json"]

    def _rerun_hint(self) -> str:
        return (f"rerun: cutrans verify --project {shlex.quote(str(self.path))} --case {shlex.quote(self.case)} "
                f"--targets {self.target}")

    def runtest(self) -> None:
        proc = subprocess.run(self.argv(), cwd=self.config.rootpath, capture_output=True, text=True,
                              encoding="utf-8", errors="replace")
        results = self._results(proc)
        bad = [r for r in results if r.status in ("fail", "error")]
        if bad:
            raise CaseFailed(self._failure_text(bad, proc))
        if all(r.status == "unsupported" for r in results):
            _skip("; ".join(line for r in results for line in _skip_lines(r)) or "unsupported")

    def _results(self, proc: subprocess.CompletedProcess) -> list:
        from translator.verify.report import results_from_json
        try:
            results = results_from_json(proc.stdout)
        except ValueError as exc:
            raise CaseFailed(self._broken_text(proc, f"printed no readable report ({exc})")) from None
        mine = [r for r in results if r.target == self.target and r.case in (None, self.case)]
        if not mine:
            raise CaseFailed(self._broken_text(proc, f"reported no result for {self.case} [{self.target}]"))
        return mine

    def _broken_text(self, proc: subprocess.CompletedProcess, what: str) -> str:
        lines = [f"cutrans verify exited with status {proc.returncode} and {what}",
                 "command: " + shlex.join(self.argv())]
        return "\n".join(lines + _tail("stderr", proc.stderr) + _tail("stdout", proc.stdout))

    def _failure_text(self, results: list, proc: subprocess.CompletedProcess) -> str:
        from translator.verify.report import detail_lines
        lines = []
        for result in results:
            lines.append(f"cutrans verify {result.case or result.path} [{result.target}]: {result.status}")
            lines += ["  " + line for line in detail_lines(result)]
        if any(r.status == "error" for r in results):
            lines += _tail("stderr", proc.stderr)
        return "\n".join(lines + [self._rerun_hint()])

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, CaseFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        return self.path, self.line, f"cutrans verify {self.case} [{self.target}]"


def _skip_lines(result) -> list[str]:
    return [*result.detail.strip().splitlines(), *(d.format() for d in result.diagnostics)]


def _skip(reason: str) -> None:
    """pytest.skip, reported at the case (pyproject.toml) rather than at this line of the plugin."""
    try:
        exc = pytest.skip.Exception(reason, _use_item_location=True)
    except TypeError:               # a pytest without the keyword
        exc = pytest.skip.Exception(reason)
    raise exc


def _tail(label: str, text: str) -> list[str]:
    lines = text.strip().splitlines()[-_STDERR_LINES:]
    return [f"{label} (last {len(lines)} lines):"] + ["  " + line for line in lines] if lines else []
