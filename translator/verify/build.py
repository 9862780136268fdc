"""Building a translated program for one target with the discovered toolchain.

`build_translation` returns (executable, environment to run it with). HIP output is compile-checked
with hipcc where hipcc is installed, then built for the CPU emulation at the target's wavefront width
(translator/verify/hip_on_cpu.py); how it was checked and run is written to `NOTE_FILE` in the
target's folder (`translation_note` reads it back).
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
from pathlib import Path

from translator.diagnostics import CutransError, error
from translator.backends import hip_arch
from translator.verify import hip_on_cpu, objcache, toolchain

BUILD_TIMEOUT = 300
NOTE_FILE = "cutrans-build-note.txt"


@dataclasses.dataclass(frozen=True)
class Step:
    argv: list
    what: str


def _available(tool, what: str):
    if isinstance(tool, str):
        raise CutransError(error("V005", f"cannot build the {what}: {tool}"))
    return tool


def _run_step(step: Step, cwd: Path, env: dict | None = None) -> None:
    try:
        proc = subprocess.run(step.argv, cwd=cwd, capture_output=True, text=True, timeout=BUILD_TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        raise CutransError(error("V002", f"{step.what} took longer than {BUILD_TIMEOUT} s")) from None
    except OSError as exc:
        raise CutransError(error("V005", f"cannot run {step.argv[0]}: {exc.strerror}")) from None
    if proc.returncode != 0:
        lines = [ln for ln in proc.stderr.splitlines() if "error" in ln][:5] or proc.stderr.splitlines()[-5:]
        raise CutransError(error("V002", f"{step.what} failed:\n" + "\n".join(lines)))


def _user_flags(unit, options) -> list[str]:
    flags = [f"-I{Path(unit.path).resolve().parent}"]
    flags += [f"-I{d}" for d in options.include_dirs] + [f"-D{d}" for d in options.defines]
    return flags + [f"-U{u}" for u in options.undefines]


def _runtime_object(command: list[str], source: str, folder: Path, env: dict | None = None) -> str:
    """The host runtime shim `source` of the build folder compiled with `command`: the object's path, from
    the object cache (translator/verify/objcache.py) where it was compiled before."""
    def compile_into(obj: Path) -> None:
        _run_step(Step([*command, "-c", source, "-o", str(obj)], f"compiling the runtime ({source})"), folder, env)
    return str(objcache.shim_object(command, folder / source, compile_into))


def _opencl_steps(stem: str, flags: list[str], folder: Path) -> tuple[list[Step], dict]:
    cxx = _available(toolchain.find_cxx(), "OpenCL target's host program")
    cl = _available(toolchain.find_opencl(), "OpenCL target")
    runtime = _runtime_object([*cxx.command, "-std=c++17", "-O2", "-I.", *cl.cflags], "oclrt.cpp", folder)
    argv = [*cxx.command, "-std=c++17", "-O2", "-I.", *flags, *cl.cflags, f"{stem}.cpp", runtime,
            "-o", stem, *cl.ldflags]
    return [Step(argv, "compiling the OpenCL host program")], dict(cl.env)


# Flags for the CPU target's kernels (`<stem>.kernels.c`). None of them may change a computed value:
# -O3 keeps IEEE semantics, and the kernels file itself turns FP contraction off (templates/cpu).
# -fno-trapping-math: GCC's manual (Optimize Options) defines it as "Compile code assuming that
# floating-point operations cannot generate user-visible traps. These traps include division by zero,
# overflow, underflow, inexact result and invalid operation." It lets GCC if-convert `if (i < n) c[i] =
# a[i] + b[i]` into masked vector code (otherwise "not vectorized: control flow in loop"); it permits no
# reassociation, contraction or value-changing folding (those are -fassociative-math, -ffp-contract,
# -ffinite-math-only...). Only the FP exception flags could differ, and CUDA device code cannot read them.
CPU_KERNEL_FLAGS = ("-std=gnu11", "-O3", "-march=native", "-fno-trapping-math")


def cpu_kernels_step(stem: str) -> Step:
    """Compiling the CPU target's `<stem>.kernels.c` into `<stem>.kernels.o`, as verify does (the
    benchmarks build their drivers against this object)."""
    cc = _available(toolchain.find_cc(), "CPU target's kernels")
    omp = _available(toolchain.find_openmp(), "CPU target (OpenMP)")
    return Step([*cc.command, *CPU_KERNEL_FLAGS, *omp.flags, "-I.", "-c", f"{stem}.kernels.c", "-o",
                 f"{stem}.kernels.o"], "compiling the CPU kernels")


def _cpu_steps(stem: str, flags: list[str], folder: Path) -> tuple[list[Step], dict]:
    cxx = _available(toolchain.find_cxx(), "CPU target's host program")
    omp = _available(toolchain.find_openmp(), "CPU target (OpenMP)")
    kernels = cpu_kernels_step(stem)
    runtime = _runtime_object([*cxx.command, "-std=c++17", "-O2", "-I.", *omp.flags], "cpurt.cpp", folder)
    host = Step([*cxx.command, "-std=c++17", "-O2", "-I.", *flags, *omp.flags, f"{stem}.cpp", runtime,
                 f"{stem}.kernels.o", "-o", stem, "-lm"], "compiling the CPU host program")
    return [kernels, host], {}


def _hip_compile_check(stem: str, flags: list[str], folder: Path) -> str:
    """Compile the HIP output with hipcc when it is installed; returns what the note says about it."""
    hip = toolchain.find_hipcc()
    if isinstance(hip, str):
        return f"hipcc compile check skipped: {hip}"
    step = Step([*hip.command, *hip.flags, *flags, "-c", f"{stem}.hip", "-o", f"{stem}.o"],
                f"compiling the HIP output with hipcc ({hip.offload_arch})")
    _run_step(step, folder, {**os.environ, **dict(hip.env)})
    return f"compiled with hipcc ({hip.offload_arch})"


def _build_hip(unit, folder: Path, options) -> tuple[Path, dict]:
    stem = Path(unit.path).stem
    hipcc = toolchain.find_hipcc()
    arch = hip_arch.cpu_arch(None if isinstance(hipcc, str) else hipcc.offload_arch)
    width = hip_arch.wave_width(arch)
    check = _hip_compile_check(stem, _user_flags(unit, options), folder)
    hip_on_cpu.build_on_cpu(folder / f"{stem}.hip", folder / stem, arch,
                            include_dirs=(Path(unit.path).resolve().parent, *options.include_dirs),
                            defines=options.defines, undefines=options.undefines, workdir=folder / "cuemu",
                            source_dir=Path(unit.path).resolve().parent, fmad=options.fmad)
    (folder / NOTE_FILE).write_text(hip_on_cpu.note(width, arch, check) + "\n", encoding="utf-8")
    return folder / stem, dict(os.environ)


def translation_note(folder: Path) -> str | None:
    """The note `build_translation` left about how the target was built and run (HIP), if any."""
    try:
        return (Path(folder) / NOTE_FILE).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


STEPS = {"opencl": _opencl_steps, "cpu": _cpu_steps}


def build_translation(target: str, unit, folder: Path, options, translate_options: dict | None = None,
                      backend=None):
    """Translate `unit` for `target` (with `backend`, an object with translate(unit, options), standing in
    for the target's own backend when given), write the output into `folder` and build it."""
    from translator.driver import backend_for, write_output
    output = (backend or backend_for(target)).translate(unit, translate_options or {})
    write_output(output, folder, inputs=set())
    if target == "hip":
        return _build_hip(unit, folder, options)
    stem = Path(unit.path).stem
    steps, env = STEPS[target](stem, _user_flags(unit, options), folder)
    run_env = {**os.environ, **env}
    for step in steps:
        _run_step(step, folder, run_env)
    return folder / stem, run_env


def build_target(target: str, unit, folder: Path, options, source: Path | None = None,
                 translate_options: dict | None = None, backend=None):
    """build_translation for the translator's targets; for `cuda`, the unmodified `source` (default: the
    unit's file) built with nvcc where an NVIDIA GPU exists (translator.verify.cuda_reference)."""
    if target == "cuda":
        from translator.verify import cuda_reference
        return cuda_reference.build_target(Path(source or unit.path), folder, options)
    return build_translation(target, unit, folder, options, translate_options, backend)
