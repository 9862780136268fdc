"""passes/shared_params.py: a device function's `__shared__` variables become pointer parameters that each
kernel reaching the function declares once (CUDA's one instance per block, whichever call uses it)."""

from __future__ import annotations

import pytest

from translator.diagnostics import CutransError
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.passes.shared_params import shared_params

CHAIN = """
    __device__ float keep(float v, int mode) {
        __shared__ float box[64];
        __shared__ int count;
        __shared__ float tile[8][9];
        if (mode == 0) { box[threadIdx.x] = v; count = 1; tile[0][1] = v; }
        return box[(threadIdx.x + 1) % 64] + count + tile[0][1];
    }
    __device__ float twice(float v) { keep(v, 0); __syncthreads(); return keep(0.0f, 1); }
    __global__ void a(float* o) { o[threadIdx.x] = twice(o[threadIdx.x]) + keep(1.0f, 1); }
    __global__ void b(float* o) { o[threadIdx.x] = twice(2.0f); }
"""


def _fn(module, name):
    return next(f for f in module.functions if f.name == name)


def _shared_decls(f):
    return [n for n in walk(f.body) if isinstance(n, N.VarDecl) and n.space == "shared"]


def test_each_kernel_declares_the_variables_once_and_passes_them_down(lower):
    module, diags = lower(CHAIN)
    assert not diags
    module = shared_params(module)
    keep, twice = _fn(module, "keep"), _fn(module, "twice")
    assert not _shared_decls(keep) and not _shared_decls(twice)
    hidden = ["keep_box", "keep_count", "keep_tile"]
    assert [p.name for p in keep.params][-3:] == hidden and [p.name for p in twice.params][-3:] == hidden
    assert [str(p.type) for p in keep.params[-3:]] == ["f32*shared", "i32*shared", "f32[9]*shared"]
    for kernel in (_fn(module, "a"), _fn(module, "b")):
        assert [d.name for d in _shared_decls(kernel)] == hidden        # once, however many calls
        calls = [n for n in walk(kernel.body) if isinstance(n, N.Call)]
        assert all(len(c.args) >= 3 and all(isinstance(x, N.UnOp) and x.op == "&" for x in c.args[-3:])
                   for c in calls)
    # inside the function, the scalar is read through its pointer, the arrays index it
    assert any(isinstance(n, N.UnOp) and n.op == "*" and isinstance(n.operand, N.VarRef)
               and n.operand.name == "keep_count" for n in walk(keep.body))


def test_a_reference_to_the_whole_array_gets_the_parameters_value(lower):
    """`fill(tile)` with `fill(float (&a)[64])` takes `&tile`: after the rewrite that is the parameter's value as a
    pointer to the array, not the parameter's own address (HeCBench expdist wrote over the pointer)."""
    module, diags = lower("""
        __device__ void fill(float (&a)[64]) { a[threadIdx.x] = 1.0f; }
        __device__ float use() { __shared__ float tile[64]; fill(tile); __syncthreads(); return tile[0]; }
        __global__ void k(float* o) { o[threadIdx.x] = use(); }""")
    assert not diags
    use = _fn(shared_params(module), "use")
    (call,) = [n for n in walk(use.body) if isinstance(n, N.Call) and n.func == "fill"]
    (argument,) = call.args
    assert isinstance(argument, N.Cast) and str(argument.type) == "f32[64]*shared"
    assert isinstance(argument.value, N.VarRef) and argument.value.name == "use_tile"


def test_a_kernel_variable_with_the_copys_name_is_refused(lower):
    module, _ = lower("""
        __device__ void f() { __shared__ int s; s = 1; }
        __global__ void k(int* o) { int f_s = 2; f(); o[0] = f_s; }""")
    with pytest.raises(CutransError) as info:
        shared_params(module)
    assert info.value.diagnostics[0].code == "L001" and "f_s" in info.value.diagnostics[0].message


@pytest.mark.parametrize("target", ["opencl", "cpu"])
def test_the_pipelines_accept_shared_variables_in_device_functions(lower, target):
    from translator.passes import run_pipeline
    module, _ = lower(CHAIN)
    module = run_pipeline(module, target)
    assert not any(_shared_decls(f) for f in module.functions if f.kind != "kernel")
