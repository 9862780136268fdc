"""__nv_bfloat16 (cuda_bf16.h): the stand-in header parses, operators and functions become bf16 casts around
float arithmetic (one rounding per operation) with the same table as __half, OpenCL and the CPU keep a
bfloat16 as its 16 bits and convert through helpers that round once (tested here on the C compiler against
an exact reference), and what cannot be translated exactly is refused."""

from __future__ import annotations


import pytest

from translator.backends.base import CFamilyEmitter
from translator.diagnostics import CutransError
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.printer import print_ir
from translator.ir.types import BF16, BFLOAT162, F32, Scalar

HEAD = "#include <cuda_bf16.h>\n"


def _kernel(lower, body, params="const __nv_bfloat16* a, __nv_bfloat16* o, float* f"):
    module, diags = lower(HEAD + f"__global__ void k({params}) {{\n{body}\n}}")
    assert not diags, diags
    return module


def _body_ir(module) -> str:
    return print_ir(module.functions[-1])


def test_bfloat16_is_the_ir_bf16_and_arithmetic_is_float_rounded_once(lower):
    text = _body_ir(_kernel(lower, "__nv_bfloat16 x = a[0] * a[1]; o[0] = __hadd(x, a[2]); f[0] = x;"))
    assert "a: bf16 const*global" in text
    assert "var private x: bf16 = cast<bf16>((convert<f32>(a[0:i32]) * convert<f32>(a[1:i32])))" in text
    assert "o[0:i32] = cast<bf16>((convert<f32>(x) + convert<f32>(a[2:i32])))" in text
    assert "f[0:i32] = convert<f32>(x)" in text


def test_shared_names_pick_the_family_of_their_operands(lower):
    """__hadd2 and __hfma are declared on __half and on __nv_bfloat16: each call keeps its operands' type,
    and a helper the pair function needs is the bfloat16 one."""
    module, diags = lower("#include <cuda_fp16.h>\n" + HEAD + """
        __global__ void k(__half2* h, __nv_bfloat162* b) {
            h[0] = __hadd2(h[0], h[1]);
            b[0] = __hadd2(b[0], b[1]);
            b[2] = __hfma2(b[0], b[1], b[2]);
        }""")
    assert not diags, diags
    names = [f.name for f in module.functions]
    assert "cutrans_hadd2" in names and "cutrans_hadd2_bf16" in names and "cutrans_hfma2_bf16" in names
    helper = next(f for f in module.functions if f.name == "cutrans_hadd2_bf16")
    assert helper.ret == BFLOAT162 and all(p.type == BFLOAT162 for p in helper.params)
    assert {c.type for c in walk(helper) if isinstance(c, N.Cast) and not c.implicit} == {BF16}


def test_pairs_are_made_and_taken_apart_with_bf16_names(lower):
    text = _body_ir(_kernel(lower, """
        __nv_bfloat162 p = __floats2bfloat162_rn(f[0], f[1]);
        o[0] = __low2bfloat16(p);
        o[1] = __high2bfloat16(__lowhigh2highlow(p));
        f[2] = __high2float(p) + __bfloat1622float2(p).x;
        __nv_bfloat162 q = make_bfloat162(a[0], a[1]);
        q += __bfloat162bfloat162(a[2]);"""))
    assert "var private p: struct nv_bfloat162 = {cast<bf16>(f[0:i32]), cast<bf16>(f[1:i32])}" in text
    assert "o[0:i32] = p.x" in text


def test_bits_are_ir_functions(lower):
    module = _kernel(lower, "f[0] = __bfloat16_as_ushort(a[0]); o[0] = __ushort_as_bfloat16(0x3f80); "
                            "o[1] = __short_as_bfloat16(__bfloat16_as_short(a[1]));")
    calls = {n.func: n.type for n in walk(module) if isinstance(n, N.MathCall)}
    assert calls == {"bf16_as_ushort": Scalar("u16"), "ushort_as_bf16": BF16, "bf16_as_short": Scalar("i16"),
                     "short_as_bf16": BF16}


@pytest.mark.parametrize("body, code, message", [
    ("f[0] = o[0].__x;", "L003", "bits of a __nv_bfloat16"),
    ("o[0] = hexp(a[0]);", "P002", "hexp"),                               # CUDA's approximation: not declared
    ("o[0]++;", "L003", "postfix '++'"),
    ("long long v = 3; o[0] = __nv_bfloat16((float)v); o[1] = __nv_bfloat16(v);", "L003", "64-bit integer"),
    ("o[0] = __nv_bfloat16(3ull);", "L003", "64-bit integer"),
    ("atomicExch(o, a[0]);", "P002", "atomicExch"),                     # CUDA declares only atomicAdd on it
])
def test_what_is_not_translated_is_refused(cuda_file, body, code, message):
    from translator.frontend.clang_setup import parse
    from translator.frontend.lower import lower_module
    path = cuda_file(HEAD + f"__global__ void k(const __nv_bfloat16* a, __nv_bfloat16* o, float* f) {{\n{body}\n}}")
    if code == "P002":
        with pytest.raises(CutransError) as info:
            parse(path)
        assert info.value.diagnostics[0].code == "P002"
        return
    tu, _, _ = parse(path)
    _, diags = lower_module(tu, path)
    assert [d.code for d in diags] == [code] and message in diags[0].message


@pytest.mark.parametrize("target", ["opencl", "cpu"])
def test_backends_keep_the_bits_and_convert_through_helpers(lower, target):
    from translator.backends.cpu import CPUBackend
    from translator.backends.opencl import OpenCLBackend
    from translator.passes import run_pipeline
    module = _kernel(lower, "__shared__ __nv_bfloat16 t[32]; t[threadIdx.x] = a[threadIdx.x]; __syncthreads(); "
                            "o[0] = t[1] + __int2bfloat16_rn((int)f[0]); o[1] = __double2bfloat16((double)f[1]);")
    backend = {"opencl": OpenCLBackend, "cpu": CPUBackend}[target]()
    text = backend.device_source(run_pipeline(module, target), _Unit())
    assert "typedef unsigned short cutrans_bf16;" in text
    assert "cutrans_bf16 t[32]" in text
    for helper in ("cutrans_float_to_bf16(cutrans_bf16_to_float(", "cutrans_int_to_bf16(", "cutrans_double_to_bf16("):
        assert helper in text


class _Unit:
    path = "k.cu"


def test_arithmetic_on_bits_is_refused_by_the_emitter():
    """A bf16 value reaching C arithmetic would compute on its bits: the emitter refuses instead."""
    emitter = CFamilyEmitter()
    emitter.type_map = {**emitter.type_map, "bf16": "cutrans_bf16"}
    x = N.VarRef("x", BF16)
    with pytest.raises(CutransError, match="bf16 bits"):
        emitter.expr(N.BinOp("+", x, x, BF16))
    assert emitter.expr(N.Cast(x, True, F32)) == "cutrans_bf16_to_float(x)"
