"""The IR: generated node classes, types, printer, verifier, and the CUDA round trip."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLES
from translator.backends.cuda import CudaEmitter
from translator.diagnostics import CutransError, Severity
from translator.frontend.clang_setup import parse
from translator.frontend.lower import lower_module
from translator.ir import gen_nodes
from translator.ir import nodes as N
from translator.ir.printer import print_ir
from translator.ir.types import F32, I32, Array, Pointer, parse_type
from translator.passes.lower_matrix_ops import lower_matrix_ops
from translator.passes.verify_ir import verify_module


def test_generated_nodes_are_current():
    assert gen_nodes.TARGET.read_text() == gen_nodes.render()


def test_spec_parser_reads_kinds():
    nodes = gen_nodes.parse_spec("A(Expr): x, y*, z**\nB: \n")
    assert nodes == [("A", "Expr", [("x", "attr"), ("y", "child"), ("z", "list")]), ("B", "Stmt", [])]


def test_node_children_and_equality_ignore_locations():
    a = N.BinOp("+", N.IntLit(1, I32), N.VarRef("x", I32), I32)
    b = N.BinOp("+", N.IntLit(1, I32), N.VarRef("x", I32), I32, loc=object())
    assert a == b
    assert [name for name, _ in a.children()] == ["lhs", "rhs"]
    assert a != N.BinOp("-", N.IntLit(1, I32), N.VarRef("x", I32), I32)


@pytest.mark.parametrize("t", [F32, Pointer(F32, "global", True, True), Array(Pointer(I32, "shared"), 4),
                               Pointer(Pointer(F32, "global"), "private")])
def test_types_print_and_parse_back(t):
    assert parse_type(str(t)) == t


def test_unknown_address_space_is_rejected():
    with pytest.raises(ValueError):
        Pointer(F32, "texture")


def _errors(diags) -> list:
    return [d for d in diags if d.severity >= Severity.ERROR]


def _roundtrip(path: str, tmp_path):
    tu, _, _ = parse(path)
    module, diags = lower_module(tu, path)
    assert not _errors(diags)                # warnings (L012) are fine
    module = lower_matrix_ops(module)       # fragments have no CUDA spelling once lowered to arrays (as the cuda pipeline)
    text = CudaEmitter().visit(module)
    again = tmp_path / "again.cu"
    again.write_text(text)
    tu2, _, _ = parse(str(again))
    module2, diags2 = lower_module(tu2, str(again))
    assert not _errors(diags2)
    return module, text, module2


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_cuda_round_trip_reaches_a_fixed_point(sample, tmp_path):
    """parse -> IR -> CUDA -> parse -> IR -> CUDA: the second emission equals the first and the
    second IR equals the third (the first may differ only by folded literal conversions)."""
    module, text, module2 = _roundtrip(str(sample), tmp_path)
    assert CudaEmitter().visit(module2) == text
    assert [f.name for f in module.functions] == [f.name for f in module2.functions]
    third = tmp_path / "third.cu"
    third.write_text(CudaEmitter().visit(module2))
    tu3, _, _ = parse(str(third))
    module3, _ = lower_module(tu3, str(third))
    assert module3.functions == module2.functions


def test_printer_shows_intrinsics_and_spaces(lower):
    module, diags = lower("""
        __global__ void k(float* out, const float* in, int n) {
            __shared__ float tile[64];
            int i = blockIdx.x * blockDim.x + threadIdx.x;
            tile[threadIdx.x] = __expf(in[i]);
            __syncthreads();
            if (i < n) out[i] = tile[threadIdx.x];
        }""")
    assert not diags
    text = print_ir(module)
    assert "kernel k(out: f32*global, in: f32 const*global, n: i32) -> void" in text
    assert "var shared tile: f32[64]" in text
    assert "math.exp.approx" in text
    assert "barrier block" in text
    assert "%thread_idx.x" in text


def test_verifier_rejects_undeclared_names():
    body = N.Block([N.ExprStmt(N.Assign("=", N.VarRef("ghost", I32), N.IntLit(1, I32), I32))])
    module = N.Module("m", [], [N.Function("k", "kernel", parse_type("void"), [], body)])
    with pytest.raises(CutransError) as exc:
        verify_module(module)
    assert exc.value.diagnostics[0].code == "L006"
    assert "ghost" in exc.value.diagnostics[0].message


def test_verifier_rejects_break_outside_loop():
    module = N.Module("m", [], [N.Function("k", "kernel", parse_type("void"), [], N.Block([N.Break()]))])
    with pytest.raises(CutransError, match="outside a loop"):
        verify_module(module)


def test_verifier_accepts_every_sample():
    for sample in SAMPLES:
        tu, _, _ = parse(str(sample))
        module, diags = lower_module(tu, str(sample))
        assert not _errors(diags), sample.name
        verify_module(module)
