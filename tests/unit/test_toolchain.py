"""Toolchain discovery helpers that need no installed tools."""

from __future__ import annotations

import pytest

from translator.diagnostics import CutransError
from translator.verify import toolchain


@pytest.fixture(autouse=True)
def fresh_caches():
    toolchain.clear_caches()
    yield
    toolchain.clear_caches()


def test_opencl_mode_defaults_to_auto(monkeypatch):
    monkeypatch.delenv("CUTRANS_OPENCL", raising=False)
    assert toolchain.opencl_mode() == "auto"
    monkeypatch.setenv("CUTRANS_OPENCL", " PIP ")
    assert toolchain.opencl_mode() == "pip"


def test_bad_opencl_mode_is_a_usage_diagnostic(monkeypatch):
    monkeypatch.setenv("CUTRANS_OPENCL", "vulkan")
    with pytest.raises(CutransError) as caught:
        toolchain.find_opencl()
    assert caught.value.diagnostics[0].code == "U001"
    assert "vulkan" in caught.value.diagnostics[0].message


def test_missing_compiler_gives_a_reason(monkeypatch):
    monkeypatch.setenv("CXX", "no-such-compiler-xyz -O2")
    reason = toolchain.find_cxx()
    assert isinstance(reason, str) and "no-such-compiler-xyz" in reason and "CXX" in reason


def test_compiler_keeps_extra_words(monkeypatch, tmp_path):
    fake = tmp_path / "mycxx"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("CXX", "mycxx -stdlib=libc++")
    assert toolchain.find_cxx() == toolchain.Compiler((str(fake), "-stdlib=libc++"))


def test_system_library_prefers_the_dev_symlink(tmp_path):
    (tmp_path / "libOpenCL.so.1").write_text("")
    assert toolchain.system_opencl_library([str(tmp_path)]) == (tmp_path / "libOpenCL.so.1").resolve()
    (tmp_path / "libOpenCL.so").write_text("")
    assert toolchain.system_opencl_library([str(tmp_path)]) == (tmp_path / "libOpenCL.so").resolve()
    assert toolchain.system_opencl_library([str(tmp_path / "absent")]) is None


def test_system_headers_found_by_cl_h(tmp_path):
    assert toolchain.system_opencl_headers([str(tmp_path)]) is None
    (tmp_path / "CL").mkdir()
    (tmp_path / "CL" / "cl.h").write_text("")
    assert toolchain.system_opencl_headers([str(tmp_path)]) == tmp_path


def test_pip_library_is_the_bundled_loader(tmp_path):
    libs = tmp_path / ".libs"
    libs.mkdir()
    (libs / "libpocl-1234.so").write_text("")
    assert toolchain.pip_opencl_library(tmp_path) is None
    (libs / "libOpenCL-abcd.so.1.0.0").write_text("")
    assert toolchain.pip_opencl_library(tmp_path) == libs / "libOpenCL-abcd.so.1.0.0"


def test_probe_key_changes_with_the_library_and_environment(tmp_path):
    lib = tmp_path / "libOpenCL.so"
    lib.write_text("")
    cxx = toolchain.Compiler(("/usr/bin/c++",))
    base = toolchain.OpenCL("pip", str(lib), (), (str(lib),), (("PYOPENCL_HOME", "/a"),), "")
    key = toolchain.probe_key(base, cxx)
    assert key == toolchain.probe_key(base, cxx)
    other_env = toolchain.OpenCL("pip", str(lib), (), (str(lib),), (("PYOPENCL_HOME", "/b"),), "")
    assert toolchain.probe_key(other_env, cxx) != key
    assert toolchain.probe_key(base, toolchain.Compiler(("/usr/bin/clang++",))) != key


def test_offload_arch_prefers_gfx90a(tmp_path):
    assert toolchain.offload_arch([str(tmp_path)]) is None
    for version in ("1030", "90a", "940"):
        (tmp_path / f"oclc_isa_version_{version}.bc").write_text("")
    assert toolchain.offload_arch([str(tmp_path)]) == "gfx90a"


def test_offload_arch_falls_back_to_what_is_installed(tmp_path):
    (tmp_path / "oclc_isa_version_1010.bc").write_text("")
    assert toolchain.offload_arch([str(tmp_path)]) == "gfx1010"


def test_missing_hipcc_gives_a_reason(monkeypatch):
    monkeypatch.setenv("HIPCC", "no-such-hipcc-xyz")
    reason = toolchain.find_hipcc()
    assert isinstance(reason, str) and "hipcc" in reason


def test_records_are_frozen():
    record = toolchain.OpenMP(("-fopenmp",))
    with pytest.raises(AttributeError):
        record.flags = ()


def test_hip_compile_check_skips_a_library_that_only_a_header_copy_includes(tmp_path, monkeypatch):
    """HeCBench attention: main.hip includes kernels.h, whose copy includes hipCUB; the check compiled main.hip
    and failed (file not found) where it should have said the library is not installed here."""
    from translator.verify import build
    (tmp_path / "main.hip").write_text('#include <hip/hip_runtime.h>\n#include "kernels.h"\n')
    (tmp_path / "kernels.h").write_text("#include <hipcub/hipcub.hpp>\n")
    monkeypatch.setattr(toolchain, "find_hipcc", lambda: toolchain.Hip(("hipcc",), (), (), "gfx90a"))
    monkeypatch.setattr(toolchain, "hip_header_installed", lambda header: False)
    note = build._hip_compile_check(["main.hip"], [], tmp_path)
    assert note == "hipcc compile check skipped: not installed here: CUB's HIP header hipcub/hipcub.hpp"


def test_host_openmp_flags_only_for_a_program_that_includes_omp_h(tmp_path, monkeypatch):
    monkeypatch.setattr(toolchain, "find_openmp", lambda: toolchain.OpenMP(("-fopenmp",)))
    (tmp_path / "main.cu").write_text('#include <cstdio>\n// #include <omp.h> in a comment does not count\n')
    (tmp_path / "notes.txt").write_text("#include <omp.h>\n")          # not a source: not read
    assert toolchain.host_openmp_flags(tmp_path) == ()
    (tmp_path / "inc").mkdir()
    (tmp_path / "inc" / "timer.h").write_text("  #  include <omp.h>\ndouble now() { return omp_get_wtime(); }\n")
    assert toolchain.host_openmp_flags(tmp_path) == ("-fopenmp",)


@pytest.mark.parametrize("text, includes", [
    ("#include <omp.h>\n", True),
    ("#ifdef _OPENMP\n#include <omp.h>\n#else\n#include <chrono>\n#endif\n", False),
    ("#if defined(_OPENMP) && _OPENMP >= 201307\n#  include <omp.h>\n#endif\n", False),
    ("#ifndef _OPENMP\n#include <chrono>\n#else\n#include <omp.h>\n#endif\n", False),
    ("#ifndef _OPENMP\n#include <omp.h>\n#endif\n", True),
    ("#ifdef USE_OMP\n#include <omp.h>\n#endif\n", True),          # the program's own switch, not OpenMP's
    ("#ifdef _OPENMP\n#include <a.h>\n#elif USE_OMP\n#include <omp.h>\n#endif\n", True),
    ("#ifdef _OPENMP\n#ifdef X\n#endif\n#include <omp.h>\n#endif\n#include <omp.h>\n", True),
])
def test_an_include_of_omp_h_that_only_openmp_reaches_does_not_ask_for_openmp(tmp_path, text, includes):
    """HeCBench amgmk guards <omp.h> with `#ifdef _OPENMP` and builds without OpenMP: turning it on there
    defines _OPENMP and takes code its own build never compiles (which does not even parse)."""
    (tmp_path / "main.cu").write_text(text)
    assert toolchain.includes_openmp([tmp_path / "main.cu"]) is includes


def test_host_openmp_flags_without_openmp_is_a_tool_diagnostic(tmp_path, monkeypatch):
    monkeypatch.setattr(toolchain, "find_openmp", lambda: "cc -fopenmp does not work: no libgomp")
    (tmp_path / "main.cu").write_text("#include <omp.h>\n")
    with pytest.raises(CutransError, match=r"includes <omp.h>, and OpenMP does not work here: .*no libgomp"):
        toolchain.host_openmp_flags(tmp_path)
