"""The program's own headers: the files a CUDA file includes with quotes, directly or through each other,
that exist on disk outside runtime_shims. Their host code is the file's too. The OpenCL and CPU targets
write host copies of those that hold device code or launches (host_sites.HeaderCopy), so the kernels that
their host code launches are lowered with the file's (templates.Instantiator.launched), and the C++
compiler finds the file's launch glue in them (backends/program.py)."""

from __future__ import annotations

import functools
import os

import clang.cindex as ci

from translator.frontend import tu_index
from translator.frontend.clang_setup import LIBRARY_INCLUDE, SHIMS, STAND_IN_INCLUDE

_SHIMS = os.path.realpath(SHIMS) + os.sep


def local_header(directive, angled: bool) -> str | None:
    """The real path of the file that an #include directive (an INCLUSION_DIRECTIVE cursor, `angled` when
    written with <>) includes, when that is one of the program's own headers; None otherwise."""
    included = directive.get_included_file()
    real = os.path.realpath(included.name) if included is not None else ""
    if angled or not real or real.startswith(_SHIMS) or not os.path.isfile(real):
        return None
    return real


@functools.cache
def _cuda_header_names() -> frozenset[str]:
    """The CUDA toolkit's headers that cutrans has stand-ins for, as an #include spells them: those of
    runtime_shims/include (cuda_runtime.h, cuda_fp16.h...) and of its libraries/ and toolkit_gaps/ folders
    (cublas_v2.h, cub/cub.cuh...); not cutrans's own helpers, nor the OpenMP stand-in."""
    names = set()
    for root in (STAND_IN_INCLUDE, LIBRARY_INCLUDE, STAND_IN_INCLUDE / "toolkit_gaps"):
        names |= {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    own = ("cutrans_", "__cutrans", "openmp/", "libraries/", "toolkit_gaps/")
    return frozenset(n for n in names if not n.startswith(own))


def includes_cuda(includes) -> bool:
    """Whether any of `includes` (IncludeSite) is `#include <...>` of a CUDA toolkit header: a local header that
    does is the program's CUDA code, which the OpenCL and CPU builds cannot compile as it is (they have no
    cuda_runtime.h), so it gets a host copy (host_sites._header_copies)."""
    return any(i.angled and i.header in _cuda_header_names() for i in includes)


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
