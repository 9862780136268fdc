"""The host runtimes (runtime_shims/opencl, runtime_shims/cpu), driven by hand-written C++ programs.

The OpenCL programs run once per OpenCL source that is present (the OS's ICD loader, and pyopencl's bundled
PoCL), chosen through CUTRANS_OPENCL as users choose it.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from translator.mappings import cuda_names
from translator.verify import toolchain

ROOT = Path(__file__).resolve().parents[2]
SHIMS = ROOT / "runtime_shims"
CASES = Path(__file__).resolve().parent / "runtime_cases"
WARNINGS = ["-std=c++17", "-Wall", "-Wextra", "-Werror"]
OPENCL_CASES = ["vector_add", "pointer_offsets", "memset_and_device_copy", "local_memory_and_streams", "events",
                "invalid_pointers", "build_error", "device_and_managed", "mapped_host_memory"]

pytestmark = pytest.mark.toolchain("c++ and OpenCL")


def _compiler() -> toolchain.Compiler:
    cxx = toolchain.find_cxx()
    if isinstance(cxx, str):
        pytest.skip(f"no C++ compiler: {cxx}")
    return cxx


def _build(argv: list[str], cwd: Path) -> None:
    proc = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"{' '.join(argv)}\n{proc.stderr}"


def _opencl_for(mode: str, monkeypatch) -> toolchain.OpenCL:
    monkeypatch.setenv("CUTRANS_OPENCL", mode)
    toolchain.clear_caches()
    found = toolchain.find_opencl()
    toolchain.clear_caches()
    if isinstance(found, str):
        pytest.skip(f"OpenCL ({mode}) unavailable: {found}")
    return found


@pytest.fixture(scope="module", params=["system", "pip"])
def opencl_program(request, tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        cl = _opencl_for(request.param, patch)
    folder = tmp_path_factory.mktemp(f"oclrt-{request.param}")
    exe = folder / "oclrt_cases"
    _build([*_compiler().command, *WARNINGS, "-O1", f"-I{SHIMS / 'opencl'}", f"-I{CASES}", *cl.cflags,
            str(CASES / "oclrt_cases.cpp"), str(SHIMS / "opencl" / "oclrt.cpp"), "-o", str(exe), *cl.ldflags], folder)
    return exe, {**os.environ, **dict(cl.env)}


def _run_case(program, case: str, **env_changes: str) -> subprocess.CompletedProcess:
    exe, env = program
    argv = [str(exe), case, str(CASES / "kernels.cl"), str(CASES / "broken.cl")]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, env={**env, **env_changes})


@pytest.mark.parametrize("case", OPENCL_CASES)
def test_opencl_runtime_case(opencl_program, case):
    proc = _run_case(opencl_program, case)
    assert proc.returncode == 0 and f"PASS {case}" in proc.stdout, proc.stderr


def test_opencl_build_error_shows_log_with_program_name(opencl_program):
    proc = _run_case(opencl_program, "build_error")
    assert "broken.cl: error: the OpenCL C build failed" in proc.stderr
    assert "undeclared_name_here" in proc.stderr
    assert proc.stderr.count("the OpenCL C build failed") == 1  # built once; the failure is cached
    # the error is on line 2 of broken.cl, which the program's line map says comes from line 42 of broken.cu
    assert "broken.cu:42: note: line 2 of broken.cl above comes from here" in proc.stderr


def test_opencl_interior_pointer_error_is_explained(opencl_program):
    """Without SVM a misaligned interior pointer cannot be a kernel argument; the runtime says why."""
    proc = _run_case(opencl_program, "misaligned_without_svm", CUTRANS_OPENCL_SVM="0")
    assert proc.returncode == 0 and "PASS misaligned_without_svm" in proc.stdout, proc.stderr
    assert "base address alignment (128 bytes)" in proc.stderr
    assert "turned off by CUTRANS_OPENCL_SVM=0" in proc.stderr


def test_opencl_device_selection_by_env(opencl_program):
    exe, env = opencl_program
    proc = subprocess.run([str(exe), "vector_add", str(CASES / "kernels.cl")], capture_output=True, text=True,
                          timeout=120, env={**env, "CUTRANS_OPENCL_DEVICE": "no-such-device-name"})
    assert proc.returncode != 0
    assert "CUTRANS_OPENCL_DEVICE=no-such-device-name matches no OpenCL device" in proc.stderr
    ok = subprocess.run([str(exe), "vector_add", str(CASES / "kernels.cl")], capture_output=True, text=True,
                        timeout=120, env={**env, "CUTRANS_OPENCL_DEVICE": "0:0"})
    assert ok.returncode == 0, ok.stderr


def test_opencl_runtime_builds_with_own_cl_declarations(tmp_path):
    """cl_api.h's fallback declarations compile cleanly (they are used when <CL/cl.h> is absent)."""
    _build([*_compiler().command, *WARNINGS, "-DOCLRT_OWN_CL_DECLS", "-c", str(SHIMS / "opencl" / "oclrt.cpp"),
            "-o", str(tmp_path / "oclrt.o")], tmp_path)


def test_runtimes_build_from_a_flat_copy(tmp_path):
    """The translator copies common/* and the target's folder flat beside the program; that layout builds."""
    for target, source in (("opencl", "oclrt.cpp"), ("cpu", "cpurt.cpp")):
        folder = tmp_path / target
        folder.mkdir()
        for path in [*(SHIMS / "common").iterdir(), *(SHIMS / target).iterdir()]:
            (folder / path.name).write_bytes(path.read_bytes())
        _build([*_compiler().command, *WARNINGS, "-c", source, "-o", "rt.o"], folder)


def test_cpu_runtime_program(tmp_path):
    exe = tmp_path / "cpurt_cases"
    _build([*_compiler().command, *WARNINGS, f"-I{SHIMS / 'cpu'}", f"-I{CASES}", str(CASES / "cpurt_cases.cpp"),
            str(SHIMS / "cpu" / "cpurt.cpp"), "-o", str(exe)], tmp_path)
    proc = subprocess.run([str(exe)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "PASS" in proc.stdout, proc.stderr


def _cuda_names_in_header() -> set[str]:
    text = (SHIMS / "common" / "cutrans_cuda_names.h").read_text()
    names = re.findall(r"^#define (cuda\w+) CUTRANS_RT\((\w+)\)$", text, flags=re.M)
    assert all(name == "cuda" + suffix for name, suffix in names), "each CUDA name maps onto its own suffix"
    return {name for name, _ in names}


def test_cuda_names_header_matches_the_mapping_table():
    """cutrans_cuda_names.h spells every runtime.toml name that both runtimes provide as prefix + CUDA's suffix,
    and nothing else, so a name the table promises is reachable from untranslated headers too."""
    assert _cuda_names_in_header() == set(cuda_names.names())
    assert len(cuda_names.names()) > 200, "the selection lost most of the table"


def test_untranslated_header_with_cuda_names_runs_on_the_cpu_runtime(tmp_path):
    exe = tmp_path / "cuda_names_cpu"
    _build([*_compiler().command, *WARNINGS, f"-I{SHIMS / 'cpu'}", f"-I{CASES}", "-DRUNTIME_HEADER=\"cpurt.h\"",
            str(CASES / "cuda_names_cases.cpp"), str(SHIMS / "cpu" / "cpurt.cpp"), "-o", str(exe)], tmp_path)
    proc = subprocess.run([str(exe)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "PASS" in proc.stdout, proc.stdout + proc.stderr


@pytest.mark.parametrize("mode", ["system", "pip"])
def test_untranslated_header_with_cuda_names_runs_on_the_opencl_runtime(tmp_path, monkeypatch, mode):
    cl = _opencl_for(mode, monkeypatch)
    exe = tmp_path / "cuda_names_opencl"
    _build([*_compiler().command, *WARNINGS, f"-I{SHIMS / 'opencl'}", f"-I{CASES}", "-DRUNTIME_HEADER=\"oclrt.h\"",
            *cl.cflags, str(CASES / "cuda_names_cases.cpp"), str(SHIMS / "opencl" / "oclrt.cpp"), "-o", str(exe),
            *cl.ldflags], tmp_path)
    proc = subprocess.run([str(exe)], capture_output=True, text=True, timeout=120, env={**os.environ, **dict(cl.env)})
    assert proc.returncode == 0 and "PASS" in proc.stdout, proc.stdout + proc.stderr


@pytest.mark.parametrize("runtime", ["opencl", "cpu"])
def test_runtime_header_leaves_gnu_noinline_spelling_alone(runtime, tmp_path):
    """libstdc++ 13 and later spell `__attribute__((__noinline__))` in <fstream>, <map> and others; a
    non-empty `__noinline__` macro in cutrans_rt.h broke every such header included after it (oclrt.cpp
    failed to compile on an H100 machine's GCC 13). The spelling is written out here, so any GCC shows it."""
    header = {"opencl": "oclrt.h", "cpu": "cpurt.h"}[runtime]
    source = tmp_path / "noinline.cpp"
    source.write_text(f'#include "{header}"\n'
                      "__attribute__((__noinline__)) static int libstdcxx_style(int x) { return x + 1; }\n"
                      "__host__ __device__ __noinline__ static int cuda_style(int x) { return x * 2; }\n"
                      "int main() { return libstdcxx_style(1) + cuda_style(1) == 4 ? 0 : 1; }\n")
    exe = tmp_path / "noinline"
    _build([*_compiler().command, *WARNINGS, f"-I{SHIMS / runtime}", f"-I{SHIMS / 'common'}", str(source),
            "-c", "-o", str(exe)], tmp_path)


@pytest.mark.parametrize("runtime", ["cpu", "opencl"])
def test_every_cublas_name_the_table_keeps_is_defined_by_the_runtime(runtime, tmp_path):
    """translator/mappings/cublas.toml keeps a name on OpenCL/CPU only where the runtime's cuBLAS header
    (runtime_shims/<runtime>/<prefix>_cublas.h) defines it: a file using each one compiles."""
    from translator import mappings
    records = [r for r in mappings.load_table("cublas") if r.flag(runtime) == "supported"]
    header = next(r.target_name(runtime) for r in records if r.kind == "header")
    uses = {"function": "(void)&{};", "type": "(void)sizeof({});", "constant": "(void)(int){};"}
    body = "\n".join("    " + uses[r.kind].format(r.target_name(runtime)) for r in records if r.kind != "header")
    src = tmp_path / "uses.cpp"
    src.write_text(f'#include "{header}"\nint main() {{\n{body}\n    return 0;\n}}\n')
    folder = SHIMS / ("opencl" if runtime == "opencl" else "cpu")
    _build([*_compiler().command, *WARNINGS, f"-I{folder}", "-fsyntax-only", str(src)], tmp_path)
    assert len(records) > 40


def test_host_cucomplex_builds_cleanly_and_computes_as_cuda_does(tmp_path):
    """common/cutrans_cucomplex.h, which a translated program's host code includes for <cuComplex.h>: warning-free,
    and CUDA's guarded forms (division and magnitude scaled, so 1e30-sized operands neither overflow nor vanish)."""
    (tmp_path / "cx.cpp").write_text(r'''
#include "cutrans_cucomplex.h"
#include <cstdio>
int main() {
    cuFloatComplex big = make_cuFloatComplex(3e30f, 4e30f);
    cuFloatComplex q = cuCdivf(make_cuFloatComplex(1e30f, 0.0f), big);
    cuDoubleComplex d = cuCmul(make_cuDoubleComplex(1.0, 2.0), cuConj(make_cuDoubleComplex(3.0, 4.0)));
    cuFloatComplex f = cuCfmaf(make_cuComplex(1.0f, 2.0f), make_cuComplex(3.0f, 4.0f), make_cuComplex(0.5f, 0.25f));
    std::printf("%.6g %.6g %.6g %g %g %g %g %g\n", cuCabsf(big), cuCrealf(q), cuCimagf(q), cuCreal(d), cuCimag(d),
                cuCrealf(f), cuCimagf(f), cuCabs(make_cuDoubleComplex(0.0, 0.0)));
    return 0;
}
''')
    _build([*_compiler().command, *WARNINGS, f"-I{SHIMS / 'common'}", "cx.cpp", "-o", "cx"], tmp_path)
    out = subprocess.run([str(tmp_path / "cx")], capture_output=True, text=True, timeout=60).stdout.split()
    assert out == ["5e+30", "0.12", "-0.16", "11", "2", "-4.5", "10.25", "0"]
