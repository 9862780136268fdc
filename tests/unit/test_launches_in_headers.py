"""Kernel launches in the host code of the program's own headers (HeCBench fma-cuda's kernels.h): the kernels
they launch are lowered with the file's, the header's host copy calls the file's launch glue, which the file
includes before the copy, and the copy is the same whichever file includes it. Also: the branches of
`if constexpr` that an instance discards are not instantiated."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.backends.hip import HipBackend
from translator.diagnostics import Severity
from translator.driver import convert_unit, load_unit
from translator.frontend.clang_setup import parse
from translator.frontend.local_headers import program_files

KERNELS = """#pragma once
template <typename T>
__global__ void fill(T* o, T v, int n) { int i = threadIdx.x; if (i < n) o[i] = v; }

__global__ void twice(float* o, int n) { int i = threadIdx.x; if (i < n) o[i] *= 2.0f; }

template <typename T>
void run_fill(T* o, T v, int n) { fill<T><<<1, 32>>>(o, v, n); }

inline void run_twice(float* o, int n) { twice<<<1, 32>>>(o, n); }
"""
# The file's own host template calls the header's: only this file knows which instances the header's needs.
MAIN = """#include <cstdio>
#include "kernels.cuh"
#include <cuda_runtime.h>
template <typename T> void go(T* o, int n) { run_fill<T>(o, (T)2, n); }
int main() { float* f; int* i; go(f, 4); go(i, 4); run_twice(f, 4); return 0; }
"""


def _errors(unit) -> list:
    return [d for d in unit.diagnostics if d.severity == Severity.ERROR]


def _kernels(module) -> list[str]:
    return sorted(f.name for f in module.functions if f.kind == "kernel")


@pytest.fixture
def unit(cuda_file):
    cuda_file(KERNELS, "kernels.cuh")
    return load_unit(cuda_file(MAIN))


def test_program_files_are_the_file_and_its_own_headers_once_each_in_inclusion_order(cuda_file):
    cuda_file('#pragma once\n#include "b.h"\n', "a.h")
    cuda_file("#pragma once\nstatic int b_value = 1;\n", "b.h")
    path = cuda_file('#include <cstdio>\n#include "a.h"\n#include "b.h"\nint main() { return b_value; }\n')
    tu, _, _ = parse(path)
    assert [Path(f).name for f in program_files(tu, tu.spelling)] == ["snippet.cu", "a.h", "b.h"]


def test_kernels_launched_by_a_headers_host_code_are_lowered(unit):
    assert not _errors(unit)
    assert _kernels(unit.module) == ["fill_float", "fill_int", "twice"]
    assert unit.sites.generic_instances["fill"] == {"fill_float": "float", "fill_int": "int"}


@pytest.mark.parametrize("target", ["opencl", "cpu"])
def test_the_files_glue_comes_before_the_header_copy_that_calls_it(unit, target):
    output, _ = convert_unit(unit, target)
    host = output.files["snippet.cpp"].decode()
    runtime = {"opencl": "oclrt.h", "cpu": "cpurt.h"}[target]
    # the header is included before <cuda_runtime.h>: the glue goes first, as nvcc's implicit include does
    assert host.startswith(f'#include "{runtime}"\n#include "snippet.launch.h"\n#include <cstdio>\n'
                           f'#include "kernels.host.cuh"\n')
    copy = output.files["kernels.host.cuh"].decode()
    assert "launch.h" not in copy and "__global__" not in copy
    assert "{ cutrans_dispatch_fill((const cutrans_kernel_fill<T>*)nullptr, 1, 32, 0, 0, o, v, n); }" in copy
    assert "{ cutrans_launch_twice(1, 32, 0, 0, o, n); }" in copy
    glue = output.files["snippet.launch.h"].decode()
    assert glue.count("static inline void cutrans_dispatch_fill(") == 2


def test_hip_includes_the_runtime_before_a_header_with_device_code(unit):
    text = HipBackend().translate(unit).files["snippet.hip"].decode()
    assert text.startswith("#include <hip/hip_runtime.h>\n#include <cstdio>\n")


def test_a_header_copy_is_the_same_whichever_file_includes_it(cuda_file, unit):
    other = load_unit(cuda_file('#include "kernels.cuh"\nvoid work(double* d) { run_fill(d, 1.0, 4); }\n',
                                "other.cu"))
    assert _kernels(other.module) == ["fill_double", "twice"]      # run_twice launches twice in every file
    for target in ("opencl", "cpu"):
        mine, theirs = convert_unit(unit, target)[0].files, convert_unit(other, target)[0].files
        assert mine["kernels.host.cuh"] == theirs["kernels.host.cuh"]
        assert b'#include "other.launch.h"' in theirs["other.cpp"].split(b"\n", 2)[1]


def test_a_header_included_again_includes_its_copy_again(cuda_file):
    cuda_file(KERNELS, "kernels.cuh")
    cuda_file('#pragma once\n#include "kernels.cuh"\ninline void both(int* o) { run_fill(o, 3, 4); }\n', "uses.cuh")
    unit = load_unit(cuda_file('#include "kernels.cuh"\n#include "uses.cuh"\n#include "kernels.cuh"\n'
                               'int main() { int* o; both(o); return 0; }\n'))
    assert not _errors(unit)
    assert _kernels(unit.module) == ["fill_int", "twice"]
    output, _ = convert_unit(unit, "cpu")
    assert output.files["snippet.cpp"].decode().count('#include "kernels.host.cuh"\n') == 2
    # uses.cuh has no device code of its own; it is copied for the copy it includes
    assert output.files["uses.host.cuh"].decode().startswith('#pragma once\n#include "kernels.host.cuh"\n')


# ---------------------------------------------------------------- if constexpr in instances

DISCARDING = """#include <type_traits>
template <typename T> __global__ void fill(T* o, T v) { o[threadIdx.x] = v; }
template <typename T, int R> __global__ void scale(T* o) { o[threadIdx.x] *= R; }

template <typename T>
void run(void* p)
{
    auto o = reinterpret_cast<T*>(p);
    if constexpr (std::is_same_v<T, float>) {
        fill<float><<<1, 32>>>(o, 1.0f);       // type-checks for T = float only
    } else if constexpr (sizeof(T) == 8)
        scale<T, 2><<<1, 32>>>(o);
    else
        fill<T><<<1, 32>>>(o, T(2));
}
int main() { run<float>(nullptr); run<int>(nullptr); run<double>(nullptr); return 0; }
"""


def test_an_instance_leaves_out_the_branches_if_constexpr_discards(lower):
    module, diags = lower(DISCARDING)
    assert not diags
    # no scale_float_2 or scale_int_2 (their branch is discarded), no fill_double (the else of double's)
    assert _kernels(module) == ["fill_float", "fill_int", "scale_double_2"]


@pytest.mark.parametrize("target", ["opencl", "cpu"])
def test_a_host_template_with_if_constexpr_translates(cuda_file, target):
    output, _ = convert_unit(load_unit(cuda_file(DISCARDING)), target)
    glue = output.files["snippet.launch.h"].decode()
    assert "cutrans_dispatch_scale(const cutrans_kernel_scale<double, 2>*" in glue
    assert "cutrans_dispatch_fill(const cutrans_kernel_fill<int>*" in glue


# ---------------------------------------------------------------- explicit instantiations

EXPLICIT = """namespace ops {
template <typename T> __global__ void add(T* d, T v) { d[threadIdx.x] += v; }
template <typename T> void run(T* d, T v) { add<T><<<1, 32>>>(d, v); }
template void run<double>(double*, double);
extern template void run<long>(long*, long);
}
template void ops::run(float*,
                       float);
int main() { int* i; ops::run(i, 3); return 0; }
"""


def test_explicit_instantiation_definitions_ask_for_instances_as_calls_do(lower):
    module, diags = lower(EXPLICIT)
    assert not diags
    # the call's, then those of `template void run<double>` and of `template void ops::run(float*, float)`
    # (arguments deduced); an `extern template` instance is defined elsewhere
    assert [f.name for f in module.functions] == ["ops_add_int", "ops_add_double", "ops_add_float"]
