"""The CUDA API names and CUDA header includes in the branches of a file that the preprocessor skipped.

A compiler never sees a branch that is inactive in the configuration parsed (`#if 0`, `#ifdef USE_CUBLAS`
without -DUSE_CUBLAS), and clang gives no cursors for it; but libclang's tokenizer lexes raw text, so the
file's tokens cover those branches too (skipped.branches finds them). Comments and string literals are tokens
of their own, so a name inside them is never a name here. What needs clang's semantic analysis is decided
from the tokens alone, conservatively, since the branch was never parsed:

- a C++ library's qualified name (`cub::DeviceReduce`, `thrust::cuda::par`) counts only where the tokens write
  the whole name as the tables spell it; a part of it written alone (`DeviceReduce` after `using namespace
  cub`) is left, and so is a name written after a qualifier that is not the table's (`ns::cudaMalloc`);
- a library's unqualified name (cuRAND's `curand`) is the program's own, and left, where the program declares
  that name itself: a declaration or macro of the file's active code, or a `#define` in an inactive branch;
- the identifiers of `#include` lines are not names; the directive counts where its header is a CUDA header
  (one the tables map, or one of TOOLKIT_HEADERS).
"""

from __future__ import annotations

import re

import clang.cindex as ci

from translator import mappings
from translator.frontend import tu_index
from translator.frontend.library_names import written_qualifier
from translator.frontend.sites import InactiveBranch, IncludeSite, NameSite

# The CUDA toolkit's own headers that the HIP backend maps (translator/backends/host_edits.CUDA_HEADERS and
# hip.HIP_HEADERS; a unit test keeps them in step); the libraries' headers are records of the tables.
TOOLKIT_HEADERS = frozenset({"cuda_runtime.h", "cuda_runtime_api.h", "cuda.h", "device_launch_parameters.h",
                             "cuda_profiler_api.h", "cuda_fp16.h", "cuda_bf16.h", "cooperative_groups.h",
                             "cooperative_groups/reduce.h", "mma.h"})
_INCLUDE_LINE = re.compile(rb'#\s*include\s*([<"])([^>"\n]+)[>"]')


def collect(fl, tu, spans: list[tuple[int, int]]) -> list[InactiveBranch]:
    """The inactive branches among `spans` (skipped.branches of file `fl`, a host_sites._File) that mention
    CUDA API names or include CUDA headers, in order."""
    own = _OwnNames(fl, tu, spans)
    out = []
    for start, end in spans:
        includes = _includes(fl, start, end)
        names = _names(fl, start, end, includes, own)
        cuda = tuple(i for i in includes if mappings.header(i.header) is not None or i.header in TOOLKIT_HEADERS)
        if names or cuda:
            out.append(InactiveBranch(fl.span(start, end), tuple(names), cuda))
    return out


def _includes(fl, start: int, end: int) -> list[IncludeSite]:
    """The `#include` directives of the branch [start, end), each from its '#' to the end of its line."""
    out = []
    for i in range(fl.token_index(start), fl.token_index(end) - 1):
        if fl.tokens[i][0] != "#" or fl.tokens[i + 1][0] != "include":
            continue
        at = fl.tokens[i][2]
        stop = fl.source.find(b"\n", at, end)
        stop = end if stop < 0 else stop
        stop -= fl.source[stop - 1:stop] == b"\r"
        m = _INCLUDE_LINE.match(fl.source, at, stop)
        if m is not None:
            out.append(IncludeSite(m.group(2).decode("utf-8", "replace"), m.group(1) == b"<", fl.span(at, stop)))
    return out


def _names(fl, start: int, end: int, includes: list[IncludeSite], own: "_OwnNames") -> list[NameSite]:
    known = mappings.names()
    out: list[NameSite] = []
    for i in range(fl.token_index(start), fl.token_index(end)):
        spelling, kind, at, _ = fl.tokens[i]
        if kind != ci.TokenKind.IDENTIFIER or spelling not in known or \
                any(inc.span.start <= at < inc.span.end for inc in includes):
            continue
        site = _name_site(fl, i, own)
        if site is None:
            continue
        while out and out[-1].span.start >= site.span.start:
            out.pop()                  # `thrust::cuda` of `thrust::cuda::par`: the longer name's site covers it
        out.append(site)
    return out


def _name_site(fl, i: int, own: "_OwnNames") -> NameSite | None:
    """The table name that identifier token i writes in full (with the qualifier written before it), if any."""
    spelling, _, _, end = fl.tokens[i]
    first = written_qualifier(fl.tokens, i)
    written = "::".join(fl.tokens[j][0] for j in range(first, i + 1, 2))
    record = next((r for r in mappings.ending_with(spelling) if r.name == written), None)
    if record is None or first == i and record.title and spelling in own.names():
        return None
    return NameSite(record.name, record.kind, fl.span(fl.tokens[first][2], end), written.count("::") + 1)


class _OwnNames:
    """The names the program declares in file `fl`, found once, when a library's name asks."""

    def __init__(self, fl, tu, spans: list[tuple[int, int]]):
        self.fl, self.tu, self.spans, self.found = fl, tu, spans, None

    def names(self) -> set[str]:
        if self.found is None:
            self.found = {c.spelling for c in tu_index.preorder(self.tu, self.fl.main)
                          if c.kind.is_declaration() or c.kind == ci.CursorKind.MACRO_DEFINITION}
            tokens = self.fl.tokens
            for start, end in self.spans:
                lo, hi = self.fl.token_index(start), self.fl.token_index(end)
                self.found |= {tokens[k + 2][0] for k in range(lo, min(hi, len(tokens) - 2))
                               if tokens[k][0] == "#" and tokens[k + 1][0] == "define"}
        return self.found
