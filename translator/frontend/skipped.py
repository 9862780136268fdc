"""The parts of a file the preprocessor skipped (`#if 0`, `#ifdef NOT_DEFINED`...), from libclang.

The Python binding does not wrap clang_getSkippedRanges, so it is called through ctypes. The translation
unit must be parsed with a detailed preprocessing record (clang_setup.parse does so).

One skipped range can hold several branches of a conditional: `#if 0 ... #elif defined(X) ... #else` is one
range, from the `#if` to the end of the `#else` line that opens the active branch. `branches` splits the
ranges at their own `#elif`/`#else` (an `#if ... #endif` nested inside stays with its branch); the directive
that ends a range (`#else`, `#elif COND`, `#endif`) belongs to no branch: it opens the active branch or ends
the conditional, so a taken `#elif`'s condition is active code.
"""

from __future__ import annotations

import bisect
import ctypes

import clang.cindex as ci


class _RangeList(ctypes.Structure):
    _fields_ = [("count", ctypes.c_uint), ("ranges", ctypes.POINTER(ci.SourceRange))]


_BOUND = False


def _bind() -> None:
    global _BOUND
    if not _BOUND:
        lib = ci.conf.lib
        lib.clang_getSkippedRanges.restype = ctypes.POINTER(_RangeList)
        lib.clang_getSkippedRanges.argtypes = [ci.TranslationUnit, ci.File]
        lib.clang_disposeSourceRangeList.restype = None
        lib.clang_disposeSourceRangeList.argtypes = [ctypes.POINTER(_RangeList)]
        _BOUND = True


def skipped_ranges(tu, path: str) -> list[tuple[int, int]]:
    """(start, end) byte offsets of each region of file `path` that the preprocessor skipped, in order."""
    _bind()
    found = ci.conf.lib.clang_getSkippedRanges(tu, tu.get_file(path))
    try:
        return [(found.contents.ranges[i].start.offset, found.contents.ranges[i].end.offset)
                for i in range(found.contents.count)]
    finally:
        ci.conf.lib.clang_disposeSourceRangeList(found)



_NESTS = {"if", "ifdef", "ifndef"}
_NEXT_BRANCH = {"elif", "else", "elifdef", "elifndef"}


def directives(source: bytes, tokens, lo: int, hi: int) -> list[tuple[int, str]]:
    """(offset of the '#', directive word) of each directive among tokens[lo:hi] (libclang's raw tokens:
    (spelling, kind, start, end)), in order. A '#' counts where it is the first thing on its line."""
    out = []
    for i in range(lo, min(hi, len(tokens) - 1)):
        spelling, _, start, _ = tokens[i]
        if spelling == "#" and source[source.rfind(b"\n", 0, start) + 1:start].strip() == b"" and \
                b"\n" not in source[start:tokens[i + 1][2]]:
            out.append((start, tokens[i + 1][0]))
    return out


def branches(source: bytes, tokens, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each inactive branch in the skipped `ranges`: from the '#' of the directive that opens
    it to the '#' of the next directive of the same conditional (or the range's end). `tokens` are the file's
    raw tokens (spelling, kind, start, end) in order."""
    out = []
    starts = [t[2] for t in tokens]
    for a, b in ranges:
        top, depth = [], 0           # the directives of the range's own conditional
        for offset, word in directives(source, tokens, bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)):
            if not top or depth == 0 and (word in _NEXT_BRANCH or word == "endif"):
                top.append((offset, word))
            elif word in _NESTS:
                depth += 1
            elif word == "endif":
                depth -= 1
        if len(top) > 1:
            out += [(top[k][0], top[k + 1][0]) for k in range(len(top) - 1)]
        elif top:
            out.append((top[0][0], b))
    return out
