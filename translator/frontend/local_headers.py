"""The program's own headers: the files a CUDA file includes with quotes, directly or through each other,
that exist on disk outside runtime_shims. Their host code is the file's too. The OpenCL and CPU targets
write host copies of those that hold device code or launches (host_sites.HeaderCopy), so the kernels that
their host code launches are lowered with the file's (templates.Instantiator.launched), and the C++
compiler finds the file's launch glue in them (backends/program.py)."""

from __future__ import annotations

import os

import clang.cindex as ci

from translator.frontend import tu_index
from translator.frontend.clang_setup import SHIMS

_SHIMS = os.path.realpath(SHIMS) + os.sep


def local_header(directive, angled: bool) -> str | None:
    """The real path of the file that an #include directive (an INCLUSION_DIRECTIVE cursor, `angled` when
    written with <>) includes, when that is one of the program's own headers; None otherwise."""
    included = directive.get_included_file()
    real = os.path.realpath(included.name) if included is not None else ""
    if angled or not real or real.startswith(_SHIMS) or not os.path.isfile(real):
        return None
    return real


def _angled(directive) -> bool:
    return [t.spelling for t in directive.get_tokens()][2:3] == ["<"]


def program_files(tu, path: str) -> list[str]:
    """The main file `path` of `tu` (as libclang names it) and its own headers, each once, in the order the
    preprocessor first enters them."""
    out, seen = [], set()

    def visit(name: str) -> None:
        out.append(name)
        for c in tu_index.top_level(tu, name):
            if c.kind != ci.CursorKind.INCLUSION_DIRECTIVE:
                continue
            real = local_header(c, _angled(c))
            if real is not None and real not in seen:
                seen.add(real)
                visit(c.get_included_file().name)
    seen.add(os.path.realpath(path))
    visit(path)
    return out
