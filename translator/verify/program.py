"""Program mode of `cutrans verify`: build and run the original and each translation, compare.

The reference is the unmodified CUDA program built with nvcc and run on an NVIDIA GPU when both exist
(translator.verify.cuda_reference), else compiled against runtime_shims/emulate. Each target's translation is
produced by the translator, built with the discovered toolchain and run with the same
arguments in its own folder. Outputs are compared by translator.verify.compare.
"""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

from translator import unsafe
from translator.diagnostics import CutransError, Diagnostic, Severity
from translator.verify import cuda_reference
from translator.verify.compare import DEFAULT_POLICY, compare_runs
from translator.verify.build import build_target, translation_note
from translator.verify.output_files import Captures, capturing, compare_files
from translator.verify.report import TargetResult
from translator.verify.run import private_workdir, run_program

# Diagnostic code families that mean "this construct is not translated (yet)".
_UNSUPPORTED_PREFIXES = ("L", "M", "B001")


def status_for(diags: list[Diagnostic]) -> str:
    errors = [d for d in diags if d.severity >= Severity.ERROR]
    if errors and all(d.code.startswith(_UNSUPPORTED_PREFIXES) for d in errors):
        return "unsupported"
    return "error"


def first_lines(diags: list[Diagnostic], limit: int = 3) -> str:
    lines = [d.format() for d in diags if d.severity >= Severity.ERROR][:limit]
    more = len([d for d in diags if d.severity >= Severity.ERROR]) - limit
    return "\n".join(lines + ([f"... and {more} more"] if more > 0 else []))


def _run(exe: Path, program_args, cwd: Path, env: dict | None, timeout: float, code: str):
    return run_program([str(exe), *program_args], cwd=cwd, env=env, timeout=timeout, code=code)


def run_failure(run) -> str | None:
    if run.timed_out:
        return f"ran past the {run.seconds:.0f} s time limit [V004]"
    return None


class ProgramVerifier:
    def __init__(self, path: str, options, program_args, timeout: float, policy, workdir: Path, cwd: Path,
                 reference: str = "auto", captures: Captures | None = None, unsafe_rewrites=(),
                 backends: dict | None = None):
        self.path = path
        self.reference_kind, self.reference_text = cuda_reference.choose(reference)
        self.options = options
        self.program_args = list(program_args)
        self.timeout = timeout
        self.policy = policy
        self.work = workdir
        self.cwd = cwd
        self.captures = captures
        self.unsafe = tuple(unsafe_rewrites)   # names (translator.unsafe), passed to the backends
        self.backends = backends or {}          # target -> a stand-in backend (mutation testing)
        self.files: dict[str, dict] = {}      # run folder's name -> output file name -> captured copy

    def reference(self):
        from translator.verify.reference import build_reference
        folder = self.work / "reference"
        folder.mkdir()
        exe = folder / "program"
        if self.reference_kind == "cuda":
            cuda_reference.build(Path(self.path), exe, include_dirs=self.options.include_dirs,
                                 defines=self.options.defines)
        else:
            build_reference(self.path, exe, include_dirs=self.options.include_dirs, defines=self.options.defines,
                            workdir=folder)
        return self._run(exe, folder, None, "V001")

    def _run(self, exe: Path, folder: Path, env, code: str):
        """Runs one program; with --output-file, captures the files it wrote into `folder`."""
        if self.captures:
            self.captures.forget()
        run = _run(exe, self.program_args, self.cwd, env, self.timeout, code)
        self.files[folder.name] = self.captures.take(folder) if self.captures else {}
        return run

    def target(self, target: str, unit, reference_run) -> TargetResult:
        start = time.monotonic()
        try:
            exe, env = build_target(target, unit, self.work / target, self.options, Path(self.path),
                                    {"unsafe": self.unsafe}, self.backends.get(target))
            run = None if isinstance(exe, str) else self._run(exe, self.work / target, env, "V002")
        except CutransError as exc:
            return TargetResult(self.path, target, status_for(exc.diagnostics), first_lines(exc.diagnostics),
                                time.monotonic() - start, tuple(exc.diagnostics))
        if run is None:     # built, but this machine cannot run it (e.g. HIP without an AMD GPU)
            return TargetResult(self.path, target, "unsupported", exe, time.monotonic() - start)
        timeout = run_failure(run)
        if timeout:
            return TargetResult(self.path, target, "fail", timeout, run.seconds)
        policy, widened = widened_policy(self.policy, unsafe.applied({"unsafe": self.unsafe}, target))
        result = compare_runs(reference_run, run, policy)
        files = compare_files(self.files["reference"], self.files[target], policy) if self.captures else []
        note = "; ".join(filter(None, [translation_note(self.work / target), widened]))
        how = f"; {note}" if note else ""
        if result.ok and not files:
            compared = f" and {len(self.files['reference'])} output file(s)" if self.captures else ""
            return TargetResult(self.path, target, "pass", f"{result.numbers} numbers{compared} compared{how}",
                                run.seconds)
        detail = "\n".join(([] if result.ok else [result.summary()]) + files + ([note] if note else []))
        if run.stderr.strip():
            detail += "\nstderr of the translated program:\n" + run.stderr.strip()[-2000:]
        return TargetResult(self.path, target, "fail", detail, run.seconds)


def verify_program(path: str, targets: list[str], *, options, program_args=(), timeout: float = 120.0,
                   keep: bool = False, policy=DEFAULT_POLICY, cwd: str | None = None,
                   reference: str = "auto", output_files=(), unsafe_rewrites=()) -> list[TargetResult]:
    """Verify one program on each target; never raises for problems of the program itself."""
    cwd_path = Path(cwd or os.getcwd())
    with private_workdir(keep=keep, prefix="cutrans-verify-") as work, \
            capturing(list(output_files), cwd_path, work) as captures:
        v = ProgramVerifier(path, options, program_args, timeout, policy, work, cwd_path, reference,
                            captures if output_files else None, unsafe_rewrites)
        return _verify(v, path, targets)


def widened_policy(policy, rewrites) -> tuple:
    """The comparison policy for a target that applies `rewrites` (translator.unsafe), and the reason text."""
    if not rewrites:
        return policy, ""
    rel = max([policy.rel_tol] + [r.rel_tol for r in rewrites])
    abs_ = max([policy.abs_tol] + [r.abs_tol for r in rewrites])
    reason = "; ".join(r.reason for r in rewrites)
    return (dataclasses.replace(policy, rel_tol=rel, abs_tol=abs_),
            f"tolerance widened to rel {rel:g}, abs {abs_:g} by {reason}")


def _verify(v: ProgramVerifier, path: str, targets: list[str]) -> list[TargetResult]:
    from translator.driver import load_unit
    try:
        ref = v.reference()
        unit = load_unit(path, v.options)
    except CutransError as exc:
        return [TargetResult(path, t, "error", first_lines(exc.diagnostics), None, tuple(exc.diagnostics))
                for t in targets]
    if ref.timed_out:
        return [TargetResult(path, t, "error", "the reference run timed out [V004]", ref.seconds)
                for t in targets]
    return [dataclasses.replace(v.target(t, unit, ref), reference=v.reference_text) for t in targets]
