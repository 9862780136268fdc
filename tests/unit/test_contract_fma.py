"""passes/contract_fma.py: which products contract into which additions, as nvcc 13.0 contracts them for
sm_90 (read off its machine code; docs/verify.md "Against real CUDA"), and what never contracts."""

from __future__ import annotations

import pytest

from translator.ir import nodes as N
from translator.ir.base import walk
from translator.passes.contract_fma import contract_fma


def _text(e) -> str:
    """An expression in C-like notation, every operation parenthesized, casts left out."""
    if isinstance(e, N.BinOp):
        return f"({_text(e.lhs)} {e.op} {_text(e.rhs)})"
    if isinstance(e, N.UnOp):
        return f"{e.op}{_text(e.operand)}"
    if isinstance(e, (N.MathCall, N.Call)):
        return f"{e.func}({', '.join(_text(a) for a in e.args)})"
    if isinstance(e, N.Index):
        return f"{_text(e.base)}[{_text(e.index)}]"
    if isinstance(e, N.Assign):
        return f"{_text(e.target)} {e.op} {_text(e.value)}"
    if isinstance(e, N.Cast):
        return _text(e.value)
    if isinstance(e, (N.IntLit, N.FloatLit)):
        return str(e.value)
    return getattr(e, "name", type(e).__name__)


def _fmas(lower, statement: str, types: str = "float") -> list[str]:
    """The statements of kernel k(o, a, w, f) with `statement` in its body that hold an fma after the pass."""
    module, diags = lower(f"""
        __global__ void k({types}* o, const {types}* a, double* w, const float* f) {{
            {types} s = a[9];
            {statement}
        }}""")
    assert not diags
    contract_fma(module)
    stmts = [s.expr for s in module.functions[0].body.stmts if isinstance(s, N.ExprStmt)]
    return [_text(e) for e in stmts if any(isinstance(n, N.MathCall) and n.func == "fma" for n in walk(e))]


@pytest.mark.parametrize("statement, fused", [
    ("o[0] = a[0] * a[1] + a[2];", "o[0] = fma(a[0], a[1], a[2])"),
    ("o[0] = a[2] + a[0] * a[1];", "o[0] = fma(a[0], a[1], a[2])"),
    ("o[0] = a[0] * a[1] - a[2];", "o[0] = fma(a[0], a[1], -a[2])"),
    ("o[0] = a[2] - a[0] * a[1];", "o[0] = fma(-a[0], a[1], a[2])"),
    ("o[0] = -(a[0] * a[1]) + a[2];", "o[0] = fma(-a[0], a[1], a[2])"),
    ("o[0] = a[0] * a[1] + a[2] * a[3];", "o[0] = fma(a[0], a[1], (a[2] * a[3]))"),
    ("o[0] = a[0] * a[1] * a[5] + a[2];", "o[0] = fma((a[0] * a[1]), a[5], a[2])"),
    ("s += a[0] * a[1];", "s = fma(a[0], a[1], s)"),
    ("s -= a[0] * a[1];", "s = fma(-a[0], a[1], s)"),
])
def test_a_product_contracts_into_the_addition_that_uses_it(lower, statement, fused):
    assert _fmas(lower, statement) == [fused]


def test_double_contracts_too(lower):
    assert _fmas(lower, "o[0] = a[0] * a[1] - a[2];", "double") == ["o[0] = fma(a[0], a[1], -a[2])"]


@pytest.mark.parametrize("statement, fused", [
    # a product kept in a variable that only additions use: each addition contracts (nvcc: two FFMAs)
    ("float x = a[0], y = a[1]; float t = x * y; o[0] = t + a[2]; o[1] = t - a[3];",
     ["o[0] = fma(x, y, a[2])", "o[1] = fma(x, y, -a[3])"]),
    ("float t = -(s * s); s = 0.0f; o[0] = t + a[2];", []),            # s changes before the use
    ("float x = a[0]; float t = x * x; o[1] = t; o[0] = t + a[2];", []),  # also stored: nvcc keeps FMUL, FADD
    ("float x = a[0]; float t = x * x; double d = t + 1.0; o[0] = d;", []),  # used by a double addition
    ("float x = a[0]; float t = x * x; float* p = &x; o[0] = t + *p;", []),  # x's address is taken
])
def test_a_product_kept_in_a_variable(lower, statement, fused):
    assert _fmas(lower, statement) == fused


@pytest.mark.parametrize("statement", [
    "o[0] = a[0] * a[1];",                              # no addition
    "o[0] = (a[0] + a[1]) * a[2];",                     # a sum multiplied
    "w[0] = f[0] * f[1] + 1.0;",                        # a float product added in double: nvcc keeps two roundings
    "o[0] = a[0] / a[1] + a[2];",                       # a quotient
    "o[(int)s++] += a[0] * a[1];",                      # the target has a side effect: not evaluated twice
])
def test_what_does_not_contract(lower, statement):
    assert _fmas(lower, statement) == []


def test_integers_do_not_contract(lower):
    module, _ = lower("__global__ void k(int* o, const int* a) { o[0] = a[0] * a[1] + a[2]; }")
    contract_fma(module)
    assert not any(isinstance(n, N.MathCall) for n in walk(module))


def test_fmad_false_leaves_the_module_alone(tmp_path):
    from translator.driver import load_unit
    from translator.frontend.clang_setup import CompileOptions
    src = tmp_path / "k.cu"
    src.write_text("__global__ void k(float* o, const float* a) { o[0] = a[0] * a[1] + a[2]; }\n")
    fused = load_unit(str(src))
    plain = load_unit(str(src), CompileOptions(fmad=False))
    assert any(isinstance(n, N.MathCall) and n.func == "fma" for n in walk(fused.module))
    assert not any(isinstance(n, N.MathCall) for n in walk(plain.module))
