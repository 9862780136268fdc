"""Preprocessor branches inactive in the configuration parsed: their CUDA names found from libclang's raw tokens
(frontend/skipped.py, frontend/inactive.py), reported once per branch (M005) or rewritten with --all-branches."""

from __future__ import annotations

import json

import pytest

from translator.backends.hip import HIP_HEADERS, HipBackend
from translator.backends.host_edits import CUDA_HEADERS
from translator.cli import main
from translator.diagnostics import Severity
from translator.driver import load_unit
from translator.frontend.inactive import TOOLKIT_HEADERS

HEAD = "#include <cuda_runtime.h>\n__global__ void k(int *p) { p[0] = 1; }\n"


@pytest.fixture
def convert(tmp_path):
    """(unit, HIP text, diagnostics) of HEAD + body, written as snippet.cu, with or without --all-branches."""
    def run(body: str, all_branches: bool = False, name: str = "snippet.cu"):
        path = tmp_path / name
        path.write_text(HEAD + body)
        unit = load_unit(str(path))
        out = HipBackend().translate(unit, {"offload_arch": "gfx90a", "all_branches": all_branches})
        return unit, out.files[path.stem + ".hip"].decode(), out.diagnostics
    return run


def names(unit) -> list[list[tuple[str, str]]]:
    """Per inactive branch: (table name, text of its site)."""
    return [[(n.name, n.span.text(unit.source)) for n in b.names] for b in unit.sites.inactive]


NESTED = """void f(int *p) {
#if 0
  cudaMalloc(&p, 4);
#if 1
  cudaDeviceSynchronize();
#endif
#elif defined(OTHER)
  cudaFree(p);
#elif cudaCpuDeviceId
  cudaMemset(p, 0, 4);
#endif
}
"""


def test_a_skipped_range_splits_into_its_branches_and_a_nested_if_stays_in_its_own(convert):
    """`#if 0 ... #elif defined(OTHER) ...` is one skipped range holding two branches; the `#if 1` nested in the
    first is part of it; the condition of the `#elif` that is taken is active code, renamed."""
    unit, text, diags = convert(NESTED)
    assert names(unit) == [[("cudaMalloc", "cudaMalloc"), ("cudaDeviceSynchronize", "cudaDeviceSynchronize")],
                           [("cudaFree", "cudaFree")]]
    assert [(b.span.line, b.span.col) for b in unit.sites.inactive] == [(4, 1), (9, 1)]
    assert "#elif hipCpuDeviceId\n  hipMemset(p, 0, 4);" in text and "  cudaMalloc(&p, 4);" in text
    assert [(d.code, d.line, d.col) for d in diags] == [("M005", 4, 1), ("M005", 9, 1)]
    assert "mentions 2 CUDA API names (cudaMalloc, cudaDeviceSynchronize)" in diags[0].message
    assert "mentions 1 CUDA API name (cudaFree)" in diags[1].message and "--all-branches" in diags[1].message


def test_all_branches_renames_them_and_only_identifier_tokens(convert):
    body = ('void f(int *p) {\n#ifdef USE_ASYNC\n  cudaMemcpyAsync(p, p, 4, cudaMemcpyDefault); '
            '// cudaMemcpyAsync in a comment\n  const char *s = "cudaMemcpyAsync";\n#endif\n}\n')
    _, text, diags = convert(body, all_branches=True)
    assert ('  hipMemcpyAsync(p, p, 4, hipMemcpyDefault); // cudaMemcpyAsync in a comment\n'
            '  const char *s = "cudaMemcpyAsync";') in text
    assert diags == []


def test_guards_on_the_compiler_report_only_branches_with_cuda_names(convert):
    """`#ifndef __CUDACC__` (a host compiler's fallback) and `#ifdef __HIP_PLATFORM_AMD__` (HIP code) are
    inactive when CUDA is parsed; only CUDA names make a branch worth a word."""
    body = ("#ifndef __CUDACC__\n#define __global__\n#endif\n#ifdef __HIP_PLATFORM_AMD__\nhipStream_t s;\n#else\n"
            "cudaStream_t s;\n#endif\n#ifndef __HIP_PLATFORM_AMD__\nint cuda_path;\n#else\n"
            "static_assert(sizeof(cudaEvent_t) > 0, \"\");\n#endif\n")
    unit, text, diags = convert(body)
    assert names(unit) == [[("cudaEvent_t", "cudaEvent_t")]]
    assert [(d.code, d.line) for d in diags] == [("M005", 13)]
    assert "hipStream_t s;\n#else\nhipStream_t s;" in text


def test_qualified_names_only_where_written_whole(convert):
    body = ("#if 0\n#include <cub/cub.cuh>\ncub::DeviceReduce::Sum(a, b);\nthrust::cuda::par;\n"
            "DeviceReduce::Max(a, b);\nns::cudaMalloc(&p, 4);\ncuda::par;\n#endif\n")
    unit, text, _ = convert(body)
    assert names(unit) == [[("cub::DeviceReduce", "cub::DeviceReduce"), ("thrust::cuda::par", "thrust::cuda::par")]]
    assert [i.header for i in unit.sites.inactive[0].includes] == ["cub/cub.cuh"]
    _, text, _ = convert(body, all_branches=True)
    assert ("#include <hipcub/hipcub.hpp>\nhipcub::DeviceReduce::Sum(a, b);\nthrust::hip::par;\n"
            "DeviceReduce::Max(a, b);\nns::cudaMalloc(&p, 4);\ncuda::par;\n") in text


def test_a_library_name_the_program_declares_is_its_own(convert):
    """cuRAND's `curand` and `skipahead`: the program's own function (active code) and macro (inactive code)."""
    body = ("static unsigned curand(unsigned *s) { return *s += 1; }\n#if 0\n#define skipahead(n, s) (void)0\n"
            "unsigned x = curand(&seed); skipahead(4, &seed); curand_init(1, 0, 0, &state);\n#endif\n")
    unit, text, _ = convert(body, all_branches=True)
    assert names(unit) == [[("curand_init", "curand_init")]]
    assert "unsigned x = curand(&seed); skipahead(4, &seed); hiprand_init(1, 0, 0, &state);" in text


def test_names_without_equivalent_get_their_code_as_a_warning(convert):
    body = ("#ifdef USE_CUBLAS\n#include <cublas_v2.h>\n#include <cuda_fp16.h>\n#endif\nint f() {\n#if 0\n"
            "  cudaThreadSynchronize(); return cudaErrorInvalidPc;\n#endif\n  return 0;\n}\n")
    _, text, diags = convert(body, all_branches=True)
    assert "#include <hipblas/hipblas.h>\n#include \"cutrans_hip_fp16.h\"\n" in text
    assert "  hipDeviceSynchronize(); return cudaErrorInvalidPc;" in text
    assert [(d.code, d.severity, d.line) for d in diags] == [("M002", Severity.WARNING, 9),
                                                             ("M001", Severity.WARNING, 9)]
    assert all(d.message.startswith("in a preprocessor branch inactive") for d in diags)


def test_fp16_header_in_an_inactive_branch_ships_its_header_only_when_rewritten(tmp_path):
    path = tmp_path / "half.cu"
    path.write_text(HEAD + "#ifdef USE_HALF\n#include <cuda_fp16.h>\n#endif\n")
    unit = load_unit(str(path))
    assert HipBackend().translate(unit, {}).runtime_files == []
    assert HipBackend().translate(unit, {"all_branches": True}).runtime_files == ["hip/cutrans_hip_atomic16.h",
                                                                                  "hip/cutrans_hip_fp16.h"]


def test_headers_converted_with_the_file_are_reported_and_others_not(tmp_path):
    """A local header with device code is converted with the file (and gets M005 for its own branches); a
    header that is not converted, and the stand-in headers, never do."""
    (tmp_path / "kern.cuh").write_text("__global__ void k2(int *p) { p[0] = 2; }\n#if 0\ncudaFree(0);\n#endif\n")
    (tmp_path / "host_only.h").write_text("#if 0\ncudaFree(0);\n#endif\ninline int one() { return 1; }\n")
    path = tmp_path / "main.cu"
    path.write_text(HEAD + '#include "kern.cuh"\n#include "host_only.h"\n')
    out = HipBackend().translate(load_unit(str(path)), {})
    assert [(d.code, d.path, d.line) for d in out.diagnostics] == [("M005", str(tmp_path / "kern.cuh"), 2)]
    out = HipBackend().translate(load_unit(str(path)), {"all_branches": True})
    assert "#if 0\nhipFree(0);\n#endif" in out.files["kern.cuh"].decode() and out.diagnostics == []


def test_toolkit_headers_cover_those_the_hip_backend_maps():
    assert set(CUDA_HEADERS) | set(HIP_HEADERS) <= TOOLKIT_HEADERS


def test_stats_report_inactive_branches(tmp_path, capsys):
    src = tmp_path / "branches.cu"
    src.write_text(HEAD + NESTED + "#ifdef USE_CUBLAS\n#include <cublas_v2.h>\n#endif\n")
    assert main(["convert", str(src), "--to", "hip", "-o", str(tmp_path / "o"), "--stats",
                 "--output-format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)["stats"][0]["inactive_branches"]
    assert data == {"rewritten": False, "files": [{"path": str(src), "branches": 3, "names": 4,
                                                   "lines": [4, 9, 15]}]}
    assert main(["convert", str(src), "--to", "hip", "-o", str(tmp_path / "a"), "--stats", "--all-branches"]) == 0
    out = capsys.readouterr().out
    assert f"  {src}: 3 branches, 4 CUDA API names, rewritten (lines 4, 9, 15)" in out
    # the CPU target lacks the taken #elif's cudaCpuDeviceId (active code: M001, exit 1); the branches are left
    assert main(["convert", str(src), "--to", "cpu", "-o", str(tmp_path / "c"), "--stats"]) == 1
    assert f"  {src}: 3 branches, 4 CUDA API names, left as written" in capsys.readouterr().out


def test_all_branches_is_for_hip_only(tmp_path, capsys):
    src = tmp_path / "k.cu"
    src.write_text(HEAD)
    assert main(["convert", str(src), "--to", "opencl", "-o", str(tmp_path / "o"), "--all-branches"]) == 2
    assert "[U001]" in capsys.readouterr().err
