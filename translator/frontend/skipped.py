"""The parts of a file the preprocessor skipped (`#if 0`, `#ifdef NOT_DEFINED`...), from libclang.

The Python binding does not wrap clang_getSkippedRanges, so it is called through ctypes. The translation
unit must be parsed with a detailed preprocessing record (clang_setup.parse does so).
"""

from __future__ import annotations

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


def inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in ranges)
