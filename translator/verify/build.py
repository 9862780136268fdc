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
from translator.verify.reference import first_duplicate

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


def _user_flags(units, options) -> list[str]:
    folders = dict.fromkeys(Path(u.path).resolve().parent for u in units)
    flags = [f"-I{d}" for d in folders]
    flags += [f"-I{d}" for d in options.include_dirs] + [f"-D{d}" for d in options.defines]
    return flags + [f"-U{u}" for u in options.undefines]


def _runtime_object(command: list[str], source: str, folder: Path, env: dict | None = None) -> str:
    """The host runtime shim `source` of the build folder compiled with `command`: the object's path, from
    the object cache (translator/verify/objcache.py) where it was compiled before."""
    def compile_into(obj: Path) -> None:
        _run_step(Step([*command, "-c", source, "-o", str(obj)], f"compiling the runtime ({source})"), folder, env)
    return str(objcache.shim_object(command, folder / source, compile_into))


def _opencl_steps(stems: list[str], flags: list[str], folder: Path) -> tuple[list[Step], dict]:
    cxx = _available(toolchain.find_cxx(), "OpenCL target's host program")
    cl = _available(toolchain.find_opencl(), "OpenCL target")
    runtime = _runtime_object([*cxx.command, "-std=c++17", "-O2", "-I.", *cl.cflags], "oclrt.cpp", folder)
    argv = [*cxx.command, "-std=c++17", "-O2", "-I.", *flags, *toolchain.host_openmp_flags(folder), *cl.cflags,
            *(f"{s}.cpp" for s in stems), runtime, "-o", stems[0], *cl.ldflags]
    return [Step(argv, "compiling the OpenCL host program")], dict(cl.env)


# Flags for the CPU target's kernels (`<stem>.kernels.c`). None of them may change a computed value:
# -O3 keeps IEEE semantics, and the kernels file itself turns FP contraction off (templates/cpu).
# -fno-trapping-math: GCC's manual (Optimize Options) defines it as "Compile code assuming that
# floating-point operations cannot generate user-visible traps. These traps include division by zero,
# overflow, underflow, inexact result and invalid operation." It lets GCC if-convert `if (i < n) c[i] =
# a[i] + b[i]` into masked vector code (otherwise "not vectorized: control flow in loop"); it permits no
# reassociation, contraction or value-changing folding (those are -fassociative-math, -ffp-contract,
# -ffinite-math-only...). Only the FP exception flags could differ, and CUDA device code cannot read them.
# -fno-strict-aliasing: CUDA programs read memory through pointers to other types (a float4 loaded into a
# `__half a[8]` and read as __half2, HeCBench vadd), which C's aliasing rule makes undefined: GCC 12 at -O3
# reordered such reads before the writes they depend on. The emulated reference is built with it too.
# (It also lets a store through any pointer change a variable the OpenMP threads share, which kept GCC from
# vectorizing loops that read one; so the block loop gives each thread its own copies, templates/cpu/kernel.c.j2.)
CPU_KERNEL_FLAGS = ("-std=gnu11", "-O3", "-march=native", "-fno-trapping-math", "-fno-strict-aliasing")


def cpu_kernels_step(stem: str) -> Step:
    """Compiling the CPU target's `<stem>.kernels.c` into `<stem>.kernels.o`, as verify does (the
    benchmarks build their drivers against this object)."""
    cc = _available(toolchain.find_cc(), "CPU target's kernels")
    omp = _available(toolchain.find_openmp(), "CPU target (OpenMP)")
    return Step([*cc.command, *CPU_KERNEL_FLAGS, *omp.flags, "-I.", "-c", f"{stem}.kernels.c", "-o",
                 f"{stem}.kernels.o"], "compiling the CPU kernels")


def _cpu_steps(stems: list[str], flags: list[str], folder: Path) -> tuple[list[Step], dict]:
    cxx = _available(toolchain.find_cxx(), "CPU target's host program")
    omp = _available(toolchain.find_openmp(), "CPU target (OpenMP)")
    kernels = [cpu_kernels_step(s) for s in stems]
    runtime = _runtime_object([*cxx.command, "-std=c++17", "-O2", "-I.", *omp.flags], "cpurt.cpp", folder)
    # the program's own host code is compiled as nvcc's host compiler (and the reference) compile it: without
    # OpenMP, which would define _OPENMP (HeCBench headers then declare host fallbacks such as their own
    # float2) and turn on its host `#pragma omp`s; only the kernels and the runtime use OpenMP. A program that
    # includes <omp.h> is built with it, as its own build is (toolchain.host_openmp_flags)
    host_omp = toolchain.host_openmp_flags(folder)
    hosts = [Step([*cxx.command, "-std=c++17", "-O2", "-I.", *flags, *host_omp, "-c", f"{s}.cpp", "-o",
                   f"{s}.host.o"], "compiling the CPU host program") for s in stems]
    link = Step([*cxx.command, *(f"{s}.host.o" for s in stems), runtime, *(f"{s}.kernels.o" for s in stems),
                 *omp.flags, "-o", stems[0], "-lm"], "linking the CPU host program")
    return [*kernels, *hosts, link], {}


_HEADER_SUFFIXES = (".h", ".hpp", ".cuh", ".hh", ".inc")


def _hip_compile_check(names: list[str], flags: list[str], folder: Path) -> str:
    """Compile the HIP output (file `names` in `folder`) with hipcc when it is installed; returns what the
    note says about it."""
    hip = toolchain.find_hipcc()
    if isinstance(hip, str):
        return f"hipcc compile check skipped: {hip}"
    # the HIP files and the header copies they include (a program's kernels.h may be what includes hipCUB)
    written = [folder / n for n in names] + sorted(p for p in folder.rglob("*") if p.suffix in _HEADER_SUFFIXES)
    missing = [m for path in written for m in toolchain.missing_hip_libraries(path.read_text(errors="replace"))]
    if missing:
        return f"hipcc compile check skipped: not installed here: {', '.join(sorted(set(missing)))}"
    env = toolchain.scratch_env({**os.environ, **dict(hip.env)}, folder)
    flags = [*flags, *toolchain.hip_host_flags(folder)]
    for name in names:
        step = Step([*hip.command, *hip.flags, *flags, "-c", name, "-o", f"{name}.o"],
                    f"compiling the HIP output {name} with hipcc ({hip.offload_arch})")
        # the object is not used: a check that passed for the same preprocessed text is not run again
        objcache.passed_check([*hip.command, *hip.flags, *flags], [folder / name], folder,
                              lambda: _run_step(step, folder, env), env)
    return f"compiled with hipcc ({hip.offload_arch})"


def _build_hip(units, names: list[str], folder: Path, options) -> tuple[Path, dict]:
    """`names`: the HIP file written for each of `units` (`<stem>.hip`; a host-only `.cpp` keeps its name)."""
    hipcc = toolchain.find_hipcc()
    arch = hip_arch.cpu_arch(None if isinstance(hipcc, str) else hipcc.offload_arch)
    width = hip_arch.wave_width(arch)
    # the C++ standard the frontend parsed with (hip-clang's own default is older: std::is_same_v would fail)
    check = _hip_compile_check(names, [f"-std={options.std}", *_user_flags(units, options)], folder)
    main = Path(units[0].path).resolve().parent
    hip_on_cpu.build_on_cpu(folder / names[0], folder / Path(units[0].path).stem, arch,
                            include_dirs=(main, *options.include_dirs),
                            defines=options.defines, undefines=options.undefines, workdir=folder / "cuemu",
                            source_dir=main, fmad=options.fmad, also=[folder / n for n in names[1:]])
    (folder / NOTE_FILE).write_text(hip_on_cpu.note(width, arch, check) + "\n", encoding="utf-8")
    return folder / Path(units[0].path).stem, dict(os.environ)


def translation_note(folder: Path) -> str | None:
    """The note `build_translation` left about how the target was built and run (HIP), if any."""
    try:
        return (Path(folder) / NOTE_FILE).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


STEPS = {"opencl": _opencl_steps, "cpu": _cpu_steps}


def _translated_name(target: str, unit, output) -> str:
    """The file the translation of `unit` is built from: HIP writes one file per input (`<stem>.hip`, or
    the input's own name for host code); OpenCL and CPU write `<stem>.cpp` beside their kernels."""
    if target != "hip":
        return Path(unit.path).stem
    return next(iter(output.files))


def build_translation(target: str, units, folder: Path, options, translate_options: dict | None = None,
                      backend=None):
    """Translate `units` (the loaded source files of one program; the first names the executable) for
    `target` (with `backend`, an object with translate(unit, options), standing in for the target's own
    backend when given), write the output into `folder` and build it."""
    from translator.driver import backend_for, write_output
    names = []
    for unit in units:
        output = (backend or backend_for(target)).translate(unit, translate_options or {})
        names.append(_translated_name(target, unit, output))
        write_output(output, folder, inputs=set())
    clash = first_duplicate(names)
    if clash:
        raise CutransError(error("U001", f"two sources of the program translate to the same file '{clash}' for "
                                 f"{target}: rename one", units[0].path))
    if target == "hip":
        return _build_hip(units, names, folder, options)
    steps, env = STEPS[target](names, _user_flags(units, options), folder)
    run_env = {**os.environ, **env}
    for step in steps:
        _run_step(step, folder, run_env)
    return folder / names[0], run_env


def build_target(target: str, units, folder: Path, options, sources=None,
                 translate_options: dict | None = None, backend=None):
    """build_translation for the translator's targets; for `cuda`, the unmodified `sources` (default: the
    units' files) built with nvcc where an NVIDIA GPU exists (translator.verify.cuda_reference)."""
    if target == "cuda":
        from translator.verify import cuda_reference
        paths = [Path(p) for p in (sources or [u.path for u in units])]
        return cuda_reference.build_target(paths[0], folder, options, also=paths[1:])
    return build_translation(target, units, folder, options, translate_options, backend)
