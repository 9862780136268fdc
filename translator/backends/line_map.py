"""Which CUDA source line each line of generated device code comes from.

An emitter that keeps a line map (`CFamilyEmitter.mark_lines`) puts an invisible mark in front of each
statement and function it writes; `strip` removes the marks from the finished text and returns, for each
output line that starts a statement, the CUDA file and line. The OpenCL backend hands the map to its runtime
(`oclrtProgramSource.line_map`), which points each line of an OpenCL C build log at the .cu line it came from.

The encoded form is one string: `@file` sets the source file of the entries after it, and `cl:cu` says that
OpenCL C line `cl` (and those after it, up to the next entry) comes from line `cu` of that file:
`@saxpy.cu 9:12 11:13 @kernels.cuh 20:4`.
"""

from __future__ import annotations

import os
import re

_OPEN, _SEP = "\x00", "\x1f"        # never in generated C: NUL and the unit separator
_MARK = re.compile(f"{_OPEN}([^{_OPEN}{_SEP}]*){_SEP}(\\d+){_OPEN}")


def mark(loc) -> str:
    """The mark for a node's source location ("" for a node without one)."""
    if loc is None or not loc.line:
        return ""
    return f"{_OPEN}{os.path.basename(loc.path)}{_SEP}{loc.line}{_OPEN}"


def strip(text: str) -> tuple[str, list[tuple[int, str, int]]]:
    """The text without marks, and (output line, source file, source line) where the source line changes."""
    lines, entries = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        found = _MARK.search(line)
        if found is not None:
            where = (found.group(1), int(found.group(2)))
            if not entries or entries[-1][1:] != where:
                entries.append((number, *where))
            line = _MARK.sub("", line)
        lines.append(line)
    return "\n".join(lines), entries


def encode(entries: list[tuple[int, str, int]]) -> str:
    words, current = [], None
    for out_line, path, line in entries:
        if path != current:
            words.append(f"@{path}")
            current = path
        words.append(f"{out_line}:{line}")
    return " ".join(words)


def c_string_lines(encoded: str, width: int = 96) -> list[str]:
    """`encoded` as adjacent C string literals of about `width` characters (file names are quoted safely)."""
    chunks, chunk = [], ""
    for word in encoded.split(" "):
        piece = (" " if chunk else "") + word
        if chunk and len(chunk) + len(piece) > width:
            chunks.append(chunk + " ")
            chunk = word
        else:
            chunk += piece
    if chunk:
        chunks.append(chunk)
    return ['"' + c.replace("\\", "\\\\").replace('"', '\\"') + '"' for c in chunks]
