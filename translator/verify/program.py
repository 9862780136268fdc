"""Program mode of `cutrans verify`: build and run the original and each translation, compare.

The reference is the unmodified CUDA program compiled against runtime_shims/emulate (or real
CUDA when a GPU is present, arriving with the verify issue). Each target's translation is
produced by the translator, built with the discovered toolchain and run with the same
arguments in its own folder. Outputs are compared by translator.verify.compare.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from translator.diagnostics import CutransError, Diagnostic, Severity
from translator.verify.compare import DEFAULT_POLICY, compare_runs
from translator.verify.report import TargetResult
from translator.verify.run import private_workdir, run_program

# Diagnostic code families that mean "this construct is not translated (yet)".
_UNSUPPORTED_PREFIXES = ("L", "M", "B001")


def _status_for(diags: list[Diagnostic]) -> str:
    errors = [d for d in diags if d.severity >= Severity.ERROR]
    if errors and all(d.code.startswith(_UNSUPPORTED_PREFIXES) for d in errors):
        return "unsupported"
    return "error"


def _first_lines(diags: list[Diagnostic], limit: int = 3) -> str:
    lines = [d.format() for d in diags if d.severity >= Severity.ERROR][:limit]
    more = len([d for d in diags if d.severity >= Severity.ERROR]) - limit
    return "\n".join(lines + ([f"... and {more} more"] if more > 0 else []))


def _run(exe: Path, program_args, cwd: Path, env: dict | None, timeout: float, code: str):
    return run_program([str(exe), *program_args], cwd=cwd, env=env, timeout=timeout, code=code)


def _run_failure(run) -> str | None:
    if run.timed_out:
        return f"ran past the {run.seconds:.0f} s time limit [V004]"
    return None


class ProgramVerifier:
    def __init__(self, path: str, options, program_args, timeout: float, policy, workdir: Path, cwd: Path):
        self.path = path
        self.options = options
        self.program_args = list(program_args)
        self.timeout = timeout
        self.policy = policy
        self.work = workdir
        self.cwd = cwd

    def reference(self):
        from translator.verify.reference import build_reference
        folder = self.work / "reference"
        folder.mkdir()
        exe = folder / "program"
        build_reference(self.path, exe, include_dirs=self.options.include_dirs, defines=self.options.defines,
                        workdir=folder)
        return _run(exe, self.program_args, self.cwd, None, self.timeout, "V001")

    def target(self, target: str, unit, reference_run) -> TargetResult:
        from translator.verify.build import build_translation
        start = time.monotonic()
        try:
            folder = self.work / target
            exe, env = build_translation(target, unit, folder, self.options)
            run = None if env is None else _run(exe, self.program_args, self.cwd, env, self.timeout, "V002")
        except CutransError as exc:
            return TargetResult(self.path, target, _status_for(exc.diagnostics), _first_lines(exc.diagnostics),
                                time.monotonic() - start, tuple(exc.diagnostics))
        if run is None:     # built, but this machine cannot run it (e.g. HIP without an AMD GPU)
            return TargetResult(self.path, target, "unsupported", exe, time.monotonic() - start)
        timeout = _run_failure(run)
        if timeout:
            return TargetResult(self.path, target, "fail", timeout, run.seconds)
        result = compare_runs(reference_run, run, self.policy)
        if result.ok:
            return TargetResult(self.path, target, "pass", f"{result.numbers} numbers compared", run.seconds)
        detail = result.summary()
        if run.stderr.strip():
            detail += "\nstderr of the translated program:\n" + run.stderr.strip()[-2000:]
        return TargetResult(self.path, target, "fail", detail, run.seconds)


def verify_program(path: str, targets: list[str], *, options, program_args=(), timeout: float = 120.0,
                   keep: bool = False, policy=DEFAULT_POLICY, cwd: str | None = None) -> list[TargetResult]:
    """Verify one program on each target; never raises for problems of the program itself."""
    from translator.driver import load_unit
    cwd_path = Path(cwd or os.getcwd())
    with private_workdir(keep=keep, prefix="cutrans-verify-") as work:
        v = ProgramVerifier(path, options, program_args, timeout, policy, work, cwd_path)
        try:
            ref = v.reference()
            unit = load_unit(path, options)
        except CutransError as exc:
            return [TargetResult(path, t, "error", _first_lines(exc.diagnostics), None, tuple(exc.diagnostics))
                    for t in targets]
        if ref.timed_out:
            return [TargetResult(path, t, "error", "the reference run timed out [V004]", ref.seconds)
                    for t in targets]
        return [v.target(t, unit, ref) for t in targets]
