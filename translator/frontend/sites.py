"""Host-side edit sites: places in the original file that a backend rewrites.

All offsets are byte offsets into the main file's bytes, end-exclusive.
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Span:
    start: int
    end: int
    line: int = 0
    col: int = 0

    def text(self, source: bytes) -> str:
        return source[self.start:self.end].decode("utf-8")


@dataclasses.dataclass(frozen=True)
class IncludeSite:
    header: str          # as written between the quotes or brackets
    angled: bool
    span: Span           # the whole directive, from '#' to the end of the line (newline excluded)
    resolved: str = ""   # the file the directive included (real path), "" when clang found none


@dataclasses.dataclass(frozen=True)
class NameSite:
    """A reference to a CUDA API name in host code: a function, type, enum constant, macro or namespace."""
    name: str            # the table's name (`cub::DeviceReduce` for a C++ library's)
    kind: str            # function | type | constant | macro | namespace
    span: Span           # the identifier, or the qualified name as written (`cub::DeviceReduce`)
    parts: int = 1       # how many of the name's `::` parts the span covers


@dataclasses.dataclass(frozen=True)
class InactiveBranch:
    """A branch of a conditional that the preprocessor skipped (frontend/inactive.py), which mentions CUDA API
    names or includes CUDA headers: code no compiler sees in the configuration translated."""
    span: Span                           # from the '#' of the directive that opens it to the next one of its #if
    names: tuple[NameSite, ...]          # the table names written in it, as active code's NameSites
    includes: tuple[IncludeSite, ...]    # its #include directives of CUDA headers (resolved: "")

    def mentions(self) -> list[str]:
        """The CUDA names and headers it mentions, in order, each once."""
        return list(dict.fromkeys([n.name for n in self.names] + [i.header for i in self.includes]))


@dataclasses.dataclass(frozen=True)
class LaunchSite:
    kernel: str          # the kernel's name as the IR knows it (monomorphized name for templates)
    callee: Span         # the callee expression before '<<<'
    config: Span         # from '<<<' to '>>>' inclusive
    config_args: tuple[Span, ...]   # grid, block[, shared bytes[, stream]]
    args: Span           # from '(' to ')' inclusive
    arg_list: tuple[Span, ...]
    span: Span           # the whole launch expression
    instance: str | None = None     # for a template kernel: the IR name of the launched instance
    # A launch inside a host template whose kernel's template arguments depend on the host template's
    # parameters: the kernel template's dispatch glue name (see GenericKernel), and the template
    # arguments as written after the callee's name (`<T, N>`; None when they are deduced).
    generic: str | None = None
    template_args: Span | None = None
    # Per argument: the struct type the kernel's parameter converts it to (a constructor from an int, a braced
    # list), which the launch glue, a template that takes each struct as it is passed, must be given
    # explicitly; None for an argument that already has its parameter's type. Empty when not known.
    conversions: tuple[str | None, ...] = ()


@dataclasses.dataclass(frozen=True)
class TileMemberSite:
    """`tile.member(args)` in device code, for a cooperative-groups member some HIP releases lack (their
    twins in runtime_shims/hip/cutrans_hip_compat.h take the tile as their first argument)."""
    member: str          # ballot | any | all | meta_group_rank | meta_group_size
    object: Span         # the tile variable before the '.'
    paren: int           # offset of the '(' after the member's name
    call: Span           # the whole call, to its ')'
    parent: int          # threads in the group the tile was cut from: a tile's width, 0 for the thread block


@dataclasses.dataclass(frozen=True)
class WarpWidthSite:
    """A CUB warp collective whose template arguments stop before its logical warp width (logical_warps.py)."""
    offset: int          # of the `>` that closes its template arguments
    text: str            # what goes before that `>`: `, 32`, with the defaults between where there are any
    scope: tuple | None  # (first line, last line) of the function it is written in; None at file scope


@dataclasses.dataclass(frozen=True)
class SymbolTemplateSite:
    """A name of an instance of a device-memory variable template (`mask<T>`) in the file."""
    name: str            # the variable template's name
    span: Span           # just the identifier
    close: int           # offset just past the `>` that closes its template arguments


@dataclasses.dataclass
class GenericKernel:
    """A kernel template that host templates launch with dependent template arguments."""
    name: str                  # the glue name: the kernel's instances are named `<name>_<arguments>`
    parameters: str | None     # its template parameter list as the launch header declares it, or None
    why_not: str = ""          # why there is no parameter list (a parameter the glue cannot declare)
    path: str = ""
    line: int = 0
    col: int = 0


@dataclasses.dataclass(frozen=True)
class DeviceDeclSite:
    """A device-only declaration in the host file (a kernel, a __device__ function or variable)."""
    name: str
    kind: str            # kernel | device_function | device_variable | constant_variable | shared_variable
                         # | device_struct (no data, __device__ methods only)
    span: Span           # the whole declaration, attributes and trailing ';' included
    host_too: bool = False   # __host__ __device__: stays in host code as well


@dataclasses.dataclass(frozen=True)
class PtxSite:
    """An inline-PTX statement in device code that cutrans translates (frontend/ptx.py): the HIP backend
    writes `call` (a function of runtime_shims/include/cutrans_ptx_mma.h) in place of `span`."""
    span: Span           # `asm volatile(...)`, without the ';'
    call: str


@dataclasses.dataclass
class HeaderCopy:
    """A local header, included by the file, that holds device code: the host code includes an edited
    copy of it (device declarations dropped, API names and launches rewritten like the file's own)."""
    include: IncludeSite       # the directive in the including file, rewritten to include the copy
    output_name: str           # the copy's file name, beside the host code
    sites: "HostSites"         # the header's own sites


@dataclasses.dataclass
class HostSites:
    path: str
    source: bytes
    includes: list[IncludeSite] = dataclasses.field(default_factory=list)
    names: list[NameSite] = dataclasses.field(default_factory=list)
    launches: list[LaunchSite] = dataclasses.field(default_factory=list)
    device_decls: list[DeviceDeclSite] = dataclasses.field(default_factory=list)
    diagnostics: list = dataclasses.field(default_factory=list)   # Diagnostic: e.g. M003 for a launch in a macro
    generic_kernels: dict = dataclasses.field(default_factory=dict)   # glue name -> GenericKernel
    # glue name -> {kernel instance name: its tag's template arguments (None: not expressible)}; filled
    # by lowering, which finds the instances (translator.frontend.templates.generic_instances)
    generic_instances: dict = dataclasses.field(default_factory=dict)
    headers: list = dataclasses.field(default_factory=list)      # HeaderCopy, for local headers with device code
    # HeaderCopy for each directive that includes one of those again (its copy is first included elsewhere)
    repeated_headers: list = dataclasses.field(default_factory=list)
    tile_members: list = dataclasses.field(default_factory=list)  # TileMemberSite
    ptx: list = dataclasses.field(default_factory=list)  # PtxSite
    # WarpWidthSite: CUB warp collectives that leave their logical warp width to the default (logical_warps.py)
    default_warp_widths: list = dataclasses.field(default_factory=list)
    register_keywords: list = dataclasses.field(default_factory=list)  # Span of each active `register`
    own_overloads: list = dataclasses.field(default_factory=list)  # Span: the program's atomicMin(float *...)
    symbol_templates: list = dataclasses.field(default_factory=list)  # SymbolTemplateSite
    inactive: list = dataclasses.field(default_factory=list)  # InactiveBranch: skipped code that mentions CUDA APIs

    def header_includes(self) -> list:
        """A HeaderCopy for every directive of this file that includes a header with a host copy."""
        return sorted(self.headers + self.repeated_headers, key=lambda h: h.include.span.start)

    def all_launches(self) -> list:
        """The launches of this file and of the header copies it includes."""
        return self.launches + [s for h in self.headers for s in h.sites.all_launches()]
