"""Collect the host-side edit sites of one parsed file: includes, CUDA API names, launches, device decls.

Everything is located by byte offsets in the main file. CUDA API names come from the raw token stream
(so names inside macro definitions and macro arguments are found too, each exactly once); launches come
from the cursors, with a token fallback for a launch written inside a macro argument (where libclang
gives zero-length extents). A launch whose `<<<` lives in a macro definition cannot be edited in place:
it is reported as an M003 diagnostic on HostSites.diagnostics.
"""

from __future__ import annotations

import dataclasses
import os
import re

import clang.cindex as ci

from translator import mappings
from translator.diagnostics import CutransError, error
from translator.frontend.sites import (DeviceDeclSite, GenericKernel, HeaderCopy, HostSites, IncludeSite,
                                      LaunchSite, NameSite, PtxSite, Span, TileMemberSite)
from translator.frontend.host_templates import dependent_kernel, generic_instances, generic_name, tag_parameters
from translator.frontend.local_headers import includes_cuda, local_header
from translator.frontend import (arch_conditionals, cooperative_groups, inactive, library_names, logical_warps,
                                 own_overloads, ptx, skipped, tu_index, variable_templates)
from translator.frontend.templates import launch_instance_name, presumed

K = ci.CursorKind
_SCOPES = {K.NAMESPACE, K.LINKAGE_SPEC, K.UNEXPOSED_DECL}
_DECL_KINDS = {K.FUNCTION_DECL, K.FUNCTION_TEMPLATE, K.VAR_DECL, K.STRUCT_DECL, K.CLASS_DECL, K.CLASS_TEMPLATE}
_RECORD_KINDS = {K.STRUCT_DECL, K.CLASS_DECL, K.CLASS_TEMPLATE}
_VAR_KIND = {K.CUDACONSTANT_ATTR: "constant_variable", K.CUDASHARED_ATTR: "shared_variable",
             K.CUDADEVICE_ATTR: "device_variable"}
_CONFIG_CALLEE = "__cudaPushCallConfiguration"
_OPEN, _CLOSE = {"(": ")", "[": "]", "{": "}"}, {")", "]", "}"}


class _File:
    """The main file's bytes, tokens and helpers to build Spans."""

    def __init__(self, tu, path: str, source: bytes, name: str | None = None, generic: dict | None = None):
        self.path, self.source = path, source
        self.main = name or tu.spelling   # the file name as libclang reports it in locations
        self.line_starts = [0] + [i + 1 for i, b in enumerate(source) if b == 0x0A]
        f = tu.get_file(self.main)
        rng = ci.SourceRange.from_locations(ci.SourceLocation.from_offset(tu, f, 0),
                                            ci.SourceLocation.from_offset(tu, f, len(source)))
        self.tokens = [(t.spelling, t.kind, t.extent.start.offset, t.extent.end.offset)
                       for t in tu.get_tokens(extent=rng)]
        self.top = tu_index.top_level(tu, self.main)
        self.generic: dict[str, GenericKernel] = {} if generic is None else generic

    def generic_launch(self, callee) -> tuple[str | None, int | None]:
        """For a launch whose kernel's template arguments are dependent: (glue name, offset where
        its written template arguments start, or None when they are deduced); (None, None) otherwise."""
        tmpl = dependent_kernel(callee)
        if tmpl is None:
            return None, None
        name = generic_name(tmpl)
        if name not in self.generic:
            params, why = tag_parameters(tmpl)
            self.generic[name] = GenericKernel(name, params, why, *presumed(tmpl.location))
        ref = next(c for c in callee.walk_preorder() if c.kind == K.OVERLOADED_DECL_REF)
        i = self.token_index(ref.extent.end.offset)
        has_args = i < len(self.tokens) and self.tokens[i][0] == "<" and self.tokens[i][2] < callee.extent.end.offset
        return name, self.tokens[i][2] if has_args else None

    def span(self, start: int, end: int) -> Span:
        line = _bisect(self.line_starts, start)
        col = len(self.source[self.line_starts[line - 1]:start].decode("utf-8", "replace")) + 1
        return Span(start, end, line, col)

    def token_index(self, offset: int) -> int:
        """Index of the first token that starts at or after `offset`."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid][2] < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo


def _bisect(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _in_file(cursor, path: str) -> bool:
    f = cursor.location.file
    return f is not None and f.name == path


def collect_host_sites(tu, path: str, source: bytes) -> HostSites:
    """All host-side edit sites of the main file `path` of `tu` (whose bytes are `source`)."""
    fl = _File(tu, path, source)
    sites = _file_sites(fl, tu, _Headers(os.path.realpath(path)))
    sites.generic_kernels = fl.generic
    sites.generic_instances = generic_instances(tu)
    return sites


def _file_sites(fl: _File, tu, seen: "_Headers") -> HostSites:
    sites = HostSites(path=fl.path, source=fl.source)
    sites.includes = _includes(fl)
    branches = skipped.branches(fl.source, fl.tokens, skipped.skipped_ranges(tu, fl.main))
    sites.names = _names(fl, sites.includes, tu, branches)
    sites.inactive = inactive.collect(fl, tu, branches)
    sites.device_decls = _device_decls(fl.top, None, fl)
    sites.launches, sites.diagnostics = _launches(fl)
    sites.diagnostics += arch_conditionals.warnings(fl)
    sites.headers = _header_copies(fl, tu, sites, seen)
    sites.tile_members = _tile_members(fl, tu)
    sites.ptx = _ptx_sites(fl, tu)
    sites.default_warp_widths = logical_warps.default_width_sites(fl, tu)
    sites.register_keywords = _register_keywords(fl, branches)
    sites.own_overloads = own_overloads.rename_sites(fl, tu)
    sites.symbol_templates = variable_templates.reference_sites(fl, tu, variable_templates.device_templates(tu))
    sites.diagnostics += [d for h in sites.headers for d in h.sites.diagnostics]
    return sites


def _register_keywords(fl: _File, branches: list[tuple[int, int]]) -> list[Span]:
    """The `register` storage-class keywords of the file's active code. C++17 removed the keyword; nvcc still
    accepts it (and ignores it), clang and hipcc refuse it, so every target's output drops it."""
    return [fl.span(start, end) for spelling, kind, start, end in fl.tokens
            if spelling == "register" and kind == ci.TokenKind.KEYWORD
            and not any(a <= start < b for a, b in branches)]


def _tile_members(fl: _File, tu) -> list[TileMemberSite]:
    """The calls `t.m(...)` in file `fl` of cooperative-groups tile members that HIP 5 lacks, where `t` is a
    tile variable whose parent group is known; any other such call is left to the HIP backend's refusal."""
    out = []
    for c in tu_index.preorder(tu, fl.main):
        if c.kind != K.CALL_EXPR:
            continue
        if c.spelling in cooperative_groups.HIP5_MISSING_TILE_MEMBERS and cooperative_groups.is_group_call(c):
            obj, member, parent_width = cooperative_groups.member_object(c), c.spelling, \
                cooperative_groups.tile_parent_width
        else:                       # in a template, a member call of a tile whose size is a template parameter
            obj, member, parent_width = cooperative_groups.dependent_member_object(c), None, \
                cooperative_groups.dependent_tile_parent_width
            if obj is None:
                continue
        start, end = obj.extent.start.offset, obj.extent.end.offset
        m = _MEMBER_CALL.match(fl.source, end)
        member = member or (m.group(1).decode() if m else "")
        if not _in_file(obj, fl.main) or m is None or m.group(1).decode() != member or \
                member not in cooperative_groups.HIP5_MISSING_TILE_MEMBERS or \
                not _IDENTIFIER.fullmatch(fl.source[start:end]):       # a variable, as written here
            continue
        parent = parent_width(obj)
        if parent is None:
            continue
        out.append(TileMemberSite(member, fl.span(start, end), m.end() - 1, fl.span(start, c.extent.end.offset),
                                  parent))
    return out


def _ptx_sites(fl: _File, tu) -> list[PtxSite]:
    """The inline-PTX statements of file `fl` that frontend/ptx.py recognizes; any other asm is left as written
    (host assembly, or PTX that the OpenCL and CPU targets refuse with L009)."""
    out = []
    for c in tu_index.preorder(tu, fl.main):
        if c.kind != K.ASM_STMT or not _in_file(c, fl.main):
            continue
        try:
            mma = ptx.recognize(c, fl.path, fl.source)
        except CutransError:
            continue
        out.append(PtxSite(fl.span(c.extent.start.offset, c.extent.end.offset), mma.call_text()))
    return out


_MEMBER_CALL = re.compile(rb"\s*\.\s*(\w+)\s*\(")
_IDENTIFIER = re.compile(rb"[A-Za-z_]\w*")


class _Headers:
    """The program's own headers met so far: real path -> its HeaderCopy, or None where it needs none; and
    those being read (one that includes one of them again forms a cycle, whose directive is left alone)."""

    def __init__(self, main: str):
        self.copies: dict[str, HeaderCopy | None] = {}
        self.reading = {main}


def _header_copies(fl: _File, tu, sites: HostSites, seen: _Headers) -> list[HeaderCopy]:
    """The local headers (local_headers.local_header) that `fl` includes first and that hold device-only
    declarations or launches, include a CUDA header (local_headers.includes_cuda), or include such a header,
    each with its own sites. A directive that includes
    one of them again is a HeaderCopy of sites.repeated_headers: it includes the copy too."""
    directives = [c for c in fl.top if c.kind == K.INCLUSION_DIRECTIVE]
    out = []
    for cur, inc in zip(directives, sites.includes):
        real = local_header(cur, inc.angled)
        if real is None or real in seen.reading:
            continue
        if real in seen.copies:
            if seen.copies[real] is not None:
                sites.repeated_headers.append(dataclasses.replace(seen.copies[real], include=inc))
            continue
        seen.reading.add(real)
        with open(real, "rb") as f:
            header = _File(tu, real, f.read(), name=cur.get_included_file().name, generic=fl.generic)
        inner = _file_sites(header, tu, seen)
        seen.reading.discard(real)
        seen.copies[real] = None
        if any(not d.host_too for d in inner.device_decls) or inner.launches or inner.header_includes() \
                or includes_cuda(inner.includes):
            name = os.path.basename(real)
            stem, dot, suffix = name.rpartition(".")
            seen.copies[real] = HeaderCopy(inc, f"{stem}.host.{suffix}" if dot else f"{name}.host", inner)
            out.append(seen.copies[real])
    return out


# ---------------------------------------------------------------- includes

def _includes(fl: _File) -> list[IncludeSite]:
    out = []
    for cur in fl.top:
        if cur.kind != K.INCLUSION_DIRECTIVE:
            continue
        start = cur.extent.start.offset
        start = fl.source.rfind(b"#", fl.line_starts[cur.extent.start.line - 1], start + 1)
        end = fl.source.find(b"\n", start)
        end = len(fl.source) if end < 0 else end
        end -= fl.source[end - 1:end] == b"\r"
        text = fl.source[start:end].decode("utf-8", "replace")
        included = cur.get_included_file()
        resolved = os.path.realpath(included.name) if included is not None else ""
        out.append(IncludeSite(cur.spelling, "<" in text.split(cur.spelling)[0], fl.span(start, end), resolved))
    return out


# ---------------------------------------------------------------- API names

def _names(fl: _File, includes: list[IncludeSite], tu, branches: list[tuple[int, int]]) -> list[NameSite]:
    """The table names of the file's active code; `branches`: the inactive ones (skipped.branches)."""
    known = mappings.names()
    skip = [(i.span.start, i.span.end) for i in includes] + branches
    out: list[NameSite] = []
    for i, (spelling, kind, start, _) in enumerate(fl.tokens):
        if kind != ci.TokenKind.IDENTIFIER or spelling not in known:
            continue
        if any(a <= start < b for a, b in skip):
            continue                   # an include's header name, or code the preprocessor skipped (#if 0)
        site = _name_site(fl, tu, i)
        if site is None:
            continue
        while out and out[-1].span.start >= site.span.start:
            out.pop()                  # `cub` of `cub::DeviceReduce`: the qualified name's site covers it
        out.append(site)
    return out


def _name_site(fl: _File, tu, i: int) -> NameSite | None:
    """The site of the table name that identifier token i is, if any: a C++ library's qualified name
    (frontend/library_names.py), else a name as the tables spell it."""
    spelling, _, start, end = fl.tokens[i]
    qualified = tuple(r for r in mappings.ending_with(spelling) if r.name != spelling)
    found = library_names.match(fl.tokens, i, qualified, tu, fl.main) if qualified else None
    if found is not None:
        record, first, parts = found
        return NameSite(record.name, record.kind, fl.span(fl.tokens[first][2], end), parts)
    record = mappings.lookup(spelling)
    if record is None or record.title and _names_own_declaration(tu, fl, start):
        return None
    return NameSite(spelling, record.kind, fl.span(start, end))


def _names_own_declaration(tu, fl: _File, offset: int) -> bool:
    """Does the token at `offset` name a declaration of the program's own (a variable `curand`, a macro
    `skipahead`) rather than the library's? Library names are short words more often than runtime names.
    The library's declarations are in system headers (the stand-ins, or a toolkit's); the program's are not."""
    cursor = ci.Cursor.from_location(tu, ci.SourceLocation.from_offset(tu, tu.get_file(fl.main), offset))
    if cursor is None or cursor.kind.is_declaration() and cursor.location.offset == offset:
        return cursor is not None
    ref = cursor.referenced
    return ref is not None and ref.location.file is not None and not ref.location.is_in_system_header


# ---------------------------------------------------------------- device-only declarations

def _device_decls(cursors, scope, fl: _File) -> list[DeviceDeclSite]:
    out: list[DeviceDeclSite] = []
    for cur in cursors:
        if not _in_file(cur, fl.main):
            continue
        if variable_templates.is_template(cur):
            site = _variable_template_site(cur, fl)
            if site is not None:
                _append_merged(out, site)
        elif cur.kind in _SCOPES:
            out += _device_decls(cur.get_children(), cur, fl)
        elif cur.kind in _DECL_KINDS:
            site = _decl_site(cur, scope, fl)
            if site is not None:
                _append_merged(out, site)
    return out


def _variable_template_site(cur, fl: _File) -> DeviceDeclSite | None:
    """A variable template in device memory (variable_templates.device_templates); None for any other."""
    kind = variable_templates.device_templates(cur.translation_unit).get(cur.spelling)
    if kind is None:
        return None
    i = fl.token_index(cur.extent.end.offset)
    end = fl.tokens[i][3] if i < len(fl.tokens) and fl.tokens[i][0] == ";" else cur.extent.end.offset
    return DeviceDeclSite(cur.spelling, kind, fl.span(cur.extent.start.offset, end))


def _device_only_struct(cur) -> bool:
    """A struct (or class template) with no data whose methods are all __device__ only (frontend/stateless.py):
    host code cannot call any of it, and a host compiler cannot compile its bodies."""
    members = list(cur.get_children())
    methods = [m for m in members if m.kind in (K.CXX_METHOD, K.CONVERSION_FUNCTION)]   # cuda-samples' SharedMemory<T>
    if not methods or any(m.kind == K.FIELD_DECL for m in members):
        return False
    return all(K.CUDADEVICE_ATTR in (attrs := {c.kind for c in m.get_children() if c.kind.is_attribute()}) and
               K.CUDAHOST_ATTR not in attrs for m in methods)


def _decl_kind(cur) -> tuple[str, bool] | None:
    if cur.kind in _RECORD_KINDS:
        return ("device_struct", False) if cur.is_definition() and _device_only_struct(cur) else None
    attrs = {c.kind for c in cur.get_children() if c.kind.is_attribute()}
    if cur.kind == K.VAR_DECL:
        kinds = [v for k, v in _VAR_KIND.items() if k in attrs]
        return (kinds[0], False) if kinds else None
    if K.CUDAGLOBAL_ATTR in attrs:
        return "kernel", False
    if K.CUDADEVICE_ATTR in attrs:
        return "device_function", K.CUDAHOST_ATTR in attrs
    return None


def _decl_site(cur, scope, fl: _File) -> DeviceDeclSite | None:
    kind = _decl_kind(cur)
    if kind is None:
        return None
    start, end = cur.extent.start.offset, cur.extent.end.offset
    if scope is not None and scope.kind == K.LINKAGE_SPEC and b"{" not in fl.source[scope.extent.start.offset:start]:
        start = scope.extent.start.offset          # `extern "C" __global__ void k() {}`: take it whole
    i = fl.token_index(end)
    if i < len(fl.tokens) and fl.tokens[i][0] == ";" and fl.source[end:fl.tokens[i][2]].strip() == b"":
        end = fl.tokens[i][3]
    return DeviceDeclSite(cur.spelling, kind[0], fl.span(start, end), host_too=kind[1])


def _append_merged(out: list[DeviceDeclSite], site: DeviceDeclSite) -> None:
    """`__device__ int a, b;` gives two cursors over one declaration: keep one site for both."""
    if out and site.span.start < out[-1].span.end:
        prev = out.pop()
        span = Span(prev.span.start, max(prev.span.end, site.span.end), prev.span.line, prev.span.col)
        site = DeviceDeclSite(f"{prev.name}, {site.name}", prev.kind, span, prev.host_too)
    out.append(site)


# ---------------------------------------------------------------- launches

def _launch_cursors(fl: _File):
    for top in fl.top:
        for cur in top.walk_preorder():
            if cur.kind == K.CALL_EXPR and cur.spelling != _CONFIG_CALLEE:
                kids = list(cur.get_children())
                if len(kids) > 1 and kids[1].kind == K.CALL_EXPR and kids[1].spelling == _CONFIG_CALLEE:
                    yield cur, kids


def _kernel_name(callee) -> str:
    ref = callee.referenced
    if ref is not None and ref.spelling:
        return ref.spelling
    return next((c.spelling for c in callee.walk_preorder() if c.spelling), callee.spelling)


def _launches(fl: _File):
    macros = [c for c in fl.top if c.kind == K.MACRO_INSTANTIATION]
    launches, diags, pending = [], [], {}
    for cur, kids in _launch_cursors(fl):
        config = kids[1]
        text = fl.source[config.extent.start.offset:config.extent.end.offset]
        if text.startswith(b"<<<") and text.endswith(b">>>"):
            launches.append(_launch_from_cursors(cur, kids, fl))
            continue
        macro = next((m for m in macros if m.extent.start.offset == cur.extent.start.offset), None)
        pending.setdefault(macro.extent.start.offset if macro else -1, (macro, []))[1].append((cur, kids))
    for macro, group in pending.values():
        found, diag = _launches_in_macro(macro, group, fl)
        launches += found
        diags += diag
    launches.sort(key=lambda s: s.span.start)
    return launches, diags


def _launch_from_cursors(cur, kids, fl: _File) -> LaunchSite:
    def sp(c):
        return fl.span(c.extent.start.offset, c.extent.end.offset)

    def written(c, lo: int, hi: int) -> bool:     # defaulted arguments have no extent in the launch
        return _in_file(c, fl.main) and lo <= c.extent.start.offset < c.extent.end.offset <= hi
    config = kids[1]
    lo, hi = config.extent.start.offset, config.extent.end.offset
    cfg_args = [c for c in list(config.get_children())[1:] if written(c, lo, hi)]
    args = [c for c in kids[2:] if written(c, hi, cur.extent.end.offset)]
    open_paren = fl.source.index(b"(", config.extent.end.offset)
    generic, targs = fl.generic_launch(kids[0])
    return LaunchSite(kernel=_kernel_name(kids[0]), callee=sp(kids[0]), config=sp(config),
                      config_args=tuple(sp(c) for c in cfg_args),
                      args=fl.span(open_paren, cur.extent.end.offset),
                      arg_list=tuple(sp(c) for c in args), span=sp(cur),
                      instance=launch_instance_name(kids[0]), generic=generic,
                      template_args=None if targs is None else fl.span(targs, kids[0].extent.end.offset),
                      conversions=tuple(_converted_to(c) for c in args))


_IMPLICIT = (K.UNEXPOSED_EXPR, K.CALL_EXPR)


def _converted_to(arg) -> str | None:
    """The struct type that a kernel argument is converted to by its parameter (`k<<<g, b>>>(3)` for a
    parameter `Div d` with a constructor Div(int), or a braced list), as the host spells it; None when the
    argument is of that type already or is no struct. Implicit conversions appear as constructor calls
    (CALL_EXPR) under unexposed nodes; a copy's operand has the same record type."""
    target = arg.type.get_canonical()
    if target.kind != ci.TypeKind.RECORD:
        return None
    if arg.kind == K.INIT_LIST_EXPR:
        return target.spelling
    e = arg
    while e.kind in _IMPLICIT:
        kids = list(e.get_children())
        if len(kids) != 1:
            return None
        inner = kids[0].type.get_canonical()
        if inner.kind != ci.TypeKind.RECORD or inner.get_declaration() != target.get_declaration():
            return target.spelling
        e = kids[0]
    return None


def _launches_in_macro(macro, group, fl: _File):
    """Launches inside one macro invocation: locate them by tokens when written in its arguments."""
    if macro is not None:
        lo, hi = fl.token_index(macro.extent.start.offset), fl.token_index(macro.extent.end.offset)
        chevrons = [i for i in range(lo, hi) if fl.tokens[i][0] == "<<<"]
        if len(chevrons) == len(group):
            sites = [_launch_from_tokens(i, kids, fl) for i, (_, kids) in zip(chevrons, group)]
            if all(sites):
                return sites, []
    where = fl.span(group[0][0].extent.start.offset, group[0][0].extent.start.offset)
    how = f"is written through macro '{macro.spelling}'" if macro is not None else "has no source location"
    diags = [error("M003", f"the launch of kernel '{_kernel_name(kids[0])}' {how}; its pieces cannot be "
                   "located in the source, so it cannot be rewritten (expand the macro by hand)",
                   fl.path, where.line, where.col) for _, kids in group]
    return [], diags


def _launch_from_tokens(chevron: int, kids, fl: _File) -> LaunchSite | None:
    tok = fl.tokens
    callee_start = _callee_start(chevron, fl)
    close_cfg = _matching(chevron, "<<<", ">>>", fl)
    if callee_start is None or close_cfg is None or close_cfg + 1 >= len(tok) or tok[close_cfg + 1][0] != "(":
        return None
    close_args = _matching(close_cfg + 1, "(", ")", fl)
    if close_args is None:
        return None
    cfg_args = _split(chevron + 1, close_cfg, fl)
    args = _split(close_cfg + 2, close_args, fl)
    n_cfg = len(list(kids[1].get_children())) - 1     # includes the defaulted shared-memory/stream
    if not 2 <= len(cfg_args) <= n_cfg or len(args) != len(kids) - 2:
        return None
    generic, _ = fl.generic_launch(kids[0])
    angle = next((j for j in range(callee_start, chevron) if tok[j][0] == "<"), None)
    return LaunchSite(kernel=_kernel_name(kids[0]), callee=fl.span(tok[callee_start][2], tok[chevron - 1][3]),
                      config=fl.span(tok[chevron][2], tok[close_cfg][3]), config_args=tuple(cfg_args),
                      args=fl.span(tok[close_cfg + 1][2], tok[close_args][3]), arg_list=tuple(args),
                      span=fl.span(tok[callee_start][2], tok[close_args][3]),
                      instance=launch_instance_name(kids[0]), generic=generic,
                      template_args=fl.span(tok[angle][2], tok[chevron - 1][3]) if generic and angle else None)


def _callee_start(chevron: int, fl: _File) -> int | None:
    """Walk back from `<<<` over `ns::name<targs>`; return the index of the callee's first token."""
    i, depth = chevron - 1, 0
    while i >= 0:
        spelling, kind = fl.tokens[i][0], fl.tokens[i][1]
        depth += {">": 1, ">>": 2, "<": -1}.get(spelling, 0)
        is_name = kind == ci.TokenKind.IDENTIFIER
        if depth < 0 or (depth == 0 and not (is_name or spelling in ("::", "<"))):
            return None
        if depth == 0 and is_name and (i == 0 or fl.tokens[i - 1][0] != "::"):
            return i
        i -= 1
    return None


def _matching(i: int, open_: str, close: str, fl: _File) -> int | None:
    depth = 0
    for j in range(i, len(fl.tokens)):
        s = fl.tokens[j][0]
        depth += (s == open_) - (s == close)
        if depth == 0:
            return j
    return None


def _split(lo: int, hi: int, fl: _File) -> list[Span]:
    """Spans of the comma-separated pieces of tokens[lo:hi], splitting only outside brackets."""
    pieces, depth, first = [], 0, lo
    for j in range(lo, hi + 1):
        s = fl.tokens[j][0] if j < hi else ","
        if s in _OPEN:
            depth += 1
        elif s in _CLOSE:
            depth -= 1
        elif s == "," and depth == 0:
            if j > first:
                pieces.append(fl.span(fl.tokens[first][2], fl.tokens[j - 1][3]))
            first = j + 1
    return pieces
