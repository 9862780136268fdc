"""Kernel mode of `cutrans verify`: one kernel, synthesized inputs, every output buffer compared.

For each case: write the harness (translator.verify.harness) and the seeded inputs into a private folder,
build and run the reference (real CUDA when present, else the emulation) and each target's translation of
the harness on the same input files, then compare the harness's exit status and printed text (as program
mode does) and every buffer element by element (translator.verify.buffers). The seed is in every result.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from translator import unsafe
from translator.diagnostics import CutransError, Diagnostic, error
from translator.verify import buffers, cuda_reference
from translator.verify.attempt import build_and_run, build_reference, first_lines, reference_note
from translator.verify.build import translation_note
from translator.verify.compare import DEFAULT_POLICY, compare_runs
from translator.verify.harness import MAIN_DEFINE, harness_source
from translator.verify.kernel_spec import KernelCase
from translator.verify.program import widened_policy
from translator.verify.report import TargetResult
from translator.verify.run import private_workdir, run_program


def _user_locations(diags, harness: Path, case: KernelCase, user_lines: int) -> tuple[Diagnostic, ...]:
    """Diagnostics about the harness name the user's file; lines past it name the generated part."""
    out = []
    for d in diags:
        if Path(d.path) == harness:
            where = case.file if d.line <= user_lines else f"{case.file} (generated harness)"
            d = dataclasses.replace(d, path=where, line=d.line if d.line <= user_lines else 0,
                                    col=d.col if d.line <= user_lines else 0)
        out.append(d)
    return tuple(out)


class KernelVerifier:
    def __init__(self, case: KernelCase, options, timeout: float, work: Path, reference: str, unsafe_rewrites=()):
        self.case = case
        self.unsafe = tuple(unsafe_rewrites)
        self.timeout = timeout
        self.work = work
        self.reference_kind, self.reference_text = cuda_reference.choose(reference)
        source_path = Path(case.file)
        try:
            source = source_path.read_text(encoding="utf-8", errors="surrogateescape")
        except OSError as exc:
            raise CutransError(error("P001", f"cannot read the kernel's file: {exc.strerror}", case.file)) from None
        self.user_lines = source.count("\n") + (0 if source.endswith("\n") else 1)
        self.harness = work / "harness" / source_path.name
        self.harness.parent.mkdir()
        self.harness.write_text(harness_source(case, source), encoding="utf-8", errors="surrogateescape")
        self.options = dataclasses.replace(options, defines=[*options.defines, MAIN_DEFINE],
                                           include_dirs=[str(source_path.resolve().parent), *options.include_dirs])
        self.inputs = work / "inputs"
        buffers.write_inputs(case.args, case.seed, self.inputs)

    def result(self, target: str, status: str, detail: str, seconds=None, diagnostics=(), records=()):
        return TargetResult(self.case.file, target, status, detail, seconds,
                            _user_locations(diagnostics, self.harness, self.case, self.user_lines),
                            case=self.case.name, seed=self.case.seed, reference=self.reference_text,
                            buffers=tuple(records))

    def _out(self, name: str) -> Path:
        """The folder the harness run called `name` writes its buffers into."""
        return self.work / f"out-{name}"

    def _run(self, exe: Path, name: str, env, code: str):
        self._out(name).mkdir()
        return run_program([str(exe), str(self.inputs), str(self._out(name))], cwd=self.work, env=env,
                           timeout=self.timeout, code=code)

    def reference(self):
        folder = self.work / "reference"
        folder.mkdir()
        exe = folder / "harness"
        # the harness is a copy of the kernel's file in another folder: its own headers are in the file's
        build_reference(self.reference_kind, self.harness, exe, self.options, folder,
                        header_roots=(Path(self.case.file).resolve().parent,))
        return self._run(exe, "reference", None, "V001"), self._out("reference")

    def target(self, target: str, unit, reference_run, reference_out: Path) -> TargetResult:
        run, ending = build_and_run(target, [unit], self.work / target, self.options, [self.harness],
                                    lambda exe, env: self._run(exe, target, env, "V002"),
                                    translate_options={"unsafe": self.unsafe})
        if ending:
            return self.result(target, ending.status, ending.detail, ending.seconds, ending.diagnostics)
        rewrites = unsafe.applied({"unsafe": self.unsafe}, target)
        printed = compare_runs(reference_run, run, widened_policy(DEFAULT_POLICY, rewrites)[0])
        if not printed.ok:
            detail = printed.summary() + (f"\nstderr:\n{run.stderr.strip()[-2000:]}" if run.stderr.strip() else "")
            return self.result(target, "fail", detail, run.seconds)
        records, problems = self._compare_buffers(reference_out, self._out(target), rewrites)
        bad = [r for r in records if r["mismatches"]]
        note = "; ".join(filter(None, [translation_note(self.work / target),
                                       reference_note(self.reference_kind, self.options)]))
        if problems or bad:
            detail = "\n".join(problems + [buffers.describe(r) for r in bad] + [f"seed {self.case.seed}"]
                               + ([note] if note else []))
            return self.result(target, "fail", detail, run.seconds, records=records)
        elements = sum(r["elements"] for r in records)
        skipped = "".join(f"; arg{i} not compared: {why}" for i, why in sorted(self.case.unchecked.items()))
        return self.result(target, "pass", f"{len(records)} buffers, {elements} elements compared (seed "
                           f"{self.case.seed}){skipped}{'; ' + note if note else ''}", run.seconds, records=records)

    def _compare_buffers(self, reference_out: Path, out: Path, rewrites) -> tuple[list[dict], list[str]]:
        records, problems = [], []
        tolerance = widened_tolerance(self.case.tolerance, rewrites)
        for index, arg in self.case.buffers:
            name = f"arg{index}"
            if index in self.case.unchecked:
                continue
            expected = buffers.read_buffer(reference_out / f"{name}.bin", arg)
            actual = buffers.read_buffer(out / f"{name}.bin", arg)
            if isinstance(expected, str) or isinstance(actual, str):
                problems.append(f"{name}: {actual if isinstance(actual, str) else expected}")
                continue
            records.append(buffers.compare_buffer(name, arg, expected, actual, tolerance))
        return records, problems


def widened_tolerance(case_tolerance: dict, rewrites) -> dict:
    """A case's float bounds, widened by the unsafe rewrites a target applies, with their reason."""
    if not rewrites:
        return case_tolerance
    out = dict(case_tolerance)
    for key in ("max_ulp", "rel_tol", "abs_tol"):
        out[key] = max([getattr(r, key) for r in rewrites] + ([case_tolerance[key]] if key in case_tolerance else []))
    out["reason"] = "; ".join(filter(None, [case_tolerance.get("reason")] + [r.reason for r in rewrites]))
    return out


def _reference_failure(run) -> str | None:
    if run.timed_out:
        return f"the reference ran past the {run.seconds:.0f} s time limit [V004]"
    if not run.ok:
        return f"the reference harness {run.describe()}:\n{run.stderr.strip()[-2000:]}"
    return None


def verify_kernel(case: KernelCase, targets: list[str], *, options, timeout: float = 120.0, keep: bool = False,
                  reference: str = "auto", unsafe_rewrites=()) -> list[TargetResult]:
    """Verify one kernel case on each target; problems of the case itself become `error` results."""
    from translator.driver import load_unit
    targets = [t for t in targets if t in case.targets] if case.targets else list(targets)
    with private_workdir(keep=keep, prefix="cutrans-kernel-") as work:
        verifier = None
        try:
            verifier = KernelVerifier(case, options, timeout, work, reference, unsafe_rewrites)
            ref_run, ref_out = verifier.reference()
            failure = _reference_failure(ref_run)
            if failure:
                return [verifier.result(t, "error", failure, ref_run.seconds) for t in targets]
            unit = load_unit(str(verifier.harness), verifier.options)
        except CutransError as exc:
            if verifier is None:
                return [TargetResult(case.file, t, "error", first_lines(exc.diagnostics), None, exc.diagnostics,
                                     case=case.name, seed=case.seed) for t in targets]
            diags = _user_locations(exc.diagnostics, verifier.harness, case, verifier.user_lines)
            return [verifier.result(t, "error", first_lines(list(diags)), None, diags) for t in targets]
        return [verifier.target(t, unit, ref_run, ref_out) for t in targets]
