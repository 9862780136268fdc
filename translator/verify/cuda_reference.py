"""Real CUDA as the reference (or as the `cuda` target): nvcc builds the unmodified program, an NVIDIA GPU runs it.

Used when both exist: `nvcc` (from $CUDA_PATH, $CUDA_HOME, /usr/local/cuda or the PATH) and a GPU that the
driver reports through cuda-python (`cuInit` + `cuDeviceGetCount`). Without them `availability()` says
why, and verify falls back to the emulation (reference) or reports `unsupported` (target). Nothing here
is simulated: on a machine without a GPU this module only answers "not available".
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

from translator import mappings
from translator.diagnostics import CutransError, error
from translator.verify import toolchain


def nvcc() -> str | None:
    root = toolchain.find_cuda_toolkit()
    if root and (Path(root) / "bin" / "nvcc").is_file():
        return str(Path(root) / "bin" / "nvcc")
    return shutil.which("nvcc")


def _driver():
    try:
        from cuda.bindings import driver          # cuda-python 12.6+ / 13
    except ImportError:
        try:
            from cuda import cuda as driver       # older cuda-python
        except ImportError:
            return None
    return driver


@functools.lru_cache(maxsize=1)
def _gpu() -> str:
    """The first GPU's name, or a reason starting with 'no ' why there is none."""
    driver = _driver()
    if driver is None:
        return "no cuda-python (pip install 'cutrans[cuda]')"
    try:
        (status,) = driver.cuInit(0)
        if int(status) != 0:
            return f"no usable NVIDIA driver (cuInit returned {int(status)})"
        status, count = driver.cuDeviceGetCount()
        if int(status) != 0 or count < 1:
            return "no NVIDIA GPU (cuDeviceGetCount reported none)"
        status, device = driver.cuDeviceGet(0)
        status, name = driver.cuDeviceGetName(64, device)
        return name.split(b"\0", 1)[0].decode(errors="replace") if int(status) == 0 else "NVIDIA GPU"
    except Exception as exc:  # a missing libcuda.so surfaces as various errors across versions
        return f"no usable NVIDIA driver ({type(exc).__name__}: {exc})"


def availability() -> tuple[bool, str]:
    """(usable, text): the GPU's name when usable, else why not."""
    compiler = nvcc()
    if compiler is None:
        return False, "no nvcc (set CUDA_PATH to a CUDA toolkit)"
    gpu = _gpu()
    if gpu.startswith("no "):
        return False, gpu
    return True, f"{gpu}, built with {compiler}"


def build(source: Path, exe: Path, *, include_dirs=(), defines=(), code: str = "V001", arch: str = "native",
          compile_only: bool = False, fmad: bool = True, also=()) -> None:
    """Compile a CUDA program with nvcc, by default for the GPU in this machine (`arch` sm_90 etc. and
    `compile_only` make an object file: a check that needs no GPU); `also` are its further source files,
    which nvcc compiles and links with it."""
    compiler = nvcc()
    if compiler is None:
        raise CutransError(error("V005", "cannot build with real CUDA: no nvcc"))
    sources = [Path(source), *map(Path, also)]
    libraries = sorted({lib for s in sources for lib in mappings.cuda_link_libraries(s.read_text(errors="replace"))})
    # --expt-relaxed-constexpr: constexpr functions (std::numeric_limits<float>::max() and the like) are
    # callable from device code, as clang, cutrans's frontend, takes them; nvcc refuses them without it.
    argv = [compiler, "-O2", "-std=c++17", f"-arch={arch}", f"-fmad={'true' if fmad else 'false'}",
            "--expt-relaxed-constexpr", *_host_openmp(sources, compile_only),
            f"-I{Path(source).resolve().parent}",
            *[f"-I{d}" for d in include_dirs], *[f"-D{d}" for d in defines], *(["-c"] if compile_only else []),
            str(source), *map(str, also), "-o", str(exe), *([] if compile_only else [f"-l{lib}" for lib in libraries])]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, errors="replace", timeout=600,
                              env={**os.environ})
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CutransError(error(code, f"nvcc did not run: {exc}", str(source))) from None
    if done.returncode != 0:
        lines = [ln for ln in done.stderr.splitlines() if "error" in ln][:5] or done.stderr.splitlines()[-5:]
        raise CutransError(error(code, "nvcc failed:\n" + "\n".join(lines), str(source)))


def _host_openmp(sources, compile_only: bool) -> tuple[str, ...]:
    """nvcc's flags for a program whose sources, or the headers beside them, include <omp.h>: its host code is
    compiled with OpenMP and linked with its runtime, as HeCBench's Makefiles do (`-Xcompiler -fopenmp`)."""
    files = {Path(s) for s in sources} | {h for s in sources for h in Path(s).parent.iterdir()
                                          if h.suffix in toolchain.HEADER_SUFFIXES and h.is_file()}
    if not toolchain.includes_openmp(sorted(files)):
        return ()
    return ("-Xcompiler=-fopenmp",) + (() if compile_only else ("-lgomp",))


def choose(requested: str) -> tuple[str, str]:
    """('cuda' | 'emulate', what a report names as the reference) for --reference auto|cuda|emulate."""
    if requested == "emulate":
        return "emulate", "emulate"
    usable, text = availability()
    if usable:
        return "cuda", f"cuda ({text})"
    if requested == "cuda":
        raise CutransError(error("V005", f"--reference cuda needs an NVIDIA GPU and nvcc: {text}"))
    return "emulate", "emulate"


def build_target(source: Path, folder: Path, options, also=()) -> tuple[Path | str, None]:
    """The `cuda` target: (executable, None) built with nvcc from `source` and `also`, or (why not, None)
    where real CUDA is absent."""
    usable, text = availability()
    if not usable:
        return f"real CUDA is not available here: {text}", None
    folder.mkdir(parents=True, exist_ok=True)
    exe = folder / Path(source).stem
    build(Path(source), exe, include_dirs=options.include_dirs, defines=options.defines, code="V002",
          fmad=options.fmad, also=also)
    return exe, None
