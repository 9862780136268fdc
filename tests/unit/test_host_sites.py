"""collect_host_sites on small CUDA snippets: exact spans for includes, names, launches, device decls."""

from __future__ import annotations

import pytest

from translator.frontend.clang_setup import parse
from translator.frontend.host_sites import collect_host_sites

HEAD = "#include <cuda_runtime.h>\n"


@pytest.fixture
def sites_of(tmp_path):
    def collect(body: str, name: str = "snippet.cu"):
        path = tmp_path / name
        path.write_text(HEAD + body)
        tu, source, _ = parse(str(path))
        return collect_host_sites(tu, str(path), source), source
    return collect


def texts(spans, source):
    return [s.text(source) for s in spans]


def test_include_span_is_the_whole_directive_line(sites_of):
    sites, src = sites_of('#include "device_launch_parameters.h"   \n')
    assert [(i.header, i.angled) for i in sites.includes] == [("cuda_runtime.h", True),
                                                              ("device_launch_parameters.h", False)]
    assert texts([i.span for i in sites.includes], src) == ["#include <cuda_runtime.h>",
                                                           '#include "device_launch_parameters.h"   ']
    assert (sites.includes[1].span.line, sites.includes[1].span.col) == (2, 1)


def test_names_in_plain_host_code(sites_of):
    sites, src = sites_of("int main() { float *d; cudaMalloc(&d, 4); cudaFree(d); return 0; }\n")
    assert [(n.name, n.kind) for n in sites.names] == [("cudaMalloc", "function"), ("cudaFree", "function")]
    first = sites.names[0].span
    assert src[first.start:first.end] == b"cudaMalloc" and (first.line, first.col) == (2, 24)


def test_names_inside_a_macro_definition_and_its_arguments_each_once(sites_of):
    sites, src = sites_of(
        "#define CHECK(x) do { cudaError_t e = (x); if (e != cudaSuccess) "
        "printf(\"%s\", cudaGetErrorString(e)); } while (0)\n"
        "#include <cstdio>\n"
        "void f(float *d) { CHECK(cudaMemcpy(d, d, 4, cudaMemcpyHostToDevice)); }\n")
    names = [n.name for n in sites.names]
    assert names == ["cudaError_t", "cudaSuccess", "cudaGetErrorString", "cudaMemcpy", "cudaMemcpyHostToDevice"]
    assert all(n.span.text(src) == n.name for n in sites.names)
    starts = [n.span.start for n in sites.names]
    assert len(set(starts)) == len(starts)


def test_flag_macros_and_types_are_names(sites_of):
    sites, _ = sites_of("void f() { cudaStream_t s; cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking); }\n")
    assert [(n.name, n.kind) for n in sites.names] == [
        ("cudaStream_t", "type"), ("cudaStreamCreateWithFlags", "function"), ("cudaStreamNonBlocking", "macro")]


def test_plain_launch_pieces(sites_of):
    sites, src = sites_of("__global__ void k(float *a, int n) {}\n"
                          "void f(float *d, cudaStream_t s) { k<<<4, 256, 0, s>>>(d, 10); }\n")
    (launch,) = sites.launches
    assert launch.kernel == "k"
    assert launch.callee.text(src) == "k"
    assert launch.config.text(src) == "<<<4, 256, 0, s>>>"
    assert texts(launch.config_args, src) == ["4", "256", "0", "s"]
    assert launch.args.text(src) == "(d, 10)"
    assert texts(launch.arg_list, src) == ["d", "10"]
    assert launch.span.text(src) == "k<<<4, 256, 0, s>>>(d, 10)"
    assert sites.diagnostics == []


def test_template_launch_with_two_config_args(sites_of):
    sites, src = sites_of("template <typename T, int N> __global__ void k(T *a) {}\n"
                          "void f(float *d) { k<float, 4><<<dim3(2, 2), dim3(16, 16)>>>(d); }\n")
    (launch,) = sites.launches
    assert launch.kernel == "k"
    assert launch.callee.text(src) == "k<float, 4>"
    assert texts(launch.config_args, src) == ["dim3(2, 2)", "dim3(16, 16)"]
    assert texts(launch.arg_list, src) == ["d"]


def test_launch_inside_a_macro_argument_is_located_by_tokens(sites_of):
    sites, src = sites_of("#define WRAP(...) __VA_ARGS__\n"
                          "__global__ void k(float *a, int n) {}\n"
                          "void f(float *d) { WRAP(k<<<1, 32>>>(d, 3)); }\n")
    (launch,) = sites.launches
    assert launch.span.text(src) == "k<<<1, 32>>>(d, 3)"
    assert texts(launch.config_args, src) == ["1", "32"]
    assert texts(launch.arg_list, src) == ["d", "3"]
    assert launch.args.text(src) == "(d, 3)"


def test_launch_written_through_a_macro_body_is_an_m003(sites_of):
    sites, _ = sites_of("#define LAUNCH(kern, g, b, ...) kern<<<g, b>>>(__VA_ARGS__)\n"
                        "__global__ void k(float *a, int n) {}\n"
                        "void f(float *d) {\n  LAUNCH(k, 1, 32, d, 3);\n}\n")
    assert sites.launches == []
    (diag,) = sites.diagnostics
    assert diag.code == "M003" and (diag.line, diag.col) == (5, 3)
    assert "'k'" in diag.message and "LAUNCH" in diag.message


DECLS = """static __global__ void a(float *x) {}
__launch_bounds__(128) __global__ void b(float *x) {}
__global__ void c(float *x);
extern "C" __global__ void d(float *x) {}
namespace ns { __device__ inline float sq(float v) { return v * v; } }
__host__ __device__ float both(float v) { return v; }
__constant__ float cc[4] = {1, 2, 3, 4};
__device__ int da, db;
template <typename T>
__global__ void t(T *x) {}
float host_only(float v) { return v; }
"""


def test_device_declarations_and_their_spans(sites_of):
    sites, src = sites_of(DECLS)
    got = [(d.name, d.kind, d.host_too, d.span.text(src)) for d in sites.device_decls]
    assert got == [
        ("a", "kernel", False, "static __global__ void a(float *x) {}"),
        ("b", "kernel", False, "__launch_bounds__(128) __global__ void b(float *x) {}"),
        ("c", "kernel", False, "__global__ void c(float *x);"),
        ("d", "kernel", False, 'extern "C" __global__ void d(float *x) {}'),
        ("sq", "device_function", False, "__device__ inline float sq(float v) { return v * v; }"),
        ("both", "device_function", True, "__host__ __device__ float both(float v) { return v; }"),
        ("cc", "constant_variable", False, "__constant__ float cc[4] = {1, 2, 3, 4};"),
        ("da, db", "device_variable", False, "__device__ int da, db;"),
        ("t", "kernel", False, "template <typename T>\n__global__ void t(T *x) {}"),
    ]
