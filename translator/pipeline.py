"""One input file through the translator: parse, lower, run passes, hand to a backend."""

from __future__ import annotations

import dataclasses
from typing import Any

from translator.diagnostics import Diagnostic
from translator.frontend.sites import HostSites


@dataclasses.dataclass
class Unit:
    """Everything known about one parsed input file."""
    path: str
    source: bytes
    sites: HostSites
    module: Any                      # translator.ir.nodes.Module: the device code
    diagnostics: list[Diagnostic] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Output:
    """What a backend produces for one input: files relative to the output folder."""
    files: dict[str, bytes] = dataclasses.field(default_factory=dict)
    runtime_files: list[str] = dataclasses.field(default_factory=list)  # paths under runtime_shims/ to copy
    diagnostics: list[Diagnostic] = dataclasses.field(default_factory=list)
    unsafe: tuple[str, ...] = ()      # opt-in unsafe rewrites applied (translator.unsafe): verify widens bounds
