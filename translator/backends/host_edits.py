"""The host-side edits every backend makes to the original file: API renames, includes, launches,
and (for backends that move device code elsewhere) dropping device-only declarations."""

from __future__ import annotations

import dataclasses
from typing import Callable

from translator import mappings
from translator.backends.edits import Edit, apply_edits
from translator.diagnostics import Diagnostic, Severity, error, warning
from translator.frontend import own_overloads
from translator.frontend.sites import DeviceDeclSite, HostSites, LaunchSite, NameSite, Span
from translator.frontend.variable_templates import host_name

LaunchRewriter = Callable[[LaunchSite, bytes], str]
# The CUDA runtime's own headers: each target replaces them with its runtime's header.
CUDA_HEADERS = ("cuda_runtime.h", "cuda_runtime_api.h", "cuda.h", "device_launch_parameters.h", "cuda_profiler_api.h")
MOVED_COMMENT = "/* cutrans: {kind} '{name}' moved to {where} */"
_KIND_WORDS = {"kernel": "kernel", "device_function": "device function", "device_variable": "device variable",
               "constant_variable": "constant", "shared_variable": "shared variable",
               "device_struct": "device-only struct"}
# What a name's flag on a target means: (rename it?, (diagnostic maker, code, message) or None).
_FLAG_ACTIONS = {
    "supported": (True, None),
    "experimental": (True, None),
    "deprecated": (True, (warning, "M002", "'{name}' is deprecated in CUDA{deprecated}; "
                                           "translated to '{new}' for {target}")),
    "removed": (True, (warning, "M002", "'{name}' was removed from CUDA{removed}; "
                                        "translated to '{new}' for {target}")),
    "unsupported": (False, (error, "M001", "'{name}'{library} has no equivalent on the {target} target{why}"
                                           "{elsewhere}")),
}


def _name_diag(spec, record: mappings.Record, target: str, path: str, site) -> Diagnostic:
    make, code, message = spec
    text = message.format(name=record.name, new=record.target_name(target), target=target,
                          library=f" ({record.title})" if record.title else "",
                          elsewhere=mappings.translated_elsewhere(record, target),
                          why=f": {record.hip_note}" if target == "hip" and record.hip_note else "",
                          deprecated=f" {record.cuda_deprecated}" if record.cuda_deprecated else "",
                          removed=f" {record.cuda_removed}" if record.cuda_removed else "")
    return make(code, text, path, site.span.line, site.span.col)


def _note_diag(record: mappings.Record, target: str, path: str, site) -> Diagnostic:
    return warning("M004", f"'{record.name}' -> '{record.target_name(target)}': {record.hip_note}", path,
                   site.span.line, site.span.col)


def host_edits(sites: HostSites, target: str, *, launch: LaunchRewriter | None = None,
               include_map: dict[str, str] | None = None, drop_device_decls: bool = False,
               moved_note: str = "the device code file") -> tuple[list[Edit], list[Diagnostic]]:
    """Edits (never overlapping) and diagnostics that turn the host side of `sites` into `target` code.

    launch: `launch(site, source) -> replacement text` for each kernel launch; None leaves launches
    alone. The callback sees the launch with the API names inside it already renamed.
    include_map: header as written -> replacement text for the whole directive line.
    drop_device_decls: replace each device-only (not __host__ __device__) declaration with a one-line
    comment saying it moved to `moved_note` (e.g. the device file's name), followed by as many
    newlines as the declaration had, so later lines keep their numbers; sites inside it are left out.
    """
    dropped = [d for d in sites.device_decls if drop_device_decls and not d.host_too]
    kept = [n for n in sites.names if not _inside_any(n.span, dropped)]
    renames, diags = _name_edits(sites.path, kept, target)
    if drop_device_decls:
        renames += _symbol_template_edits([t for t in sites.symbol_templates if not _inside_any(t.span, dropped)])
    if target == "hip":             # HIP may declare the same overload (frontend/own_overloads.py)
        renames += [Edit(s.start, s.end, own_overloads.RENAMED_PREFIX + sites.source[s.start:s.end].decode(),
                         why="the program's own overload of a builtin's name") for s in sites.own_overloads]
    launches = [s for s in sites.launches if not _inside_any(s.span, dropped)] if launch else []
    in_launch = [e for e in renames if _inside_any(e, launches)]
    edits = [_drop(d, sites.source, moved_note) for d in dropped]
    edits += [e for e in renames if e not in in_launch]
    edits += [_launch_edit(s, sites.source, in_launch, launch) for s in launches]
    edits += [Edit(i.span.start, i.span.end, include_map[i.header], why=f"include {i.header}")
              for i in sites.includes if i.header in (include_map or {})]
    edits += [_drop_register(k, sites.source) for k in sites.register_keywords if not _inside_any(k, dropped)]
    library_edits, library_diags = _library_includes(sites.path, sites.includes, target)
    return sorted(edits + library_edits), diags + library_diags


def runtime_at_top(sites: HostSites) -> bool:
    """Whether the target's runtime header goes at the top of the file (`sites`), where nvcc includes
    cuda_runtime.h implicitly: when the file includes no CUDA runtime header, or includes a header of its own
    with device code or launches (a converted copy, which may need the runtime too) before it."""
    first_cuda = min((i.span.start for i in sites.includes if i.header in CUDA_HEADERS), default=None)
    first_copy = min((h.include.span.start for h in sites.header_includes()), default=None)
    return first_cuda is None or first_copy is not None and first_copy < first_cuda


def inactive_branches(sites: HostSites, target: str, include_map: dict[str, str],
                      rewrite: bool) -> tuple[list[Edit], list[Diagnostic]]:
    """The inactive preprocessor branches of `sites` that mention CUDA APIs (frontend/inactive.py).

    rewrite (--all-branches): their names and includes are rewritten as active code's are (`include_map` as
    for host_edits, then the tables' headers); a name or header with no equivalent gets active code's
    diagnostic, as a warning that says the branch is inactive. Otherwise nothing is rewritten, and each
    branch gets one warning M005 at the directive that opens it."""
    if not rewrite:
        return [], [_inactive_report(sites.path, branch) for branch in sites.inactive]
    edits, diags = _name_edits(sites.path, [n for b in sites.inactive for n in b.names], target)
    includes = [i for b in sites.inactive for i in b.includes]
    edits += [Edit(i.span.start, i.span.end, include_map[i.header], why=f"include {i.header} (inactive branch)")
              for i in includes if i.header in include_map]
    library_edits, library_diags = _library_includes(sites.path, includes, target)
    return edits + library_edits, [dataclasses.replace(d, severity=min(d.severity, Severity.WARNING),
                                                       message=INACTIVE_NOTE + d.message)
                                   for d in diags + library_diags]


INACTIVE_NOTE = "in a preprocessor branch inactive in the configuration translated (no compiler checks it here): "


def _inactive_report(path: str, branch) -> Diagnostic:
    mentioned = branch.mentions()
    count = len(branch.names) + len(branch.includes)
    shown = ", ".join(mentioned[:4]) + (", ..." if len(mentioned) > 4 else "")
    return warning("M005", f"this preprocessor branch is inactive in the configuration translated and mentions "
                   f"{count} CUDA API name{'s' if count > 1 else ''} ({shown}), left as written; --all-branches "
                   f"rewrites inactive branches too (or convert with the -D options that select this one)",
                   path, branch.span.line, branch.span.col)


def _library_includes(path: str, includes, target: str) -> tuple[list[Edit], list[Diagnostic]]:
    """`#include <cublas_v2.h>` -> the target's header for the library (kind "header" in the tables), or M001."""
    edits, diags = [], []
    for site in includes:
        record = mappings.header(site.header)
        if record is None:
            continue
        if record.flag(target) == "unsupported":
            diags.append(_name_diag(_FLAG_ACTIONS["unsupported"][1], record, target, path, site))
        else:
            edits.append(Edit(site.span.start, site.span.end, _library_include(record, target),
                              why=f"include {site.header}"))
    return edits, diags


def _library_include(record: mappings.Record, target: str) -> str:
    """HIP: the HIP library's header. OpenCL/CPU: the runtime's own header for the library, shipped beside
    the output (so written with quotes)."""
    name = record.target_name(target)
    return f'#include "{name}"' if target in mappings.SHIM_PREFIX else f"#include <{name}>"


def _drop(decl: DeviceDeclSite, source: bytes, where: str) -> Edit:
    lines = source[decl.span.start:decl.span.end].count(b"\n")
    text = MOVED_COMMENT.format(kind=_KIND_WORDS[decl.kind], name=decl.name, where=where) + "\n" * lines
    return Edit(decl.span.start, decl.span.end, text, why=f"drop device declaration {decl.name}")


def _name_edits(path: str, names: list[NameSite], target: str) -> tuple[list[Edit], list[Diagnostic]]:
    edits, diags, noted = [], [], set()
    for site in names:
        record = mappings.lookup(site.name)
        rename, diag = _FLAG_ACTIONS[record.flag(target)]
        if diag is not None:
            diags.append(_name_diag(diag, record, target, path, site))
        if rename and record.hip_note and target == "hip" and record.name not in noted:
            noted.add(record.name)
            diags.append(_note_diag(record, target, path, site))
        new = mappings.spelled(record.target_name(target), site.parts)
        if rename and new != mappings.spelled(site.name, site.parts):
            edits.append(Edit(site.span.start, site.span.end, new, why=f"rename {site.name}"))
    return edits, diags


def _symbol_template_edits(sites: list) -> list[Edit]:
    """`mask<T>` -> `cutrans_symbol_mask<T>::ref()` (translator.frontend.variable_templates)."""
    edits = []
    for site in sites:
        edits.append(Edit(site.span.start, site.span.end, host_name(site.name), why=f"name {site.name}'s instance"))
        edits.append(Edit(site.close, site.close, "::ref()", why=f"name {site.name}'s instance"))
    return edits


def _launch_edit(site: LaunchSite, source: bytes, renames: list[Edit], launch: LaunchRewriter) -> Edit:
    inner = [e for e in renames if site.span.start <= e.start and e.end <= site.span.end]
    shifted_site, shifted_source = _with_renames(site, source, inner)
    return Edit(site.span.start, site.span.end, launch(shifted_site, shifted_source), why=f"launch {site.kernel}")


def _with_renames(site: LaunchSite, source: bytes, inner: list[Edit]) -> tuple[LaunchSite, bytes]:
    """The source with `inner` applied, and `site` with its spans moved to match."""
    if not inner:
        return site, source
    deltas = [(e.end, len(e.text.encode("utf-8", "surrogateescape")) - (e.end - e.start)) for e in inner]

    def move(span: Span) -> Span:
        start = span.start + sum(d for end, d in deltas if end <= span.start)
        return Span(start, span.end + sum(d for end, d in deltas if end <= span.end), span.line, span.col)
    moved = dataclasses.replace(
        site, callee=move(site.callee), config=move(site.config), args=move(site.args), span=move(site.span),
        config_args=tuple(map(move, site.config_args)), arg_list=tuple(map(move, site.arg_list)),
        template_args=site.template_args and move(site.template_args))
    return moved, apply_edits(source, inner)


def _drop_register(keyword, source: bytes) -> Edit:
    """`register int x` -> `int x`: the keyword and the blanks after it."""
    end = keyword.end
    while end < len(source) and source[end:end + 1] in (b" ", b"\t"):
        end += 1
    return Edit(keyword.start, end, "", why="C++17 removed `register`; nvcc ignores it")


def _inside_any(span, outer) -> bool:
    """Is `span` (a Span or an Edit) within the span of any site in `outer`?"""
    return any(o.span.start <= span.start and span.end <= o.span.end for o in outer)
