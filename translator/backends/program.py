"""What the OpenCL and CPU backends share: device code from IR, generated launch glue, and the
original host code edited onto a runtime shim.

Output files for input `<stem>.cu`:
  <stem>.cpp             the host code, edited (launches call the generated launch functions)
  <stem><device_suffix>  the device code emitted from IR (.cl for OpenCL, .kernels.c for CPU)
  <stem>.launch.h        one `cutrans_launch_<kernel>` function per kernel, included by the host code
and the runtime shim's files, copied beside them.
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import jinja2

from translator import __version__
from translator.backends.base import CFamilyEmitter
from translator.backends.edits import apply_edits
from translator.diagnostics import CutransError, Severity
from translator.ir import nodes as N
from translator.ir.builtins import DYNAMIC_SHARED
from translator.ir.types import Pointer
from translator.passes import run_pipeline
from translator.pipeline import Output

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
RUNTIME_SHIMS = Path(__file__).resolve().parents[2] / "runtime_shims"
_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), keep_trailing_newline=True,
                          trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)

HOST_TYPES = CFamilyEmitter()     # plain C++ spellings for the launch functions' parameters


def host_param(p: N.Param) -> str:
    t = dataclasses.replace(p.type, restrict=False) if isinstance(p.type, Pointer) else p.type
    return HOST_TYPES.declare(t, p.name)


def arg_kind(p: N.Param, globals_: set[str]) -> str:
    """How the host passes a kernel parameter: a value, a device pointer, the device buffer of a
    __device__/__constant__ variable, or the dynamic shared memory."""
    if p.name == DYNAMIC_SHARED:
        return "Local"
    if p.name in globals_:
        return "Symbol"
    return "Global" if isinstance(p.type, Pointer) else "Value"


def render(template: str, **context) -> str:
    return _ENV.get_template(template).render(version=__version__, **context)


RUNTIME_SUFFIXES = {".h", ".hpp", ".cpp", ".c", ".inc", ".def"}


def runtime_files(subdir: str) -> list[str]:
    """The shim files a converted program needs: runtime_shims/common and runtime_shims/<subdir>,
    as paths relative to runtime_shims/ (copied flat beside the output)."""
    return sorted(str(p.relative_to(RUNTIME_SHIMS)) for folder in ("common", subdir)
                  for p in (RUNTIME_SHIMS / folder).glob("*") if p.suffix in RUNTIME_SUFFIXES)


class ProgramBackend:
    """Mixin for backends that emit device code from IR and rewrite host code onto a shim."""
    device_suffix = ""
    template_dir = ""
    runtime_dir = ""
    runtime_header = ""

    def translate(self, unit, options: dict | None = None) -> Output:
        errors = [d for d in unit.diagnostics if d.severity == Severity.ERROR]
        if errors:
            raise CutransError(*errors)
        module = run_pipeline(copy.deepcopy(unit.module), self.name)   # passes rewrite in place; a unit serves every target
        stem = Path(unit.path).stem
        device = self.device_source(module, unit)
        files = {
            f"{stem}{self.device_suffix}": device.encode(),
            f"{stem}.launch.h": self.launch_header(module, unit, stem).encode(),
            f"{stem}.cpp": self.host_source(unit, stem),
        }
        return Output(files=files, runtime_files=runtime_files(self.runtime_dir))

    def kernels(self, module: N.Module) -> list[N.Function]:
        return [f for f in module.functions if f.kind == "kernel"]

    def launch_header(self, module: N.Module, unit, stem: str) -> str:
        globals_ = {g.name for g in module.globals}
        kernels = [{"name": k.name,
                    "host_params": [host_param(p) for p in k.params if arg_kind(p, globals_) in ("Global", "Value")],
                    "args": [(arg_kind(p, globals_), p.name) for p in k.params]}
                   for k in self.kernels(module)]
        variables = [{"definition": HOST_TYPES.visit(g), "declaration": HOST_TYPES.declare(g.type, g.name)}
                     for g in module.globals]
        return render(f"{self.template_dir}/launch.h.j2", stem=stem, source_name=Path(unit.path).name,
                      kernels=kernels, variables=variables, build_options=getattr(self, "build_options", ""),
                      device_file=f"{stem}{self.device_suffix}")

    def host_source(self, unit, stem: str) -> bytes:
        from translator.backends.host_edits import host_edits
        include = f'#include "{self.runtime_header}"\n#include "{stem}.launch.h"'
        edits, diags = host_edits(unit.sites, self.name, launch=self.launch_call,
                                  include_map={"cuda_runtime.h": include, "cuda.h": include,
                                               "cuda_runtime_api.h": include},
                                  drop_device_decls=True,
                                  moved_note=f"{stem}{self.device_suffix}")
        errors = [d for d in diags if d.severity == Severity.ERROR]
        if errors:
            raise CutransError(*errors)
        text = apply_edits(unit.source, edits)
        if not any(s.header in ("cuda_runtime.h", "cuda.h", "cuda_runtime_api.h") for s in unit.sites.includes):
            text = (include + "\n").encode() + text     # nvcc includes cuda_runtime.h implicitly
        return text

    @staticmethod
    def launch_call(site, source: bytes) -> str:
        cfg = [s.text(source) for s in site.config_args] + ["0", "0"][len(site.config_args) - 2:]
        args = [s.text(source) for s in site.arg_list]
        return f"cutrans_launch_{site.instance or site.kernel}({', '.join(cfg + args)})"
