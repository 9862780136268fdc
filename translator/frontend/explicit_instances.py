"""Explicit instantiation definitions of function templates (`template int run<float>(const void*, int);`, as
HeCBench fma-cuda's kernels.h writes them): each asks for an instance as a call does, so the kernels that a host
template's instance launches are needed for it even where no call asks for that instance.

libclang shows no cursor for them. They are found in the tokens of the program's files, and each gets a probe
on its own line's end, in its own scope: a function pointer of the declared type initialized with the function
(`static int (*const cutrans_probe_1)(const void*, int) = &run<float>;`), so that clang picks the instance,
deduced arguments and overloads included. The probes are parsed once; each one's initializer names the
specialization (a cursor that templates.Instantiator takes as it takes a call)."""

from __future__ import annotations

import dataclasses
import os

import clang.cindex as ci

from translator.frontend import tu_index

K = ci.CursorKind
PROBE = "cutrans_probe_"
_NOT_INSTANTIATION = {"<", "extern", ".", "->", "::", "typename"}   # around a `template` that starts none
_RECORDS = {"class", "struct", "union"}


@dataclasses.dataclass(frozen=True)
class Written:
    """One explicit instantiation definition of a function template: where it ends, and its probe."""
    path: str            # the file, as libclang names it
    end: int             # offset just past its `;`
    probe: bytes         # the declaration to insert there


def _tokens(tu, path: str) -> list:
    f = tu.get_file(path)
    extent = ci.SourceRange.from_locations(ci.SourceLocation.from_offset(tu, f, 0),
                                           ci.SourceLocation.from_offset(tu, f, os.path.getsize(path)))
    return [(t.spelling, t.extent.start.offset, t.extent.end.offset) for t in tu.get_tokens(extent=extent)]


def _statement_end(tokens: list, i: int) -> int | None:
    """Index of the `;` that ends the declaration starting at token i; None when a body comes first."""
    depth = 0
    for j in range(i, len(tokens)):
        s = tokens[j][0]
        depth += (s in "([") - (s in ")]")
        if s == "{":
            return None
        if s == ";" and depth == 0:
            return j
    return None


def _matching(tokens: list, i: int, j: int) -> int:
    """Index of the `)` that closes the `(` at token i (before token j)."""
    depth = 0
    for k in range(i, j):
        depth += (tokens[k][0] == "(") - (tokens[k][0] == ")")
        if depth == 0:
            return k
    return j


def _name_start(tokens: list, paren: int) -> int:
    """Index of the first token of the (qualified) name, template arguments and all, before the `(` at token
    `paren`."""
    k, angles = paren - 1, 0
    while k > 0:
        s = tokens[k][0]
        angles += {">": 1, ">>": 2, "<": -1}.get(s, 0)
        if angles == 0 and s not in ("<", ">", ">>", "::") and tokens[k - 1][0] != "::":
            return k
        k -= 1
    return k


def written(tu, path: str, first: int) -> list[Written]:
    """The explicit instantiation definitions of function templates in file `path` of `tu`, in order; their
    probes are numbered from `first`."""
    tokens = _tokens(tu, path)
    out = []
    for i, (s, _, _) in enumerate(tokens):
        if s != "template" or i + 1 == len(tokens) or tokens[i + 1][0] in _NOT_INSTANTIATION | _RECORDS \
                or i > 0 and tokens[i - 1][0] in _NOT_INSTANTIATION:
            continue
        semi = _statement_end(tokens, i + 1)
        paren = next((j for j in range(i + 1, semi or i) if tokens[j][0] == "("), None)
        if semi is None or paren is None:
            continue
        name, close = _name_start(tokens, paren), _matching(tokens, paren, semi)
        result, function, params = (" ".join(t[0] for t in tokens[a:b])
                                    for a, b in ((i + 1, name), (name, paren), (paren, close + 1)))
        probe = f" static {result} (*const {PROBE}{first + len(out)}){params} = &{function};"
        out.append(Written(path, tokens[semi][2], probe.encode()))
    return out


def specializations(tu, paths) -> list:
    """The DECL_REF_EXPR of each probe's initializer in files `paths` of `tu` (a translation unit parsed
    with the probes), in probe order."""
    found = {}
    todo = [c for path in paths for c in tu_index.top_level(tu, path)]
    while todo:
        c = todo.pop()
        if c.kind in (K.NAMESPACE, K.LINKAGE_SPEC):
            todo.extend(c.get_children())
        elif c.kind == K.VAR_DECL and c.spelling.startswith(PROBE):
            ref = next((d for d in c.walk_preorder() if d.kind == K.DECL_REF_EXPR), None)
            if ref is not None:
                found[int(c.spelling[len(PROBE):])] = ref
    return [found[n] for n in sorted(found)]
