"""What the OpenCL and CPU backends share: device code from IR, generated launch glue, and the
original host code edited onto a runtime shim.

Output files for input `<stem>.cu`:
  <stem>.cpp             the host code, edited (launches call the generated launch functions)
  <stem><device_suffix>  the device code emitted from IR (.cl for OpenCL, .kernels.c for CPU)
  <stem>.launch.h        one `cutrans_launch_<kernel>` function per kernel, included by the host code
                         (and one overloaded `cutrans_dispatch_<template>` per kernel template that host
                         templates launch with dependent template arguments)
  <header>.host.h        for each local header with device code that the input includes: a copy of it,
                         edited like the host code, which the host code includes instead
and the runtime shim's files, copied beside them.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from pathlib import Path

import jinja2

from translator import __version__
from translator.backends.base import CFamilyEmitter
from translator.backends.edits import Edit, apply_edits
from translator import unsafe
from translator.diagnostics import CutransError, Severity, error
from translator.ir import nodes as N
from translator.frontend.variable_templates import host_name
from translator.ir.base import walk
from translator.ir.builtins import DYNAMIC_SHARED
from translator.ir.types import BF16, BFLOAT162, HALF2, Pointer, Scalar, Struct, field_offsets, innermost, size_align, used_structs
from translator.passes import run_pipeline
from translator.passes.half_params import by_value, half_name
from translator.pipeline import Output

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
RUNTIME_SHIMS = Path(__file__).resolve().parents[2] / "runtime_shims"
_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), keep_trailing_newline=True,
                          trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)

HOST_TYPES = CFamilyEmitter()     # plain C++ spellings for the launch functions' parameters
# runtime_shims/common/cutrans_fp16.h and cutrans_bf16.h
HOST_TYPES.type_map = {**HOST_TYPES.type_map, "f16": "__half", "bf16": "__nv_bfloat16"}


class _Mirrors(CFamilyEmitter):
    """C spellings in which each user struct is `cutrans_host_<name>`: the launch header's copies
    of the device structs, for declaring the CPU kernels (the host's own struct is not declared
    yet where the launch header is included)."""

    type_map = {**HOST_TYPES.type_map, "bf16": "unsigned short"}     # the device's bfloat16 is its bits
    restrict_keyword = "__restrict__"       # C++: a field `void *__restrict__ x_ptr` (HeCBench hadamard)

    def struct_name(self, s: Struct) -> str:
        return s.name if s.vector else f"cutrans_host_{s.name}"


MIRRORS = _Mirrors()
F16 = Scalar("f16")


def _holds_half(t) -> bool:
    return innermost(t) in (F16, HALF2)


# a half type as the host program spells a parameter (`const half2 *__restrict`): its launch function needs
# cutrans_fp16.h even where the device code holds the halves in other types (passes/half_as_float.py)
_HOST_HALF = re.compile(r"\b(?:__)?half2?\b")


def _holds_bf16(t) -> bool:
    return innermost(t) in (BF16, BFLOAT162)


def where(node) -> tuple:
    loc = node.loc
    return (loc.path, loc.line, loc.col) if loc else ("<ir>", 0, 0)


def host_param(p: N.Param, emitter: CFamilyEmitter = HOST_TYPES) -> str:
    t = dataclasses.replace(p.type, restrict=False) if isinstance(p.type, Pointer) else p.type
    return emitter.declare(t, p.name)


def _user_struct(t) -> Struct | None:
    """The user struct a kernel parameter is or points to (CUDA vectors are not user structs)."""
    t = innermost(t)
    return t if isinstance(t, Struct) and not t.vector else None


def struct_param(p: N.Param, index: int) -> dict:
    """The launch glue for a kernel parameter of (pointer to) user struct type. The launch function
    is a template over the host's struct, which is defined only after the launch header is
    included; it checks that struct's layout against the device's at compile time. The offsets of a
    struct with private fields, which offsetof may not name there, rest on the frontend's check of them
    against clang's layout (frontend/records.py); its size and alignment are still checked."""
    s = _user_struct(p.type)
    tparam = f"cutrans_T{index}"
    size, align = size_align(s)
    checks = [f"sizeof({tparam}) == {size}", f"alignof({tparam}) == {align}"]
    if not s.private_fields:
        checks += [f"offsetof({tparam}, {f}) == {o}" for (f, _), o in zip(s.fields, field_offsets(s))]
    pointer = isinstance(p.type, Pointer)
    return {"template": tparam, "host": f"{tparam}{'*' if pointer else ''} {p.name}",
            "assert": f'static_assert({" && ".join(checks)}, "struct {s.name}: host and device layouts differ");',
            "value": (f"({MIRRORS.type_name(dataclasses.replace(p.type, restrict=False))}){p.name}" if pointer
                      else f"cutrans_struct_bits<{MIRRORS.struct_name(s)}>({p.name})")}


def _converted(text: str, to: str | None) -> str:
    """A launch argument as the host passes it to the glue: converted to `to`, the struct its parameter
    converts it to (Div(int), a braced list), since the glue takes each struct as it is passed (a template:
    the struct is defined after the glue is included)."""
    if to is None:
        return text
    return f"{to}{text}" if text.startswith("{") else f"{to}({text})"


def enum_param(p: N.Param, index: int) -> dict:
    """A kernel parameter of enum type (the frontend's host type `enum <name>`): the IR has its
    underlying integer type; the launch function is a template over the host's enum, which is not
    declared yet where the launch header is included, and checks its size."""
    tparam, size = f"cutrans_T{index}", size_align(p.type)[0]
    return {"template": tparam, "host": f"{tparam} {p.name}",
            "assert": f'static_assert(sizeof({tparam}) == {size}, "{p.host_type}: host and device sizes differ");',
            "value": f"({HOST_TYPES.type_name(p.type)}){p.name}"}


def plain_param(p: N.Param) -> dict:
    """A scalar or pointer parameter. The launch function takes it as the host program spells it
    (`char*`, `size_t*`: the same sizes as the device's `signed char*`, `unsigned long long*` but
    other C++ types) and hands a pointer on with the device-side type."""
    if p.type in (F16, HALF2):            # passes/half_params.py runs first in every pipeline with launch glue
        raise CutransError(error("L003", f"kernel parameter '{p.name}' is a half type passed by value, which "
                                         f"the launch glue does not pass", *where(p)))
    if innermost(p.type) == BF16:         # the CPU kernel takes a bfloat16 as its bits (MIRRORS)
        pointer = isinstance(p.type, Pointer)
        value = (f"({MIRRORS.type_name(dataclasses.replace(p.type, restrict=False))}){p.name}" if pointer
                 else f"__bfloat16_as_ushort({p.name})")
        host = host_declaration(p) if p.host_type else host_param(p)
        return {"template": None, "host": host, "assert": None, "value": value}
    half = by_value(p)
    if half is not None:                  # a __half (__half2) by value the kernel takes as a float (float2): exact
        value, local = f"{half.convert}({p.name})", f"cutrans_float_{half_name(p)}"
        return {"template": None, "host": f"{half.host} {p.name}", "assert": None, "value": value,
                "arg": local, "local": f"const {HOST_TYPES.type_name(half.carrier)} {local} = {value};"}
    if not p.host_type:
        return {"template": None, "host": host_param(p), "assert": None, "value": p.name}
    value = f"({host_param(N.Param('', p.type))}){p.name}" if isinstance(p.type, Pointer) else p.name
    return {"template": None, "host": host_declaration(p), "assert": None, "value": value}


def host_declaration(p: N.Param) -> str:
    """Parameter p declared with the host program's spelling of its type: the name goes inside the
    declarator of a pointer to an array (`const __half (*m)[8]`), after the type otherwise."""
    if "(*)" in p.host_type:
        return p.host_type.replace("(*)", f"(*{p.name})", 1)
    return f"{p.host_type} {p.name}"


_COMMENTS_AND_STRINGS = re.compile(rb'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"', re.S)


def kernel_handles(kernels, source: bytes) -> list[str]:
    """The kernels the host code passes as an argument (`cudaFuncSetAttribute(k, ...)`, `f(&k)`) rather than
    launches: the launch header declares a handle under each one's name, since the kernel itself moved to
    the device code. A kernel template's instance is not named that way and gets none."""
    code = _COMMENTS_AND_STRINGS.sub(b" ", source)
    return [{"name": launch_name(k), "device_name": k.name} for k in kernels
            if re.search(rb"[(,]\s*&?\s*" + re.escape(launch_name(k).encode()) + rb"\s*[,)]", code)]


def launch_name(k: N.Function) -> str:
    """The name the host code launches kernel `k` by: its CUDA name, where the target renamed the kernel."""
    return k.host_name or k.name


def vector_definition(s: Struct) -> dict:
    """A host definition of CUDA vector type `s` (with CUDA's alignment) and its make_ function."""
    elem = HOST_TYPES.type_word(s.fields[0][1])
    names = [f for f, _ in s.fields]
    return {"name": s.name, "align": size_align(s)[1], "elem": elem, "fields": ", ".join(names),
            "params": ", ".join(f"{elem} {f}" for f in names)}


def symbol_templates(module: N.Module) -> list[dict]:
    """Per variable template with instances in device memory, its parameters and each instance's host
    arguments and variable (templates/symbol_templates.h.j2)."""
    out: dict[str, dict] = {}
    for g in module.globals:
        if g.host is not None:
            t = out.setdefault(g.host.template, {"name": g.host.template, "host": host_name(g.host.template),
                                                 "parameters": g.host.parameters, "instances": []})
            t["instances"].append({"arguments": g.host.arguments, "variable": g.name})
    return list(out.values())


def arg_kind(p: N.Param, globals_: set[str]) -> str:
    """How the host passes a kernel parameter: a value, a device pointer, the device buffer of a
    __device__/__constant__ variable, or the dynamic shared memory."""
    if p.name == DYNAMIC_SHARED:
        return "Local"
    if p.name in globals_:
        return "Symbol"
    return "Global" if isinstance(p.type, Pointer) else "Value"


def generic_dispatch(sites, kernels: list[dict]) -> list[dict]:
    """The dispatch glue for launches inside host templates (LaunchSite.generic): per kernel template,
    its tag's parameter list and, per instance in the module, the tag's arguments and the instance's
    launch data. Refuses a kernel template whose parameters the tag cannot declare."""
    used = sorted({s.generic for s in sites.all_launches() if s.generic})
    by_name = {k["name"]: k for k in kernels}
    out = []
    for name in used:
        kernel = sites.generic_kernels[name]
        if kernel.parameters is None:
            raise CutransError(error("L001", f"a host template launches kernel template '{name}' with dependent "
                                     f"template arguments, which cannot be dispatched: {kernel.why_not}",
                                     kernel.path, kernel.line, kernel.col))
        instances = sites.generic_instances.get(name, {})
        out.append({"name": name, "parameters": kernel.parameters,
                    "instances": [{"tag": tag, "kernel": by_name[inst]} for inst, tag in instances.items()
                                  if inst in by_name and tag is not None]})
    return out


def render(template: str, **context) -> str:
    return _ENV.get_template(template).render(version=__version__, **context)


RUNTIME_SUFFIXES = {".h", ".hpp", ".cpp", ".c", ".inc", ".def"}


def runtime_files(subdir: str) -> list[str]:
    """The shim files a converted program needs: runtime_shims/common and runtime_shims/<subdir>,
    as paths relative to runtime_shims/ (copied flat beside the output)."""
    return sorted(str(p.relative_to(RUNTIME_SHIMS)) for folder in ("common", subdir)
                  for p in (RUNTIME_SHIMS / folder).glob("*") if p.suffix in RUNTIME_SUFFIXES)


# <cuda_fp16.h> on the host side: the shim's __half (runtime_shims/common/cutrans_fp16.h)
HOST_FP16 = '#include "cutrans_fp16.h"'
HOST_BF16 = '#include "cutrans_bf16.h"'        # and <cuda_bf16.h>'s __nv_bfloat16 (runtime_shims/common/cutrans_bf16.h)


class ProgramBackend:
    """Mixin for backends that emit device code from IR and rewrite host code onto a shim."""
    device_suffix = ""
    template_dir = ""
    runtime_dir = ""
    runtime_header = ""
    unsafe: tuple = ()                 # the opt-in rewrites this translation applies (set by translate)

    def applies(self, rewrite: str) -> bool:
        """Whether the translation in progress applies the unsafe rewrite named `rewrite`."""
        return any(r.name == rewrite for r in self.unsafe)

    def translate(self, unit, options: dict | None = None) -> Output:
        errors = [d for d in unit.diagnostics if d.severity == Severity.ERROR]
        if errors:
            raise CutransError(*errors)
        self.unsafe = unsafe.applied(options, self.name)                # opt-in rewrites the emitters consult
        module = run_pipeline(copy.deepcopy(unit.module), self.name)   # passes rewrite in place; a unit serves every target
        stem = Path(unit.path).stem
        device = self.device_source(module, unit)
        files = {
            f"{stem}{self.device_suffix}": device.encode("utf-8", "surrogateescape"),
            f"{stem}.launch.h": self.launch_header(module, unit, stem).encode("utf-8", "surrogateescape"),
            f"{stem}.cpp": self.host_source(unit, stem),
            **self.header_copies(unit.sites),
        }
        return Output(files=files, runtime_files=runtime_files(self.runtime_dir),
                      unsafe=tuple(r.name for r in self.unsafe))

    def kernels(self, module: N.Module) -> list[N.Function]:
        return [f for f in module.functions if f.kind == "kernel"]

    def launch_header(self, module: N.Module, unit, stem: str) -> str:
        globals_ = {g.name for g in module.globals}
        kernels = [self.launch_kernel(k, globals_) for k in self.kernels(module)]
        # a variable of a struct type is declared with the struct's mirror: the program's own struct is
        # defined after this header (`__constant__ kdata k[N]` filled by cudaMemcpyToSymbol, HeCBench fhd)
        spell = {g.name: MIRRORS if used_structs([g]) else HOST_TYPES for g in module.globals}
        variables = [{"definition": spell[g.name].visit(g), "declaration": spell[g.name].declare(g.type, g.name)}
                     for g in module.globals]
        structs = used_structs(p for k in self.kernels(module) for p in k.params)
        # the host may use them too; its __half2 is cutrans_fp16.h's
        vectors = [s for s in used_structs(walk(module)) if s.vector and s not in (HALF2, BFLOAT162)]
        return render(f"{self.template_dir}/launch.h.j2", stem=stem, source_name=Path(unit.path).name,
                      kernels=kernels, kernel_handles=kernel_handles(self.kernels(module), unit.sites.source),
                      variables=variables, build_options=getattr(self, "build_options", ""),
                      line_map=getattr(self, "line_map", []),
                      symbol_templates=symbol_templates(module),
                      generic=generic_dispatch(unit.sites, kernels),
                      device_file=f"{stem}{self.device_suffix}",
                      vectors=[vector_definition(s) for s in vectors],
                      uses_half=any(_holds_half(p.type) or by_value(p) or _HOST_HALF.search(p.host_type or "")
                                    for k in self.kernels(module) for p in k.params),
                      uses_bf16=any(_holds_bf16(p.type) for k in self.kernels(module) for p in k.params),
                      mirrors=[MIRRORS.struct_definition(s, None) for s in structs if not s.vector],
                      global_mirrors=[MIRRORS.struct_definition(s, None) for s in used_structs(module.globals)
                                      if not s.vector])

    def launch_kernel(self, k: N.Function, globals_: set[str]) -> dict:
        """What the launch header needs to know of kernel `k`; parameters that the host passes come
        as dicts (template parameter, host declaration, layout check, value for the CPU kernel)."""
        passed = [p for p in k.params if arg_kind(p, globals_) in ("Global", "Value")]
        params = [struct_param(p, i) if _user_struct(p.type) else
                  enum_param(p, i) if (p.host_type or "").startswith("enum ") else plain_param(p)
                  for i, p in enumerate(passed)]
        values = {p.name: glue["value"] for p, glue in zip(passed, params)}
        arguments = {p.name: glue.get("arg", p.name) for p, glue in zip(passed, params)}
        for p, glue in zip(passed, params):
            glue["name"] = p.name
        return {"name": launch_name(k), "device_name": k.name, "params": params, "templates": [p["template"] for p in params if p["template"]],
                "kernel_params": [host_param(p, MIRRORS) for p in passed],
                "call_args": [values.get(p.name, p.name) for p in k.params if arg_kind(p, globals_) != "Local"],
                "args": [arg for p in k.params
                         for arg in self.kernel_args(p, arg_kind(p, globals_), arguments.get(p.name, p.name))],
                "locals": [glue["local"] for glue in params if glue.get("local")]}

    def kernel_args(self, p: N.Param, kind: str, name: str) -> list[tuple[str, str]]:
        """The (kind, host expression) runtime arguments that kernel parameter p becomes: one, named `name`."""
        return [(kind, name)]

    def host_source(self, unit, stem: str) -> bytes:
        """The input's host code. Its launch glue (<stem>.launch.h) comes with the runtime header, in place of
        the CUDA runtime's, or at the top of the file (host_edits.runtime_at_top): before any header copy,
        whose host code may launch kernels too."""
        from translator.backends.host_edits import runtime_at_top
        runtime = self.runtime_include(stem)
        text = self.edited_host_file(unit.sites, runtime, f"{stem}{self.device_suffix}")
        return (runtime + "\n").encode() + text if runtime_at_top(unit.sites) else text

    def runtime_include(self, stem: str) -> str:
        return f'#include "{self.runtime_header}"\n#include "{stem}.launch.h"'

    def edited_host_file(self, sites, runtime: str, moved_note: str) -> bytes:
        """One file of host code (the input or a header copy) with its edits: `runtime` replaces the CUDA
        runtime's headers, device declarations leave a note that they moved to `moved_note`, and the
        directives that include local headers holding device code include their copies instead."""
        from translator.backends.host_edits import CUDA_HEADERS, host_edits
        from translator.frontend import cooperative_groups, wmma
        edits, diags = host_edits(sites, self.name, launch=self.launch_call,
                                  include_map={**{header: runtime for header in CUDA_HEADERS},
                                               **cooperative_groups.HOST_INCLUDES, **wmma.HOST_INCLUDES,
                                               "cuda_fp16.h": HOST_FP16, "cuda_bf16.h": HOST_BF16},
                                  drop_device_decls=True, moved_note=moved_note)
        errors = [d for d in diags if d.severity == Severity.ERROR]
        if errors:
            raise CutransError(*errors)
        edits += [Edit(h.include.span.start, h.include.span.end, f'#include "{h.output_name}"',
                       why=f"include the host copy of {h.include.header}") for h in sites.header_includes()]
        return apply_edits(sites.source, edits)

    def header_copies(self, sites) -> dict[str, bytes]:
        """The host copies of the local headers with device code that `sites`' file includes (and of those
        they include). A copy is the same whichever source includes it: the including source's launch glue
        is included before it (host_source)."""
        files = {}
        for h in sites.headers:
            files[h.output_name] = self.edited_host_file(
                h.sites, f'#include "{self.runtime_header}"',
                f"the {self.device_suffix} file of each source that includes this header")
            files.update(self.header_copies(h.sites))
        return files

    @staticmethod
    def launch_call(site, source: bytes) -> str:
        cfg = [s.text(source) for s in site.config_args] + ["0", "0"][len(site.config_args) - 2:]
        args = [_converted(s.text(source), to)
                for s, to in zip(site.arg_list, site.conversions or (None,) * len(site.arg_list))]
        if site.generic:           # in a host template: the C++ compiler picks the instance (generic_dispatch)
            tag = (f"(const cutrans_kernel_{site.generic}{site.template_args.text(source)}*)nullptr"
                   if site.template_args else "nullptr")
            return f"cutrans_dispatch_{site.generic}({', '.join([tag] + cfg + args)})"
        return f"cutrans_launch_{site.instance or site.kernel}({', '.join(cfg + args)})"
