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


@dataclasses.dataclass(frozen=True)
class NameSite:
    """A reference to a CUDA API name in host code: a function, type, enum constant or macro."""
    name: str
    kind: str            # function | type | constant | macro
    span: Span           # just the identifier


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


@dataclasses.dataclass(frozen=True)
class DeviceDeclSite:
    """A device-only declaration in the host file (a kernel, a __device__ function or variable)."""
    name: str
    kind: str            # kernel | device_function | device_variable | constant_variable | shared_variable
    span: Span           # the whole declaration, attributes and trailing ';' included
    host_too: bool = False   # __host__ __device__: stays in host code as well


@dataclasses.dataclass
class HostSites:
    path: str
    source: bytes
    includes: list[IncludeSite] = dataclasses.field(default_factory=list)
    names: list[NameSite] = dataclasses.field(default_factory=list)
    launches: list[LaunchSite] = dataclasses.field(default_factory=list)
    device_decls: list[DeviceDeclSite] = dataclasses.field(default_factory=list)
    diagnostics: list = dataclasses.field(default_factory=list)   # Diagnostic: e.g. M003 for a launch in a macro
