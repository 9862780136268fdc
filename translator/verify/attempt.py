"""One target's attempt in `cutrans verify`, the steps program mode and kernel mode share.

Both modes build the reference the same way (real CUDA or the emulation), then for each target build the
translation, run it, and stop early when the translator refuses a construct (`unsupported`), the build or
run cannot happen (`error`), the machine cannot run the output (`unsupported`, e.g. HIP without hipcc), or
the run passes its time limit (`fail`). Only what is compared afterwards differs between the modes:
printed numbers and output files (translator.verify.program) or buffers (translator.verify.kernel).
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path
from typing import Callable

from translator.diagnostics import CutransError, Diagnostic, Severity
from translator.verify import cuda_reference
from translator.verify.build import build_target

# Diagnostic code families that mean "this construct is not translated (yet)".
_UNSUPPORTED_PREFIXES = ("L", "M", "B001")


def status_for(diags) -> str:
    errors = [d for d in diags if d.severity >= Severity.ERROR]
    if errors and all(d.code.startswith(_UNSUPPORTED_PREFIXES) for d in errors):
        return "unsupported"
    return "error"


def first_lines(diags: list[Diagnostic], limit: int = 3) -> str:
    errors = [d.format() for d in diags if d.severity >= Severity.ERROR]
    more = len(errors) - limit
    return "\n".join(errors[:limit] + ([f"... and {more} more"] if more > 0 else []))


def run_failure(run) -> str | None:
    if run.timed_out:
        return f"ran past the {run.seconds:.0f} s time limit [V004]"
    return None


@dataclasses.dataclass(frozen=True)
class Ending:
    """Why a target's attempt stopped before its output could be compared."""
    status: str
    detail: str
    seconds: float | None
    diagnostics: tuple = ()


def build_reference(kind: str, source: Path, exe: Path, options, folder: Path, also=(), header_roots=()) -> None:
    """Build the unmodified `source` (and `also`, the program's further source files) as the reference:
    with nvcc for `cuda`, else on the emulation, which normalizes the headers it includes from its own folder
    and from `header_roots` (translator.verify.reference.build_reference)."""
    if kind == "cuda":
        cuda_reference.build(source, exe, include_dirs=options.include_dirs, defines=options.defines,
                             fmad=options.fmad, also=also)
    else:
        from translator.verify.reference import build_reference as build_emulated
        build_emulated(source, exe, include_dirs=options.include_dirs, defines=options.defines, workdir=folder,
                       fmad=options.fmad, also=also, header_roots=header_roots)


def reference_note(kind: str, options) -> str:
    """What a report should say of the reference itself: that the emulation cannot fuse a * b + c as nvcc
    does, where its compiler ignores the request ("" otherwise, and for real CUDA)."""
    if kind == "cuda" or not options.fmad:
        return ""
    from translator.verify.reference import contraction_note
    return contraction_note()


def build_and_run(target: str, units, folder: Path, options, sources, run: Callable, *,
                  translate_options: dict | None = None, backend=None):
    """Translate and build `units` (the loaded source files of one program) for `target` in `folder`, then
    `run(executable, environment)`; `sources` are the original files, which the `cuda` target builds.

    Returns (the finished run, None), or (None, Ending) when the attempt stopped early."""
    start = time.monotonic()
    try:
        exe, env = build_target(target, units, folder, options, sources, translate_options, backend)
        if isinstance(exe, str):        # built or checked, but this machine cannot run it
            return None, Ending("unsupported", exe, time.monotonic() - start)
        finished = run(exe, env)
    except CutransError as exc:
        return None, Ending(status_for(exc.diagnostics), first_lines(exc.diagnostics), time.monotonic() - start,
                            tuple(exc.diagnostics))
    failure = run_failure(finished)
    if failure:
        return None, Ending("fail", failure, finished.seconds)
    return finished, None


def build_only(target: str, units, folder: Path, options, sources, *, translate_options: dict | None = None,
               backend=None) -> Ending:
    """Translate and build `units` for `target` in `folder` without running them: the reference could not
    run, so there is nothing to compare with, but a translation that does not build is still worth knowing.
    The Ending's status is "built" when it built (its detail then says how, for a target this machine can
    only compile), else the translator's or the build's."""
    start = time.monotonic()
    try:
        exe, _ = build_target(target, units, folder, options, sources, translate_options, backend)
    except CutransError as exc:
        return Ending(status_for(exc.diagnostics), first_lines(exc.diagnostics), time.monotonic() - start,
                      tuple(exc.diagnostics))
    return Ending("built", exe if isinstance(exe, str) else "", time.monotonic() - start)
