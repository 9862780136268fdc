"""Base classes for IR nodes: source locations, children, structural equality."""

from __future__ import annotations

import dataclasses
import typing


@dataclasses.dataclass(frozen=True)
class SourceLoc:
    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


class HostTemplate(typing.NamedTuple):
    """How host code names an instance of a variable template (translator.frontend.variable_templates)."""
    template: str        # the template's name
    parameters: str      # its template parameter list as written (`typename T`)
    arguments: str       # this instance's arguments in C++ (`float`)


class Node:
    __slots__ = ("loc",)
    _fields: tuple = ()

    def children(self):
        """Yield (field name, child) for every child node, lists flattened in order."""
        for name, kind in self._fields:
            value = getattr(self, name)
            if kind == "list":
                for i, child in enumerate(value):
                    yield f"{name}[{i}]", child
            elif kind == "child" and value is not None:
                yield name, value

    def __iter__(self):
        return (child for _, child in self.children())

    def attrs(self) -> dict:
        out = {n: getattr(self, n) for n, kind in self._fields if kind == "attr"}
        if isinstance(self, Expr):
            out["type"] = self.type
        return out

    def __eq__(self, other) -> bool:
        """Structural equality; source locations are ignored."""
        if type(self) is not type(other) or self.attrs() != other.attrs():
            return False
        return list(self) == list(other)

    __hash__ = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.attrs().items())})"


class Stmt(Node):
    __slots__ = ()


class Expr(Node):
    __slots__ = ()


def map_children(node: Node, fn) -> None:
    """Replace each child of `node` (in list fields, each element) with `fn(child)`, in field order."""
    for name, kind in node._fields:
        value = getattr(node, name)
        if kind == "list":
            setattr(node, name, [fn(child) for child in value])
        elif kind == "child" and value is not None:
            setattr(node, name, fn(value))


def walk(node: Node):
    """Pre-order traversal of `node` and all its descendants."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(list(n)))
