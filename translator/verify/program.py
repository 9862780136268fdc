"""Program mode of `cutrans verify`: build and run the original and each translation, compare.

The reference is the unmodified CUDA program built with nvcc and run on an NVIDIA GPU when both exist
(translator.verify.cuda_reference), else compiled against runtime_shims/emulate. Each target's translation is
produced by the translator, built with the discovered toolchain and run with the same
arguments in its own folder. Outputs are compared by translator.verify.compare.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from translator import unsafe
from translator.diagnostics import CutransError
from translator.verify import cuda_reference
from translator.verify.attempt import build_and_run, build_only, build_reference, first_lines, reference_note
from translator.verify.build import translation_note
from translator.verify.compare import DEFAULT_POLICY, compare_runs
from translator.verify.output_files import Captures, capturing, compare_files
from translator.verify.report import TargetResult
from translator.verify.run import private_workdir, run_program


# what a result says of a translation that built while the reference ran out of time (benchmarks/corpus.py reads it)
BUILT_UNCOMPARED = "the translation built"


class ProgramVerifier:
    def __init__(self, path: str, options, program_args, timeout: float, policy, workdir: Path, cwd: Path,
                 reference: str = "auto", captures: Captures | None = None, unsafe_rewrites=(),
                 backends: dict | None = None, also=()):
        self.path = path
        self.also = [Path(p) for p in also]   # the program's further source files, linked with `path`
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
        folder = self.work / "reference"
        folder.mkdir()
        exe = folder / "program"
        build_reference(self.reference_kind, Path(self.path), exe, self.options, folder, self.also)
        return self._run(exe, folder, None, "V001")

    def _run(self, exe: Path, folder: Path, env, code: str):
        """Runs one program; with --output-file, captures the files it wrote into `folder`."""
        if self.captures:
            self.captures.forget()
        run = run_program([str(exe), *self.program_args], cwd=self.cwd, env=env, timeout=self.timeout, code=code,
                          program_name=f"./{Path(self.path).stem}")
        self.files[folder.name] = self.captures.take(folder) if self.captures else {}
        return run

    def target(self, target: str, units, reference_run) -> TargetResult:
        """`units`: the loaded sources of the program (`path`, then `also`)."""
        folder = self.work / target
        run, ending = build_and_run(target, units, folder, self.options, [Path(self.path), *self.also],
                                    lambda exe, env: self._run(exe, folder, env, "V002"),
                                    translate_options={"unsafe": self.unsafe}, backend=self.backends.get(target))
        if ending:
            return TargetResult(self.path, target, ending.status, ending.detail, ending.seconds, ending.diagnostics)
        policy, widened = widened_policy(self.policy, unsafe.applied({"unsafe": self.unsafe}, target))
        result = compare_runs(reference_run, run, policy)
        files = compare_files(self.files["reference"], self.files[target], policy) if self.captures else []
        notes = [translation_note(self.work / target), widened, *emulation_warnings(reference_run),
                 reference_note(self.reference_kind, self.options)]
        note = "; ".join(filter(None, notes))
        how = f"; {note}" if note else ""
        if result.ok and not files:
            compared = f" and {len(self.files['reference'])} output file(s)" if self.captures else ""
            return TargetResult(self.path, target, "pass", f"{result.numbers} numbers{compared} compared{how}",
                                run.seconds)
        detail = "\n".join(([] if result.ok else [result.summary()]) + files + ([note] if note else []))
        if run.stderr.strip():
            detail += "\nstderr of the translated program:\n" + run.stderr.strip()[-2000:]
        return TargetResult(self.path, target, "fail", detail, run.seconds)

    def build_only(self, target: str, units, reference_run) -> TargetResult:
        """The reference ran past its time limit: the target is translated and built, not run."""
        ending = build_only(target, units, self.work / target, self.options, [Path(self.path), *self.also],
                            translate_options={"unsafe": self.unsafe}, backend=self.backends.get(target))
        if ending.status != "built":
            return TargetResult(self.path, target, ending.status, ending.detail, ending.seconds, ending.diagnostics)
        how = f" ({ending.detail})" if ending.detail else ""
        return TargetResult(self.path, target, "error", f"the reference run timed out [V004]; {BUILT_UNCOMPARED}"
                            f"{how} but was neither run nor compared", reference_run.seconds)


def verify_program(path: str, targets: list[str], *, options, program_args=(), timeout: float = 120.0,
                   keep: bool = False, policy=DEFAULT_POLICY, cwd: str | None = None,
                   reference: str = "auto", output_files=(), unsafe_rewrites=(), also=()) -> list[TargetResult]:
    """Verify one program on each target; never raises for problems of the program itself. `also` are
    the program's further source files (.cu or .cpp), translated and linked with `path`."""
    cwd_path = Path(cwd or os.getcwd())
    with private_workdir(keep=keep, prefix="cutrans-verify-") as work, \
            capturing(list(output_files), cwd_path, work) as captures:
        v = ProgramVerifier(path, options, program_args, timeout, policy, work, cwd_path, reference,
                            captures if output_files else None, unsafe_rewrites, also=also)
        return _verify(v, path, targets)


# what the emulation prints on stderr -> how the report says it
_EMULATION_NOTES = {"cuemu: warning: ": "the reference run warned: ", "cuemu: error: ": "the reference run stopped: "}


def emulation_warnings(run) -> list[str]:
    """What the emulated reference warned of on stderr (`cuemu: warning: ...`, such as a shuffle that reads
    a lane outside its mask): undefined behaviour that the translations compute as the emulation does, so an
    agreement there proves less than it seems. And why it stopped (`cuemu: error: ...`, a __ballot_sync whose
    mask leaves out the calling lane): the reason the reference printed less than the translation."""
    return [said + line[len(prefix):] for line in run.stderr.splitlines()
            for prefix, said in _EMULATION_NOTES.items() if line.startswith(prefix)]


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
        units = [load_unit(str(p), v.options) for p in [path, *v.also]]
    except CutransError as exc:
        return [TargetResult(path, t, "error", first_lines(exc.diagnostics), None, tuple(exc.diagnostics))
                for t in targets]
    if ref.timed_out:
        return [dataclasses.replace(v.build_only(t, units, ref), reference=v.reference_text) for t in targets]
    return [dataclasses.replace(v.target(t, units, ref), reference=v.reference_text) for t in targets]
