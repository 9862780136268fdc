"""HIP: CUDA's 32-lane warps on 64-lane wavefronts, decided from the IR.

CUDA code that writes 32 for the warp width (`lane = tid % 32`, `warp = tid / 32`, shuffle loops from 16,
`0xffffffff` masks, 32-bit ballots, `[32]` arrays of per-warp sums) computes something else on a 64-lane
wavefront (gfx9/CDNA). Rewriting every such 32 to `warpSize` would change what the program computes
wherever a result depends on the warp's size (a per-warp sum, a ballot a host reads, a float reduction's
order), and a literal 32 may as well be a data size. So the rewrite keeps CUDA's warp: in code written for
32-lane warps, each warp intrinsic call is renamed to its `cutrans_warp32_*` twin from
runtime_shims/hip/cutrans_hip_compat.h, which works on the 32-lane half of the wavefront that holds the
calling thread (HIP numbers the lanes of a wavefront by linear thread id, so that half is exactly the
thread's CUDA warp). Every 32 in the code then stays right, and the numbers are CUDA's, on wave32 and
wave64 alike.

Code that reads `warpSize` is written for any warp width: it keeps HIP's native wavefront. There a
32-bit full-mask literal given to a warp intrinsic becomes the 64-bit full mask, and what cannot be
decided (a full mask spelled through a macro, a ballot result in a 32-bit type) is reported (B005) and
left as is.

Except code that numbers its threads as rows of warpSize (`threadIdx.y * warpSize + threadIdx.x`): that
holds only for blocks warpSize threads wide, and CUDA programs launch them with CUDA's 32, often a literal
(HeCBench scatterAdd). In CUDA, warpSize is 32, so such code is converted as 32-lane code: each
`warpSize` it reads becomes 32 and its warp intrinsics the 32-lane twins (B006, a note). Where one of its
`warpSize` reads is not the word itself (a macro), it is left native and reported (B005).

Which code is which: functions that call each other form a component (a device function shares its
kernels' warp model); a component that reads `warpSize` anywhere is native unless it numbers rows of
warps, the others are written for 32 lanes. On a wave32 target nothing is rewritten: the code is already
right there.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from translator.backends.edits import Edit
from translator.diagnostics import Diagnostic, Severity, error, note, warning
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.builtins import WARP, WARP_REDUCTIONS

REDUCTION_NAMES = tuple(name for name, (op, _) in WARP.items() if op in WARP_REDUCTIONS)   # __reduce_add_sync...

# CUDA warp intrinsic -> its 32-lane-warp twin in cutrans_hip_compat.h. `__syncwarp` needs none (a
# wavefront barrier orders the lanes of each of its warps too), nor do the block votes (__syncthreads_or...).
WARP32_NAMES = {
    "__shfl_sync": "cutrans_warp32_shfl_sync",
    "__shfl_up_sync": "cutrans_warp32_shfl_up_sync",
    "__shfl_down_sync": "cutrans_warp32_shfl_down_sync",
    "__shfl_xor_sync": "cutrans_warp32_shfl_xor_sync",
    "__ballot_sync": "cutrans_warp32_ballot_sync",
    "__any_sync": "cutrans_warp32_any_sync",
    "__all_sync": "cutrans_warp32_all_sync",
    "__activemask": "cutrans_warp32_activemask",
    **{name: f"cutrans_warp32_{name[2:]}" for name in REDUCTION_NAMES},
}
WARP32_OPS = frozenset(WARP[name][0] for name in WARP32_NAMES)   # IR ops that depend on the warp's width
# The frontend's functions for a library's collective (cg::reduce, cub::BlockReduce and WarpReduce): the HIP output
# keeps the library call, whose HIP twin names its own width (a tile's, CUDA's 32 for hipCUB: logical_warps.py), so
# their warp operations have nothing to rewrite.
LIBRARY_FUNCTIONS = ("cutrans_cg_", "cutrans_cub_")
MASKED_OPS = frozenset(op for op, roles in WARP.values() if roles[:1] == ("mask",))
LANE_MASK_OPS = frozenset({"ballot", "activemask"})     # results with one bit per lane
FULL_MASK_32 = 0xFFFFFFFF
FULL_MASK_64 = "0xffffffffffffffffull"

_IDENT = re.compile(rb"[A-Za-z_]\w*")
_USES_WARP = re.compile(rb"\b(?:" + b"|".join(n.encode() for n in WARP32_NAMES) + rb")\b")
_WARP_SIZE = re.compile(rb"\bwarpSize\b")
_MEMBER_CALL = re.compile(rb"\s*(?:\.|->)")
_INT_LITERAL = re.compile(rb"(0[xX][0-9a-fA-F]+|\d+)[uUlL]*\b")


@dataclasses.dataclass
class WarpRewrite:
    edits: list[Edit] = dataclasses.field(default_factory=list)          # the main file's
    diagnostics: list[Diagnostic] = dataclasses.field(default_factory=list)
    header_edits: dict[str, list[Edit]] = dataclasses.field(default_factory=dict)   # header path as given -> edits

    def file_edits(self, src: "_Source") -> list[Edit]:
        return self.edits if src.name is None else self.header_edits.setdefault(src.name, [])


class _Source:
    """Byte offsets of IR source locations in the file being rewritten."""

    def __init__(self, path: str, text: bytes, header: bool = False):
        self.path = Path(path).resolve()
        self.text = text
        self.name = path if header else None     # a header converted with the file: its key in header_edits
        self.starts = [0] + [m.end() for m in re.finditer(rb"\n", text)]

    def offset(self, loc) -> int | None:
        if loc is None or Path(loc.path).resolve() != self.path or not 0 < loc.line <= len(self.starts):
            return None
        return self.starts[loc.line - 1] + loc.col - 1

    def token(self, loc, pattern: re.Pattern) -> tuple[int, int, bytes] | None:
        at = self.offset(loc)
        m = pattern.match(self.text, at) if at is not None else None
        return (m.start(), m.end(), m.group(0)) if m else None


def components(module) -> dict[str, int]:
    """Function name -> the id of its call-graph component (functions linked by calls, either way). The frontend's
    functions for a library's collective link nothing: unrelated kernels share them."""
    parent = {f.name: f.name for f in module.functions}

    def find(name):
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name
    for f in module.functions:
        for node in walk(f):
            if isinstance(node, N.Call) and node.func in parent and not node.func.startswith(LIBRARY_FUNCTIONS):
                parent[find(node.func)] = find(f.name)
    roots = sorted({find(n) for n in parent})
    return {n: roots.index(find(n)) for n in parent}


def native_functions(module) -> set[str]:
    """Functions in a component that reads `warpSize`: written for any warp width."""
    comp = components(module)
    native = {comp[f.name] for f in module.functions
              if any(isinstance(n, N.SpecialReg) and n.reg == "warp_size" for n in walk(f))}
    return {name for name, c in comp.items() if c in native}


def warp_rewrite(unit, wave: int, headers: dict[str, bytes] | None = None,
                 header_widths: dict[str, list] | None = None) -> WarpRewrite:
    """Edits (and diagnostics) that make the device code of `unit` compute CUDA's numbers on a wavefront
    of `wave` lanes; `headers` (path -> bytes) are the program's headers converted with it, which get edits
    of their own, and `header_widths` (path -> WarpWidthSite) their CUB warp collectives without a width. Without
    the IR of every function (lowering failed somewhere) a file that calls warp intrinsics is refused: a call left
    out of the rewrite would compute other numbers, silently."""
    out = WarpRewrite()
    headers = headers or {}
    main = _Source(unit.path, unit.source)
    sources = {main.path: main, **{(h := _Source(p, text, header=True)).path: h for p, text in headers.items()}}
    as_warp32 = _rows_of_warps_as_warp32(unit.module, wave, sources, main, out) \
        if unit.module is not None and wave != 32 else set()
    native = native_functions(unit.module) - as_warp32 if unit.module is not None else set()
    widths = {main.path: (main, unit.sites.default_warp_widths)}
    widths.update({sources[Path(p).resolve()].path: (sources[Path(p).resolve()], w)
                   for p, w in (header_widths or {}).items() if Path(p).resolve() in sources})
    for src, sites in widths.values():
        _width_edits(unit.module, native, as_warp32, src, sites, out)
    if wave == 32 or not any(_USES_WARP.search(text) for text in [unit.source, *headers.values()]):
        return out
    failed = [d for d in unit.diagnostics if d.severity >= Severity.ERROR]
    if unit.module is None or failed:
        where = f" ({failed[0].format()})" if failed else ""
        out.diagnostics.append(error("B004", f"the file calls warp intrinsics, but its device code could not be "
                                     f"lowered{where}: without it they cannot be rewritten for {wave}-lane "
                                     f"wavefronts; convert for a wave32 arch, or pass --no-warp-rewrite to keep "
                                     f"them as written", unit.path))
        return out
    for f in unit.module.functions:
        if f.name.startswith(LIBRARY_FUNCTIONS):
            continue
        rewrite = _native_op if f.name in native else _warp32_op
        for node in walk(f):
            if isinstance(node, N.WarpOp) and node.op in WARP32_OPS:
                rewrite(node, _source_of(node, sources, main), out, wave)
    return out


def _width_edits(module, native: set[str], converted: set[str], src: "_Source", sites: list,
                 out: WarpRewrite) -> None:
    """CUDA's 32 for each CUB warp collective of `src` that leaves its width out (frontend/logical_warps.py), unless
    the code it is written in is written for any warp width: there hipCUB's default, the wavefront, is the
    program's own choice. A function is, where its IR or its text reads warpSize (`temp[threadIdx.x / warpSize]`,
    a WarpReduce's storage, has no IR), unless it is `converted` to 32-lane code (rows of warps, B006); a site at
    file scope, where the file reads warpSize and none of its warp operations is in 32-lane code."""
    functions = [f for f in module.functions if f.loc is not None and Path(f.loc.path).resolve() == src.path] \
        if module is not None else []
    for site in sites:
        if site.scope is None:
            keep = _WARP_SIZE.search(src.text) is not None and not any(
                f.name not in native and not f.name.startswith(LIBRARY_FUNCTIONS) and
                any(isinstance(n, N.WarpOp) for n in walk(f)) for f in functions)
        else:
            first, last = site.scope
            end = src.starts[last] if last < len(src.starts) else len(src.text)
            inside = [f.name for f in functions if first <= f.loc.line <= last]
            reads = native.intersection(inside) or _WARP_SIZE.search(src.text, src.starts[first - 1], end)
            keep = bool(reads) and not converted.intersection(inside)
        if not keep:
            out.file_edits(src).append(Edit(site.offset, site.offset, site.text,
                                            why="hipCUB's logical warp defaults to the wavefront, CUB's to 32"))


def rows_of_warps(module) -> dict[str, N.BinOp]:
    """Function name -> its first `threadIdx.y * warpSize` (or .z): code that numbers its threads as rows of
    warpSize, so assumes blockDim.x == warpSize, which a host launching CUDA's 32-wide blocks no longer
    meets where warpSize is 64."""
    found = {}
    for f in module.functions:
        row = next((node for node in walk(f) if _row_of_warps(node) is not None), None)
        if row is not None:
            found[f.name] = row
    return found


def _warp_size_edits(module, names: set[str], sources: dict, main: _Source) -> list | None:
    """(source, edit) turning each `warpSize` that functions `names` read into CUDA's 32; None where one of
    them is not the word `warpSize` in the source (spelled through a macro)."""
    edits = []
    for f in module.functions:
        if f.name not in names:
            continue
        for node in walk(f):
            if isinstance(node, N.SpecialReg) and node.reg == "warp_size":
                src = _source_of(node, sources, main)
                tok = src.token(node.loc, _IDENT)
                if tok is None or tok[2] != b"warpSize":
                    return None
                edits.append((src, Edit(tok[0], tok[1], "32", why="CUDA's warpSize, in code written for 32 lanes")))
    return edits


def _rows_of_warps_as_warp32(module, wave: int, sources: dict, main: _Source, out: WarpRewrite) -> set[str]:
    """Convert the components that number rows of warps as 32-lane code (warpSize -> 32, B006); returns
    their functions. A component whose warpSize reads cannot all be rewritten stays native (B005)."""
    rows = rows_of_warps(module)
    comp = components(module)
    converted = set()
    firsts = {}                     # component -> its first row of warps, in source order
    for name, row in sorted(rows.items(), key=lambda item: _where(item[1])):
        firsts.setdefault(comp[name], row)
    for c, first in firsts.items():
        names = {name for name, k in comp.items() if k == c}
        dim = _row_of_warps(first)
        edits = _warp_size_edits(module, names, sources, main)
        if edits is None:
            out.diagnostics.append(_at(first.loc, warning, "B005", f"'threadIdx.{dim} * warpSize' numbers the "
                                       f"threads as rows of warpSize, which holds only for blocks warpSize threads "
                                       f"wide; warpSize is {wave} on this arch, and a read of it here is not the "
                                       f"word warpSize (a macro?), so the code is left as is: launch blockDim.x = "
                                       f"warpSize (or convert for a wave32 arch)"))
            continue
        for src, edit in edits:
            out.file_edits(src).append(edit)
        converted |= names
        out.diagnostics.append(_at(first.loc, note, "B006", f"'threadIdx.{dim} * warpSize' numbers the threads as "
                                   f"rows of warpSize, which CUDA launches with its 32; on this arch's {wave}-lane "
                                   f"wavefronts the code is converted as 32-lane code: warpSize becomes 32 and its "
                                   f"warp intrinsics their 32-lane twins"))
    return converted


def _source_of(node, sources: dict, main: _Source) -> _Source:
    """The file (the input or a converted header) that `node` was written in."""
    return sources.get(Path(node.loc.path).resolve(), main) if node.loc is not None else main


def _where(node) -> tuple:
    return (node.loc.path, node.loc.line, node.loc.col) if node.loc else ("", 0, 0)


def _row_of_warps(node) -> str | None:
    """'y' or 'z' where `node` is `threadIdx.y * warpSize` (either order, through conversions), else None."""
    if not (isinstance(node, N.BinOp) and node.op == "*"):
        return None
    a, b = _uncast(node.lhs), _uncast(node.rhs)
    for row, other in ((a, b), (b, a)):
        if isinstance(row, N.SpecialReg) and row.reg == "thread_idx" and row.dim in ("y", "z") \
                and isinstance(other, N.SpecialReg) and other.reg == "warp_size":
            return row.dim
    return None


def _uncast(e):
    while isinstance(e, N.Cast):
        e = e.value
    return e


def _warp32_op(op: N.WarpOp, src: _Source, out: WarpRewrite, wave: int) -> None:
    """Rename a direct call to its 32-lane twin. A cooperative-groups member call (`tile.shfl(...)`)
    already names its tile's width; anything else (a macro around the call) cannot be renamed here."""
    tok = src.token(op.loc, _IDENT)
    if tok is None:                              # in an included header: rewritten when that is converted
        out.diagnostics.append(_at(op.loc, warning, "B004", f"the warp operation '{op.op}' is in another file; it "
                                   f"keeps CUDA's 32-lane warp on {wave}-lane wavefronts only once that file is "
                                   f"converted for the same arch"))
        return
    start, end, name = tok
    if name.decode() in WARP32_NAMES:
        out.file_edits(src).append(Edit(start, end, WARP32_NAMES[name.decode()], why="CUDA's 32-lane warp on a wide wavefront"))
    elif not _MEMBER_CALL.match(src.text, end):
        out.diagnostics.append(_at(op.loc, error, "B004", f"the warp operation '{op.op}' is reached through "
                                   f"'{name.decode()}' (a macro?), which cannot be rewritten for {wave}-lane "
                                   f"wavefronts; call the CUDA intrinsic directly, or convert for a wave32 arch"))


def _native_op(op: N.WarpOp, src: _Source, out: WarpRewrite, wave: int) -> None:
    """Code written for any warp width: widen a 32-bit full-mask literal; report what cannot be decided."""
    if op.op in LANE_MASK_OPS:
        out.diagnostics.append(_at(op.loc, warning, "B005", f"the {op.op} result has one bit per lane; CUDA "
                                   f"declares it 32 bits wide, so on {wave}-lane wavefronts lanes 32 and up are "
                                   f"lost wherever it is kept in a 32-bit type (left as is)"))
    if op.op not in MASKED_OPS:
        return
    mask = op.args[0]
    while isinstance(mask, N.Cast) and mask.implicit:
        mask = mask.value
    if not isinstance(mask, N.IntLit) or mask.value != FULL_MASK_32 or mask.loc == op.loc:
        return                                   # not the full mask, or CUDA's default one (left out)
    tok = src.token(mask.loc, _INT_LITERAL)
    if tok is not None and int(tok[2].rstrip(b"uUlL"), 0) == FULL_MASK_32:
        out.file_edits(src).append(Edit(tok[0], tok[1], FULL_MASK_64, why=f"full mask of a {wave}-lane wavefront"))
        return
    out.diagnostics.append(_at(mask.loc, warning, "B005", f"the mask 0xffffffff names lanes 0-31 only; in "
                               f"code that reads warpSize it may mean every lane of a {wave}-lane wavefront, "
                               f"but it is not written as a literal here (a macro?), so it is left as is"))


def _at(loc, make, code: str, message: str) -> Diagnostic:
    return make(code, message, loc.path, loc.line, loc.col) if loc else make(code, message)
