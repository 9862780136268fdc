"""HIP backend: the original file with edits, so the people who maintain it recognise their code.

Edits: CUDA API names -> HIP names (translator/mappings), CUDA headers -> <hip/hip_runtime.h>, and,
only with options["launch_syntax"] == "hipLaunchKernelGGL", launches -> hipLaunchKernelGGL(...).
Comments, formatting, macros and untouched code stay byte-identical. When the file uses CUDA's
warp-synchronous intrinsics, runtime_shims/hip/cutrans_hip_compat.h is included and shipped with it.
Tensor cores: `#include <mma.h>` becomes runtime_shims/hip/cutrans_hip_wmma.h, shipped with the output, which
defines nvcuda::wmma in plain HIP C++ with cutrans's portable semantics (docs/tensor_cores.md), so the code
that uses it stays as written. By default it does not use AMD's matrix cores: each thread computes its part
alone, exactly, on 32- and 64-lane wavefronts alike. With the unsafe rewrite tensor-core-intrinsics
(`--tensor-core intrinsics`) it becomes cutrans_hip_wmma_mfma.h, whose mma_sync runs on the MFMA matrix cores of
CDNA archs (hip_arch.MATRIX_CORES); rocWMMA output is future work.
For a wave64 arch (options["offload_arch"], default $CUTRANS_HIP_ARCH or gfx90a), the warp-size rewrite of
translator/backends/hip_warp.py keeps CUDA's 32-lane warps (options["warp_rewrite"] = False turns it off).

Output naming: `<stem>.hip` for a .cu file (clang and hipcc take .hip as HIP source); a header
(.cuh, .h, .hpp) keeps its name, so the includes between a project's own files stay valid.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from translator.backends.base import CFamilyEmitter
from translator.backends.edits import Edit, apply_edits, insert_first
from translator.backends.hip_warp import REDUCTION_NAMES, warp_rewrite
from translator.backends.host_edits import CUDA_HEADERS, host_edits, inactive_branches, runtime_at_top
from translator.diagnostics import CutransError, Severity, error
from translator.frontend.clang_setup import SHIMS
from translator.frontend import ptx
from translator.frontend.sites import LaunchSite
from translator.mappings import cuda_names
from translator.frontend.cooperative_groups import HIP5_MISSING_TILE_MEMBERS, MULTI_WARP_CODE
from translator.frontend.wmma import LAYOUT_DEPENDENT_CODE
from translator.ir.builtins import ATOMIC_NAMES
from translator.ir.dpx import DPX
from translator.ir.simd_video import SIMD_VIDEO
from translator.pipeline import Output, Unit
from translator import unsafe
from translator.backends.hip_arch import MATRIX_CORES, cpu_arch, has_matrix_cores, wave_width

HIP_RUNTIME = "#include <hip/hip_runtime.h>"
# CUDA headers with a HIP counterpart: the directive that replaces each, and the files from runtime_shims that
# must ship with the output (HIP 5's cooperative-groups header needs hip_runtime.h first, cuts tiles from the
# thread block only and has no cg::reduce;
# HIP before 6.4 has no host-side __half operators, which cutrans_hip_fp16.h adds; cuda_bf16.h's names stay
# CUDA's, which cutrans_hip_bf16.h defines on HIP's __hip_bfloat16, or itself where HIP has none).
_FP16_FILES = ("hip/cutrans_hip_fp16.h", "hip/cutrans_hip_atomic16.h")     # the first includes the second
HIP_HEADERS = {
    "cuda_fp16.h": ('#include "cutrans_hip_fp16.h"', _FP16_FILES),
    "cuda_bf16.h": ('#include "cutrans_hip_bf16.h"', ("hip/cutrans_hip_bf16.h", *_FP16_FILES)),
    "cooperative_groups.h": ('#include "cutrans_hip_cg.h"', ("hip/cutrans_hip_cg.h",)),
    "cooperative_groups/reduce.h": ('#include "cutrans_hip_cg_reduce.h"', ("hip/cutrans_hip_cg_reduce.h",)),
    "mma.h": ('#include "cutrans_hip_wmma.h"', ("hip/cutrans_hip_wmma.h", "hip/cutrans_hip_bf16.h", *_FP16_FILES)),
}
# --tensor-core intrinsics (translator/unsafe.py): <mma.h> becomes the same header in its matrix-core mode.
MATRIX_CORE_HEADERS = {**HIP_HEADERS, "mma.h": ('#include "cutrans_hip_wmma_mfma.h"',
                                                ("hip/cutrans_hip_wmma_mfma.h", *HIP_HEADERS["mma.h"][1]))}
# Members of cooperative_groups::thread_block_tile that HIP 5 (Debian's HIP 5.2, which CI compiles with) does
# not have: `t.m(args)` becomes `cutrans_tile_m(t, args)` (the compat header's twins; meta_group_* also get the
# parent group's size, which a HIP tile does not keep) where the frontend found the tile's parent
# (sites.TileMemberSite); any other call of them is refused (M001) rather than given HIP that does not build.
_TILE_MEMBER_CALL = re.compile(r"\.\s*(" + "|".join(HIP5_MISSING_TILE_MEMBERS) + r")\s*\(")
# The functions that inline PTX mma.sync becomes (frontend/ptx.py), shipped with output that calls them.
PTX_RUNTIME_FILE = f"include/{ptx.HEADER}"
COMPAT_HEADER = "cutrans_hip_compat.h"
COMPAT_RUNTIME_FILE = f"hip/{COMPAT_HEADER}"
COMPAT_NAMES = ("__activemask", "__syncwarp", "__ballot_sync", "__any_sync", "__all_sync", "__shfl_sync",
                "__shfl_up_sync", "__shfl_down_sync", "__shfl_xor_sync", *REDUCTION_NAMES, "__hmax", "__hmin",
                "__hmax2", "__hmin2", "rsqrtf", "rsqrt",     # HIP has these on the device only
                *SIMD_VIDEO, *DPX,    # HIP has no SIMD video or DPX intrinsics (backends/simd_video.py writes them there)
                # runtime calls that take a kernel, which HIP takes as const void* only
                "cudaFuncSetAttribute", "cudaFuncSetCacheConfig",
                "__dp4a", "__dp2a_lo", "__dp2a_hi",     # HIP has byte dot products only as amd_mixed_dot
                *(f"{name}_block" for name in ATOMIC_NAMES.values()), "atomicInc_system", "atomicDec_system")
_COMPAT_USE = re.compile(rb"\b(" + b"|".join(n.encode() for n in COMPAT_NAMES) + rb")\b")
_SOURCE_SUFFIXES = {".cu": ".hip"}


def ggl_launch(site: LaunchSite, source: bytes) -> str:
    """`hipLaunchKernelGGL(kernel, dim3(grid), dim3(block), shmem, stream, args...)`."""
    callee = site.callee.text(source)
    if "<" in callee:                      # template arguments may hold commas: protect them
        callee = f"HIP_KERNEL_NAME({callee})"
    grid, block, *rest = [s.text(source) for s in site.config_args]
    rest += ["0", "0"][len(rest):]
    pieces = [callee, _as_dim3(grid), _as_dim3(block), *rest, *(a.text(source) for a in site.arg_list)]
    return f"hipLaunchKernelGGL({', '.join(pieces)})"


LAUNCH_SYNTAX = {"chevron": None, "hipLaunchKernelGGL": ggl_launch}


def _as_dim3(expr: str) -> str:
    return expr if re.fullmatch(r"dim3\s*\(.*\)", expr, re.S) else f"dim3({expr})"


def output_name(path: str) -> str:
    p = Path(path)
    return p.stem + _SOURCE_SUFFIXES[p.suffix] if p.suffix in _SOURCE_SUFFIXES else p.name


def tile_member_edits(site) -> list[Edit]:
    """`t.ballot(p)` -> `cutrans_tile_ballot(t, p)`; `t.meta_group_rank()` -> `cutrans_tile_meta_group_rank(t, P)`
    with P the parent group's size (0: the thread block)."""
    why = f"HIP 5's thread_block_tile has no {site.member}"
    opening = Edit(site.object.start, site.object.start, f"cutrans_tile_{site.member}(", why=why)
    if site.member.startswith("meta_group_"):
        return [opening, Edit(site.object.end, site.call.end, f", {site.parent})", why=why)]
    return [opening, Edit(site.object.end, site.paren + 1, ", ", why=why)]


# Where a program makes cooperative-groups tiles of several warps (the frontend's note L013), its
# `tiled_partition<...>` and `thread_block_tile<...>` become cutrans_hip_cg.h's twins, which are HIP's for
# tiles up to 32 threads and cutrans_multi_warp_tile<N> above: CUDA's order of reduction on any wavefront.
# Comments and string literals are matched first so that nothing in them is renamed.
_MULTI_WARP_NAMES = re.compile(rb'(//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*")|\b(tiled_partition|thread_block_tile)(?=\s*<)',
                               re.S)


def multi_warp_edits(source: bytes) -> list[Edit]:
    """`tiled_partition<` -> `cutrans_tiled_partition<`, `thread_block_tile<` -> `cutrans_thread_block_tile<`."""
    return [Edit(m.start(2), m.start(2), "cutrans_", why="a tile of several warps has no HIP equivalent")
            for m in _MULTI_WARP_NAMES.finditer(source) if m.group(2)]


def _refuse_missing_tile_members(sites) -> None:
    """`sites`: the HostSites of the file or of a header converted with it."""
    if not any(i.header == "cooperative_groups.h" for i in sites.includes):
        return
    text = sites.source.decode("utf-8", "surrogateescape")
    diags = []
    mapped = {site.paren for site in sites.tile_members}
    for m in _TILE_MEMBER_CALL.finditer(text):
        if len(text[:m.end() - 1].encode("utf-8", "surrogateescape")) in mapped:
            continue
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        diags.append(error("M001", f"cooperative-groups member '{m.group(1)}' has no equivalent in HIP 5's "
                                   f"cooperative groups, and this call's tile (a variable made by "
                                   f"tiled_partition from the block or a tile) could not be followed", sites.path,
                                   line, col))
    if diags:
        raise CutransError(*diags)


def converted_headers(sites) -> list:
    """The program's own headers with device code that the file includes, directly or through each other
    (frontend HeaderCopy): the HIP output converts them too, under their own names."""
    return [c for h in sites.headers for c in [h, *converted_headers(h.sites)]]


def _header_names(unit: Unit) -> dict[str, str]:
    """Output name of each converted header (its file name), by its path; refuses two with one name."""
    names: dict[str, str] = {}
    for h in converted_headers(unit.sites):
        name = Path(h.sites.path).name
        clash = next((p for p, n in names.items() if n == name and p != h.sites.path), None)
        if clash is not None or name == output_name(unit.path):
            raise CutransError(error("U001", f"two files of the program would both be written as '{name}' in the HIP "
                                     f"output ({clash or unit.path} and {h.sites.path}): rename one", unit.path))
        names[h.sites.path] = name
    return names


def _include_edits(sites, names: dict[str, str]) -> list[Edit]:
    """An include of a converted header written with folders (`"../inc/k.cuh"`) names the copy beside it."""
    return [Edit(h.include.span.start, h.include.span.end, f'#include "{names[h.sites.path]}"',
                 why=f"include the HIP copy of {h.include.header}")
            for h in sites.header_includes() if h.include.header != names[h.sites.path]]


# Where a program's own headers end and the system's begin: a header under these is never given the names.
_SYSTEM_PREFIXES = ("/usr/include/", "/usr/lib/", "/usr/local/cuda", "/opt/rocm", str(SHIMS) + "/")
_CUDA_WORD = re.compile(r"\bcuda[A-Z_]\w*")


def _untranslated_cuda_header(sites):
    """The first header the file (`sites`) includes that cutrans leaves as it is (a header of the program's
    own, not a CUDA header it maps, nor one it converts) and that uses CUDA runtime names, or None."""
    mapped = set(CUDA_HEADERS) | set(HIP_HEADERS)
    converted = {os.path.realpath(h.sites.path) for h in sites.headers}
    runtime_names = cuda_names.all_names()
    for inc in sites.includes:
        if inc.header in mapped or not inc.resolved or inc.resolved.startswith(_SYSTEM_PREFIXES) \
                or inc.resolved in converted:
            continue
        try:
            text = Path(inc.resolved).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if not runtime_names.isdisjoint(_CUDA_WORD.findall(text)):
            return inc
    return None


def _cuda_names_edit(sites) -> list[Edit]:
    """Includes cutrans_hip_cuda_names.h before the first untranslated header that uses the CUDA runtime."""
    inc = _untranslated_cuda_header(sites)
    if inc is None:
        return []
    text = (f"// cutrans: {inc.header} is not converted; {cuda_names.HIP_HEADER_NAME} spells the CUDA runtime names "
            f"it uses as HIP's\n#include \"{cuda_names.HIP_HEADER_NAME}\"\n")
    return [Edit(inc.span.start, inc.span.start, text, why=f"{inc.header} uses CUDA runtime names")]


def _refuse_layout_dependent_elements(unit: Unit) -> None:
    """`frag.x[i]` that depends on which elements a thread holds: cutrans_hip_wmma.h holds them as the OpenCL
    and CPU lowering does, which is not what the reference emulation holds, so the numbers would differ."""
    diags = [d for d in unit.diagnostics if d.code == LAYOUT_DEPENDENT_CODE]
    if diags:
        raise CutransError(*diags)


def _header_table(files: list, options: dict, arch: str) -> dict:
    """HIP_HEADERS, or MATRIX_CORE_HEADERS when --tensor-core intrinsics asks for matrix cores; those exist on
    CDNA archs only, so a program whose `files` (their sites) include <mma.h> is refused for any other arch."""
    if unsafe.TENSOR_CORE_INTRINSICS not in {r.name for r in unsafe.applied(options, "hip")}:
        return HIP_HEADERS
    if not has_matrix_cores(arch):
        for sites in files:
            for inc in sites.includes:
                if inc.header == "mma.h":
                    raise CutransError(error(
                        "U001", f"--tensor-core intrinsics runs mma_sync on AMD matrix cores, which {arch} does not "
                        f"have (CDNA archs do: {', '.join(MATRIX_CORES)}); translate for one of them "
                        "(--offload-arch) or without --tensor-core intrinsics",
                        sites.path, inc.span.line, inc.span.col))
    return MATRIX_CORE_HEADERS


class HipBackend(CFamilyEmitter):
    name = "hip"

    def translate(self, unit: Unit, options: dict | None = None) -> Output:
        options = options or {}
        syntax = options.get("launch_syntax", "chevron")
        if syntax not in LAUNCH_SYNTAX:
            raise CutransError(error("U001", f"unknown HIP launch syntax {syntax!r} "
                                     f"(choose one of {', '.join(LAUNCH_SYNTAX)})"))
        launch = LAUNCH_SYNTAX[syntax]
        _refuse_layout_dependent_elements(unit)
        headers = converted_headers(unit.sites)
        names = _header_names(unit)
        arch = options.get("offload_arch") or cpu_arch(None)
        header_table = _header_table([unit.sites, *(h.sites for h in headers)], options, arch)
        warp = None
        if options.get("warp_rewrite", True):
            warp = warp_rewrite(unit, wave_width(arch), {h.sites.path: h.sites.source for h in headers},
                                {h.sites.path: h.sites.default_warp_widths for h in headers})
            if any(d.severity >= Severity.ERROR for d in warp.diagnostics):
                raise CutransError(*warp.diagnostics)   # a wrong number is worse than no output
        files, shipped, diags = {}, set(), []
        multi_warp = any(d.code == MULTI_WARP_CODE for d in unit.diagnostics)
        for sites, name, main in [(unit.sites, output_name(unit.path), True)] + \
                [(h.sites, names[h.sites.path], False) for h in headers]:
            warp_edits = (warp.edits if main else warp.header_edits.get(sites.path, [])) if warp else []
            warp_edits = warp_edits + (multi_warp_edits(sites.source) if multi_warp else [])
            text, ship, file_diags = self.convert_file(sites, launch, names, warp_edits, main, header_table,
                                                       bool(options.get("all_branches")))
            files[name] = text
            shipped |= ship
            diags += file_diags
        return Output(files=files, runtime_files=sorted(shipped),
                      diagnostics=(list(unit.sites.diagnostics) if launch else []) + diags +
                      (warp.diagnostics if warp else []))

    def convert_file(self, sites, launch, names: dict[str, str], warp_edits: list[Edit], main: bool,
                     header_table: dict = HIP_HEADERS, all_branches: bool = False) -> tuple[bytes, set[str], list]:
        """One file of the program (the input, or a header converted with it) with its edits; the runtime
        files it needs shipped; the diagnostics of its names. `header_table`: HIP_HEADERS or its
        matrix-core variant. `all_branches` (--all-branches): rewrite the preprocessor branches inactive in
        the configuration parsed too (else each that mentions CUDA APIs gets warning M005)."""
        _refuse_missing_tile_members(sites)
        compat = bool(_COMPAT_USE.search(sites.source) or sites.tile_members)
        include = HIP_RUNTIME + (f'\n#include "{COMPAT_HEADER}"' if compat else "") + \
            (f'\n#include "{ptx.HEADER}"' if sites.ptx else "")
        include_map = {**{h: include for h in CUDA_HEADERS}, **{h: line for h, (line, _) in header_table.items()}}
        edits, diags = host_edits(sites, self.name, launch=launch, include_map=include_map)
        inactive_edits, inactive_diags = inactive_branches(sites, self.name, include_map, all_branches)
        edits += inactive_edits
        diags += inactive_diags
        includes = sites.includes + ([i for b in sites.inactive for i in b.includes] if all_branches else [])
        shipped = {COMPAT_RUNTIME_FILE} if compat else set()
        shipped |= {f for i in includes if i.header in header_table for f in header_table[i.header][1]}
        edits += [e for site in sites.tile_members for e in tile_member_edits(site)]
        edits += [Edit(site.span.start, site.span.end, site.call, why="inline PTX mma.sync") for site in sites.ptx]
        shipped |= {PTX_RUNTIME_FILE} if sites.ptx else set()
        cuda_names_edits = _cuda_names_edit(sites)
        edits += cuda_names_edits + _include_edits(sites, names) + warp_edits
        shipped |= {f"hip/{cuda_names.HIP_HEADER_NAME}"} if cuda_names_edits else set()
        if main and runtime_at_top(sites):
            edits = insert_first(edits, include + "\n", why="nvcc includes cuda_runtime.h implicitly, first")
        elif not main and compat and not any(i.header in CUDA_HEADERS for i in sites.includes):
            edits = insert_first(edits, f'#include "{COMPAT_HEADER}"\n', why="the header uses CUDA's warp intrinsics")
        return apply_edits(sites.source, edits), shipped, diags
