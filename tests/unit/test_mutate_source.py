"""Source edits that replay the IR mutants on HIP output (translator/verify/mutate_source.py): each
operator's edit on small snippets, brackets inside comments and strings, nested subscripts, lines the
HIP backend moved or rewrote, and the not-applicable path. No toolchain needed."""

from __future__ import annotations

import pytest

from translator.verify import mutate_source as S
from translator.verify.mutate_source import NotApplicable, SourceSite


def edit(source: str, operator: str, line: int, col: int, hip: str | None = None, **hints) -> str:
    """The HIP text (default: the source itself) with the edit of `operator` at line:col of `source`."""
    site = SourceSite(operator, "k.cu", line, col, **hints)
    return S.apply_to_text(site, source.encode(), (source if hip is None else hip).encode()).decode()


def at(source: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """(line, col), 1-based, of occurrence `nth` of `needle` in `source`."""
    start = -1
    for _ in range(nth + 1):
        start = source.index(needle, start + 1)
    line = source.count("\n", 0, start) + 1
    return line, start - (source.rfind("\n", 0, start) + 1) + 1


# -- off-by-one-index

def test_subscript_gets_plus_one_around_the_whole_index():
    src = "void f(float *a, int i) {\n    a[i * 2] = 0;\n}\n"
    assert "    a[(i * 2) + 1] = 0;" in edit(src, "off-by-one-index", *at(src, "a["))


def test_brackets_in_comments_and_strings_are_skipped():
    src = 'void f(int *a, int i) {\n    g(a[i /* ] */ + 1], "]", \']\');\n}\n'
    out = edit(src, "off-by-one-index", *at(src, "a["))
    assert 'g(a[(i /* ] */ + 1) + 1], "]", \']\');' in out


def test_nested_subscript_outer_and_inner():
    src = "void f(int *a, int *b, int i) {\n    x = a[b[i]];\n}\n"
    assert "x = a[(b[i]) + 1];" in edit(src, "off-by-one-index", *at(src, "a["))
    assert "x = a[b[(i) + 1]];" in edit(src, "off-by-one-index", *at(src, "b["))


def test_chained_subscript_skips_the_earlier_ones():
    src = "void f(float m[4][4], int i, int j) {\n    x = m[i][j] + s.v[j];\n}\n"
    assert "x = m[(i) + 1][j]" in edit(src, "off-by-one-index", *at(src, "m[i"))
    assert "x = m[i][(j) + 1]" in edit(src, "off-by-one-index", *at(src, "m[i"), subscript=1)
    assert "s.v[(j) + 1]" in edit(src, "off-by-one-index", *at(src, "s.v"))


def test_subscript_after_a_member_arrow_and_a_parenthesised_base():
    src = "void f(S *p, float *q, int i) {\n    x = p->data[i] + (q + 1)[i];\n}\n"
    assert "p->data[(i) + 1]" in edit(src, "off-by-one-index", *at(src, "p->"))
    assert "(q + 1)[(i) + 1]" in edit(src, "off-by-one-index", *at(src, "(q"))


def test_no_subscript_at_the_location_is_not_applicable():
    src = "void f(float *a, int i) {\n    x = *(a + i);\n}\n"
    with pytest.raises(NotApplicable, match="no subscript follows"):
        edit(src, "off-by-one-index", *at(src, "a +"))


# -- drop-barrier

def test_barrier_becomes_a_void_expression():
    src = "__global__ void k() {\n    __syncthreads();\n}\n"
    assert "    ((void)0);\n" in edit(src, "drop-barrier", *at(src, "__sync"))


def test_a_location_inside_a_comment_is_not_applicable():
    src = "__global__ void k() {\n    // __syncthreads();\n    __syncthreads();\n}\n"
    with pytest.raises(NotApplicable, match="not at a token"):
        edit(src, "drop-barrier", *at(src, "__sync"))
    assert "// __syncthreads();\n    ((void)0);" in edit(src, "drop-barrier", *at(src, "__sync", 1))


def test_a_different_barrier_call_is_not_applicable():
    src = "__global__ void k() {\n    __syncwarp();\n}\n"
    with pytest.raises(NotApplicable, match="not a __syncthreads"):
        edit(src, "drop-barrier", *at(src, "__sync"))


# -- shuffle-offset

@pytest.mark.parametrize("call, expected", [
    ("__shfl_down_sync(0xffffffff, v, o)", "__shfl_down_sync(0xffffffff, v, (o) + 1)"),
    ("__shfl_xor_sync(m, f(v, 1), d >> 1, 16)", "__shfl_xor_sync(m, f(v, 1), (d >> 1) + 1, 16)"),
    ("__shfl_sync(m, v, (lane + 1) % 32)", "__shfl_sync(m, v, ((lane + 1) % 32) + 1)"),
    ("__shfl_sync(m, a[i], d[k], w)", "__shfl_sync(m, a[i], (d[k]) + 1, w)"),
    ("__shfl_up(v, 2)", "__shfl_up(v, (2) + 1)"),
])
def test_shuffle_lane_argument_is_wrapped(call, expected):
    src = f"__global__ void k(int v) {{\n    v += {call};\n}}\n"
    assert f"v += {expected};" in edit(src, "shuffle-offset", *at(src, "__shfl"))


def test_shuffle_with_too_few_arguments_is_not_applicable():
    src = "__global__ void k(int v) {\n    v += __shfl_down_sync(m, v);\n}\n"
    with pytest.raises(NotApplicable, match="no argument 3"):
        edit(src, "shuffle-offset", *at(src, "__shfl"))


# -- double-to-float

def test_declaration_type_becomes_float():
    src = "__global__ void k() {\n    const double acc = 1e8;\n}\n"
    assert "const float acc = 1e8;" in edit(src, "double-to-float", *at(src, "acc"), name="acc")


def test_double_operation_and_shared_declarations_are_not_applicable():
    src = "__global__ void k(double *x) {\n    double a = 1, acc = x[0] * 2.0;\n    double b, c;\n    double t[2] = {1, 2}, u;\n}\n"
    with pytest.raises(NotApplicable, match="not a declaration"):
        edit(src, "double-to-float", *at(src, "x[0]"))
    with pytest.raises(NotApplicable, match="plain `double`"):
        edit(src, "double-to-float", *at(src, "acc"), name="acc")
    with pytest.raises(NotApplicable, match="declares other variables"):
        edit(src, "double-to-float", *at(src, "b,"), name="b")
    with pytest.raises(NotApplicable, match="declares other variables"):
        edit(src, "double-to-float", *at(src, "t["), name="t")
    with pytest.raises(NotApplicable, match="not the declared name"):
        edit(src, "double-to-float", *at(src, "acc"), name="other")


# -- atomic-to-plain

def test_atomic_add_becomes_the_plain_helper_defined_after_the_hip_include():
    src = "#include <cuda_runtime.h>\n__global__ void k(int *t) {\n    int old = atomicAdd(t, 2);\n}\n"
    hip = src.replace("cuda_runtime.h", "hip/hip_runtime.h")
    out = edit(src, "atomic-to-plain", *at(src, "atomicAdd"), hip=hip)
    assert "int old = cutrans_plain_add(t, 2);" in out
    assert out.index("#include <hip/hip_runtime.h>") < out.index("T cutrans_plain_add(T *p, U v)") < out.index("k(")
    assert "T old = *p; *p = static_cast<T>(old + v); return old;" in out


def test_atomic_add_without_the_hip_include_is_not_applicable():
    src = "__global__ void k(int *t) {\n    atomicAdd(t, 2);\n}\n"
    with pytest.raises(NotApplicable, match="hip_runtime"):
        edit(src, "atomic-to-plain", *at(src, "atomicAdd"))


def test_other_atomics_are_not_applicable():
    src = "#include <hip/hip_runtime.h>\n__global__ void k(int *t) {\n    atomicMax(t, 2);\n}\n"
    with pytest.raises(NotApplicable, match="not an atomicAdd"):
        edit(src, "atomic-to-plain", *at(src, "atomicMax"))


# -- finding the original location in the HIP text

def test_an_inserted_line_moves_the_site_down():
    src = '#include <cuda_runtime.h>\n\n__global__ void k(int *a) {\n    a[0] = 1;\n}\n'
    hip = src.replace("<cuda_runtime.h>", '<hip/hip_runtime.h>\n#include "cutrans_hip_compat.h"')
    assert "    a[(0) + 1] = 1;" in edit(src, "off-by-one-index", *at(src, "a[0]"), hip=hip)


def test_a_rewritten_line_is_searched_instead_of_trusting_the_column():
    src = "void f(int *a) {\n    cudaFoo(a[1]); g(a[2]);\n}\n"
    hip = "void f(int *a) {\n    hipFoo(a[1]); g(a[2]);\n}\n"
    assert "hipFoo(a[1]); g(a[(2) + 1]);" in edit(src, "off-by-one-index", *at(src, "a[2]"), hip=hip)


def test_a_line_rewritten_beyond_recognition_is_not_applicable():
    src = "void f(int *a) {\n    cudaFoo(a[1]);\n}\n"
    hip = "void f(int *a) {\n    hipFoo(b[1]);\n}\n"
    with pytest.raises(NotApplicable, match="cannot be matched"):
        edit(src, "off-by-one-index", *at(src, "a[1]"), hip=hip)


def test_site_of_a_mutant_and_a_construct_in_another_file():
    from types import SimpleNamespace
    mutant = SimpleNamespace(operator="off-by-one-index", location="k.cuh:3:9", subscript=0, declared="")
    assert S.site_of(mutant) == SourceSite("off-by-one-index", "k.cuh", 3, 9)
    unit = SimpleNamespace(path="/x/k.cu", source=b"")
    with pytest.raises(NotApplicable, match="in k.cuh, not in the translated file k.cu"):
        S.apply_to_output(mutant, unit, SimpleNamespace(files={"k.hip": b""}))
    with pytest.raises(NotApplicable, match="no source location"):
        S.site_of(SimpleNamespace(operator="drop-barrier", location="<ir>", subscript=0, declared=""))
