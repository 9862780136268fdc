"""Variable templates in device memory: one device variable per instance, named after its arguments;
host code names an instance through `cutrans_symbol_<template><args>::ref()` on OpenCL and CPU."""

from __future__ import annotations

import pytest

from translator.diagnostics import CutransError
from translator.driver import convert_unit, load_unit
from translator.frontend.clang_setup import parse
from translator.frontend.host_sites import collect_host_sites

SOURCE = """
#include <cstdint>
template <typename T> __constant__ T table[4] = {1, 2, 3, 4};
template <int K, bool B> __device__ float scaled[K];
template <typename T>
__global__ void k(T* o, float* f) {
    o[0] = table<T>[1] + table<int16_t>[2] + (T)table<unsigned long long>[3];
    f[0] = scaled<4, true>[0] + scaled<-3 + 10, false>[6];
}
template <typename T> void upload(const T* v) { cudaMemcpyToSymbol(table<T>, v, sizeof(table<T>)); }
int main() {
    float* f; double* d; const double w[4] = {0, 0, 0, 0};
    k<double><<<1, 1>>>(d, f);
    upload(w);
    int table = 2;                          // shadows the template: `table < 3` compares
    return table < 3 ? 0 : 1;
}
"""


def _globals(module):
    return {g.name: g for g in module.globals}


def test_each_instance_is_a_device_variable_named_after_its_arguments(lower):
    module, diags = lower(SOURCE)
    assert not [d for d in diags if d.severity.name == "ERROR"]
    globals_ = _globals(module)
    assert sorted(globals_) == ["scaled_4_1", "scaled_7_0", "table_double", "table_short", "table_ulonglong"]
    assert str(globals_["scaled_7_0"].type) == "f32[7]"
    assert globals_["table_short"].space == "constant" and globals_["scaled_4_1"].space == "global"
    assert globals_["table_double"].init is not None           # the template's initializer, per instance
    assert globals_["table_ulonglong"].host == ("table", "typename T", "unsigned long long")
    assert globals_["scaled_4_1"].host == ("scaled", "int K, bool B", "4, true")


def test_host_names_of_an_instance_are_found_and_a_shadowing_variable_is_not(cuda_file):
    path = cuda_file(SOURCE)
    tu, source, _ = parse(path)
    sites = collect_host_sites(tu, path, source)
    named = [(s.name, source[s.span.start:s.close].decode()) for s in sites.symbol_templates]
    assert ("table", "table<T>") in named and named.count(("table", "table<T>")) == 3   # device code too
    assert all(text != "table" for _, text in named)
    assert [d.kind for d in sites.device_decls if d.name in ("table", "scaled")] == \
        ["constant_variable", "device_variable"]


@pytest.mark.parametrize("target", ["opencl", "cpu"])
def test_host_code_names_instances_through_the_launch_header(cuda_file, target):
    output, _ = convert_unit(load_unit(cuda_file(SOURCE)), target)
    host = output.files["snippet.cpp"].decode()
    assert "MemcpyToSymbol(cutrans_symbol_table<T>::ref(), v, sizeof(cutrans_symbol_table<T>::ref()));" in host
    assert "return table < 3 ? 0 : 1;" in host
    header = output.files["snippet.launch.h"].decode()
    assert "template <typename T> struct cutrans_symbol_table;" in header
    assert "template <> struct cutrans_symbol_table<unsigned long long> {" in header
    assert "static decltype((table_ulonglong)) ref() { return table_ulonglong; }" in header
    assert "template <> struct cutrans_symbol_scaled<4, true> {" in header


def test_hip_keeps_variable_templates(cuda_file):
    output, _ = convert_unit(load_unit(cuda_file(SOURCE)), "hip")
    text = output.files["snippet.hip"].decode()
    assert "template <typename T> __constant__ T table[4]" in text and "table<T>[1]" in text


@pytest.mark.parametrize("argument, why", [
    ("float*", "not a builtin arithmetic type or an integral value"),
    ("P", "not a builtin arithmetic type or an integral value"),
])
def test_instances_whose_arguments_have_no_exact_spelling_are_refused(lower, argument, why):
    with pytest.raises(CutransError) as info:
        module, diags = lower(f"""
struct P {{ int a; }};
template <typename T> __device__ T slot[2];
__global__ void k(int* o) {{ o[0] = sizeof(slot<{argument}>[0]) + (int)(long long)&slot<{argument}>[1]; }}
""")
        raise CutransError(*diags)
    assert any(d.code == "L003" and why in d.message for d in info.value.diagnostics)


def test_a_variable_template_in_host_memory_is_not_device_memory(lower):
    module, diags = lower("""
template <typename T> const T limit = T(3);
__global__ void k(float* o) { o[0] = limit<float>; }
""")
    assert module.globals == []
    assert [(d.code, d.line) for d in diags] == [("L001", 3)]
    assert "variable template 'limit' is not __device__ or __constant__ memory" in diags[0].message
