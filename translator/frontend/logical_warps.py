"""Where a program leaves out the logical warp width of one of CUB's warp collectives (`cub::WarpReduce<float>`).

CUB's default is 32 lanes (CUB_PTX_WARP_THREADS); hipCUB's is the wavefront (HIPCUB_DEVICE_WARP_THREADS: 64 on
CDNA). A CUDA program that keeps one TempStorage per `threadIdx.x / 32` and reads lane 0 of each warp would reduce
64 lanes on a 64-lane GPU, so the HIP output writes CUDA's 32 where the program relies on the default, except in
code written for any warp width (it reads warpSize: backends/hip_warp.py decides). The sites are found from the
cursors (a reference to CUB's class template, so a program's own `WarpReduce` function is left alone) and the
template argument list from the tokens after it.
"""

from __future__ import annotations

import clang.cindex as ci

from translator.frontend import tu_index
from translator.frontend.clang_ops import angle_list
from translator.frontend.namespaces import in_namespace
from translator.frontend.sites import WarpWidthSite

K = ci.CursorKind
CUDA_WARP = "32"
_FUNCTIONS = (K.FUNCTION_DECL, K.FUNCTION_TEMPLATE, K.CXX_METHOD, K.CONSTRUCTOR, K.LAMBDA_EXPR)

# collective -> (template arguments a program must write, CUB's defaults written before the width, as hipCUB
# spells them): the width is the argument after those
COLLECTIVES = {
    "WarpReduce": (1, ()),
    "WarpScan": (1, ()),
    "WarpExchange": (2, ()),
    "WarpMergeSort": (2, ()),
    "WarpLoad": (2, ("hipcub::WARP_LOAD_DIRECT",)),
    "WarpStore": (2, ("hipcub::WARP_STORE_DIRECT",)),
}


def default_width_sites(fl, tu) -> list[WarpWidthSite]:
    """Each `cub::Warp...<...>` in file `fl` whose argument list stops before the width, with the function it is
    written in (the HIP backend writes 32 there unless that code is written for any warp width)."""
    out = []

    def visit(c, scope):
        if c.kind in _FUNCTIONS and c.is_definition():
            scope = (c.extent.start.line, c.extent.end.line)
        ref = c.referenced if c.kind == K.TEMPLATE_REF else None
        if ref is not None and ref.spelling in COLLECTIVES and in_namespace(ref, "cub") \
                and c.location.file is not None and c.location.file.name == fl.main:
            site = _site(fl, c, COLLECTIVES[ref.spelling], scope)
            if site is not None:
                out.append(site)
        for child in c.get_children():
            visit(child, scope)
    for top in tu_index.top_level(tu, fl.main):
        visit(top, None)
    return sorted(set(out), key=lambda s: s.offset)


def _site(fl, ref, collective: tuple, scope) -> WarpWidthSite | None:
    found = _argument_list(fl, ref.extent.end.offset)
    if found is None:
        return None
    close, written = found
    required, between = collective
    if not required <= written <= required + len(between):
        return None
    return WarpWidthSite(close, "".join(f", {d}" for d in between[written - required:]) + f", {CUDA_WARP}", scope)


def _argument_list(fl, end: int) -> tuple[int, int] | None:
    """(offset of the closing `>`, number of arguments) of the template argument list that starts at the first
    token at or after `end`; None where no `<` follows."""
    i = fl.token_index(end)
    if i >= len(fl.tokens) or fl.tokens[i][0] != "<":
        return None
    found = angle_list(fl.tokens, i)
    return None if found is None else (found[0], found[2])
