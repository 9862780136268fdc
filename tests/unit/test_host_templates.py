"""Launches inside host function templates: the kernel instances they need come from the host
template's instances, and the translated launch lets the C++ compiler pick the instance."""

from __future__ import annotations

import pytest

from translator.backends.program import ProgramBackend
from translator.diagnostics import CutransError, Severity
from translator.driver import convert_unit, load_unit
from translator.frontend.clang_setup import parse
from translator.frontend.host_sites import collect_host_sites

KERNELS = """
template <typename T>
__global__ void fill(T* o, T v, int n) { int i = threadIdx.x; if (i < n) o[i] = v; }

template <typename T, int R, bool NEG = false>
__global__ void scale(T* o, int n) { int i = threadIdx.x; if (i < n) o[i] = NEG ? -o[i] * R : o[i] * R; }
"""
HOSTS = """
template <typename T>
void run_fill(T* o, T v, int n) { fill<T><<<1, 32>>>(o, v, n); }

template <int R, typename T>
void run_scale(T* o, int n) {
    scale<T, R><<<1, 32>>>(o, n);
    scale<T, R, true><<<1, 32>>>(o, n);
    fill<<<1, 32>>>(o, (T)0, n);
}

template <typename T>
void both(T* o, int n) { run_fill<T>(o, (T)1, n); run_scale<3>(o, n); }
"""
MAIN = """
int main() {
    float* f; double* d; int* i;
    run_fill<float>(f, 1.0f, 4);
    run_fill(d, 2.0, 4);
    both<int>(i, 4);
    return 0;
}
"""


def _kernels(module):
    return [f.name for f in module.functions if f.kind == "kernel"]


def test_instances_come_from_explicit_deduced_and_nested_host_instances(lower):
    module, diags = lower(KERNELS + HOSTS + MAIN)
    assert not diags
    assert sorted(_kernels(module)) == ["fill_double", "fill_float", "fill_int", "scale_int_3_0", "scale_int_3_1"]


def test_non_type_arguments_reach_the_kernel_instance(lower):
    module, _ = lower(KERNELS + HOSTS + "int main() { long* p; run_scale<-2>(p, 4); return 0; }")
    assert sorted(_kernels(module)) == ["fill_long", "scale_long_m2_0", "scale_long_m2_1"]


def test_launch_sites_keep_their_written_template_arguments(cuda_file):
    path = cuda_file(KERNELS + HOSTS + MAIN)
    tu, source, _ = parse(path)
    sites = collect_host_sites(tu, path, source)
    generic = [s for s in sites.launches if s.generic]
    assert [(s.generic, s.template_args and s.template_args.text(source)) for s in generic] == [
        ("fill", "<T>"), ("scale", "<T, R>"), ("scale", "<T, R, true>"), ("fill", None)]
    assert ProgramBackend.launch_call(generic[1], source) == \
        "cutrans_dispatch_scale((const cutrans_kernel_scale<T, R>*)nullptr, 1, 32, 0, 0, o, n)"
    assert ProgramBackend.launch_call(generic[3], source) == \
        "cutrans_dispatch_fill(nullptr, 1, 32, 0, 0, o, (T)0, n)"
    assert sites.generic_kernels["scale"].parameters == "class T, int R, bool NEG = false"


@pytest.mark.parametrize("target", ["opencl", "cpu"])
def test_launch_header_overloads_the_dispatch_per_instance(cuda_file, target):
    unit = load_unit(cuda_file(KERNELS + HOSTS + MAIN))
    assert unit.sites.generic_instances["scale"] == {"scale_int_3_0": "int, 3, false", "scale_int_3_1": "int, 3, true"}
    output, _ = convert_unit(unit, target)
    header = output.files["snippet.launch.h"].decode()
    assert "template <class T, int R, bool NEG = false> struct cutrans_kernel_scale;" in header
    assert "cutrans_dispatch_scale(const cutrans_kernel_scale<int, 3, true>*" in header
    assert "cutrans_launch_scale_int_3_1(cutrans_grid, cutrans_block, cutrans_shared_bytes, cutrans_stream, o, n);" \
        in header
    assert header.count("static inline void cutrans_dispatch_fill(") == 3
    host = output.files["snippet.cpp"].decode()
    assert "cutrans_dispatch_fill((const cutrans_kernel_fill<T>*)nullptr, 1, 32, 0, 0, o, v, n);" in host


def test_unsigned_arguments_are_spelled_for_their_parameter(lower, cuda_file):
    unit = load_unit(cuda_file("""
template <unsigned N, typename T> __global__ void k(T* o) { o[0] = N; }
template <unsigned N> void run(int* o) { k<N><<<1, 1>>>(o); }
int main() { int* o; run<7u>(o); return 0; }"""))
    assert unit.sites.generic_instances["k"] == {"k_7_int": "7u, int"}


def test_a_host_template_never_instantiated_is_only_a_warning(lower):
    module, diags = lower(KERNELS + HOSTS + "int main() { return 0; }")
    assert _kernels(module) == []
    assert {(d.severity, d.code) for d in diags} == {(Severity.WARNING, "L001")}
    assert "never instantiates" in diags[0].message


def test_a_launch_in_a_class_template_member_is_refused(lower):
    _, diags = lower(KERNELS + """
template <typename T> struct Runner { void go(T* o) { fill<T><<<1, 1>>>(o, (T)0, 1); } };
int main() { Runner<float> r; float* o; r.go(o); return 0; }""")
    assert [(d.severity, d.code, d.line) for d in diags] == [(Severity.ERROR, "L001", 8)]


def test_a_parameter_the_launch_header_cannot_declare_is_refused(cuda_file):
    unit = load_unit(cuda_file("""
template <typename T, T V> __global__ void k(T* o) { o[0] = V; }
template <typename T> void run(T* o) { k<T, 2><<<1, 1>>>(o); }
int main() { int* o; run(o); return 0; }"""))
    with pytest.raises(CutransError) as exc:
        convert_unit(unit, "opencl")
    assert "only integral types" in exc.value.diagnostics[0].message


# ---------------------------------------------------------------- kernels defined in local headers
# (the same host-side machinery: the host code includes an edited copy of the header)

HEADER = """#define BLOCK 32
__device__ float twice(float x) { return 2.0f * x; }
__global__ void doubled(float* o, int n) { int i = threadIdx.x; if (i < n) o[i] = twice(o[i]); }
"""


def test_a_kernel_from_a_local_header_is_lowered_and_its_header_copied(cuda_file):
    cuda_file(HEADER, "kernels.h")
    unit = load_unit(cuda_file('#include "kernels.h"\nint main() { float* o; doubled<<<1, BLOCK>>>(o, 4); return 0; }'))
    assert not [d for d in unit.diagnostics if d.severity == Severity.ERROR]
    assert [f.name for f in unit.module.functions] == ["twice", "doubled"]
    (copy,) = unit.sites.headers
    assert (copy.include.header, copy.output_name) == ("kernels.h", "kernels.host.h")
    output, _ = convert_unit(unit, "cpu")
    host = output.files["snippet.cpp"].decode()
    assert host.startswith('#include "cpurt.h"') and '#include "kernels.host.h"\n' in host
    assert "cutrans_launch_doubled(1, BLOCK, 0, 0, o, 4)" in host
    header = output.files["kernels.host.h"].decode()
    assert header.startswith("#define BLOCK 32\n/* cutrans: device function 'twice' moved to the .kernels.c file of "
                             "each source that includes this header */\n")
    assert "__global__" not in header and header.count("\n") == HEADER.count("\n")


def test_a_header_without_device_code_is_included_as_it_is(cuda_file):
    cuda_file("#define BLOCK 32\nstatic int host_only(int x) { return x; }\n", "plain.h")
    unit = load_unit(cuda_file('#include "plain.h"\n__global__ void k(int* o) { o[0] = BLOCK; }\n'
                               'int main() { int* o; k<<<1, 1>>>(o); return host_only(0); }'))
    assert unit.sites.headers == []
