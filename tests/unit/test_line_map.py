"""translator/backends/line_map.py: marks in, (output line, file, line) out, and the runtime's string form."""

from __future__ import annotations

from translator.backends import line_map
from translator.ir.base import SourceLoc


def test_marks_are_stripped_and_mapped_where_the_source_line_changes():
    a, b, c = (line_map.mark(SourceLoc(f"/src/{f}", n, 1)) for f, n in (("k.cu", 10), ("k.cu", 10), ("k.cuh", 3)))
    text, entries = line_map.strip(f"head\n{a}int x;\n  {b}x++;\n}}\n{c}y = 1;\n")
    assert text == "head\nint x;\n  x++;\n}\ny = 1;\n"
    assert entries == [(2, "k.cu", 10), (5, "k.cuh", 3)]
    assert line_map.encode(entries) == "@k.cu 2:10 @k.cuh 5:3"


def test_a_node_without_a_location_gets_no_mark():
    assert line_map.mark(None) == "" and line_map.mark(SourceLoc("k.cu", 0, 0)) == ""


def test_c_string_lines_wrap_and_escape():
    chunks = line_map.c_string_lines("@a\"b.cu " + " ".join(f"{i}:{i}" for i in range(1, 60)), width=40)
    assert all(len(c) <= 44 for c in chunks) and len(chunks) > 3
    assert chunks[0].startswith('"@a\\"b.cu 1:1')
    joined = "".join(c[1:-1] for c in chunks).replace('\\"', '"')
    assert joined.split() == ["@a\"b.cu"] + [f"{i}:{i}" for i in range(1, 60)]
