"""Loading inputs and converting them: the layer between the command line and the pipeline."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from translator.diagnostics import CutransError, Diagnostic, Severity, error
from translator.frontend.clang_setup import CompileOptions, parse
from translator.pipeline import Output, Unit

TARGETS = ("hip", "opencl", "cpu")
SHIMS = Path(__file__).resolve().parents[1] / "runtime_shims"


def backend_for(target: str):
    """A fresh backend object for `target` (backends keep per-file state)."""
    from translator.backends.cpu import CPUBackend
    from translator.backends.hip import HipBackend
    from translator.backends.opencl import OpenCLBackend
    table = {"hip": HipBackend, "opencl": OpenCLBackend, "cpu": CPUBackend}
    if target not in table:
        raise CutransError(error("U001", f"unknown target '{target}' (choose from {', '.join(TARGETS)})"))
    return table[target]()


def load_unit(path: str, options: CompileOptions | None = None) -> Unit:
    """Parse `path` and lower its device code. Lowering problems become the unit's diagnostics,
    so a backend that needs no IR (HIP) still converts the file."""
    from translator.frontend.host_sites import collect_host_sites
    from translator.frontend.lower import lower_module
    options = options or CompileOptions()
    tu, source, warnings = parse(path, options)
    sites = collect_host_sites(tu, path, source)
    module, lowering = lower_module(tu, path, options)       # the options it was parsed with
    if options.fmad:
        from translator.passes.contract_fma import contract_fma
        module = contract_fma(module)
    if not module.functions and not sites.launches and not lowering:
        warnings.append(Diagnostic(Severity.WARNING, "P003", "no CUDA kernels found in this file", path, 1, 1))
    return Unit(path, source, sites, module, warnings + list(getattr(sites, "diagnostics", [])) + lowering)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_output(output: Output, outdir: Path, inputs: set[Path]) -> list[Path]:
    """Write a backend's files and the runtime files it needs; never overwrite an input."""
    written = []
    files = dict(output.files)
    for rel in output.runtime_files:
        files.setdefault(Path(rel).name, (SHIMS / rel).read_bytes())
    for name, data in sorted(files.items()):
        dest = (outdir / name).resolve()
        if dest in inputs:
            raise CutransError(error("B002", f"refusing to overwrite the input file '{dest}'", str(dest)))
        if dest.exists() and dest.read_bytes() == data:
            written.append(dest)
            continue
        try:
            write_atomic(dest, data)
        except OSError as exc:
            raise CutransError(error("B002", f"cannot write '{dest}': {exc.strerror}", str(dest))) from None
        written.append(dest)
    return written


def convert_unit(unit: Unit, target: str, backend_options: dict | None = None) -> tuple[Output, list[Diagnostic]]:
    """Translate a loaded file; returns the output and every diagnostic (warnings included)."""
    output = backend_for(target).translate(unit, backend_options or {})
    warnings = [d for d in unit.diagnostics if d.severity < Severity.ERROR]
    return output, warnings + output.diagnostics


def backup_path(path: str) -> Path:
    """Where --in-place keeps the original; refuses to overwrite an earlier backup."""
    source = Path(path)
    backup = source.with_name(source.name + ".orig")
    if backup.exists():
        raise CutransError(error("U001", f"'{backup}' exists already: a backup of an earlier in-place run is "
                                 f"never overwritten; move it away first", str(source)))
    return backup


def write_in_place(output: Output, path: str) -> Path:
    """Replace the input with its (single-file) translation, keeping the original as <input>.orig."""
    source = Path(path)
    backup = backup_path(path)
    if len(output.files) != 1 or output.runtime_files:
        extra = sorted(set(output.files) - {next(iter(output.files))}) + sorted(output.runtime_files)
        raise CutransError(error("U001", f"--in-place replaces the input alone, but its translation needs other "
                                 f"files too ({', '.join(extra)}): convert with -o DIR", str(source)))
    data = next(iter(output.files.values()))
    try:
        write_atomic(backup, source.read_bytes())
        write_atomic(source, data)
    except OSError as exc:
        raise CutransError(error("B002", f"cannot write '{source}': {exc.strerror}", str(source))) from None
    return backup

