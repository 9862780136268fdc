"""__half2: the IR struct half2, lane-by-lane functions (inline where each operand is read once, else one
device function per name with the arguments evaluated once), CUDA's operators, __hfma through double, and
OpenCL without cl_khr_fp16: pairs in float2, memory through vload_half2/vstore_half2 and 32-bit words."""

from __future__ import annotations

import pytest

from translator.diagnostics import CutransError
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.printer import print_ir
from translator.ir.types import F16, F32, F64, HALF2, U32, Pointer, vector_struct
from translator.passes.address_spaces import infer_address_spaces
from translator.passes.half_as_float import half_as_float
from translator.passes.half_params import half_params

HEAD = "#include <cuda_fp16.h>\n"
PARAMS = "const half2* a, const half* h, half2* o, float* f"
FLOAT2 = vector_struct("float2")


def _module(lower, body, params=PARAMS, before=""):
    module, diags = lower(HEAD + before + f"__global__ void k({params}) {{\n{body}\n}}")
    assert not diags, diags
    return module


def _functions(module) -> dict:
    return {f.name: f for f in module.functions}


def _calls(module) -> list[str]:
    return [n.func for n in walk(module) if isinstance(n, N.Call)]


def test_lane_functions_become_one_device_function_each(lower):
    module = _module(lower, "o[0] = __hadd2(a[0], a[1]); o[1] = __hadd2(o[0], a[2]);")
    functions = _functions(module)
    assert list(functions) == ["cutrans_hadd2", "k"] and _calls(module).count("cutrans_hadd2") == 2
    helper = print_ir(functions["cutrans_hadd2"])
    assert "cast<f16>((convert<f32>(a.x) + convert<f32>(b.x)))" in helper
    assert "cast<f16>((convert<f32>(a.y) + convert<f32>(b.y)))" in helper


def test_a_function_that_reads_each_operand_once_is_inline(lower):
    module = _module(lower, "o[0] = make_half2(h[0], h[1]); f[0] = __low2float(a[0]);")
    assert _calls(module) == []
    pair = next(n for n in walk(module) if isinstance(n, N.InitList))
    assert pair.type == HALF2 and [i.type for i in pair.items] == [F16, F16]


def test_arguments_with_side_effects_are_evaluated_once(lower):
    module = _module(lower, "int i = 0; o[0] = __hmul2(a[i++], a[0]); f[0] = __hisnan(h[i++]);")
    assert _calls(module) == ["cutrans_hmul2", "cutrans_hisnan"]
    increments = [n for n in walk(module) if isinstance(n, N.UnOp) and n.op == "post++"]
    assert len(increments) == 2


@pytest.mark.parametrize("expression, function", [
    ("o[0] = a[0] + a[1];", "cutrans_hadd2"), ("o[0] = a[0] / a[1];", "cutrans_h2div"),
    ("o[0] = -a[0];", "cutrans_hneg2"), ("f[0] = a[0] == a[1];", "cutrans_hbeq2"),
    ("f[0] = a[0] != a[1];", "cutrans_hbneu2"),            # CUDA's operator!= is the unordered comparison
    ("f[0] = a[0] < a[1];", "cutrans_hblt2"),
])
def test_operators_call_the_function_cuda_defines_them_by(lower, expression, function):
    assert _calls(_module(lower, expression)) == [function]


def test_compound_assignment_and_increment_of_a_pair(lower):
    text = print_ir(_module(lower, "half2 x = a[0]; x *= a[1]; ++x; o[0] = x;").functions[-1])
    assert "x = call cutrans_hmul2(x, a[1:i32])" in text
    assert "x = call cutrans_hadd2(x, {cast<f16>(1.0:f32), cast<f16>(1.0:f32)}" in text


def test_comparisons_give_one_or_zero_per_lane_and_ordered_ne_compares_twice(lower):
    functions = _functions(_module(lower, "o[0] = __hlt2(a[0], a[1]); o[1] = __hne2(a[0], a[1]);"))
    less = print_ir(functions["cutrans_hlt2"])
    assert "(convert<f32>(a.x) < convert<f32>(b.x)) ? 1.0:f32 : 0.0:f32" in less
    unequal = print_ir(functions["cutrans_hne2"])
    assert "((convert<f32>(a.x) < convert<f32>(b.x)) || (convert<f32>(a.x) > convert<f32>(b.x)))" in unequal


def test_hfma_rounds_once_from_double(lower):
    module = _module(lower, "o[0].x = __hfma(h[0], h[1], h[2]);")
    rounding = next(n for n in walk(module) if isinstance(n, N.Cast) and n.type == F16)
    assert rounding.value.type == F64 and isinstance(rounding.value, N.BinOp) and rounding.value.op == "+"


def _opencl(module):
    return half_as_float(infer_address_spaces(module))


def test_opencl_keeps_pairs_in_float2_and_memory_as_halves(lower):
    module = _opencl(_module(lower, """
        __shared__ half2 tile[32];
        half2 x = a[threadIdx.x];
        tile[threadIdx.x] = reinterpret_cast<const half2 *>(h)[threadIdx.x];
        o[threadIdx.x] = __hadd2(tile[threadIdx.x], x);
        o[threadIdx.x + 32].y = x.x;"""))
    kernel = module.functions[-1]
    params = {p.name: p.type for p in kernel.params}
    assert params["a"] == Pointer(U32, "global", True) and params["o"] == Pointer(U32, "global")
    assert params["h"] == Pointer(F16, "global", True)
    decls = {d.name: d.type for d in walk(kernel) if isinstance(d, N.VarDecl)}
    assert decls["x"] == FLOAT2 and decls["tile"].elem == FLOAT2
    memory = [n for n in walk(kernel) if isinstance(n, N.MathCall)]
    assert [m.func for m in memory] == ["load_half2", "load_half2", "store_half2", "store_half"]
    for m in memory:                     # load(pointer, index), store(value, pointer, index)
        load = m.func.startswith("load")
        assert m.args[0 if load else 1].type == Pointer(F16, "global", load)
    lane = memory[-1]
    assert lane.args[2].op == "+" and lane.args[2].rhs.value == 1 and lane.args[2].lhs.op == "*"
    assert not [n for n in walk(module) if getattr(n, "type", None) in (F16, HALF2)]


def test_opencl_stores_a_pair_whose_bits_are_read_as_bytes(lower):
    """`(const unsigned *)&s` of a half2 variable: s is stored as its bytes (passes/half_views.py)."""
    module = _opencl(_module(lower, "half2 s; s = a[0]; const unsigned *p = reinterpret_cast<const unsigned *>(&s); "
                                    "f[0] = (float)p[0];"))
    decls = {d.name: d.type for d in walk(module.functions[-1]) if isinstance(d, N.VarDecl)}
    assert decls["s"] == U32
    with pytest.raises(CutransError) as info:      # a pair stored as bytes takes no initializer
        _opencl(_module(lower, "half2 s = a[0]; const unsigned *p = reinterpret_cast<const unsigned *>(&s); "
                               "f[0] = (float)p[0];"))
    assert info.value.diagnostics[0].code == "L003" and "initialized" in info.value.diagnostics[0].message
    # memory holds CUDA's bytes: reinterpreting a pointer into it keeps its meaning
    _opencl(_module(lower, "f[0] = (float)reinterpret_cast<const unsigned *>(a)[0];"))


def test_a_pair_passed_by_value_arrives_as_float2(lower):
    module = half_params(_module(lower, "o[0] = p;", params="half2 p, half2* o"))
    kernel = module.functions[-1]
    assert kernel.params[0].type == FLOAT2 and kernel.params[0].host_type == "__half2"
    restore = kernel.body.stmts[0]
    assert restore.name == "p" and restore.type == HALF2 and isinstance(restore.init, N.InitList)
    assert [i.value.type for i in restore.init.items] == [F32, F32]


@pytest.mark.parametrize("body, calls", [
    ("unsigned short u = *reinterpret_cast<const unsigned short *>(&h[0]);", ["half_as_ushort"]),
    ("half2 s = a[0]; unsigned w = *reinterpret_cast<const unsigned *>(&s);", ["half_as_ushort"] * 2),
    ("unsigned w = 0x3c004000u; o[0] = *reinterpret_cast<const half2 *>(&w);", ["ushort_as_half"] * 2),
    ("short u = -1; f[0] = *reinterpret_cast<half *>(&u);", ["ushort_as_half"]),
    ("f[0] = __half_as_short(h[0]) + (float)__ushort_as_half(7);", ["half_as_short", "ushort_as_half"]),
])
def test_the_bits_of_halves_are_read_the_same_on_every_target(lower, body, calls):
    """`*(T *)&h` with T an integer of the half's (pair's) size, and the reverse, are __half_as_ushort and
    __ushort_as_half, which OpenCL computes from the float that holds the half (an exact round trip)."""
    module = _module(lower, body)
    assert [n.func for n in walk(module) if isinstance(n, N.MathCall)] == calls
    assert not [n for n in walk(module) if isinstance(n, N.UnOp) and n.op == "&"]
    _opencl(module)                         # no longer a reinterpretation of a float's bits: accepted


def test_exact_math_functions_round_the_float_result_once(lower):
    module = _module(lower, "o[0] = h2sqrt(a[0]); o[1].x = hfloor(h[0]);")
    assert [n.func for n in walk(module) if isinstance(n, N.MathCall)] == ["sqrt", "sqrt", "floor"]
    assert _calls(module) == ["cutrans_h2sqrt"]
