"""Contraction of 16-bit float products (frontend/half.py, `contract`): nvcc fuses a product of __half,
__nv_bfloat16, __half2 or __nv_bfloat162 (operator*, __hmul, __hmul2) into the addition or subtraction
that takes it, as an H100 showed (runtime_shims/emulate/include/cuemu/contraction.h). Each fused form
must lower to exactly what the explicit __hfma/__hfma2 spelling lowers to, and each form that nvcc
leaves apart to what the explicitly rounded spelling (`_rn`) lowers to; the emulation decides by the
same expressions, which the numeric tests of samples/half_product_contraction.cu check."""

from __future__ import annotations

import pytest

from translator.ir.printer import print_ir

HEAD = "#include <cuda_fp16.h>\n#include <cuda_bf16.h>\n"
# type -> (fused multiply-add, negation, rounded product, rounded sum, rounded difference)
TYPES = {"__half": ("__hfma", "__hneg", "__hmul_rn", "__hadd_rn", "__hsub_rn"),
         "__nv_bfloat16": ("__hfma", "__hneg", "__hmul_rn", "__hadd_rn", "__hsub_rn"),
         "__half2": ("__hfma2", "__hneg2", "__hmul2_rn", "__hadd2_rn", "__hsub2_rn"),
         "__nv_bfloat162": ("__hfma2", "__hneg2", "__hmul2_rn", "__hadd2_rn", "__hsub2_rn")}


def _body(lower, ctype: str, statement: str) -> str:
    source = HEAD + (f"__global__ void k({ctype}* o, const {ctype}* p) {{\n"
                     f"    {ctype} a = p[0], b = p[1], c = p[2], d = p[3], z = p[4];\n"
                     f"    {statement}\n    o[0] = z;\n}}")
    module, diags = lower(source)
    assert not diags, diags
    return print_ir(module)


# form -> the same computation spelled out, with {fma}, {neg}, {mul}, {add}, {sub} filled in per type
FUSED = {
    "o[1] = a * b + c;": "o[1] = {fma}(a, b, c);",
    "o[1] = c + a * b;": "o[1] = {fma}(a, b, c);",
    "o[1] = a * b - c;": "o[1] = {fma}(a, b, {neg}(c));",
    "o[1] = c - a * b;": "o[1] = {fma}({neg}(a), b, c);",
    "o[1] = (a * b) + c;": "o[1] = {fma}(a, b, c);",
    "z += a * b;": "z = {fma}(a, b, z);",
    "z -= a * b;": "z = {fma}({neg}(a), b, z);",
    "o[1] = a * b + c * d;": "o[1] = {fma}(a, b, {mul}(c, d));",
    "o[1] = (a * b) * d + c;": "o[1] = {fma}({mul}(a, b), d, c);",
}
APART = {
    "o[1] = {mul}(a, b) + c;": "o[1] = {add}({mul}(a, b), c);",
    "o[1] = {add}(a * b, c);": "o[1] = {add}({mul}(a, b), c);",
    "o[1] = {ctype}(a * b) + c;": "o[1] = {add}({mul}(a, b), c);",
    "{ctype} t = a * b; o[1] = t + c;": "{ctype} t = {mul}(a, b); o[1] = {add}(t, c);",
    "o[1] = -(a * b) + c;": "o[1] = {add}({neg}({mul}(a, b)), c);",
}


def _fill(text: str, ctype: str) -> str:
    fma, neg, mul, add, sub = TYPES[ctype]
    return text.format(fma=fma, neg=neg, mul=mul, add=add, sub=sub, ctype=ctype)


@pytest.mark.parametrize("ctype", TYPES)
@pytest.mark.parametrize("form", FUSED)
def test_a_product_taken_by_an_addition_fuses_into_one_rounding(lower, ctype, form):
    assert _body(lower, ctype, form) == _body(lower, ctype, _fill(FUSED[form], ctype))


@pytest.mark.parametrize("ctype", TYPES)
@pytest.mark.parametrize("form", APART)
def test_rounded_products_casts_variables_and_negations_stay_apart(lower, ctype, form):
    assert _body(lower, ctype, _fill(form, ctype)) == _body(lower, ctype, _fill(APART[form], ctype))


@pytest.mark.parametrize("ctype", TYPES)
def test_the_hadd_and_hmul_functions_fuse_like_the_operators(lower, ctype):
    fma, _, _, _, _ = TYPES[ctype]
    pair = ctype.endswith("2")
    add, mul = ("__hadd2", "__hmul2") if pair else ("__hadd", "__hmul")
    assert _body(lower, ctype, f"o[1] = {add}({mul}(a, b), c);") == _body(lower, ctype, f"o[1] = {fma}(a, b, c);")
    assert _body(lower, ctype, f"o[1] = {add}(c, {mul}(a, b));") == _body(lower, ctype, f"o[1] = {fma}(a, b, c);")


def test_the_fused_form_differs_from_the_rounded_one(lower):
    """The comparisons above would pass vacuously if fused and unfused lowered alike."""
    assert _body(lower, "__half", "o[1] = __hfma(a, b, c);") != \
        _body(lower, "__half", "o[1] = __hadd_rn(__hmul_rn(a, b), c);")
