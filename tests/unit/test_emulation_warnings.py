"""verify passes on what the emulated reference warned of (translator.verify.program.emulation_warnings): a
translation that agrees with a reference running into undefined behaviour proves less, and the report says so."""

from __future__ import annotations

from translator.verify.program import emulation_warnings
from translator.verify.run import RunResult


def _run(stderr: str) -> RunResult:
    return RunResult(("./p",), 0, "", stderr, 0.1, False, None)


def test_only_the_emulations_warnings_and_errors_are_passed_on_in_order():
    stderr = ("cuemu: warning: __shfl_down_sync: lane 0 reads lane 16, which is not among the lanes that take part\n"
              "a line of the program's own\n"
              "cuemu: warning: __shfl_sync: lane 3 reads lane 9\n"
              "cuemu: error: kernel 'k', block (0,0,0), thread (0,0,0): __ballot_sync called with mask 0x00000000, "
              "which excludes lane 0\n")
    assert emulation_warnings(_run(stderr)) == [
        "the reference run warned: __shfl_down_sync: lane 0 reads lane 16, which is not among the lanes that take part",
        "the reference run warned: __shfl_sync: lane 3 reads lane 9",
        "the reference run stopped: kernel 'k', block (0,0,0), thread (0,0,0): __ballot_sync called with mask "
        "0x00000000, which excludes lane 0",
    ]


def test_a_quiet_reference_adds_nothing():
    assert emulation_warnings(_run("")) == []
    assert emulation_warnings(_run("warning: cuemu: not at the start\n")) == []
