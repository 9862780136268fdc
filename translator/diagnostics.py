"""Diagnostics in clang's format, with stable codes kept in one registry.

A code's first letter names its family:
  P  parse (frontend)           L  lowering (IR passes)
  M  mapping (API tables)       B  backend (emission)
  V  verify (references, runs)  U  usage / configuration / environment
"""

from __future__ import annotations

import dataclasses
import enum
import json


class Severity(enum.IntEnum):
    NOTE = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclasses.dataclass(frozen=True)
class Code:
    code: str
    status: str  # stable | preview | deprecated | removed
    summary: str


_CODES = [
    # parse
    Code("P001", "stable", "the input file does not exist or cannot be read"),
    Code("P002", "stable", "the compiler front end reported an error in the input"),
    Code("P003", "stable", "the input contains no CUDA device code"),
    Code("P004", "stable", "the input language is not CUDA, HIP or C++"),
    Code("P005", "stable", "libclang could not be loaded or could not parse the file"),
    # lowering
    Code("L001", "stable", "a construct in device code has no translation yet"),
    Code("L002", "stable", "a call in device code names a function that is not available in device code"),
    Code("L003", "stable", "a type used in device code cannot be represented"),
    Code("L004", "stable", "recursion in device code"),
    Code("L005", "stable", "a barrier sits where the CPU target cannot place it yet"),
    Code("L006", "stable", "the IR verifier found an inconsistency (internal error)"),
    Code("L007", "stable", "a warp operation, or a barrier after an early return, sits under thread-dependent "
                           "control flow, where the target's block-wide exchange or predication cannot place it"),
    Code("L008", "stable", "textures and surfaces in device code (no image mapping yet)"),
    Code("L009", "stable", "inline assembly (PTX) in device code"),
    Code("L010", "stable", "a device printf that the targets cannot print as CUDA does, or a string literal "
                           "outside printf"),
    Code("L011", "stable", "tensor-core code reads fragment elements by index where which elements a thread "
                           "holds differs between GPUs"),
    Code("L012", "stable", "warning: a coalesced group is translated as the calling thread alone (a grouping "
                           "CUDA allows)"),
    Code("L013", "stable", "note: a cooperative-groups tile spans several warps; its collectives are exchanges "
                           "that every thread of the block must reach (HIP has no such tiles: cutrans_hip_cg.h makes them)"),
    Code("L014", "stable", "warning: a preprocessor conditional tests __CUDA_ARCH__, which cutrans (like nvcc's "
                           "host pass) reads as undefined: a GPU build may compile other device code there"),
    # mapping
    Code("M001", "stable", "a CUDA API name has no equivalent on the target"),
    Code("M002", "stable", "a CUDA API name is deprecated on the target"),
    Code("M003", "stable", "a kernel launch could not be rewritten"),
    Code("M004", "stable", "warning: a library name is translated onto a HIP library that differs from the CUDA "
                           "one in a way the user must know (random sequences, API version)"),
    Code("M005", "stable", "warning: a preprocessor branch that is inactive in the configuration translated mentions "
                           "CUDA API names, which are left as written (convert --all-branches rewrites them)"),
    # backend
    Code("B001", "stable", "the backend has no spelling for an IR operation (internal error)"),
    Code("B002", "stable", "the output file could not be written"),
    Code("B003", "stable", "the name of a device global is reserved on the target"),
    Code("B004", "stable", "a warp operation cannot be rewritten for the target's wavefront width"),
    Code("B005", "stable", "code written for any warp width holds a 32-lane assumption that cutrans cannot decide"),
    Code("B006", "stable", "code that numbers its threads as rows of warpSize is converted as 32-lane code (note)"),
    # verify
    Code("V001", "stable", "the reference program could not be built or run"),
    Code("V002", "stable", "a translated program could not be built"),
    Code("V003", "stable", "a translated program's output differs from the reference"),
    Code("V004", "stable", "a program ran past its time limit"),
    Code("V005", "stable", "a tool the target needs is not installed"),
    # usage
    Code("U001", "stable", "bad command-line usage or configuration"),
    Code("U002", "stable", "an internal error in cutrans"),
    Code("U003", "stable", "a kernel-mode verify case is malformed"),
]
CODES: dict[str, Code] = {c.code: c for c in _CODES}


@dataclasses.dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    code: str
    message: str
    path: str = "<command line>"
    line: int = 0
    col: int = 0

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unregistered diagnostic code {self.code!r}")

    @property
    def location(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col}"
        return self.path

    def format(self) -> str:
        return f"{self.location}: {self.severity}: {self.message} [{self.code}]"

    def to_json(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.col,
                "severity": str(self.severity), "code": self.code, "message": self.message}


def error(code: str, message: str, path: str = "<command line>", line: int = 0, col: int = 0) -> Diagnostic:
    return Diagnostic(Severity.ERROR, code, message, path, line, col)


def warning(code: str, message: str, path: str = "<command line>", line: int = 0, col: int = 0) -> Diagnostic:
    return Diagnostic(Severity.WARNING, code, message, path, line, col)


def note(code: str, message: str, path: str = "<command line>", line: int = 0, col: int = 0) -> Diagnostic:
    return Diagnostic(Severity.NOTE, code, message, path, line, col)


class CutransError(Exception):
    """Raised to abandon one input; carries the diagnostics that explain why."""

    def __init__(self, *diags: Diagnostic):
        super().__init__("; ".join(d.format() for d in diags))
        self.diagnostics = list(diags)


def render(diags: list[Diagnostic], fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps({"diagnostics": [d.to_json() for d in diags]}, indent=2)
    if fmt == "concise":
        return "\n".join(f"{d.location}: {d.code} {d.message}" for d in diags)
    return "\n".join(d.format() for d in diags)
