"""The CPU target's bounded thread loop (translator/backends/cpu_thread_loop.py `Bound`): a region that ends in
`if (i < n)` on `i = A + threadIdx.x` stops the x loop at n - A and runs the guarded statements unguarded,
so the vector loop needs no masked stores. Which regions qualify, and the text the backend writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.backends import cpu_thread_loop
from translator.driver import convert_unit, load_unit
from translator.ir import nodes as N


def _kernel_c(tmp_path: Path, body: str, params: str = "int n, const float *x, float *y") -> str:
    path = tmp_path / "k.cu"
    path.write_text(f"__global__ void k({params})\n{{\n{body}\n}}\n")
    output, _ = convert_unit(load_unit(str(path)), "cpu")
    return output.files["k.kernels.c"].decode()


def _bounded(text: str) -> bool:
    return f"cutrans_tx < {cpu_thread_loop.XEND}" in text


def test_the_bounds_check_becomes_the_loop_bound(tmp_path):
    text = _kernel_c(tmp_path, "int i = blockIdx.x * blockDim.x + threadIdx.x;\nif (i < n) y[i] = 2.0f * x[i];")
    assert _bounded(text)
    assert "const long long cutrans_xlim = (long long)(n) - cutrans_gx;" in text
    fast, generic = text.split("} else {")
    assert "if (i < n)" not in fast and _bounded(fast)
    # launches whose index may not fit in int keep the guard: there the index is not cutrans_gx + cutrans_tx
    assert "if (i < n)" in generic and not _bounded(generic)


def test_an_int_base_plus_thread_index_qualifies_in_every_version(tmp_path):
    text = _kernel_c(tmp_path, "int i = n / 2 + (int)threadIdx.x;\nif (i < n) y[i] = x[i];")
    assert _bounded(text) and "(long long)(n / 2)" in text


@pytest.mark.parametrize("body", [
    # the leading statement has an effect the dropped threads would miss
    "int i = blockIdx.x * blockDim.x + threadIdx.x;\nint j = atomicAdd((int *)y, 1);\nif (i < n) y[i] = x[i] + j;",
    # the limit is read from memory, which another thread may change
    "int i = blockIdx.x * blockDim.x + threadIdx.x;\nif (i < (int)x[0]) y[i] = x[i];",
    # a guard on another variable
    "int i = blockIdx.x * blockDim.x + threadIdx.x;\nint j = 2 * i;\nif (j < n) y[i] = x[i];",
    # twice the thread index: the guard is not a prefix of the threads
    "int i = 2 * threadIdx.x;\nif (i < n) y[i] = x[i];",
    # an else branch runs in the other threads
    "int i = blockIdx.x * blockDim.x + threadIdx.x;\nif (i < n) y[i] = x[i]; else y[0] = 1.0f;",
    # something after the if
    "int i = blockIdx.x * blockDim.x + threadIdx.x;\nif (i < n) y[i] = x[i];\ny[n + threadIdx.x] = 0.0f;",
    # the other half of the test has an effect, which the threads the bound drops would skip
    "int i = blockIdx.x * blockDim.x + threadIdx.x;\nif (i < n && atomicAdd((int *)y, 1) > 0) y[i] = x[i];",
])
def test_regions_that_keep_the_guard(tmp_path, body):
    assert not _bounded(_kernel_c(tmp_path, body))


def test_a_variable_a_later_region_reads_keeps_the_guard(tmp_path):
    body = ("__shared__ float s[256];\nint i = blockIdx.x * blockDim.x + threadIdx.x;\n"
            "if (i < n) s[threadIdx.x] = x[i];\n__syncthreads();\ny[i % 7] = s[(threadIdx.x + 1) % 256] + i;")
    text = _kernel_c(tmp_path, body)
    assert "i[cutrans_t]" in text                 # i lives across the barrier, per thread
    assert not _bounded(text)


def test_region_bound_reads_the_ir(lower):
    module, _ = lower("__global__ void k(int n, float *y) { int i = blockIdx.x * blockDim.x + threadIdx.x; "
                      "if (i < n) y[i] = 1.0f; }")
    stmts = module.functions[0].body.stmts
    bound = cpu_thread_loop.region_bound(stmts, set(), fast=True)
    assert bound is not None and bound.base is None and isinstance(bound.limit, N.VarRef)
    assert cpu_thread_loop.region_bound(stmts, set(), fast=False) is None
    assert cpu_thread_loop.region_bound(stmts, {"i"}, fast=True) is None


ROW_Q = "(int)(blockIdx.y * blockDim.y + threadIdx.y)"     # q, as the row check spells it


@pytest.mark.parametrize("test, row, inner", [
    ("p < n && q < 8", f"{ROW_Q} < 8", None),
    ("q < 8 && p < n", f"{ROW_Q} < 8", None),
    ("q < 8 && p < n && x[q] > 0.0f", f"{ROW_Q} < 8", "x[q] > 0.0f"),         # a load stays in the loop
    ("p < n && q % 3 == 1", None, "q % 3 == 1"),                              # so does a division
])
def test_the_bound_of_a_two_dimensional_test(tmp_path, test, row, inner):
    """`if (p < n && rest)`: the x loop stops at n; the terms of rest the same in every thread of a row
    are checked once per row, before the x loop, and the others are an `if` in it, in order."""
    body = ("int p = blockIdx.x * blockDim.x + threadIdx.x;\nint q = blockIdx.y * blockDim.y + threadIdx.y;\n"
            f"if ({test}) y[q * n + p] = 2.0f * x[p];")
    text = _kernel_c(tmp_path, body)
    fast = text.split("} else {")[0]
    assert _bounded(fast) and "p < n" not in fast
    if row:
        check = "{ const cutrans_uint3 threadIdx = {0u, cutrans_ty, cutrans_tz}; " + f"if (!({row})) continue; }}"
        assert check in fast and fast.index(check) < fast.index("#pragma omp simd")
    else:
        assert "continue; }" not in fast
    assert (f"if ({inner})" in fast) if inner else ("if (" not in fast.split("#pragma omp simd")[1])


@pytest.mark.parametrize("test, first", [
    ("p > 0 && p < n", "(long long)(0) + 1"),
    ("0 < p && p < n", "(long long)(0) + 1"),
    ("p >= 2 && p < n", "(long long)(2)"),
    ("p < n && 3 <= p", "(long long)(3)"),
])
def test_a_lower_bound_starts_the_x_loop(tmp_path, test, first):
    text = _kernel_c(tmp_path, f"int p = blockIdx.x * blockDim.x + threadIdx.x;\nif ({test}) y[p] = x[p - 1];")
    fast = text.split("} else {")[0]
    assert f"const long long cutrans_xfirst = {first} - cutrans_gx;" in fast
    assert "for (int cutrans_tx = cutrans_xbegin; cutrans_tx < cutrans_xend; ++cutrans_tx)" in fast
    assert "if (" not in fast.split("#pragma omp simd")[1]


def test_a_lower_bound_alone_and_an_inclusive_upper_bound(tmp_path):
    fast = _kernel_c(tmp_path, "int p = blockIdx.x * blockDim.x + threadIdx.x;\nif (p > 4) y[p] = x[p];").split(
        "} else {")[0]
    assert "cutrans_tx = cutrans_xbegin; cutrans_tx < (int)blockDim.x;" in fast and "cutrans_xlim" not in fast
    fast = _kernel_c(tmp_path, "int p = blockIdx.x * blockDim.x + threadIdx.x;\nif (p <= n) y[p] = x[p];").split(
        "} else {")[0]
    assert "const long long cutrans_xlim = (long long)(n) + 1 - cutrans_gx;" in fast


def test_assignments_to_the_regions_own_variables_may_precede_the_test(tmp_path):
    """PolyBench's stencils set their coefficients before the bounds check (`c11 = +0.2;`)."""
    body = ("int p = blockIdx.x * blockDim.x + threadIdx.x;\nfloat c;\nc = 0.5f;\n"
            "if (p < n) y[p] = c * x[p];")
    assert _bounded(_kernel_c(tmp_path, body).split("} else {")[0])
    # an assignment to a variable declared elsewhere, or one with an effect, keeps the guard
    for lead in ("y[0] = 0.5f;", "c = (float)atomicAdd((int *)y, 1);"):
        body = f"int p = blockIdx.x * blockDim.x + threadIdx.x;\nfloat c;\n{lead}\nif (p < n) y[p] = c * x[p];"
        assert not _bounded(_kernel_c(tmp_path, body))
