"""Warp shuffles on __half, __half2, __nv_bfloat16 and __nv_bfloat162 (cuda_fp16.h's and cuda_bf16.h's overloads):
one WarpOp of the 16-bit type (a pair is one value), whose value operand is not converted; the exchange
through shared memory moves the value as the target holds it (OpenCL without cl_khr_fp16: a __half in a
float, a bfloat16 as its bits), never through a conversion; the CUDA round trip; the forms without a mask
are not declared, for these types as for the others."""

from __future__ import annotations

import pytest

from translator.backends.cuda import CudaEmitter
from translator.diagnostics import CutransError
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.types import BF16, BFLOAT162, F16, F32, HALF2, I32, U32, Array, vector_struct
from translator.passes import run_pipeline
from translator.passes.lower_warp_ops import lower_warp_ops

HEAD = "#include <cuda_fp16.h>\n#include <cuda_bf16.h>\n"
TYPES = {"__half": F16, "__half2": HALF2, "__nv_bfloat16": BF16, "__nv_bfloat162": BFLOAT162}
SHUFFLES = {"__shfl_sync": ("shfl_idx", "lane * 3 + 1", I32), "__shfl_up_sync": ("shfl_up", "2u", U32),
            "__shfl_down_sync": ("shfl_down", "5u", U32), "__shfl_xor_sync": ("shfl_xor", "6", I32)}
# the IR type that holds each 16-bit type's values on OpenCL without cl_khr_fp16 (passes/half_as_float.py)
OPENCL_HOLDS = {F16: F32, HALF2: vector_struct("float2"), BF16: BF16, BFLOAT162: BFLOAT162}


def _source(ctype: str, statement: str) -> str:
    return HEAD + (f"__global__ void k({ctype}* o, int width) {{\n"
                   f"    int lane = threadIdx.x % 32;\n"
                   f"    {ctype} v = o[threadIdx.x];\n"
                   f"    {statement}\n}}")


def _kernel(module):
    return next(f for f in module.functions if f.name == "k")


@pytest.mark.parametrize("ctype", TYPES)
@pytest.mark.parametrize("name", SHUFFLES)
def test_a_shuffle_of_a_16_bit_type_is_a_warp_op_of_that_type_on_the_unconverted_value(lower, name, ctype):
    op, arg, arg_type = SHUFFLES[name]
    module, diags = lower(_source(ctype, f"o[threadIdx.x] = {name}(0x0000ffffu, v, {arg}, width);"))
    assert not diags
    (e,) = [n for n in walk(module) if isinstance(n, N.WarpOp)]
    mask, value, lane, width = e.args
    assert (e.op, e.type) == (op, TYPES[ctype])
    assert isinstance(value, N.VarRef) and (value.name, value.type) == ("v", TYPES[ctype])   # moved, not converted
    assert (mask.type, lane.type, width.type) == (U32, arg_type, I32)


@pytest.mark.parametrize("ctype", TYPES)
def test_the_width_defaults_to_32_and_the_value_keeps_its_type_in_arithmetic(lower, ctype):
    add = "__hadd2" if ctype.endswith("2") else "__hadd"
    module, diags = lower(_source(ctype, f"o[threadIdx.x] = {add}(v, __shfl_xor_sync(0xffffffffu, v, 16));"))
    assert not diags                  # was "call to '__hadd' is ambiguous": the shuffle gave a float
    (e,) = [n for n in walk(module) if isinstance(n, N.WarpOp)]
    assert e.type == TYPES[ctype] and isinstance(e.args[3], N.IntLit) and e.args[3].value == 32


@pytest.mark.parametrize("call", ["__shfl_xor(v, 1)", "__shfl(v, 0, 16)", "__shfl_up(v, 1u)", "__shfl_down(v, 1u)"])
@pytest.mark.parametrize("ctype", ["__half", "__nv_bfloat162", "int"])
def test_the_forms_without_a_mask_are_not_declared_for_any_type(cuda_file, call, ctype):
    from translator.frontend.clang_setup import parse
    with pytest.raises(CutransError) as info:
        parse(cuda_file(_source(ctype, f"o[threadIdx.x] = {call};")))
    assert info.value.diagnostics[0].code == "P002" and call.split("(")[0] in info.value.diagnostics[0].message


def _all_types_module(lower):
    """One kernel that loads a value of each type, shuffles it and stores it: nothing else."""
    params = ", ".join(f"{ctype}* o{i}" for i, ctype in enumerate(TYPES))
    body = "".join(f"    o{i}[threadIdx.x] = __shfl_down_sync(0xffffffffu, o{i}[threadIdx.x], 1u, 8);\n"
                   for i in range(len(TYPES)))
    module, diags = lower(HEAD + f"__global__ void k({params}) {{\n{body}}}")
    assert not diags
    return module


def test_the_exchange_stores_and_reads_a_scratch_array_of_the_value_type_without_conversions(lower):
    kernel = _kernel(lower_warp_ops(_all_types_module(lower)))
    scratch = {s.name: s.type for s in kernel.body.stmts if isinstance(s, N.VarDecl) and s.space == "shared"}
    assert scratch == {"cutrans_warp_f16": Array(F16, 1024), "cutrans_warp_half2": Array(HALF2, 1024),
                       "cutrans_warp_bf16": Array(BF16, 1024), "cutrans_warp_nv_bfloat162": Array(BFLOAT162, 1024)}
    assert not [n for n in walk(kernel) if isinstance(n, (N.Cast, N.MathCall)) and n.type in TYPES.values()]
    stores = [n for n in walk(kernel) if isinstance(n, N.Assign) and isinstance(n.target, N.Index)
              and n.target.base.name.startswith("cutrans_warp_")]
    reads = [s for s in walk(kernel) if isinstance(s, N.VarDecl) and s.name.startswith("cutrans_warp_")
             and s.space == "private"]
    each = [(t, f"cutrans_warp_{t.name}") for t in TYPES.values()]
    assert [(a.value.type, a.target.base.name) for a in stores] == each
    assert [(r.type, r.init.base.name) for r in reads] == each


def test_opencl_exchanges_halves_as_the_floats_that_hold_them_and_bfloat16_as_bits(lower):
    kernel = _kernel(run_pipeline(_all_types_module(lower), "opencl"))
    scratch = {s.name: s.type.elem for s in walk(kernel) if isinstance(s, N.VarDecl) and s.space == "shared"}
    assert scratch == {f"cutrans_warp_{t.name}": OPENCL_HOLDS[t] for t in TYPES.values()}
    # loads and stores of global memory only: no rounding, so no conversion on the way
    assert {n.func for n in walk(kernel) if isinstance(n, N.MathCall)} == {"load_half", "store_half", "load_half2",
                                                                           "store_half2"}


@pytest.mark.parametrize("target", ["cpu", "cuda"])
def test_other_targets_keep_the_type(lower, target):
    kernel = _kernel(run_pipeline(_all_types_module(lower), target))
    types = {n.type for n in walk(kernel) if isinstance(n, (N.WarpOp, N.VarDecl))}
    assert set(TYPES.values()) <= {t.elem if isinstance(t, Array) else t for t in types}


def test_the_cuda_round_trip_parses_back_to_the_same_ir(lower):
    module = _all_types_module(lower)
    cuda = CudaEmitter().visit(module)
    assert "__shfl_down_sync(4294967295u, o0[threadIdx.x], 1u, 8)" in cuda
    again, diags = lower(cuda)
    assert not diags
    assert CudaEmitter().visit(again) == cuda and again.functions == module.functions
