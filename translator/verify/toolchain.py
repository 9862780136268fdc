"""Finding the tools each target needs: C/C++ compilers, OpenMP, an OpenCL library with a device, hipcc.

Every `find_*` returns a frozen record, or a string saying why the tool is unavailable (for V005 diagnostics
and pytest skip reasons). Results are cached per process; the OpenCL device probe is also cached on disk
under ~/.cache/cutrans, keyed by the paths it used.

CUTRANS_OPENCL picks where OpenCL comes from: `system` (libOpenCL + an ICD from the OS), `pip` (the
libOpenCL and PoCL bundled in the pyopencl wheel) or `auto` (system, else pip; the default).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from translator import mappings
from translator.diagnostics import CutransError, error
from translator.frontend.clang_setup import OPENMP_INCLUDE

SHIMS = Path(__file__).resolve().parents[2] / "runtime_shims"
CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "cutrans"
PROBE_TIMEOUT = 120
OPENCL_MODES = ("auto", "system", "pip")
SYSTEM_LIB_DIRS = ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
                   "/usr/local/lib")
SYSTEM_INCLUDE_DIRS = ("/usr/include", "/usr/local/include")
HIP_BITCODE_DIRS = ("/usr/lib/x86_64-linux-gnu/amdgcn/bitcode", "/opt/rocm/amdgcn/bitcode",
                    "/usr/lib/llvm-15/lib/clang/15.0.6/lib/amdgcn/bitcode")
HIP_PREFERRED_ARCHS = ("gfx90a", "gfx940", "gfx1030")


@dataclasses.dataclass(frozen=True)
class Compiler:
    command: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class OpenMP:
    flags: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class OpenCL:
    source: str                       # "system" or "pip"
    library: str                      # the libOpenCL linked against
    cflags: tuple[str, ...]
    ldflags: tuple[str, ...]
    env: tuple[tuple[str, str], ...]  # set these when running the program (dict(env) merges into os.environ)
    devices: str                      # what the probe saw, one "platform / device" per line


@dataclasses.dataclass(frozen=True)
class Hip:
    command: tuple[str, ...]
    flags: tuple[str, ...]
    env: tuple[tuple[str, str], ...]
    offload_arch: str


# ---- compilers and OpenMP ----

def _find_program(env_var: str, default: str) -> Compiler | str:
    spelled = os.environ.get(env_var) or default
    words = spelled.split()
    path = shutil.which(words[0]) if words else None
    if not path:
        source = f"${env_var}={spelled!r}" if os.environ.get(env_var) else f"'{default}'"
        return f"no compiler found: {source} is not on the PATH"
    return Compiler((path, *words[1:]))


@functools.cache
def find_cxx() -> Compiler | str:
    """The C++ compiler: $CXX, else c++."""
    return _find_program("CXX", "c++")


@functools.cache
def find_cc() -> Compiler | str:
    """The C compiler: $CC, else cc."""
    return _find_program("CC", "cc")


def _compile_and_run(compiler: Compiler, source: str, suffix: str, flags: list[str],
                     env: dict | None = None) -> tuple[bool, str]:
    """Builds and runs a tiny program; (True, its stdout) or (False, why it failed)."""
    with tempfile.TemporaryDirectory(prefix="cutrans-probe-") as work:
        src = Path(work) / f"probe{suffix}"
        exe = Path(work) / "probe"
        src.write_text(source)
        try:
            build = subprocess.run([*compiler.command, str(src), "-o", str(exe), *flags], capture_output=True,
                                   text=True, timeout=PROBE_TIMEOUT)
            if build.returncode != 0:
                return False, "the probe did not compile: " + _last_line(build.stderr)
            run = subprocess.run([str(exe)], capture_output=True, text=True, timeout=PROBE_TIMEOUT, env=env)
        except subprocess.TimeoutExpired:
            return False, f"the probe ran past {PROBE_TIMEOUT} s"
        except OSError as exc:
            return False, f"the probe could not run: {exc.strerror}"
        if run.returncode != 0:
            detail = f"signal {-run.returncode}" if run.returncode < 0 else f"status {run.returncode}"
            return False, f"the probe failed ({detail}): " + _last_line(run.stderr or run.stdout)
        return True, run.stdout


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


_OPENMP_PROBE = """#include <omp.h>
#include <stdio.h>
int main(void) {
    int sum = 0;
#pragma omp parallel for reduction(+ : sum)
    for (int i = 0; i < 100; ++i) sum += i;
    printf("%d %d\\n", sum, omp_get_max_threads());
    return sum == 4950 ? 0 : 1;
}
"""


@functools.cache
def find_openmp() -> OpenMP | str:
    """OpenMP for the C compiler: -fopenmp, checked by building and running a parallel loop."""
    cc = find_cc()
    if isinstance(cc, str):
        return cc
    ok, detail = _compile_and_run(cc, _OPENMP_PROBE, ".c", ["-fopenmp"])
    return OpenMP(("-fopenmp",)) if ok else f"{cc.command[0]} -fopenmp does not work: {detail}"


_DIRECTIVE = re.compile(rb"^[ \t]*#[ \t]*(\w+)([^\n]*)", re.M)
HEADER_SUFFIXES = (".cuh", ".h", ".hpp", ".hh", ".inc")
_PROGRAM_SUFFIXES = (".cu", ".cpp", ".cc", ".cxx", ".c", ".hip", *HEADER_SUFFIXES)


def _includes_omp_h(text: bytes) -> bool:
    """Whether `text` includes <omp.h> other than in a branch taken only when _OPENMP is defined (`#ifdef
    _OPENMP`, `#if defined(_OPENMP)`, the `#else` of `#ifndef _OPENMP`): a file that guards it so builds with
    or without OpenMP (HeCBench amgmk), and its Makefile may well leave OpenMP off."""
    branches = []       # per open conditional: (is its current branch only under _OPENMP, did it open with #ifndef)
    for m in _DIRECTIVE.finditer(text):
        word, rest = m.groups()
        names_openmp = b"_OPENMP" in rest and b"!" not in rest
        if word in (b"if", b"ifdef", b"ifndef"):
            branches.append((names_openmp and word != b"ifndef", names_openmp and word == b"ifndef"))
        elif word == b"elif" and branches:
            branches[-1] = (names_openmp, False)
        elif word == b"else" and branches:
            branches[-1] = (branches[-1][1], False)
        elif word == b"endif" and branches:
            branches.pop()
        elif word == b"include" and b"<omp.h>" in rest and not any(only for only, _ in branches):
            return True
    return False


def includes_openmp(files) -> bool:
    """Whether one of `files` (paths) includes <omp.h>, where OpenMP's being on does not decide it."""
    return any(_includes_omp_h(Path(p).read_bytes()) for p in files)


def host_openmp_flags(folder: Path) -> tuple[str, ...]:
    """The flags for the host code of a program whose files under `folder` include <omp.h>: its own build
    compiles the host code with OpenMP and links the OpenMP runtime (HeCBench's Makefiles pass `-Xcompiler
    -fopenmp`), as omp_get_wtime() and its host `#pragma omp` loops need. () for any other program: nvcc's
    host compiler runs without OpenMP, so _OPENMP stays undefined. Raises V005 when OpenMP does not work."""
    if not includes_openmp(p for p in Path(folder).rglob("*") if p.suffix in _PROGRAM_SUFFIXES and p.is_file()):
        return ()
    omp = find_openmp()
    if isinstance(omp, str):
        raise CutransError(error("V005", f"the program includes <omp.h>, and OpenMP does not work here: {omp}"))
    return omp.flags


def hip_host_flags(folder: Path) -> tuple[str, ...]:
    """hipcc's extra flags for the HIP output in `folder`: the stand-in <omp.h> where the program's host code
    includes it (hipcc's clang has no omp.h without LLVM's OpenMP runtime, and GCC's uses GCC-only attributes);
    the check compiles, it does not link, so OpenMP itself is not needed."""
    return (f"-idirafter{OPENMP_INCLUDE}",) if host_openmp_flags(folder) else ()


# ---- OpenCL ----

def opencl_mode() -> str:
    mode = os.environ.get("CUTRANS_OPENCL", "auto").strip().lower() or "auto"
    if mode not in OPENCL_MODES:
        raise CutransError(error("U001", f"CUTRANS_OPENCL={mode!r} is not one of {', '.join(OPENCL_MODES)}"))
    return mode


def system_opencl_library(lib_dirs=SYSTEM_LIB_DIRS) -> Path | None:
    """The OS's ICD loader: libOpenCL.so, else libOpenCL.so.1 (linked by path, so no -dev symlink is needed)."""
    for name in ("libOpenCL.so", "libOpenCL.so.1"):
        for folder in lib_dirs:
            candidate = Path(folder) / name
            if candidate.exists():
                return candidate.resolve()
    return None


def system_opencl_headers(include_dirs=SYSTEM_INCLUDE_DIRS) -> Path | None:
    for folder in include_dirs:
        if (Path(folder) / "CL" / "cl.h").exists():
            return Path(folder)
    return None


def pip_opencl_package() -> Path | None:
    """The installed pyopencl package folder, found without importing it (importing loads its libOpenCL)."""
    import importlib.util
    spec = importlib.util.find_spec("pyopencl")
    return Path(spec.origin).parent if spec and spec.origin else None


def pip_opencl_library(package: Path) -> Path | None:
    """pyopencl/.libs/libOpenCL-<hash>.so*, the ICD loader the wheel bundles next to its PoCL."""
    found = sorted((package / ".libs").glob("libOpenCL*.so*"))
    return found[0] if found else None


def _prepend_path(var: str, folder: str) -> str:
    current = os.environ.get(var, "")
    return f"{folder}{os.pathsep}{current}" if current else folder


def _system_candidate() -> OpenCL | str:
    library = system_opencl_library()
    if not library:
        return "no system libOpenCL (Debian: apt-get install ocl-icd-opencl-dev pocl-opencl-icd)"
    headers = system_opencl_headers()
    cflags = ("-DCL_TARGET_OPENCL_VERSION=120",) if headers else ()
    return OpenCL("system", str(library), cflags, (str(library),), (), "")


def _pip_candidate() -> OpenCL | str:
    package = pip_opencl_package()
    if not package:
        return "pyopencl is not installed (pip install 'pyopencl[pocl]')"
    library = pip_opencl_library(package)
    if not library:
        return f"pyopencl at {package} bundles no libOpenCL (.libs/libOpenCL*.so*)"
    env = (("PYOPENCL_HOME", str(package)), ("LD_LIBRARY_PATH", _prepend_path("LD_LIBRARY_PATH", str(library.parent))))
    return OpenCL("pip", str(library), (), (str(library),), env, "")


_OPENCL_PROBE = """#include "cl_api.h"
#include <stdio.h>
int main(void) {
    cl_platform_id platforms[16];
    cl_uint count = 0, devices_seen = 0;
    if (clGetPlatformIDs(16, platforms, &count) != CL_SUCCESS || count == 0) {
        fprintf(stderr, "no OpenCL platform\\n");
        return 3;
    }
    for (cl_uint p = 0; p < count && p < 16; ++p) {
        cl_device_id devices[16];
        cl_uint n = 0;
        if (clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, 16, devices, &n) != CL_SUCCESS) continue;
        for (cl_uint d = 0; d < n && d < 16; ++d) {
            char name[256] = {0};
            clGetDeviceInfo(devices[d], CL_DEVICE_NAME, sizeof name - 1, name, NULL);
            printf("%u:%u %s\\n", p, d, name);
            ++devices_seen;
        }
    }
    if (devices_seen == 0) fprintf(stderr, "OpenCL platforms, but no device\\n");
    return devices_seen ? 0 : 4;
}
"""


def probe_key(candidate: OpenCL, compiler: Compiler) -> str:
    """The on-disk cache key: what was linked, its modification time, the environment, the compiler."""
    library = Path(candidate.library)
    mtime = library.stat().st_mtime_ns if library.exists() else 0
    parts = [candidate.source, str(library), str(mtime), repr(candidate.env), repr(compiler.command),
             str(SHIMS / "opencl" / "cl_api.h")]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def _probe(candidate: OpenCL, compiler: Compiler) -> tuple[bool, str]:
    cache = CACHE_DIR / f"opencl-probe-{probe_key(candidate, compiler)}.json"
    try:
        saved = json.loads(cache.read_text())
        return bool(saved["ok"]), str(saved["detail"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    flags = [f"-I{SHIMS / 'opencl'}", *candidate.cflags, *candidate.ldflags]
    ok, detail = _compile_and_run(compiler, _OPENCL_PROBE, ".cpp", flags, env={**os.environ, **dict(candidate.env)})
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps({"ok": ok, "detail": detail}))
    except OSError:
        pass
    return ok, detail


def _checked(candidate: OpenCL | str) -> OpenCL | str:
    if isinstance(candidate, str):
        return candidate
    compiler = find_cxx()
    if isinstance(compiler, str):
        return compiler
    ok, detail = _probe(candidate, compiler)
    if not ok:
        return f"{candidate.source} OpenCL ({candidate.library}) has no usable device: {detail}"
    return dataclasses.replace(candidate, devices=detail.strip())


_CANDIDATES = {"system": (_system_candidate,), "pip": (_pip_candidate,), "auto": (_system_candidate, _pip_candidate)}


@functools.cache
def find_opencl() -> OpenCL | str:
    """An OpenCL library with at least one platform and device, as CUTRANS_OPENCL asks."""
    reasons = []
    for make in _CANDIDATES[opencl_mode()]:
        found = _checked(make())
        if not isinstance(found, str):
            return found
        reasons.append(found)
    return "; ".join(reasons)


# ---- HIP ----

def offload_arch(bitcode_dirs=HIP_BITCODE_DIRS) -> str | None:
    """An --offload-arch the installed device libraries support (oclc_isa_version_<n>.bc), preferring gfx90a."""
    available = set()
    for folder in bitcode_dirs:
        for lib in Path(folder).glob("oclc_isa_version_*.bc"):
            available.add("gfx" + lib.stem.rsplit("_", 1)[-1])
    for arch in HIP_PREFERRED_ARCHS:
        if arch in available:
            return arch
    return min(available) if available else None


HIP_SYSTEM_INCLUDES = (Path("/usr/include"), Path("/opt/rocm/include"))


def hip_header_installed(header: str) -> bool:
    return any((root / header).is_file() for root in HIP_SYSTEM_INCLUDES)


def missing_hip_libraries(hip_text: str) -> list[str]:
    """The HIP libraries that HIP output (`hip_text`) includes and this machine lacks, as "cuBLAS's HIP
    header hipblas/hipblas.h" (Debian 12 packages hipRAND and hipSPARSE, not hipBLAS or hipFFT)."""
    headers = mappings.target_headers("hip")
    return [f"{headers[h].title}'s HIP header {h}" for h in mappings.included(hip_text, angled_only=True)
            if h in headers and not hip_header_installed(h)]


@functools.cache
def find_hipcc() -> Hip | str:
    """hipcc for AMD GPUs (HIP_PLATFORM=amd), with an offload arch the device libraries cover."""
    path = shutil.which(os.environ.get("HIPCC", "hipcc"))
    if not path:
        return "hipcc is not installed (Debian: apt-get install hipcc libamdhip64-dev rocm-device-libs)"
    arch = offload_arch()
    if not arch:
        return "hipcc is installed but no AMD device libraries were found (Debian: rocm-device-libs)"
    return Hip((path,), (f"--offload-arch={arch}",), (("HIP_PLATFORM", "amd"),), arch)


def scratch_env(env: dict, folder: Path) -> dict:
    """`env` with TMPDIR inside `folder`, for a hipcc run there: clang's HIP driver leaves an empty folder
    (the source's stem, a dash and six random characters) in TMPDIR behind each compile and each `-E`, which
    would pile up in /tmp; in the build's own folder they are removed with it."""
    tmp = Path(folder) / "tmp"
    tmp.mkdir(exist_ok=True)
    return {**env, "TMPDIR": str(tmp)}


def clear_caches() -> None:
    """Forgets the per-process results (the on-disk OpenCL probe cache stays)."""
    for finder in (find_cxx, find_cc, find_openmp, find_opencl, find_hipcc):
        finder.cache_clear()


@functools.cache
def find_cuda_toolkit() -> str | None:
    """A CUDA toolkit's root (its include/cuda_runtime.h exists): $CUDA_PATH, $CUDA_HOME, /usr/local/cuda."""
    for candidate in (os.environ.get("CUDA_PATH"), os.environ.get("CUDA_HOME"), "/usr/local/cuda"):
        if candidate and (Path(candidate) / "include" / "cuda_runtime.h").is_file():
            return str(Path(candidate).resolve())
    return None
