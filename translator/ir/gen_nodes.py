"""Expand nodes.spec into nodes.py: classes with __slots__, children() and equality.

Run through `make generate` (translator.devtools.generate), which also checks it in CI."""

from __future__ import annotations

from pathlib import Path

SPEC = Path(__file__).with_name("nodes.spec")
TARGET = Path(__file__).with_name("nodes.py")

HEADER = '''\
# generated — do not edit; edit translator/ir/nodes.spec and run `make generate`
"""IR node classes (see nodes.spec)."""

from __future__ import annotations

from translator.ir.base import Expr, Node, Stmt, SourceLoc  # noqa: F401
'''


def parse_spec(text: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Return (name, base, [(field, kind)]) with kind one of 'attr', 'child', 'list'."""
    nodes = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        head, _, body = line.partition(":")
        name, _, base = head.partition("(")
        base = base.rstrip(")") or "Stmt"
        fields = []
        for f in (x.strip() for x in body.split(",") if x.strip()):
            kind = "list" if f.endswith("**") else "child" if f.endswith("*") else \
                "optional" if f.endswith("?") else "attr"
            fields.append((f.rstrip("*?"), kind))
        nodes.append((name.strip(), base if name.strip() not in ("Module", "Function", "Param", "GlobalVar")
                      else "Node", fields))
    return nodes


def render_class(name: str, base: str, fields: list[tuple[str, str]]) -> str:
    names = [f for f, _ in fields] + (["type"] if base == "Expr" else [])
    optional = {f for f, kind in fields if kind == "optional"}
    params = "".join(f", {n}=None" if n in optional else f", {n}" for n in names)
    fields = [(f, "attr" if kind == "optional" else kind) for f, kind in fields]
    lines = [f"\n\n\nclass {name}({base}):",
             f"    __slots__ = {tuple(names)!r}",
             f"    _fields = {tuple(fields)!r}",
             "",
             f"    def __init__(self{params}, loc: SourceLoc | None = None):"]
    for f, kind in fields:
        value = f"list({f})" if kind == "list" else f
        lines.append(f"        self.{f} = {value}")
    if base == "Expr":
        lines.append("        self.type = type")
    lines.append("        self.loc = loc")
    return "\n".join(lines)


def render(spec_text: str | None = None) -> str:
    nodes = parse_spec(spec_text if spec_text is not None else SPEC.read_text())
    body = "".join(render_class(*n) for n in nodes)
    names = ", ".join(repr(n[0]) for n in nodes)
    return HEADER + body + f"\n\n\nALL = ({names},)\n"
