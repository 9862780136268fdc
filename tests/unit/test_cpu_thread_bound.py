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


@pytest.mark.parametrize("test", ["p < n && q < 8", "q < 8 && p < n", "q < 8 && p < n && x[q] > 0.0f"])
def test_the_bound_of_a_two_dimensional_test(tmp_path, test):
    """`if (p < n && rest)`: the x loop stops at n and runs `if (rest)`; rest is the other terms, in order."""
    body = ("int p = blockIdx.x * blockDim.x + threadIdx.x;\nint q = blockIdx.y * blockDim.y + threadIdx.y;\n"
            f"if ({test}) y[q * n + p] = 2.0f * x[p];")
    text = _kernel_c(tmp_path, body)
    fast = text.split("} else {")[0]
    assert _bounded(fast)
    rest = " && ".join(t for t in test.split(" && ") if t != "p < n")
    assert f"if ({rest})" in fast and "p < n" not in fast
