"""nvcuda::wmma: fragments become private arrays sized by what a thread holds, the calls become MatrixOps
with shape, layout and types explicit, the portable lowering turns them into plain device functions,
and what would depend on a vendor's fragment layout (or is not translated yet) is refused."""

from __future__ import annotations

import pytest

from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.matrix import Fragment
from translator.ir.printer import print_ir
from translator.ir.types import BF16, F32, Array, Scalar
from translator.driver import backend_for, load_unit
from translator.passes.lower_matrix_ops import helper_name, lower_matrix_ops

HEAD = "#include <mma.h>\nusing namespace nvcuda;\n"
TF32_A = "wmma::fragment<wmma::matrix_a, 16, 16, 8, wmma::precision::tf32, wmma::row_major>"
TF32_B = "wmma::fragment<wmma::matrix_b, 16, 16, 8, wmma::precision::tf32, wmma::col_major>"
TF32_C = "wmma::fragment<wmma::accumulator, 16, 16, 8, float>"


def _kernel(lower, body, params="const float* a, const float* b, float* c"):
    module, diags = lower(HEAD + f"__global__ void k({params}) {{\n{body}\n}}")
    assert not diags, diags
    return module


def _ops(node):
    return [n for n in walk(node) if isinstance(n, N.MatrixOp)]


def _refusal(lower, body, params="const float* a, const float* b, float* c"):
    _, diags = lower(HEAD + f"__global__ void k({params}) {{\n{body}\n}}")
    layout_dependent = "unspecified" in diags[0].message if diags else False
    assert [d.code for d in diags] == ["L011" if layout_dependent else "L003"], diags
    assert diags[0].line > 2
    return diags[0].message


def test_fragments_are_arrays_of_what_one_thread_holds(lower):
    module = _kernel(lower, f"{TF32_A} fa; {TF32_B} fb; {TF32_C} acc[2][3];")
    decls = {d.name: d.type for d in walk(module.functions[0]) if isinstance(d, N.VarDecl)}
    assert decls["fa"] == Array(Scalar("f32"), 16 * 8)             # a/b: the whole tile
    assert decls["fb"] == Array(Scalar("f32"), 8 * 16)
    assert decls["acc"] == Array(Array(Array(Scalar("f32"), 8), 3), 2)   # accumulators: 256 / 32


def test_calls_become_matrix_ops_with_everything_explicit(lower):
    module = _kernel(lower, f"""
        {TF32_A} fa; {TF32_B} fb; {TF32_C} acc;
        wmma::fill_fragment(acc, 0.0f);
        wmma::load_matrix_sync(fa, a, 8);
        wmma::load_matrix_sync(fb, b, 8);
        wmma::mma_sync(acc, fa, fb, acc);
        wmma::store_matrix_sync(c, acc, 16, wmma::mem_col_major);""")
    fill, load_a, load_b, mma, store = _ops(module)
    acc = Fragment("acc", 16, 16, 8, "f32")
    assert (fill.op, fill.frags) == ("fill", (acc,))
    assert (load_a.op, load_a.layout, load_a.frags[0].layout) == ("load", "row", "row")
    assert (load_b.layout, load_b.frags[0]) == ("col", Fragment("b", 16, 16, 8, "tf32", "col"))
    assert mma.frags == (acc, Fragment("a", 16, 16, 8, "tf32", "row"), Fragment("b", 16, 16, 8, "tf32", "col"), acc)
    assert (store.op, store.layout) == ("store", "col")
    assert "matrix.mma<fragment<acc, m16n16k8, f32>>" in print_ir(module)


def test_num_elements_is_what_a_thread_holds_and_element_loops_are_accepted(lower):
    module = _kernel(lower, f"""
        {TF32_C} acc; {TF32_C} other;
        wmma::fill_fragment(acc, 1.0f);
        wmma::fill_fragment(other, 2.0f);
        for (int i = 0; i < acc.num_elements; i++) acc.x[i] = acc.x[i] * 2.0f + other.x[i];
        wmma::store_matrix_sync(c, acc, 16, wmma::mem_row_major);""")
    loop = next(n for n in walk(module) if isinstance(n, N.For))
    assert isinstance(loop.cond.rhs, N.IntLit) and loop.cond.rhs.value == 8


@pytest.mark.parametrize("body, message", [
    # layout-dependent element access: refused, the distribution of elements differs between GPUs
    (f"{TF32_C} acc; wmma::fill_fragment(acc, 0.0f); acc.x[0] = 1.0f;", "unspecified"),
    (f"{TF32_C} acc; wmma::fill_fragment(acc, 0.0f); for (int i = 0; i < acc.num_elements; i++) acc.x[i] = c[i];",
     "unspecified"),
    (f"{TF32_C} acc; wmma::fill_fragment(acc, 0.0f); for (int i = 0; i < 8; i++) acc.x[i] = 0.0f;", "unspecified"),
    (f"{TF32_A} fa; {TF32_C} acc; wmma::fill_fragment(acc, 0.0f); wmma::load_matrix_sync(fa, a, 8);"
     f" for (int i = 0; i < acc.num_elements; i++) fa.x[i] = 0.0f;", "unspecified"),
    # CUDA has no such fragment: bfloat16 accumulates into float only
    ("wmma::fragment<wmma::accumulator, 16, 16, 16, __nv_bfloat16> acc;", "not an element type of a"),
    ("wmma::fragment<wmma::matrix_a, 16, 16, 8, __nv_bfloat16, wmma::row_major> fa;", "CUDA defines no 16x16x8"),
    ("wmma::fragment<wmma::matrix_a, 16, 16, 16, wmma::precision::tf32, wmma::row_major> fa;",
     "CUDA defines no 16x16x16"),
    (f"{TF32_C} acc; int layout = c[0] > 0; wmma::load_matrix_sync(acc, c, 16, (wmma::layout_t)layout);",
     "known at compile time"),
    (f"{TF32_C} acc; wmma::fill_fragment(acc, 0.0f); {TF32_C} copy = acc;", "initialized from another value"),
])
def test_what_cannot_be_translated_exactly_is_refused(lower, body, message):
    assert message in _refusal(lower, body)


def test_saturating_integer_mma_is_refused(lower):
    body = """
        wmma::fragment<wmma::matrix_a, 16, 16, 16, signed char, wmma::row_major> fa;
        wmma::fragment<wmma::matrix_b, 16, 16, 16, signed char, wmma::row_major> fb;
        wmma::fragment<wmma::accumulator, 16, 16, 16, int> acc;
        wmma::fill_fragment(acc, 0);
        wmma::mma_sync(acc, fa, fb, acc, true);"""
    assert "satf" in _refusal(lower, body, "int* c")


def test_the_lowering_adds_one_device_function_per_op_and_leaves_no_matrix_op(lower):
    module = _kernel(lower, f"""
        {TF32_A} fa; {TF32_B} fb; {TF32_C} acc[2];
        for (int t = 0; t < 2; t++) wmma::fill_fragment(acc[t], 0.0f);
        wmma::load_matrix_sync(fa, a, 8);
        wmma::load_matrix_sync(fb, b, 8);
        for (int t = 0; t < 2; t++) wmma::mma_sync(acc[t], fa, fb, acc[t]);
        c[0] = wmma::__float_to_tf32(c[1]);
        wmma::store_matrix_sync(c, acc[1], 16, wmma::mem_row_major);""")
    names = [helper_name(op) for op in _ops(module)]
    lowered = lower_matrix_ops(module)
    assert not _ops(lowered)
    helpers = [f.name for f in lowered.functions if f.name.startswith("cutrans_wmma_")]
    assert helpers == list(dict.fromkeys(names))          # one each, before the kernel, in order of use
    assert "cutrans_wmma_mma_m16n16k8_f32_tf32_tf32_f32" in helpers
    assert "cutrans_wmma_load_b_m16n16k8_col_tf32" in helpers
    assert lowered.functions[-1].name == "k"


def test_host_include_of_mma_h_becomes_an_empty_namespace():
    from translator.frontend.wmma import HOST_INCLUDES
    assert HOST_INCLUDES["mma.h"].startswith("namespace nvcuda { namespace wmma {} }")
    assert '#include "cutrans_bf16.h"' in HOST_INCLUDES["mma.h"]       # CUDA's mma.h brings cuda_bf16.h


BF16_HEAD = "#include <cuda_bf16.h>\n"
BF16_GEMM = """
    wmma::fragment<wmma::matrix_a, 32, 8, 16, __nv_bfloat16, wmma::col_major> fa;
    wmma::fragment<wmma::matrix_b, 32, 8, 16, __nv_bfloat16, wmma::row_major> fb;
    wmma::fragment<wmma::accumulator, 32, 8, 16, float> acc;
    wmma::fill_fragment(acc, 0.0f);
    wmma::load_matrix_sync(fa, a, 32);
    wmma::load_matrix_sync(fb, b, 8);
    wmma::mma_sync(acc, fa, fb, acc);
    wmma::store_matrix_sync(c, acc, 8, wmma::mem_row_major);"""
BF16_PARAMS = "const __nv_bfloat16* a, const __nv_bfloat16* b, float* c"


def test_bf16_fragments_hold_bfloat16s_and_multiply_them_as_floats(lower):
    """A bf16 a/b fragment keeps its elements as bf16 (memory's 16 bits); the mma helper converts each one to
    float (exact) before the float multiply-add, as the half path does: no arithmetic on the bits."""
    module, diags = lower(BF16_HEAD + HEAD + f"__global__ void k({BF16_PARAMS}) {{{BF16_GEMM}}}")
    assert not diags, diags
    decls = {d.name: d.type for d in walk(module.functions[-1]) if isinstance(d, N.VarDecl)}
    assert decls["fa"] == Array(BF16, 32 * 16) and decls["fb"] == Array(BF16, 16 * 8)
    assert Fragment("a", 32, 8, 16, "bf16", "col").held == F32
    lowered = lower_matrix_ops(module)
    mma = next(f for f in lowered.functions if f.name == "cutrans_wmma_mma_m32n8k16_f32_bf16_bf16_f32")
    casts = [n for n in walk(mma) if isinstance(n, N.Cast) and n.value.type == BF16]
    assert len(casts) == 2 and all(c.type == F32 for c in casts)
    assert not [n for n in walk(mma) if isinstance(n, N.BinOp) and BF16 in (n.lhs.type, n.rhs.type)]


@pytest.mark.parametrize("target", ["opencl", "cpu"])
def test_bf16_elements_are_converted_by_the_bf16_helper(cuda_file, target):
    """OpenCL (portable lowering) and the CPU (per-warp tiles, converted once when loaded) both read a bf16
    element through cutrans_bf16_to_float."""
    out = backend_for(target).translate(load_unit(cuda_file(
        BF16_HEAD + HEAD + f"__global__ void k({BF16_PARAMS}) {{{BF16_GEMM}}}")), {})
    suffix = ".cl" if target == "opencl" else ".kernels.c"
    code = next(data.decode() for name, data in out.files.items() if name.endswith(suffix))
    wanted = "cutrans_bf16_to_float(a[" if target == "opencl" else "cutrans_bf16_to_float(p["
    assert wanted in code


def test_element_loops_over_bf16_fragments_are_accepted_as_for_half(lower):
    """(<mma.h> alone declares __nv_bfloat16 and cuda_bf16.h's functions, as CUDA's does.)"""
    module, diags = lower(HEAD + f"""__global__ void k({BF16_PARAMS}) {{
        wmma::fragment<wmma::matrix_a, 16, 16, 16, __nv_bfloat16, wmma::row_major> fa;
        wmma::load_matrix_sync(fa, a, 16);
        for (int i = 0; i < fa.num_elements; i++) fa.x[i] = __float2bfloat16(__bfloat162float(fa.x[i]) * 0.5f);
    }}""")
    assert not diags, diags
    loop = next(n for n in walk(module) if isinstance(n, N.For))
    assert loop.cond.rhs.value == 256
