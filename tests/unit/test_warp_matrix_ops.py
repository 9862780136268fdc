"""The CPU target's per-warp tensor-core ops (translator/passes/warp_matrix_ops.py): fragments become one tile
per warp in block storage and runs of fragment ops one guarded call per warp between barriers, where every
thread of the block reaches them; everything else keeps the portable lowering, which is exact too."""

from __future__ import annotations

import importlib

import pytest

from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.matrix import Fragment
from translator.ir.types import Array, Scalar
from translator.passes import pipeline, run_pipeline
from translator.passes.lower_matrix_ops import lower_matrix_ops
from translator.passes.warp_matrix_ops import warp_matrix_ops

HEAD = "#include <mma.h>\n#include <cuda_fp16.h>\nusing namespace nvcuda;\n"
A16 = "wmma::fragment<wmma::matrix_a, 16, 16, 16, half, wmma::row_major>"
B16 = "wmma::fragment<wmma::matrix_b, 16, 16, 16, half, wmma::col_major>"
C16 = "wmma::fragment<wmma::accumulator, 16, 16, 16, float>"
TF32_A = "wmma::fragment<wmma::matrix_a, 16, 16, 8, wmma::precision::tf32, wmma::row_major>"
TF32_C = "wmma::fragment<wmma::accumulator, 16, 16, 8, float>"
PARAMS = "const half* a, const half* b, float* c, int k"
GEMM = f"""
    {A16} fa; {B16} fb; {C16} acc;
    wmma::fill_fragment(acc, 0.0f);
    for (int kk = 0; kk < k; kk += 16) {{
        wmma::load_matrix_sync(fa, a + kk, k);
        wmma::load_matrix_sync(fb, b + kk, k);
        wmma::mma_sync(acc, fa, fb, acc);
    }}
    for (int i = 0; i < acc.num_elements; i++) acc.x[i] = 2.0f * acc.x[i];
    wmma::store_matrix_sync(c, acc, 16, wmma::mem_row_major);"""


def _kernel(lower, body, params=PARAMS):
    module, diags = lower(HEAD + f"__global__ void k({params}) {{\n{body}\n}}")
    assert not diags, diags
    return warp_matrix_ops(module).functions[-1]


def _ops(f):
    return [n.op for n in walk(f) if isinstance(n, N.MatrixOp)]


def test_the_cpu_pipeline_runs_it_right_before_the_portable_lowering():
    cpu = pipeline("cpu")
    assert cpu.index(warp_matrix_ops) + 1 == cpu.index(lower_matrix_ops)
    assert warp_matrix_ops not in pipeline("opencl") and warp_matrix_ops not in pipeline("cuda")


def test_fragments_become_one_tile_per_warp_in_block_storage(lower):
    f = _kernel(lower, GEMM)
    decls = {d.name: d for d in walk(f) if isinstance(d, N.VarDecl) and d.name in ("fa", "fb", "acc")}
    assert {d.space for d in decls.values()} == {"shared"}
    assert decls["fa"].type == Array(Array(Scalar("f32"), 256), 32)      # halves held as floats, converted once
    assert decls["acc"].type == Array(Array(Scalar("f32"), 256), 32)


def test_a_run_of_fragment_ops_is_one_call_per_warp_between_barriers(lower):
    f = _kernel(lower, GEMM)
    assert _ops(f) == ["warp_fill", "warp_load", "warp_load", "warp_mma", "warp_store"]
    loop = next(s for s in f.body.stmts if isinstance(s, N.For))
    first, guard, last = loop.body.stmts
    assert isinstance(first, N.Barrier) and isinstance(last, N.Barrier)
    assert [s.expr.op for s in guard.then.stmts] == ["warp_load", "warp_load", "warp_mma"]
    assert "thread_linear" in {n.reg for n in walk(guard.cond) if isinstance(n, N.SpecialReg)}
    assert all(len(n.args) == {"warp_mma": 4}.get(n.op, len(n.args)) for n in walk(f) if isinstance(n, N.MatrixOp))


def test_an_accumulator_element_keeps_the_portable_mapping(lower):
    """x[t] of lane l is element l + 32 t of the row-major tile, as in the portable lowering."""
    f = _kernel(lower, GEMM)
    scaled = next(n for n in walk(f) if isinstance(n, N.Assign) and isinstance(n.target, N.Index)
                  and not isinstance(n.value, N.MatrixOp))
    index = scaled.target.index
    assert isinstance(index, N.BinOp) and index.op == "+"
    assert isinstance(index.rhs, N.BinOp) and index.rhs.op == "*" and index.rhs.lhs.value == 32


def _math_calls(function) -> list:
    return [n for n in walk(function) if isinstance(n, N.MathCall)]


def test_the_lowered_helpers_work_on_whole_tiles():
    from translator.passes.lower_matrix_ops import _Builder, _HELPERS
    frags = (Fragment("acc", 16, 16, 16, "f32"), Fragment("a", 16, 16, 16, "f16", "row"),
             Fragment("b", 16, 16, 16, "f16", "col"), Fragment("acc", 16, 16, 16, "f32"))
    mma = N.MatrixOp("warp_mma", frags, "", [], None)
    helper = _HELPERS["warp_mma"](_Builder(None), mma, "h")
    assert [p.name for p in helper.params] == ["d", "a", "b", "c"]            # no lane: the whole tile
    # f16 with float sums: one call of the tile routine (runtime_shims/cpu/cpurt_tiles.h), m, n, k given
    [tile] = _math_calls(helper)
    assert tile.func == "mma_f32" and [a.value for a in tile.args[4:]] == [16, 16, 16]
    load = N.MatrixOp("warp_load", (frags[2],), "col", [], None)
    [convert] = _math_calls(_HELPERS["warp_load"](_Builder(None), load, "l"))
    assert convert.func == "convert_halves_transposed" and [a.value for a in convert.args[2:4]] == [16, 16]
    load = N.MatrixOp("warp_load", (frags[1],), "row", [], None)
    assert [c.func for c in _math_calls(_HELPERS["warp_load"](_Builder(None), load, "l"))] == ["convert_halves"]


def test_half_sums_keep_the_row_loop():
    """A half accumulator: the row of float sums is rounded to halves at the end, which the tile routine
    does not do; the row loop keeps the sums in a row and adds each half product with one fma."""
    from translator.passes.lower_matrix_ops import _Builder, _HELPERS
    acc, a, b = Fragment("acc", 32, 8, 16, "f16"), Fragment("a", 32, 8, 16, "f16", "row"), \
        Fragment("b", 32, 8, 16, "f16", "col")
    helper = _HELPERS["warp_mma"](_Builder(None), N.MatrixOp("warp_mma", (acc, a, b, acc), "", [], None), "h")
    sums = next(d for d in walk(helper) if isinstance(d, N.VarDecl) and d.name == "sums")
    assert sums.type == Array(Scalar("f32"), 8)                               # a row, kept in registers
    assert [n.unroll for n in walk(helper) if isinstance(n, N.For) and n.unroll is not None] == [1]
    assert {n.func for n in _math_calls(helper)} == {"fma"}                  # exact for half products


def test_tf32_products_are_not_fused():
    """A tf32 product can overflow or underflow float, where one fma would round differently."""
    from translator.passes.lower_matrix_ops import _Builder, _HELPERS
    acc, a, b = Fragment("acc", 16, 16, 8, "f32"), Fragment("a", 16, 16, 8, "tf32", "row"), \
        Fragment("b", 16, 16, 8, "tf32", "col")
    helper = _HELPERS["warp_mma"](_Builder(None), N.MatrixOp("warp_mma", (acc, a, b, acc), "", [], None), "h")
    assert "fma" not in {n.func for n in walk(helper) if isinstance(n, N.MathCall)}


def test_the_tf32_element_loop_is_shared_out_between_the_lanes(lower):
    f = _kernel(lower, f"""
        {TF32_A} fa; {TF32_C} acc;
        wmma::load_matrix_sync(fa, a, 8);
        for (int i = 0; i < fa.num_elements; i++) fa.x[i] = wmma::__float_to_tf32(fa.x[i]);
        wmma::fill_fragment(acc, 0.0f);
        wmma::store_matrix_sync(c, acc, 16, wmma::mem_row_major);""", params="const float* a, float* c")
    assert "warp_load" in _ops(f)
    loop = next(s for s in walk(f) if isinstance(s, N.For))
    guard = loop.body.stmts[0]
    assert isinstance(guard, N.If)          # element i by lane i % 32: each element once
    assert "to_tf32" in _ops(guard)


@pytest.mark.parametrize("body", [
    # a warp-dependent condition around the ops: the barriers would not be reached by every thread
    f"{A16} fa; if (threadIdx.x < 64) wmma::load_matrix_sync(fa, a, 16);",
    # a return taken by some threads only, before the ops
    f"{A16} fa; if (threadIdx.x % 2) return; wmma::load_matrix_sync(fa, a, 16);",
    # an argument with a side effect: only the warp's first thread would evaluate it
    f"{A16} fa; const half* p = a; wmma::load_matrix_sync(fa, p++, 16); c[0] = (float)*p;",
    # the elements of a half a-fragment: its tile is held in floats
    f"{A16} fa; wmma::load_matrix_sync(fa, a, 16);"
    "for (int i = 0; i < fa.num_elements; i++) fa.x[i] = __hmul(fa.x[i], fa.x[i]);",
    # an element loop that also does something else per thread
    f"{TF32_A} fa; float s = 0; wmma::load_matrix_sync(fa, (const float*)c, 8);"
    "for (int i = 0; i < fa.num_elements; i++) {{ fa.x[i] = wmma::__float_to_tf32(fa.x[i]); s += 1.0f; }} c[1] = s;",
], ids=["divergent-if", "divergent-return", "side-effect", "half-elements", "element-loop-with-more"])
def test_what_cannot_run_once_per_warp_keeps_the_portable_lowering(lower, body):
    f = _kernel(lower, body)
    assert not any(op.startswith("warp_") for op in _ops(f))
    assert not any(isinstance(n, N.Barrier) for n in walk(f))


def test_device_functions_keep_the_portable_lowering(lower):
    module, diags = lower(HEAD + f"__device__ void tile(const half* a, float* c) {{ {A16} fa; {C16} acc;"
                                 "wmma::load_matrix_sync(fa, a, 16); wmma::fill_fragment(acc, 1.0f);"
                                 "wmma::store_matrix_sync(c, acc, 16, wmma::mem_row_major); }\n"
                                 "__global__ void k(const half* a, float* c) { tile(a, c); }")
    assert not diags
    out = warp_matrix_ops(module)
    assert not any(op.startswith("warp_") for f in out.functions for op in _ops(f))


def test_too_many_tiles_for_a_block_keep_the_portable_lowering(lower):
    f = _kernel(lower, f"{C16} acc[8][8]; wmma::fill_fragment(acc[1][2], 0.0f);"
                       "wmma::store_matrix_sync(c, acc[1][2], 16, wmma::mem_row_major);")
    assert "fill" in _ops(f) and not any(isinstance(n, N.Barrier) for n in walk(f))


def test_the_whole_cpu_pipeline_leaves_no_matrix_op(lower):
    module, _ = lower(HEAD + f"__global__ void k({PARAMS}) {{\n{GEMM}\n}}")
    out = run_pipeline(module, "cpu")
    assert not any(isinstance(n, N.MatrixOp) for n in walk(out))
    names = {f.name for f in out.functions}
    assert "cutrans_wmma_warp_mma_m16n16k16_f32_f16_f16_f32" in names


def test_the_pass_module_is_what_the_pipeline_imports():
    module = importlib.import_module("translator.passes.warp_matrix_ops")
    assert module.warp_matrix_ops is warp_matrix_ops
