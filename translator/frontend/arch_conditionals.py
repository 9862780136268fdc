"""Conditionals on `__CUDA_ARCH__`, which cutrans reads as nvcc's host pass does.

nvcc compiles a .cu file twice: a host pass, where `__CUDA_ARCH__` is not defined, and a device pass per GPU
architecture, where it is (800 for sm_80). cutrans parses the file once, as the host pass sees it, and
translates the device code it finds there. So in

    #if __CUDA_ARCH__ >= 800
    template <> __device__ int warpReduceSum<int>(unsigned mask, int v) { return __reduce_add_sync(mask, v); }
    #endif

the translation has the generic warpReduceSum where a GPU build for sm_80 has the specialization (cuda-samples
reduction), and under `#ifndef __CUDA_ARCH__` it keeps host-only statements of a `__host__ __device__`
function that no GPU build compiles. Each `#if`, `#ifdef`, `#ifndef` or `#elif` of the file that tests the
macro gets a warning (L014) saying so, at the directive; the verify reference (the emulation) reads the file
the same way, so verify cannot notice the difference.
"""

from __future__ import annotations

import bisect

from clang.cindex import TokenKind

from translator.diagnostics import Diagnostic, Severity
from translator.frontend import skipped

CODE = "L014"
MACRO = "__CUDA_ARCH__"
_TESTS = ("if", "ifdef", "ifndef", "elif")


def warnings(fl) -> list[Diagnostic]:
    """An L014 warning for each conditional directive of file `fl` (a host_sites._File) that names
    __CUDA_ARCH__, in order."""
    out = []
    starts = [t[2] for t in fl.tokens]
    for offset, word in skipped.directives(fl.source, fl.tokens, 0, len(fl.tokens)):
        if word not in _TESTS:
            continue
        words, last = _directive_words(fl, bisect.bisect_left(starts, offset))
        if MACRO not in words:
            continue
        span = fl.span(offset, offset)
        shown = " ".join(fl.source[offset:last].replace(b"\\\n", b" ").decode("utf-8", "replace").split())
        out.append(Diagnostic(Severity.WARNING, CODE,
                              f"'{shown}': cutrans translates this file as nvcc's host pass reads it, where "
                              f"{MACRO} is not defined; nvcc's device pass defines it, so a GPU build may compile "
                              f"other device code here than the translation (and the verify reference) has",
                              fl.path, span.line, span.col))
    return out


def _directive_words(fl, i: int) -> tuple[list[str], int]:
    """The tokens of the directive whose '#' is token i, up to the end of its line (continued by a
    backslash), comments left out, and the offset where the last of them ends."""
    words, end, last = [], fl.tokens[i][3], fl.tokens[i][3]
    for spelling, kind, start, stop in fl.tokens[i + 1:]:
        if b"\n" in fl.source[end:start].replace(b"\\\n", b""):
            break
        if kind != TokenKind.COMMENT:
            words.append(spelling)
            last = stop
        end = stop
    return words, last
