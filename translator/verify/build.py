"""Building a translated program for one target with the discovered toolchain.

`build_translation` returns (executable, environment to run it with); for HIP, which runs only on
an AMD GPU, it compile-checks the output with hipcc and returns (note, None) instead.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
from pathlib import Path

from translator.diagnostics import CutransError, error
from translator.verify import toolchain

BUILD_TIMEOUT = 300


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


def _opencl_steps(stem: str, flags: list[str]) -> tuple[list[Step], dict]:
    cxx = _available(toolchain.find_cxx(), "OpenCL target's host program")
    cl = _available(toolchain.find_opencl(), "OpenCL target")
    argv = [*cxx.command, "-std=c++17", "-O2", "-I.", *flags, *cl.cflags, f"{stem}.cpp", "oclrt.cpp",
            "-o", stem, *cl.ldflags]
    return [Step(argv, "compiling the OpenCL host program")], dict(cl.env)


def _cpu_steps(stem: str, flags: list[str]) -> tuple[list[Step], dict]:
    cc = _available(toolchain.find_cc(), "CPU target's kernels")
    cxx = _available(toolchain.find_cxx(), "CPU target's host program")
    omp = _available(toolchain.find_openmp(), "CPU target (OpenMP)")
    kernels = Step([*cc.command, "-std=gnu11", "-O3", "-march=native", *omp.flags, "-I.", "-c",
                    f"{stem}.kernels.c", "-o", f"{stem}.kernels.o"], "compiling the CPU kernels")
    host = Step([*cxx.command, "-std=c++17", "-O2", "-I.", *flags, *omp.flags, f"{stem}.cpp", "cpurt.cpp",
                 f"{stem}.kernels.o", "-o", stem, "-lm"], "compiling the CPU host program")
    return [kernels, host], {}


def _hip_steps(stem: str, flags: list[str]) -> tuple[list[Step], dict]:
    hip = toolchain.find_hipcc()
    return [Step([*hip.command, *hip.flags, *flags, "-c", f"{stem}.hip", "-o", f"{stem}.o"],
                 f"compiling the HIP output with hipcc ({hip.offload_arch})")], dict(hip.env)


STEPS = {"opencl": _opencl_steps, "cpu": _cpu_steps, "hip": _hip_steps}


def build_translation(target: str, unit, folder: Path, options):
    from translator.driver import backend_for, write_output
    output = backend_for(target).translate(unit, {})
    write_output(output, folder, inputs=set())
    stem = Path(unit.path).stem
    if target == "hip" and isinstance(toolchain.find_hipcc(), str):
        return f"translated; not compile-checked: {toolchain.find_hipcc()}", None
    steps, env = STEPS[target](stem, _user_flags(unit, options))
    run_env = {**os.environ, **env}
    for step in steps:
        _run_step(step, folder, run_env)
    if target == "hip":
        return f"compiled with hipcc ({toolchain.find_hipcc().offload_arch}); running HIP needs an AMD GPU", None
    return folder / stem, run_env
