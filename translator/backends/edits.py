"""Byte-range edits on an original source file, applied back to front."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True, order=True)
class Edit:
    start: int
    end: int
    text: str
    why: str = ""


class OverlappingEdits(ValueError):
    pass


def apply_edits(source: bytes, edits: list[Edit]) -> bytes:
    """Replace each [start, end) with its text. Edits may not overlap; identical duplicates collapse."""
    ordered = sorted(set(edits))
    for a, b in zip(ordered, ordered[1:]):
        if b.start < a.end or (a.start == a.end == b.start == b.end and a.text != b.text):
            raise OverlappingEdits(f"edits overlap: {a} and {b}")
    out = bytearray(source)
    for e in reversed(ordered):
        out[e.start:e.end] = e.text.encode("utf-8", "surrogateescape")
    return bytes(out)


def insert_first(edits: list[Edit], text: str, why: str) -> list[Edit]:
    """`edits` with `text` inserted at the very start of the file, before what other edits insert there (a header
    whose first line is `#include "common.h"` gets both the runtime include and a note before that line)."""
    at_start = [e for e in edits if e.start == e.end == 0]
    rest = [e for e in edits if not (e.start == e.end == 0)]
    merged = text + "".join(e.text for e in dict.fromkeys(at_start))
    whys = "; ".join([why, *(e.why for e in dict.fromkeys(at_start))])
    return [*rest, Edit(0, 0, merged, why=whys)]
