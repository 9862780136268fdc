"""__half: the stand-in cuda_fp16.h parses, conversions and operators become f16 casts around float
arithmetic (one rounding per operation), OpenCL without cl_khr_fp16 keeps halves in floats and reaches
memory through vload_half/vstore_half, and what cannot be translated exactly is refused."""

from __future__ import annotations

import pytest

from translator.diagnostics import CutransError
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.printer import print_ir
from translator.ir.types import F32, Pointer, Scalar
from translator.passes.address_spaces import infer_address_spaces
from translator.passes.half_as_float import half_as_float

HEAD = "#include <cuda_fp16.h>\n"
F16 = Scalar("f16")


def _kernel(lower, body, params="const half* a, half* o, float* f"):
    module, diags = lower(HEAD + f"__global__ void k({params}) {{\n{body}\n}}")
    assert not diags, diags
    return module


def _body_ir(module) -> str:
    return print_ir(module.functions[-1])


def test_half_is_the_ir_f16_and_arithmetic_is_float_rounded_once(lower):
    module = _kernel(lower, "half x = a[0] * a[1]; o[0] = __hadd(x, a[2]); f[0] = x;")
    text = _body_ir(module)
    assert "a: f16 const*global" in text
    assert "var private x: f16 = cast<f16>((convert<f32>(a[0:i32]) * convert<f32>(a[1:i32])))" in text
    assert "o[0:i32] = cast<f16>((convert<f32>(x) + convert<f32>(a[2:i32])))" in text
    assert "f[0:i32] = convert<f32>(x)" in text


@pytest.mark.parametrize("expr, op", [("a[0] < a[1]", "<"), ("__hge(a[0], a[1])", ">="), ("a[0] != a[1]", "!=")])
def test_comparisons_compare_the_float_values(lower, expr, op):
    module = _kernel(lower, f"f[0] = {expr};")
    cmp = next(n for n in walk(module) if isinstance(n, N.BinOp) and n.op == op)
    assert cmp.lhs.type == F32 and cmp.rhs.type == F32


def test_constructors_and_conversions(lower):
    module = _kernel(lower, "half h = 2.5f; half g(f[0]); o[0] = half(f[1]); f[2] = (float)h + __half2float(g);")
    casts = [n for n in walk(module) if isinstance(n, N.Cast) and n.type == F16]
    assert len(casts) == 3 and all(c.value.type == F32 for c in casts)


@pytest.mark.parametrize("body, code, message", [
    ("f[0] = o[0].__x;", "L003", "bits of a __half"),
    ("o[0] = hexp(a[0]);", "P002", "hexp"),                             # not declared: CUDA's own approximation
    ("o[0]++;", "L003", "postfix '++'"),                               # its value is the old one
    ("int i = 0; o[i++] -= a[0];", "L003", "side effects"),              # the location is read twice
    ("o[0] = __half(__half_raw{0x3c00});", "L003", "raw bits"),
])
def test_what_is_not_translated_is_refused(lower, cuda_file, body, code, message):
    from translator.frontend.clang_setup import parse
    from translator.frontend.lower import lower_module
    path = cuda_file(HEAD + f"__global__ void k(const half* a, half* o, float* f) {{\n{body}\n}}")
    if code == "P002":
        with pytest.raises(CutransError) as info:
            parse(path)
        assert info.value.diagnostics[0].code == "P002"
        return
    tu, _, _ = parse(path)
    _, diags = lower_module(tu, path)
    assert [d.code for d in diags] == [code] and message in diags[0].message


def _opencl(module):
    return half_as_float(infer_address_spaces(module))


def test_opencl_keeps_halves_in_floats_and_memory_in_half(lower):
    module = _opencl(_kernel(lower, """
        __shared__ half tile[32];
        half x = a[threadIdx.x];
        tile[threadIdx.x] = x;
        o[threadIdx.x] = __hmul(tile[threadIdx.x], x);"""))
    decls = {d.name: d.type for d in walk(module) if isinstance(d, N.VarDecl)}
    assert decls["x"] == F32 and decls["tile"].elem == F32
    calls = [n.func for n in walk(module) if isinstance(n, N.MathCall)]
    assert calls.count("load_half") == 1 and calls.count("store_half") == 1 and calls.count("round_half") == 1
    params = {p.name: p.type for p in module.functions[-1].params}
    assert params["a"] == Pointer(F16, "global", True) and params["o"].pointee == F16
    assert not [n for n in walk(module) if isinstance(getattr(n, "type", None), Scalar) and n.type == F16]


def test_opencl_folds_literals_and_rounds_wide_values_once_from_double(lower):
    module = _opencl(_kernel(lower, "o[0] = __float2half(0.1f);"))
    store = next(n for n in walk(module) if isinstance(n, N.MathCall) and n.func == "store_half")
    assert isinstance(store.args[0], N.FloatLit) and store.args[0].value == 0.0999755859375   # 0.1 in half
    # double and int -> half would round twice through float: they round once, from double
    module = _opencl(_kernel(lower, "o[0] = __double2half((double)f[0]); o[1] = __int2half_rn((int)f[1]);"))
    rounds = [n for n in walk(module) if isinstance(n, N.MathCall) and n.func == "round_half"]
    assert len(rounds) == 2 and all(r.args[0].type == Scalar("f64") for r in rounds)


def test_compound_assignment_and_prefix_steps_round_once_per_operation(lower):
    text = _body_ir(_kernel(lower, "half x = a[0]; x *= a[1]; ++x; o[0] += x; --o[1]; o[2] = +x;"))
    assert "x = cast<f16>((convert<f32>(x) * convert<f32>(a[1:i32])))" in text
    assert "x = cast<f16>((convert<f32>(x) + 1.0:f32))" in text
    assert "o[0:i32] = cast<f16>((convert<f32>(o[0:i32]) + convert<f32>(x)))" in text
    assert "o[1:i32] = cast<f16>((convert<f32>(o[1:i32]) - 1.0:f32))" in text
    assert "o[2:i32] = x" in text


@pytest.mark.parametrize("target", ["opencl", "cpu"])
def test_a_half_kernel_parameter_by_value_arrives_as_a_float(tmp_path, target):
    """The host's __half struct and the device's half differ in ABI: the glue passes __half2float(h), the
    kernel takes a float and makes its half back first (passes/half_params.py); exact for every half."""
    from translator.driver import backend_for, load_unit
    src = tmp_path / "byvalue.cu"
    src.write_text(HEAD + "__global__ void k(half h, half* o) { o[0] = h; }\n"
                          "int main() { half* o; cudaMalloc(&o, 2); k<<<1, 1>>>(__float2half(1.0f), o); return 0; }\n")
    files = backend_for(target).translate(load_unit(str(src)), {}).files
    text = {name.split(".", 1)[1]: (t.decode() if isinstance(t, bytes) else t) for name, t in files.items()}
    assert "__half cutrans_half_h" in text["launch.h"]
    device = text["cl"] if target == "opencl" else text["kernels.c"]
    assert "float cutrans_half_h" in device
    if target == "opencl":
        assert "const float cutrans_float_h = __half2float(cutrans_half_h);" in text["launch.h"]
        assert "&cutrans_float_h, sizeof(cutrans_float_h)" in text["launch.h"]
    else:
        assert "__half2float(cutrans_half_h)" in text["launch.h"]
        assert "_Float16 h = cutrans_f16_from_float(cutrans_half_h);" in device
