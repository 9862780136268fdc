"""Where a program leaves out the logical warp width of one of CUB's warp collectives (`cub::WarpReduce<float>`).

CUB's default is 32 lanes (CUB_PTX_WARP_THREADS); hipCUB's is the wavefront (HIPCUB_DEVICE_WARP_THREADS: 64 on
CDNA). A CUDA program that keeps one TempStorage per `threadIdx.x / 32` and reads lane 0 of each warp would reduce
64 lanes on a 64-lane GPU, so the HIP output writes CUDA's 32 where the program relies on the default. The sites
are found from the cursors (a reference to CUB's class template, so a program's own `WarpReduce` function is left
alone) and the template argument list from the tokens after it.
"""

from __future__ import annotations

import clang.cindex as ci

from translator.frontend import tu_index
from translator.frontend.clang_ops import angle_list
from translator.frontend.namespaces import in_namespace

K = ci.CursorKind
CUDA_WARP = "32"

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


def default_width_sites(fl, tu) -> list[tuple[int, str]]:
    """(offset, text to insert) for each `cub::Warp...<...>` in file `fl` whose argument list stops before the
    width: the text is `, <the defaults between>, 32`, inserted before the list's closing `>`."""
    out = []
    for c in tu_index.preorder(tu, fl.main):
        ref = c.referenced
        if c.kind != K.TEMPLATE_REF or ref is None or ref.spelling not in COLLECTIVES or not in_namespace(ref, "cub") \
                or c.location.file is None or c.location.file.name != fl.main:
            continue
        found = _argument_list(fl, c.extent.end.offset)
        if found is None:
            continue
        close, written = found
        required, between = COLLECTIVES[ref.spelling]
        if required <= written <= required + len(between):
            text = "".join(f", {d}" for d in between[written - required:]) + f", {CUDA_WARP}"
            out.append((close, text))
    return sorted(set(out))


def _argument_list(fl, end: int) -> tuple[int, int] | None:
    """(offset of the closing `>`, number of arguments) of the template argument list that starts at the first
    token at or after `end`; None where no `<` follows."""
    i = fl.token_index(end)
    if i >= len(fl.tokens) or fl.tokens[i][0] != "<":
        return None
    found = angle_list(fl.tokens, i)
    return None if found is None else (found[0], found[2])
