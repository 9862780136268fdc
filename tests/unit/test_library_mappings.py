"""The library tables (cuBLAS, cuRAND, cuFFT, cuSPARSE, cuComplex, CUB, Thrust...): every record is used by a test here.

For each family a generated file includes the family's headers and names every one of its identifiers in a
macro body; its HIP output must spell each one as the table says (or report M001 for a name HIP lacks), and
the OpenCL and CPU outputs must refuse each one with M001, naming the library and the HIP name.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import clang.cindex as ci
import pytest

from translator import mappings
from translator.diagnostics import CutransError, Severity
from translator.driver import convert_unit, load_unit
from translator.frontend import library_names
from translator.frontend.clang_setup import parse

LIBRARIES = [f for f in mappings.families() if mappings.family_info(f)["title"]]
_USES = re.compile(r"#define CUTRANS_USES (.*)")


def _records(family: str, kind: str | None = None):
    return [r for r in mappings.load_table(family) if (r.kind == "header") == (kind == "header")]


def _uses_file(family: str, tmp_path: Path) -> Path:
    includes = "".join(f"#include <{r.name}>\n" for r in _records(family, "header"))
    names = " ".join(r.name for r in _records(family))
    path = tmp_path / f"uses_{family}.cu"
    path.write_text(f"#include <cuda_runtime.h>\n{includes}#define CUTRANS_USES {names}\n"
                    "__global__ void k(float *p) { p[threadIdx.x] = 1.0f; }\n")
    return path


def _convert(path: Path, target: str):
    unit = load_unit(str(path))
    try:
        output, diags = convert_unit(unit, target, {"offload_arch": "gfx90a"} if target == "hip" else {})
    except CutransError as exc:
        return None, list(exc.diagnostics)
    return output, diags


def test_there_are_library_tables():
    assert set(LIBRARIES) >= {"cublas", "curand", "cufft", "cusparse", "cucomplex"}
    for family in LIBRARIES:
        assert mappings.load_table(family)[0].title == mappings.family_info(family)["title"]


@pytest.mark.parametrize("family", LIBRARIES)
def test_hip_spells_every_name_as_the_table_says(family, tmp_path):
    output, diags = _convert(_uses_file(family, tmp_path), "hip")
    text = output.files[f"uses_{family}.hip"].decode()
    records = _records(family)
    expected = [r.hip if r.flag("hip") != "unsupported" else r.name for r in records]
    assert _USES.search(text).group(1).split() == expected
    for header in _records(family, "header"):        # one HIP lacks (CUB's device_for.cuh) stays, with M001
        assert f"#include <{header.hip or header.name}>" in text
    refused = sorted(d.message.split("'")[1] for d in diags if d.code == "M001")
    assert refused == sorted(r.name for r in mappings.load_table(family) if r.flag("hip") == "unsupported")
    noted = sorted(d.message.split("'")[1] for d in diags if d.code == "M004")
    assert noted == sorted(r.name for r in records if r.hip_note and r.flag("hip") != "unsupported")


@pytest.mark.parametrize("target", ["opencl", "cpu"])
@pytest.mark.parametrize("family", LIBRARIES)
def test_opencl_and_cpu_refuse_every_name_and_header_they_lack(family, target, tmp_path):
    """A name the target's runtime lacks is M001, naming the library and the HIP name; one it has (the cuBLAS
    routines of runtime_shims/common/cutrans_cublas.h) is kept, and its header becomes the runtime's."""
    output, diags = _convert(_uses_file(family, tmp_path), target)
    errors = {d.message.split("'")[1]: d for d in diags if d.code == "M001"}
    every = mappings.load_table(family)
    assert sorted(errors) == sorted(r.name for r in every if r.flag(target) == "unsupported")
    title = mappings.family_info(family)["title"]
    for record in every:
        if record.flag(target) != "unsupported":
            continue
        message = errors[record.name].message
        assert f"({title}) has no equivalent on the {target} target" in message
        assert (f"--to hip translates it to '{record.hip}'" in message) == (record.flag("hip") != "unsupported")
        assert errors[record.name].severity == Severity.ERROR
    if output is not None:              # every name of the family runs on the target
        text = output.files[f"uses_{family}.cpp"].decode()
        assert _USES.search(text).group(1).split() == [r.target_name(target) for r in _records(family)]
        for header in _records(family, "header"):
            assert f'#include "{header.target_name(target)}"' in text


def test_stand_in_headers_declare_every_library_name(tmp_path):
    src = tmp_path / "all.cu"
    src.write_text("".join(f"#include <{r.name}>\n" for f in LIBRARIES for r in _records(f, "header")))
    tu, _, diags = parse(str(src))
    kinds = {ci.CursorKind.FUNCTION_DECL, ci.CursorKind.FUNCTION_TEMPLATE, ci.CursorKind.TYPEDEF_DECL,
             ci.CursorKind.ENUM_DECL, ci.CursorKind.ENUM_CONSTANT_DECL, ci.CursorKind.STRUCT_DECL,
             ci.CursorKind.MACRO_DEFINITION, ci.CursorKind.NAMESPACE, ci.CursorKind.CLASS_DECL,
             ci.CursorKind.CLASS_TEMPLATE, ci.CursorKind.VAR_DECL, ci.CursorKind.USING_DECLARATION}
    declared = {c.spelling for c in tu.cursor.walk_preorder() if c.kind in kinds}
    declared |= {library_names.qualified_name(c) for c in tu.cursor.walk_preorder()
                 if c.kind in kinds and c.kind != ci.CursorKind.MACRO_DEFINITION}
    assert [r.name for f in LIBRARIES for r in _records(f) if r.name not in declared] == []


def test_a_program_name_that_matches_a_library_name_is_left_alone(tmp_path):
    src = tmp_path / "own.cu"
    src.write_text("#include <curand_kernel.h>\nstruct Opts { int curand; };\n"
                   "__global__ void k(curandState *s, float *o) { o[threadIdx.x] = curand_uniform(&s[threadIdx.x]); }\n"
                   "int main() { int curand = 2; Opts o; o.curand = curand; return o.curand; }\n")
    output, _ = _convert(src, "hip")
    text = output.files["own.hip"].decode()
    assert "int curand = 2; Opts o; o.curand = curand; return o.curand;" in text
    assert "struct Opts { int curand; };" in text
    assert "hiprandState *s" in text and "hiprand_uniform(&s[threadIdx.x])" in text


def test_a_library_device_call_is_refused_where_it_is_written(tmp_path):
    src = tmp_path / "dev.cu"
    src.write_text("#include <curand_kernel.h>\n"
                   "__global__ void k(curandState *s, float *o) {\n"
                   "    o[threadIdx.x] = curand_normal(&s[threadIdx.x]);\n}\n")
    _, diags = _convert(src, "opencl")
    (error,) = [d for d in diags if d.code == "M001" and "curand_normal" in d.message]
    assert (Path(error.path).name, error.line, error.col) == ("dev.cu", 3, 22)
    assert "(cuRAND) has no equivalent in OpenCL or CPU device code" in error.message
    assert "--to hip translates it to 'hiprand_normal'" in error.message


def test_notes_are_given_once_per_name(tmp_path):
    src = tmp_path / "twice.cu"
    src.write_text("#include <curand.h>\nint main() { curandGenerator_t a, b;\n"
                   "  curandCreateGenerator(&a, CURAND_RNG_PSEUDO_DEFAULT);\n"
                   "  curandCreateGenerator(&b, CURAND_RNG_PSEUDO_DEFAULT); return 0; }\n")
    _, diags = _convert(src, "hip")
    (note,) = [d for d in diags if d.code == "M004"]
    assert note.line == 3 and "not guaranteed to give cuRAND's sequences" in note.message


def test_a_name_in_two_tables_is_rejected(monkeypatch):
    real = mappings.load_table
    first = real("curand")[0]
    clone = dataclasses.replace(first, family="other")
    monkeypatch.setattr(mappings, "families", lambda: ["curand", "other"])
    monkeypatch.setattr(mappings, "load_table", lambda fam: (clone,) if fam == "other" else real(fam))
    mappings._index.cache_clear()
    try:
        with pytest.raises(mappings.TableError, match="in both curand.toml and other.toml"):
            mappings.lookup(first.name)
    finally:
        monkeypatch.undo()
        mappings._index.cache_clear()


def test_family_keys_must_be_strings():
    with pytest.raises(mappings.TableError, match="title must be a string"):
        mappings.parse_table({"title": 3})


def test_only_routines_with_complex_operands_carry_the_hipblas_v2_note():
    """hipBLAS's v1/v2 difference is in its complex types: real routines (Scopy, Sscal) need no note."""
    noted = {r.name for r in mappings.load_table("cublas") if "complex types" in r.hip_note}
    assert {"cublasCgemm", "cublasZdotc", "cublasScasum", "cublasDznrm2", "cublasIcamax", "cublasCsscal"} <= noted
    assert not noted & {"cublasScopy", "cublasSscal", "cublasDscal", "cublasSgemm", "cublasIsamax"}
    assert all(re.match(r"cublas(I[cz]|[CZ]|Sc|Dz)", name) for name in noted)


def test_programs_link_the_cuda_libraries_they_include():
    """nvcc builds of the original (translator/verify/cuda_reference.py) link what the includes ask for."""
    text = '#include <cublas_v2.h>\n# include "curand_kernel.h"\n#include <cuComplex.h>\n#include <cuda_runtime.h>\n'
    assert mappings.cuda_link_libraries(text) == ["cublas", "curand"]
    assert mappings.cuda_link_libraries("#include <cuda_runtime.h>\n") == []


def test_names_in_skipped_preprocessor_regions_are_never_errors(tmp_path):
    """`#ifdef USE_CUBLAS` code the compiler does not see is left as written on every target, as a compiler
    would leave it (the active configuration is translated): no M001 for names it is never compiled with."""
    src = tmp_path / "optional.cu"
    src.write_text("#include <cuda_runtime.h>\n#ifdef USE_CUBLAS\n#include <cublas_v2.h>\n#endif\n"
                   "__global__ void k(float *p) { p[threadIdx.x] = 1.0f; }\n"
                   "int main() {\n    float *p; cudaMalloc(&p, 64); k<<<1, 16>>>(p);\n#ifdef USE_CUBLAS\n"
                   "    cublasHandle_t h; cublasCreate(&h); cublasSgeam(h);\n#endif\n#if 0\n"
                   "    cudaGraph_t g; cudaGraphCreate(&g, 0);\n#endif\n    return 0;\n}\n")
    output, diags = _convert(src, "opencl")
    assert output is not None and not [d for d in diags if d.code == "M001"]
    assert "oclrtMalloc(&p, 64)" in output.files["optional.cpp"].decode()
    output, diags = _convert(src, "hip")
    text = output.files["optional.hip"].decode()
    assert "cublasHandle_t h; cublasCreate(&h); cublasSgeam(h);" in text and "cudaGraphCreate(&g, 0)" in text
    assert "#include <cublas_v2.h>" in text and "hipMalloc(&p, 64)" in text
    assert not [d for d in diags if d.code in ("M001", "M004")]


def test_a_qualified_library_name_counts_only_in_its_namespace(tmp_path):
    """`thrust::copy` and `copy` after `using namespace thrust` are Thrust's; `std::copy` and a program's own
    `copy` are not, on any target."""
    src = tmp_path / "scoped.cu"
    src.write_text("#include <algorithm>\n#include <thrust/copy.h>\n#include <thrust/device_vector.h>\n"
                   "namespace mine { int copy(int v) { return v; } }\n"
                   "int main() {\n    int a[2] = {1, 2}, b[2];\n    std::copy(a, a + 2, b);\n"
                   "    thrust::device_vector<int> d(2);\n    thrust::copy(a, a + 2, d.begin());\n"
                   "    using namespace thrust;\n    copy(a, a + 2, d.begin());\n    return mine::copy(b[0]);\n}\n")
    _, diags = _convert(src, "opencl")
    refused = sorted((d.line, d.message.split("'")[1]) for d in diags if d.code == "M001")
    assert refused == [(2, "thrust/copy.h"), (3, "thrust/device_vector.h"), (8, "thrust::device_vector"),
                       (9, "thrust::copy"), (10, "thrust"), (11, "thrust::copy")]


def test_a_namespace_rename_covers_the_qualifier_as_written(tmp_path):
    """`cub::DeviceReduce` is rewritten whole; `thrust::cuda::par` and `thrust::system::cuda` by their own
    records; a name the table lacks keeps its spelling in the renamed namespace."""
    src = tmp_path / "ns.cu"
    src.write_text("#include <cub/cub.cuh>\n#include <thrust/sort.h>\n#include <thrust/system/cuda/vector.h>\n"
                   "void f(int *k, cudaStream_t s) {\n"
                   "    void *t = 0; size_t b = 0; cub::DeviceReduce::Sum(t, b, k, k, 4);\n"
                   "    namespace alias = cub; alias::DeviceScan::ExclusiveSum(t, b, k, k, 4);\n"
                   "    thrust::sort(thrust::cuda::par.on(s), k, k + 4);\n"
                   "    thrust::sort(thrust::system::cuda::par, k, k + 4);\n}\n")
    output, diags = _convert(src, "hip")
    text = output.files["ns.hip"].decode()
    assert "hipcub::DeviceReduce::Sum(t, b, k, k, 4);" in text
    assert "namespace alias = hipcub; alias::DeviceScan::ExclusiveSum(t, b, k, k, 4);" in text
    assert "thrust::sort(thrust::hip::par.on(s), k, k + 4);" in text
    assert "thrust::sort(thrust::system::hip::par, k, k + 4);" in text
    assert "#include <thrust/system/hip/vector.h>" in text
    assert not [d for d in diags if d.code == "M001"]


def test_a_library_type_in_device_code_is_refused_naming_the_library(tmp_path):
    src = tmp_path / "block.cu"
    src.write_text("#include <cub/warp/warp_scan.cuh>\n"
                   "__global__ void k(const int *in, int *out) {\n"
                   "    __shared__ typename cub::WarpScan<int>::TempStorage temp;\n"
                   "    cub::WarpScan<int>(temp).ExclusiveSum(in[threadIdx.x], out[threadIdx.x]);\n}\n")
    _, diags = _convert(src, "cpu")
    (error,) = [d for d in diags if d.code == "M001" and "device code" in d.message]
    assert error.line == 3
    assert error.message == ("'cub::WarpScan' (CUB) has no equivalent in OpenCL or CPU device code "
                             "(--to hip translates it to 'hipcub::WarpScan')")


def test_qualified_names_keep_their_number_of_parts():
    with pytest.raises(mappings.TableError, match="as many '::' parts"):
        mappings.parse_table({"s": {"thrust::cuda": {"kind": "namespace", "hip": "hip", "opencl": "", "cpu": "",
                                                     "flags": {"hip": "supported", "opencl": "unsupported",
                                                               "cpu": "unsupported"}}}})
    assert mappings.spelled("hipcub::DeviceReduce", 1) == "DeviceReduce"
    assert mappings.spelled("thrust::hip::par", 2) == "hip::par"


def test_hip_writes_cudas_warp_width_where_cub_defaults_it(tmp_path):
    """hipCUB's warp collectives default to the wavefront (64 lanes on CDNA), CUB's to 32: the HIP output writes
    32 where the program leaves the width out, with the defaults between where there are any, and leaves a
    written width, a width given through a template parameter and a program's own `WarpReduce` alone."""
    src = tmp_path / "widths.cu"
    src.write_text("#include <cub/cub.cuh>\n"
                   "template <typename F, typename T> __device__ T WarpReduce(T v) { return v; }\n"
                   "template <typename T, int W> __device__ T sum(T v) {\n"
                   "    __shared__ typename cub::WarpReduce<T>::TempStorage a[4];\n"
                   "    __shared__ typename cub::WarpReduce<T, W>::TempStorage b[4];\n"
                   "    return cub::WarpReduce<T>(a[0]).Sum(v) + cub::WarpReduce<T, W>(b[0]).Sum(v);\n}\n"
                   "using Scan = cub::WarpScan<cub::KeyValuePair<int, float>>;\n"
                   "using Load = cub::WarpLoad<int, 4>;\n"
                   "using Store = cub::WarpStore<int, 4, cub::WARP_STORE_TRANSPOSE>;\n"
                   "using Exchange = cub::WarpExchange<int, 4, 16>;\n"
                   "__global__ void k(float *p) { p[threadIdx.x] = WarpReduce<int>(sum<float, 8>(p[0])); }\n")
    output, _ = _convert(src, "hip")
    text = output.files["widths.hip"].decode()
    assert "typename hipcub::WarpReduce<T, 32>::TempStorage a[4];" in text
    assert "typename hipcub::WarpReduce<T, W>::TempStorage b[4];" in text
    assert "return hipcub::WarpReduce<T, 32>(a[0]).Sum(v) + hipcub::WarpReduce<T, W>(b[0]).Sum(v);" in text
    assert "using Scan = hipcub::WarpScan<hipcub::KeyValuePair<int, float>, 32>;" in text
    assert "using Load = hipcub::WarpLoad<int, 4, hipcub::WARP_LOAD_DIRECT, 32>;" in text
    assert "using Store = hipcub::WarpStore<int, 4, hipcub::WARP_STORE_TRANSPOSE, 32>;" in text
    assert "using Exchange = hipcub::WarpExchange<int, 4, 16>;" in text
    assert "p[threadIdx.x] = WarpReduce<int>(sum<float, 8>(p[0]));" in text
